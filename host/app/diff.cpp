#include "app/diff.hpp"

#include <algorithm>

#include "app/evaluate.hpp"
#include "base/paths.hpp"

namespace clausier::app {
namespace {

writers::ClauseSide side_of(const LotEvaluation& e, const std::string& clause) {
  writers::ClauseSide side;
  if (const ClauseResult* r = e.clause(clause)) {
    side.present = true;
    side.verdict = r->verdict;
    side.hours = r->hours;
  }
  return side;
}

// Hours that count in the totals: those of a mandatory or recommended clause.
std::int64_t counted_hours(const LotEvaluation& e, const std::string& clause) {
  const ClauseResult* r = e.clause(clause);
  if (r == nullptr || !r->hours) return 0;
  return r->verdict == Verdict::obligatoire || r->verdict == Verdict::recommandee ? *r->hours : 0;
}

// Reports the plugin failures of one side, as evaluate does; returns how many.
std::size_t report_failures(const LotEvaluation& e, const char* side, DiagnosticList& diags) {
  std::size_t n = 0;
  for (const auto& clause : e.clauses) {
    if (!clause.error) continue;
    ++n;
    Diagnostic d = *clause.error;
    d.message = std::string("règles ") + side + ", lot " + e.lot.reference + ", clause " + clause.type +
                " : " + d.message;
    diags.report(std::move(d));
  }
  return n;
}

}  // namespace

std::optional<writers::ClauseChange> clause_change(const std::string& clause, const LotEvaluation& before,
                                                   const LotEvaluation& after) {
  writers::ClauseChange c{clause, side_of(before, clause), side_of(after, clause)};
  if (c.before == c.after) return std::nullopt;
  return c;
}

DiffOutcome diff_programme(const Toolkit& before, const Toolkit& after, const DiffRequest& request,
                           writers::DiffSink& sink, DiagnosticList& diags) {
  DiffOutcome outcome;
  const std::size_t errors_before = diags.count(Severity::error);

  // Clause types of both rule sets: those of the new rules first, in their
  // order, then those only the old rules have.
  std::vector<std::string> clauses;
  std::vector<std::string> titles;
  for (const auto* infos : {&after.clause_infos(), &before.clause_infos()}) {
    for (const auto& info : *infos) {
      if (std::find(clauses.begin(), clauses.end(), info.id) != clauses.end()) continue;
      clauses.push_back(info.id);
      titles.push_back(info.title);
    }
  }
  for (std::size_t i = 0; i < clauses.size(); ++i)
    outcome.summary.totals.push_back({clauses[i], titles[i], 0, 0});

  engine::Evaluator evaluate_before = before.evaluator(request.as_of);
  engine::Evaluator evaluate_after = after.evaluator(request.as_of);
  sink.begin({request.programme == "-" ? std::string("l'entrée standard") : display_path(request.programme),
              display_path(before.paths().rules), display_path(after.paths().rules), after.policy_file()});
  const ProgrammeScan scan = scan_programme(
      request.programme, {request.only, request.sheet, request.opened.get(), after.coverage(), request.as_of},
      diags, [&](Lot&& lot, const ConsultationTotals& totals) {
        const LotEvaluation old_result = evaluate_before.evaluate(lot, totals);
        const LotEvaluation new_result = evaluate_after.evaluate(std::move(lot), totals);
        outcome.summary.plugin_failures +=
            report_failures(old_result, "avant", diags) + report_failures(new_result, "après", diags);
        ++outcome.summary.lots_evaluated;
        writers::LotChange change{
            new_result.lot.reference, new_result.lot.consultation, new_result.lot.objet, {}};
        for (std::size_t i = 0; i < clauses.size(); ++i) {
          if (auto c = clause_change(clauses[i], old_result, new_result))
            change.changes.push_back(std::move(*c));
          outcome.summary.totals[i].before += counted_hours(old_result, clauses[i]);
          outcome.summary.totals[i].after += counted_hours(new_result, clauses[i]);
        }
        if (change.changes.empty()) return;
        ++outcome.summary.lots_changed;
        sink.lot(change);
      });
  outcome.unreadable = scan.unreadable;
  outcome.summary.unreadable = scan.unreadable;
  outcome.plugin_errors = outcome.summary.plugin_failures > 0;
  outcome.summary.rows_rejected = scan.rows_rejected;
  const std::size_t new_errors = diags.count(Severity::error) - errors_before;
  outcome.input_errors = !scan.unreadable && new_errors > outcome.summary.plugin_failures;
  sink.end(outcome.summary, diags.all());
  return outcome;
}

int exit_status(const DiffOutcome& outcome, const Toolkit& before, const Toolkit& after) {
  if (outcome.plugin_errors || before.failed() || after.failed()) return 3;
  if (outcome.unreadable || outcome.input_errors) return 1;
  return 0;
}

}  // namespace clausier::app
