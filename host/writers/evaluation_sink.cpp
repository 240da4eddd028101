#include "writers/evaluation_sink.hpp"

#include "writers/evaluation_csv.hpp"
#include "writers/evaluation_json.hpp"
#include "writers/evaluation_table.hpp"

namespace clausier::writers {

std::unique_ptr<EvaluationSink> make_sink(EvaluationFormat format, std::ostream& out, SinkOptions options) {
  switch (format) {
    case EvaluationFormat::json: return make_json_sink(out);
    case EvaluationFormat::csv: return make_csv_sink(out);
    case EvaluationFormat::table: return make_table_sink(out, options);
  }
  return make_table_sink(out, options);
}

}  // namespace clausier::writers
