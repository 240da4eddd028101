#pragma once
// The state shared by the clause types of one PluginSet: one sandboxed Vm,
// its ctx and lot tables, and the loaded plugins. Not thread-safe: one
// runtime per worker thread.

#include <cstdint>
#include <lua.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "engine/clause_type.hpp"
#include "lua/host_api.hpp"
#include "lua/lot_table.hpp"
#include "lua/lua_message.hpp"
#include "lua/plugin.hpp"
#include "lua/plugin_result.hpp"
#include "lua/vm.hpp"
#include "params/parameter.hpp"

namespace clausier::lua {

struct LoadedPlugin {
  engine::ClauseInfo info;  // info.source: the display name, "plugins/insertion.lua"
  double order = 100;
  std::string source;               // the Lua text, kept to reload the plugin after a kill
  int evaluate_ref = LUA_NOREF;     // registry reference of evaluate (LUA_NOREF: out of service)
  std::uint32_t evaluate_line = 0;  // where evaluate is defined, to locate invalid results
  std::string out_of_service;       // why, when a reload failed
};

class PluginRuntime {
 public:
  // Keeps its own copy of `params` (C++ side; plugins look values up in it)
  // and the libraries plugins may include (plugin.hpp).
  PluginRuntime(const params::ParameterSet& params, Limits limits, std::vector<PluginSource> libraries = {});
  PluginRuntime(const PluginRuntime&) = delete;
  PluginRuntime& operator=(const PluginRuntime&) = delete;

  // Loads one plugin: runs its top level in a fresh environment under the
  // load budget and checks what it returns. Reports every problem to
  // `diags`; returns false when the plugin is not loaded.
  bool add(std::string source, const std::string& display, DiagnosticSink& diags);
  // Sorts the plugins by order, then id. Call after the last add().
  void sort();

  [[nodiscard]] const std::vector<LoadedPlugin>& plugins() const { return plugins_; }
  [[nodiscard]] const params::ParameterSet& params() const { return params_; }
  [[nodiscard]] const Limits& limits() const { return limits_; }
  [[nodiscard]] const std::vector<PluginSource>& libraries() const { return libraries_; }
  // The library `name` ("reserve" for plugins/lib/reserve.lua), or null.
  [[nodiscard]] const PluginSource* library(std::string_view name) const;

  // Runs plugin `index` on one lot under the call budget. Never throws: a
  // failure is a result with `error` set (located at the plugin's line) and
  // no verdict. After a kill (budget, memory or time), the plugin is reloaded
  // from its source so that what it left behind cannot affect the next lots;
  // should that reload fail (memory held by other plugins), the next call
  // tries again.
  ClauseResult evaluate(std::size_t index, const Lot& lot, const ConsultationTotals& totals, Date date);

 private:
  struct TopLevel {
    std::string error;     // empty: what the file returned is on the stack
    bool compile = false;  // the error is the compiler's
  };
  // Compiles and runs `source` in a fresh environment.
  TopLevel run_top_level(const std::string& source, const std::string& display);
  // Takes evaluate from the manifest on top of the stack.
  void take_evaluate(LoadedPlugin& plugin);
  void reload(LoadedPlugin& plugin);
  void run(LoadedPlugin& plugin, const Lot& lot, const ConsultationTotals& totals, Date date,
           ClauseResult& out);
  // include(name) in Lua: runs the shared library plugins/lib/<name>.lua in
  // an environment of its own, within the running call's budget, and returns
  // what it returns. Only the libraries the host read are reachable: no path.
  static int include(lua_State* L);
  // Where a Lua error happened: the library the message names, or the plugin.
  [[nodiscard]] std::string chunk_file(const LuaMessage& m, const std::string& plugin_file) const;
  [[nodiscard]] Diagnostic lua_failure(const std::string& file, std::string_view message) const;
  [[nodiscard]] Diagnostic load_failure(const std::string& file, std::string_view message,
                                        bool compile) const;

  Limits limits_;
  const params::ParameterSet params_;
  const std::vector<PluginSource> libraries_;
  Vm vm_;  // before the members below, which use it
  HostApi api_;
  LotTable lot_;
  PatternCache patterns_;
  std::vector<LoadedPlugin> plugins_;
};

}  // namespace clausier::lua
