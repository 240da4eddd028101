#include "lua/library_guards.hpp"

#include <algorithm>
#include <cmath>
#include <lua.hpp>

#include "lua/cfunction.hpp"

namespace clausier::lua {
namespace {

constexpr double max_pattern_steps_log10 = 8;  // 10^8 steps, well under a second
constexpr lua_Integer max_moved_elements = 10'000'000;

// The library function a guard stands for (upvalue 1).
lua_CFunction original(lua_State* L) { return lua_tocfunction(L, lua_upvalueindex(1)); }

// find, match, gmatch, gsub: (s, pattern, ...); find's 4th argument asks for
// a plain search, which does not backtrack.
int guard_pattern(lua_State* L) {
  const bool plain = lua_toboolean(L, lua_upvalueindex(2)) != 0 && lua_toboolean(L, 4) != 0;
  if (!plain && lua_type(L, 1) == LUA_TSTRING && lua_type(L, 2) == LUA_TSTRING) {
    std::size_t length = 0;
    std::size_t pattern_length = 0;
    lua_tolstring(L, 1, &length);
    const char* pattern = lua_tolstring(L, 2, &pattern_length);
    if (pattern_cost_log10(pattern, pattern_length, length) > max_pattern_steps_log10) {
      return luaL_error(L,
                        "motif « %s » trop coûteux pour un texte de %d caractères (le calcul pourrait ne pas "
                        "finir) : simplifiez le motif ou découpez le texte",
                        pattern, static_cast<int>(std::min<std::size_t>(length, 2'000'000'000)));
    }
  }
  return original(L)(L);
}

// table.move(a1, f, e, t [, a2])
int guard_move(lua_State* L) {
  int f_is_integer = 0;
  int e_is_integer = 0;
  const lua_Integer f = lua_tointegerx(L, 2, &f_is_integer);  // also 1e12, a float with an integer value
  const lua_Integer e = lua_tointegerx(L, 3, &e_is_integer);
  // Ranges too large to count are refused by table.move itself.
  const bool countable = f_is_integer != 0 && e_is_integer != 0 && (f > 0 || e < LUA_MAXINTEGER + f);
  if (countable && e >= f && e - f >= max_moved_elements) {
    return luaL_error(L, "table.move : trop d'éléments à déplacer (au plus %d)",
                      static_cast<int>(max_moved_elements));
  }
  return original(L)(L);
}

// string.rep(s, n [, sep])
int guard_rep(lua_State* L) {
  if (lua_type(L, 1) == LUA_TSTRING && lua_rawlen(L, 1) == 0 &&
      (lua_isnoneornil(L, 3) || (lua_type(L, 3) == LUA_TSTRING && lua_rawlen(L, 3) == 0))) {
    lua_pushliteral(L, "");
    return 1;
  }
  return original(L)(L);
}

// Stack: ..., library; replaces library[name] by `guard` around it.
void replace(lua_State* L, int library, const char* name, lua_CFunction guard, bool plain_flag = false) {
  lua_getfield(L, library, name);
  lua_pushboolean(L, plain_flag ? 1 : 0);
  lua_pushcclosure(L, guard, 2);
  lua_setfield(L, library, name);
}

}  // namespace

double pattern_cost_log10(const char* pattern, std::size_t pattern_length, std::size_t length) {
  const double per_item = std::log10(static_cast<double>(std::max<std::size_t>(length, 1)));
  const bool anchored = pattern_length > 0 && pattern[0] == '^';
  double cost =
      (anchored ? 0 : per_item) + std::log10(static_cast<double>(std::max<std::size_t>(pattern_length, 1)));
  for (std::size_t i = anchored ? 1 : 0; i < pattern_length; ++i) {
    const char c = pattern[i];
    if (c == '%') {
      if (i + 1 < pattern_length && pattern[i + 1] == 'b') {
        cost += per_item;  // %bxy scans for the balancing character
        i += 3;
      } else {
        ++i;  // an escaped character or a class (%d); %f is followed by a set
      }
    } else if (c == '[') {
      // A set: skip it, '^' and a leading ']' included.
      ++i;
      if (i < pattern_length && pattern[i] == '^') ++i;
      if (i < pattern_length && pattern[i] == ']') ++i;
      while (i < pattern_length && pattern[i] != ']') i += pattern[i] == '%' ? 2 : 1;
    } else if (c == '*' || c == '+' || c == '-') {
      cost += per_item;
    } else if (c == '?') {
      cost += std::log10(2.0);
    }
  }
  return cost;
}

void guard_string_library(lua_State* L, int index) {
  index = lua_absindex(L, index);
  replace(L, index, "find", &guarded<guard_pattern>, true);
  for (const char* name : {"match", "gmatch", "gsub"}) replace(L, index, name, &guarded<guard_pattern>);
  replace(L, index, "rep", &guarded<guard_rep>);
}

void guard_table_library(lua_State* L, int index) {
  replace(L, lua_absindex(L, index), "move", &guarded<guard_move>);
}

}  // namespace clausier::lua
