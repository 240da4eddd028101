#include "lua/lua_tokens.hpp"

#include <algorithm>

namespace clausier::lua {
namespace {

bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::vector<LuaToken> lua_tokens(std::string_view source) {
  std::vector<LuaToken> out;
  std::uint32_t line = 1;
  // Length of the long bracket opening at `i` ("[[", "[==["), or 0.
  auto long_bracket = [&](std::size_t i) -> std::size_t {
    std::size_t j = i + 1;
    while (j < source.size() && source[j] == '=') ++j;
    return j < source.size() && source[j] == '[' ? j - i + 1 : 0;
  };
  std::size_t i = 0;
  // Skips the long string or comment opening at `i`; returns its text.
  auto skip_long = [&](std::size_t open) {
    const std::string close = "]" + std::string(open - 2, '=') + "]";
    const std::size_t end = std::min(source.find(close, i + open), source.size());
    const std::string_view text = source.substr(i + open, end - (i + open));
    line += static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
    i = std::min(end + close.size(), source.size());
    return std::string(text);
  };
  while (i < source.size()) {
    const char c = source[i];
    const std::uint32_t at = line;
    if (c == '\n') {
      ++line;
      ++i;
    } else if (source.substr(i, 2) == "--") {
      i += 2;
      if (const std::size_t open = long_bracket(i); i < source.size() && source[i] == '[' && open > 0) {
        skip_long(open);
      } else {
        while (i < source.size() && source[i] != '\n') ++i;
      }
    } else if (c == '[' && long_bracket(i) > 0) {
      out.push_back({LuaToken::Type::string, skip_long(long_bracket(i)), at});
    } else if (c == '"' || c == '\'') {
      // Ends at its quote, or at a line break that is not escaped (a string
      // left open in a source that does not compile).
      const std::size_t start = ++i;
      for (; i < source.size() && source[i] != c && source[i] != '\n'; ++i) {
        if (source[i] == '\\' && i + 1 < source.size()) {
          ++i;  // an escaped character, maybe a line break
          if (source[i] == '\n') ++line;
        }
      }
      out.push_back({LuaToken::Type::string, std::string(source.substr(start, i - start)), at});
      if (i < source.size() && source[i] == c) ++i;
    } else if (is_word(c) ||
               (c == '.' && i + 1 < source.size() && source[i + 1] >= '0' && source[i + 1] <= '9')) {
      const bool digit = (c >= '0' && c <= '9') || c == '.';
      const std::size_t start = i;
      while (i < source.size() &&
             (is_word(source[i]) || (digit && source[i] == '.') ||
              (digit && (source[i] == '+' || source[i] == '-') &&
               std::string_view("eEpP").find(source[i - 1]) != std::string_view::npos))) {
        ++i;
      }
      out.push_back({digit ? LuaToken::Type::number : LuaToken::Type::name,
                     std::string(source.substr(start, i - start)), at});
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else {
      const bool pair = i + 1 < source.size() && source[i + 1] == '=' &&
                        std::string_view("=~<>").find(c) != std::string_view::npos;
      out.push_back({LuaToken::Type::symbol, std::string(source.substr(i, pair ? 2 : 1)), at});
      i += pair ? 2 : 1;
    }
  }
  return out;
}

}  // namespace clausier::lua
