#include "lua/table_reader.hpp"

#include <algorithm>
#include <lua.hpp>

namespace clausier::lua {

int raw_field(lua_State* L, int index, const char* field) {
  index = lua_absindex(L, index);
  lua_pushstring(L, field);
  return lua_rawget(L, index);
}

std::string_view string_at(lua_State* L, int index) {
  std::size_t n = 0;
  const char* s = lua_tolstring(L, index, &n);
  return {s, n};
}

std::string read_string_list(lua_State* L, int index, std::vector<std::string>& out,
                             std::string (*convert)(std::string_view)) {
  if (lua_type(L, index) != LUA_TTABLE)
    return std::string("il faut une liste de textes, pas ") + luaL_typename(L, index);
  index = lua_absindex(L, index);
  const lua_Unsigned n = lua_rawlen(L, index);
  out.clear();
  out.reserve(n);
  for (lua_Unsigned i = 1; i <= n; ++i) {
    if (lua_rawgeti(L, index, static_cast<lua_Integer>(i)) != LUA_TSTRING) {
      std::string problem =
          "l'élément " + std::to_string(i) + " est " + luaL_typename(L, -1) + ", pas du texte";
      lua_pop(L, 1);
      return problem;
    }
    if (convert != nullptr) {
      out.push_back(convert(string_at(L, -1)));
    } else {
      out.emplace_back(string_at(L, -1));
    }
    lua_pop(L, 1);
  }
  std::size_t entries = 0;
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    ++entries;
    lua_pop(L, 1);
  }
  if (entries != n) return "il faut une liste de textes (indices 1, 2, 3… sans trou ni autre clé)";
  return {};
}

std::string read_string_map(lua_State* L, int index, std::vector<std::pair<std::string, std::string>>& out) {
  if (lua_type(L, index) != LUA_TTABLE)
    return std::string("il faut une table nom → texte, pas ") + luaL_typename(L, index);
  index = lua_absindex(L, index);
  out.clear();
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING) {
      lua_pop(L, 2);
      return "il faut une table nom → texte (par exemple heures_brutes = \"heures\")";
    }
    out.emplace_back(string_at(L, -2), string_at(L, -1));
    lua_pop(L, 1);
  }
  std::sort(out.begin(), out.end());
  return {};
}

std::string key_name(lua_State* L, int index) {
  if (lua_type(L, index) == LUA_TSTRING) return std::string(string_at(L, index));
  return lua_isinteger(L, index) != 0 ? "[" + std::to_string(lua_tointeger(L, index)) + "]"
                                      : std::string("<") + luaL_typename(L, index) + ">";
}

std::vector<std::string> unknown_fields(lua_State* L, int index,
                                        std::initializer_list<std::string_view> known) {
  index = lua_absindex(L, index);
  std::vector<std::string> out;
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    if (lua_type(L, -2) != LUA_TSTRING ||
        std::find(known.begin(), known.end(), string_at(L, -2)) == known.end()) {
      out.push_back(key_name(L, -2));
    }
    lua_pop(L, 1);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace clausier::lua
