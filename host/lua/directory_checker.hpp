#pragma once
// The values of a rule parameter of kind "directory" (rules/README.md): the
// directory of facilitators by département,
//
//   { ["61"] = { structure = "…", institution = "…", site = "…", courriel = "…",
//                telephone = "…", adresse = "…", relais = "…",
//                status = "…", reference = "…", note = "…" }, … }
//
// Each entry says where it comes from and how sure it is; one without any
// contact stays "a-verifier", and contacts are checked for their form (a
// contact is copied from its source, never made up).

#include <string>

#include "lua/data_reporter.hpp"
#include "lua/data_value.hpp"
#include "params/parameter.hpp"

namespace clausier::lua {

// Checks `v`, the value at `path`, and puts its valid entries into `out`
// (entries sorted by département code, details by entry); every problem goes
// to `rep`.
void check_directory(const DataValue& v, const std::string& path, params::DatedValue& out, DataReporter& rep);

}  // namespace clausier::lua
