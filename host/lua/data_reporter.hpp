#pragma once
// Where the problems of one Lua data file go (rules, local policy, rule test
// cases): each is located by the file, the line when known (a case's call)
// and the path inside the table ("values[2].from"), and `failed` remembers
// that an error was reported.

#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"

namespace clausier::lua {

struct DataReporter {
  std::string file;  // as shown to users
  DiagnosticSink& diags;
  std::uint32_t line = 0;  // the line of every problem reported by path, 0 when none
  // Path of the table being checked inside its file, put before every path
  // reported (a policy file holds several parameters: parametres["x"]).
  std::string prefix = {};
  bool failed = false;

  void error(const std::string& path, std::string_view message);
  void warning(const std::string& path, std::string_view message);
  void error_at_line(std::uint32_t at, std::string_view message);

  // A reporter for the table at `path` of this one's: same file, its paths
  // prefixed; its errors are not this one's until the caller says so.
  [[nodiscard]] DataReporter nested(const std::string& path) const;

 private:
  [[nodiscard]] Location where(const std::string& path) const;
};

}  // namespace clausier::lua
