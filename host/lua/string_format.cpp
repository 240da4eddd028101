#include "lua/string_format.hpp"

#include <cstring>
#include <lua.hpp>

#include "lua/cfunction.hpp"

namespace clausier::lua {
namespace {

// The next '%' of `f` at or after `from`, or `n`.
std::size_t next_escape(const char* f, std::size_t n, std::size_t from) {
  const void* p = std::memchr(f + from, '%', n - from);
  return p != nullptr ? static_cast<std::size_t>(static_cast<const char*>(p) - f) : n;
}

int format(lua_State* L) {
  const auto library_format = lua_tocfunction(L, lua_upvalueindex(1));
  if (lua_type(L, 1) != LUA_TSTRING) return library_format(L);
  std::size_t n = 0;
  const char* f = lua_tolstring(L, 1, &n);
  const int top = lua_gettop(L);
  // Checks that the direct path applies, and measures the result.
  std::size_t total = 0;
  int arg = 1;
  for (std::size_t i = 0; i < n;) {
    const std::size_t at = next_escape(f, n, i);
    total += at - i;
    if (at == n) break;
    if (at + 1 == n) return library_format(L);
    if (f[at + 1] == '%') {
      total += 1;
    } else if (f[at + 1] == 's' && ++arg <= top && lua_type(L, arg) == LUA_TSTRING) {
      total += lua_rawlen(L, arg);
    } else {
      return library_format(L);
    }
    i = at + 2;
  }
  luaL_Buffer b;
  char* out = luaL_buffinitsize(L, &b, total);
  std::size_t written = 0;
  arg = 1;
  for (std::size_t i = 0; i < n;) {
    const std::size_t at = next_escape(f, n, i);
    std::memcpy(out + written, f + i, at - i);
    written += at - i;
    if (at == n) break;
    if (f[at + 1] == '%') {
      out[written++] = '%';
    } else {
      std::size_t length = 0;
      const char* s = lua_tolstring(L, ++arg, &length);
      std::memcpy(out + written, s, length);
      written += length;
    }
    i = at + 2;
  }
  luaL_pushresultsize(&b, written);
  return 1;
}

}  // namespace

void speed_up_string_format(lua_State* L, int index) {
  index = lua_absindex(L, index);
  lua_getfield(L, index, "format");
  lua_pushcclosure(L, &guarded<format>, 1);
  lua_setfield(L, index, "format");
}

}  // namespace clausier::lua
