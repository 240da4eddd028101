#pragma once
// Rule test files (rules/tests/*.lua, format in rules/tests/README.md): Lua
// files a jurist writes, each a series of `case { … }` calls.
//
// A file runs in a fresh Vm with no library, under the load instruction
// budget and the memory cap of `Limits`. Its only global is `case`, a host
// function that copies the table it is given out of Lua (lua/data_file.hpp's
// DataCopier: plain data, at most 8 levels and 100 000 values per file)
// together with the line of the call. What the tables say is checked by the
// app layer (app/rule_tests.hpp) against lua/data_schema.hpp schemas; this
// layer only runs the file.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "lua/data_value.hpp"
#include "lua/vm.hpp"

namespace clausier::lua {

// One `case { … }` call: the line of the call and the table it was given.
struct CaseCall {
  std::uint32_t line = 0;
  DataValue table;
};

struct CaseFileRun {
  std::vector<CaseCall> cases;  // every call made before the end of the file or its first error
  bool ok = true;               // false: a problem was reported (the file is invalid)
};

// Runs one test file given as text; `display` is what messages show as its
// name ("rules/tests/insertion.lua"). Problems (syntax, an error raised while
// running, budget or memory exhausted, `case` called without a table) are
// reported to `diags`, in French, located at their line.
[[nodiscard]] CaseFileRun run_case_file(std::string_view source, std::string_view display,
                                        DiagnosticSink& diags, const Limits& limits = {});

}  // namespace clausier::lua
