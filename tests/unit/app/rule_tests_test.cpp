#include "app/rule_tests.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "lua/case_file.hpp"
#include "lua/rules_loader.hpp"
#include "test_messages.hpp"
#include "test_paths.hpp"

using namespace clausier;

namespace {

using clausier::testing::messages;
using clausier::testing::plain;

app::ResourcePaths fixture_paths() {
  return {testing::test_path("fixtures/rules-test/regles"), testing::test_path("fixtures/rules-test/plugins"),
          testing::source_path("templates")};
}

const app::Toolkit& fixture_toolkit() {
  static const app::Toolkit toolkit = [] {
    DiagnosticList diags;
    app::Toolkit t = app::Toolkit::load(fixture_paths(), diags, {});
    REQUIRE(diags.all().empty());
    return t;
  }();
  return toolkit;
}

std::string case_path(const std::string& name) {
  return testing::test_path("fixtures/rules-test/cases/" + name);
}

struct Failure {
  std::string where;
  std::string name;
  std::vector<app::CaseMismatch> mismatches;
};

}  // namespace

TEST_CASE("rule tests: the rules loader skips the tests folder at the top of the rules") {
  DiagnosticList diags;
  const auto set = lua::load_rules(testing::test_path("fixtures/rules-test/regles"), diags);
  CHECK(diags.all().empty());
  CHECK(set.find("tests.defaut") == nullptr);
  CHECK(set.all().size() == 6);
}

TEST_CASE("rule tests: case{} records each table and the line of its call — the file has no library") {
  DiagnosticList diags;
  const auto run = lua::run_case_file(
      "-- a comment\nlocal function lot(m) return { montant_ht = m } end\ncase { name = \"a\", lot = lot(1) "
      "}\n\n"
      "case {\n  name = \"b\",\n}\n",
      "cases.lua", diags);
  CHECK(run.ok);
  CHECK(diags.all().empty());
  REQUIRE(run.cases.size() == 2);
  CHECK(run.cases[0].line == 3);
  CHECK(run.cases[1].line == 5);
  const lua::DataValue* lot = run.cases[0].table.get("lot");
  REQUIRE(lot != nullptr);
  CHECK(lot->get("montant_ht")->number == 1);
  CHECK(lot->get("montant_ht")->integer);

  const auto no_library = lua::run_case_file("case { name = \"a\" }\nprint(\"x\")\n", "cases.lua", diags);
  CHECK_FALSE(no_library.ok);
  CHECK(no_library.cases.size() == 1);  // what came before the error is kept
  REQUIRE(diags.all().size() == 1);
  CHECK(
      plain(format_diagnostic(diags.all()[0])) ==
      "cases.lua:2 : erreur : « print » n'existe pas ici : un fichier de cas ne connaît que la fonction case "
      "(aucune bibliothèque n'y est chargée)");

  diags.clear();
  lua::Limits small;
  small.load_instructions = 100'000;
  const auto endless = lua::run_case_file("while true do end", "cases.lua", diags, small);
  CHECK_FALSE(endless.ok);
  CHECK(plain(format_diagnostic(diags.all().at(0)))
            .starts_with("cases.lua:1 : erreur : budget d'instructions"));
}

TEST_CASE("rule tests: a passing file") {
  DiagnosticList diags;
  std::vector<Failure> failures;
  const auto summary = app::run_rule_tests(fixture_toolkit(), {case_path("passing.lua")}, diags,
                                           [&](const app::RuleCase& c, const auto& m) {
                                             failures.push_back({c.where.str(), c.name, m});
                                           });
  INFO(messages(diags));
  CHECK(diags.all().empty());
  CHECK(failures.empty());
  CHECK(summary.cases == 4);
  CHECK(summary.passed == 4);
  CHECK(summary.failed == 0);
  CHECK(app::exit_status(summary, fixture_toolkit()) == 0);
}

