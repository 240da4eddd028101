#pragma once
// A small command-line parser: a command word, positional arguments and
// options ("--name value", "--name=value", "-o value", flags). Usage errors
// are French sentences; the caller exits with status 2.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clausier::cli {

struct OptionSpec {
  std::string name;        // "--format"
  std::string short_name;  // "-o", may be empty
  bool takes_value = true;
  std::string value_name;  // "FICHIER", for help
  std::string help;        // French
};

struct ParsedArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;  // by long name, last one wins
  std::vector<std::string> flags;             // long names of flags given

  [[nodiscard]] bool has(std::string_view name) const;
  [[nodiscard]] std::optional<std::string> value(std::string_view name) const;
};

struct ParseResult {
  ParsedArgs args;
  std::string error;  // empty when the arguments are valid
};

[[nodiscard]] ParseResult parse_args(const std::vector<std::string>& argv,
                                     const std::vector<OptionSpec>& specs);

// "  -o, --output FICHIER   help" lines, aligned.
[[nodiscard]] std::string describe_options(const std::vector<OptionSpec>& specs);

}  // namespace clausier::cli
