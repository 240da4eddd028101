// plugins/insertion.lua against the test rules of test_rules.hpp.

#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "base/french.hpp"
#include "base/paths.hpp"
#include "lua/plugin.hpp"
#include "lua/test_rules.hpp"
#include "test_paths.hpp"

using namespace clausier;
using testing::day;

namespace {

// The national dispense thresholds (R2122-8), which test_rules.hpp does not have.
params::ParameterSet with_dispense(params::ParameterSet set) {
  using params::Kind;
  set.put(testing::parameter("seuils.dispense.travaux", Kind::number, "EUR",
                             {{"2023-01-01", 100'000.0, {}, {}, "Décret n° 2022-1683"},
                              {"2026-01-01", 100'000.0, {}, {}, "Décret n° 2025-1386"}}));
  set.put(testing::parameter("seuils.dispense.fournitures_services", Kind::number, "EUR",
                             {{"2020-01-01", 40'000.0, {}, {}, "CCP R2122-8"},
                              {"2026-04-01", 60'000.0, {}, {}, "Décret n° 2025-1386"}}));
  return set;
}

struct Insertion {
  // Loads plugins/insertion.lua alone: the other plugins read parameters the
  // test rules do not have.
  Insertion() {
    DiagnosticList diags;
    const std::string path = testing::source_path("plugins/insertion.lua");
    lua::PluginSource source{display_path(path), {}};
    REQUIRE(read_file(path, source.text));
    set = lua::PluginSet::load_sources({std::move(source)}, params, lua::Limits{}, diags);
    REQUIRE(set);
    for (const auto& d : diags.all()) FAIL_CHECK(format_diagnostic(d));
    for (auto& type : set->clause_types()) {
      if (type->info().id == "insertion") clause = std::move(type);
    }
    REQUIRE(clause);
  }

  // Evaluates `lot` alone in its consultation, unless `total_euros` says otherwise.
  ClauseResult evaluate(const Lot& lot, double total_euros = 0) {
    ConsultationTotals totals = testing::totals_of(lot);
    if (total_euros > 0) totals.montant_ht_cents = static_cast<std::int64_t>(total_euros * 100);
    ClauseResult r = clause->evaluate(lot, totals, lot.date_lancement);
    if (r.error) FAIL_CHECK(format_diagnostic(*r.error));
    return r;
  }

  params::ParameterSet params = with_dispense(testing::insertion_rules());
  std::unique_ptr<lua::PluginSet> set;
  std::unique_ptr<engine::ClauseType> clause;
};

Lot lot_of(Nature nature, const char* cpv, double euros, const char* launch = "2027-03-01",
           BuyerType buyer = BuyerType::collectivite) {
  Lot lot = testing::works_lot();
  lot.nature = nature;
  lot.cpv = cpv;
  lot.montant_ht_cents = static_cast<std::int64_t>(euros * 100);
  lot.date_lancement = day(launch);
  lot.type_acheteur = buyer;
  return lot;
}

double value(const ClauseResult& r, const std::string& name) {
  for (const auto& v : r.values) {
    if (v.name == name) return std::get<double>(v.value);
  }
  FAIL("no value " << name);
  return 0;
}

bool has_value(const ClauseResult& r, const std::string& name) {
  for (const auto& v : r.values) {
    if (v.name == name) return true;
  }
  return false;
}

const TraceEntry* traced(const ClauseResult& r, const std::string& parameter) {
  for (const auto& t : r.trace) {
    if (t.parameter == parameter) return &t;
  }
  return nullptr;
}

std::string typo(const std::string& s) { return fr::typography(s); }

const std::vector<std::string> basis = {"CCP L2112-2", "CCP L2112-2-1"};

}  // namespace

TEST_SUITE("lua.insertion_plugin") {
  TEST_CASE("the plugin declares itself") {
    Insertion p;
    const auto& info = p.clause->info();
    CHECK(info.title == "Clause d'insertion (condition d'exécution)");
    CHECK(info.api == 1);
    CHECK(info.source == display_path(testing::source_path("plugins/insertion.lua")));
    CHECK(info.basis == basis);
    CHECK(info.params.size() == 15);
    CHECK(info.units == std::vector<std::pair<std::string, std::string>>{{"cout_horaire", "EUR/h"},
                                                                         {"heures_brutes", "heures"},
                                                                         {"part_main_oeuvre", "ratio"},
                                                                         {"seuil", "EUR"},
                                                                         {"seuil_dispense", "EUR"},
                                                                         {"taux_insertion", "ratio"},
                                                                         {"total_consultation", "EUR"}});
  }

  TEST_CASE("the published example: 1 000 000 € of works, 50 % labour, 5 %, 30 €/h -> 833 hours") {
    Insertion p;
    const ClauseResult r = p.evaluate(lot_of(Nature::travaux, "45210000", 1'000'000));
    CHECK(r.verdict == Verdict::recommandee);
    CHECK(r.hours == 833);
    CHECK(r.basis == basis);
    CHECK(r.warnings.empty());
    CHECK(value(r, "part_main_oeuvre") == 0.5);
    CHECK(value(r, "taux_insertion") == 0.05);
    CHECK(value(r, "cout_horaire") == 30);
    CHECK(value(r, "heures_brutes") == doctest::Approx(833.3333));
    CHECK(value(r, "seuil") == 5'404'000);
    CHECK(value(r, "total_consultation") == 1'000'000);
    CHECK(
        r.reasons ==
        std::vector<std::string>{
            typo("Le montant total de la consultation (1\u202F000\u202F000\u00A0€) est inférieur au seuil "
                 "européen de 5\u202F404\u202F000\u00A0€ applicable aux travaux."),
            typo("L'obligation de l'article L2112-2-1 ne s'applique donc pas : la clause reste au choix de "
                 "l'acheteur (article L2112-2)."),
            typo(
                "La part de main-d'œuvre (50\u202F%) atteint le niveau de 50\u202F% à partir duquel la "
                "politique locale recommande la clause : volume proposé 833 heures "
                "(1\u202F000\u202F000\u00A0€ "
                "× 50\u202F% de main-d'œuvre × 5\u202F% d'insertion ÷ 30\u00A0€/h = 833,33 heures, arrondi à "
                "l'inférieur)."),
        });
  }

  TEST_CASE("the trace names each rule value used, its date and its reference") {
    Insertion p;
    const ClauseResult r = p.evaluate(lot_of(Nature::travaux, "45210000", 1'000'000));
    const TraceEntry* threshold = traced(r, "seuils.ue.travaux");
    REQUIRE(threshold);
    CHECK(threshold->value == "5\u202F404\u202F000\u00A0€");
    CHECK(threshold->from == "2026-01-01");
    CHECK(threshold->reference == "Avis seuils 2026-2027");
    CHECK(threshold->status == "verifie");
    CHECK(threshold->source == "rules/seuils/ue/travaux.lua");
    const TraceEntry* share = traced(r, "main_oeuvre.part");
    REQUIRE(share);
    CHECK(share->key == "45210000");
    CHECK(share->matched == "45");
    CHECK(share->value == "50\u202F%");
    CHECK(share->status == "hypothese");
    CHECK(traced(r, "heures.taux_insertion")->value == "5\u202F%");
    CHECK(traced(r, "heures.cout_horaire")->value == "30\u00A0€/h");
    CHECK(traced(r, "heures.arrondi")->value == "inferieur");
    // Below the threshold, whether the obligation is in force does not matter.
    CHECK(traced(r, "obligation_sociale.en_vigueur") == nullptr);
    std::set<std::string> declared(p.clause->info().params.begin(), p.clause->info().params.end());
    for (const auto& t : r.trace) CHECK(declared.count(t.parameter) == 1);
  }

  TEST_CASE("a consultation exactly at the works threshold is above it: mandatory") {
    Insertion p;
    const ClauseResult r = p.evaluate(lot_of(Nature::travaux, "45210000", 5'404'000));
    CHECK(r.verdict == Verdict::obligatoire);
    CHECK(r.hours == 4503);
    REQUIRE(r.reasons.size() == 4);
    CHECK(r.reasons[0] ==
          typo("Le montant total de la consultation (5\u202F404\u202F000\u00A0€) atteint le seuil "
               "européen de 5\u202F404\u202F000\u00A0€ applicable aux travaux."));
    CHECK(
        r.reasons[1] ==
        typo(
            "Depuis le 21 août 2026, l'article L2112-2-1 du code de la commande publique impose aux marchés "
            "dont la valeur estimée atteint les seuils européens des conditions d'exécution prenant en "
            "compte "
            "des considérations relatives au domaine social ou à l'emploi, notamment en faveur des personnes "
            "défavorisées."));
    CHECK(r.reasons[2] ==
          typo("L'acheteur ne peut y déroger que dans l'un des cas prévus par cet article : besoin satisfait "
               "par "
               "une solution immédiatement disponible (selon le texte en vigueur), absence de lien suffisant "
               "avec "
               "l'objet du marché, ou clause qui restreindrait la concurrence ou rendrait l'exécution "
               "techniquement ou économiquement difficile ; il doit alors consigner les motifs de sa "
               "décision."));
    CHECK(r.reasons[3].starts_with(typo("Volume d'insertion proposé : 4\u202F503 heures (")));
    CHECK(p.evaluate(lot_of(Nature::travaux, "45210000", 5'403'999.99)).verdict == Verdict::recommandee);
  }

  TEST_CASE("thresholds are tested on the whole consultation, hours on the lot") {
    Insertion p;
    const ClauseResult r = p.evaluate(lot_of(Nature::travaux, "45210000", 1'000'000), 6'000'000);
    CHECK(r.verdict == Verdict::obligatoire);
    CHECK(r.hours == 833);
    CHECK(value(r, "total_consultation") == 6'000'000);
  }

  TEST_CASE("the obligation starts on the date the rules give, with a warning while sources disagree") {
    Insertion p;
    const ClauseResult before = p.evaluate(lot_of(Nature::travaux, "45210000", 6'000'000, "2026-08-20"));
    CHECK(before.verdict == Verdict::recommandee);
    CHECK(
        before.reasons[1] ==
        typo("L'obligation de l'article L2112-2-1 du code de la commande publique n'est pas en vigueur au 20 "
             "août 2026 : la clause reste au choix de l'acheteur (article L2112-2)."));
    CHECK(before.warnings.empty());

    const ClauseResult first_day = p.evaluate(lot_of(Nature::travaux, "45210000", 6'000'000, "2026-08-21"));
    CHECK(first_day.verdict == Verdict::obligatoire);
    CHECK(first_day.warnings ==
          std::vector<std::string>{typo(
              "Les sources divergent sur la date d'entrée en vigueur de l'obligation de l'article L2112-2-1 "
              "(retenue ici : le 21 août 2026) : pour un lancement le 21 août 2026, vérifiez le texte "
              "applicable, "
              "ou prévoyez la clause par prudence.")});
    const ClauseResult second_day = p.evaluate(lot_of(Nature::travaux, "45210000", 6'000'000, "2026-08-22"));
    CHECK(second_day.verdict == Verdict::obligatoire);
    CHECK(second_day.warnings.size() == 1);
    CHECK(p.evaluate(lot_of(Nature::travaux, "45210000", 6'000'000, "2026-08-23")).warnings.empty());
    const TraceEntry* in_force = traced(first_day, "obligation_sociale.en_vigueur");
    REQUIRE(in_force);
    CHECK(in_force->from == "2026-08-21");
    CHECK(in_force->status == "partiel");
  }

  TEST_CASE("the thresholds in force on the date apply") {
    Insertion p;
    // 5 500 000 € is below the 2024 works threshold (5 538 000 €) and above the 2026 one (5 404 000 €).
    CHECK(p.evaluate(lot_of(Nature::travaux, "45210000", 5'500'000, "2026-09-01")).verdict ==
          Verdict::obligatoire);
    CHECK(value(p.evaluate(lot_of(Nature::travaux, "45210000", 5'500'000, "2025-09-01")), "seuil") ==
          5'538'000);
  }

  TEST_CASE("defence and security contracts: at most recommended (L2312-1-1)") {
    Insertion p;
    const ClauseResult r =
        p.evaluate(lot_of(Nature::travaux, "45210000", 6'000'000, "2027-03-01", BuyerType::defense));
    CHECK(r.verdict == Verdict::recommandee);
    CHECK(
        r.reasons[1] ==
        typo("Marché de défense ou de sécurité : l'article L2312-1-1 du code de la commande publique laisse "
             "facultative la prise en compte de considérations sociales, la clause n'est donc pas "
             "obligatoire."));
    CHECK(r.basis == std::vector<std::string>{"CCP L2112-2", "CCP L2112-2-1", "CCP L2312-1-1"});
    CHECK(r.warnings.empty());
  }

  TEST_CASE("social and specific services have their own threshold") {
    Insertion p;
    const ClauseResult above = p.evaluate(lot_of(Nature::services, "85311000", 800'000));
    CHECK(above.verdict == Verdict::obligatoire);
    CHECK(value(above, "seuil") == 750'000);
    CHECK(above.reasons[0] ==
          typo("Le montant total de la consultation (800\u202F000\u00A0€) dépasse le seuil européen de "
               "750\u202F000\u00A0€ applicable aux services sociaux et autres services spécifiques des "
               "collectivités territoriales et autres pouvoirs adjudicateurs."));
    CHECK_FALSE(above.hours);
    CHECK(
        above.reasons[3] ==
        typo(
            "Le volume d'heures est à fixer avec le facilitateur : la part de main-d'œuvre du code CPV "
            "85311000 "
            "n'est pas connue (elle peut aussi être donnée dans la colonne part_main_oeuvre du programme)."));
    const ClauseResult below = p.evaluate(lot_of(Nature::services, "85311000", 700'000));
    CHECK(below.verdict == Verdict::possible);
    // Other services: the supplies and services threshold of the buyer type.
    const ClauseResult cleaning = p.evaluate(lot_of(Nature::services, "90910000", 300'000));
    CHECK(cleaning.verdict == Verdict::obligatoire);
    CHECK(value(cleaning, "seuil") == 216'000);
    CHECK(cleaning.hours == 600);  // 300 000 × 80 % (CPV 909) × 5 % ÷ 20 €/h (CPV 909)
  }

  TEST_CASE("the supplies threshold depends on the buyer type") {
    Insertion p;
    CHECK(value(p.evaluate(lot_of(Nature::fournitures, "30192000", 150'000, "2027-03-01", BuyerType::etat)),
                "seuil") == 140'000);
    CHECK(
        p.evaluate(lot_of(Nature::fournitures, "30192000", 150'000, "2027-03-01", BuyerType::etat)).verdict ==
        Verdict::obligatoire);
    CHECK(value(p.evaluate(lot_of(Nature::fournitures, "30192000", 150'000, "2027-03-01",
                                  BuyerType::entite_adjudicatrice)),
                "seuil") == 432'000);
  }

  TEST_CASE("the lot's overrides take precedence over the rules, and are traced as typed in") {
    Insertion p;
    Lot lot = lot_of(Nature::travaux, "45210000", 1'000'000);
    lot.overrides.part_main_oeuvre = 0.3;
    lot.overrides.taux_insertion = 0.1;
    lot.overrides.cout_horaire = 25;
    const ClauseResult r = p.evaluate(lot);
    CHECK(r.hours == 1200);  // 1 000 000 × 30 % × 10 % ÷ 25
    CHECK(r.verdict == Verdict::possible);
    CHECK(
        r.reasons[2].starts_with(typo("La part de main-d'œuvre (30\u202F%) est inférieure au niveau de "
                                      "50\u202F% à partir duquel la politique locale recommande la clause")));
    const TraceEntry* share = traced(r, "part_main_oeuvre");
    REQUIRE(share);
    CHECK(share->status == "saisie");
    CHECK(share->source == "programme.csv:2");
    CHECK(share->value == "30\u202F%");
    CHECK(traced(r, "main_oeuvre.part") == nullptr);
    CHECK(traced(r, "heures.taux_insertion") == nullptr);
    CHECK(traced(r, "heures.cout_horaire") == nullptr);
  }

  TEST_CASE("an unknown labour share leaves the clause possible, without hours") {
    Insertion p;
    const ClauseResult r = p.evaluate(lot_of(Nature::services, "79000000", 120'000));
    CHECK(r.verdict == Verdict::possible);
    CHECK_FALSE(r.hours);
    CHECK_FALSE(has_value(r, "part_main_oeuvre"));
    CHECK_FALSE(has_value(r, "heures_brutes"));
    CHECK(r.reasons[2] ==
          typo("Aucune part de main-d'œuvre n'est connue pour le code CPV 79000000 : indiquez-la dans la "
               "colonne "
               "part_main_oeuvre du programme, ou fixez le volume d'heures avec le facilitateur."));
  }

  TEST_CASE("below the local minimums the clause is excluded") {
    Insertion p;
    const ClauseResult small = p.evaluate(lot_of(Nature::travaux, "45210000", 80'000));
    CHECK(small.verdict == Verdict::exclue);
    REQUIRE(small.reasons.size() == 4);
    CHECK(small.reasons[3] ==
          typo("Le montant du lot (80\u202F000\u00A0€) est inférieur au minimum de 100\u202F000\u00A0€ "
               "retenu par la "
               "politique locale pour les travaux : une clause d'insertion n'y est pas proposée."));
    const ClauseResult few_hours = p.evaluate(lot_of(Nature::travaux, "45210000", 150'000));
    CHECK(few_hours.verdict == Verdict::exclue);
    CHECK(few_hours.hours == 125);
    CHECK(few_hours.reasons[2].starts_with(typo("Le volume calculé, 125 heures (")));
    CHECK(
        few_hours.reasons[2].ends_with(typo("est inférieur au minimum de 150 heures retenu par la politique "
                                            "locale : une clause d'insertion n'y est pas proposée.")));
    CHECK(p.evaluate(lot_of(Nature::travaux, "45210000", 180'000)).verdict == Verdict::recommandee);  // 150 h
  }

  TEST_CASE("below the dispense threshold a reason says so — the verdict stays the local policy's") {
    Insertion p;
    const ClauseResult small = p.evaluate(lot_of(Nature::travaux, "45210000", 80'000));
    CHECK(value(small, "seuil_dispense") == 100'000);
    CHECK(small.basis == std::vector<std::string>{"CCP L2112-2", "CCP L2112-2-1", "CCP R2122-8"});
    CHECK(small.reasons[2] ==
          typo("Le montant total de la consultation (80\u202F000\u00A0€) est aussi inférieur au seuil de "
               "100\u202F000\u00A0€ en dessous duquel un marché de travaux peut être passé sans publicité ni "
               "mise "
               "en concurrence préalables (article R2122-8 du code de la commande publique) : sans procédure "
               "formalisée, une clause d'insertion est difficile à imposer et à suivre."));
    const TraceEntry* dispense = traced(small, "seuils.dispense.travaux");
    REQUIRE(dispense);
    CHECK(dispense->from == "2026-01-01");
    // Thresholds are tested on the whole consultation: a small lot of a larger one gets no such reason.
    const ClauseResult lot = p.evaluate(lot_of(Nature::travaux, "45210000", 80'000), 300'000);
    CHECK(lot.verdict == Verdict::exclue);
    CHECK(lot.reasons.size() == 3);
    CHECK_FALSE(has_value(lot, "seuil_dispense"));
    CHECK(lot.basis == basis);
    // Exactly at the threshold is not below it.
    CHECK_FALSE(has_value(p.evaluate(lot_of(Nature::travaux, "45210000", 100'000)), "seuil_dispense"));
    // Supplies: 40 000 € until 31 March 2026, 60 000 € from 1 April 2026.
    const ClauseResult march = p.evaluate(lot_of(Nature::fournitures, "30192000", 50'000, "2026-03-31"));
    CHECK_FALSE(has_value(march, "seuil_dispense"));
    const ClauseResult april = p.evaluate(lot_of(Nature::fournitures, "30192000", 50'000, "2026-04-01"));
    CHECK(value(april, "seuil_dispense") == 60'000);
    CHECK(april.reasons[2].find("un marché de fournitures ou de services peut être passé") !=
          std::string::npos);
    CHECK(april.verdict == march.verdict);  // the local minimum of the test rules is 60 000 € on both days
  }

  TEST_CASE("the plugins write no number with legal meaning: they all come from ctx") {
    // Numbers a plugin may write: api version, list indices, display order, calendar.
    const std::vector<std::pair<std::string, std::set<std::string>>> allowed = {
        {"insertion", {"1", "10"}},
        {"reserve-handicap", {"1", "30"}},
        {"reserve-siae", {"1", "40"}},
        {"reserve-ess", {"0", "1", "12", "50"}},  // 12 months a year, to write 36 months as 3 years
    };
    for (const auto& [id, expected] : allowed) {
      INFO(id);
      std::ifstream in(testing::source_path("plugins/" + id + ".lua"));
      REQUIRE(in);
      std::stringstream text;
      text << in.rdbuf();
      // Code without comments and strings, then every number left in it.
      const std::string code = std::regex_replace(std::regex_replace(text.str(), std::regex("--[^\n]*"), ""),
                                                  std::regex("\"[^\"]*\""), "");
      std::set<std::string> numbers;
      const std::regex number("[0-9][0-9.e]*");
      for (auto it = std::sregex_iterator(code.begin(), code.end(), number); it != std::sregex_iterator();
           ++it) {
        numbers.insert(it->str());
      }
      std::string found;
      for (const auto& n : numbers) found += " " + n;
      INFO("numbers:", found);
      CHECK(numbers == expected);
    }
  }
}
