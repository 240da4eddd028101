#pragma once
// Bounds on the library functions whose C code could run without end in a
// single call, where neither the instruction budget nor the time limit of
// the Vm (both checked between instructions) can stop it:
//
//   string.find, match, gmatch, gsub   backtracking patterns are polynomial
//       in the subject length ("(.-)(.-)(.-)x" on 100 000 characters): a call
//       whose worst case exceeds 10^8 steps is refused;
//   table.move                          loops over its index range even on an
//       empty table: more than 10^7 elements is refused;
//   string.rep                          repeats an empty string 2^62 times:
//       answered "" at once.
//
// The guards call the library's own C function in the same frame, so its
// messages ("bad argument #1 to 'find'") and results are unchanged.

#include <cstddef>

struct lua_State;

namespace clausier::lua {

// Replace the functions above by their guarded versions in the (real, not
// yet frozen) library table at `index`.
void guard_string_library(lua_State* L, int index);
void guard_table_library(lua_State* L, int index);

// log10 of the worst-case steps of matching `pattern` against a subject of
// `length` bytes: each start position (one if anchored with '^'), times the
// length per backtracking item (*, +, -, %b), times 2 per '?', times the
// pattern length.
[[nodiscard]] double pattern_cost_log10(const char* pattern, std::size_t pattern_length, std::size_t length);

}  // namespace clausier::lua
