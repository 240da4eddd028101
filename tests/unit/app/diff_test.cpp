#include "app/diff.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <vector>

#include "test_paths.hpp"

using namespace clausier;

namespace {

// Keeps what a diff sink is given.
class RecordingDiff final : public writers::DiffSink {
 public:
  void begin(const writers::DiffHeader& h) override { header = h; }
  void lot(const writers::LotChange& c) override { changes.push_back(c); }
  void end(const writers::DiffSummary& s, const std::vector<Diagnostic>&) override { summary = s; }
  writers::DiffHeader header;
  std::vector<writers::LotChange> changes;
  writers::DiffSummary summary;
};

app::Toolkit toolkit(const std::string& rules) {
  DiagnosticList diags;
  app::ResourcePaths paths{testing::test_path(rules), testing::test_path("fixtures/rules-test/plugins"),
                           testing::source_path("templates")};
  app::Toolkit t = app::Toolkit::load(paths, diags, {});
  REQUIRE(diags.all().empty());
  return t;
}

}  // namespace

TEST_CASE("diff: only the lots whose verdict or hours change, before and after, and the totals") {
  const app::Toolkit before = toolkit("fixtures/rules-test/regles");
  const app::Toolkit after = toolkit("fixtures/diff/regles-apres");
  RecordingDiff sink;
  DiagnosticList diags;
  const auto outcome = app::diff_programme(
      before, after, {testing::test_path("fixtures/diff/programme.csv"), {}, {}}, sink, diags);
  CHECK(diags.all().empty());
  CHECK(app::exit_status(outcome, before, after) == 0);
  CHECK(sink.header.programme == "tests/fixtures/diff/programme.csv");
  CHECK(sink.header.rules_after == "tests/fixtures/diff/regles-apres");
  REQUIRE(sink.changes.size() == 2);
  CHECK(sink.changes[0].reference == "D1");
  REQUIRE(sink.changes[0].changes.size() == 1);
  const auto& d1 = sink.changes[0].changes[0];
  CHECK(d1.clause == "demo");
  CHECK(d1.before.verdict == Verdict::obligatoire);
  CHECK(d1.after.verdict == Verdict::recommandee);
  CHECK(d1.before.hours == 1583);
  CHECK(d1.after.hours == 1583);
  CHECK(sink.changes[1].reference == "D5");
  const auto& d5 = sink.changes[1].changes[0];
  CHECK(d5.before.verdict == Verdict::recommandee);
  CHECK(d5.before.hours == 200);
  CHECK(d5.after.verdict == Verdict::exclue);
  CHECK_FALSE(d5.after.hours);
  CHECK(sink.summary.lots_evaluated == 5);
  CHECK(sink.summary.lots_changed == 2);
  REQUIRE(sink.summary.totals.size() == 1);
  CHECK(sink.summary.totals[0].before == 1583 + 2166 + 500 + 200);
  CHECK(sink.summary.totals[0].after == 1583 + 2166 + 500);
}

TEST_CASE("diff: the same rules on both sides change nothing") {
  const app::Toolkit rules = toolkit("fixtures/rules-test/regles");
  std::ostringstream out;
  auto sink = writers::make_diff_sink(writers::DiffFormat::table, out);
  DiagnosticList diags;
  const auto outcome = app::diff_programme(
      rules, rules, {testing::test_path("fixtures/diff/programme.csv"), {}, {}}, *sink, diags);
  CHECK(outcome.summary.lots_changed == 0);
  CHECK(out.str().find("Aucun lot ne change") != std::string::npos);
  CHECK(out.str().find("0 lot modifié sur 5 évalués.") != std::string::npos);
}

TEST_CASE(
    "diff: a clause type present on one side only is a change — a missing programme is an input error") {
  LotEvaluation before;
  LotEvaluation after;
  ClauseResult r;
  r.type = "x";
  r.verdict = Verdict::possible;
  after.clauses.push_back(r);
  const auto change = app::clause_change("x", before, after);
  REQUIRE(change);
  CHECK_FALSE(change->before.present);
  CHECK(change->after.present);
  CHECK_FALSE(app::clause_change("y", before, after));

  const app::Toolkit rules = toolkit("fixtures/rules-test/regles");
  RecordingDiff sink;
  DiagnosticList diags;
  const auto outcome = app::diff_programme(rules, rules, {"/nonexistent/programme.csv", {}, {}}, sink, diags);
  CHECK(outcome.unreadable);
  CHECK(app::exit_status(outcome, rules, rules) == 1);
}
