#include "app/rules_check.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "test_messages.hpp"
#include "test_paths.hpp"

using namespace clausier;

namespace {

using clausier::testing::plain;

// "file:line severity" of each diagnostic, in order.
std::vector<std::string> places(const DiagnosticList& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.all()) out.push_back(d.location.str() + " " + severity_name(d.severity));
  return out;
}

}  // namespace

TEST_CASE("rules check: every kind of problem of the fixture tree, each at its place") {
  const std::string root = "tests/fixtures/rules-test/check/";
  app::ResourcePaths paths{testing::test_path("fixtures/rules-test/check/rules"),
                           testing::test_path("fixtures/rules-test/check/plugins"),
                           testing::test_path("fixtures/rules-test/check/templates")};
  DiagnosticList diags;
  const app::CheckSummary summary = app::check_rules(paths, diags);
  CHECK(places(diags) == std::vector<std::string>{
                             root + "rules/seuils/dates.lua: values[2].from error",
                             root + "rules/taux.lua: values[1] error",
                             root + "plugins/api_3.lua error",
                             root + "plugins/lecteur.lua warning",
                             root + "plugins/lecteur.lua:9 error",
                             root + "plugins/lecteur.lua:10 warning",
                             root + "plugins/lecteur.lua:11 error",
                             root + "rules/tests/cas.lua:1: expect.lecteur.verdict error",
                             root + "templates/article-demo/article-demo.md.mustache:3 error",
                             root + "templates/article-demo/article-demo.md.mustache:4 warning",
                             root + "templates/article-demo/article-demo.md.mustache error",
                             root + "templates/orphelin/manifest.json error",
                         });
  CHECK(plain(diags.all()[4].message) ==
        "ctx.try_param(« inexistant.parametre ») : ce paramètre n'existe pas dans les règles chargées : un "
        "paramètre est un fichier de rules/ (« seuils.ue.travaux » pour rules/seuils/ue/travaux.lua)");
  CHECK(plain(diags.all()[5].message)
            .starts_with("ctx.try_param(« cout ») : paramètre lu mais absent du champ params"));
  CHECK(plain(diags.all()[8].message) ==
        "variable inconnue « clause.verdikt » : elle serait rendue vide (faute de frappe ?)");
  CHECK(summary.parameters == 2);
  CHECK(summary.plugins == 1);
  CHECK(summary.case_files == 1);
  CHECK(summary.cases == 1);
  CHECK(summary.templates == 2);
}

TEST_CASE("rules check: the fixture rules, plugin and default cases are clean") {
  app::ResourcePaths paths{testing::test_path("fixtures/rules-test/regles"),
                           testing::test_path("fixtures/rules-test/plugins"),
                           testing::test_path("fixtures/rules-test/check/templates")};
  paths.templates = testing::test_path("fixtures/rules-test/no-templates");
  DiagnosticList diags;
  (void)app::check_rules(paths, diags);
  // The only problem: no templates folder.
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].location.file == "tests/fixtures/rules-test/no-templates");
}

TEST_CASE("rules check: the sample view of a template has every field a template may use") {
  render::DocumentTemplate t;
  t.id = "x";
  t.applies = {{"insertion", {Verdict::recommandee}}, {"reserve-siae", {Verdict::possible}}};
  engine::ClauseInfo info;
  info.id = "insertion";
  info.units = {{"seuil", "EUR"}};
  const render::View view = app::sample_view(t, {info}, {{"insertion", {"heures_brutes"}}});
  CHECK(view.find("clauses")->items().size() == 2);
  CHECK(view.find("clauses_par_type.reserve_siae.verdict")->str() == "possible");
  CHECK(view.find("clause.verdict")->str() == "recommandee");
  for (const char* path : {"lot.reference", "lot.duree", "lot.lieu", "acheteur.nom", "consultation.nb_lots",
                           "clause.heures_texte", "clause.valeurs.seuil", "clause.valeurs.heures_brutes",
                           "document.date", "facilitateur.structure"}) {
    INFO(path);
    CHECK(view.find(path) != nullptr);
  }
  for (const char* list :
       {"clause.motifs", "clause.avertissements", "clause.fondements", "clause.parametres"}) {
    INFO(list);
    REQUIRE(view.find(list) != nullptr);
    CHECK(view.find(list)->items().size() == 1);
  }
}
