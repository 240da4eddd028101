#pragma once

#include <memory>

#include "writers/evaluation_sink.hpp"
#include "writers/json_writer.hpp"

namespace clausier::writers {

void write_location_fields(JsonWriter& json, const Location& where);
void write_diagnostic(JsonWriter& json, const Diagnostic& d);
void write_clause(JsonWriter& json, const ClauseResult& c);
void write_lot(JsonWriter& json, const LotEvaluation& e);

[[nodiscard]] std::unique_ptr<EvaluationSink> make_json_sink(std::ostream& out);

}  // namespace clausier::writers
