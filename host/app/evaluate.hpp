#pragma once
// The evaluation of a programme, as the CLI and the server run it: two
// streaming passes over the file (consultation totals, then lot by lot), the
// lots evaluated on `jobs` worker threads (one Lua state each) and handed to
// the sink and to an optional callback in input order, as soon as they are
// done. Memory is bounded whatever the size of the programme: pass 1 keeps
// Bloom filters (a few bytes a row) and writes the consultation totals to a
// temporary file, pass 2 holds a bounded window of lots in flight.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "app/toolkit.hpp"
#include "readers/programme.hpp"
#include "writers/evaluation_sink.hpp"

namespace clausier::app {

// How far an evaluation is: lots delivered, and the rows pass 1 counted
// (an upper bound of the lots: rows with errors are not evaluated).
struct EvaluateProgress {
  std::size_t done = 0;
  std::size_t total = 0;
  bool finished = false;  // the last call
};

struct EvaluateRequest {
  std::filesystem::path programme;  // "-" for standard input
  std::optional<Date> as_of;        // evaluate every lot as launched on this date
  std::string only;                 // evaluate only this reference (empty: all)
  std::string sheet = {};           // workbooks: the sheet to read, by name or position (empty: found)
  std::size_t jobs = 1;             // worker threads; 0: one per core
  // Called in the caller's thread every few hundred lots and once at the end.
  std::function<void(const EvaluateProgress&)> progress = {};
  // A programme already open, read instead of the file `programme` (which
  // then only names it): the lots of a workspace.
  std::shared_ptr<const readers::Programme> opened = {};
  // Called on each evaluation before anything else sees it, in input order:
  // the workspace applies its decisions there.
  std::function<void(LotEvaluation&)> adjust = {};
};

struct EvaluateOutcome {
  writers::RunSummary summary;
  bool unreadable = false;  // the programme could not be read at all
  bool input_errors = false;
  bool plugin_errors = false;
};

// Exit status (docs/cli.md): 0 success, 1 input errors, 3 a rule or plugin failed.
[[nodiscard]] int exit_status(const EvaluateOutcome& outcome, const Toolkit& toolkit);

// The worker threads `jobs` asks for: itself, or the number of cores when 0.
[[nodiscard]] std::size_t worker_count(std::size_t jobs);

// What reading a programme gave (scan_programme).
struct ProgrammeScan {
  bool unreadable = false;  // the programme could not be read at all
  std::size_t lots = 0;     // valid lots handed to the callback
  std::size_t rows_rejected = 0;
};

// Which part of a programme file to read.
struct ProgrammeSelection {
  std::string only{};   // only the lot of this reference (empty: all)
  std::string sheet{};  // workbooks: the sheet's name or position ("2"); empty: the one with the headers
  const readers::Programme* opened = nullptr;  // read this one rather than the file (see EvaluateRequest)
  // Lots dated before the rules (at their date, or at `as_of`) are refused
  // at their line and counted rejected (app/rules_coverage.hpp); null: none.
  const RulesCoverage* coverage = nullptr;
  std::optional<Date> as_of{};
};

// Reads a programme as evaluate_programme does, in two streaming passes
// (consultation totals, then lot by lot), and hands each valid lot (only the
// one of reference `only` when it is not empty) to `on_lot` with the totals of
// its consultation. Memory does not grow with the rows: the totals are
// read back in step from a temporary file (engine/consultations.hpp), the
// duplicate-reference check remembers only the references pass 1 found may
// repeat (readers/reference_index.hpp). Bad rows, an unknown sheet and an
// absent `only` reference are reported to `diags`.
// `on_counted`, when given, receives the number of rows pass 1 found, before
// the first lot.
ProgrammeScan scan_programme(const std::filesystem::path& programme, const ProgrammeSelection& selection,
                             DiagnosticSink& diags,
                             const std::function<void(Lot&& lot, const ConsultationTotals& totals)>& on_lot,
                             const std::function<void(std::size_t rows)>& on_counted = {});

// The same over a programme already opened (a file, or one held in memory
// such as an upload); `selection.sheet` and `selection.opened` do not apply.
ProgrammeScan scan_programme(const readers::Programme& programme, const ProgrammeSelection& selection,
                             DiagnosticSink& diags,
                             const std::function<void(Lot&& lot, const ConsultationTotals& totals)>& on_lot,
                             const std::function<void(std::size_t rows)>& on_counted = {});

EvaluateOutcome evaluate_programme(const Toolkit& toolkit, const EvaluateRequest& request,
                                   writers::EvaluationSink& sink, DiagnosticList& diags,
                                   const std::function<void(const LotEvaluation&)>& on_lot = {});

// The same over a programme already opened, with the caller's evaluator (the
// server gives each worker thread its own, see Toolkit::thread_evaluator)
// over `toolkit`'s plugins.
EvaluateOutcome evaluate_programme(engine::Evaluator& evaluator, const Toolkit& toolkit,
                                   const readers::Programme& programme, const std::string& only,
                                   writers::EvaluationSink& sink, DiagnosticList& diags,
                                   const std::function<void(const LotEvaluation&)>& on_lot = {});

}  // namespace clausier::app
