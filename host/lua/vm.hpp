#pragma once
// One Lua state with a memory cap and an instruction budget. Everything that
// runs untrusted Lua (plugins, rule files) goes through Vm::call.
//
// Budget: a count hook fires every `hook_step` instructions and charges the
// budget. When it runs out, or when the memory cap is hit, the state is
// "killed": the hook is re-armed to fire on every instruction and raises an
// error each time, so a `pcall` inside the script cannot swallow the kill (the
// technique of Redis's script kill). The kill is lifted when Vm::call returns.
//
// Time: the same hook also checks the wall clock against `time_limit_ms`. The
// instruction count alone cannot bound library functions that do much work in
// one instruction (table.insert(t, 1, x) in a loop, string.rep of megabytes);
// the time limit is a backstop far above any normal call, so results stay
// deterministic in practice. Library functions that could run without end in
// a single call are bounded by the sandbox (see library_guards.hpp).
//
// Memory: the cap applies while Lua code runs or compiles (Vm::call,
// Vm::load_text). Host code working on the state between calls (building
// argument tables, reading results) is not capped, so it never meets an
// allocation failure outside a protected call. Should a Lua API call still
// fail outside any protected call, the panic handler throws a C++
// std::runtime_error instead of aborting the process.
//
// Every error a call reports is located at the innermost Lua line
// ("plugins/x.lua:12: message"), including `error({})`, `error("x", 0)` and
// the memory kill.

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

struct lua_State;
struct lua_Debug;

namespace clausier::lua {

struct Limits {
  std::size_t memory_bytes = std::size_t{64} << 20;     // per state
  std::uint64_t load_instructions = 10'000'000;         // running a file's top level
  std::uint64_t call_instructions = 10'000'000;         // one call into a script
  std::size_t max_source_bytes = std::size_t{1} << 20;  // a plugin or rules file
  std::uint32_t time_limit_ms = 1000;                   // wall clock, per call (load or evaluate)
};

enum class Kill { none, budget, memory, time };

struct CallOutcome {
  bool ok = true;
  Kill kill = Kill::none;
  std::string error;  // "plugins/x.lua:12: message" when !ok
};

class Vm {
 public:
  explicit Vm(Limits limits = {});
  ~Vm();
  Vm(const Vm&) = delete;
  Vm& operator=(const Vm&) = delete;

  [[nodiscard]] lua_State* state() const { return L_; }
  [[nodiscard]] const Limits& limits() const { return limits_; }
  [[nodiscard]] std::size_t memory_used() const { return used_; }

  // Compiles `source` as text only (never bytecode) under the chunk name
  // `display_name` (what error messages show, e.g. "plugins/insertion.lua").
  // On success pushes the function and returns an empty string; on failure
  // pushes nothing and returns the located error.
  [[nodiscard]] std::string load_text(std::string_view source, std::string_view display_name);

  // Calls the function below `nargs` arguments on the stack, like lua_pcall,
  // under `budget` instructions. On failure the stack holds no result and the
  // outcome carries the located message.
  CallOutcome call(int nargs, int nresults, std::uint64_t budget);

 private:
  static void* allocate(void* ud, void* ptr, std::size_t osize, std::size_t nsize) noexcept;
  static void hook(lua_State* L, lua_Debug* ar);
  static int message_handler(lua_State* L);
  static int panic(lua_State* L);
  void kill(Kill why);

  Limits limits_;
  lua_State* L_ = nullptr;
  std::size_t used_ = 0;
  std::uint64_t remaining_ = 0;
  std::chrono::steady_clock::time_point deadline_;
  Kill killed_ = Kill::none;
  bool in_call_ = false;
  bool capped_ = false;  // the memory cap applies (Lua code runs or compiles)
  // "plugins/x.lua:12" of the line running when memory ran out (no allocation
  // is possible at that point, hence a fixed buffer).
  std::array<char, 96> kill_where_{};
};

// Step between two budget checks.
inline constexpr int hook_step = 1000;

}  // namespace clausier::lua
