#pragma once

#include <functional>
#include <memory>

#include "writers/evaluation_sink.hpp"
#include "writers/json_writer.hpp"

namespace clausier::writers {

void write_location_fields(JsonWriter& json, const Location& where);
void write_diagnostic(JsonWriter& json, const Diagnostic& d);
// "clause_types": [{"id", "title", "source"}], a member of the current object.
void write_clause_types(JsonWriter& json, const std::vector<engine::ClauseInfo>& types);
void write_trace_entry(JsonWriter& json, const TraceEntry& t);
// A clause's computed values as a "values" object; nothing when it has none.
void write_clause_values(JsonWriter& json, const ClauseResult& c);
// A clause in full; its reasons left out with ReasonsMode::none (brief is
// full here: numbering is for JSON lines).
void write_clause(JsonWriter& json, const ClauseResult& c, ReasonsMode reasons = ReasonsMode::full);
// The programme's fields of a lot (all but the rule parameters) as members of
// the current object, under the keys of model/lot_field.hpp: absent values
// and empty optional texts left out, amounts in euros.
void write_lot_values(JsonWriter& json, const Lot& lot);
// A lot's members but its clauses (the programme's fields, what the source
// recorded, the consultation's totals, the source).
void write_lot_fields(JsonWriter& json, const LotEvaluation& e);
void write_lot(JsonWriter& json, const LotEvaluation& e, ReasonsMode reasons = ReasonsMode::full);

// Members a caller adds to the object after "summary", when the run ends
// (the web server adds the review's figures of the same run).
using JsonTrailer = std::function<void(JsonWriter& json, const RunSummary& summary)>;

[[nodiscard]] std::unique_ptr<EvaluationSink> make_json_sink(std::ostream& out, JsonTrailer trailer = {},
                                                             ReasonsMode reasons = ReasonsMode::full);

}  // namespace clausier::writers
