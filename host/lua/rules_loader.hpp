#pragma once
// Loads rule data: the dated parameters of rules/ (one plain Lua table per
// file, format in rules/README.md) into a params::ParameterSet.
//
// Each file runs in a fresh Lua state with no library and an empty
// environment, under the load instruction budget and the memory cap of
// `Limits`; the file may not define a function (so it cannot call anything)
// nor write a key twice in a table, and what it returns is checked field by
// field. Every problem of every file
// is reported with its place ("rules/seuils/ue/travaux.lua: values[2].from")
// and what to write instead; a file with any error is left out, every valid
// file is still loaded.

#include <filesystem>
#include <optional>
#include <string_view>

#include "base/diagnostic.hpp"
#include "lua/vm.hpp"
#include "params/parameter.hpp"

namespace clausier::lua {

// Loads every `*.lua` file below `dir` (recursively, in path order; hidden
// files and folders skipped). The parameter name is the path below `dir`
// without ".lua", '/' replaced by '.': seuils/ue/travaux.lua ->
// "seuils.ue.travaux". A file named index.lua documents its folder: it is
// checked ({ description = "...", reference = "..." }) but is no parameter.
// A `dir` that does not exist or is not a folder is an error.
[[nodiscard]] params::ParameterSet load_rules(const std::filesystem::path& dir, DiagnosticSink& diags,
                                              const Limits& limits = {});

// Loads a local policy layer from `dir` (same format) and puts each parameter
// it defines into `base`, replacing the one of the same name. A parameter that
// changes the kind, unit or key of the one it replaces is an error and is not
// applied (plugins read it with the shape of the base rules); one that `base`
// does not have is added, with a warning (probably a misnamed file).
void overlay_rules(params::ParameterSet& base, const std::filesystem::path& dir, DiagnosticSink& diags,
                   const Limits& limits = {});

// Loads one rule file given as text: `name` is the parameter name
// ("seuils.ue.travaux"), `display` what messages show as its file
// ("rules/seuils/ue/travaux.lua"). Returns nothing when the file has errors
// (all reported to `diags`).
[[nodiscard]] std::optional<params::Parameter> load_rule_text(std::string_view source, std::string_view name,
                                                              std::string_view display, DiagnosticSink& diags,
                                                              const Limits& limits = {});

}  // namespace clausier::lua
