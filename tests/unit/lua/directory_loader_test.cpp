// The facilitator directory as rule data: the `directory` kind of
// rules/README.md, its checks, and the shipped annuaire.

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "lua/rules_loader.hpp"
#include "test_messages.hpp"
#include "test_paths.hpp"

namespace {

using clausier::testing::messages;

using namespace clausier;

std::string directory(std::string_view entries) {
  return std::string(R"(return { description = "d", unit = "texte", kind = "directory", reference = "r",
    values = { { from = "2026-06-01", status = "partiel", value = {)") +
         std::string(entries) + "} } } }";
}

Date day(std::string_view iso) { return *Date::parse_iso(iso); }

}  // namespace

TEST_SUITE("directory_loader") {
  TEST_CASE("an entry: its structure as value, its details in order, its own status and source") {
    DiagnosticList diags;
    const auto p = lua::load_rule_text(directory(R"(
      ["61"] = { structure = "Service insertion", institution = "Département",
                 site = "https://www.example.fr/insertion", telephone = "02 33 00 00 00",
                 status = "verifie", reference = "page du Département", note = "n" },
      ["2A"] = { structure = "Autre", institution = "Commune", status = "a-verifier", reference = "s" },)"),
                                       "facilitateurs.annuaire", "rules/facilitateurs/annuaire.lua", diags);
    INFO(messages(diags));
    REQUIRE(p.has_value());
    CHECK(p->kind == params::Kind::directory);
    const auto& entries = p->values[0].entries;
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].first == "2A");
    CHECK(entries[1].first == "61");
    const params::Leaf& orne = entries[1].second;
    CHECK(std::get<std::string>(orne.value) == "Service insertion");
    CHECK(orne.status == params::Status::verifie);
    CHECK(orne.reference == "page du Département");
    CHECK(orne.note == "n");
    using Details = std::vector<std::pair<std::string, std::string>>;
    CHECK(p->values[0].details.at("61") == Details{{"institution", "Département"},
                                                   {"site", "https://www.example.fr/insertion"},
                                                   {"telephone", "02 33 00 00 00"}});
    CHECK(p->values[0].details.at("2A") == Details{{"institution", "Commune"}});
  }

  TEST_CASE("every problem of every entry is reported, at its place, and the file refused") {
    DiagnosticList diags;
    const auto p = lua::load_rule_text(directory(R"(
      ["61"] = { structure = "S", institution = "I", status = "verifie", reference = "r" },
      ["61000"] = { structure = "S", institution = "I", status = "a-verifier", reference = "r" },
      ["2a"] = "texte",
      ["75"] = { institution = "I", site = "www.paris.fr", courriel = "contact-at-paris.fr",
                 telephone = "01 23", status = "partiel", reference = "r", nom = "Dupont" },
      ["93"] = { structure = "S", institution = "I", courriel = "clauses@seinesaintdenis.fr",
                 status = "partiel" },)"),
                                       "facilitateurs.annuaire", "rules/facilitateurs/annuaire.lua", diags);
    CHECK_FALSE(p.has_value());
    const std::vector<std::string> got = messages(diags);
    const std::string where = "rules/facilitateurs/annuaire.lua: values[1].value";
    CHECK(got ==
          std::vector<std::string>{
              where + "[\"2a\"] : erreur : clé « 2a » : écrivez le code du département, [\"2A\"]",
              where + "[\"61\"].status : erreur : fiche sans coordonnée (site, courriel, telephone ou "
                      "adresse) : elle garde le statut \"a-verifier\" tant qu'aucune coordonnée n'a été "
                      "relevée dans une source",
              where + "[\"61000\"] : erreur : clé « 61000 » : écrivez le code du département, [\"61\"]",
              where + "[\"75\"].nom : erreur : champ inconnu « nom » : champs permis : « structure », "
                      "« institution », « site », « courriel », « telephone », « adresse », « relais », "
                      "« status », « reference » ou « note »",
              where + "[\"75\"] : erreur : champ « structure » manquant : écrivez structure = \"…\", le "
                      "nom de la structure facilitatrice",
              where + "[\"75\"].site : erreur : adresse de page « www.paris.fr » invalide : écrivez "
                      "l'adresse complète, https://…, copiée de la source",
              where + "[\"75\"].courriel : erreur : courriel « contact-at-paris.fr » invalide : écrivez "
                      "une adresse générique de la structure, nom@domaine.fr",
              where + "[\"75\"].telephone : erreur : numéro de téléphone « 01 23 » invalide : écrivez "
                      "les dix chiffres du standard, 02 33 00 00 00",
              where + "[\"93\"] : erreur : champ « reference » manquant : écrivez reference = \"…\", la "
                      "source de cette fiche (page, document)",
          });
  }

  TEST_CASE(
      "the shipped directory: Île-de-France and the sample's Orne, sourced, without invented contacts") {
    DiagnosticList diags;
    const params::ParameterSet rules = lua::load_rules(testing::source_path("rules"), diags);
    INFO(messages(diags));
    CHECK(diags.all().empty());
    const params::Parameter* p = rules.find(params::facilitator_directory);
    REQUIRE(p != nullptr);
    for (const char* code : {"61", "75", "77", "78", "91", "92", "93", "94", "95"}) {
      CAPTURE(code);
      const auto found =
          params::directory_entry(rules, params::facilitator_directory, day("2027-03-01"), code);
      REQUIRE(found.has_value());
      CHECK_FALSE(found->reference().empty());
      CHECK_FALSE(found->detail("institution").empty());
      bool contact = false;
      for (std::string_view field : params::directory_contact_fields)
        contact = contact || !found->detail(field).empty();
      if (!contact) CHECK(found->status() == params::Status::a_verifier);
      CHECK(found->status() !=
            params::Status::verifie);  // nothing in it was confirmed by the structure itself
    }
    // The sample programme's lots are in the Orne, written as postal codes.
    const auto orne =
        params::directory_entry(rules, params::facilitator_directory, day("2027-03-01"), "61100");
    REQUIRE(orne.has_value());
    CHECK(orne->matched_key == "61");
    CHECK(orne->detail("site").starts_with("https://www.orne.fr/"));
    // Elsewhere, and before the directory was compiled, nothing is known.
    CHECK_FALSE(
        params::directory_entry(rules, params::facilitator_directory, day("2027-03-01"), "14").has_value());
    CHECK_FALSE(
        params::directory_entry(rules, params::facilitator_directory, day("2025-01-01"), "61").has_value());
    CHECK_FALSE(
        params::directory_entry(rules, params::facilitator_directory, day("2027-03-01"), "").has_value());
    CHECK_FALSE(params::directory_entry(rules, "seuils.ue.travaux", day("2027-03-01"), "61").has_value());
  }
}
