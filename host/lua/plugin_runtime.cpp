#include "lua/plugin_runtime.hpp"

#include <algorithm>
#include <filesystem>

#include "base/french.hpp"
#include "base/quoted.hpp"
#include "lua/cfunction.hpp"
#include "lua/lua_message.hpp"
#include "lua/plugin_manifest.hpp"
#include "lua/plugin_result.hpp"
#include "lua/sandbox.hpp"
#include "lua/table_reader.hpp"

namespace clausier::lua {
namespace {

Diagnostic located_error(const std::string& file, std::uint32_t line, std::string_view message) {
  Location where;
  where.file = file;
  where.line = line;
  return {Severity::error, std::move(where), fr::typography(message)};
}

// Restores the Lua stack to its height at construction.
class StackRestore {
 public:
  explicit StackRestore(lua_State* L) : L_(L), top_(lua_gettop(L)) {}
  ~StackRestore() { lua_settop(L_, top_); }
  StackRestore(const StackRestore&) = delete;
  StackRestore& operator=(const StackRestore&) = delete;

 private:
  lua_State* L_;
  int top_;
};

}  // namespace

PluginRuntime::PluginRuntime(const params::ParameterSet& params, Limits limits,
                             std::vector<PluginSource> libraries)
    : limits_(limits),
      params_(params),
      libraries_(std::move(libraries)),
      vm_(limits),
      api_(vm_, params_),
      lot_(vm_) {
  install_sandbox(vm_);
  add_shared_function(vm_, "include", &guarded<&PluginRuntime::include>, this);
}

int PluginRuntime::include(lua_State* L) {
  auto& runtime = *static_cast<PluginRuntime*>(lua_touserdata(L, lua_upvalueindex(1)));
  const std::string_view name = string_argument(L, 1, "include");
  const PluginSource* library = runtime.library(name);
  if (library == nullptr) {
    std::string known;
    for (const auto& l : runtime.libraries_)
      known += (known.empty() ? "" : ", ") + std::filesystem::path(l.display).stem().string();
    luaL_error(
        L, "include : bibliothèque %s inconnue : les bibliothèques sont les fichiers de plugins/lib/ (%s)",
        fr::quoted(name).c_str(), known.empty() ? "aucune" : known.c_str());
  }
  if (std::string error = load_sandboxed(runtime.vm_, library->text, library->display); !error.empty())
    luaL_error(L, "include : %s", error.c_str());
  lua_call(L, 0, 1);  // within the running call's budget; its errors name the library's lines
  return 1;
}

// Lua names a chunk as loaded, shortened when long ("...lib/reserve.lua"):
// a library's errors are located in the library, the others in the plugin.
std::string PluginRuntime::chunk_file(const LuaMessage& m, const std::string& plugin_file) const {
  if (m.chunk.empty() || m.chunk == plugin_file) return plugin_file;
  const std::string_view tail =
      std::string_view(m.chunk).starts_with("...") ? std::string_view(m.chunk).substr(3) : m.chunk;
  for (const auto& l : libraries_) {
    if (l.display == m.chunk || (tail.size() < m.chunk.size() && std::string_view(l.display).ends_with(tail)))
      return l.display;
  }
  return plugin_file;
}

// A Lua error message as a diagnostic: its file and line, and its text in French.
Diagnostic PluginRuntime::lua_failure(const std::string& file, std::string_view message) const {
  const LuaMessage m = split_lua_message(message, file);
  return located_error(chunk_file(m, file), m.line, translate_lua_message(m.text));
}

Diagnostic PluginRuntime::load_failure(const std::string& file, std::string_view message,
                                       bool compile) const {
  const LuaMessage m = split_lua_message(message, file);
  return located_error(chunk_file(m, file), m.line,
                       compile ? "erreur de compilation : " + translate_syntax_message(m.text)
                               : "erreur au chargement : " + translate_lua_message(m.text));
}

const PluginSource* PluginRuntime::library(std::string_view name) const {
  for (const auto& l : libraries_) {
    if (std::filesystem::path(l.display).stem() == name) return &l;
  }
  return nullptr;
}

PluginRuntime::TopLevel PluginRuntime::run_top_level(const std::string& source, const std::string& display) {
  if (std::string error = load_sandboxed(vm_, source, display); !error.empty())
    return {std::move(error), true};
  CallOutcome outcome = vm_.call(0, 1, limits_.load_instructions);
  return {outcome.ok ? std::string() : std::move(outcome.error), false};
}

bool PluginRuntime::add(std::string source, const std::string& display, DiagnosticSink& diags) {
  lua_State* L = vm_.state();
  const StackRestore restore(L);
  if (const TopLevel run = run_top_level(source, display); !run.error.empty()) {
    diags.report(load_failure(display, run.error, run.compile));
    return false;
  }
  Location where;
  where.file = display;
  const std::string id = std::filesystem::path(display).stem().string();
  auto manifest = read_manifest(L, -1, id, params_, where, diags);
  if (!manifest) return false;
  const auto same_id = [&](const LoadedPlugin& p) { return p.info.id == manifest->info.id; };
  if (const auto other = std::find_if(plugins_.begin(), plugins_.end(), same_id); other != plugins_.end()) {
    diags.error(where, "l'identifiant " + fr::quoted(manifest->info.id) + " est déjà celui de " +
                           other->info.source + " : ce plugin est ignoré");
    return false;
  }
  LoadedPlugin plugin;
  plugin.info = std::move(manifest->info);
  plugin.order = manifest->order;
  plugin.source = std::move(source);
  take_evaluate(plugin);
  plugins_.push_back(std::move(plugin));
  return true;
}

void PluginRuntime::take_evaluate(LoadedPlugin& plugin) {
  lua_State* L = vm_.state();
  raw_field(L, -1, "evaluate");
  lua_Debug ar;
  lua_pushvalue(L, -1);
  lua_getinfo(L, ">S", &ar);
  plugin.evaluate_line = ar.linedefined > 0 ? static_cast<std::uint32_t>(ar.linedefined) : 0;
  plugin.evaluate_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

void PluginRuntime::sort() {
  std::stable_sort(plugins_.begin(), plugins_.end(), [](const LoadedPlugin& a, const LoadedPlugin& b) {
    return a.order != b.order ? a.order < b.order : a.info.id < b.info.id;
  });
}

void PluginRuntime::reload(LoadedPlugin& plugin) {
  lua_State* L = vm_.state();
  const StackRestore restore(L);
  luaL_unref(L, LUA_REGISTRYINDEX, plugin.evaluate_ref);
  plugin.evaluate_ref = LUA_NOREF;
  lua_gc(L, LUA_GCCOLLECT);  // the old environment goes before the new one is built
  const TopLevel run = run_top_level(plugin.source, plugin.info.source);
  if (run.error.empty() && lua_type(L, -1) == LUA_TTABLE && raw_field(L, -1, "evaluate") == LUA_TFUNCTION) {
    lua_pop(L, 1);
    take_evaluate(plugin);
  } else {
    plugin.out_of_service =
        "le plugin n'a pas pu être rechargé après son arrêt : " +
        (run.error.empty() ? std::string("il ne renvoie plus de fonction evaluate") : run.error);
  }
}

ClauseResult PluginRuntime::evaluate(std::size_t index, const Lot& lot, const ConsultationTotals& totals,
                                     Date date) {
  LoadedPlugin& plugin = plugins_.at(index);
  ClauseResult out;
  out.type = plugin.info.id;
  try {
    run(plugin, lot, totals, date, out);
  } catch (const std::exception& e) {
    out = ClauseResult{};
    out.type = plugin.info.id;
    out.error = located_error(plugin.info.source, 0, std::string("erreur interne de l'hôte : ") + e.what());
  }
  return out;
}

void PluginRuntime::run(LoadedPlugin& plugin, const Lot& lot, const ConsultationTotals& totals, Date date,
                        ClauseResult& out) {
  if (plugin.evaluate_ref == LUA_NOREF) reload(plugin);  // the reload after a kill failed: try again
  if (plugin.evaluate_ref == LUA_NOREF) {
    out.error = located_error(plugin.info.source, 0, plugin.out_of_service);
    return;
  }
  lua_State* L = vm_.state();
  const StackRestore restore(L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, plugin.evaluate_ref);
  lot_.push(lot, totals);
  api_.push_ctx(date);
  HostApi::CallScope scope(api_, lot, plugin.info.api);
  const CallOutcome outcome = vm_.call(2, 1, limits_.call_instructions);
  out.trace = scope.take_trace();
  if (!outcome.ok) {
    out.error = lua_failure(plugin.info.source, outcome.error);
    out.killed = outcome.kill != Kill::none;
    if (out.killed) reload(plugin);
    return;
  }
  if (std::string problem = read_result(L, -1, plugin.info, patterns_, out); !problem.empty()) {
    ClauseResult failed;
    failed.type = out.type;
    failed.trace = std::move(out.trace);
    failed.error = located_error(plugin.info.source, plugin.evaluate_line, "résultat invalide : " + problem);
    out = std::move(failed);
  }
}

}  // namespace clausier::lua
