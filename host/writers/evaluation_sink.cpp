#include "writers/evaluation_sink.hpp"

#include "writers/evaluation_csv.hpp"
#include "writers/evaluation_json.hpp"
#include "writers/evaluation_jsonl.hpp"
#include "writers/evaluation_table.hpp"
#include "writers/evaluation_xlsx.hpp"
#include "writers/output_format.hpp"

namespace clausier::writers {

namespace {
class NullSink final : public EvaluationSink {
 public:
  void begin(const std::vector<engine::ClauseInfo>&) override {}
  void lot(const LotEvaluation&) override {}
  void end(const std::vector<Diagnostic>&, const RunSummary&) override {}
};
}  // namespace

std::unique_ptr<EvaluationSink> make_null_sink() { return std::make_unique<NullSink>(); }

std::optional<EvaluationFormat> evaluation_format(std::string_view name) {
  if (!offers(Output::evaluation, name)) return std::nullopt;
  for (const EvaluationFormat f : {EvaluationFormat::table, EvaluationFormat::json, EvaluationFormat::jsonl,
                                   EvaluationFormat::csv, EvaluationFormat::xlsx}) {
    if (format_names(Output::evaluation)[static_cast<std::size_t>(f)] == name) return f;
  }
  return std::nullopt;
}

std::optional<ReasonsMode> reasons_mode(std::string_view name) {
  if (name == "full") return ReasonsMode::full;
  if (name == "short") return ReasonsMode::brief;
  if (name == "none") return ReasonsMode::none;
  return std::nullopt;
}

std::string_view reasons_mode_name(ReasonsMode mode) {
  switch (mode) {
    case ReasonsMode::full: return "full";
    case ReasonsMode::brief: return "short";
    case ReasonsMode::none: return "none";
  }
  return "full";
}

std::unique_ptr<EvaluationSink> make_sink(EvaluationFormat format, std::ostream& out, SinkOptions options) {
  switch (format) {
    case EvaluationFormat::json: return make_json_sink(out, {}, options.reasons);
    case EvaluationFormat::jsonl: return make_jsonl_sink(out, options.reasons);
    case EvaluationFormat::csv: return make_csv_sink(out, options.reasons);
    case EvaluationFormat::table: return make_table_sink(out, options);
    case EvaluationFormat::xlsx: return make_xlsx_sink(out);
  }
  return make_table_sink(out, options);
}

}  // namespace clausier::writers
