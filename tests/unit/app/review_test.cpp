#include "app/review.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <sstream>

#include "base/french.hpp"
#include "readers/programme.hpp"
#include "readers/zip_package.hpp"
#include "test_paths.hpp"
#include "writers/review_html.hpp"
#include "writers/review_markdown.hpp"
#include "writers/review_office.hpp"
#include "writers/review_text.hpp"

using namespace clausier;

namespace {

Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

ClauseResult clause(std::string type, Verdict v, std::optional<std::int64_t> hours = {},
                    std::vector<std::string> basis = {}) {
  ClauseResult c;
  c.type = std::move(type);
  c.verdict = v;
  c.hours = hours;
  c.basis = std::move(basis);
  return c;
}

LotEvaluation lot(std::string reference, std::int64_t euros, Date launch, std::vector<ClauseResult> clauses,
                  std::string consultation = {}) {
  LotEvaluation e;
  e.lot.reference = reference;
  e.lot.consultation = consultation.empty() ? reference : consultation;
  e.lot.montant_ht_cents = euros * 100;
  e.lot.date_lancement = launch;
  e.lot.lieu = "61";
  e.clauses = std::move(clauses);
  return e;
}

// A clause result that reports the EU threshold it tested, as insertion does.
ClauseResult with_threshold(ClauseResult c, double threshold, double total) {
  c.values.push_back({"seuil", threshold});
  c.values.push_back({"total_consultation", total});
  return c;
}

params::ParameterSet target_rules(double ratio, Date from) {
  params::Parameter p;
  p.name = app::target_parameter;
  p.unit = "ratio";
  p.reference = "PNAD 2022-2025";
  params::DatedValue v;
  v.from = from;
  v.scalar.value = ratio;
  v.status = params::Status::partiel;
  v.reference = "PNAD, objectif 2025";
  p.values.push_back(v);
  params::ParameterSet set;
  set.put(p);
  return set;
}

std::vector<engine::ClauseInfo> two_types() {
  engine::ClauseInfo insertion;
  insertion.id = "insertion";
  insertion.title = "Clause d'insertion";
  engine::ClauseInfo anru;
  anru.id = "anru";
  anru.title = "Charte ANRU";
  return {insertion, anru};
}

const std::vector<std::string> l2112 = {"CCP L2112-2", "CCP L2112-2-1"};

// Keeps what a report is given.
class RecordingReport final : public writers::ReviewReport {
 public:
  void begin(const std::vector<engine::ClauseInfo>&) override { begun = true; }
  void lot(const LotEvaluation& e, const writers::LotReview&) override {
    references.push_back(e.lot.reference);
  }
  void end(const writers::ReviewData& d, const std::vector<Diagnostic>& diagnostics) override {
    data = d;
    diagnostic_count = diagnostics.size();
    ended = true;
  }
  bool begun = false;
  bool ended = false;
  std::vector<std::string> references;
  writers::ReviewData data;
  std::size_t diagnostic_count = 0;
};

app::ResourcePaths shipped() {
  return {testing::source_path("rules"), testing::source_path("plugins"), testing::source_path("templates")};
}

}  // namespace

TEST_CASE("review: quarters of launch dates") {
  CHECK(app::quarter_key(ymd(2027, 1, 1)) == "2027-T1");
  CHECK(app::quarter_key(ymd(2027, 3, 31)) == "2027-T1");
  CHECK(app::quarter_key(ymd(2027, 4, 1)) == "2027-T2");
  CHECK(app::quarter_key(ymd(2027, 9, 30)) == "2027-T3");
  CHECK(app::quarter_key(ymd(2026, 12, 31)) == "2026-T4");
  CHECK(app::quarter_label(ymd(2026, 11, 16)) == "T4 2026");
}

TEST_CASE("review: territory labels") {
  CHECK(app::territory_label("61") == "61 Orne");
  CHECK(app::territory_label("2A") == "2A Corse-du-Sud");
  CHECK(app::territory_label("971") == "971 Guadeloupe");
  CHECK(app::territory_label("975") == "975");  // not a département: the code alone
  CHECK(app::territory_label("") == "Non renseigné");
}

