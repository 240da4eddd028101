#pragma once
// The evaluation of a programme, as the CLI and the server run it: two
// streaming passes over the file (consultation totals, then lot by lot), each
// lot handed to the sink and to an optional callback as soon as it is done.

#include <filesystem>
#include <functional>
#include <optional>

#include "app/toolkit.hpp"
#include "readers/programme.hpp"
#include "writers/evaluation_sink.hpp"

namespace clausier::app {

struct EvaluateRequest {
  std::filesystem::path programme;  // "-" for standard input
  std::optional<Date> as_of;        // evaluate every lot as launched on this date
  std::string only;                 // evaluate only this reference (empty: all)
};

struct EvaluateOutcome {
  writers::RunSummary summary;
  bool unreadable = false;  // the programme could not be read at all
  bool input_errors = false;
  bool plugin_errors = false;
};

// Exit status of design.md: 0 success, 1 input errors, 3 a rule or plugin failed.
[[nodiscard]] int exit_status(const EvaluateOutcome& outcome, const Toolkit& toolkit);

// What reading a programme gave (scan_programme).
struct ProgrammeScan {
  bool unreadable = false;  // the programme could not be read at all
  std::size_t lots = 0;     // valid lots handed to the callback
  std::size_t rows_rejected = 0;
};

// Reads a programme as evaluate_programme does, in two streaming passes
// (consultation totals, then lot by lot), and hands each valid lot (only the
// one of reference `only` when it is not empty) to `on_lot` with the totals of
// its consultation. Memory is one entry per consultation. Bad rows and an
// absent `only` reference are reported to `diags`.
ProgrammeScan scan_programme(const std::filesystem::path& programme, const std::string& only,
                             DiagnosticList& diags,
                             const std::function<void(Lot&& lot, const ConsultationTotals& totals)>& on_lot);

// The same over a programme already opened (a file, or one held in memory
// such as an upload).
ProgrammeScan scan_programme(const readers::Programme& programme, const std::string& only,
                             DiagnosticList& diags,
                             const std::function<void(Lot&& lot, const ConsultationTotals& totals)>& on_lot);

EvaluateOutcome evaluate_programme(const Toolkit& toolkit, const EvaluateRequest& request,
                                   writers::EvaluationSink& sink, DiagnosticList& diags,
                                   const std::function<void(const LotEvaluation&)>& on_lot = {});

// The same over a programme already opened, with the caller's evaluator (the
// server gives each worker thread its own, see Toolkit::thread_evaluator).
EvaluateOutcome evaluate_programme(engine::Evaluator& evaluator, const std::vector<engine::ClauseInfo>& infos,
                                   const readers::Programme& programme, const std::string& only,
                                   writers::EvaluationSink& sink, DiagnosticList& diags,
                                   const std::function<void(const LotEvaluation&)>& on_lot = {});

}  // namespace clausier::app