TEST_CASE("rule tests: a failing case names its file and line, expected against obtained") {
  DiagnosticList diags;
  std::vector<Failure> failures;
  const auto summary = app::run_rule_tests(fixture_toolkit(), {case_path("failing.lua")}, diags,
                                           [&](const app::RuleCase& c, const auto& m) {
                                             failures.push_back({c.where.str(), c.name, m});
                                           });
  CHECK(summary.cases == 5);
  CHECK(summary.passed == 1);
  CHECK(summary.failed == 4);
  CHECK(app::exit_status(summary, fixture_toolkit()) == 1);
  REQUIRE(failures.size() == 4);
  CHECK(failures[0].where == "tests/fixtures/rules-test/cases/failing.lua:8");
  CHECK(failures[0].name == "Verdict et heures faux");
  REQUIRE(failures[0].mismatches.size() == 2);
  CHECK(failures[0].mismatches[0].clause == "demo");
  CHECK(plain(failures[0].mismatches[0].message) ==
        "verdict attendu « obligatoire », obtenu « recommandee »");
  CHECK(plain(failures[0].mismatches[1].message) == "heures attendues « 999 », obtenues « 1000 »");
  CHECK(failures[1].where == "tests/fixtures/rules-test/cases/failing.lua:14");
  REQUIRE(failures[1].mismatches.size() == 1);
  CHECK(plain(failures[1].mismatches[0].message) ==
        "aucun motif ne contient « un motif que le plugin ne donne pas »");
  CHECK(failures[1].mismatches[0].obtained.size() == 2);
  CHECK_FALSE(failures[1].mismatches[0].obtained_warnings);
  // warning = { … }: the text found passes, the missing one is reported with the warnings obtained.
  REQUIRE(failures[2].mismatches.size() == 1);
  CHECK(plain(failures[2].mismatches[0].message) ==
        "aucun avertissement ne contient « un avertissement que le plugin ne donne pas »");
  CHECK(failures[2].mismatches[0].obtained_warnings);
  CHECK(failures[2].mismatches[0].obtained.size() == 1);
  // warning = false: any warning fails.
  REQUIRE(failures[3].mismatches.size() == 1);
  CHECK(plain(failures[3].mismatches[0].message) == "aucun avertissement attendu, 1 obtenu(s)");
}

TEST_CASE(
    "rule tests: an invalid case file reports every problem at its case's line, valid cases still run") {
  DiagnosticList diags;
  const auto summary = app::run_rule_tests(fixture_toolkit(), {case_path("invalid.lua")}, diags, {});
  const std::string f = "tests/fixtures/rules-test/cases/invalid.lua:";
  CHECK(
      messages(diags) ==
      std::vector<std::string>{
          f + "2: lot.montant : erreur : champ inconnu « montant » : champs permis : « reference », "
              "« consultation », « lot », « objet », « acheteur », « type_acheteur », « nature », « cpv », "
              "« montant_ht », « duree_mois », « date_lancement », « lieu », « anru », « marche_defense », "
              "« concession », « reprise_heures_mois », "
              "« part_main_oeuvre », « taux_insertion », « cout_horaire », « total_consultation_ht » ou "
              "« lots_consultation »",
          f + "2: lot : erreur : champ « montant_ht » manquant : écrivez montant_ht = 1000000 (en euros)",
          f + "2: expect.demo.verdit : erreur : champ inconnu « verdit » : vouliez-vous écrire « verdict » ?",
          f + "8: lot.nature : erreur : nature inconnue « travail » : écrivez « travaux », « fournitures » "
              "ou "
              "« services »",
          f + "8: lot.cpv : erreur : code CPV invalide « 4526 » : écrivez les 8 chiffres entre guillemets, "
              "\"45262500\"",
          f + "8: lot.montant_ht : erreur : nombre attendu, trouvé un texte (« 1 000 000 ») : écrivez le "
              "nombre "
              "sans guillemets ni espace, avec un point décimal (1000000, 0.05)",
          f + "8: lot.date_lancement : erreur : date invalide « 01/03/2025 » : écrivez AAAA-MM-JJ",
          f + "8: expect.demo.verdict : erreur : verdict inconnu « recomandee » : vouliez-vous écrire "
              "« recommandee » ?",
          f + "8: expect.demo.hours : erreur : nombre d'heures attendu (hours = 833), ou false quand aucun "
              "nombre d'heures n'est attendu ; trouvé un texte (« 833 »)",
          f + "8: expect.insertion : erreur : aucun plugin ne fournit la clause « insertion » : clauses "
              "chargées : « demo »",
          f + "20 : erreur : case attend une table : écrivez case { name = \"…\", lot = { … }, expect = { … "
              "} } "
              "(reçu : string)",
      });
  CHECK(summary.cases == 3);
  CHECK(summary.passed == 1);
  CHECK(summary.failed == 2);
  CHECK(summary.input_errors);
  CHECK(app::exit_status(summary, fixture_toolkit()) == 1);
}

