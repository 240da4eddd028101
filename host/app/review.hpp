#pragma once
// The facilitator's review of a whole programme (`clausier review`): the
// evaluation of every lot, aggregated in one streaming pass into the figures
// a facilitator shows a buyer before publication, and handed lot by lot to a
// report writer. Memory is bounded by the number of groups (consultations,
// quarters, natures, départements, clause types), never by the number of lots.
//
// Definitions (also printed in the report):
//  - a lot "retains a social consideration" when at least one clause result
//    is obligatoire or recommandee (a possible clause is a lever, not yet a
//    consideration);
//  - the social condition is mandatory (CCP L2112-2-1) when a result is
//    obligatoire and its basis cites that article;
//  - a lot's insertion hours are the hours of its retained clauses; a lot
//    with several (an insertion clause and the ANRU charter) counts the
//    largest once, since they are the same hours;
//  - a lot is above the EU threshold when a clause result reports the
//    threshold it tested and the consultation total (values `seuil` and
//    `total_consultation`) and the total reaches it;
//  - "recorded vs rules": what the buyer recorded for the contract (DECP
//    labels) against whether the rules retain a consideration;
//  - a lot is "to decide" when no clause is obligatoire but one is
//    recommandee or possible (a choice to make with the buyer), or when it
//    is flagged: L2112-2-1 without hours, above the threshold with nothing
//    retained, a plugin failure, an obligation or recommendation the DECP
//    record does not trace.
// The figures are also kept per buyer (ReviewData::by_buyer).

#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "app/evaluate.hpp"
#include "app/toolkit.hpp"
#include "engine/clause_type.hpp"
#include "params/parameter.hpp"
#include "writers/review_data.hpp"
#include "writers/review_report.hpp"

namespace clausier::app {

// The rule parameter holding the national target the review compares with.
inline constexpr const char* target_parameter = "objectifs.considerations_sociales";

// What the review says of one lot. `recorded_social` is what the buyer
// recorded (DECP `considerationsSociales` labels), nullopt when the source
// does not say.
[[nodiscard]] writers::LotReview review_lot(
    const LotEvaluation& evaluation, const std::optional<std::vector<std::string>>& recorded_social = {});

// True when the result makes the social condition of CCP L2112-2-1
// mandatory: obligatoire, and its basis cites that article.
[[nodiscard]] bool social_condition_mandatory(const ClauseResult& c);

// "2027-T1" and "T1 2027" for a launch date.
[[nodiscard]] std::string quarter_key(Date d);
[[nodiscard]] std::string quarter_label(Date d);
// "61 Orne"; "Non renseigné" for an empty code; the code alone when unknown.
[[nodiscard]] std::string territory_label(const std::string& departement);

// Accumulates the figures of a programme, lot by lot.
class ReviewBuilder {
 public:
  explicit ReviewBuilder(const std::vector<engine::ClauseInfo>& clause_types);

  void add(const LotEvaluation& evaluation, const writers::LotReview& review);

  // The figures, with the target in force on `on` from `params` (absent when
  // the rules have none) and what is known of the rules.
  [[nodiscard]] writers::ReviewData finish(const params::ParameterSet& params, Date on) const;

  // One bar of a breakdown, while it accumulates.
  struct Group {
    std::string label;
    writers::ReviewTally tally;
  };

 private:
  static void count(writers::ReviewTally& t, const LotEvaluation& e, const writers::LotReview& r);

  writers::ReviewData data_;
  std::unordered_set<std::string> consultations_;
  std::map<std::string, Group> quarters_;
  std::map<std::optional<Nature>, Group> natures_;
  std::map<std::string, Group> territories_;
  std::map<std::string, Group> buyers_;
};

struct ReviewRequest {
  EvaluateRequest evaluate;
  Date generated;         // the report's date
  std::string generator;  // "clausier 0.1.0"
};

struct ReviewOutcome {
  EvaluateOutcome evaluation;
  writers::ReviewData data;
};

// Evaluates the programme and writes its review to `report` (begin, each lot,
// end with the figures and every diagnostic reported so far). When the
// programme cannot be read at all, `report.end` is not called: nothing is
// written.
ReviewOutcome review_programme(const Toolkit& toolkit, const ReviewRequest& request,
                               writers::ReviewReport& report, DiagnosticList& diags);

// What a review says of its run when the programme is already open.
struct ReviewRun {
  std::string programme;  // as shown in the report, its name alone: "programme.xlsx"
  std::optional<Date> as_of;
  Date generated;
  std::string generator;
};

// A review fed by an evaluation run of the caller's: each lot as it is
// evaluated, then the run's summary. The web server evaluates an upload once
// and answers with both the lots and the review's figures.
class ReviewPass {
 public:
  // `report` receives begin() at once, each lot, and end() at finish().
  ReviewPass(const Toolkit& toolkit, ReviewRun about, writers::ReviewReport& report);

  void lot(const LotEvaluation& evaluation);
  // The figures; the report is ended unless the programme was unreadable
  // (nothing is written then, rather than an empty report).
  writers::ReviewData finish(const writers::RunSummary& summary, const std::vector<Diagnostic>& diagnostics);

 private:
  const Toolkit& toolkit_;
  ReviewRun about_;
  writers::ReviewReport& report_;
  ReviewBuilder builder_;
};

// The same over a programme already opened (an upload), with the caller's
// evaluator (built for `about.as_of`; the server gives each worker thread
// its own, see Toolkit::thread_evaluator).
ReviewOutcome review_programme(engine::Evaluator& evaluator, const Toolkit& toolkit,
                               const readers::Programme& programme, const ReviewRun& about,
                               writers::ReviewReport& report, DiagnosticList& diags);

}  // namespace clausier::app
