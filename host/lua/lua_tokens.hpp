#pragma once
// The one Lua tokenizer of the project, for what Lua's own compiler does not
// tell: the keys written twice in a table of a data file, a `function` in a
// data file, the parameter names a plugin reads (ctx.param("…")). Comments
// are skipped; it never fails: on a source that does not compile it returns
// what it could make out.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clausier::lua {

struct LuaToken {
  enum class Type { name, string, number, symbol };
  Type type = Type::symbol;
  std::string text;  // a string's text as written between its delimiters (escapes not decoded)
  std::uint32_t line = 0;

  [[nodiscard]] bool is(std::string_view symbol) const { return type == Type::symbol && text == symbol; }
};

// Names (keywords included), strings, numbers and symbols ("==", "~=", "<=",
// ">=" as one symbol, every other character alone).
[[nodiscard]] std::vector<LuaToken> lua_tokens(std::string_view source);

}  // namespace clausier::lua
