#pragma once
// `evaluate --format jsonl`: one JSON object per line and per lot, with the
// fields of a lot of the json format (docs/json.md), written as each lot is
// evaluated. Nothing else goes on standard output: diagnostics go to standard
// error as with every format, so that the output can be split, concatenated
// and read line by line (Spark `pipe`, Hadoop streaming, jq -c).
//
// With reasons `full`, each line is a lot in full (format version 1). With
// `short` or `none` (format version 2), the first line says the format, and
// the texts (reasons, warnings, legal bases) and trace entries are numbered:
// each is written once, on a line of its own before the first lot that uses
// it, and lots refer to it by its number. The numbering is bounded (a text
// met when the table is full is written in place), so memory stays flat.

#include <memory>

#include "writers/evaluation_sink.hpp"

namespace clausier::writers {

[[nodiscard]] std::unique_ptr<EvaluationSink> make_jsonl_sink(std::ostream& out,
                                                              ReasonsMode reasons = ReasonsMode::full);

}  // namespace clausier::writers
