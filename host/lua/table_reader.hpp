#pragma once
// Reads tables a plugin returned. Host code reads them outside any budgeted
// call, so every read is raw (no metamethod, hence no plugin code, runs) and
// nothing is converted in place (a number is never turned into a string).
// Problems are French phrases to put after the field name.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct lua_State;

namespace clausier::lua {

// Pushes t[field] of the table at `index` (raw) and returns its Lua type.
int raw_field(lua_State* L, int index, const char* field);

// The string at `index` (which must be a string).
[[nodiscard]] std::string_view string_at(lua_State* L, int index);

// Reads the list of strings at `index`, each through `convert` when given
// (e.g. fr::typography, without an intermediate copy). Returns an empty
// problem on success.
[[nodiscard]] std::string read_string_list(lua_State* L, int index, std::vector<std::string>& out,
                                           std::string (*convert)(std::string_view) = nullptr);

// Reads the table of string -> string at `index`, sorted by key.
[[nodiscard]] std::string read_string_map(lua_State* L, int index,
                                          std::vector<std::pair<std::string, std::string>>& out);

// How messages name the key at `index`: itself for a string, "[1]" for an
// integer, "<type>" for others.
[[nodiscard]] std::string key_name(lua_State* L, int index);

// The keys of the table at `index` that are not in `known` (named as
// key_name does), in sorted order.
[[nodiscard]] std::vector<std::string> unknown_fields(lua_State* L, int index,
                                                      std::initializer_list<std::string_view> known);

}  // namespace clausier::lua
