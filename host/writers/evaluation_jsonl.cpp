#include "writers/evaluation_jsonl.hpp"

#include "writers/evaluation_json.hpp"

namespace clausier::writers {
namespace {

class JsonlSink final : public EvaluationSink {
 public:
  explicit JsonlSink(std::ostream& out) : out_(out) {}

  void begin(const std::vector<engine::ClauseInfo>&) override {}

  void lot(const LotEvaluation& e) override {
    JsonWriter json(out_, 0);
    write_lot(json, e);
    out_ << '\n';
  }

  void end(const std::vector<Diagnostic>&, const RunSummary&) override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<EvaluationSink> make_jsonl_sink(std::ostream& out) {
  return std::make_unique<JsonlSink>(out);
}

}  // namespace clausier::writers
