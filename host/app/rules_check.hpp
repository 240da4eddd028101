#pragma once
// `clausier rules check`: lints everything a jurist edits and reports every
// problem at once, located:
//  - rules: the loader's checks (fields, units, kinds, dates ascending,
//    references, statuses…), and the local policy file when one is given;
//  - plugins: load errors, api version, declared `params` missing from the
//    rules (the loader's warnings), and a scan of each plugin's text for
//    ctx.param / try_param / lookup / override called with a literal name
//    that does not exist (error) or is not declared in `params` (warning);
//  - rule test case files: the format of every case (not run);
//  - templates: each manifest's clause ids must be loaded plugins', and each
//    document source is linted (render::lint_template) against a full sample
//    view of its clauses (every value, reason, basis and trace present).

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/resources.hpp"
#include "base/diagnostic.hpp"
#include "engine/clause_type.hpp"
#include "params/parameter.hpp"
#include "render/template_set.hpp"
#include "render/view.hpp"

namespace clausier::app {

struct CheckSummary {
  std::size_t parameters = 0;  // valid parameters loaded
  std::size_t plugins = 0;     // plugins loaded
  std::size_t case_files = 0;
  std::size_t cases = 0;
  std::size_t templates = 0;
};

CheckSummary check_rules(const ResourcePaths& paths, DiagnosticList& diags);

// Reports the uses of `source` (shown as `display`) whose name does not exist
// in `params` (error) or, when `info` is known, is not declared in its
// `params` (warning).
void check_plugin_source(std::string_view source, const std::string& display, const engine::ClauseInfo* info,
                         const params::ParameterSet& params, DiagnosticSink& diags);

// The view a document of `t` receives at most: an evaluation with one result
// per clause of `t.applies` (its first verdict), each with every field, value
// (`value_names` of its clause, and those of its info's units), reason,
// warning, basis and trace entry present. With `rules`, the sample lot (in the
// Orne) also gets the rule values in force (`regles`) and its facilitator from
// the directory.
[[nodiscard]] render::View sample_view(const render::DocumentTemplate& t,
                                       const std::vector<engine::ClauseInfo>& infos,
                                       const std::map<std::string, std::set<std::string>>& value_names,
                                       const params::ParameterSet* rules = nullptr);

}  // namespace clausier::app
