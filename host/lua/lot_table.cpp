#include "lua/lot_table.hpp"

#include "lua/cfunction.hpp"
#include "lua/read_only.hpp"
#include "model/lot_field.hpp"

namespace clausier::lua {
namespace {

// Whether the table of `a` shows `b` as well (overrides and source are not in it).
bool same_table(const Lot& a, const Lot& b) {
  return a.montant_ht_cents == b.montant_ht_cents && a.date_lancement == b.date_lancement &&
         a.reference == b.reference && a.consultation == b.consultation && a.lot == b.lot && a.cpv == b.cpv &&
         a.nature == b.nature && a.type_acheteur == b.type_acheteur && a.duree_mois == b.duree_mois &&
         a.anru == b.anru && a.lieu == b.lieu && a.objet == b.objet && a.acheteur == b.acheteur;
}

// The fields of the lot are named by model/lot_field.hpp; the consultation's
// totals are the table's own.
void set(lua_State* L, LotField field, std::string_view text) {
  push(L, lot_field_key(field));
  push(L, text);
  lua_rawset(L, -3);
}

void set(lua_State* L, LotField field, double number) {
  push(L, lot_field_key(field));
  lua_pushnumber(L, number);
  lua_rawset(L, -3);
}

void set_integer(lua_State* L, LotField field, lua_Integer n) {
  push(L, lot_field_key(field));
  lua_pushinteger(L, n);
  lua_rawset(L, -3);
}

void set_boolean(lua_State* L, LotField field, bool b) {
  push(L, lot_field_key(field));
  lua_pushboolean(L, b ? 1 : 0);
  lua_rawset(L, -3);
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
  set(L_, LotField::reference, lot.reference);
  set(L_, LotField::consultation, lot.consultation);
  set(L_, LotField::lot, lot.lot);
  set(L_, LotField::objet, lot.objet);
  set(L_, LotField::acheteur, lot.acheteur);
  set(L_, LotField::type_acheteur, buyer_type_id(lot.type_acheteur));
  set(L_, LotField::nature, nature_id(lot.nature));
  set(L_, LotField::cpv, lot.cpv);
  set(L_, LotField::montant_ht, lot.montant_ht());
  if (lot.duree_mois) set_integer(L_, LotField::duree_mois, *lot.duree_mois);
  set(L_, LotField::date_lancement, lot.date_lancement.iso());
  if (!lot.lieu.empty()) set(L_, LotField::lieu, lot.lieu);
  if (lot.anru) set_boolean(L_, LotField::anru, *lot.anru);
  lua_pushnumber(L_, totals.montant_ht());
  lua_setfield(L_, -2, "total_consultation_ht");
  lua_pushinteger(L_, totals.lots);
  lua_setfield(L_, -2, "lots_consultation");
  lua_rawgeti(L_, LUA_REGISTRYINDEX, refusal_ref_);
  wrap_read_only(L_);
}

}  // namespace clausier::lua