TEST_CASE("rule tests: a file that does not compile is one located error") {
  DiagnosticList diags;
  const auto summary = app::run_rule_tests(fixture_toolkit(), {case_path("syntax.lua")}, diags, {});
  REQUIRE(diags.all().size() == 1);
  CHECK(plain(format_diagnostic(diags.all()[0]))
            .starts_with("tests/fixtures/rules-test/cases/syntax.lua:7 : erreur : syntaxe Lua incorrecte"));
  CHECK(summary.cases == 0);
  CHECK(app::exit_status(summary, fixture_toolkit()) == 1);
}

TEST_CASE("rule tests: default files are <rules>/tests/*.lua — named folders and files are taken as given") {
  DiagnosticList diags;
  const auto defaults = app::case_files({}, fixture_paths(), diags);
  REQUIRE(defaults.size() == 1);
  CHECK(defaults[0].filename() == "defaut.lua");
  const auto folder =
      app::case_files({testing::test_path("fixtures/rules-test/cases")}, fixture_paths(), diags);
  CHECK(folder.size() == 4);
  CHECK(diags.all().empty());
  const auto missing = app::case_files({"/nonexistent/cas.lua"}, fixture_paths(), diags);
  CHECK(missing.empty());
  CHECK(diags.has_errors());
}

TEST_CASE("rule tests: a CPV written as a number gets its leading zero back — defaults of a lot") {
  const std::filesystem::path file = testing::scratch_path("rule_tests/cpv.lua");
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file)
      << "case { name = \"n\", lot = { nature = \"services\", cpv = 9310000, montant_ht = 1234.5, "
         "date_lancement = \"2026-01-01\" }, expect = { demo = { verdict = \"exclue\" } } }\n";
  DiagnosticList diags;
  const auto read = app::read_case_file(file, fixture_toolkit().clause_infos(), diags);
  INFO(messages(diags));
  REQUIRE(read.cases.size() == 1);
  const app::RuleCase& c = read.cases[0];
  CHECK(c.lot.cpv == "09310000");
  CHECK(c.lot.montant_ht_cents == 123450);
  CHECK(c.totals.montant_ht_cents == 123450);  // the consultation is the lot
  CHECK(c.totals.lots == 1);
  CHECK(c.lot.objet == "n");
  CHECK(c.lot.type_acheteur == BuyerType::collectivite);
  CHECK_FALSE(c.as_of);
}

TEST_CASE("rule tests: reasons match whatever the no-break spaces and apostrophes") {
  app::RuleCase c;
  app::CaseExpectation expectation;
  expectation.clause = "demo";
  expectation.reasons = {"1 000 heures", "l'acheteur"};
  c.expect.push_back(expectation);
  LotEvaluation e;
  ClauseResult r;
  r.type = "demo";
  r.verdict = Verdict::possible;
  r.reasons = {"Volume\u00A0: 1\u202F000 heures.", "Choix de l\u2019acheteur."};
  e.clauses.push_back(r);
  CHECK(app::compare_case(c, e).empty());
  c.expect[0].check_hours = true;  // hours = false: none expected
  r.hours = 12;
  e.clauses[0] = r;
  const auto m = app::compare_case(c, e);
  REQUIRE(m.size() == 1);
  CHECK(plain(m[0].message) == "heures attendues « aucune », obtenues « 12 »");
}
