#include "lua/data_schema.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lua/data_file.hpp"
#include "test_messages.hpp"

namespace clausier {
namespace {

const std::string_view colours[] = {"rouge", "vert"};

const lua::SchemaField inner_fields[] = {{.name = "colour",
                                          .kind = lua::DataKind::text,
                                          .required = true,
                                          .when_missing = "écrivez colour = \"rouge\"",
                                          .allowed = colours,
                                          .unknown = "couleur inconnue"}};
const lua::DataSchema inner_schema{inner_fields, true};

std::string dotted_hint(std::string_view field) {
  return field.find('.') == std::string_view::npos ? std::string() : "pas de point dans un nom";
}

const lua::SchemaField outer_fields[] = {
    {.name = "description", .kind = lua::DataKind::text, .required = true, .when_missing = "écrivez-la"},
    {.name = "from", .kind = lua::DataKind::date},
    {.name = "active", .kind = lua::DataKind::boolean},
    {.name = "inner", .kind = lua::DataKind::table, .nested = &inner_schema},
    {.name = "free"},
};
const lua::DataSchema outer_schema{.fields = outer_fields, .unknown_hint = dotted_hint};

// The messages of checking `source`'s table against outer_schema.
std::vector<std::string> problems(std::string_view source, bool* ok = nullptr) {
  DiagnosticList diags;
  lua::DataReporter rep{"t.lua", diags};
  const std::optional<lua::DataValue> root = lua::run_data_file(source, rep, {});
  REQUIRE(root);
  const bool clean = lua::check_table(*root, "", outer_schema, rep);
  if (ok != nullptr) *ok = clean;
  CHECK(clean == !rep.failed);
  return testing::messages(diags);
}

}  // namespace

TEST_SUITE("data_schema") {
  TEST_CASE("a table that fits its schema gives nothing, whatever the free fields hold") {
    bool ok = false;
    CHECK(problems(R"(return { description = "d", from = "2026-01-01", active = true,
                               inner = { "premier", colour = "vert" }, free = function_free })",
                   &ok)
              .empty());
    CHECK(ok);
  }

  TEST_CASE("unknown fields get the closest name, a hint or the list of fields") {
    CHECK(problems(R"(return { descriptin = "d", ["a.b"] = 1, zzz = 2, "sans nom" })") ==
          std::vector<std::string>{
              "t.lua: [1] : erreur : élément sans nom inattendu : écrivez nom = valeur (champs permis : "
              "« description », « from », « active », « inner » ou "
              "« free »)",
              "t.lua: [\"a.b\"] : erreur : champ inconnu « a.b » : pas de point dans un nom",
              "t.lua: descriptin : erreur : champ inconnu « descriptin » : vouliez-vous "
              "écrire « description » ?",
              "t.lua: zzz : erreur : champ inconnu « zzz » : champs permis : "
              "« description », « from », « active », « inner » ou "
              "« free »",
              "t.lua : erreur : champ « description » manquant : écrivez-la",
          });
  }

  TEST_CASE("kinds, allowed texts and nested tables are checked, each at its path") {
    CHECK(problems(R"(return { description = " ", from = "01/01/2026", active = "oui",
                               inner = { colour = "rouje", extra = 1, "x", "y" } })") ==
          std::vector<std::string>{
              "t.lua: description : erreur : texte vide : écrivez le texte, ou retirez le champ s'il "
              "est facultatif",
              "t.lua: from : erreur : date invalide « 01/01/2026 » : écrivez AAAA-MM-JJ",
              "t.lua: active : erreur : booléen attendu (true ou false, sans guillemets), trouvé un texte "
              "(« oui »)",
              "t.lua: inner[2] : erreur : élément sans nom inattendu : écrivez nom = valeur (champs "
              "permis : « colour »)",
              "t.lua: inner.extra : erreur : champ inconnu « extra » : champs permis : "
              "« colour »",
              "t.lua: inner.colour : erreur : couleur inconnue « rouje » : vouliez-vous écrire "
              "« rouge » ?",
          });
    CHECK(problems(R"(return { description = 1, inner = "x" })") ==
          std::vector<std::string>{
              "t.lua: description : erreur : texte entre guillemets attendu, trouvé un nombre (1)",
              "t.lua: inner : erreur : table attendue { … }, trouvé un texte (« x »)",
          });
  }
}

}  // namespace clausier
