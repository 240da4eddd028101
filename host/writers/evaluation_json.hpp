#pragma once

#include <functional>
#include <memory>

#include "writers/evaluation_sink.hpp"
#include "writers/json_writer.hpp"

namespace clausier::writers {

void write_location_fields(JsonWriter& json, const Location& where);
void write_diagnostic(JsonWriter& json, const Diagnostic& d);
void write_clause(JsonWriter& json, const ClauseResult& c);
void write_lot(JsonWriter& json, const LotEvaluation& e);

// Members a caller adds to the object after "summary", when the run ends
// (the web server adds the review's figures of the same run).
using JsonTrailer = std::function<void(JsonWriter& json, const RunSummary& summary)>;

[[nodiscard]] std::unique_ptr<EvaluationSink> make_json_sink(std::ostream& out, JsonTrailer trailer = {});

}  // namespace clausier::writers
