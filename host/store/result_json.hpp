#pragma once
// The clause results of one lot as the workspace keeps them (compact JSON),
// and back: verdict, hours, values, reasons, basis, warnings, trace and the
// plugin's error when it failed.

#include <string>
#include <vector>

#include "model/evaluation.hpp"

namespace clausier::store {

[[nodiscard]] std::string results_to_json(const std::vector<ClauseResult>& clauses);

// Throws std::runtime_error when `json` is not stored results.
[[nodiscard]] std::vector<ClauseResult> results_from_json(const std::string& json);

}  // namespace clausier::store
