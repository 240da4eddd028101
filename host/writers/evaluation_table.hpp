#pragma once

#include <memory>

#include "writers/evaluation_sink.hpp"

namespace clausier::writers {
// A table for a terminal: one line per lot, a column per clause type, then a
// summary; with `explain`, each clause's reasons and parameters under its lot.
[[nodiscard]] std::unique_ptr<EvaluationSink> make_table_sink(std::ostream& out, SinkOptions options);
}  // namespace clausier::writers
