#pragma once
// `evaluate --format jsonl`: one JSON object per line and per lot, with the
// fields of a lot of the json format (docs/json.md), written as each lot is
// evaluated. Nothing else goes on standard output: diagnostics go to standard
// error as with every format, so that the output can be split, concatenated
// and read line by line (Spark `pipe`, Hadoop streaming, jq -c).

#include <memory>

#include "writers/evaluation_sink.hpp"

namespace clausier::writers {

[[nodiscard]] std::unique_ptr<EvaluationSink> make_jsonl_sink(std::ostream& out);

}  // namespace clausier::writers
