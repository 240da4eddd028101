#include "app/evaluate.hpp"

#include <deque>
#include <set>
#include <thread>

#include "base/repeated_keys.hpp"
#include "engine/consultations.hpp"
#include "engine/parallel_runner.hpp"
#include "readers/programme.hpp"

namespace clausier::app {
namespace {

// Lots between two progress reports.
constexpr std::size_t progress_step = 512;

// Keeps the diagnostics of the reader until the lots read before them are
// delivered, so that they come out interleaved with the plugin failures in
// the same order whatever the number of workers.
class OrderedDiagnostics final : public DiagnosticSink {
 public:
  explicit OrderedDiagnostics(DiagnosticSink& out) : out_(out) {}
  void report(Diagnostic d) override { pending_.emplace_back(submitted_, std::move(d)); }
  void lot_submitted() { ++submitted_; }
  // Passes on what was reported before lot `index` (0-based) was submitted.
  void release_before(std::size_t index) {
    while (!pending_.empty() && pending_.front().first <= index) {
      out_.report(std::move(pending_.front().second));
      pending_.pop_front();
    }
  }
  void release_all() { release_before(static_cast<std::size_t>(-1)); }

 private:
  DiagnosticSink& out_;
  std::size_t submitted_ = 0;
  std::deque<std::pair<std::size_t, Diagnostic>> pending_;
};

}  // namespace

int exit_status(const EvaluateOutcome& outcome, const Toolkit& toolkit) {
  if (outcome.plugin_errors || toolkit.failed()) return 3;
  if (outcome.unreadable || outcome.input_errors) return 1;
  return 0;
}

std::size_t worker_count(std::size_t jobs) {
  if (jobs > 0) return jobs;
  return std::max<std::size_t>(1, std::thread::hardware_concurrency());
}

ProgrammeScan scan_programme(const std::filesystem::path& path, const ProgrammeSelection& selection,
                             DiagnosticSink& diags,
                             const std::function<void(Lot&&, const ConsultationTotals&)>& on_lot,
                             const std::function<void(std::size_t rows)>& on_counted) {
  if (selection.opened != nullptr)
    return scan_programme(*selection.opened, selection, diags, on_lot, on_counted);
  readers::ProgrammeOptions options;
  options.sheet = selection.sheet;
  auto programme = readers::open_programme(path, diags, options);
  if (!programme) {
    ProgrammeScan scan;
    scan.unreadable = true;
    return scan;
  }
  return scan_programme(*programme, selection, diags, on_lot, on_counted);
}

ProgrammeScan scan_programme(const readers::Programme& programme, const ProgrammeSelection& selection,
                             DiagnosticSink& diags,
                             const std::function<void(Lot&&, const ConsultationTotals&)>& on_lot,
                             const std::function<void(std::size_t rows)>& on_counted) {
  ProgrammeScan scan;
  const std::string& only = selection.only;
  std::size_t before_rules = 0;
  // Pass 1: consultation totals (thresholds are tested on the whole
  // consultation) and the references that may repeat. Silent: the second
  // pass reports each problem once.
  engine::ConsultationIndex consultations;
  RepeatedKeys references;
  bool own_totals = false;  // each lot is its own consultation (DECP)
  std::size_t rows = 0;
  {
    auto reader = programme.open(readers::discard_diagnostics());
    if (reader) own_totals = reader->lots_are_consultations();
    readers::RecordKeys keys;
    while (reader && reader->next_keys(keys)) {
      if (!keys.reference.empty()) references.add(keys.reference);
      if (keys.consultation.empty() || !keys.cents) continue;
      if (!own_totals) consultations.add(keys.consultation, *keys.cents);
      ++rows;
    }
  }
  consultations.finish();
  const KeySet repeated_references = std::move(references).take_candidates();
  if (!consultations.ok()) {
    diags.error(Location::in_file(programme.display_name()),
                "impossible d'écrire le fichier temporaire des totaux par consultation (disque plein ?) : "
                "définissez TMPDIR vers un dossier qui a de la place");
    scan.unreadable = true;
    return scan;
  }
  if (on_counted) on_counted(only.empty() ? rows : 1);

  // Pass 2: lot by lot, each one handed on as soon as it is read.
  auto reader = programme.open(diags);
  if (reader) reader->expect_repeats(repeated_references);
  Lot lot;
  while (reader && reader->next(lot)) {
    if (!only.empty() && lot.reference != only) continue;
    if (selection.coverage != nullptr) {
      const Date date = selection.as_of.value_or(lot.date_lancement);
      if (auto why = outside_coverage(lot, date, selection.as_of.has_value(), *selection.coverage)) {
        diags.error(lot.source, *why);
        ++before_rules;
        lot = Lot{};
        continue;
      }
    }
    const ConsultationTotals totals =
        own_totals ? ConsultationTotals{lot.montant_ht_cents, 1} : consultations.totals(lot.consultation);
    ++scan.lots;
    on_lot(std::move(lot), totals);
    lot = Lot{};
  }
  if (reader) scan.rows_rejected = reader->rejected_rows();
  scan.rows_rejected += before_rules;
  if (!only.empty() && scan.lots == 0) {
    diags.error(Location::in_file(programme.display_name()),
                "aucun lot valide de référence « " + only + " » dans ce fichier");
  }
  return scan;
}

namespace {

// Turns the evaluations, delivered in input order, into the outcome: plugin
// failures reported (a suspended clause type once), the sink fed, progress.
class Delivery {
 public:
  Delivery(writers::EvaluationSink& sink, DiagnosticSink& diags,
           const std::function<void(const LotEvaluation&)>& on_lot,
           const std::function<void(const EvaluateProgress&)>& report_progress,
           const std::function<void(LotEvaluation&)>& adjust)
      : sink_(sink), diags_(diags), on_lot_(on_lot), progress_(report_progress), adjust_(adjust) {}

