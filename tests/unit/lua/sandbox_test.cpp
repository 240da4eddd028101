#include "lua/sandbox.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <lua.hpp>
#include <string>
#include <vector>

using clausier::lua::CallOutcome;
using clausier::lua::Vm;

namespace {

struct Sandboxed {
  Sandboxed() { clausier::lua::install_sandbox(vm); }

  // Runs `code` as plugins/t.lua; leaves one result on the stack when ok.
  CallOutcome run(const std::string& code) {
    const std::string error = clausier::lua::load_sandboxed(vm, code, "plugins/t.lua");
    REQUIRE(error.empty());
    return vm.call(0, 1, 1'000'000);
  }

  // The result of `code`, as text.
  std::string value(const std::string& code) {
    const CallOutcome out = run(code);
    REQUIRE_MESSAGE(out.ok, out.error);
    std::string s = luaL_tolstring(vm.state(), -1, nullptr);
    lua_pop(vm.state(), 2);
    return s;
  }

  std::string error(const std::string& code) {
    const CallOutcome out = run(code);
    REQUIRE_FALSE(out.ok);
    return out.error;
  }

  Vm vm;
};

}  // namespace

TEST_SUITE("lua.sandbox") {
  TEST_CASE("plugins reach exactly the allow-listed names") {
    Sandboxed lua;
    std::vector<std::string> expected = {
        "_VERSION", "assert", "error", "getmetatable", "ipairs", "math", "next", "pairs", "pcall", "rawequal",
        "rawget", "rawlen", "select", "setmetatable", "string", "table", "tonumber", "tostring", "type",
        "utf8", "xpcall",
        // string, minus dump
        "string.byte", "string.char", "string.find", "string.format", "string.gmatch", "string.gsub",
        "string.len", "string.lower", "string.match", "string.pack", "string.packsize", "string.rep",
        "string.reverse", "string.sub", "string.unpack", "string.upper",
        // table
        "table.concat", "table.insert", "table.move", "table.pack", "table.remove", "table.sort",
        "table.unpack",
        // math, minus random and randomseed (Debian's build keeps the 5.2 compatibility functions)
        "math.abs", "math.acos", "math.asin", "math.atan", "math.atan2", "math.ceil", "math.cos", "math.cosh",
        "math.deg", "math.exp", "math.floor", "math.fmod", "math.frexp", "math.huge", "math.ldexp",
        "math.log", "math.log10", "math.max", "math.maxinteger", "math.min", "math.mininteger", "math.modf",
        "math.pi", "math.pow", "math.rad", "math.sin", "math.sinh", "math.sqrt", "math.tan", "math.tanh",
        "math.tointeger", "math.type", "math.ult",
        // utf8
        "utf8.char", "utf8.charpattern", "utf8.codepoint", "utf8.codes", "utf8.len", "utf8.offset"};
    std::sort(expected.begin(), expected.end());
    CHECK(clausier::lua::sandbox_surface(lua.vm) == expected);
  }

  TEST_CASE("the allowed libraries work") {
    Sandboxed lua;
    CHECK(lua.value("return ('ab'):rep(3, '-')") == "ab-ab-ab");
    CHECK(lua.value("return string.format('%d h', math.floor(833.33))") == "833 h");
    CHECK(lua.value("return table.concat({ 'a', 'b' }, ',')") == "a,b");
    CHECK(lua.value("return utf8.char(233)") == "é");
    CHECK(lua.value("local ok, e = pcall(error, 'x', 0) return e") == "x");
    CHECK(lua.value("local t = setmetatable({}, { __index = function() return 1 end }) return t.x") == "1");
  }

  TEST_CASE("reading an undeclared global is an error naming it") {
    Sandboxed lua;
    for (const char* name : {"os", "io", "require", "load", "loadstring", "dofile", "loadfile", "debug",
                             "package", "coroutine", "collectgarbage", "print", "rawset", "_G", "warn"}) {
      CAPTURE(name);
      CHECK(lua.error(std::string("local x = ") + name) ==
            std::string("plugins/t.lua:1: la variable « ") + name +
                " » n'est pas déclarée : déclarez-la avec local, ou bien ce nom n'est pas disponible dans le "
                "bac à sable des plugins (seuls base, string, table, math et utf8 le sont)");
    }
  }

  TEST_CASE("global assignment is refused with a hint to use local") {
    Sandboxed lua;
    CHECK(
        lua.error("\ncount = 1") ==
        "plugins/t.lua:2: assignation de la variable globale « count » refusée : les plugins ne peuvent pas "
        "créer de variable globale, déclarez-la avec local (local count = ...)");
    CHECK(lua.error("function helper() end").find("« helper » refusée") != std::string::npos);
  }

  TEST_CASE("libraries are frozen") {
    Sandboxed lua;
    CHECK(lua.error("string.rep = nil") ==
          "plugins/t.lua:1: la bibliothèque « string » est partagée et en lecture seule : impossible d'y "
          "assigner « rep »");
    CHECK(lua.error("math.floor = function() return 0 end").find("« math » est partagée") !=
          std::string::npos);
    CHECK(lua.error("table.insert(string, 'x')").find("lecture seule") != std::string::npos);
    CHECK(lua.error("setmetatable(math, {})").find("protégée") != std::string::npos);
    CHECK(lua.value("return getmetatable(math)") == "false");
    CHECK(lua.value("return next(string)") == "nil");
    CHECK(lua.value("return string.dump") == "nil");
  }

  TEST_CASE("the string metatable is protected") {
    Sandboxed lua;
    CHECK(lua.value("return getmetatable('')") == "false");
    CHECK(lua.error("getmetatable('').__index.rep = nil") ==
          "plugins/t.lua:1: attempt to index a boolean value");
    CHECK(lua.error("setmetatable('', {})").find("setmetatable : l'argument 1 doit être une table") !=
          std::string::npos);
  }

  TEST_CASE("finalizers are refused: they would run outside the budget") {
    Sandboxed lua;
    CHECK(lua.error("setmetatable({}, { __gc = function() while true do end end })") ==
          "plugins/t.lua:1: setmetatable : le champ __gc (finaliseur) est interdit dans les plugins");
  }

  TEST_CASE("each chunk has its own environment") {
    Sandboxed lua;
    REQUIRE(lua.run("return _ENV").ok);
    REQUIRE(lua.run("return _ENV").ok);
    lua_State* L = lua.vm.state();
    CHECK(lua_istable(L, -1));
    CHECK_FALSE(lua_rawequal(L, -1, -3));
    CHECK(lua.value("return getmetatable(_ENV)") == "false");
  }

  TEST_CASE("chunks load as text only, under their display name") {
    Sandboxed lua;
    CHECK(clausier::lua::load_sandboxed(lua.vm, "\x1bLua\x54", "plugins/b.lua") ==
          "plugins/b.lua: le code précompilé (bytecode) est refusé : fournissez le source Lua");
    CHECK(clausier::lua::load_sandboxed(lua.vm, "return +", "plugins/s.lua").starts_with("plugins/s.lua:1:"));
  }
}
