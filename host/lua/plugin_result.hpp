#pragma once
// The table a plugin's evaluate(lot, ctx) returns (plugin api 1,
// docs/plugin-api.md):
//
//   verdict   verdict_id() of model/evaluation.hpp: "obligatoire"…, required
//   reasons   non-empty list of texts a buyer can read, required
//   basis     list of texts (default: the plugin's basis)
//   hours     whole number >= 0
//   values    table name -> number | boolean | text (kept sorted by name)
//   warnings  list of texts
//
// Reasons and warnings get French typography (base/french.hpp).

#include <string>

#include "engine/clause_type.hpp"

struct lua_State;

namespace clausier::lua {

// Reads the table at `index` into `out` with raw reads only (no plugin code
// runs). Returns an empty string, or what is wrong, in French.
[[nodiscard]] std::string read_result(lua_State* L, int index, const engine::ClauseInfo& info,
                                      ClauseResult& out);

}  // namespace clausier::lua
