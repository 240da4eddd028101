#pragma once
// The table a plugin file returns (plugin api 1 or 2), checked field by field:
//
//   id        text, required: the file's base name (plugins/insertion.lua: "insertion")
//   api       integer, required: the plugin API version it is written for
//   evaluate  function(lot, ctx), required
//   title     text (default: the id)
//   basis     list of texts: the legal basis ({ "CCP L2112-2" })
//   params    list of the rule parameters it reads: each must exist (else a warning)
//   units     table value name -> unit ("ratio", "EUR", "EUR/h", "heures")
//   order     number (default 100): clause types are sorted by order, then id
//
// Unknown fields are warnings (probably misspelt); any other problem is an
// error and the plugin is not loaded.

#include <optional>
#include <string_view>

#include "base/diagnostic.hpp"
#include "engine/clause_type.hpp"
#include "params/parameter.hpp"

struct lua_State;

namespace clausier::lua {

// The plugin API versions this host supports: from the oldest to the current
// one. Version 2 adds sentences with blanks (plugin_result.hpp); version 1
// stays supported until at least 31 December 2027 (docs/plugin-api.md).
inline constexpr int oldest_plugin_api = 1;
inline constexpr int plugin_api = 2;

struct PluginManifest {
  engine::ClauseInfo info;
  double order = 100;
};

// Reads the table at `index` with raw reads only (no plugin code runs), and
// reports every problem to `diags` at `where` (the plugin file). Returns the
// manifest when no problem is an error.
[[nodiscard]] std::optional<PluginManifest> read_manifest(lua_State* L, int index,
                                                          std::string_view expected_id,
                                                          const params::ParameterSet& params,
                                                          const Location& where, DiagnosticSink& diags);

}  // namespace clausier::lua
