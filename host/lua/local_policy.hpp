#pragma once
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

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "lua/vm.hpp"
#include "params/parameter.hpp"

namespace clausier::lua {

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

}  // namespace clausier::lua
