#include "app/evaluate.hpp"

#include <doctest/doctest.h>

#include "test_paths.hpp"

using namespace clausier;

namespace {

// Keeps what a sink is given.
class RecordingSink final : public writers::EvaluationSink {
 public:
  void begin(const std::vector<engine::ClauseInfo>& types) override { clause_types = types.size(); }
  void lot(const LotEvaluation& e) override { lots.push_back(e); }
  void end(const std::vector<Diagnostic>& diagnostics, const writers::RunSummary& s) override {
    diagnostic_count = diagnostics.size();
    summary = s;
    ended = true;
  }
  std::size_t clause_types = 0;
  std::vector<LotEvaluation> lots;
  std::size_t diagnostic_count = 0;
  writers::RunSummary summary;
  bool ended = false;
};

app::ResourcePaths shipped() {
  return {testing::source_path("rules"), testing::source_path("plugins"), testing::source_path("templates")};
}

const LotEvaluation& find(const RecordingSink& sink, const std::string& reference) {
  for (const auto& e : sink.lots) {
    if (e.lot.reference == reference) return e;
  }
  FAIL("lot absent: " << reference);
  return sink.lots.front();
}

}  // namespace

TEST_CASE("app: the sample programme, end to end, with the published 833 h example") {
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(shipped(), diags, {});
  REQUIRE_FALSE(diags.has_errors());
  RecordingSink sink;
  const auto outcome = app::evaluate_programme(
      toolkit, {testing::source_path("samples/departement-2027/programme.csv"), {}, {}}, sink, diags);
  CHECK(app::exit_status(outcome, toolkit) == 0);
  CHECK(sink.ended);
  CHECK(sink.clause_types == toolkit.clause_infos().size());
  CHECK(sink.lots.size() == 43);
  const LotEvaluation& masonry = find(sink, "C2027-01-L3");
  CHECK(masonry.consultation.lots == 9);
  CHECK(masonry.consultation.montant_ht_cents == 8'650'000'00);
  const ClauseResult* insertion = masonry.clause("insertion");
  REQUIRE(insertion != nullptr);
  CHECK(insertion->verdict == Verdict::obligatoire);
  CHECK(insertion->hours == 833);
}

TEST_CASE("app: thresholds use the consultation total, whatever the lot's own amount") {
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(shipped(), diags, {});
  RecordingSink sink;
  (void)app::evaluate_programme(
      toolkit, {testing::source_path("samples/departement-2027/programme.csv"), {}, {}}, sink, diags);
  // A 390 000 € lot of a 8 650 000 € works consultation: mandatory.
  CHECK(find(sink, "C2027-01-L4").clause("insertion")->verdict == Verdict::obligatoire);
  // The same works, evaluated as launched the day before the obligation.
  RecordingSink before;
  (void)app::evaluate_programme(toolkit,
                                {testing::source_path("samples/departement-2027/programme.csv"),
                                 Date::parse_iso("2026-08-20"), "C2027-01-L4"},
                                before, diags);
  REQUIRE(before.lots.size() == 1);
  CHECK(before.lots[0].clause("insertion")->verdict != Verdict::obligatoire);
}

TEST_CASE("app: bad rows are reported and skipped, good rows still evaluated, exit status 1") {
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(shipped(), diags, {});
  RecordingSink sink;
  const auto outcome = app::evaluate_programme(
      toolkit, {testing::source_path("tests/fixtures/csv/programme-cp1252.csv"), {}, {}}, sink, diags);
  CHECK(sink.lots.size() == 8);
  CHECK(outcome.summary.rows_rejected == 2);
  CHECK(diags.count(Severity::error) == 2);
  CHECK(app::exit_status(outcome, toolkit) == 1);
  // The lone 1 000 000 € building lot of the fixture: the published example again.
  CHECK(find(sink, "2027-001").clause("insertion")->hours == 833);
}

TEST_CASE("app: a missing programme is one located error, and the sink still closes") {
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(shipped(), diags, {});
  RecordingSink sink;
  const auto outcome = app::evaluate_programme(toolkit, {"/nonexistent/prog.csv", {}, {}}, sink, diags);
  CHECK(outcome.unreadable);
  CHECK(sink.ended);
  CHECK(app::exit_status(outcome, toolkit) == 1);
  REQUIRE(diags.count(Severity::error) == 1);
  CHECK(diags.all()[0].location.file == "/nonexistent/prog.csv");
}

TEST_CASE("app: broken rules or plugins make the toolkit fail (exit 3) but keep what is valid") {
  DiagnosticList diags;
  auto paths = shipped();
  paths.plugins = testing::source_path("tests/fixtures/plugins/load_errors");
  const app::Toolkit toolkit = app::Toolkit::load(paths, diags, {});
  CHECK(toolkit.failed());
  CHECK(diags.has_errors());
  RecordingSink sink;
  const auto outcome = app::evaluate_programme(
      toolkit, {testing::source_path("samples/departement-2027/programme.csv"), {}, {}}, sink, diags);
  CHECK(app::exit_status(outcome, toolkit) == 3);
  CHECK(sink.lots.size() == 43);
}
