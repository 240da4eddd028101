#pragma once

#include <memory>

#include "writers/evaluation_sink.hpp"

namespace clausier::writers {
[[nodiscard]] std::unique_ptr<EvaluationSink> make_csv_sink(std::ostream& out);
}  // namespace clausier::writers
