#pragma once

#include <memory>
#include <string_view>
#include <utility>

#include "writers/evaluation_sink.hpp"

namespace clausier::writers {
// A table for a terminal: one line per lot, a column per clause type, then a
// summary; with `explain`, each clause's reasons and parameters under its lot.
[[nodiscard]] std::unique_ptr<EvaluationSink> make_table_sink(std::ostream& out, SinkOptions options);

// "Reconstruction du collège – gros œuvre" -> {"Reconstruction du collège", "gros œuvre"}:
// programmes usually name a lot after its consultation, then a dash. The
// lots of a consultation, listed under it, show only what is their own.
[[nodiscard]] std::pair<std::string_view, std::string_view> split_objet(std::string_view objet);
}  // namespace clausier::writers
