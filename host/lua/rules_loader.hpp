#pragma once
// Loads rule data: the dated parameters of rules/ (one plain Lua table per
// file, format in rules/README.md) into a params::ParameterSet.
//
// Each file is a Lua data file (lua/data_file.hpp: no library, no function,
// no key written twice) whose table is checked by lua/rule_checker.hpp. Every
// problem of every file is reported with its place
// ("rules/seuils/ue/travaux.lua: values[2].from") and what to write instead;
// a file with any error is left out, every valid file is still loaded. The
// local policy, which replaces some parameters, is read by lua/local_policy.hpp.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "lua/vm.hpp"
#include "params/parameter.hpp"

namespace clausier::lua {

// Loads every `*.lua` file below `dir` (recursively, in path order; hidden
// files and folders skipped, and the folder `tests` at the top of `dir`, which
// holds the rule test cases of `clausier rules test`, not parameters). The parameter name is the path below
// `dir` without ".lua", '/' replaced by '.': seuils/ue/travaux.lua -> "seuils.ue.travaux". A file named
// index.lua documents its folder: it is checked ({ description = "...", reference = "..." }) but is no
// parameter. A `dir` that does not exist or is not a folder is an error.
[[nodiscard]] params::ParameterSet load_rules(const std::filesystem::path& dir, DiagnosticSink& diags,
                                              const Limits& limits = {});

// Loads one rule file given as text: `name` is the parameter name
// ("seuils.ue.travaux"), `display` what messages show as its file
// ("rules/seuils/ue/travaux.lua"). Returns nothing when the file has errors
// (all reported to `diags`).
[[nodiscard]] std::optional<params::Parameter> load_rule_text(std::string_view source, std::string_view name,
                                                              std::string_view display, DiagnosticSink& diags,
                                                              const Limits& limits = {});

}  // namespace clausier::lua
