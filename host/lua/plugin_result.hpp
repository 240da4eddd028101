#pragma once
// The table a plugin's evaluate(lot, ctx) returns (docs/plugin-api.md):
//
//   verdict   verdict_id() of model/evaluation.hpp: "obligatoire"…, required
//   reasons   non-empty list of sentences a buyer can read, required
//   basis     list of texts (default: the plugin's basis)
//   hours     whole number >= 0
//   values    table name -> number | boolean | text (kept sorted by name)
//   warnings  list of sentences
//
// A sentence is a text (French typography is applied) or, from plugin api 2,
// a pattern with blanks and their values, written into French only when an
// output shows it (model/sentence.hpp):
//
//   { "Le montant ({total:euros}) dépasse le seuil.", total = 1746102.07 }

#include <cstddef>
#include <lua.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/clause_type.hpp"

namespace clausier::lua {

// The patterns met, parsed once: by the address of their Lua string (a
// constant of the plugin's code is the same string at every call), the text
// compared to rule out a reused address. Bounded: cleared when full.
class PatternCache {
 public:
  struct Entry {
    std::shared_ptr<const Message> message;
    // The address of each blank's name as an interned Lua string, in order.
    std::vector<const char*> names;
  };
  // The entry of `pattern` (the Lua string at `address`), or null with
  // `problem` set.
  const Entry* find(lua_State* L, const void* address, std::string_view pattern, std::string& problem);

 private:
  static constexpr std::size_t capacity = 4096;
  std::unordered_map<const void*, Entry> by_address_;
  int anchors_ = LUA_NOREF;  // registry: the table that keeps the names' strings alive
};

// Reads the table at `index` into `out` with raw reads only (no plugin code
// runs). Returns an empty string, or what is wrong, in French.
[[nodiscard]] std::string read_result(lua_State* L, int index, const engine::ClauseInfo& info,
                                      PatternCache& patterns, ClauseResult& out);

}  // namespace clausier::lua
