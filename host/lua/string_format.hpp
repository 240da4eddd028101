#pragma once
// string.format for the sandbox, with a direct path for what plugins write
// most: "%s" of strings and "%%" in long sentences. The library's function
// copies a format byte by byte and asks each string argument for a
// __tostring metamethod; for strings "%s" is the string itself (the string
// metatable has none, and plugins cannot reach it: sandbox.hpp), so the
// direct path copies the literal runs and the arguments at once.
//
// Any other case (another conversion or a modifier, a number or a table
// argument, a missing argument, a malformed format) calls the library's own
// function in the same frame: results and messages are the library's.

struct lua_State;

namespace clausier::lua {

// Replaces format in the (real, not yet frozen) string library table at `index`.
void speed_up_string_format(lua_State* L, int index);

}  // namespace clausier::lua
