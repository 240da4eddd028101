#include "lua/rules_loader.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/paths.hpp"
#include "test_messages.hpp"
#include "test_paths.hpp"

namespace {

using clausier::testing::messages;

using namespace clausier;
using params::Lookup;
using params::LookupError;
using params::ParameterSet;
using params::Status;

Date day(std::string_view iso) {
  const std::optional<Date> d = Date::parse_iso(iso);
  REQUIRE(d);
  return *d;
}

// The errors of one rule file given as text; the file must be refused.
std::vector<std::string> errors_of(std::string_view source, const lua::Limits& limits = {}) {
  DiagnosticList diags;
  const auto p = lua::load_rule_text(source, "test.parametre", "rules/test.lua", diags, limits);
  CHECK_FALSE(p.has_value());
  return messages(diags);
}

params::Parameter loaded(std::string_view source) {
  DiagnosticList diags;
  auto p = lua::load_rule_text(source, "test.parametre", "rules/test.lua", diags);
  INFO(messages(diags));
  REQUIRE(p.has_value());
  CHECK(diags.all().empty());
  return *p;
}

ParameterSet shipped_rules() {
  DiagnosticList diags;
  ParameterSet set = lua::load_rules(testing::source_path("rules"), diags);
  INFO(messages(diags));
  CHECK(diags.all().empty());
  return set;
}

Lookup found(const ParameterSet& set, std::string_view name, std::string_view date,
             std::optional<std::string_view> key = {}) {
  auto r = set.lookup(name, day(date), key);
  INFO(name, " ", date, " ", key.value_or(""));
  REQUIRE(std::holds_alternative<Lookup>(r));
  return std::get<Lookup>(r);
}

LookupError failure(const ParameterSet& set, std::string_view name, std::string_view date,
                    std::optional<std::string_view> key = {}) {
  auto r = set.lookup(name, day(date), key);
  INFO(name, " ", date, " ", key.value_or(""));
  REQUIRE(std::holds_alternative<LookupError>(r));
  return std::get<LookupError>(r);
}

double number(const ParameterSet& set, std::string_view name, std::string_view date,
              std::optional<std::string_view> key = {}) {
  const Lookup l = found(set, name, date, key);
  REQUIRE(l.leaf != nullptr);
  REQUIRE(std::holds_alternative<double>(l.leaf->value));
  return std::get<double>(l.leaf->value);
}

bool flag(const ParameterSet& set, std::string_view name, std::string_view date) {
  const Lookup l = found(set, name, date);
  REQUIRE(l.leaf != nullptr);
  REQUIRE(std::holds_alternative<bool>(l.leaf->value));
  return std::get<bool>(l.leaf->value);
}

// How a fixture file is named in messages (relative to the working directory).
std::string shown(const std::string& fixture) {
  return display_path(testing::test_path("fixtures/rules/" + fixture));
}

}  // namespace

