#include "lua/library_guards.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <lua.hpp>
#include <string>

#include "base/french.hpp"
#include "lua/sandbox.hpp"

using clausier::lua::CallOutcome;
using clausier::lua::pattern_cost_log10;

namespace {

struct Sandboxed {
  Sandboxed() { clausier::lua::install_sandbox(vm); }

  CallOutcome run(const std::string& code) {
    REQUIRE(clausier::lua::load_sandboxed(vm, code, "plugins/g.lua").empty());
    const CallOutcome out = vm.call(0, 1, 10'000'000);
    if (out.ok) {
      result = luaL_tolstring(vm.state(), -1, nullptr);
      lua_settop(vm.state(), 0);
    }
    return out;
  }

  std::string value(const std::string& code) {
    const CallOutcome out = run(code);
    REQUIRE_MESSAGE(out.ok, out.error);
    return result;
  }

  clausier::lua::Vm vm;
  std::string result;
};

double cost(const std::string& pattern, std::size_t length) {
  return pattern_cost_log10(pattern.data(), pattern.size(), length);
}

}  // namespace

TEST_SUITE("lua.library_guards") {
  TEST_CASE("the cost of a pattern grows with its backtracking items") {
    CHECK(cost("abc", 1000) == doctest::Approx(3 + std::log10(3.0)));
    CHECK(cost("^abc", 1000) == doctest::Approx(std::log10(4.0)));
    CHECK(cost(".-x", 1000) == doctest::Approx(6 + std::log10(3.0)));
    CHECK(cost("(.-)(.-)x", 100) == doctest::Approx(6 + std::log10(9.0)));
    CHECK(cost("^%d%d?", 100) == doctest::Approx(std::log10(2.0) + std::log10(6.0)));
    CHECK(cost("[%-+*]", 100) == doctest::Approx(2 + std::log10(6.0)));  // signs in a set do not repeat
    CHECK(cost("%b()", 100) == doctest::Approx(4 + std::log10(4.0)));
    CHECK(cost("%*", 100) == doctest::Approx(2 + std::log10(2.0)));
  }

  TEST_CASE("ordinary patterns work as before") {
    Sandboxed lua;
    CHECK(lua.value("return ('45210000'):match('^(%d%d)')") == "45");
    CHECK(lua.value("return select(2, ('a b  c'):gsub('%s+', ' '))") == "2");
    CHECK(lua.value("local n = 0 for w in ('un deux trois'):gmatch('%a+') do n = n + 1 end return n") == "3");
    CHECK(lua.value("return string.find(string.rep('a', 1e6) .. 'b', 'ab', 1, true)") == "1000000");
    CHECK(lua.value("return table.concat(table.move({ 1, 2, 3 }, 1, 3, 2), ',')") == "1,1,2,3");
    CHECK(lua.value("return string.rep('ab', 3, '-')") == "ab-ab-ab");
  }

  TEST_CASE("library messages keep their function names") {
    Sandboxed lua;
    CHECK(lua.run("return string.find()").error ==
          "plugins/g.lua:1: bad argument #1 to 'find' (string expected, got no value)");
    CHECK(lua.run("return ('x'):rep()").error ==
          "plugins/g.lua:1: bad argument #1 to 'rep' (number expected, got no value)");
  }

  TEST_CASE("a pattern that could backtrack without end is refused at once") {
    Sandboxed lua;
    const auto start = std::chrono::steady_clock::now();
    const CallOutcome out = lua.run("local s = string.rep('a', 100000)\nreturn s:find('.-.-.-b')");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    CHECK(clausier::fr::typography(out.error) ==
          clausier::fr::typography(
              "plugins/g.lua:2: motif « .-.-.-b » trop coûteux pour un texte de 100000 "
              "caractères (le calcul pourrait ne pas finir) : simplifiez le motif ou découpez "
              "le texte"));
    CHECK_FALSE(lua.run("return (string.rep('a', 100000)):gsub('.-b', '')").ok);
    CHECK_FALSE(lua.run("for w in string.rep('a', 100000):gmatch('(.-)b') do end").ok);
  }

  TEST_CASE("loops in one library call are bounded") {
    Sandboxed lua;
    const auto start = std::chrono::steady_clock::now();
    CHECK(lua.value("return #string.rep('', 2^62)") == "0");
    CHECK(lua.value("return #string.rep('', 2^62, '')") == "0");
    CHECK(lua.run("table.move({}, 1, 1e12, 1)").error ==
          "plugins/g.lua:1: table.move : trop d'éléments à déplacer (au plus 10000000)");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  }
}
