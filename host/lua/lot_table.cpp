#include "lua/lot_table.hpp"

#include "lua/cfunction.hpp"
#include "lua/read_only.hpp"
#include "model/lot_field.hpp"

namespace clausier::lua {
namespace {

// The fields plugins see in their lot table: all but the rule parameters.
bool in_table(const LotFieldInfo& field) { return !field.parameter; }

// Whether the table of `a` shows `b` as well.
bool same_table(const Lot& a, const Lot& b) {
  for (const LotFieldInfo& field : lot_fields()) {
    if (in_table(field) && field.get(a) != field.get(b)) return false;
  }
  return true;
}

// Sets lot[key] to `value`, typed by the field's kind; nothing when absent.
void set(lua_State* L, const LotFieldInfo& field, const LotValue& value) {
  struct Push {
    lua_State* L;
    const LotFieldInfo& field;
    void operator()(std::monostate /*absent*/) const {}
    void operator()(std::string_view s) const { push(L, s); }
    void operator()(std::int64_t n) const {
      if (field.kind == LotValueKind::amount) {
        lua_pushnumber(L, static_cast<double>(n) / 100.0);
      } else {
        lua_pushinteger(L, n);
      }
    }
    void operator()(double x) const { lua_pushnumber(L, x); }
    void operator()(bool b) const { lua_pushboolean(L, b ? 1 : 0); }
    void operator()(Date d) const { push(L, d.iso()); }
  };
  if (std::holds_alternative<std::monostate>(value)) return;
  push(L, field.key);
  std::visit(Push{L, field}, value);
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
  lua_createtable(L_, 0, static_cast<int>(lot_field_count));
  for (const LotFieldInfo& field : lot_fields()) {
    if (in_table(field)) set(L_, field, field.get(lot));
  }
  lua_pushnumber(L_, totals.montant_ht());
  lua_setfield(L_, -2, "total_consultation_ht");
  lua_pushinteger(L_, totals.lots);
  lua_setfield(L_, -2, "lots_consultation");
  lua_rawgeti(L_, LUA_REGISTRYINDEX, refusal_ref_);
  wrap_read_only(L_);
}

}  // namespace clausier::lua
