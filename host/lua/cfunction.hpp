#pragma once
// Host functions called from Lua (lua_CFunction). Every one is wrapped with
// `guarded`, so that no C++ exception crosses a Lua frame: a std::exception
// thrown by host code becomes a Lua error located at the calling line.
//
// With the C++ build of Lua, lua_error throws a C++ exception of Lua's own
// type, so C++ destructors run when a Lua error unwinds through host code.
// `guarded` must therefore never catch (...): that would swallow Lua's own
// errors. Host code throws only std::exception.

#include <cstdio>
#include <exception>
#include <lua.hpp>
#include <new>
#include <string>
#include <string_view>

#include "base/french.hpp"

namespace clausier::lua {

template <lua_CFunction F>
int guarded(lua_State* L) {
  // Copied into a fixed buffer: no allocation can fail while reporting.
  char message[512];
  try {
    return F(L);
  } catch (const std::bad_alloc&) {
    std::snprintf(message, sizeof message, "%s", "mémoire épuisée dans une fonction de l'hôte");
  } catch (const std::exception& e) {
    std::snprintf(message, sizeof message, "%s", e.what());
  }
  return luaL_error(L, "%s", message);
}

// Argument checks with French messages located at the calling line:
// "plugins/x.lua:12: ctx.param : l'argument 1 doit être du texte (reçu : nil)".
[[noreturn]] void argument_error(lua_State* L, const char* function, int arg, const char* expected);
double number_argument(lua_State* L, int arg, const char* function);
std::string_view string_argument(lua_State* L, int arg, const char* function);

// Pushes `s` (which may hold NUL bytes) as a Lua string.
inline void push(lua_State* L, std::string_view s) { lua_pushlstring(L, s.data(), s.size()); }

}  // namespace clausier::lua
