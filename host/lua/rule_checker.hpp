#pragma once
// The rule format (rules/README.md): checks the table a rule file returned
// and builds its parameter — fields, units and kinds, dated values in
// ascending order, references, statuses, the values of each kind (numbers,
// tables by key, CPV lists; the directory of facilitators in
// lua/directory_checker.hpp).

#include <optional>
#include <string_view>

#include "lua/data_reporter.hpp"
#include "lua/data_schema.hpp"
#include "lua/data_value.hpp"
#include "params/parameter.hpp"

namespace clausier::lua {

// The parameter `name` that `root` describes; every problem goes to `rep`
// (the caller drops the parameter when rep.failed).
[[nodiscard]] params::Parameter check_rule(const DataValue& root, std::string_view name, DataReporter& rep);

// The table of an index.lua, which documents its folder:
// { description = "…", reference = "…" }.
void check_rule_index(const DataValue& root, DataReporter& rep);

// The `status` field of a dated value or of an entry: one of
// params::all_statuses ("verifie", "partiel", "a-verifier", "hypothese").
[[nodiscard]] SchemaField status_field(bool required);

// The status of a checked table, when it holds a valid one.
[[nodiscard]] std::optional<params::Status> valid_status(const DataValue& table);

}  // namespace clausier::lua
