#pragma once
// What the evaluation says of a lot: one result per clause type.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/lot.hpp"
#include "model/sentence.hpp"

namespace clausier {

enum class Verdict { obligatoire, recommandee, possible, exclue };
// Every verdict, from the strongest.
inline constexpr std::array<Verdict, 4> all_verdicts = {Verdict::obligatoire, Verdict::recommandee,
                                                        Verdict::possible, Verdict::exclue};

[[nodiscard]] std::string_view verdict_id(Verdict v);     // "recommandee"
[[nodiscard]] std::string_view verdict_label(Verdict v);  // "recommandée", for readers
[[nodiscard]] std::optional<Verdict> verdict_from_id(std::string_view id);

// One rule parameter (or per-lot override) a result relied on.
struct TraceEntry {
  std::string parameter;  // "heures.taux_insertion"
  std::string key;        // the key looked up, e.g. a CPV code or buyer type; may be empty
  std::string matched;    // the key that matched (longest CPV prefix), may be empty
  std::string value;      // as shown to a user: "5 %", "5 404 000 €", "21 août 2026"
  std::string from;       // ISO date the value is in force from; empty for overrides
  std::string reference;  // legal or documentary reference
  std::string status;     // "verifie", "partiel", "a-verifier", "hypothese", "saisie"
  std::string source;     // rules file, or programme location for overrides
};

struct NamedValue {
  std::string name;
  ScalarValue value;
};

struct ClauseResult {
  std::string type;                // clause type id, e.g. "insertion"
  std::optional<Verdict> verdict;  // absent when the plugin failed
  std::optional<std::int64_t> hours;
  std::vector<NamedValue> values;  // other computed values, sorted by name
  std::vector<Sentence> reasons;
  std::vector<std::string> basis;
  std::vector<Sentence> warnings;
  std::vector<TraceEntry> trace;
  std::optional<Diagnostic> error;  // set when the plugin failed for this lot
  // The plugin was stopped by its limits (instruction budget, memory, time).
  bool killed = false;
  // The clause type is suspended for the rest of the run (`error` says why):
  // its results are missing for every lot that follows, said once.
  bool suspended = false;
};

// The values a decision taken in the workspace adds to a clause result
// (app/workspace.hpp): the rules' proposal it replaced, and the motif it
// records. Templates may show them; `applies` entries may match on the first.
inline constexpr std::string_view proposed_verdict_value = "proposed_verdict";
inline constexpr std::string_view proposed_hours_value = "proposed_hours";
inline constexpr std::string_view decided_motif_value = "decided_motif";
inline constexpr std::string_view decision_values[] = {proposed_verdict_value, proposed_hours_value,
                                                       decided_motif_value};

struct LotEvaluation {
  Lot lot;
  ConsultationTotals consultation;
  std::vector<ClauseResult> clauses;

  [[nodiscard]] const ClauseResult* clause(std::string_view type) const;
};

}  // namespace clausier