TEST_SUITE("rules_loader") {
  // --- The shipped rules ---------------------------------------------------

  TEST_CASE("the shipped rules load without any diagnostic") {
    const ParameterSet set = shipped_rules();
    // Every clause type adds its own parameters; these are the ones the
    // insertion clause has relied on since the start.
    for (const char* name :
         {"heures.arrondi", "heures.cout_horaire", "heures.taux_insertion", "main_oeuvre.part",
          "obligation_sociale.date_incertaine", "obligation_sociale.en_vigueur", "politique.heures_minimum",
          "politique.montant_minimum", "politique.part_main_oeuvre_recommandee", "services_sociaux.cpv",
          "seuils.ue.fournitures_services", "seuils.ue.services_sociaux", "seuils.ue.travaux"}) {
      CAPTURE(name);
      CHECK(set.find(name) != nullptr);
    }
    CHECK(set.find("tests.insertion") == nullptr);  // rules/tests/ holds cases, not parameters
    const params::Parameter* travaux = set.find("seuils.ue.travaux");
    REQUIRE(travaux != nullptr);
    CHECK(travaux->unit == "EUR");
    CHECK(travaux->kind == params::Kind::number);
    CHECK(travaux->file == display_path(testing::source_path("rules/seuils/ue/travaux.lua")));
    CHECK(travaux->values[1].path == "values[2]");
  }

  TEST_CASE("every shipped value has a reference and a status — practitioner figures say so") {
    const ParameterSet set = shipped_rules();
    for (const auto& [name, p] : set.all()) {
      CAPTURE(name);
      CHECK_FALSE(p.description.empty());
      for (const params::DatedValue& v : p.values) {
        CAPTURE(v.path);
        CHECK_FALSE((v.reference.empty() && p.reference.empty()));
        for (const auto& [key, leaf] : v.entries) {
          CAPTURE(key);
          if (leaf.status == Status::hypothese) CHECK(leaf.note.find("calibrer") != std::string::npos);
        }
      }
    }
  }

  TEST_CASE("EU thresholds change every two years, from 2016 on") {
    const ParameterSet set = shipped_rules();
    CHECK(failure(set, "seuils.ue.travaux", "2016-03-31") == LookupError::not_in_force);
    CHECK(number(set, "seuils.ue.travaux", "2016-04-01") == 5'225'000);
    CHECK(number(set, "seuils.ue.travaux", "2019-12-31") == 5'548'000);
    CHECK(found(set, "seuils.ue.travaux", "2019-12-31").status() == Status::a_verifier);
    CHECK(number(set, "seuils.ue.travaux", "2020-01-01") == 5'350'000);
    CHECK(number(set, "seuils.ue.travaux", "2023-12-31") == 5'382'000);
    CHECK(found(set, "seuils.ue.travaux", "2023-12-31").status() == Status::partiel);
    CHECK(number(set, "seuils.ue.travaux", "2024-01-01") == 5'538'000);
    CHECK(number(set, "seuils.ue.travaux", "2025-12-31") == 5'538'000);
    CHECK(number(set, "seuils.ue.travaux", "2026-01-01") == 5'404'000);
    CHECK(found(set, "seuils.ue.travaux", "2026-01-01").status() == Status::verifie);
    CHECK(found(set, "seuils.ue.travaux", "2026-01-01").reference().find("2025/2150") !=
          std::string_view::npos);

    const std::string_view fs = "seuils.ue.fournitures_services";
    CHECK(number(set, fs, "2025-12-31", "etat") == 143'000);
    CHECK(number(set, fs, "2026-01-01", "etat") == 140'000);
    CHECK(number(set, fs, "2025-12-31", "collectivite") == 221'000);
    CHECK(number(set, fs, "2026-01-01", "collectivite") == 216'000);
    CHECK(number(set, fs, "2025-12-31", "entite-adjudicatrice") == 443'000);
    CHECK(number(set, fs, "2026-01-01", "entite-adjudicatrice") == 432'000);
    // "defense" is a buyer (a central authority); a defence or security
    // contract has its own thresholds.
    CHECK(number(set, fs, "2025-12-31", "defense") == 143'000);
    CHECK(number(set, fs, "2026-01-01", "defense") == 140'000);
    CHECK(number(set, "seuils.ue.defense_securite", "2025-12-31", "services") == 443'000);
    CHECK(number(set, "seuils.ue.defense_securite", "2026-01-01", "fournitures") == 432'000);
    CHECK(number(set, "seuils.ue.defense_securite", "2026-01-01", "travaux") == 5'404'000);
    CHECK(set.find(fs)->key == "type_acheteur");

    const std::string_view ss = "seuils.ue.services_sociaux";
    CHECK(number(set, ss, "2025-12-31", "collectivite") == 750'000);
    CHECK(number(set, ss, "2025-12-31", "entite-adjudicatrice") == 1'000'000);
    CHECK(found(set, ss, "2025-12-31", "etat").status() == Status::verifie);
    CHECK(number(set, ss, "2025-12-31", "defense") == 750'000);
    CHECK(found(set, ss, "2025-12-31", "defense").status() == Status::partiel);
    const Lookup ss2026 = found(set, ss, "2026-01-01", "etat");
    CHECK(std::get<double>(ss2026.leaf->value) == 750'000);
    CHECK(ss2026.status() == Status::a_verifier);
    CHECK_FALSE(ss2026.dated->note.empty());
  }

  TEST_CASE("the social obligation starts on 21 August 2026 — 21-22 August are flagged") {
    const ParameterSet set = shipped_rules();
    CHECK_FALSE(flag(set, "obligation_sociale.en_vigueur", "2019-04-01"));
    CHECK_FALSE(flag(set, "obligation_sociale.en_vigueur", "2026-08-20"));
    CHECK(flag(set, "obligation_sociale.en_vigueur", "2026-08-21"));
    const Lookup in_force = found(set, "obligation_sociale.en_vigueur", "2026-08-21");
    CHECK(in_force.status() == Status::partiel);
    CHECK(in_force.reference().find("loi n° 2021-1104") != std::string_view::npos);
    CHECK(in_force.reference().find("décret n° 2022-767") != std::string_view::npos);
    CHECK(in_force.reference().find("art. 9") == std::string_view::npos);
    CHECK(in_force.dated->note.find("22 août 2026") != std::string::npos);

    CHECK_FALSE(flag(set, "obligation_sociale.date_incertaine", "2026-08-20"));
    CHECK(flag(set, "obligation_sociale.date_incertaine", "2026-08-21"));
    CHECK(flag(set, "obligation_sociale.date_incertaine", "2026-08-22"));
    CHECK_FALSE(flag(set, "obligation_sociale.date_incertaine", "2026-08-23"));
    CHECK(found(set, "obligation_sociale.date_incertaine", "2026-08-22").status() == Status::partiel);
  }

  TEST_CASE("minimum amounts follow the dispense thresholds: supplies and services rise on 1 April 2026") {
    const ParameterSet set = shipped_rules();
    const std::string_view mm = "politique.montant_minimum";
    CHECK(set.find(mm)->key == "nature");
    CHECK(number(set, mm, "2026-03-31", "fournitures") == 40'000);
    CHECK(number(set, mm, "2026-04-01", "fournitures") == 60'000);
    CHECK(number(set, mm, "2026-03-31", "services") == 40'000);
    CHECK(number(set, mm, "2026-04-01", "services") == 60'000);
    CHECK(number(set, mm, "2026-03-31", "travaux") == 100'000);
    CHECK(number(set, mm, "2026-04-01", "travaux") == 100'000);
    CHECK(found(set, mm, "2026-04-01", "travaux").status() == Status::hypothese);
    CHECK(failure(set, mm, "2026-04-01", "autre") == LookupError::key_not_found);

    CHECK(number(set, "politique.heures_minimum", "2026-01-01") == 150);
    CHECK(found(set, "politique.heures_minimum", "2026-01-01").status() == Status::partiel);
    CHECK(number(set, "politique.part_main_oeuvre_recommandee", "2026-01-01") == 0.5);
  }

  TEST_CASE("labour share: the longest CPV prefix wins, unknown families stay unknown") {
    const ParameterSet set = shipped_rules();
    const std::string_view part = "main_oeuvre.part";
    CHECK(number(set, part, "2026-01-01", "45442100") == 0.70);
    CHECK(found(set, part, "2026-01-01", "45442100").matched_key == "45442");
    CHECK(found(set, part, "2026-01-01", "45442100").status() == Status::verifie);
    CHECK(number(set, part, "2026-01-01", "45223220") == 0.40);  // gros œuvre
    CHECK(found(set, part, "2026-01-01", "45223220").matched_key == "4522322");
    CHECK(found(set, part, "2026-01-01", "45223220").status() == Status::hypothese);
    CHECK(number(set, part, "2026-01-01", "45214200") == 0.50);  // a whole building: the average
    CHECK(found(set, part, "2026-01-01", "45214200").matched_key == "45");
    CHECK(number(set, part, "2026-01-01", "45000000") == 0.50);
    CHECK(found(set, part, "2026-01-01", "45000000").matched_key == "45");
    CHECK(number(set, part, "2026-01-01", "90919200") == 0.80);
    CHECK(number(set, part, "2026-01-01", "45262500") == 0.50);  // maçonnerie
    CHECK(number(set, part, "2026-01-01", "45262410") == 0.20);  // charpente métallique
    CHECK(number(set, part, "2026-01-01", "45223100") == 0.20);  // structures métalliques
    CHECK(number(set, part, "2026-01-01", "45223500") == 0.50);  // béton armé: building average
    CHECK(failure(set, part, "2026-01-01", "30213000") == LookupError::key_not_found);
  }

  TEST_CASE("hourly cost: 30 €/h by default, 20 €/h for cleaning") {
    const ParameterSet set = shipped_rules();
    CHECK(number(set, "heures.cout_horaire", "2026-01-01", "90919200") == 20);
    CHECK(number(set, "heures.cout_horaire", "2026-01-01", "45000000") == 30);
    CHECK(found(set, "heures.cout_horaire", "2026-01-01", "45000000").status() == Status::verifie);
    CHECK(number(set, "heures.cout_horaire", "2026-01-01", "72000000") == 30);
    CHECK(found(set, "heures.cout_horaire", "2026-01-01", "72000000").matched_key == "");
    CHECK(found(set, "heures.cout_horaire", "2026-01-01", "72000000").status() == Status::partiel);
  }

  TEST_CASE("social-services CPV lists: the long one (annex XIV) and the ESS one (article 77)") {
    const ParameterSet set = shipped_rules();
    CHECK(found(set, "services_sociaux.cpv", "2026-01-01", "55524000").member);  // school catering
    CHECK(found(set, "services_sociaux.cpv", "2026-01-01", "79611000").member);  // job search
    CHECK(found(set, "services_sociaux.cpv", "2026-01-01", "80100000").member);  // education
    CHECK_FALSE(found(set, "services_sociaux.cpv", "2026-01-01", "90910000").member);
    CHECK_FALSE(found(set, "reserve.ess.cpv", "2026-01-01", "55524000").member);
    CHECK_FALSE(found(set, "reserve.ess.cpv", "2026-01-01", "79611000").member);
    CHECK_FALSE(found(set, "reserve.ess.cpv", "2026-01-01", "80100000").member);
    CHECK(found(set, "reserve.ess.cpv", "2026-01-01", "80110000").member);
    const Lookup health = found(set, "reserve.ess.cpv", "2026-01-01", "85311000");
    CHECK(health.member);
    CHECK(health.matched_key == "85");
    CHECK(health.status() == Status::partiel);
    CHECK(found(set, "reserve.ess.cpv", "2026-01-01", "98133110").member);
    CHECK_FALSE(found(set, "reserve.ess.cpv", "2026-01-01", "45000000").member);
  }

  TEST_CASE("the published example: 1 000 000 € of building works give 833 hours") {
    const ParameterSet set = shipped_rules();
    const double hours = 1'000'000 * number(set, "main_oeuvre.part", "2026-01-01", "45000000") *
                         number(set, "heures.taux_insertion", "2026-01-01") /
                         number(set, "heures.cout_horaire", "2026-01-01", "45000000");
    CHECK(hours == doctest::Approx(833.333).epsilon(1e-4));
    const Lookup rounding = found(set, "heures.arrondi", "2026-01-01");
    CHECK(std::get<std::string>(rounding.leaf->value) == "inferieur");
    CHECK(std::floor(hours) == 833);
  }

  // --- Broken trees ----------------------------------------------------------

  TEST_CASE("every problem of every file is reported at once, and valid files still load") {
    DiagnosticList diags;
    const ParameterSet set = lua::load_rules(testing::test_path("fixtures/rules/broken"), diags);
    const auto f = [](const char* name) { return shown(std::string("broken/") + name); };
    const std::vector<std::string> expected = {
        f("Majuscule.lua") +
            " : erreur : nom invalide « Majuscule.lua » : les noms de dossiers et de fichiers de règles "
            "forment le nom du paramètre, n'y mettez que des minuscules sans accent, des chiffres et _",
        f("bad_date.lua") + ": values[2].from : erreur : date invalide « 2026-13-01 » : écrivez AAAA-MM-JJ",
        f("dates_not_ascending.lua") +
            ": values[2].from : erreur : la date « 2024-01-01 » doit suivre celle de values[1] (« "
            "2026-01-01 ») : classez les valeurs par date croissante, sans doublon",
        f("endless_loop.lua") +
            ":3 : erreur : budget d'instructions dépassé : le script ne se termine pas (boucle sans fin ?)",
        f("function_in_data.lua") +
            ":8 : erreur : fonction interdite : un fichier de règles ne contient que des données (tables, "
            "nombres, textes, booléens) ; écrivez la valeur elle-même",
        f("index.lua") +
            ": descripton : erreur : champ inconnu « descripton » : vouliez-vous écrire « description » ?",
        f("index.lua") +
            " : erreur : champ « description » manquant : écrivez description = \"…\" (ce que contient ce "
            "dossier)",
        f("missing_reference.lua") +
            ": values[2] : erreur : référence manquante : ajoutez reference = \"…\" (article, décret, avis "
            "au JO, source) à cette valeur, ou au paramètre pour toutes ses valeurs",
        f("ratio_too_high.lua") +
            ": values[1].value : erreur : ratio 1.5 hors de l'intervalle 0 à 1 : écrivez une fraction, par "
            "exemple 0.05 pour 5 %",
        f("syntax_error.lua") +
            ":4 : erreur : syntaxe Lua incorrecte ('}' attendu (pour fermer '{' de la ligne 2) près de "
            "'unit') : vérifiez les accolades, les virgules entre les champs et les guillemets",
        f("unknown_field.lua") +
            ": referense : erreur : champ inconnu « referense » : vouliez-vous écrire « reference » ?",
        f("wrong_unit.lua") +
            ": unit : erreur : l'unité « EUR » ne convient pas à kind = \"boolean\" : écrivez unit = "
            "\"booleen\"",
    };
    CHECK(messages(diags) == expected);
    std::vector<std::string> names;
    for (const auto& [name, p] : set.all()) names.push_back(name);
    CHECK(names == std::vector<std::string>{"sous_dossier.valide", "valide"});
    CHECK(number(set, "valide", "2025-12-31") == 100);
    CHECK(number(set, "valide", "2026-01-01") == 200);
    CHECK(found(set, "valide", "2026-01-01").dated->note == "Note de test");
    CHECK(found(set, "sous_dossier.valide", "2026-01-01").status() == Status::hypothese);
  }

  TEST_CASE("messages follow French typography and carry their location apart") {
    DiagnosticList diags;
    (void)lua::load_rules(testing::test_path("fixtures/rules/broken"), diags);
    REQUIRE(diags.all().size() >= 2);
    const Diagnostic& d = diags.all()[1];
    CHECK(d.severity == Severity::error);
    CHECK(d.location.file == shown("broken/bad_date.lua"));
    CHECK(d.location.path == "values[2].from");
    CHECK(d.message == "date invalide «\u00A02026-13-01\u00A0»\u00A0: écrivez AAAA-MM-JJ");
  }

  TEST_CASE("a rules folder that does not exist, or is a file, is an error") {
    DiagnosticList diags;
    CHECK(lua::load_rules(testing::test_path("fixtures/rules/absent"), diags).empty());
    CHECK(messages(diags) == std::vector<std::string>{
                                 shown("absent") + " : erreur : dossier de règles introuvable : vérifiez le "
                                                   "chemin donné (option --rules)"});
    diags.clear();
    CHECK(lua::load_rules(testing::test_path("fixtures/rules/broken/valide.lua"), diags).empty());
    CHECK(messages(diags) ==
          std::vector<std::string>{shown("broken/valide.lua") +
                                   " : erreur : ce chemin n'est pas un dossier : donnez le dossier des "
                                   "règles (option --rules)"});
  }

  TEST_CASE("an empty rules folder is a warning") {
    const std::filesystem::path empty = testing::scratch_path("rules_empty");
    std::filesystem::create_directories(empty);
    DiagnosticList diags;
    CHECK(lua::load_rules(empty, diags).empty());
    CHECK(messages(diags) ==
          std::vector<std::string>{display_path(empty) +
                                   " : avertissement : aucun fichier de règles (*.lua) dans ce dossier"});
  }

  // --- One file: the format ----------------------------------------------------

  TEST_CASE("unknown unit, kind and status: the right word is suggested or listed") {
    CHECK(errors_of(R"(return { description = "d", unit = "heure", kind = "numbr", reference = "r",
        values = { { from = "2024-01-01", value = 1, status = "verified" } } })") ==
          std::vector<std::string>{
              "rules/test.lua: unit : erreur : unité inconnue « heure » : vouliez-vous écrire « heures » ?",
              "rules/test.lua: kind : erreur : sorte de paramètre inconnue « numbr » : vouliez-vous écrire "
              "« number » ?",
              "rules/test.lua: values[1].status : erreur : statut inconnu « verified » : vouliez-vous "
              "écrire « verifie » ?",
          });
    CHECK(errors_of(R"(return { description = "d", unit = "euros", kind = "liste", reference = "r",
        values = { { from = "2024-01-01", value = 1, status = "sur" } } })") ==
          std::vector<std::string>{
              "rules/test.lua: unit : erreur : unité inconnue « euros » : écrivez « EUR », « EUR/h », "
              "« ratio », « heures », « mois », « jours », « nombre », « date », « booleen », « texte » ou "
              "« code »",
              "rules/test.lua: kind : erreur : sorte de paramètre inconnue « liste » : écrivez « number », "
              "« boolean », « text », « date », « map », « cpv_table », « cpv_list » ou « directory »",
              "rules/test.lua: values[1].status : erreur : statut inconnu « sur » : écrivez « verifie », "
              "« partiel », « a-verifier » ou « hypothese »",
          });
  }

  TEST_CASE("required fields") {
    CHECK(errors_of("return {}") == std::vector<std::string>{
                                        "rules/test.lua : erreur : champ « description » manquant : écrivez "
                                        "description = \"…\" (ce que le paramètre représente)",
                                        "rules/test.lua : erreur : champ « unit » manquant : écrivez unit = "
                                        "\"EUR\", \"ratio\"…, selon la valeur",
                                        "rules/test.lua : erreur : champ « kind » manquant : écrivez kind = "
                                        "\"number\", \"map\"…, selon la forme des valeurs",
                                        "rules/test.lua : erreur : champ « values » manquant : écrivez "
                                        "values = { { from = \"AAAA-MM-JJ\", value = …, status = \"…\", "
                                        "reference = \"…\" } }",
                                    });
    CHECK(
        errors_of(R"(return { description = "", unit = "EUR", kind = "number", reference = "r",
        values = { { value = 1 }, { from = "2025-01-01", status = "verifie" } } })") ==
        std::vector<std::string>{
            "rules/test.lua: description : erreur : texte vide : écrivez le texte, ou retirez le champ s'il "
            "est facultatif",
            "rules/test.lua: values[1] : erreur : champ « from » manquant : écrivez from = \"AAAA-MM-JJ\", "
            "la date d'entrée en vigueur",
            "rules/test.lua: values[1] : erreur : champ « status » manquant : écrivez status = \"verifie\", "
            "\"partiel\", \"a-verifier\" ou \"hypothese\"",
            "rules/test.lua: values[2] : erreur : champ « value » manquant : écrivez la valeur en vigueur à "
            "partir de cette date (ou repealed = true pour y mettre fin)",
        });
    CHECK(
        errors_of(
            R"(return { description = "d", unit = "EUR", kind = "number", reference = "r", values = {} })") ==
        std::vector<std::string>{
            "rules/test.lua: values : erreur : liste vide : indiquez au moins une valeur datée"});
  }

  TEST_CASE("values must have the type of the kind and unit") {
    CHECK(
        errors_of(R"(return { description = "d", unit = "EUR", kind = "number", reference = "r", values = {
        { from = "2024-01-01", value = "5404000", status = "verifie" },
        { from = "2025-01-01", value = -1, status = "verifie" },
        { from = 2026, value = 1, status = "verifie" } } })") ==
        std::vector<std::string>{
            "rules/test.lua: values[1].value : erreur : nombre attendu, trouvé un texte (« 5404000 ») : "
            "écrivez le nombre sans guillemets, avec un point décimal (0.05)",
            "rules/test.lua: values[2].value : erreur : nombre négatif (-1) : les montants, taux, heures et "
            "durées sont positifs ou nuls",
            "rules/test.lua: values[3].from : erreur : date entre guillemets attendue, au format AAAA-MM-JJ "
            "(\"2026-01-01\"), trouvé un nombre (2026)",
        });
    CHECK(errors_of(
              R"(return { description = "d", unit = "booleen", kind = "boolean", reference = "r", values = {
        { from = "2024-01-01", value = "oui", status = "verifie" } } })") ==
          std::vector<std::string>{
              "rules/test.lua: values[1].value : erreur : booléen attendu (true ou false, sans "
              "guillemets), trouvé un texte (« oui »)"});
    CHECK(
        errors_of(R"(return { description = "d", unit = "date", kind = "date", reference = "r", values = {
        { from = "2024-01-01", value = "21/08/2026", status = "verifie" } } })") ==
        std::vector<std::string>{
            "rules/test.lua: values[1].value : erreur : date invalide « 21/08/2026 » : écrivez AAAA-MM-JJ"});
    const params::Parameter date = loaded(R"(return { description = "d", unit = "date", kind = "date",
        reference = "r", values = { { from = "2024-01-01", value = "2026-08-21", status = "verifie" } } })");
    CHECK(std::get<Date>(date.values[0].scalar.value) == day("2026-08-21"));
  }

  TEST_CASE("labels: what a person reads for the words of a closed list") {
    const params::Parameter p = loaded(R"(return { description = "d", unit = "texte", kind = "text",
        labels = { inferieur = "à l'heure inférieure", superieur = "à l'heure supérieure" },
        values = { { from = "2024-01-01", value = "inferieur", status = "hypothese", reference = "r" } } })");
    CHECK(p.label_of("inferieur") == "à l'heure inférieure");
    CHECK(p.label_of("plus_proche") == "plus_proche");
    const std::vector<std::string> errors =
        errors_of(R"(return { description = "d", unit = "texte", kind = "text",
        labels = { inferieur = 3 },
        values = { { from = "2024-01-01", value = "inferieur", status = "hypothese", reference = "r" } } })");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("labels") != std::string::npos);
    CHECK(errors[0].find("mot = \"libellé en français\"") != std::string::npos);
  }

  TEST_CASE("maps: string keys, entries sorted, per-entry status, reference and note") {
    const params::Parameter p = loaded(R"(return {
      description = "d", unit = "EUR", kind = "map", key = "nature", reference = "r",
      values = { { from = "2024-01-01", status = "verifie", value = {
        travaux = 100000,
        fournitures = { 40000, status = "hypothese", reference = "ref f", note = "note f" },
        ["autre-nature"] = 1 } } } })");
    CHECK(p.key == "nature");
    const auto& e = p.values[0].entries;
    REQUIRE(e.size() == 3);
    CHECK(e[0].first == "autre-nature");
    CHECK(e[1].first == "fournitures");
    CHECK(e[1].second.status == Status::hypothese);
    CHECK(e[1].second.reference == "ref f");
    CHECK(e[1].second.note == "note f");
    CHECK(std::get<double>(e[1].second.value) == 40000);
    CHECK(e[2].first == "travaux");
    CHECK_FALSE(e[2].second.status.has_value());

    CHECK(
        errors_of(R"(return { description = "d", unit = "EUR", kind = "map", reference = "r", values = {
        { from = "2024-01-01", status = "verifie", value = { 1, etat = { status = "verifie", statut = "x" } } },
        { from = "2025-01-01", status = "verifie", value = {} } } })") ==
        std::vector<std::string>{
            "rules/test.lua : erreur : champ « key » manquant : pour kind = \"map\", dites ce que sont les "
            "clés, par exemple key = \"type_acheteur\"",
            "rules/test.lua: values[1].value[1] : erreur : clé numérique : les clés d'une table sont des "
            "noms, écrivez nom = valeur",
            "rules/test.lua: values[1].value.etat.statut : erreur : champ inconnu « statut » : vouliez-vous "
            "écrire « status » ?",
            "rules/test.lua: values[1].value.etat : erreur : valeur manquante : écrivez { valeur, status = "
            "\"…\", reference = \"…\" }, la valeur en premier",
            "rules/test.lua: values[2].value : erreur : table vide : indiquez au moins une entrée",
        });
    CHECK(errors_of(R"(return { description = "d", unit = "EUR", kind = "number", key = "nature",
        reference = "r", values = { { from = "2024-01-01", status = "verifie", value = 1 } } })") ==
          std::vector<std::string>{"rules/test.lua: key : erreur : key ne sert qu'aux tables par clé (kind = "
                                   "\"map\") : retirez ce champ"});
  }

  TEST_CASE("CPV tables: keys are digit strings of 0 to 8 characters") {
    const params::Parameter p = loaded(R"(return {
      description = "d", unit = "ratio", kind = "cpv_table", reference = "r",
      values = { { from = "2024-01-01", status = "partiel", value = {
        ["45"] = 0.5, ["45442"] = { 0.7, status = "verifie" }, [""] = 0.3 } } } })");
    const auto& e = p.values[0].entries;
    REQUIRE(e.size() == 3);
    CHECK(e[0].first == "");
    CHECK(e[1].first == "45");
    CHECK(e[2].first == "45442");

    CHECK(
        errors_of(R"(return { description = "d", unit = "ratio", kind = "cpv_table", reference = "r",
        values = { { from = "2024-01-01", status = "verifie", value = {
          [45] = 0.5, ["45-A"] = 0.5, ["452100001"] = 0.5, ["909"] = 80 } } } })") ==
        std::vector<std::string>{
            "rules/test.lua: values[1].value[45] : erreur : clé CPV écrite comme un nombre : écrivez-la "
            "entre guillemets, [\"45\"] = valeur",
            "rules/test.lua: values[1].value[\"45-A\"] : erreur : clé CPV invalide « 45-A » : écrivez un "
            "préfixe de code CPV de 0 à 8 chiffres, sans tiret ni chiffre de contrôle (\"\" pour la valeur "
            "par défaut)",
            "rules/test.lua: values[1].value[\"452100001\"] : erreur : clé CPV invalide « 452100001 » : "
            "écrivez un préfixe de code CPV de 0 à 8 chiffres, sans tiret ni chiffre de contrôle (\"\" pour "
            "la valeur par défaut)",
            "rules/test.lua: values[1].value[\"909\"] : erreur : ratio 80 hors de l'intervalle 0 à 1 : "
            "écrivez une fraction, par exemple 0.05 pour 5 %",
        });
  }

  TEST_CASE("CPV lists: prefixes of 2 to 8 digits, no duplicate, sorted") {
    const params::Parameter p = loaded(R"(return {
      description = "d", unit = "code", kind = "cpv_list", reference = "r",
      values = { { from = "2024-01-01", status = "verifie", value = { "926", "85", "75121" } } } })");
    CHECK(p.values[0].codes == std::vector<std::string>{"75121", "85", "926"});

    CHECK(
        errors_of(R"(return { description = "d", unit = "code", kind = "cpv_list", reference = "r",
        values = { { from = "2024-01-01", status = "verifie",
                     value = { 85, "8", "85", "85", "8531000A", extra = "x" } } } })") ==
        std::vector<std::string>{
            "rules/test.lua: values[1].value.extra : erreur : champ « extra » inattendu dans une liste : "
            "une liste s'écrit { élément, élément, … }",
            "rules/test.lua: values[1].value[1] : erreur : code CPV écrit comme un nombre (85) : écrivez-le "
            "entre guillemets, \"85\"",
            "rules/test.lua: values[1].value[2] : erreur : code CPV invalide « 8 » : écrivez un préfixe de "
            "2 à 8 chiffres, sans tiret ni chiffre de contrôle",
            "rules/test.lua: values[1].value[4] : erreur : code « 85 » en double (déjà en "
            "values[1].value[3]) : retirez l'un des deux",
            "rules/test.lua: values[1].value[5] : erreur : code CPV invalide « 8531000A » : écrivez un "
            "préfixe de 2 à 8 chiffres, sans tiret ni chiffre de contrôle",
        });
    CHECK(errors_of(R"(return { description = "d", unit = "EUR", kind = "cpv_list", reference = "r",
        values = { { from = "2024-01-01", status = "verifie", value = { "85" } } } })") ==
          std::vector<std::string>{"rules/test.lua: unit : erreur : l'unité « EUR » ne convient pas à kind = "
                                   "\"cpv_list\" : écrivez unit = \"code\""});
  }

  TEST_CASE("a repeal ends validity and carries no value") {
    const params::Parameter p = loaded(R"(return {
      description = "d", unit = "EUR", kind = "number", reference = "r",
      values = { { from = "2024-01-01", value = 1, status = "verifie" },
                 { from = "2025-01-01", repealed = true, status = "verifie" },
                 { from = "2026-01-01", value = 2, status = "verifie" } } })");
    CHECK(p.at(day("2024-12-31")) != nullptr);
    CHECK(p.at(day("2025-01-01")) == nullptr);
    CHECK(p.at(day("2025-12-31")) == nullptr);
    REQUIRE(p.at(day("2026-01-01")) != nullptr);
    CHECK(std::get<double>(p.at(day("2026-01-01"))->scalar.value) == 2);

    CHECK(
        errors_of(R"(return { description = "d", unit = "EUR", kind = "number", reference = "r",
        values = { { from = "2024-01-01", repealed = true, status = "verifie" },
                   { from = "2025-01-01", repealed = true, value = 1, status = "verifie" },
                   { from = "2026-01-01", repealed = false, value = 1, status = "verifie" } } })") ==
        std::vector<std::string>{
            "rules/test.lua: values[1].repealed : erreur : la première valeur ne peut pas être une "
            "abrogation : commencez par la valeur en vigueur",
            "rules/test.lua: values[1] : erreur : champ « value » manquant : écrivez la valeur en vigueur à "
            "partir de cette date (ou repealed = true pour y mettre fin)",
            "rules/test.lua: values[2].value : erreur : une abrogation (repealed = true) n'a pas de valeur "
            ": retirez value ou repealed",
            "rules/test.lua: values[3].repealed : erreur : écrivez repealed = true pour mettre fin à la "
            "validité, ou retirez ce champ",
        });
  }

  TEST_CASE("a reference on the parameter covers every value") {
    const params::Parameter p = loaded(R"(return { description = "d", unit = "EUR", kind = "number",
        reference = "Texte général", values = { { from = "2024-01-01", value = 1, status = "verifie" } } })");
    CHECK(p.reference == "Texte général");
    CHECK(p.values[0].reference.empty());
  }

  // --- One file: the sandbox -----------------------------------------------------

  TEST_CASE("a rule file has no library, no global and no function") {
    CHECK(errors_of(R"(print("x")
return {})") ==
          std::vector<std::string>{"rules/test.lua:1 : erreur : « print » n'existe pas ici : un fichier de "
                                   "règles ne contient que des données, sans appel de fonction ni "
                                   "variable globale"});
    CHECK(errors_of(R"(return { description = os.date() })") ==
          std::vector<std::string>{
              "rules/test.lua:1 : erreur : « os » n'existe pas ici : un fichier de règles ne contient que "
              "des données, sans appel de fonction ni variable globale"});
    CHECK(errors_of(R"(return { description = ("x"):rep(3) })") ==
          std::vector<std::string>{
              "rules/test.lua:1 : erreur : impossible d'indexer une valeur string (constante « x ») : un "
              "fichier de règles ne contient que des données"});
    CHECK(errors_of("local f = function() end\n\nreturn { f = f,\n  g = function() end }") ==
          std::vector<std::string>{
              "rules/test.lua:1 : erreur : fonction interdite : un fichier de règles ne contient que des "
              "données (tables, nombres, textes, booléens) ; écrivez la valeur elle-même",
              "rules/test.lua:4 : erreur : fonction interdite : un fichier de règles ne contient que des "
              "données (tables, nombres, textes, booléens) ; écrivez la valeur elle-même",
          });
  }

  TEST_CASE("a key written twice in one table is an error (Lua would keep the last one)") {
    CHECK(errors_of(R"(return {
  description = "d", unit = "ratio", kind = "cpv_table",
  reference = "r",
  values = { { from = "2024-01-01", status = "verifie", value = {
    ["45"] = 0.5,
    ["909"] = 0.8, etat = 1, ["etat"] = 2,
    ["45"] = 0.6,
  } }, { from = "2025-01-01", status = "verifie", value = { ["45"] = 0.5 } } },
  reference = "r2",
})") == std::vector<std::string>{
            "rules/test.lua:6 : erreur : clé « etat » écrite deux fois dans la même table (déjà ligne 6) : "
            "seule la dernière compterait ; retirez ou corrigez l'une des deux",
            "rules/test.lua:7 : erreur : clé « 45 » écrite deux fois dans la même table (déjà ligne 5) : "
            "seule la dernière compterait ; retirez ou corrigez l'une des deux",
            "rules/test.lua:9 : erreur : clé « reference » écrite deux fois dans la même table (déjà ligne "
            "3) : seule la dernière compterait ; retirez ou corrigez l'une des deux",
        });
  }

  TEST_CASE("the word function in strings and comments is plain text") {
    const params::Parameter p = loaded(R"(-- function in a comment
--[==[ a long comment
  with function inside ]==]
return { description = "function", unit = "texte", kind = "text", reference = [[function
  ]], values = { { from = "2024-01-01", value = 'it\'s a "function"', status = "verifie",
                   note = "a" .. "function" } } })");
    CHECK(p.description == "function");
    CHECK(std::get<std::string>(p.values[0].scalar.value) == "it's a \"function\"");
    CHECK(p.values[0].note == "afunction");
  }

  TEST_CASE("what a rule file returns must be a table") {
    CHECK(errors_of("return 5") ==
          std::vector<std::string>{"rules/test.lua : erreur : le fichier doit renvoyer "
                                   "une table, il renvoie un nombre (5) : écrivez return { description = "
                                   "…, … }"});
    CHECK(errors_of("local x = 1") ==
          std::vector<std::string>{"rules/test.lua : erreur : le fichier doit "
                                   "renvoyer une table, il renvoie rien : écrivez return { description = "
                                   "…, … }"});
  }

  TEST_CASE("loops and memory bombs are stopped, self-references are cut") {
    lua::Limits small;
    small.load_instructions = 100'000;
    small.memory_bytes = std::size_t{1} << 20;
    CHECK(errors_of("while true do end", small) ==
          std::vector<std::string>{
              "rules/test.lua:1 : erreur : budget d'instructions dépassé : le script ne se termine pas "
              "(boucle sans fin ?)"});
    const std::vector<std::string> memory = errors_of("local s = 'x' while true do s = s .. s end", small);
    REQUIRE(memory.size() == 1);
    CHECK(memory[0].starts_with("rules/test.lua:1 : erreur : "));
    CHECK(memory[0].find("mémoire") != std::string::npos);

    const std::vector<std::string> deep = errors_of("local t = {} t.t = t return { description = t }");
    REQUIRE(deep.size() == 1);
    CHECK(deep[0] ==
          "rules/test.lua: description.t.t.t.t.t.t.t : erreur : tables imbriquées trop profondément (plus "
          "de 8 niveaux) : une règle n'a que quelques niveaux (paramètre, valeurs, table par clé)");
  }

  TEST_CASE("syntax errors name their line — bytecode is refused") {
    CHECK(
        errors_of("return { description = \"d\",\n  unit = \"EUR\"\n  kind = \"number\" }") ==
        std::vector<std::string>{
            "rules/test.lua:3 : erreur : syntaxe Lua incorrecte ('}' attendu (pour fermer '{' de la ligne "
            "1) près de 'kind') : vérifiez les accolades, les virgules entre les champs et les guillemets"});
    CHECK(errors_of("\x1bLua") ==
          std::vector<std::string>{"rules/test.lua : erreur : le code précompilé (bytecode) "
                                   "est refusé : fournissez le source Lua"});
  }
}
