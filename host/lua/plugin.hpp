#pragma once
// Clause-type plugins: the Lua files of plugins/, one clause type each,
// loaded into one sandboxed Vm (see sandbox.hpp) and offered to the engine
// as engine::ClauseType objects.
//
// Code shared by several plugins lives in plugins/lib/<name>.lua: a plugin
// runs it with include("<name>"), which returns what the library returns.
// A library runs in the same sandbox and budget as the plugin that includes
// it, in an environment of its own; it is not a clause type.
//
// A plugin returns a table described in plugin_manifest.hpp; its
// evaluate(lot, ctx) receives the tables of lot_table.hpp and host_api.hpp
// and returns the table of plugin_result.hpp. A plugin that fails to load is
// reported and left out; the others load. A plugin that fails on a lot
// (error, budget, memory, invalid result) fails for that lot only.
//
//   DiagnosticList diags;
//   auto plugins = lua::PluginSet::load("plugins", params, lua::Limits{}, diags);
//   engine::Evaluator evaluator(plugins->clause_types());

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "engine/clause_type.hpp"
#include "lua/vm.hpp"
#include "params/parameter.hpp"

namespace clausier::lua {

class PluginRuntime;

// One plugin's text and the name messages show for it ("plugins/insertion.lua");
// its id must be the name's base name ("insertion").
struct PluginSource {
  std::string display;
  std::string text;
};

class PluginSet {
 public:
  // Loads every `*.lua` file of `dir` (not its subfolders; hidden files
  // skipped), in name order, with the libraries of `dir`/lib/. Returns null,
  // reported, when `dir` is not a readable folder. The set keeps its own copy
  // of `params`.
  [[nodiscard]] static std::unique_ptr<PluginSet> load(const std::filesystem::path& dir,
                                                       const params::ParameterSet& params, Limits limits,
                                                       DiagnosticSink& diags);
  // The same from texts already read (tests, embedded plugins); `libraries`
  // are named by their base name ("plugins/lib/reserve.lua": "reserve").
  [[nodiscard]] static std::unique_ptr<PluginSet> load_sources(std::vector<PluginSource> sources,
                                                               const params::ParameterSet& params,
                                                               Limits limits, DiagnosticSink& diags,
                                                               std::vector<PluginSource> libraries = {});

  ~PluginSet();
  PluginSet(const PluginSet&) = delete;
  PluginSet& operator=(const PluginSet&) = delete;

  // A new set with its own Vm, loaded from the same plugin texts and
  // parameters: one per worker thread. Problems were reported by load().
  [[nodiscard]] std::unique_ptr<PluginSet> clone() const;

  // One clause type per loaded plugin, sorted by order, then id. They share
  // this set's Vm and keep it alive after the set is gone; use them (and the
  // set) from one thread at a time: clone() the set for each other thread.
  [[nodiscard]] std::vector<std::unique_ptr<engine::ClauseType>> clause_types() const;
  // What the clause types are, in the same order.
  [[nodiscard]] std::vector<engine::ClauseInfo> infos() const;
  [[nodiscard]] std::size_t size() const;

 private:
  explicit PluginSet(std::shared_ptr<PluginRuntime> runtime);
  std::shared_ptr<PluginRuntime> runtime_;
};

}  // namespace clausier::lua
