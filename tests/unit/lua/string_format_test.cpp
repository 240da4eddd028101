#include "lua/string_format.hpp"

#include <doctest/doctest.h>

#include <lua.hpp>
#include <string>

#include "lua/sandbox.hpp"

using clausier::lua::CallOutcome;
using clausier::lua::Vm;

namespace {

// Runs `code` in the sandbox (as plugins/t.lua) and in a plain Lua state
// with the library's own string.format: both must give the same text, or
// the same message.
struct Both {
  Both() {
    clausier::lua::install_sandbox(vm);
    luaL_openlibs(plain);
  }
  ~Both() { lua_close(plain); }
  Both(const Both&) = delete;
  Both& operator=(const Both&) = delete;

  std::string sandboxed(const std::string& code) {
    REQUIRE(clausier::lua::load_sandboxed(vm, code, "plugins/t.lua").empty());
    const CallOutcome out = vm.call(0, 1, 1'000'000);
    std::string s = out.ok ? std::string(lua_tostring(vm.state(), -1)) : "error: " + out.error;
    lua_settop(vm.state(), 0);
    return s;
  }

  std::string library(const std::string& code) {
    REQUIRE(luaL_loadbufferx(plain, code.data(), code.size(), "@plugins/t.lua", "t") == LUA_OK);
    const bool ok = lua_pcall(plain, 0, 1, 0) == LUA_OK;
    std::string s = (ok ? "" : "error: ") + std::string(lua_tostring(plain, -1));
    lua_settop(plain, 0);
    return s;
  }

  Vm vm;
  lua_State* plain = luaL_newstate();
};

}  // namespace

TEST_CASE("string.format in the sandbox gives what the library gives") {
  Both both;
  const char* cases[] = {
      "return string.format('')",
      "return string.format('sans conversion')",
      "return string.format('%s', 'a')",
      "return string.format('Le montant (%s) dépasse le seuil de %s %s.', '1 000 €', '5 538 000 €', 'x')",
      "return string.format('%s%s%s', '', 'b', '')",
      "return string.format('100 %% des %s', 'lots')",
      "return string.format('%%%s%%', 'x')",
      "return string.format('taux : %s', '5 %')",
      "return string.format('zéro \\0 au milieu %s', 'et \\0 ici')",
      "return string.format('%s', string.rep('long ', 400))",
      "return string.format('%s et %s', 'un', 'deux', 'trois de trop')",
      "return ('méthode %s'):format('aussi')",
      // What the direct path leaves to the library.
      "return string.format('%s', 12)",
      "return string.format('%s', 1.5)",
      "return string.format('%s et %s', 'a', 2^53)",
      "return string.format('%s', true)",
      "return string.format('%d heures', 35)",
      "return string.format('%5s|%-5s|%.2s', 'a', 'b', 'abc')",
      "return string.format('%q', 'guillemets \"')",
      "return string.format('%5.1f', 3.14159)",
      "return string.format('%s %s', 'manque')",
      "return string.format('fin %')",
      "return string.format('%y', 1)",
      "return string.format(42)",
      "return string.format()",
      "return string.format('%s', setmetatable({}, { __tostring = function() return 'table nommée' end }))",
  };
  for (const std::string code : cases) {
    CAPTURE(code);
    CHECK(both.sandboxed(code) == both.library(code));
  }
}
