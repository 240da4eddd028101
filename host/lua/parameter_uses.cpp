#include "lua/parameter_uses.hpp"

#include <algorithm>

#include "lua/lua_tokens.hpp"

namespace clausier::lua {

std::vector<ParameterUse> scan_parameter_uses(std::string_view source) {
  constexpr std::string_view functions[] = {"param", "try_param", "lookup", "override"};
  const std::vector<LuaToken> tokens = lua_tokens(source);
  const auto string_at = [&](std::size_t i) {
    return i < tokens.size() && tokens[i].type == LuaToken::Type::string;
  };
  std::vector<ParameterUse> out;
  // x.param "name", x:param("name"), x.param("name", key): a literal name.
  for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
    const LuaToken& t = tokens[i];
    if (t.type != LuaToken::Type::name ||
        std::find(std::begin(functions), std::end(functions), t.text) == std::end(functions)) {
      continue;
    }
    if (!tokens[i - 1].is(".") && !tokens[i - 1].is(":")) continue;
    std::size_t k = i + 1;
    const bool parenthesised = tokens[k].is("(");
    if (parenthesised) ++k;
    if (!string_at(k)) continue;
    if (parenthesised && !(k + 1 < tokens.size() && (tokens[k + 1].is(",") || tokens[k + 1].is(")")))) {
      continue;  // "seuils." .. x
    }
    const std::string& name = tokens[k].text;
    if (name.find_first_of("\\\n") != std::string::npos) continue;
    out.push_back({t.text, name, t.line});
  }
  return out;
}

}  // namespace clausier::lua
