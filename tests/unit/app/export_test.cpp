#include "app/export.hpp"

#include <doctest/doctest.h>

#include "test_paths.hpp"

using namespace clausier;

namespace {

ClauseResult result(std::string type, std::optional<Verdict> verdict,
                    std::optional<std::int64_t> hours = {}) {
  ClauseResult r;
  r.type = std::move(type);
  r.verdict = verdict;
  r.hours = hours;
  r.basis = {"CCP " + r.type};
  return r;
}

LotEvaluation evaluation(std::vector<ClauseResult> clauses) {
  LotEvaluation e;
  e.lot.reference = "L1";
  e.clauses = std::move(clauses);
  return e;
}

std::vector<std::string> decp(const LotEvaluation& e, bool include_possible = false) {
  return writers::decp_social_values(app::retained_considerations(e, {.include_possible = include_possible}));
}

class RecordingExport final : public writers::ExportSink {
 public:
  void begin() override { ++begun; }
  void lot(const writers::ExportLot& x) override {
    references.push_back(x.evaluation.lot.reference);
    environmental.push_back(x.environmental_criterion);
    social.push_back(x.social);
  }
  void end() override { ++ended; }
  int begun = 0;
  int ended = 0;
  std::vector<std::string> references;
  std::vector<bool> environmental;
  std::vector<writers::SocialConsiderations> social;
};

}  // namespace

TEST_CASE(
    "export: obligatoire and recommandee are retained, possible on request, exclue and failures never") {
  const auto e = evaluation(
      {result("insertion", Verdict::obligatoire, 350), result("critere-insertion", Verdict::possible),
       result("reserve-siae", Verdict::exclue), result("reserve-handicap", std::nullopt)});
  CHECK(decp(e) == std::vector<std::string>{"Clause sociale"});
  CHECK(decp(e, true) == std::vector<std::string>{"Clause sociale", "Critère social"});
  const auto s = app::retained_considerations(e, {});
  CHECK(s.insertion_hours == 350);
  CHECK(s.clause_types == std::vector<std::string>{"insertion"});
  CHECK(s.performance_basis == std::vector<std::string>{"CCP insertion"});
  // The criterion's basis is not a term of performance.
  const auto with_criterion = app::retained_considerations(e, {.include_possible = true});
  CHECK(with_criterion.performance_basis == std::vector<std::string>{"CCP insertion"});
}

TEST_CASE("export: each clause type has its DECP value, several values at once, none otherwise") {
  CHECK(decp(evaluation({result("anru", Verdict::obligatoire, 120)})) ==
        std::vector<std::string>{"Clause sociale"});
  CHECK(decp(evaluation({result("marche-insertion", Verdict::recommandee)})) ==
        std::vector<std::string>{"Clause sociale"});
  CHECK(decp(evaluation({result("reserve-ess", Verdict::recommandee)})) ==
        std::vector<std::string>{"Marché réservé"});
  CHECK(decp(evaluation({result("reserve-handicap", Verdict::recommandee),
                         result("reserve-siae", Verdict::recommandee),
                         result("critere-insertion", Verdict::recommandee),
                         result("insertion", Verdict::recommandee, 10)})) ==
        std::vector<std::string>{"Clause sociale", "Critère social", "Marché réservé"});
  CHECK(decp(evaluation(
            {result("insertion", Verdict::exclue), result("un-plugin-local", Verdict::obligatoire)})) ==
        std::vector<std::string>{"Pas de considération sociale"});
  CHECK(decp(evaluation({})) == std::vector<std::string>{"Pas de considération sociale"});
}

TEST_CASE("export_programme: every lot once, the environmental criterion as the rules of its date say") {
  const app::ResourcePaths paths{testing::source_path("rules"), testing::source_path("plugins"),
                                 testing::source_path("templates")};
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(paths, diags, {});
  REQUIRE_FALSE(toolkit.failed());
  const std::string programme = testing::source_path("samples/departement-2027/programme.csv");

  RecordingExport after;
  const auto outcome = app::export_programme(toolkit, {programme, std::nullopt, ""}, {}, true, after, diags);
  CHECK(outcome.summary.lots_evaluated == 43);
  CHECK(after.begun == 1);
  CHECK(after.ended == 1);
  REQUIRE(after.references.size() == 43);
  CHECK(after.references.front() == "C2027-01-L1");
  // Launched in 2027: R2152-7 requires an environmental criterion.
  CHECK(std::all_of(after.environmental.begin(), after.environmental.end(), [](bool b) { return b; }));
  // C2027-01 is a works consultation above the EU threshold: its insertion clause is mandatory.
  CHECK(after.social.front().insertion_clause);
  CHECK(after.social.front().insertion_hours.has_value());

  RecordingExport before;
  (void)app::export_programme(toolkit, {programme, Date::parse_iso("2025-06-01"), ""}, {}, true, before,
                              diags);
  CHECK(std::none_of(before.environmental.begin(), before.environmental.end(), [](bool b) { return b; }));
}

TEST_CASE("export_programme: a programme that cannot be read gives no output at all") {
  const app::ResourcePaths paths{testing::source_path("rules"), testing::source_path("plugins"),
                                 testing::source_path("templates")};
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(paths, diags, {});
  RecordingExport sink;
  const auto outcome = app::export_programme(
      toolkit, {testing::test_path("fixtures/absent.csv"), std::nullopt, ""}, {}, true, sink, diags);
  CHECK(outcome.unreadable);
  CHECK(sink.begun == 0);
  CHECK(sink.ended == 0);
  CHECK(diags.has_errors());
}
