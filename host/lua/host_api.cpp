#include "lua/host_api.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

#include "base/quoted.hpp"
#include "lua/cfunction.hpp"
#include "lua/ctx_format.hpp"
#include "lua/lot_overrides.hpp"
#include "lua/read_only.hpp"

namespace clausier::lua {
namespace {

// Beyond this many dates the ctx cache starts again (a programme spans a few
// years of launch dates, a national file a few thousand days; this bounds the
// memory plugins cannot use: a ctx is under a kilobyte).
constexpr std::size_t max_cached_dates = 4096;
// Beyond this many (parameter, key) the slots start again (about 15
// parameters x a few dozen CPV codes and buyer types in practice).
constexpr std::size_t max_slots = 8192;
// Entries of the direct-mapped table finding slots by string addresses.
constexpr std::size_t recent_size = 1024;

// "part_main_oeuvre, taux_insertion, cout_horaire"
std::string override_list() {
  std::string out;
  for (std::string_view name : override_names()) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
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

// The fields of ctx.lookup's table, in the order they are set.
constexpr std::array<const char*, 7> description_fields = {"value", "from", "reference",       "status",
                                                           "key",   "unit", "politique_locale"};

// Pushes a list of the values of { value, from, reference, status, key, unit,
// politique_locale }
// (nil where a text is empty), made once per resolved lookup; `entry`: the
// lookup's trace entry, whose texts are already formatted.
void push_description_values(lua_State* L, const params::Lookup& found, const TraceEntry& entry) {
  lua_createtable(L, static_cast<int>(description_fields.size()), 0);
  push_value(L, found);
  lua_rawseti(L, -2, 1);
  const std::array<std::string_view, 5> texts = {entry.from, entry.reference, entry.status, found.matched_key,
                                                 found.parameter->unit};
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (texts[i].empty()) continue;
    push(L, texts[i]);
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 2));
  }
  lua_pushboolean(L, found.dated != nullptr && found.dated->local_policy ? 1 : 0);
  lua_rawseti(L, -2, static_cast<lua_Integer>(texts.size() + 2));
}

// Stack: ..., values -> ..., description: a new table (the plugin may change
// it), its fields set in the order above, as when it was built field by field.
void copy_description(lua_State* L) {
  lua_createtable(L, 0, static_cast<int>(description_fields.size()));
  for (std::size_t i = 0; i < description_fields.size(); ++i) {
    if (lua_rawgeti(L, -2, static_cast<lua_Integer>(i + 1)) == LUA_TNIL) {
      lua_pop(L, 1);
      continue;
    }
    lua_setfield(L, -2, description_fields[i]);
  }
  lua_remove(L, -2);
}

std::string shown_value(const params::Lookup& found) {
  if (found.parameter->kind == params::Kind::cpv_list) return params::format_value(found.member, "");
  return params::format_value(found.leaf->value, found.parameter->unit);
}

// The value of an amount parameter (unit EUR), for the trace.
std::optional<double> euros(const params::Lookup& found) {
  if (found.leaf == nullptr || found.parameter->unit != "EUR") return std::nullopt;
  const double* value = std::get_if<double>(&found.leaf->value);
  return value != nullptr ? std::optional<double>(*value) : std::nullopt;
}

}  // namespace

