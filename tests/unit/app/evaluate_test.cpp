#include "app/evaluate.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "readers/programme.hpp"
#include "test_messages.hpp"
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

namespace {

// A programme of `rows` lots in 40-odd consultations, with a bad row every 37
// rows (an amount that is not one), so that reader diagnostics and plugin
// failures interleave.
std::string generated_programme(int rows) {
  const std::string path = testing::scratch_path("parallel/programme.csv");
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path);
  out << "Référence;Consultation;Objet;Nature;Code CPV;Montant estimé HT;Date prévisionnelle de lancement\n";
  for (int i = 0; i < rows; ++i) {
    const bool works = i % 3 == 0;
    out << "R" << i << ";C" << i / 7 << ";Lot " << i << ";" << (works ? "travaux" : "services") << ";"
        << (works ? "45210000" : "90919200") << ";";
    if (i % 37 == 36) {
      out << "beaucoup";
    } else {
      out << (i % 11) * 250'000 + 1'000 << " €";
    }
    out << ";" << (i % 2 == 0 ? "01/03/2027" : "15/09/2026") << "\n";
  }
  return path;
}

// The shipped plugins plus one that fails on lots whose reference ends in 7 and one killed
// on lots of consultations from C3 on (suspended after three kills).
std::string plugins_with_failures() {
  const std::filesystem::path dir = testing::scratch_path("parallel/plugins");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir.parent_path());
  std::filesystem::copy(testing::source_path("plugins"), dir, std::filesystem::copy_options::recursive);
  std::ofstream(dir / "panne.lua") << "return { id = 'panne', api = 1, evaluate = function(lot, ctx)\n"
                                      "  if lot.reference:sub(-1) == '7' then error('panne voulue') end\n"
                                      "  return { verdict = 'possible', reasons = { 'ok' } }\nend }\n";
  // An endless loop, killed by the instruction budget (deterministic, unlike a
  // memory bomb that a loaded machine may stop by the time limit instead).
  std::ofstream(dir / "boucle.lua") << "return { id = 'boucle', api = 1, evaluate = function(lot, ctx)\n"
                                       "  if lot.consultation >= 'C3' then while true do end end\n"
                                       "  return { verdict = 'possible', reasons = { 'ok' } }\nend }\n";
  return dir.string();
}

// The shipped toolkit with the two failing plugins above.
app::Toolkit toolkit_with_failures() {
  auto paths = shipped();
  paths.plugins = plugins_with_failures();
  DiagnosticList load;
  app::Toolkit toolkit = app::Toolkit::load(paths, load, {});
  REQUIRE_FALSE(load.has_errors());
  return toolkit;
}

}  // namespace

TEST_CASE("app: the same output and diagnostics with 1 and 4 workers, failures and bad rows included") {
  const app::Toolkit toolkit = toolkit_with_failures();
  const std::string programme = generated_programme(300);
  const auto evaluate = [&](std::size_t jobs, std::string& diagnostics) {
    std::ostringstream out;
    DiagnosticList diags;
    auto sink = writers::make_sink(writers::EvaluationFormat::json, out);
    app::EvaluateRequest request{programme, {}, {}, {}, jobs};
    std::size_t progress_calls = 0;
    bool finished = false;
    request.progress = [&](const app::EvaluateProgress& p) {
      ++progress_calls;
      finished = p.finished;
      CHECK(p.total == 292);  // the rows whose amount can be read
    };
    const auto outcome = app::evaluate_programme(toolkit, request, *sink, diags);
    CHECK(app::exit_status(outcome, toolkit) == 3);
    CHECK(outcome.input_errors);
    CHECK(outcome.summary.rows_rejected == 8);
    CHECK(progress_calls >= 1);
    CHECK(finished);
    for (const auto& d : diags.all()) diagnostics += format_diagnostic(d) + "\n";
    return out.str();
  };
  std::string diags_1;
  std::string diags_4;
  const std::string one = evaluate(1, diags_1);
  CHECK(evaluate(4, diags_4) == one);
  CHECK(diags_4 == diags_1);
  CHECK(one.find("\"lots_evaluated\": 292") != std::string::npos);
  CHECK(diags_1.find("panne voulue") != std::string::npos);
  CHECK(diags_1.find("beaucoup") != std::string::npos);
  // The endless loop is suspended: one message for the whole run, from the first worker to give up.
  std::size_t suspended = 0;
  for (auto at = diags_1.find("plugin suspendu"); at != std::string::npos;
       at = diags_1.find("plugin suspendu", at + 1))
    ++suspended;
  CHECK(suspended == 1);
}