  void operator()(LotEvaluation&& evaluation) {
    if (adjust_) adjust_(evaluation);
    for (const auto& clause : evaluation.clauses) {
      if (!clause.error) continue;
      outcome.plugin_errors = true;
      ++outcome.summary.plugin_failures;
      // A suspended clause type fails for every lot that follows: said once.
      if (clause.suspended && !suspensions_reported_.insert(clause.type).second) continue;
      ++plugin_diagnostics;
      Diagnostic d = *clause.error;
      d.message = "lot " + evaluation.lot.reference + ", clause " + clause.type + " : " + d.message;
      diags_.report(std::move(d));
    }
    ++outcome.summary.lots_evaluated;
    sink_.lot(evaluation);
    if (on_lot_) on_lot_(evaluation);
    if (progress_ && ++progress.done % progress_step == 0) progress_(progress);
  }

  void finish() {
    if (!progress_) return;
    progress.finished = true;
    progress_(progress);
  }

  EvaluateOutcome outcome;
  EvaluateProgress progress;
  std::size_t plugin_diagnostics = 0;

 private:
  writers::EvaluationSink& sink_;
  DiagnosticSink& diags_;
  const std::function<void(const LotEvaluation&)>& on_lot_;
  const std::function<void(const EvaluateProgress&)>& progress_;
  const std::function<void(LotEvaluation&)>& adjust_;
  std::set<std::string> suspensions_reported_;
};

EvaluateOutcome close_run(Delivery& delivery, const ProgrammeScan& scan, std::size_t errors_before,
                          writers::EvaluationSink& sink, DiagnosticList& diags) {
  EvaluateOutcome& outcome = delivery.outcome;
  outcome.unreadable = scan.unreadable;
  outcome.summary.unreadable = scan.unreadable;
  outcome.summary.rows_rejected = scan.rows_rejected;
  // Every error reported here is the input's, except the plugin failures.
  const std::size_t new_errors = diags.count(Severity::error) - errors_before;
  outcome.input_errors = !scan.unreadable && new_errors > delivery.plugin_diagnostics;
  sink.end(diags.all(), outcome.summary);
  return outcome;
}

}  // namespace

EvaluateOutcome evaluate_programme(const Toolkit& toolkit, const EvaluateRequest& request,
                                   writers::EvaluationSink& sink, DiagnosticList& diags,
                                   const std::function<void(const LotEvaluation&)>& on_lot) {
  const std::size_t errors_before = diags.count(Severity::error);
  OrderedDiagnostics read_diags(diags);
  Delivery delivery(sink, diags, on_lot, request.progress, request.adjust);
  sink.begin(toolkit.clause_infos());
  // Called in this thread, in input order, whatever the number of workers.
  const auto deliver = [&](LotEvaluation&& evaluation) {
    read_diags.release_before(delivery.outcome.summary.lots_evaluated);
    delivery(std::move(evaluation));
  };
  engine::ParallelRunner runner(toolkit.evaluators(request.as_of, worker_count(request.jobs)), deliver);
  const ProgrammeScan scan = scan_programme(
      request.programme,
      {request.only, request.sheet, request.opened.get(), toolkit.coverage(), request.as_of}, read_diags,
      [&](Lot&& lot, const ConsultationTotals& totals) {
        read_diags.lot_submitted();
        runner.submit(std::move(lot), totals);
      },
      [&](std::size_t rows) { delivery.progress.total = rows; });
  runner.finish();
  read_diags.release_all();
  delivery.finish();
  return close_run(delivery, scan, errors_before, sink, diags);
}

// One thread with the caller's evaluator (the web server keeps one per worker
// thread): lots are evaluated as they are read, with the same circuit
// breaker as a run on workers.
EvaluateOutcome evaluate_programme(engine::Evaluator& evaluator, const Toolkit& toolkit,
                                   const readers::Programme& programme, const std::string& only,
                                   writers::EvaluationSink& sink, DiagnosticList& diags,
                                   const std::function<void(const LotEvaluation&)>& on_lot) {
  const std::size_t errors_before = diags.count(Severity::error);
  const std::function<void(const EvaluateProgress&)> no_progress;
  const std::function<void(LotEvaluation&)> no_adjust;
  Delivery delivery(sink, diags, on_lot, no_progress, no_adjust);
  sink.begin(toolkit.clause_infos());
  engine::SerialRun run(evaluator);
  const ProgrammeScan scan = scan_programme(
      programme, {only, {}, nullptr, toolkit.coverage(), evaluator.as_of()}, diags,
      [&](Lot&& lot, const ConsultationTotals& totals) { delivery(run.evaluate(std::move(lot), totals)); });
  return close_run(delivery, scan, errors_before, sink, diags);
}

}  // namespace clausier::app
