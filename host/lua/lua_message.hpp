#pragma once
// What a Lua error message says, for a French diagnostic: where (the line of
// "plugins/x.lua:12: ...") and what, with Lua's own English runtime messages
// put in French.

#include <cstdint>
#include <string>
#include <string_view>

namespace clausier::lua {

struct LuaMessage {
  std::uint32_t line = 0;  // 0 when the message names no line
  std::string text;        // the message after its location
  std::string chunk;       // the chunk the location names, as written (empty: none)
};

// Splits "plugins/x.lua:12: text" (or "plugins/x.lua: text") into its line
// and text. `source` is the chunk's display name; Lua may shorten a long one
// ("...ures/x.lua"), so any leading "name:LINE: " is taken as the location.
[[nodiscard]] LuaMessage split_lua_message(std::string_view message, std::string_view source);

// "attempt to index a nil value (field 'x')" -> "impossible d'indexer une
// valeur nil (champ « x »)". Texts it does not know are returned unchanged.
[[nodiscard]] std::string translate_lua_message(std::string_view text);

// "'=' expected near 'x'" -> "'=' attendu près de 'x'" (compiler messages).
[[nodiscard]] std::string translate_syntax_message(std::string_view text);

}  // namespace clausier::lua
