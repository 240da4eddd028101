#pragma once
// `clausier rules doc`: a readable reference of the rules, for jurists and
// buyers: every clause type (title, id, legal basis, parameters it reads,
// source file) and every parameter (description, unit, kind, key, each dated
// value shown the French way with its date, status, reference and note;
// tables and CPV lists in full), as Markdown and as a self-contained,
// printable HTML page (no external resource).

#include <string>
#include <vector>

#include "engine/clause_type.hpp"
#include "params/parameter.hpp"
#include "render/view.hpp"

namespace clausier::writers {

struct RulesDocRequest {
  const params::ParameterSet& params;
  const std::vector<engine::ClauseInfo>& clauses;
  std::string rules;    // rules folder, as shown to users
  std::string plugins;  // plugins folder, as shown to users
  std::string policy;   // local policy applied, or empty
  render::DocumentContext context;
};

[[nodiscard]] std::string rules_doc_markdown(const RulesDocRequest& request);
[[nodiscard]] std::string rules_doc_html(const RulesDocRequest& request);

// "euros hors taxes", "fraction de 0 à 1"… for a rule unit; the unit itself when unknown.
[[nodiscard]] std::string unit_label(std::string_view unit);
// "nombre", "table par clé", "liste de codes CPV"…
[[nodiscard]] std::string kind_label(params::Kind kind);

}  // namespace clausier::writers
