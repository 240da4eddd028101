#include "app/evaluate.hpp"

#include "engine/consultations.hpp"
#include "readers/programme.hpp"

namespace clausier::app {

int exit_status(const EvaluateOutcome& outcome, const Toolkit& toolkit) {
  if (outcome.plugin_errors || toolkit.failed()) return 3;
  if (outcome.unreadable || outcome.input_errors) return 1;
  return 0;
}

ProgrammeScan scan_programme(const std::filesystem::path& path, const std::string& only,
                             DiagnosticList& diags,
                             const std::function<void(Lot&&, const ConsultationTotals&)>& on_lot) {
  auto programme = readers::open_programme(path, diags);
  if (!programme) {
    ProgrammeScan scan;
    scan.unreadable = true;
    return scan;
  }
  return scan_programme(*programme, only, diags, on_lot);
}

ProgrammeScan scan_programme(const readers::Programme& programme, const std::string& only,
                             DiagnosticList& diags,
                             const std::function<void(Lot&&, const ConsultationTotals&)>& on_lot) {
  ProgrammeScan scan;

  // Pass 1: consultation totals (thresholds are tested on the whole
  // consultation). Silent: the second pass reports each problem once.
  engine::ConsultationIndex consultations;
  {
    DiagnosticList ignored;
    auto reader = programme.open(ignored);
    std::string consultation;
    std::int64_t cents = 0;
    while (reader && reader->next_amount(consultation, cents)) consultations.add(consultation, cents);
  }

  // Pass 2: lot by lot, each one handed on as soon as it is read.
  auto reader = programme.open(diags);
  Lot lot;
  while (reader && reader->next(lot)) {
    if (!only.empty() && lot.reference != only) continue;
    const ConsultationTotals totals = consultations.totals(lot.consultation);
    ++scan.lots;
    on_lot(std::move(lot), totals);
    lot = Lot{};
  }
  if (reader) scan.rows_rejected = reader->rejected_rows();
  if (!only.empty() && scan.lots == 0) {
    diags.error(Location::in_file(programme.display_name()),
                "aucun lot valide de référence « " + only + " » dans ce fichier");
  }
  return scan;
}

namespace {

using Scan = std::function<ProgrammeScan(const std::function<void(Lot&&, const ConsultationTotals&)>&)>;

EvaluateOutcome evaluate_scan(engine::Evaluator& evaluator, const std::vector<engine::ClauseInfo>& infos,
                              const Scan& scan_lots, writers::EvaluationSink& sink, DiagnosticList& diags,
                              const std::function<void(const LotEvaluation&)>& on_lot) {
  EvaluateOutcome outcome;
  const std::size_t errors_before = diags.count(Severity::error);
  sink.begin(infos);
  const ProgrammeScan scan = scan_lots([&](Lot&& lot, const ConsultationTotals& totals) {
    LotEvaluation evaluation = evaluator.evaluate(std::move(lot), totals);
    for (const auto& clause : evaluation.clauses) {
      if (!clause.error) continue;
      outcome.plugin_errors = true;
      ++outcome.summary.plugin_failures;
      Diagnostic d = *clause.error;
      d.message = "lot " + evaluation.lot.reference + ", clause " + clause.type + " : " + d.message;
      diags.report(std::move(d));
    }
    ++outcome.summary.lots_evaluated;
    sink.lot(evaluation);
    if (on_lot) on_lot(evaluation);
  });
  outcome.unreadable = scan.unreadable;
  outcome.summary.rows_rejected = scan.rows_rejected;
  // Every error reported here is the input's, except the plugin failures.
  const std::size_t new_errors = diags.count(Severity::error) - errors_before;
  outcome.input_errors = !scan.unreadable && new_errors > outcome.summary.plugin_failures;
  sink.end(diags.all(), outcome.summary);
  return outcome;
}

}  // namespace

EvaluateOutcome evaluate_programme(const Toolkit& toolkit, const EvaluateRequest& request,
                                   writers::EvaluationSink& sink, DiagnosticList& diags,
                                   const std::function<void(const LotEvaluation&)>& on_lot) {
  engine::Evaluator evaluator = toolkit.evaluator(request.as_of);
  return evaluate_scan(
      evaluator, toolkit.clause_infos(),
      [&](const auto& each) { return scan_programme(request.programme, request.only, diags, each); }, sink,
      diags, on_lot);
}

EvaluateOutcome evaluate_programme(engine::Evaluator& evaluator, const std::vector<engine::ClauseInfo>& infos,
                                   const readers::Programme& programme, const std::string& only,
                                   writers::EvaluationSink& sink, DiagnosticList& diags,
                                   const std::function<void(const LotEvaluation&)>& on_lot) {
  return evaluate_scan(
      evaluator, infos, [&](const auto& each) { return scan_programme(programme, only, diags, each); }, sink,
      diags, on_lot);
}

}  // namespace clausier::app
