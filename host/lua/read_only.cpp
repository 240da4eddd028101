#include "lua/read_only.hpp"

#include "lua/cfunction.hpp"

namespace clausier::lua {
namespace {

// __newindex(t, k, v), upvalue 1: the message.
int refuse_assignment(lua_State* L) {
  const char* key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : luaL_typename(L, 2);
  return luaL_error(L, "%s : impossible d'y assigner « %s »", lua_tostring(L, lua_upvalueindex(1)), key);
}

}  // namespace

void push_assignment_refusal(lua_State* L, std::string_view message) {
  push(L, message);
  lua_pushcclosure(L, &guarded<refuse_assignment>, 1);
}

void wrap_read_only(lua_State* L) {
  lua_createtable(L, 0, 0);  // proxy
  lua_createtable(L, 0, 3);  // its metatable
  lua_pushvalue(L, -4);
  lua_setfield(L, -2, "__index");
  lua_pushvalue(L, -3);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_replace(L, -3);  // proxy where the table was
  lua_pop(L, 1);       // the refusal
}

void make_read_only(lua_State* L, std::string_view message) {
  push_assignment_refusal(L, message);
  wrap_read_only(L);
}

}  // namespace clausier::lua
