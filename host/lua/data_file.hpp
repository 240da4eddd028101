#pragma once
// Runs a Lua data file (a rule, a local policy) and returns the one table it
// returns, copied out as a DataValue; also the copier that rule test files
// use for the tables given to `case { … }`.
//
// A data file runs in a fresh Lua state with no library and an empty
// environment, under the load instruction budget and the memory cap of
// `Limits`; it may not define a function (so it cannot call anything) nor
// write a key twice in a table. Every problem is reported, in French, at its
// line or its path in the table.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lua/data_reporter.hpp"
#include "lua/data_value.hpp"
#include "lua/vm.hpp"

struct lua_State;

namespace clausier::lua {

// Copies Lua values into DataValues: tables nest at most `max_depth` deep and
// one copier copies at most `max_nodes` values, so that a self-referencing
// table or a table built by a loop cannot exhaust the host. A key that is
// neither a string nor an integer is left out.
class DataCopier {
 public:
  static constexpr int max_depth = 8;
  static constexpr std::size_t max_nodes = 100'000;

  enum class Problem { too_deep, too_many, odd_key };
  struct Found {
    Problem problem;
    std::string path;     // where, in the copied table
    std::string message;  // French, without a hint on the kind of file
  };

  explicit DataCopier(lua_State* L) : L_(L) {}

  // The value at `index` of the stack (known to have room for
  // 3 * max_depth + 8 slots); false when the copy was abandoned (too deep,
  // too many values). Every problem goes to problems().
  bool copy(int index, DataValue& out, const std::string& path = {});
  [[nodiscard]] const std::vector<Found>& problems() const { return problems_; }

 private:
  bool copy_table(int index, DataValue& out, const std::string& path, int depth);
  bool copy_at(int index, DataValue& out, const std::string& path, int depth);

  lua_State* L_;
  std::size_t nodes_ = 0;
  std::vector<Found> problems_;
};

// What a data file may hold, told with the errors Lua raises on it: after a
// name that does not exist ("« print » n'existe pas ici : <unknown_name>"),
// and after an operation Lua refused (empty: nothing added).
struct DataFileHints {
  std::string_view unknown_name;
  std::string_view refused_operation;
};

// Reports an error message of Lua on a data file ("rules/x.lua:3: message",
// from compiling it or running it) at its line, in French.
void report_lua_error(DataReporter& rep, std::string_view message, bool compiling,
                      const DataFileHints& hints);

// Runs `source` (shown as `rep.file`) and copies the table it returns;
// nothing when the file cannot be compiled or run, holds a function or a key
// written twice, or returns anything but a table (all reported to `rep`).
[[nodiscard]] std::optional<DataValue> run_data_file(std::string_view source, DataReporter& rep,
                                                     const Limits& limits);

}  // namespace clausier::lua
