#pragma once
// The rule format (rules/README.md): checks the table a rule file returned
// and builds its parameter — fields, units and kinds, dated values in
// ascending order, references, statuses, the values of each kind (numbers,
// tables by key, CPV lists, the directory of facilitators).

#include <string_view>

#include "lua/data_reporter.hpp"
#include "lua/data_value.hpp"
#include "params/parameter.hpp"

namespace clausier::lua {

// The parameter `name` that `root` describes; every problem goes to `rep`
// (the caller drops the parameter when rep.failed).
[[nodiscard]] params::Parameter check_rule(const DataValue& root, std::string_view name, DataReporter& rep);

// The table of an index.lua, which documents its folder:
// { description = "…", reference = "…" }.
void check_rule_index(const DataValue& root, DataReporter& rep);

}  // namespace clausier::lua
