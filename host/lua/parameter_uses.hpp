#pragma once
// The rule parameters a plugin names by a literal in its text, for
// `clausier rules check`: ctx.param("seuils.ue.travaux", …) ->
// {"param", "seuils.ue.travaux", line}. Read from the plugin's tokens
// (lua/lua_tokens.hpp), without running it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clausier::lua {

struct ParameterUse {
  std::string function;  // "param", "try_param", "lookup" or "override"
  std::string name;
  std::uint32_t line = 0;
};

// The uses of `source`, in text order (comments and strings are not code; a
// name built at run time, such as "seuils." .. x, is not a literal and is
// not listed).
[[nodiscard]] std::vector<ParameterUse> scan_parameter_uses(std::string_view source);

}  // namespace clausier::lua
