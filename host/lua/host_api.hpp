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
//                                or nil like try_param; for a plugin of api 2, a
//                                read-only table shared by every call (api 1: a
//                                new table each time)
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
// Hot path: a (parameter, key) is a slot, found by the addresses of the Lua
// strings naming it (Lua interns short strings; the text is still compared)
// and, failing that, by its text. A slot resolves its lookup once per dated
// value of the parameter, with the trace entry formatted once: every date of
// the same dated value shares it. Recording it in a call's trace is a stamp
// check. Slots are bounded (all dropped when too many keys were asked for).

#include <cstdint>
#include <lua.hpp>
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
    // `plugin_api`: the API the calling plugin is written for (ctx.lookup's
    // table is a copy for api 1, shared and read-only from api 2).
    CallScope(HostApi& api, const Lot& lot, int plugin_api = 1);
    ~CallScope();
    CallScope(const CallScope&) = delete;
    CallScope& operator=(const CallScope&) = delete;
    [[nodiscard]] Trace take_trace();

   private:
    HostApi& api_;
  };

  // Entry points of the ctx functions (lua_CFunctions read their HostApi from
  // an upvalue); public for the function table in host_api.cpp only.
  enum class Want { value, value_or_nil, description };
  int get(lua_State* L, Want want, const char* function);
  int override_value(lua_State* L);

 private:
  // What a (parameter, key) gives while one dated value is in force, looked
  // up and formatted once.
  struct Resolved {
    std::variant<params::Lookup, params::LookupError> found;
    Trace::Entry entry;  // set when found
    // Registry: the values of ctx.lookup's table, made on first use; each
    // call gets a new table filled from it.
    int description = LUA_NOREF;
    // Registry: the read-only table ctx.lookup gives plugins of api 2, the
    // same at every call.
    int shared_description = LUA_NOREF;
  };
  // A (parameter, key) plugins asked for.
  struct Slot {
    std::string name;
    std::optional<std::string> key;
    const params::Parameter* parameter = nullptr;   // null: not in the rules
    std::vector<std::optional<Resolved>> by_value;  // by index of the dated value in force
    std::uint64_t traced_in = 0;                    // the last call whose trace has it
  };
  // A slot by the addresses of the Lua strings of its name and key.
  struct Recent {
    const char* name = nullptr;
    const char* key = nullptr;
    std::uint32_t slot = 0;
  };

  void push_ctx_table(Date date);
  Slot& slot(std::string_view name, std::optional<std::string_view> key);
  Slot& add_slot(std::string_view name, std::optional<std::string_view> key);
  Resolved& resolve(Slot& slot, Date date);
  void record(Slot& slot, const Trace::Entry& entry);
  [[nodiscard]] bool recorded(std::string_view name, std::string_view key) const;

  lua_State* L_;
  const params::ParameterSet& params_;
  int cache_ref_;   // registry: date (days) -> ctx
  int shared_ref_;  // registry: { override, round, fmt, refusal } shared by every ctx
  std::size_t cached_ = 0;
  const Lot* lot_ = nullptr;  // the lot of the current call
  std::uint64_t call_ = 0;    // serial of the current call (CallScope)
  int plugin_api_ = 1;        // the API of the current call's plugin
  // The trace may hold entries no slot stamp knows of (overrides, slots
  // dropped during the call): look for duplicates in the trace itself.
  bool scan_trace_ = false;
  Trace trace_;
  std::vector<Slot> slots_;
  std::unordered_map<std::string, std::uint32_t> by_text_;  // slot by name and key
  std::string text_key_;                                    // scratch for by_text_
  std::vector<Recent> recent_;                              // direct-mapped, by string addresses
  Resolved unknown_{params::LookupError::unknown_parameter, {}};
  Resolved not_in_force_{params::LookupError::not_in_force, {}};
};

}  // namespace clausier::lua
