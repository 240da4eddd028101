#pragma once
// What the facilitator's review of a programme says, as plain data: the
// figures of the whole programme (computed by app::ReviewBuilder in one pass)
// and, lot by lot, what the review table shows of each lot. The writers of
// the report (HTML, Markdown) only lay these out.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"

namespace clausier::writers {

// How what the buyer recorded for a contract (DECP `considerationsSociales`)
// compares with what the rules say of the lot.
enum class RecordedMatch {
  unknown,            // the source does not say what was recorded
  mandatory_missing,  // a clause is mandatory, "no social consideration" recorded
  retained_missing,   // a clause is recommended, "no social consideration" recorded
  consistent,         // a consideration recorded where the rules retain one
  beyond_rules,       // a consideration recorded where the rules retain none
  none_expected,      // nothing recorded, nothing retained
};
inline constexpr std::size_t recorded_match_count = 6;

// "obligation non tracée"…, for readers.
[[nodiscard]] const char* recorded_match_label(RecordedMatch m);

// What the review says of one lot, beside its evaluation.
struct LotReview {
  bool retained = false;                    // a clause obligatoire or recommandee
  bool mandatory = false;                   // a clause obligatoire
  bool social_condition_mandatory = false;  // obligatoire under CCP L2112-2-1
  bool above_threshold = false;             // the consultation reaches the EU threshold
  // A verdict depends on a value the source did not give (nature, amount):
  // its clause is counted neither retained nor mandatory; the lot is to decide.
  bool assumed = false;
  std::optional<std::int64_t> hours;  // insertion hours of the lot (retained clauses)
  bool failed = false;                // a plugin failed for this lot
  RecordedMatch recorded = RecordedMatch::unknown;
  std::vector<std::string> recorded_labels;  // as recorded, when known
  // A decision is to be taken with the buyer: no clause is mandatory but one
  // is recommended or possible, or something is flagged (lot_flags).
  bool to_decide = false;
};

// Lots, amount and hours of a part of the programme.
struct ReviewTally {
  std::size_t lots = 0;
  std::size_t lots_retained = 0;  // with a social consideration retained
  std::int64_t amount_cents = 0;
  std::int64_t amount_retained_cents = 0;
  std::int64_t hours = 0;
  std::size_t lots_to_decide = 0;
};

// One bar of a breakdown: a quarter, a nature, a territory.
struct ReviewGroup {
  std::string key;    // "2027-T1", "travaux", "61", a buyer's name
  std::string label;  // "T1 2027", "Travaux", "61 Orne", a buyer's name
  ReviewTally tally;
};

// The verdicts one clause type gave over the programme.
struct ClauseTally {
  std::string type;                       // "insertion"
  std::string title;                      // "Clause d'insertion (condition d'exécution)"
  std::array<std::size_t, 4> verdicts{};  // indexed by Verdict
  std::size_t failures = 0;
  std::int64_t hours = 0;  // on the lots where this clause is retained
};

// A dated rule value the review compares the programme with.
struct ReviewTarget {
  std::string parameter;  // "objectifs.considerations_sociales"
  double ratio = 0;       // 0.30
  Date from;
  std::string source;     // the parameter's reference: "Plan national pour des achats durables…"
  std::string reference;  // the dated value's own reference
  std::string status;     // status label, "partiellement vérifié"
  std::string note;
};

// Which rules the evaluation used.
struct RulesInfo {
  std::string folder;   // the folder's name alone: "rules"
  std::string plugins;  // the folder's name alone: "plugins"
  std::string policy;   // local policy file's name alone, or empty
  std::size_t parameters = 0;
  std::optional<Date> latest_change;  // most recent dated value in force on `evaluated_on`
  Date evaluated_on;                  // the report's date, or --as-of
  std::optional<Date> as_of;          // when every lot was evaluated at one date
  std::string generator;              // "clausier 0.1.0"
};

struct ReviewData {
  std::string programme;  // the file's name alone (no folder of the machine)
  Date generated;
  ReviewTally total;
  std::size_t consultations = 0;
  std::optional<Date> first_launch;
  std::optional<Date> last_launch;

  std::size_t lots_mandatory = 0;                   // a clause obligatoire (law or charter)
  std::size_t lots_social_condition_mandatory = 0;  // under L2112-2-1
  std::int64_t amount_social_condition_mandatory_cents = 0;
  std::size_t mandatory_without_hours = 0;  // L2112-2-1, but no hours computed
  std::size_t lots_above_threshold = 0;
  std::size_t above_threshold_without_lever = 0;  // no clause retained
  std::size_t lots_failed = 0;                    // a plugin failed
  std::size_t lots_assumed = 0;                   // a verdict depends on an unknown nature or amount

  std::optional<ReviewTarget> target;     // national share of contracts
  std::vector<ClauseTally> clauses;       // in plugin order
  std::vector<ReviewGroup> by_quarter;    // chronological
  std::vector<ReviewGroup> by_nature;     // travaux, fournitures, services
  std::vector<ReviewGroup> by_territory;  // by département code; unknown last
  std::vector<ReviewGroup> by_buyer;      // by name, the largest amount first

  std::array<std::size_t, recorded_match_count> recorded{};  // lots by RecordedMatch
  [[nodiscard]] std::size_t recorded_known() const { return total.lots - recorded[0]; }

  std::size_t rows_rejected = 0;
  RulesInfo rules;

  // Shares of the lots (and of the amount) with a social consideration retained.
  [[nodiscard]] double lots_share() const;
  [[nodiscard]] double amount_share() const;
};

}  // namespace clausier::writers
