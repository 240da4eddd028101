#include "lua/cfunction.hpp"

namespace clausier::lua {

void argument_error(lua_State* L, const char* function, int arg, const char* expected) {
  luaL_error(L, "%s : l'argument %d doit être %s (reçu : %s)", function, arg, expected,
             luaL_typename(L, arg));
  __builtin_unreachable();  // luaL_error throws
}

double number_argument(lua_State* L, int arg, const char* function) {
  if (lua_type(L, arg) != LUA_TNUMBER) argument_error(L, function, arg, "un nombre");
  return lua_tonumber(L, arg);
}

std::string_view string_argument(lua_State* L, int arg, const char* function) {
  if (lua_type(L, arg) != LUA_TSTRING) argument_error(L, function, arg, "du texte");
  std::size_t n = 0;
  const char* s = lua_tolstring(L, arg, &n);
  return {s, n};
}

}  // namespace clausier::lua
