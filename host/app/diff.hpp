#pragma once
// `clausier diff`: what a rule change does to a real programme.
//
// Design: one reading of the programme serves both rule sets. The file is
// read as evaluate reads it (scan_programme: consultation totals, then lot by
// lot); each lot is evaluated with the evaluator of each toolkit, the two
// results compared at once and dropped. Memory stays flat (one entry per
// consultation, the totals per clause type, one lot at a time), the file is
// read twice rather than four times, and no result waits for its twin, as it
// would if each rule set ran its own evaluate_programme.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/toolkit.hpp"
#include "readers/programme.hpp"
#include "writers/rules_diff.hpp"

namespace clausier::app {

struct DiffRequest {
  std::filesystem::path programme;  // "-" for standard input
  std::optional<Date> as_of;        // evaluate every lot as launched on this date
  std::string only;                 // compare only this reference (empty: all)
  std::string sheet = {};           // workbooks: the sheet to read, by name or position (empty: found)
  // A programme already open (a workspace's lots), read instead of the file.
  std::shared_ptr<const readers::Programme> opened = {};
};

struct DiffOutcome {
  writers::DiffSummary summary;
  bool unreadable = false;
  bool input_errors = false;
  bool plugin_errors = false;
};

// The change of one clause type on one lot, or nothing when it does not
// change (same verdict and hours, or absent from both).
[[nodiscard]] std::optional<writers::ClauseChange> clause_change(const std::string& clause,
                                                                 const LotEvaluation& before,
                                                                 const LotEvaluation& after);

DiffOutcome diff_programme(const Toolkit& before, const Toolkit& after, const DiffRequest& request,
                           writers::DiffSink& sink, DiagnosticList& diags);

// 0 success (changes or not), 1 input errors, 3 a rule or plugin failed.
[[nodiscard]] int exit_status(const DiffOutcome& outcome, const Toolkit& before, const Toolkit& after);

}  // namespace clausier::app
