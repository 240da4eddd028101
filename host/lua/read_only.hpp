#pragma once
// Read-only tables for untrusted code: the table is replaced by an empty
// proxy whose metatable reads from it, refuses every assignment and is itself
// protected (`__metatable`), so neither getmetatable nor setmetatable reach
// the real table. Used for the sandbox's libraries, the lot and the ctx.
//
// A proxy has no entries of its own: `pairs` and `#` see nothing, indexing
// works. Plugins have no `rawset`, the only way past `__newindex`.

#include <string_view>

struct lua_State;

namespace clausier::lua {

// Pushes a function refusing assignment with the French `message`
// ("la table lot est en lecture seule"), raised at the assigning line.
void push_assignment_refusal(lua_State* L, std::string_view message);

// Stack: ..., table, refusal -> ..., proxy. `refusal` is a function pushed by
// push_assignment_refusal (share one between many proxies of the same kind).
void wrap_read_only(lua_State* L);

// Stack: ..., table -> ..., proxy; the refusal names the table with `message`.
void make_read_only(lua_State* L, std::string_view message);

}  // namespace clausier::lua
