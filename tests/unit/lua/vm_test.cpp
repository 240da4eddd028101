#include "lua/vm.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <lua.hpp>
#include <stdexcept>
#include <string>

using clausier::lua::CallOutcome;
using clausier::lua::Kill;
using clausier::lua::Limits;
using clausier::lua::Vm;

namespace {

// A Vm with the base library (pcall, error) in its globals.
struct BaseVm {
  explicit BaseVm(Limits limits = {}) : vm(limits) {
    luaL_requiref(vm.state(), "_G", &luaopen_base, 1);
    luaL_requiref(vm.state(), LUA_STRLIBNAME, &luaopen_string, 1);
    luaL_requiref(vm.state(), LUA_TABLIBNAME, &luaopen_table, 1);
    lua_pop(vm.state(), 3);
  }

  CallOutcome run(const std::string& code, std::uint64_t budget = 10'000'000) {
    const std::string error = vm.load_text(code, "plugins/test.lua");
    REQUIRE(error.empty());
    return vm.call(0, 0, budget);
  }

  Vm vm;
};

Limits small_memory() {
  Limits limits;
  limits.memory_bytes = std::size_t{4} << 20;
  return limits;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool destructor_ran = false;

struct SetsFlagWhenDestroyed {
  ~SetsFlagWhenDestroyed() { destructor_ran = true; }
};

// A host function that raises a Lua error while a C++ object is alive.
int raise_with_live_object(lua_State* L) {
  SetsFlagWhenDestroyed guard;
  return luaL_error(L, "raised from the host");
}

// A host function that calls back into Lua (its argument), which raises.
int call_with_live_object(lua_State* L) {
  SetsFlagWhenDestroyed guard;
  lua_call(L, 0, 0);
  return 0;
}

}  // namespace

TEST_SUITE("lua.vm") {
  TEST_CASE("an endless loop is stopped by the instruction budget, located, in well under a second") {
    BaseVm lua;
    const auto start = std::chrono::steady_clock::now();
    const CallOutcome out = lua.run("local n = 0\nwhile true do n = n + 1 end");
    CHECK(seconds_since(start) < 2.0);
    CHECK_FALSE(out.ok);
    CHECK(out.kill == Kill::budget);
    CHECK(out.error.starts_with("plugins/test.lua:2: budget d'instructions dépassé"));
  }

  TEST_CASE("a call doing much work per instruction is stopped by the time limit, located") {
    Limits limits;
    limits.time_limit_ms = 100;
    BaseVm lua(limits);
    const auto start = std::chrono::steady_clock::now();
    const std::uint64_t no_budget = std::uint64_t{1} << 60;
    const CallOutcome out = lua.run("local t = {}\nfor i = 1, 1e7 do table.insert(t, 1, i) end", no_budget);
    CHECK(seconds_since(start) < 2.0);
    CHECK(out.kill == Kill::time);
    CHECK(out.error.starts_with("plugins/test.lua:2: durée maximale dépassée"));
  }

  TEST_CASE("pcall cannot swallow the budget kill") {
    BaseVm lua;
    const CallOutcome out = lua.run("while true do\n  pcall(function() while true do end end)\nend");
    CHECK_FALSE(out.ok);
    CHECK(out.kill == Kill::budget);
    CHECK(out.error.find("budget d'instructions dépassé") != std::string::npos);
  }

  TEST_CASE("a memory bomb is stopped at the cap, located") {
    BaseVm lua(small_memory());
    const CallOutcome out = lua.run("local t = {}\nfor i = 1, 1e9 do\n  t[i] = {i}\nend");
    CHECK_FALSE(out.ok);
    CHECK(out.kill == Kill::memory);
    CHECK(out.error.starts_with("plugins/test.lua:3: mémoire épuisée"));
  }

  TEST_CASE("one huge allocation is refused, located, and pcall cannot swallow it") {
    BaseVm lua(small_memory());
    CallOutcome out = lua.run("local s = string.rep('x', 2^30)");
    CHECK(out.kill == Kill::memory);
    CHECK(out.error.starts_with("plugins/test.lua:1: mémoire épuisée"));
    out = lua.run("for i = 1, 10 do\n  pcall(string.rep, 'x', 2^30)\nend\nreturn 1");
    CHECK(out.kill == Kill::memory);
    CHECK(out.error.find("mémoire épuisée") != std::string::npos);
  }

  TEST_CASE("the kill is lifted after the call: the state works again") {
    BaseVm lua(small_memory());
    REQUIRE(lua.run("while true do end").kill == Kill::budget);
    REQUIRE(lua.run("local s = 'x' while true do s = s .. s end").kill == Kill::memory);
    const CallOutcome out = lua.run("local t = {} for i = 1, 1000 do t[i] = i end");
    CHECK(out.ok);
    CHECK(out.kill == Kill::none);
    CHECK(lua.vm.memory_used() < small_memory().memory_bytes);
  }

  TEST_CASE("errors without a message or a location are located anyway") {
    BaseVm lua;
    CHECK(lua.run("local x = 1\nerror({})").error ==
          "plugins/test.lua:2: erreur levée avec une valeur de type table au lieu d'un message");
    CHECK(lua.run("\n\nerror('sans lieu', 0)").error == "plugins/test.lua:3: sans lieu");
    CHECK(lua.run("error('avec lieu')").error == "plugins/test.lua:1: avec lieu");
  }

  TEST_CASE("text only: bytecode is refused") {
    lua_State* plain = luaL_newstate();
    REQUIRE(luaL_loadstring(plain, "return 1") == LUA_OK);
    std::string bytecode;
    lua_dump(
        plain,
        [](lua_State*, const void* p, std::size_t n, void* out) {
          static_cast<std::string*>(out)->append(static_cast<const char*>(p), n);
          return 0;
        },
        &bytecode, 1);
    lua_close(plain);
    REQUIRE(bytecode.starts_with("\x1bLua"));
    Vm vm;
    CHECK(vm.load_text(bytecode, "plugins/x.lua") ==
          "plugins/x.lua: le code précompilé (bytecode) est refusé : fournissez le source Lua");
    CHECK(lua_gettop(vm.state()) == 0);
  }

  TEST_CASE("syntax errors are located") {
    Vm vm;
    CHECK(vm.load_text("local x = 1\nlocal = 2", "plugins/x.lua").starts_with("plugins/x.lua:2:"));
  }

  TEST_CASE("an oversized source is refused") {
    Limits limits;
    limits.max_source_bytes = 10;
    Vm vm(limits);
    CHECK(vm.load_text("return 'a long enough text'", "plugins/x.lua").find("trop volumineux") !=
          std::string::npos);
  }

  TEST_CASE("a C++ destructor runs when a Lua error unwinds through a host function (C++ Lua build)") {
    BaseVm lua;
    destructor_ran = false;
    lua_pushcfunction(lua.vm.state(), &raise_with_live_object);
    const CallOutcome out = lua.vm.call(0, 0, 1000);
    CHECK_FALSE(out.ok);
    CHECK(out.error == "raised from the host");
    CHECK(destructor_ran);

    destructor_ran = false;
    lua_pushcfunction(lua.vm.state(), &call_with_live_object);
    lua_setglobal(lua.vm.state(), "host");
    const CallOutcome through = lua.run("host(function() error('raised in Lua') end)");
    CHECK(through.error == "plugins/test.lua:1: raised in Lua");
    CHECK(destructor_ran);
  }

  TEST_CASE("an error outside any protected call throws a C++ exception instead of aborting") {
    BaseVm lua;
    lua_State* L = lua.vm.state();
    lua_pushliteral(L, "hors pcall");
    CHECK_THROWS_AS(lua_error(L), std::runtime_error);
    lua_settop(L, 0);
    CHECK(lua.run("local x = 1").ok);
  }
}