TEST_CASE("review: what one lot retains, its hours and its obligation") {
  SUBCASE("insertion and the ANRU charter on the same lot count their hours once, the larger") {
    const auto r = app::review_lot(lot("A", 1'000'000, ymd(2027, 1, 1),
                                       {clause("insertion", Verdict::recommandee, 958),
                                        clause("anru", Verdict::obligatoire, 1'020, {"Charte ANRU"})}));
    CHECK(r.retained);
    CHECK(r.mandatory);
    CHECK_FALSE(r.social_condition_mandatory);  // the charter, not L2112-2-1
    CHECK(r.hours == 1'020);
  }
  SUBCASE("hours of a possible or excluded clause are not counted") {
    const auto r = app::review_lot(
        lot("B", 100'000, ymd(2027, 1, 1),
            {clause("insertion", Verdict::possible, 90), clause("anru", Verdict::exclue, 80)}));
    CHECK_FALSE(r.retained);
    CHECK_FALSE(r.hours.has_value());
  }
  SUBCASE("L2112-2-1 is read from the basis of a mandatory result") {
    const auto r = app::review_lot(
        lot("C", 800'000, ymd(2027, 1, 1),
            {with_threshold(clause("insertion", Verdict::obligatoire, {}, l2112), 221'000, 800'000)}));
    CHECK(r.social_condition_mandatory);
    CHECK(r.above_threshold);
    CHECK_FALSE(r.hours.has_value());
    CHECK(writers::review::lot_flags(r).front() == "obligation L2112-2-1 sans volume d'heures");
  }
  SUBCASE("a failed plugin is noted") {
    ClauseResult failed;
    failed.type = "insertion";
    const auto r = app::review_lot(lot("D", 1, ymd(2027, 1, 1), {failed}));
    CHECK(r.failed);
    CHECK_FALSE(r.retained);
  }
}

TEST_CASE("review: recorded considerations (DECP) against the rules") {
  const auto mandatory =
      lot("M", 1, ymd(2027, 1, 1), {clause("insertion", Verdict::obligatoire, 100, l2112)});
  const auto recommended = lot("R", 1, ymd(2027, 1, 1), {clause("insertion", Verdict::recommandee, 100)});
  const auto nothing = lot("N", 1, ymd(2027, 1, 1), {clause("insertion", Verdict::exclue)});
  using M = writers::RecordedMatch;
  const std::vector<std::string> none = {"Pas de considération sociale"};
  CHECK(app::review_lot(mandatory).recorded == M::unknown);
  CHECK(app::review_lot(mandatory, none).recorded == M::mandatory_missing);
  CHECK(app::review_lot(mandatory, std::vector<std::string>{"Clause sociale"}).recorded == M::consistent);
  CHECK(app::review_lot(recommended, std::vector<std::string>{}).recorded == M::retained_missing);
  CHECK(app::review_lot(nothing, std::vector<std::string>{"Marché réservé"}).recorded == M::beyond_rules);
  CHECK(app::review_lot(nothing, none).recorded == M::none_expected);
  // Labels are compared the way headers are: case and accents aside.
  CHECK(app::review_lot(mandatory, std::vector<std::string>{"PAS DE CONSIDERATION SOCIALE"}).recorded ==
        M::mandatory_missing);
  CHECK(app::review_lot(mandatory, none).recorded_labels == none);
}

TEST_CASE("review: the figures of a programme, its shares and the national target") {
  app::ReviewBuilder builder(two_types());
  const std::vector<LotEvaluation> lots = {
      // Mandatory under L2112-2-1, with hours.
      lot("A", 600'000, ymd(2027, 2, 1),
          {with_threshold(clause("insertion", Verdict::obligatoire, 500, l2112), 221'000, 900'000),
           clause("anru", Verdict::exclue)},
          "C1"),
      // Same consultation; mandatory, hours unknown.
      lot("B", 300'000, ymd(2027, 2, 1),
          {with_threshold(clause("insertion", Verdict::obligatoire, {}, l2112), 221'000, 900'000),
           clause("anru", Verdict::exclue)},
          "C1"),
      // Above the threshold, obligation not in force: nothing retained.
      lot("C", 400'000, ymd(2026, 5, 1),
          {with_threshold(clause("insertion", Verdict::possible, 300), 221'000, 400'000),
           clause("anru", Verdict::exclue)}),
      // Below the threshold, recommended.
      lot("D", 100'000, ymd(2027, 7, 1),
          {with_threshold(clause("insertion", Verdict::recommandee, 80), 221'000, 100'000),
           clause("anru", Verdict::exclue)}),
  };
  for (const auto& e : lots) builder.add(e, app::review_lot(e));
  const auto d = builder.finish(target_rules(0.30, ymd(2022, 1, 1)), ymd(2026, 11, 22));

  CHECK(d.total.lots == 4);
  CHECK(d.consultations == 3);
  CHECK(d.total.amount_cents == 1'400'000'00);
  CHECK(d.total.lots_retained == 3);
  CHECK(d.total.amount_retained_cents == 1'000'000'00);
  CHECK(d.lots_share() == doctest::Approx(0.75));
  CHECK(d.amount_share() == doctest::Approx(1'000'000.0 / 1'400'000.0));
  CHECK(d.total.hours == 580);
  CHECK(d.lots_social_condition_mandatory == 2);
  CHECK(d.amount_social_condition_mandatory_cents == 900'000'00);
  CHECK(d.mandatory_without_hours == 1);
  CHECK(d.lots_above_threshold == 3);
  CHECK(d.above_threshold_without_lever == 1);
  CHECK(d.first_launch == ymd(2026, 5, 1));
  CHECK(d.last_launch == ymd(2027, 7, 1));

  REQUIRE(d.clauses.size() == 2);
  CHECK(d.clauses[0].type == "insertion");
  CHECK(d.clauses[0].verdicts == std::array<std::size_t, 4>{2, 1, 1, 0});
  CHECK(d.clauses[0].hours == 580);
  CHECK(d.clauses[1].verdicts[3] == 4);

  REQUIRE(d.by_quarter.size() == 3);
  CHECK(d.by_quarter[0].label == "T2 2026");
  CHECK(d.by_quarter[0].tally.hours == 0);  // possible: not counted
  CHECK(d.by_quarter[1].label == "T1 2027");
  CHECK(d.by_quarter[1].tally.lots == 2);
  CHECK(d.by_quarter[1].tally.hours == 500);
  CHECK(d.by_quarter[2].tally.hours == 80);

  REQUIRE(d.target.has_value());
  CHECK(d.target->ratio == doctest::Approx(0.30));
  CHECK(d.target->source == "PNAD 2022-2025");
  CHECK(d.target->status == "partiellement vérifié");
  CHECK(d.rules.parameters == 1);
  CHECK(d.rules.latest_change == ymd(2022, 1, 1));
  CHECK(d.recorded_known() == 0);

  SUBCASE("no target before it is in force, none without the parameter") {
    CHECK_FALSE(builder.finish(target_rules(0.30, ymd(2027, 1, 1)), ymd(2026, 11, 22)).target.has_value());
    CHECK_FALSE(builder.finish(params::ParameterSet{}, ymd(2026, 11, 22)).target.has_value());
  }
}

TEST_CASE("review: each buyer with its own figures, and the lots to decide") {
  app::ReviewBuilder builder(two_types());
  auto a = lot("A", 600'000, ymd(2027, 2, 1), {clause("insertion", Verdict::obligatoire, 500, l2112)});
  auto b = lot("B", 100'000, ymd(2027, 2, 1), {clause("insertion", Verdict::possible, 80)});
  auto c = lot("C", 900'000, ymd(2027, 3, 1), {clause("insertion", Verdict::recommandee, 700)});
  auto d = lot("D", 50'000, ymd(2027, 3, 1), {clause("insertion", Verdict::exclue)});
  a.lot.acheteur = "Ville";
  b.lot.acheteur = "Ville";
  c.lot.acheteur = "Département";
  d.lot.acheteur = "Ville";
  for (const auto* e : {&a, &b, &c, &d}) builder.add(*e, app::review_lot(*e));
  const auto data = builder.finish(params::ParameterSet{}, ymd(2026, 11, 22));

  // A mandatory clause with hours: decided by the law. A possible or a
  // recommended clause alone: a choice to make. All excluded: nothing to decide.
  CHECK_FALSE(app::review_lot(a).to_decide);
  CHECK(app::review_lot(b).to_decide);
  CHECK(app::review_lot(c).to_decide);
  CHECK_FALSE(app::review_lot(d).to_decide);
  // Mandatory without hours is flagged: to decide too.
  CHECK(app::review_lot(lot("E", 1, ymd(2027, 1, 1), {clause("insertion", Verdict::obligatoire, {}, l2112)}))
            .to_decide);
  CHECK(data.total.lots_to_decide == 2);

  REQUIRE(data.by_buyer.size() == 2);
  CHECK(data.by_buyer[0].label == "Département");  // the largest amount first
  CHECK(data.by_buyer[0].tally.lots == 1);
  CHECK(data.by_buyer[0].tally.hours == 700);
  CHECK(data.by_buyer[1].label == "Ville");
  CHECK(data.by_buyer[1].tally.lots == 3);
  CHECK(data.by_buyer[1].tally.amount_cents == 750'000 * 100);
  CHECK(data.by_buyer[1].tally.lots_retained == 1);
  CHECK(data.by_buyer[1].tally.hours == 500);
  CHECK(data.by_buyer[1].tally.lots_to_decide == 1);

  const auto table = writers::review::buyer_table(data);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1] ==
        std::vector<std::string>{"Ville", "3", fr::euros_cents(750'000 * 100), "1", "500", "1"});
  CHECK(writers::buyers_heading(data) == "Département et 1 autre acheteur");
  // One buyer: its name as written (none: no name in the header).
  app::ReviewBuilder alone(two_types());
  auto unnamed = lot("F", 1, ymd(2027, 1, 1), {clause("insertion", Verdict::exclue)});
  alone.add(unnamed, app::review_lot(unnamed));
  const auto one = alone.finish(params::ParameterSet{}, ymd(2026, 11, 22));
  REQUIRE(one.by_buyer.size() == 1);
  CHECK(one.by_buyer[0].label == "Non renseigné");
  CHECK(writers::buyers_heading(one).empty());
  CHECK(writers::review::scope_sentence(data).find("2 acheteurs") != std::string::npos);
}

TEST_CASE("review: recorded comparisons are counted") {
  app::ReviewBuilder builder(two_types());
  const auto m = lot("M", 1, ymd(2027, 1, 1), {clause("insertion", Verdict::obligatoire, 100, l2112)});
  builder.add(m, app::review_lot(m, std::vector<std::string>{"Pas de considération sociale"}));
  builder.add(m, app::review_lot(m, std::vector<std::string>{"Clause sociale"}));
  builder.add(m, app::review_lot(m));
  const auto d = builder.finish({}, ymd(2027, 1, 1));
  CHECK(d.recorded_known() == 2);
  CHECK(d.recorded[static_cast<std::size_t>(writers::RecordedMatch::mandatory_missing)] == 1);
  CHECK(d.recorded[static_cast<std::size_t>(writers::RecordedMatch::consistent)] == 1);
}

TEST_CASE("review: quarters, natures and départements of a programme written with postal codes") {
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(shipped(), diags, {});
  REQUIRE_FALSE(diags.has_errors());
  RecordingReport report;
  const app::ReviewRequest request{
      {testing::test_path("fixtures/review/territoires.csv"), {}, {}}, ymd(2026, 11, 22), "clausier test"};
  const auto outcome = app::review_programme(toolkit, request, report, diags);
  CHECK(app::exit_status(outcome.evaluation, toolkit) == 0);
  REQUIRE(report.ended);
  CHECK(report.references.size() == 7);
  const auto& d = report.data;

  std::vector<std::string> territories;
  for (const auto& g : d.by_territory) territories.push_back(g.label);
  CHECK(territories == std::vector<std::string>{"2A Corse-du-Sud", "2B Haute-Corse", "61 Orne", "75 Paris",
                                                "971 Guadeloupe", "Non renseigné"});
  CHECK(d.by_territory[2].tally.lots == 2);

  std::vector<std::string> quarters;
  for (const auto& g : d.by_quarter) quarters.push_back(g.label);
  CHECK(quarters == std::vector<std::string>{"T1 2027", "T2 2027", "T3 2027", "T4 2027"});
  CHECK(d.by_quarter[0].tally.lots == 2);  // 15 January and 31 March
  CHECK(d.by_quarter[1].tally.lots == 2);  // 1 April and 30 June

  REQUIRE(d.by_nature.size() == 3);
  CHECK(d.by_nature[0].label == "Travaux");
  CHECK(d.by_nature[0].tally.lots == 2);
  CHECK(d.consultations == 6);
  REQUIRE(d.target.has_value());  // the shipped rules carry the PNAD target
  CHECK(d.target->ratio == doctest::Approx(0.30));
  CHECK(d.rules.folder.ends_with("rules"));
}

TEST_CASE("review: an unreadable programme gives no report") {
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(shipped(), diags, {});
  RecordingReport report;
  const auto outcome = app::review_programme(
      toolkit,
      {{testing::test_path("fixtures/review/absent.csv"), {}, {}}, ymd(2026, 11, 22), "clausier test"},
      report, diags);
  CHECK(outcome.evaluation.unreadable);
  CHECK_FALSE(report.ended);
  CHECK(diags.has_errors());
}

TEST_CASE("review: the HTML page puts the summary first, then every lot, located messages and the rules") {
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(shipped(), diags, {});
  std::ostringstream page;
  auto report = writers::make_review_html(page);
  const auto outcome = app::review_programme(
      toolkit,
      {{testing::test_path("fixtures/csv/programme-utf8.csv"), {}, {}}, ymd(2026, 11, 22), "clausier test"},
      *report, diags);
  CHECK(app::exit_status(outcome.evaluation, toolkit) == 1);  // two bad rows
  const std::string html = page.str();
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(html.find("<script") == std::string::npos);
  // No inline event handler (CSP): no attribute named on…="…".
  for (auto at = html.find(" on"); at != std::string::npos; at = html.find(" on", at + 1)) {
    std::size_t end = at + 3;
    while (end < html.size() && std::islower(static_cast<unsigned char>(html[end]))) ++end;
    CHECK_MESSAGE(html[end] != '=', html.substr(at, 20));
  }
  CHECK(html.find("src=") == std::string::npos);  // no external resource
  const auto summary = html.find("id=\"synthese\"");
  const auto table = html.find("id=\"lots\"");
  const auto messages = html.find("id=\"messages\"");
  REQUIRE(summary != std::string::npos);
  CHECK(summary < table);
  CHECK(table < messages);
  for (const char* reference : {"2027-001", "2027-002-L1", "2027-002-L2", "2026-014", "2026-020"}) {
    CHECK(html.find(std::string("id=\"lot-") + reference + "\"") != std::string::npos);
  }
  CHECK(
      html.find("programme-utf8.csv:10 (colonne «\u00A0Montant estimé HT\u00A0»)</code> montant illisible") !=
      std::string::npos);
  CHECK(html.find("2 lignes rejetées ne sont pas dans cette revue") != std::string::npos);
  // The national target is named by what it is, its parameter id is for the jurists' tools.
  CHECK(html.find("Objectif national") != std::string::npos);
  CHECK(html.find("objectifs.considerations_sociales") == std::string::npos);
  CHECK(html.ends_with("</html>\n"));
}

TEST_CASE("review: the figures part is the summary and the charts, without page, style or lots") {
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(shipped(), diags, {});
  std::ostringstream out;
  auto report = writers::make_review_html(out, writers::HtmlReviewPart::figures);
  (void)app::review_programme(
      toolkit,
      {{testing::test_path("fixtures/csv/programme-utf8.csv"), {}, {}}, ymd(2026, 11, 22), "clausier test"},
      *report, diags);
  const std::string html = out.str();
  CHECK(html.starts_with("<section id=\"synthese\">"));
  CHECK(html.find("<section id=\"repartition\"") != std::string::npos);
  CHECK(html.find("class=\"chart\"") != std::string::npos);
  for (const char* absent : {"<html", "<style", "style=", "<script", "id=\"lots\"", "id=\"lot-2027-001\""}) {
    CHECK_MESSAGE(html.find(absent) == std::string::npos, absent);
  }
}

TEST_CASE("review: a programme already open (an upload) is reviewed under the name given") {
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(shipped(), diags, {});
  const std::string csv =
      "Référence;Consultation;Objet;Nature;Code CPV;Montant estimé HT;Date prévisionnelle de lancement\n"
      "C1-L1;C1;Maçonnerie;travaux;45262500;1000000;2027-03-01\n";
  auto programme = readers::programme_from_memory(csv, "envoi.csv", diags);
  REQUIRE(programme);
  engine::Evaluator evaluator = toolkit.evaluator({});
  std::ostringstream out;
  auto report = writers::make_review_markdown(out);
  const auto outcome = app::review_programme(
      evaluator, toolkit, *programme, {"envoi.csv", {}, ymd(2026, 11, 22), "clausier test"}, *report, diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(outcome.data.programme == "envoi.csv");
  CHECK(outcome.data.total.lots == 1);
  CHECK(outcome.data.total.hours == 833);
  CHECK(out.str().find("| C1-L1 |") != std::string::npos);
  CHECK(out.str().find("envoi.csv") != std::string::npos);
}

namespace {

// The text of one part of an office package.
std::string package_part(const std::string& bytes, std::string_view part) {
  readers::sheet::ZipPackage zip({{}, std::make_shared<const std::string>(bytes)}, {});
  return zip.read_small(part, 4 << 20);
}

}  // namespace

TEST_CASE("review: DOCX and ODT are the review's markup in the document skeletons, headed as a review") {
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(shipped(), diags, {.templates = true});
  REQUIRE_FALSE(diags.has_errors());
  for (const std::string format : {"docx", "odt"}) {
    CAPTURE(format);
    std::ostringstream out;
    DiagnosticList problems;
    auto report = writers::make_review_office(format, out, toolkit.templates(), problems);
    (void)app::review_programme(
        toolkit,
        {{testing::test_path("fixtures/csv/programme-utf8.csv"), {}, {}}, ymd(2026, 11, 22), "clausier test"},
        *report, diags);
    CHECK(problems.all().empty());
    const std::string bytes = out.str();
    REQUIRE(bytes.starts_with("PK"));
    const std::string body = package_part(bytes, format == "docx" ? "word/document.xml" : "content.xml");
    CHECK(body.find("Lots à décider") != std::string::npos);
    CHECK(body.find("2027-002-L1") != std::string::npos);
    CHECK(body.find("{{") == std::string::npos);
    // Each buyer with its own figures, then the annex on a page of its own.
    CHECK(body.find("Par acheteur") != std::string::npos);
    CHECK(body.find("Communauté urbaine") != std::string::npos);
    const auto annex = body.find("Annexe");
    REQUIRE(annex != std::string::npos);
    const std::string page_break =
        format == "docx" ? "<w:pageBreakBefore/>" : "text:style-name=\"Titre_20_page\"";
    CHECK(body.rfind(page_break, annex) != std::string::npos);
    CHECK(body.find(page_break) == body.rfind(page_break, annex));  // one break: the annex's
    const std::string header = package_part(bytes, format == "docx" ? "word/header1.xml" : "styles.xml");
    CHECK(header.find("Consultation") == std::string::npos);    // no consultation of its own
    CHECK(header.find("Ville d") != std::string::npos);         // the largest buyer…
    CHECK(header.find("autre acheteur") != std::string::npos);  // …and how many more
    const std::string footer = package_part(bytes, format == "docx" ? "word/footer1.xml" : "styles.xml");
    CHECK(footer.find("programme-utf8.csv") != std::string::npos);  // the footer names the programme…
    CHECK(footer.find("fixtures/") == std::string::npos);           // …by its name alone
    CHECK(body.find("fixtures/") == std::string::npos);
  }
}

TEST_CASE("review: the view of a review names the programme where a document names its lot") {
  writers::ReviewData d;
  d.programme = "programme.csv";
  d.generated = ymd(2026, 11, 22);
  d.rules.generator = "clausier test";
  const render::View v = writers::review_view(d, "Commune de Flers");
  CHECK(v.find("acheteur.nom")->str() == "Commune de Flers");
  CHECK(v.find("lot.reference")->str() == "programme.csv");
  CHECK(v.find("modele.titre")->str() == "Revue de la programmation d'achats");
  CHECK(v.find("document.date_iso")->str() == "2026-11-22");
  CHECK(v.find("consultation.reference")->is_blank());
  CHECK(v.find("lot.a_numero")->is_blank());
}

TEST_CASE("review: without a skeleton for the format, the problem is reported and nothing is written") {
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(shipped(), diags, {});  // no templates loaded
  std::ostringstream out;
  DiagnosticList problems;
  auto report = writers::make_review_office("docx", out, toolkit.templates(), problems);
  (void)app::review_programme(
      toolkit,
      {{testing::test_path("fixtures/csv/programme-utf8.csv"), {}, {}}, ymd(2026, 11, 22), "clausier test"},
      *report, diags);
  REQUIRE(problems.has_errors());
  CHECK(problems.all()[0].message.find("introuvable (templates/_formats/docx/)") != std::string::npos);
  CHECK(out.str().empty());
}
