#include "lua/host_api.hpp"

#include <array>

#include "lua/cfunction.hpp"
#include "lua/ctx_format.hpp"
#include "lua/read_only.hpp"

namespace clausier::lua {
namespace {

// Beyond this many dates the ctx cache starts again (a programme spans a few
// years of launch dates; this bounds the memory plugins cannot use).
constexpr std::size_t max_cached_dates = 512;
// Beyond this many resolved (parameter, key, date) the lookup cache starts
// again (about 7 plugins x 10 lookups x a few hundred dates in practice).
constexpr std::size_t max_resolved = 16384;

// A per-lot override of a rule parameter (programme columns of design.md).
struct OverrideField {
  std::string_view name;
  std::optional<double> LotOverrides::*member;
  std::string_view unit;
};

constexpr std::array override_fields = {
    OverrideField{"part_main_oeuvre", &LotOverrides::part_main_oeuvre, "ratio"},
    OverrideField{"taux_insertion", &LotOverrides::taux_insertion, "ratio"},
    OverrideField{"cout_horaire", &LotOverrides::cout_horaire, "EUR/h"},
};

const OverrideField* find_override(std::string_view name) {
  for (const auto& f : override_fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

HostApi& host(lua_State* L) { return *static_cast<HostApi*>(lua_touserdata(L, lua_upvalueindex(1))); }

int ctx_param(lua_State* L) { return host(L).get(L, HostApi::Want::value, "ctx.param"); }
int ctx_try_param(lua_State* L) { return host(L).get(L, HostApi::Want::value_or_nil, "ctx.try_param"); }
int ctx_lookup(lua_State* L) { return host(L).get(L, HostApi::Want::description, "ctx.lookup"); }
int ctx_override(lua_State* L) { return host(L).override_value(L); }

[[noreturn]] void raise(lua_State* L, const char* function, const std::string& message) {
  luaL_error(L, "%s : %s", function, message.c_str());
  __builtin_unreachable();  // luaL_error throws
}

bool takes_key(params::Kind kind) {
  return kind == params::Kind::map || kind == params::Kind::cpv_table || kind == params::Kind::cpv_list ||
         kind == params::Kind::directory;
}

void push_scalar(lua_State* L, const params::Scalar& v) {
  if (const auto* d = std::get_if<double>(&v)) {
    lua_pushnumber(L, *d);
  } else if (const auto* b = std::get_if<bool>(&v)) {
    lua_pushboolean(L, *b ? 1 : 0);
  } else if (const auto* s = std::get_if<std::string>(&v)) {
    push(L, *s);
  } else {
    push(L, std::get<Date>(v).iso());
  }
}

void push_value(lua_State* L, const params::Lookup& found) {
  if (found.parameter->kind == params::Kind::cpv_list) {
    lua_pushboolean(L, found.member ? 1 : 0);
  } else {
    push_scalar(L, found.leaf->value);
  }
}

// Sets t[field] = s on the table on top, unless s is empty.
void set_text(lua_State* L, const char* field, std::string_view s) {
  if (s.empty()) return;
  push(L, s);
  lua_setfield(L, -2, field);
}

// { value, from, reference, status, key, unit }; `entry`: the lookup's trace
// entry, whose texts are already formatted.
void push_description(lua_State* L, const params::Lookup& found, const TraceEntry& entry) {
  lua_createtable(L, 0, 6);
  push_value(L, found);
  lua_setfield(L, -2, "value");
  set_text(L, "from", entry.from);
  set_text(L, "reference", entry.reference);
  set_text(L, "status", entry.status);
  set_text(L, "key", found.matched_key);
  set_text(L, "unit", found.parameter->unit);
}

std::string shown_value(const params::Lookup& found) {
  if (found.parameter->kind == params::Kind::cpv_list) return params::format_value(found.member, "");
  return params::format_value(found.leaf->value, found.parameter->unit);
}

}  // namespace

HostApi::HostApi(Vm& vm, const params::ParameterSet& params) : L_(vm.state()), params_(params) {
  lua_newtable(L_);
  cache_ref_ = luaL_ref(L_, LUA_REGISTRYINDEX);
  lua_createtable(L_, 0, 4);
  lua_pushlightuserdata(L_, this);
  lua_pushcclosure(L_, &guarded<ctx_override>, 1);
  lua_setfield(L_, -2, "override");
  push_round_function(L_);
  lua_setfield(L_, -2, "round");
  push_format_table(L_);
  lua_setfield(L_, -2, "fmt");
  push_assignment_refusal(L_, "ctx est en lecture seule");
  lua_setfield(L_, -2, "refusal");
  shared_ref_ = luaL_ref(L_, LUA_REGISTRYINDEX);
}

void HostApi::push_ctx(Date date) {
  lua_rawgeti(L_, LUA_REGISTRYINDEX, cache_ref_);
  if (lua_rawgeti(L_, -1, date.days()) == LUA_TTABLE) {
    lua_remove(L_, -2);
    return;
  }
  lua_pop(L_, 1);
  if (cached_ >= max_cached_dates) {
    lua_pop(L_, 1);
    lua_newtable(L_);
    lua_pushvalue(L_, -1);
    lua_rawseti(L_, LUA_REGISTRYINDEX, cache_ref_);
    cached_ = 0;
  }
  push_ctx_table(date);
  lua_pushvalue(L_, -1);
  lua_rawseti(L_, -3, date.days());
  ++cached_;
  lua_remove(L_, -2);
}

void HostApi::push_ctx_table(Date date) {
  lua_createtable(L_, 0, 7);
  push(L_, date.iso());
  lua_setfield(L_, -2, "date");
  const std::array<std::pair<const char*, lua_CFunction>, 3> dated = {{
      {"param", &guarded<ctx_param>},
      {"try_param", &guarded<ctx_try_param>},
      {"lookup", &guarded<ctx_lookup>},
  }};
  for (const auto& [name, function] : dated) {
    lua_pushlightuserdata(L_, this);
    lua_pushinteger(L_, date.days());
    lua_pushcclosure(L_, function, 2);
    lua_setfield(L_, -2, name);
  }
  lua_rawgeti(L_, LUA_REGISTRYINDEX, shared_ref_);
  for (const char* name : {"override", "round", "fmt"}) {
    lua_getfield(L_, -1, name);
    lua_setfield(L_, -3, name);
  }
  lua_getfield(L_, -1, "refusal");
  lua_remove(L_, -2);
  wrap_read_only(L_);
}

const HostApi::Resolved& HostApi::resolve(std::string_view name, std::optional<std::string_view> key,
                                          Date date) {
  resolve_key_.assign(name);
  resolve_key_ += key ? '\x01' : '\x02';
  if (key) resolve_key_ += *key;
  const std::int32_t days = date.days();
  resolve_key_.append(reinterpret_cast<const char*>(&days), sizeof days);
  if (const auto it = resolved_.find(resolve_key_); it != resolved_.end()) return it->second;
  if (resolved_.size() >= max_resolved) resolved_.clear();
  Resolved r{params_.lookup(name, date, key), {}};
  if (const auto* found = std::get_if<params::Lookup>(&r.found)) {
    r.entry = {std::string(name),
               std::string(key.value_or("")),
               std::string(found->matched_key),
               shown_value(*found),
               found->dated->from.iso(),
               std::string(found->reference()),
               std::string(params::status_id(found->status())),
               found->parameter->file};
  }
  return resolved_.emplace(resolve_key_, std::move(r)).first->second;
}

int HostApi::get(lua_State* L, Want want, const char* function) {
  const auto name = string_argument(L, 1, function);
  std::optional<std::string_view> key;
  if (!lua_isnoneornil(L, 2)) key = string_argument(L, 2, function);
  const Date date = Date::from_days(static_cast<std::int32_t>(lua_tointeger(L, lua_upvalueindex(2))));
  const Resolved& resolved = resolve(name, key, date);
  if (const auto* error = std::get_if<params::LookupError>(&resolved.found)) {
    const bool absent =
        *error == params::LookupError::not_in_force || *error == params::LookupError::key_not_found;
    if (absent && want != Want::value) {
      lua_pushnil(L);
      return 1;
    }
    raise(L, function, params::describe(*error, name, date, key));
  }
  const auto& lookup = std::get<params::Lookup>(resolved.found);
  if (key && !takes_key(lookup.parameter->kind)) {
    raise(L, function, "le paramètre " + guillemets(name) + " n'est pas une table : il ne prend pas de clé");
  }
  record(resolved.entry);
  if (want == Want::description) {
    push_description(L, lookup, resolved.entry);
  } else {
    push_value(L, lookup);
  }
  return 1;
}

int HostApi::override_value(lua_State* L) {
  const auto name = string_argument(L, 1, "ctx.override");
  const OverrideField* field = find_override(name);
  if (field == nullptr) {
    raise(L, "ctx.override",
          guillemets(name) +
              " n'est pas une valeur que le programme peut donner par lot (valeurs admises : "
              "part_main_oeuvre, taux_insertion, cout_horaire)");
  }
  if (lot_ == nullptr) raise(L, "ctx.override", "utilisable seulement pendant evaluate");
  const std::optional<double>& value = lot_->overrides.*(field->member);
  if (!value) {
    lua_pushnil(L);
    return 1;
  }
  if (!recorded(name, {})) {
    trace_.push_back({std::string(name),
                      {},
                      {},
                      params::format_value(*value, field->unit),
                      {},
                      {},
                      "saisie",
                      lot_->source.str()});
  }
  lua_pushnumber(L, *value);
  return 1;
}

bool HostApi::recorded(std::string_view name, std::string_view key) const {
  for (const auto& entry : trace_) {
    if (entry.parameter == name && entry.key == key) return true;
  }
  return false;
}

void HostApi::record(const TraceEntry& entry) {
  if (lot_ == nullptr || recorded(entry.parameter, entry.key)) return;
  trace_.push_back(entry);
}

HostApi::CallScope::CallScope(HostApi& api, const Lot& lot) : api_(api) {
  api_.lot_ = &lot;
  api_.trace_.clear();
}

HostApi::CallScope::~CallScope() { api_.lot_ = nullptr; }

std::vector<TraceEntry> HostApi::CallScope::take_trace() {
  std::vector<TraceEntry> out = std::exchange(api_.trace_, {});
  api_.trace_.reserve(out.size());  // the next call records about as many
  return out;
}

}  // namespace clausier::lua
