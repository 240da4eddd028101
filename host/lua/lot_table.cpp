#include "lua/lot_table.hpp"

#include "lua/cfunction.hpp"
#include "lua/read_only.hpp"

namespace clausier::lua {
namespace {

// Whether the table of `a` shows `b` as well (overrides and source are not in it).
bool same_table(const Lot& a, const Lot& b) {
  return a.montant_ht_cents == b.montant_ht_cents && a.date_lancement == b.date_lancement &&
         a.reference == b.reference && a.consultation == b.consultation && a.lot == b.lot && a.cpv == b.cpv &&
         a.nature == b.nature && a.type_acheteur == b.type_acheteur && a.duree_mois == b.duree_mois &&
         a.anru == b.anru && a.lieu == b.lieu && a.objet == b.objet && a.acheteur == b.acheteur;
}

void set(lua_State* L, const char* field, std::string_view text) {
  push(L, text);
  lua_setfield(L, -2, field);
}

void set(lua_State* L, const char* field, double number) {
  lua_pushnumber(L, number);
  lua_setfield(L, -2, field);
}

void set_integer(lua_State* L, const char* field, lua_Integer n) {
  lua_pushinteger(L, n);
  lua_setfield(L, -2, field);
}

}  // namespace

LotTable::LotTable(Vm& vm) : L_(vm.state()) {
  push_assignment_refusal(L_,
                          "la table lot est en lecture seule (copiez la valeur dans une variable locale)");
  refusal_ref_ = luaL_ref(L_, LUA_REGISTRYINDEX);
  lua_pushnil(L_);
  table_ref_ = luaL_ref(L_, LUA_REGISTRYINDEX);
}

void LotTable::push(const Lot& lot, const ConsultationTotals& totals) {
  const bool same = last_ && same_table(*last_, lot) &&
                    last_totals_.montant_ht_cents == totals.montant_ht_cents &&
                    last_totals_.lots == totals.lots;
  if (!same) {
    build(lot, totals);
    lua_rawseti(L_, LUA_REGISTRYINDEX, table_ref_);
    last_ = lot;  // assignment reuses the strings' buffers
    last_totals_ = totals;
  }
  lua_rawgeti(L_, LUA_REGISTRYINDEX, table_ref_);
}

void LotTable::build(const Lot& lot, const ConsultationTotals& totals) {
  lua_createtable(L_, 0, 15);
  set(L_, "reference", lot.reference);
  set(L_, "consultation", lot.consultation);
  set(L_, "lot", lot.lot);
  set(L_, "objet", lot.objet);
  set(L_, "acheteur", lot.acheteur);
  set(L_, "type_acheteur", buyer_type_id(lot.type_acheteur));
  set(L_, "nature", nature_id(lot.nature));
  set(L_, "cpv", lot.cpv);
  set(L_, "montant_ht", lot.montant_ht());
  if (lot.duree_mois) set_integer(L_, "duree_mois", *lot.duree_mois);
  set(L_, "date_lancement", lot.date_lancement.iso());
  if (!lot.lieu.empty()) set(L_, "lieu", lot.lieu);
  if (lot.anru) {
    lua_pushboolean(L_, *lot.anru ? 1 : 0);
    lua_setfield(L_, -2, "anru");
  }
  set(L_, "total_consultation_ht", totals.montant_ht());
  set_integer(L_, "lots_consultation", totals.lots);
  lua_rawgeti(L_, LUA_REGISTRYINDEX, refusal_ref_);
  wrap_read_only(L_);
}

}  // namespace clausier::lua