TEST_CASE("app: a thread's own evaluator gives what workers give, suspension included, run after run") {
  const app::Toolkit toolkit = toolkit_with_failures();
  const std::string programme = generated_programme(300);
  const auto text_of = [](const DiagnosticList& diags) {
    std::string text;
    for (const auto& d : diags.all()) text += format_diagnostic(d) + "\n";
    return text;
  };

  std::ostringstream workers_out;
  DiagnosticList workers_diags;
  auto workers_sink = writers::make_sink(writers::EvaluationFormat::json, workers_out);
  (void)app::evaluate_programme(toolkit, app::EvaluateRequest{programme, {}, {}, {}, 2}, *workers_sink,
                                workers_diags);

  // The web server keeps one evaluator per thread, from request to request:
  // each run has its own breaker, so the second run suspends again, after
  // the same three kills, rather than inheriting the first run's suspension.
  engine::Evaluator evaluator = toolkit.thread_evaluator({});
  for (int run = 0; run < 2; ++run) {
    CAPTURE(run);
    DiagnosticList diags;
    const auto opened = readers::open_programme(programme, diags);
    REQUIRE(opened);
    std::ostringstream out;
    auto sink = writers::make_sink(writers::EvaluationFormat::json, out);
    const auto outcome = app::evaluate_programme(evaluator, toolkit, *opened, {}, *sink, diags);
    CHECK(app::exit_status(outcome, toolkit) == 3);
    CHECK(out.str() == workers_out.str());
    CHECK(text_of(diags) == text_of(workers_diags));
  }
}

namespace {

struct Scanned {
  std::vector<std::string> references;
  std::vector<ConsultationTotals> totals;
  DiagnosticList diags;
  app::ProgrammeScan scan;
};

Scanned scan_memory(const std::string& bytes, const std::string& name, const std::string& only = "") {
  Scanned out;
  const auto programme = readers::programme_from_memory(bytes, name, out.diags);
  REQUIRE(programme);
  out.scan =
      app::scan_programme(*programme, {.only = only}, out.diags, [&](Lot&& lot, const ConsultationTotals& t) {
        out.references.push_back(lot.reference);
        out.totals.push_back(t);
      });
  return out;
}

const std::string programme_header =
    "Référence;Consultation;Objet;Nature;Code CPV;Montant estimé HT;Date prévisionnelle de lancement\n";

std::string row(const std::string& reference, const std::string& consultation, const std::string& amount) {
  return reference + ";" + consultation + ";Objet;Travaux;45233140;" + amount + ";01/03/2027\n";
}

}  // namespace

TEST_CASE("app: consultation totals, consecutive or scattered lots, rows rejected in pass 2, --only") {
  // C1 in two places, C2 whose second lot has a bad date (counted in the
  // totals as before, not evaluated), C3 consecutive.
  const std::string csv = programme_header + row("A1", "C1", "100") + row("A2", "C1", "200") +
                          row("B1", "C2", "10") + "B2;C2;Objet;Travaux;45233140;20;31/02/2027\n" +
                          row("D1", "C3", "1") + row("A3", "C1", "1 000") + row("D2", "C3", "2");
  const Scanned s = scan_memory(csv, "prog.csv");
  CHECK(s.references == std::vector<std::string>{"A1", "A2", "B1", "D1", "A3", "D2"});
  const auto amounts = [&] {
    std::vector<std::pair<std::int64_t, std::uint32_t>> out;
    for (const auto& t : s.totals) out.emplace_back(t.montant_ht_cents, t.lots);
    return out;
  }();
  CHECK(amounts == std::vector<std::pair<std::int64_t, std::uint32_t>>{
                       {130000, 3}, {130000, 3}, {3000, 2}, {300, 2}, {130000, 3}, {300, 2}});
  CHECK(s.scan.rows_rejected == 1);

  const Scanned only = scan_memory(csv, "prog.csv", "D2");
  REQUIRE(only.totals.size() == 1);
  CHECK(only.totals[0].montant_ht_cents == 300);
  CHECK(only.totals[0].lots == 2);
}

TEST_CASE("app: duplicate references far apart, found through the first pass, first line named") {
  std::string csv = programme_header + row("DUP", "C0", "1");
  for (int i = 1; i < 3000; ++i) csv += row("R" + std::to_string(i), "C" + std::to_string(i), "1");
  csv += row("DUP", "CX", "1") + row("R17", "CY", "1") + row("DUP", "CZ", "1");
  const Scanned s = scan_memory(csv, "prog.csv");
  CHECK(s.references.size() == 3000);
  std::vector<std::string> messages;
  for (const auto& d : s.diags.all()) {
    messages.push_back(std::to_string(d.location.line) + " " + testing::plain(d.message));
  }
  CHECK(messages ==
        std::vector<std::string>{
            "3002 référence « DUP » déjà utilisée ligne 2 : chaque ligne doit avoir sa propre référence",
            "3003 référence « R17 » déjà utilisée ligne 19 : chaque ligne doit avoir sa propre référence",
            "3004 référence « DUP » déjà utilisée ligne 2 : chaque ligne doit avoir sa propre référence"});
}

TEST_CASE("app: a DECP contract published twice is evaluated once, its totals not doubled") {
  std::ifstream in(testing::source_path("tests/fixtures/decp/marches-2022.json"), std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const Scanned s = scan_memory(bytes.str(), "marches.json");
  std::size_t seen = 0;
  for (std::size_t i = 0; i < s.references.size(); ++i) {
    if (s.references[i] != "226100017000142026-T-001") continue;
    ++seen;
    CHECK(s.totals[i].lots == 1);
    CHECK(s.totals[i].montant_ht_cents == 620'000'000);
  }
  CHECK(seen == 1);
  bool republication = false;
  for (const auto& d : s.diags.all()) republication |= d.message.find("déjà lu ligne 4") != std::string::npos;
  CHECK(republication);
}
