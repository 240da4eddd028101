#pragma once

#include <functional>
#include <memory>

#include "writers/evaluation_sink.hpp"
#include "writers/json_writer.hpp"

namespace clausier::writers {

void write_location_fields(JsonWriter& json, const Location& where);
void write_diagnostic(JsonWriter& json, const Diagnostic& d);
void write_clause(JsonWriter& json, const ClauseResult& c);
// The programme's fields of a lot (all but the rule parameters) as members of
// the current object, under the keys of model/lot_field.hpp: absent values
// and empty optional texts left out, amounts in euros.
void write_lot_values(JsonWriter& json, const Lot& lot);
void write_lot(JsonWriter& json, const LotEvaluation& e);

// Members a caller adds to the object after "summary", when the run ends
// (the web server adds the review's figures of the same run).
using JsonTrailer = std::function<void(JsonWriter& json, const RunSummary& summary)>;

[[nodiscard]] std::unique_ptr<EvaluationSink> make_json_sink(std::ostream& out, JsonTrailer trailer = {});

}  // namespace clausier::writers