HostApi::HostApi(Vm& vm, const params::ParameterSet& params)
    : L_(vm.state()), params_(params), recent_(recent_size) {
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

HostApi::Slot& HostApi::slot(std::string_view name, std::optional<std::string_view> key) {
  // The strings come from Lua: a short one is interned, so the same text is
  // mostly the same address. An address may be reused by another string once
  // the first is collected, hence the comparison of the texts on a hit.
  const char* key_data = key ? key->data() : nullptr;
  const auto mix = reinterpret_cast<std::uintptr_t>(name.data()) * 0x9E3779B97F4A7C15u ^
                   reinterpret_cast<std::uintptr_t>(key_data);
  Recent& recent = recent_[(mix >> 32) % recent_size];
  if (recent.name == name.data() && recent.key == key_data && recent.slot < slots_.size()) {
    Slot& s = slots_[recent.slot];
    if (s.name == name && s.key.has_value() == key.has_value() && (!key || *s.key == *key)) return s;
  }
  text_key_.assign(name);
  text_key_ += key ? '\x01' : '\x02';
  if (key) text_key_ += *key;
  std::uint32_t index = 0;
  if (const auto it = by_text_.find(text_key_); it != by_text_.end()) {
    index = it->second;
  } else {
    add_slot(name, key);
    index = static_cast<std::uint32_t>(slots_.size() - 1);
    by_text_.emplace(text_key_, index);
  }
  recent = {name.data(), key_data, index};
  return slots_[index];
}

HostApi::Slot& HostApi::add_slot(std::string_view name, std::optional<std::string_view> key) {
  if (slots_.size() >= max_slots) {
    for (const Slot& dropped : slots_) {
      for (const auto& r : dropped.by_value) {
        if (!r) continue;
        luaL_unref(L_, LUA_REGISTRYINDEX, r->description);
        luaL_unref(L_, LUA_REGISTRYINDEX, r->shared_description);
      }
    }
    slots_.clear();
    by_text_.clear();
    std::fill(recent_.begin(), recent_.end(), Recent{});
    scan_trace_ = true;  // the stamps of this call's entries are gone
  }
  Slot& s = slots_.emplace_back();
  s.name = name;
  if (key) s.key.emplace(*key);
  s.parameter = params_.find(name);
  if (s.parameter != nullptr) s.by_value.resize(s.parameter->values.size());
  return s;
}

HostApi::Resolved& HostApi::resolve(Slot& slot, Date date) {
  if (slot.parameter == nullptr) return unknown_;
  // The lookup depends on the date only through the dated value in force.
  const params::DatedValue* in_force = slot.parameter->at(date);
  if (in_force == nullptr) return not_in_force_;
  auto& resolved = slot.by_value[static_cast<std::size_t>(in_force - slot.parameter->values.data())];
  if (resolved) return *resolved;
  const std::optional<std::string_view> key =
      slot.key ? std::optional<std::string_view>(*slot.key) : std::nullopt;
  Resolved& r = resolved.emplace(Resolved{params_.lookup(slot.name, in_force->from, key), {}});
  if (const auto* found = std::get_if<params::Lookup>(&r.found)) {
    r.entry = std::make_shared<const TraceEntry>(
        TraceEntry{slot.name, std::string(key.value_or("")), std::string(found->matched_key),
                   shown_value(*found), found->dated->from.iso(), std::string(found->reference()),
                   std::string(params::status_id(found->status())), found->parameter->file, euros(*found)});
  }
  return r;
}

int HostApi::get(lua_State* L, Want want, const char* function) {
  const auto name = string_argument(L, 1, function);
  std::optional<std::string_view> key;
  if (!lua_isnoneornil(L, 2)) key = string_argument(L, 2, function);
  const Date date = Date::from_days(static_cast<std::int32_t>(lua_tointeger(L, lua_upvalueindex(2))));
  Slot& found_slot = slot(name, key);
  Resolved& resolved = resolve(found_slot, date);
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
    raise(L, function, "le paramètre " + fr::quoted(name) + " n'est pas une table : il ne prend pas de clé");
  }
  record(found_slot, resolved.entry);
  if (want == Want::description) {
    if (resolved.description == LUA_NOREF) {
      push_description_values(L, lookup, *resolved.entry);
      resolved.description = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    if (plugin_api_ >= 2 && resolved.shared_description != LUA_NOREF) {
      lua_rawgeti(L, LUA_REGISTRYINDEX, resolved.shared_description);
      return 1;
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, resolved.description);
    copy_description(L);
    if (plugin_api_ >= 2) {
      push_assignment_refusal(
          L,
          "la table de ctx.lookup est en lecture seule (copiez la valeur dans une variable "
          "locale)");
      wrap_read_only(L);
      lua_pushvalue(L, -1);
      resolved.shared_description = luaL_ref(L, LUA_REGISTRYINDEX);
    }
  } else {
    push_value(L, lookup);
  }
  return 1;
}

int HostApi::override_value(lua_State* L) {
  const auto name = string_argument(L, 1, "ctx.override");
  const LotFieldInfo* field = find_lot_override(name);
  if (field == nullptr) {
    raise(L, "ctx.override",
          fr::quoted(name) +
              " n'est pas une valeur que le programme peut donner par lot (valeurs admises : " +
              override_list() + ")");
  }
  if (lot_ == nullptr) raise(L, "ctx.override", "utilisable seulement pendant evaluate");
  const LotValue read = field->get(*lot_);
  const double* value = std::get_if<double>(&read);
  if (value == nullptr) {
    lua_pushnil(L);
    return 1;
  }
  if (!recorded(name, {})) {
    scan_trace_ = true;
    trace_.push_back(TraceEntry{std::string(name),
                                {},
                                {},
                                params::format_value(*value, override_unit(*field)),
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

void HostApi::record(Slot& slot, const Trace::Entry& entry) {
  // Once per (parameter, key) and call: the slot's stamp says whether it is
  // in this call's trace already, whatever the date asked for.
  if (lot_ == nullptr || slot.traced_in == call_) return;
  slot.traced_in = call_;
  if (scan_trace_ && recorded(entry->parameter, entry->key)) return;
  trace_.push_back(entry);
}

HostApi::CallScope::CallScope(HostApi& api, const Lot& lot, int plugin_api) : api_(api) {
  api_.lot_ = &lot;
  api_.plugin_api_ = plugin_api;
  ++api_.call_;
  api_.scan_trace_ = false;
  api_.trace_.clear();
}

HostApi::CallScope::~CallScope() { api_.lot_ = nullptr; }

Trace HostApi::CallScope::take_trace() {
  // The entries (shared, not copied) go into a trace of their size; trace_
  // keeps its capacity, so recording never grows it again once the largest
  // trace was seen.
  Trace out;
  out.reserve(api_.trace_.size());
  for (const auto& entry : api_.trace_.entries()) out.push_back(entry);
  api_.trace_.clear();
  return out;
}

}  // namespace clausier::lua
