#pragma once
// Where evaluations go, lot by lot, as they are produced: a JSON document, a
// CSV file, a terminal table. A sink never needs the whole programme.

#include <memory>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "engine/clause_type.hpp"
#include "model/evaluation.hpp"

namespace clausier::writers {

struct RunSummary {
  bool unreadable = false;  // the programme could not be opened at all: sinks for people show nothing
  std::size_t lots_evaluated = 0;
  std::size_t rows_rejected = 0;    // rows with input errors, not evaluated
  std::size_t plugin_failures = 0;  // clause results lost to a plugin error
};

class EvaluationSink {
 public:
  virtual ~EvaluationSink() = default;
  virtual void begin(const std::vector<engine::ClauseInfo>& clause_types) = 0;
  virtual void lot(const LotEvaluation& evaluation) = 0;
  virtual void end(const std::vector<Diagnostic>& diagnostics, const RunSummary& summary) = 0;
};

// In the order of format_names(Output::evaluation) (output_format.cpp).
enum class EvaluationFormat { table, json, jsonl, csv, xlsx };
// The sink of a format of Output::evaluation (output_format.hpp) by its name;
// nullopt for any other name.
[[nodiscard]] std::optional<EvaluationFormat> evaluation_format(std::string_view name);

// How much of the reasons an output carries (`evaluate --reasons`):
//   full   every reason and every trace entry, in full, on every lot;
//   brief  ("short") JSON lines: each text and each trace entry in full the
//          first time, then by number (docs/json.md); CSV: the first reason
//          of each clause;
//   none   no reasons.
enum class ReasonsMode { full, brief, none };
[[nodiscard]] std::optional<ReasonsMode> reasons_mode(std::string_view name);  // "full", "short", "none"
[[nodiscard]] std::string_view reasons_mode_name(ReasonsMode mode);

struct SinkOptions {
  bool explain = false;  // table: show each clause's reasons and parameters
  ReasonsMode reasons = ReasonsMode::full;
};

// A sink that keeps nothing, for commands that only need the callbacks.
[[nodiscard]] std::unique_ptr<EvaluationSink> make_null_sink();

[[nodiscard]] std::unique_ptr<EvaluationSink> make_sink(EvaluationFormat format, std::ostream& out,
                                                        SinkOptions options = {});

}  // namespace clausier::writers
