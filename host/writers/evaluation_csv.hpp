#pragma once

#include <memory>

#include "writers/evaluation_sink.hpp"

namespace clausier::writers {
// The "Motifs" column: every reason (full), the first one (short), or empty.
[[nodiscard]] std::unique_ptr<EvaluationSink> make_csv_sink(std::ostream& out,
                                                            ReasonsMode reasons = ReasonsMode::full);
}  // namespace clausier::writers
