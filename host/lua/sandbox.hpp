#pragma once
// Prepares a Vm for untrusted plugin code (the Redis scripting model).
//
// Allow-list: plugins see only these globals, shared and frozen:
//   base     assert error getmetatable ipairs next pairs pcall rawequal rawget
//            rawlen select setmetatable tonumber tostring type xpcall _VERSION
//   string   all but string.dump (bytecode)
//   table    all
//   math     all but math.random, math.randomseed (results must be reproducible)
//   utf8     all
//   include  the plugins' shared libraries (plugins/lib/, see plugin.hpp),
//            added by the plugin runtime with add_shared_function
// Left out: io, os, package, debug, coroutine (a coroutine could hold a kill
// across resumes), and from base: dofile, loadfile, load (no code from
// strings: the only loader is Vm::load_text, text only), require, print (a
// plugin must not write to the output), warn, collectgarbage (could stop the
// collector or run full collections outside the instruction count), rawset
// (writes past __newindex, so it would unfreeze the shared library proxies),
// _G (it would be the shared global table itself). rawget, rawequal and rawlen
// only read, and a proxy has no entries of its own to read.
//
// string.find, match, gmatch, gsub, rep and table.move are bounded so that no
// single call can run without end (library_guards.hpp); string.format takes
// a direct path for "%s" of strings, with the library's results
// (string_format.hpp).
//
// setmetatable refuses a metatable with __gc: a finalizer could run Lua code
// outside any budgeted call (during a collection between calls, or at close).
//
// Libraries are read-only proxies, the string metatable is protected
// (getmetatable("") is false), and each plugin gets its own environment
// (_ENV) that reads the shared globals, raises an error naming an undeclared
// global when read, and refuses global assignment (use `local`).

#include <lua.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "lua/vm.hpp"

namespace clausier::lua {

// Installs the frozen shared globals in `vm`. Call once, before loading.
void install_sandbox(Vm& vm);

// Adds a host function, with one light userdata upvalue, to the shared
// globals every environment reads. Call after install_sandbox, before loading.
void add_shared_function(Vm& vm, const char* name, lua_CFunction function, void* upvalue);

// Compiles `source` (text only) under `display_name` with a fresh plugin
// environment as its _ENV. On success pushes the chunk and returns an empty
// string; on failure pushes nothing and returns the located error.
[[nodiscard]] std::string load_sandboxed(Vm& vm, std::string_view source, std::string_view display_name);

// Every name plugins can reach through the shared globals, sorted:
// "assert", ..., "string.rep", ... (a snapshot for tests and documentation).
[[nodiscard]] std::vector<std::string> sandbox_surface(Vm& vm);

}  // namespace clausier::lua
