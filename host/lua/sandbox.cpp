#include "lua/sandbox.hpp"

#include <algorithm>
#include <array>

#include "lua/cfunction.hpp"
#include "lua/library_guards.hpp"
#include "lua/read_only.hpp"
#include "lua/string_format.hpp"

namespace clausier::lua {
namespace {

// Registry keys of the shared globals and of the metatable of plugin environments.
constexpr const char* globals_key = "clausier.sandbox.globals";
constexpr const char* environment_key = "clausier.sandbox.environment";

constexpr std::array base_allowed = {"assert",   "error",    "getmetatable", "ipairs",  "next",   "pairs",
                                     "pcall",    "rawequal", "rawget",       "rawlen",  "select", "tonumber",
                                     "tostring", "type",     "xpcall",       "_VERSION"};

struct Library {
  const char* name;
  lua_CFunction open;
  std::array<const char*, 2> denied;        // nullptr: unused slot
  void (*adjust)(lua_State* L, int index);  // bounds its functions (library_guards.hpp)…, or nullptr
};

// The string library: bounded (library_guards.hpp), and format's usual case direct (string_format.hpp).
void adjust_string_library(lua_State* L, int index) {
  guard_string_library(L, index);
  speed_up_string_format(L, index);
}

constexpr std::array libraries = {
    Library{LUA_STRLIBNAME, &luaopen_string, {"dump", nullptr}, &adjust_string_library},
    Library{LUA_TABLIBNAME, &luaopen_table, {nullptr, nullptr}, &guard_table_library},
    Library{LUA_MATHLIBNAME, &luaopen_math, {"random", "randomseed"}, nullptr},
    Library{LUA_UTF8LIBNAME, &luaopen_utf8, {nullptr, nullptr}, nullptr},
};

// setmetatable(t, mt) of the base library, refusing finalizers (__gc).
int safe_setmetatable(lua_State* L) {
  if (lua_type(L, 1) != LUA_TTABLE) argument_error(L, "setmetatable", 1, "une table");
  const int mt = lua_type(L, 2);
  if (mt != LUA_TNIL && mt != LUA_TTABLE) argument_error(L, "setmetatable", 2, "une table ou nil");
  if (mt == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL) {
      return luaL_error(L, "setmetatable : le champ __gc (finaliseur) est interdit dans les plugins");
    }
    lua_pop(L, 1);
  }
  if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL) {
    return luaL_error(L, "setmetatable : cette table est protégée, sa métatable ne peut pas changer");
  }
  lua_settop(L, 2);
  lua_setmetatable(L, 1);
  return 1;
}

// __index of the shared globals: reading a name nobody declared.
int undeclared_global(lua_State* L) {
  const char* name = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : luaL_typename(L, 2);
  return luaL_error(L,
                    "la variable « %s » n'est pas déclarée : déclarez-la avec local, ou bien ce nom "
                    "n'est pas disponible dans le bac à sable des plugins (seuls base, string, table, "
                    "math et utf8 le sont)",
                    name);
}

// __newindex of a plugin environment: global assignment.
int refuse_global(lua_State* L) {
  const char* name = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : luaL_typename(L, 2);
  return luaL_error(L,
                    "assignation de la variable globale « %s » refusée : les plugins ne peuvent pas "
                    "créer de variable globale, déclarez-la avec local (local %s = ...)",
                    name, name);
}

// Stack: ..., globals -> same; copies the allow-listed base functions into it.
void install_base(lua_State* L) {
  luaL_requiref(L, "_G", &luaopen_base, 0);  // fills the state's own global table
  for (const char* name : base_allowed) {
    lua_getfield(L, -1, name);
    lua_setfield(L, -3, name);
  }
  lua_pop(L, 1);
  lua_pushcfunction(L, &guarded<safe_setmetatable>);
  lua_setfield(L, -2, "setmetatable");
}

// Stack: ..., globals -> same; adds the library as a read-only proxy.
void install_library(lua_State* L, const Library& lib) {
  luaL_requiref(L, lib.name, lib.open, 0);
  for (const char* denied : lib.denied) {
    if (denied == nullptr) continue;
    lua_pushnil(L);
    lua_setfield(L, -2, denied);
  }
  if (lib.adjust != nullptr) lib.adjust(L, -1);
  make_read_only(L, std::string("la bibliothèque « ") + lib.name + " » est partagée et en lecture seule");
  lua_setfield(L, -2, lib.name);
}

// getmetatable("") gives false, not the metatable whose __index is the real
// string library.
void protect_string_metatable(lua_State* L) {
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);
}

// Stack: ..., table -> same; sets a protected metatable {__index, __newindex}.
void set_protected_metatable(lua_State* L, lua_CFunction index, lua_CFunction newindex) {
  lua_createtable(L, 0, 3);
  lua_pushcfunction(L, index);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
}

// The metatable of every plugin environment: reads the shared globals.
void install_environment_metatable(lua_State* L) {
  lua_createtable(L, 0, 3);
  lua_getfield(L, LUA_REGISTRYINDEX, globals_key);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, &guarded<refuse_global>);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setfield(L, LUA_REGISTRYINDEX, environment_key);
}

}  // namespace

void install_sandbox(Vm& vm) {
  lua_State* L = vm.state();
  lua_createtable(L, 0, static_cast<int>(base_allowed.size() + libraries.size() + 1));
  install_base(L);
  for (const Library& lib : libraries) install_library(L, lib);
  protect_string_metatable(L);
  set_protected_metatable(L, &guarded<undeclared_global>, &guarded<refuse_global>);
  lua_setfield(L, LUA_REGISTRYINDEX, globals_key);
  install_environment_metatable(L);
  // The state's own global table (with the whole base library) is dropped:
  // chunks get a plugin environment instead.
  lua_newtable(L);
  lua_rawseti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
}

void add_shared_function(Vm& vm, const char* name, lua_CFunction function, void* upvalue) {
  lua_State* L = vm.state();
  lua_getfield(L, LUA_REGISTRYINDEX, globals_key);
  lua_pushstring(L, name);
  lua_pushlightuserdata(L, upvalue);
  lua_pushcclosure(L, function, 1);
  lua_rawset(L, -3);  // raw: the frozen table's __newindex refuses assignments
  lua_pop(L, 1);
}

std::string load_sandboxed(Vm& vm, std::string_view source, std::string_view display_name) {
  std::string error = vm.load_text(source, display_name);
  if (!error.empty()) return error;
  lua_State* L = vm.state();
  lua_createtable(L, 0, 0);
  lua_getfield(L, LUA_REGISTRYINDEX, environment_key);
  lua_setmetatable(L, -2);
  lua_setupvalue(L, -2, 1);  // a main chunk's only upvalue is _ENV
  return {};
}

std::vector<std::string> sandbox_surface(Vm& vm) {
  lua_State* L = vm.state();
  std::vector<std::string> out;
  lua_getfield(L, LUA_REGISTRYINDEX, globals_key);
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    const std::string name = lua_tostring(L, -2);
    out.push_back(name);
    // A library proxy: list the members of the table its metatable reads.
    if (lua_type(L, -1) == LUA_TTABLE && lua_getmetatable(L, -1) != 0) {
      if (lua_getfield(L, -1, "__index") == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2) != 0) {
          out.push_back(name + "." + lua_tostring(L, -2));
          lua_pop(L, 1);
        }
      }
      lua_pop(L, 2);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace clausier::lua
