#pragma once
// The `ctx` a plugin's evaluate(lot, ctx) receives (plugin api 1). It reads
// the params::ParameterSet in place (nothing is copied into Lua):
//
//   ctx.date                     ISO date of the rules in force for this lot
//   ctx.param(name [, key])      the value in force on ctx.date: number, boolean,
//                                text, or a date as an ISO string. `key`: the
//                                key of a map, the CPV code for a cpv_table
//                                (longest prefix wins) or a cpv_list (gives
//                                true/false membership). Any failure is an error.
//   ctx.try_param(name [, key])  the same, or nil when no value is in force or
//                                the key has no entry (an unknown name is still
//                                an error: it is a bug)
//   ctx.lookup(name [, key])     { value, from, reference, status, key, unit },
//                                or nil like try_param
//   ctx.override(name)           the lot's own value of part_main_oeuvre,
//                                taux_insertion or cout_horaire, or nil
//   ctx.round(x, mode)           mode "inferieur", "superieur" or "plus_proche"
//                                (half away from zero); a whole number
//   ctx.fmt.euros(x) date(iso) percent(ratio) number(x [, decimals]) hours(n)
//                                French text: "1 000 000 €", "21 août 2026", "5 %"
//
// The ctx of a date is built once and cached; it is read-only, like ctx.fmt.
// Every successful param, try_param, lookup and override is recorded once per
// (parameter, key) in the trace of the current call, in first-use order.
//
// Hot path: a (parameter, key, date) is resolved once, with its trace entry
// formatted once, then served from a cache (bounded: cleared when full), so
// that a call costs a hash lookup and no formatting.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "lua/vm.hpp"
#include "model/evaluation.hpp"
#include "params/parameter.hpp"

namespace clausier::lua {

class HostApi {
 public:
  // `params` must outlive this object; so must it outlive any call into `vm`.
  HostApi(Vm& vm, const params::ParameterSet& params);
  HostApi(const HostApi&) = delete;
  HostApi& operator=(const HostApi&) = delete;

  // Pushes the ctx of `date`.
  void push_ctx(Date date);

  // While a CallScope lives, ctx.override reads `lot` and lookups are traced.
  class CallScope {
   public:
    CallScope(HostApi& api, const Lot& lot);
    ~CallScope();
    CallScope(const CallScope&) = delete;
    CallScope& operator=(const CallScope&) = delete;
    [[nodiscard]] std::vector<TraceEntry> take_trace();

   private:
    HostApi& api_;
  };

  // Entry points of the ctx functions (lua_CFunctions read their HostApi from
  // an upvalue); public for the function table in host_api.cpp only.
  enum class Want { value, value_or_nil, description };
  int get(lua_State* L, Want want, const char* function);
  int override_value(lua_State* L);

 private:
  // A lookup done once for a (parameter, key, date), with its trace entry.
  struct Resolved {
    std::variant<params::Lookup, params::LookupError> found;
    TraceEntry entry;  // set when found
  };
  void push_ctx_table(Date date);
  const Resolved& resolve(std::string_view name, std::optional<std::string_view> key, Date date);
  void record(const TraceEntry& entry);
  [[nodiscard]] bool recorded(std::string_view name, std::string_view key) const;

  lua_State* L_;
  const params::ParameterSet& params_;
  int cache_ref_;   // registry: date (days) -> ctx
  int shared_ref_;  // registry: { override, round, fmt, refusal } shared by every ctx
  std::size_t cached_ = 0;
  const Lot* lot_ = nullptr;  // the lot of the current call
  std::vector<TraceEntry> trace_;
  std::unordered_map<std::string, Resolved> resolved_;  // by resolve_key_
  std::string resolve_key_;                             // scratch: name, key and date
};

}  // namespace clausier::lua
