#include "writers/rules_doc.hpp"

#include <doctest/doctest.h>

#include <string>

#include "app/toolkit.hpp"
#include "test_paths.hpp"

using namespace clausier;

namespace {

struct Docs {
  std::string md;
  std::string html;
};

Docs fixture_docs() {
  DiagnosticList diags;
  app::ResourcePaths paths{testing::test_path("fixtures/rules-test/regles"),
                           testing::test_path("fixtures/rules-test/plugins"),
                           testing::source_path("templates")};
  const app::Toolkit toolkit = app::Toolkit::load(paths, diags, {});
  REQUIRE(diags.all().empty());
  const writers::RulesDocRequest request{toolkit.params(),
                                         toolkit.clause_infos(),
                                         "regles",
                                         "plugins",
                                         "",
                                         {*Date::parse_iso("2026-11-22"), "clausier test"}};
  return {writers::rules_doc_markdown(request), writers::rules_doc_html(request)};
}

bool has(const std::string& text, const std::string& piece) { return text.find(piece) != std::string::npos; }

}  // namespace

TEST_CASE("rules doc: every clause type and parameter, each dated value the French way") {
  const Docs d = fixture_docs();
  CHECK(has(d.md, "### Clause de démonstration `demo`"));
  CHECK(has(d.md, "`tests/fixtures/rules-test/plugins/demo.lua`"));
  CHECK(has(d.md, "Texte de démonstration, article 1"));
  CHECK(has(d.md, "### `seuils.demo`"));
  CHECK(has(d.md,
            "| 1er janvier 2026 | 900\u202F000\u00A0€ | partiellement vérifié | Arrêté de démonstration du "
            "1er décembre 2025 | Valeur abaissée\u202F; à confirmer. |"));
  // Tables and lists in full.
  CHECK(has(d.md, "| `909` | 20\u00A0€/h | à vérifier | Branche propreté (démonstration) | À confirmer. |"));
  CHECK(has(d.md, "`7952`, `8531`"));
  CHECK(has(d.md, "travaux\u00A0: 100\u202F000\u00A0€"));
  CHECK(has(d.md, "abrogé"));
  CHECK_FALSE(has(d.md, "tests.defaut"));
}

TEST_CASE("rules doc: the labels of a parameter's words, from the shipped rules") {
  DiagnosticList diags;
  app::ResourcePaths paths{testing::source_path("rules"), testing::source_path("plugins"),
                           testing::source_path("templates")};
  const app::Toolkit toolkit = app::Toolkit::load(paths, diags, {});
  REQUIRE(diags.all().empty());
  const writers::RulesDocRequest request{toolkit.params(),
                                         toolkit.clause_infos(),
                                         "rules",
                                         "plugins",
                                         "",
                                         {*Date::parse_iso("2026-11-22"), "clausier test"}};
  const std::string md = writers::rules_doc_markdown(request);
  CHECK(has(md,
            "- Libellés\u00A0: `inferieur`\u00A0: «\u00A0à l’heure inférieure\u00A0»\u202F; `plus_proche`"));
}

TEST_CASE("rules doc: the HTML page is self-contained and printable") {
  const Docs d = fixture_docs();
  CHECK(d.html.starts_with("<!DOCTYPE html>"));
  CHECK(has(d.html, "<meta charset=\"utf-8\">"));
  CHECK(has(d.html, "@media print"));
  CHECK(has(d.html, "id=\"parametre-seuils-demo\""));
  CHECK(has(d.html, "<a href=\"#parametre-seuils-demo\">"));
  CHECK_FALSE(has(d.html, "<link"));
  CHECK_FALSE(has(d.html, "<script"));
  CHECK_FALSE(has(d.html, "src="));
  CHECK_FALSE(has(d.html, "http"));
}
