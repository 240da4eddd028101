#include "render/template_set.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "render/view.hpp"
#include "test_messages.hpp"

using namespace clausier;
using namespace clausier::render;

namespace {

using clausier::testing::plain;

const char* good_manifest = R"({
  "id": "reservation",
  "title": "Réservation du marché",
  "basename": "reservation",
  "applies": [
    {"clause": "reserve-handicap", "verdicts": ["recommandee", "possible"]},
    {"clause": "reserve-siae", "verdicts": ["recommandee"]}
  ],
  "required": ["lot.reference"]
})";

ClauseResult result(std::string type, Verdict v) {
  ClauseResult r;
  r.type = std::move(type);
  r.verdict = v;
  return r;
}

void write(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

}  // namespace

TEST_CASE("templates: a manifest of the new schema is read") {
  DocumentTemplate t;
  t.id = "reservation";
  DiagnosticList diags;
  REQUIRE(parse_manifest(good_manifest, "m.json", t, diags));
  CHECK(diags.all().empty());
  CHECK(t.title == "Réservation du marché");
  REQUIRE(t.applies.size() == 2);
  CHECK(t.applies[0].clause == "reserve-handicap");
  CHECK(t.applies[0].verdicts == std::vector<Verdict>{Verdict::recommandee, Verdict::possible});
  CHECK(t.required == std::vector<std::string>{"lot.reference"});
}

TEST_CASE("templates: every manifest problem is reported at its line") {
  DocumentTemplate t;
  t.id = "doc";
  DiagnosticList diags;
  const bool ok = parse_manifest(R"({
  "id": "autre",
  "title": "T",
  "formats": ["md", "html"],
  "basename": "../x",
  "applies": [ {"clause": "insertion", "verdicts": ["recomandee"]}, {"verdicts": ["possible"]} ]
})",
                                 "templates/doc/manifest.json", t, diags);
  CHECK_FALSE(ok);
  std::vector<std::string> seen;
  for (const auto& d : diags.all()) seen.push_back(d.location.str() + " " + plain(d.message));
  REQUIRE(seen.size() == 5);
  CHECK(seen[0].starts_with("templates/doc/manifest.json:4 champ inconnu « formats »"));
  CHECK(seen[1].starts_with("templates/doc/manifest.json:2 l'identifiant « autre »"));
  CHECK(seen[2].starts_with("templates/doc/manifest.json:5 « basename »"));
  CHECK(seen[3].starts_with(
      "templates/doc/manifest.json:6 verdict inconnu « recomandee » dans « applies[1].verdicts »"));
  CHECK(seen[4].find("« applies[2].clause » manque") != std::string::npos);
}

TEST_CASE("templates: a manifest that is not JSON, or without applies, is refused") {
  DocumentTemplate t;
  t.id = "doc";
  DiagnosticList diags;
  CHECK_FALSE(parse_manifest("{ \"title\": ", "m.json", t, diags));
  CHECK(diags.all().at(0).message.find("JSON invalide") != std::string::npos);
  diags.clear();
  CHECK_FALSE(parse_manifest(R"({"title": "T"})", "m.json", t, diags));
  CHECK(plain(diags.all().at(0).message).find("« applies » manque") != std::string::npos);
}

TEST_CASE("templates: one document per lot, whatever the number of matching clauses") {
  DocumentTemplate t;
  t.id = "reservation";
  DiagnosticList diags;
  REQUIRE(parse_manifest(good_manifest, "m.json", t, diags));
  LotEvaluation e;
  e.clauses = {result("insertion", Verdict::obligatoire), result("reserve-siae", Verdict::recommandee),
               result("reserve-handicap", Verdict::possible)};
  const auto matched = t.matches(e);
  REQUIRE(matched.size() == 2);
  CHECK(matched[0]->type == "reserve-handicap");  // in the order of `applies`
  CHECK(matched[1]->type == "reserve-siae");
  e.clauses = {result("reserve-siae", Verdict::possible), result("reserve-handicap", Verdict::exclue)};
  CHECK(t.matches(e).empty());
}

TEST_CASE("templates: folders starting with _ are not documents — stale per-format templates are flagged") {
  const auto dir = std::filesystem::temp_directory_path() / "clausier-template-set-test";
  std::filesystem::remove_all(dir);
  write(dir / "_formats/docx/word/document.xml", "<w:document/>");
  write(dir / "reservation/manifest.json", good_manifest);
  write(dir / "reservation/reservation.md.mustache", "# {{lot.reference}}\n");
  write(dir / "reservation/reservation.html.mustache", "<h1>{{lot.reference}}</h1>\n");
  write(dir / "vide/manifest.json",
        R"({"title": "Vide", "applies": [{"clause": "insertion", "verdicts": ["possible"]}]})");
  DiagnosticList diags;
  const TemplateSet set = TemplateSet::load(dir, diags);
  REQUIRE(set.all().size() == 1);
  CHECK(set.all()[0].source == "# {{lot.reference}}\n");
  CHECK(set.all()[0].file.ends_with("reservation/reservation.md.mustache"));
  REQUIRE(diags.all().size() == 2);
  CHECK(diags.all()[0].severity == Severity::warning);
  CHECK(diags.all()[0].location.file.ends_with("reservation.html.mustache"));
  CHECK(diags.all()[1].location.file.ends_with("vide/vide.md.mustache"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("document view: the first match is `clause`, every match is in `clauses` and by type") {
  LotEvaluation e;
  e.lot.reference = "C1-L1";
  e.clauses = {result("reserve-handicap", Verdict::possible), result("reserve-siae", Verdict::recommandee)};
  engine::ClauseInfo info;
  info.id = "reserve-siae";
  info.title = "Marché réservé aux SIAE";
  const DocumentContext context{*Date::parse_iso("2027-01-01"), "clausier"};
  const View v = document_view(e, {&e.clauses[1], &e.clauses[0]}, {info}, context);
  CHECK(v.find("clause.type")->str() == "reserve-siae");
  CHECK(v.find("clause.titre")->str() == "Marché réservé aux SIAE");
  REQUIRE(v.find("clauses")->items().size() == 2);
  CHECK(v.find("clauses")->items()[1].find("type")->str() == "reserve-handicap");
  CHECK(v.find("clauses_par_type.reserve_handicap.verdict")->str() == "possible");
  CHECK(v.find("clauses_par_type.reserve_siae.verdict_libelle")->str() == "recommandée");
  CHECK(v.find("lot.reference")->str() == "C1-L1");
}
