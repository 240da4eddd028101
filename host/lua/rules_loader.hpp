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

// Loads a local policy layer from `dir` (same format) and puts each parameter
// it defines into `base`, replacing the one of the same name. A parameter that
// changes the kind, unit or key of the one it replaces is an error and is not
// applied (plugins read it with the shape of the base rules); one that `base`
// does not have is added, with a warning (probably a misnamed file).
void overlay_rules(params::ParameterSet& base, const std::filesystem::path& dir, DiagnosticSink& diags,
                   const Limits& limits = {});

// A local purchasing policy (docs/politique-locale.md): one Lua data file
// that replaces some rule parameters from given dates.
//
//   return {
//     description = "…",   -- optional: the policy in one sentence
//     reference = "…",     -- optional: default reference of every value below
//     parametres = {
//       ["heures.taux_insertion"] = {
//         values = { { from = "2027-01-01", value = 0.07, status = "verifie" } },
//       },
//     },
//   }
//
// Each entry of `parametres` is a rule-file table (rules/README.md) for the
// parameter of that name; its description, unit, kind and key may be left
// out and are then those of `base`; when given, unit, kind and key must be
// those of `base` (plugins read the parameter with that shape). A parameter
// `base` does not have is added, with a warning, and must then be complete.
struct LocalPolicy {
  std::string file;         // as shown to users
  std::string description;  // may be empty
  std::string reference;    // default reference of its values, may be empty
  // The valid entries, checked and completed (`file` set to the policy's).
  std::vector<params::Parameter> parameters;
};

// Reads a policy file. Every problem is reported, located
// ("politique-locale.lua: parametres[\"heures.taux_insertion\"].values[1].from");
// an entry with errors is left out, the others kept. Returns nothing when the
// file cannot be read or run, or does not return a table.
[[nodiscard]] std::optional<LocalPolicy> load_policy(const std::filesystem::path& file,
                                                     const params::ParameterSet& base, DiagnosticSink& diags,
                                                     const Limits& limits = {});
[[nodiscard]] std::optional<LocalPolicy> load_policy_text(std::string_view source, std::string_view display,
                                                          const params::ParameterSet& base,
                                                          DiagnosticSink& diags, const Limits& limits = {});

// Loads one rule file given as text: `name` is the parameter name
// ("seuils.ue.travaux"), `display` what messages show as its file
// ("rules/seuils/ue/travaux.lua"). Returns nothing when the file has errors
// (all reported to `diags`).
[[nodiscard]] std::optional<params::Parameter> load_rule_text(std::string_view source, std::string_view name,
                                                              std::string_view display, DiagnosticSink& diags,
                                                              const Limits& limits = {});

}  // namespace clausier::lua
