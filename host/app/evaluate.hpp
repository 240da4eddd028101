#pragma once
// The evaluation of a programme, as the CLI and the server run it: two
// streaming passes over the file (consultation totals, then lot by lot), each
// lot handed to the sink and to an optional callback as soon as it is done.

#include <filesystem>
#include <functional>
#include <optional>

#include "app/toolkit.hpp"
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

EvaluateOutcome evaluate_programme(const Toolkit& toolkit, const EvaluateRequest& request,
                                   writers::EvaluationSink& sink, DiagnosticList& diags,
                                   const std::function<void(const LotEvaluation&)>& on_lot = {});

}  // namespace clausier::app
