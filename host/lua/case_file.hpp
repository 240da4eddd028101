#pragma once
// Rule test files (rules/tests/*.lua, format in rules/tests/README.md): Lua
// files a jurist writes, each a series of `case { … }` calls.
//
// A file runs in a fresh Vm with no library, under the load instruction
// budget and the memory cap of `Limits`. Its only global is `case`, a host
// function that copies the table it is given out of Lua (plain data: tables,
// strings, numbers, booleans; at most 8 levels and 100 000 values per file)
// together with the line of the call. What the tables say is checked by the
// app layer (app/rule_tests.hpp); this layer only runs the file.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "lua/vm.hpp"

namespace clausier::lua {

struct DataField;

// A Lua value copied out of a test file.
struct DataValue {
  enum class Type { boolean, number, string, table, other };
  Type type = Type::other;
  bool boolean = false;
  double number = 0;
  bool integer = false;           // the number was a Lua integer
  std::string text;               // a string, or the Lua type name of an `other`
  std::vector<DataField> fields;  // a table: named keys sorted by name, then list items by index

  [[nodiscard]] const DataValue* get(std::string_view name) const;
};

struct DataField {
  bool named = true;
  std::string name;        // when named
  std::int64_t index = 0;  // when not named (an integer key)
  DataValue value;
};

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
