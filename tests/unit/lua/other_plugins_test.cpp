// plugins/critere-insertion.lua, plugins/marche-insertion.lua and
// plugins/anru.lua on the shipped rules (rules/): the same behaviours as the
// rule test cases of rules/tests/<clause-id>.lua, pinned in C++.

#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "base/french.hpp"
#include "base/paths.hpp"
#include "lua/plugin.hpp"
#include "lua/rules_loader.hpp"
#include "lua/test_rules.hpp"
#include "test_paths.hpp"

using namespace clausier;
using testing::day;

namespace {

const char* const owned_plugins[] = {"critere-insertion", "marche-insertion", "anru"};
// Rule folders these plugins own: the shipped rules must load them without a word.
const char* const owned_rules[] = {"rules/critere/", "rules/critere_environnemental/",
                                   "rules/marche_insertion/", "rules/anru/"};

std::string read_source(const std::string& rel) {
  std::ifstream in(testing::source_path(rel));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Text as a user reads it, the no-break spaces of French typography made plain.
std::string plain(std::string s) {
  for (const std::string space : {fr::nbsp, fr::nnbsp}) {
    for (auto at = s.find(space); at != std::string::npos; at = s.find(space, at + 1))
      s.replace(at, space.size(), " ");
  }
  return s;
}

bool owned_rule_file(const std::string& file) {
  for (const char* folder : owned_rules) {
    if (file.find(folder) != std::string::npos) return true;
  }
  return false;
}

// The shipped rules and the three plugins, loaded once.
struct Shipped {
  Shipped() {
    DiagnosticList rule_diags;
    params = lua::load_rules(testing::source_path("rules"), rule_diags);
    for (const auto& d : rule_diags.all()) {
      if (owned_rule_file(d.location.file)) FAIL_CHECK(plain(format_diagnostic(d)));
    }
    std::vector<lua::PluginSource> sources;
    for (const char* id : owned_plugins) {
      const std::string rel = std::string("plugins/") + id + ".lua";
      sources.push_back({rel, read_source(rel)});
    }
    DiagnosticList diags;
    set = lua::PluginSet::load_sources(std::move(sources), params, lua::Limits{}, diags);
    REQUIRE(set);
    for (const auto& d : diags.all()) FAIL_CHECK(plain(format_diagnostic(d)));
    types = set->clause_types();
    REQUIRE(types.size() == 3);
  }

  static Shipped& get() {
    static Shipped shipped;
    return shipped;
  }

  engine::ClauseType& type(const std::string& id) {
    engine::ClauseType* found = nullptr;
    for (auto& t : types) {
      if (t->info().id == id) found = t.get();
    }
    REQUIRE_MESSAGE(found, "no clause type " << id);
    return *found;
  }

  params::ParameterSet params;
  std::unique_ptr<lua::PluginSet> set;
  std::vector<std::unique_ptr<engine::ClauseType>> types;
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

Lot anru_lot(Nature nature, const char* cpv, double euros, const char* launch = "2027-03-01") {
  Lot lot = lot_of(nature, cpv, euros, launch);
  lot.anru = true;
  return lot;
}

// Evaluates `lot` of clause type `id`, alone in its consultation unless `total_euros` says otherwise.
ClauseResult run(const std::string& id, const Lot& lot, double total_euros = 0) {
  ConsultationTotals totals = testing::totals_of(lot);
  if (total_euros > 0) totals.montant_ht_cents = static_cast<std::int64_t>(total_euros * 100);
  ClauseResult r = Shipped::get().type(id).evaluate(lot, totals, lot.date_lancement);
  if (r.error) FAIL_CHECK(plain(format_diagnostic(*r.error)));
  REQUIRE(r.verdict);
  return r;
}

const NamedValue* find_value(const ClauseResult& r, const std::string& name) {
  for (const auto& v : r.values) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

double number(const ClauseResult& r, const std::string& name) {
  const NamedValue* v = find_value(r, name);
  REQUIRE_MESSAGE(v, "no value " << name);
  REQUIRE(std::holds_alternative<double>(v->value));
  return std::get<double>(v->value);
}

bool flag(const ClauseResult& r, const std::string& name) {
  const NamedValue* v = find_value(r, name);
  REQUIRE_MESSAGE(v, "no value " << name);
  REQUIRE(std::holds_alternative<bool>(v->value));
  return std::get<bool>(v->value);
}

std::string text(const ClauseResult& r, const std::string& name) {
  const NamedValue* v = find_value(r, name);
  REQUIRE_MESSAGE(v, "no value " << name);
  REQUIRE(std::holds_alternative<std::string>(v->value));
  return std::get<std::string>(v->value);
}

// Whether one of the reasons (or warnings) contains `part`, spaces made plain.
bool says(const std::vector<std::string>& texts, const std::string& part) {
  for (const auto& t : texts) {
    if (plain(t).find(part) != std::string::npos) return true;
  }
  return false;
}

const TraceEntry* traced(const ClauseResult& r, const std::string& parameter) {
  for (const auto& t : r.trace) {
    if (t.parameter == parameter) return &t;
  }
  return nullptr;
}

// Every parameter a result used is one its plugin declares.
void check_declared(const std::string& id, const ClauseResult& r) {
  const auto& params = Shipped::get().type(id).info().params;
  const std::set<std::string> declared(params.begin(), params.end());
  for (const auto& t : r.trace) {
    if (t.status == "saisie") continue;  // the lot's own overrides
    CHECK_MESSAGE(declared.count(t.parameter) == 1, id << " reads undeclared " << t.parameter);
  }
}

// The numbers left in a plugin's code once comments and strings are removed.
std::set<std::string> number_literals(const std::string& rel) {
  const std::string code = std::regex_replace(
      std::regex_replace(read_source(rel), std::regex("--[^\n]*"), ""), std::regex("\"[^\"]*\""), "");
  std::set<std::string> numbers;
  const std::regex literal("[0-9][0-9.e]*");
  for (auto it = std::sregex_iterator(code.begin(), code.end(), literal); it != std::sregex_iterator();
       ++it) {
    numbers.insert(it->str());
  }
  return numbers;
}

const std::string environmental =
    "au moins un critère d'attribution prenant en compte les caractéristiques "
    "environnementales";

}  // namespace

TEST_SUITE("lua.other_plugins") {
  TEST_CASE("the plugins declare themselves, in the design's order") {
    Shipped& s = Shipped::get();
    std::vector<std::string> ids;
    for (const auto& t : s.types) ids.push_back(t->info().id);
    CHECK(ids == std::vector<std::string>{"critere-insertion", "marche-insertion", "anru"});  // 20, 60, 70

    const auto& critere = s.type("critere-insertion").info();
    CHECK(critere.api == 1);
    CHECK(critere.title == "Critère d'attribution : performance en matière d'insertion professionnelle");
    CHECK(critere.basis == std::vector<std::string>{"CCP L2152-7", "CCP R2152-7"});
    CHECK(critere.units == std::vector<std::pair<std::string, std::string>>{{"heures_clause", "heures"},
                                                                            {"part_main_oeuvre", "ratio"},
                                                                            {"poids_max", "ratio"},
                                                                            {"poids_min", "ratio"},
                                                                            {"poids_suggere", "ratio"}});
    const auto& marche = s.type("marche-insertion").info();
    CHECK(marche.title == "Marché de services de qualification et d'insertion professionnelle");
    CHECK(marche.basis == std::vector<std::string>{"CCP R2123-1 3°"});
    CHECK(marche.units == std::vector<std::pair<std::string, std::string>>{{"seuil_services_sociaux", "EUR"},
                                                                           {"support_montant_max", "EUR"}});
    const auto& anru = s.type("anru").info();
    CHECK(anru.title == "Charte nationale d'insertion de l'ANRU (renouvellement urbain)");
    CHECK(anru.basis == std::vector<std::string>{"Charte nationale d'insertion de l'ANRU (NPNRU 2014-2024)",
                                                 "CCP L2112-2"});
    CHECK(anru.units == std::vector<std::pair<std::string, std::string>>{{"cout_horaire", "EUR/h"},
                                                                         {"heures_brutes", "heures"},
                                                                         {"part_main_oeuvre", "ratio"},
                                                                         {"taux_anru", "ratio"}});
  }

  TEST_CASE("every parameter the plugins declare exists in the shipped rules") {
    Shipped& s = Shipped::get();
    for (const auto& t : s.types) {
      for (const auto& name : t->info().params) {
        CHECK_MESSAGE(s.params.find(name) != nullptr, t->info().id << " declares missing " << name);
      }
    }
  }

  TEST_CASE("the plugins write no number with legal meaning: they all come from ctx") {
    CHECK(number_literals("plugins/critere-insertion.lua") == std::set<std::string>{"1", "20"});
    CHECK(number_literals("plugins/marche-insertion.lua") == std::set<std::string>{"1", "60"});
    CHECK(number_literals("plugins/anru.lua") == std::set<std::string>{"1", "70"});
  }

  // ---------------------------------------------------------------- critere-insertion

  TEST_CASE("critere-insertion: labour-intensive works with a clause proposed -> recommended, with weights") {
    const ClauseResult r = run("critere-insertion", lot_of(Nature::travaux, "45210000", 1'000'000));
    CHECK(r.verdict == Verdict::recommandee);
    CHECK_FALSE(r.hours);
    CHECK(number(r, "part_main_oeuvre") == 0.5);
    CHECK(number(r, "heures_clause") == 833);
    CHECK(flag(r, "avec_clause"));
    CHECK(number(r, "poids_min") == 0.05);
    CHECK(number(r, "poids_max") == 0.15);
    CHECK(number(r, "poids_suggere") == 0.10);
    REQUIRE(r.reasons.size() == 5);
    CHECK(says(r.reasons, environmental));
    CHECK(r.warnings.empty());
    CHECK(plain(r.reasons[0]) ==
          "Secteur de main-d'œuvre (part de 50 %, au moins égale au niveau de 50 % retenu par la politique "
          "locale) où une clause d'insertion de 833 heures est proposée : le critère la complète en "
          "départageant "
          "les offres sur la qualité de l'accompagnement des personnes.");
    CHECK(plain(r.reasons[1])
              .starts_with("Pondération proposée : 10 % de la note, dans une fourchette de 5 % à "
                           "15 % (borne haute : CE, 25 mars 2013, Département de l'Isère, n° "
                           "364950"));
    CHECK(says(r.reasons, "Sous-critères à annoncer dans le règlement de la consultation"));
    CHECK(says(r.reasons, "tutorat, avec un référent nommé"));
    CHECK(says(r.reasons, "heures d'insertion proposées au-delà du minimum"));
    CHECK(says(r.reasons, "non la politique sociale générale de l'entreprise (RSE)"));
    CHECK(says(r.reasons, "CE, 25 mai 2018, Nantes Métropole, n° 417580 ; décision à vérifier"));
    CHECK(r.basis == std::vector<std::string>{"CCP L2152-7", "CCP R2152-7"});
    const TraceEntry* cited = traced(r, "critere.arret_lien_objet");
    REQUIRE(cited);
    CHECK(cited->status == "a-verifier");
    CHECK(traced(r, "critere.poids_max")->status == "verifie");
    check_declared("critere-insertion", r);
  }

  TEST_CASE("critere-insertion: recommended with a mandatory clause, alone when the lot is too small") {
    // 100 000 € of works: 83 hours, below the 150-hour minimum of the local policy.
    const Lot small = lot_of(Nature::travaux, "45210000", 100'000);
    const ClauseResult alone = run("critere-insertion", small);
    CHECK(alone.verdict == Verdict::possible);
    CHECK_FALSE(flag(alone, "avec_clause"));
    CHECK(number(alone, "heures_clause") == 83);
    CHECK(number(alone, "poids_suggere") == 0.05);
    CHECK(says(alone.reasons, "un critère d'insertion seul peut valoriser l'effort des candidats"));
    // The same lot in a consultation above the works threshold: the clause is mandatory (L2112-2-1).
    const ClauseResult with_clause = run("critere-insertion", small, 6'000'000);
    CHECK(with_clause.verdict == Verdict::recommandee);
    CHECK(flag(with_clause, "avec_clause"));
    CHECK(says(with_clause.reasons, "où la clause d'insertion est obligatoire (article L2112-2-1)"));
    check_declared("critere-insertion", with_clause);
    // Before the obligation, or for a defence contract, it is not mandatory.
    CHECK(run("critere-insertion", lot_of(Nature::travaux, "45210000", 100'000, "2026-08-20"), 6'000'000)
              .verdict == Verdict::possible);
    CHECK(run("critere-insertion",
              lot_of(Nature::travaux, "45210000", 100'000, "2027-03-01", BuyerType::defense), 6'000'000)
              .verdict == Verdict::possible);
    // 180 000 € of works: 150 hours, the clause is proposed.
    CHECK(run("critere-insertion", lot_of(Nature::travaux, "45210000", 180'000)).verdict ==
          Verdict::recommandee);
  }

  TEST_CASE("critere-insertion: possible where the labour share is low or unknown") {
    const ClauseResult low = run("critere-insertion", lot_of(Nature::travaux, "45223220", 2'000'000));
    CHECK(low.verdict == Verdict::possible);
    CHECK(number(low, "part_main_oeuvre") == 0.4);
    CHECK(number(low, "poids_suggere") == 0.05);
    CHECK(says(low.reasons, "La part de main-d'œuvre (40 %) est inférieure au niveau de 50 %"));
    const ClauseResult unknown = run("critere-insertion", lot_of(Nature::services, "60130000", 500'000));
    CHECK(unknown.verdict == Verdict::possible);
    CHECK(find_value(unknown, "part_main_oeuvre") == nullptr);
    CHECK(says(unknown.reasons, "Aucune part de main-d'œuvre n'est connue pour le code CPV 60130000"));
    CHECK(says(unknown.reasons, "exécuté au moins en partie par des personnes en insertion"));
    // The lot's own labour share makes it labour-intensive.
    Lot own = lot_of(Nature::services, "60130000", 500'000);
    own.overrides.part_main_oeuvre = 0.6;
    const ClauseResult with_share = run("critere-insertion", own);
    CHECK(with_share.verdict == Verdict::recommandee);
    CHECK(traced(with_share, "part_main_oeuvre")->status == "saisie");
  }

  TEST_CASE("critere-insertion: excluded without a link with insertion, with the reason") {
    const ClauseResult computers =
        run("critere-insertion", lot_of(Nature::fournitures, "30213000", 1'200'000));
    CHECK(computers.verdict == Verdict::exclue);
    CHECK(computers.values.empty());
    REQUIRE(computers.reasons.size() == 1);
    CHECK(says(computers.reasons,
               "Le code CPV 30213000 relève d'une famille (fournitures courantes, prestations "
               "intellectuelles ou informatiques)"));
    CHECK(says(computers.reasons, "n'aurait pas de lien suffisant avec l'objet du marché"));
    CHECK(run("critere-insertion", lot_of(Nature::services, "71240000", 640'000)).verdict == Verdict::exclue);
    CHECK(run("critere-insertion", lot_of(Nature::services, "79411000", 640'000)).verdict == Verdict::exclue);
    // Supplies outside those families, without a labour share: excluded, unless the lot gives one.
    const Lot furniture = lot_of(Nature::fournitures, "39100000", 300'000);
    const ClauseResult delivered = run("critere-insertion", furniture);
    CHECK(delivered.verdict == Verdict::exclue);
    CHECK(says(delivered.reasons, "la livraison de produits ne se prête pas à un critère d'insertion"));
    Lot assembled = furniture;
    assembled.overrides.part_main_oeuvre = 0.3;
    CHECK(run("critere-insertion", assembled).verdict == Verdict::possible);
  }

  TEST_CASE("critere-insertion: the local minimum amount is tested on the consultation") {
    const ClauseResult below = run("critere-insertion", lot_of(Nature::travaux, "45210000", 99'999.99));
    CHECK(below.verdict == Verdict::exclue);
    CHECK(says(below.reasons,
               "Le montant de la consultation (99 999,99 €) est inférieur au minimum de 100 000 € "
               "retenu par la politique locale pour les travaux"));
    CHECK(run("critere-insertion", lot_of(Nature::travaux, "45210000", 99'999.99), 100'000).verdict ==
          Verdict::possible);
    CHECK(run("critere-insertion", lot_of(Nature::services, "90919200", 59'999)).verdict == Verdict::exclue);
    CHECK(run("critere-insertion", lot_of(Nature::services, "90919200", 60'000)).verdict ==
          Verdict::possible);
  }

  TEST_CASE("critere-insertion: the environmental criterion is recalled from 21 August 2026") {
    const ClauseResult before =
        run("critere-insertion", lot_of(Nature::travaux, "45210000", 1'000'000, "2026-08-20"));
    CHECK(before.reasons.size() == 4);
    CHECK_FALSE(says(before.reasons, environmental));
    CHECK(traced(before, "critere_environnemental.obligatoire")->from == "2019-04-01");
    const ClauseResult first_day =
        run("critere-insertion", lot_of(Nature::travaux, "45210000", 1'000'000, "2026-08-21"));
    REQUIRE(first_day.reasons.size() == 5);
    CHECK(
        plain(first_day.reasons[4]) ==
        "Depuis le 21 août 2026, l'article R2152-7 du code de la commande publique impose aussi au moins un "
        "critère d'attribution prenant en compte les caractéristiques environnementales des offres : le "
        "critère d'insertion ne le remplace pas, prévoyez les deux.");
    CHECK(first_day.warnings.empty());
    const TraceEntry* env = traced(first_day, "critere_environnemental.obligatoire");
    REQUIRE(env);
    CHECK(env->from == "2026-08-21");
    CHECK(env->status == "verifie");
    // Possible too; an excluded lot gets no insertion criterion, so no reminder.
    CHECK(says(run("critere-insertion", lot_of(Nature::services, "60130000", 500'000, "2026-08-21")).reasons,
               environmental));
    CHECK_FALSE(
        says(run("critere-insertion", lot_of(Nature::fournitures, "30213000", 300'000, "2026-08-21")).reasons,
             environmental));
  }

  // ---------------------------------------------------------------- marche-insertion

  TEST_CASE("marche-insertion: services whose object is insertion are recommended, in procédure adaptée") {
    const ClauseResult r = run("marche-insertion", lot_of(Nature::services, "85312000", 400'000));
    CHECK(r.verdict == Verdict::recommandee);
    CHECK_FALSE(r.hours);
    CHECK(text(r, "categorie") == "objet");
    CHECK(number(r, "seuil_services_sociaux") == 750'000);
    REQUIRE(r.reasons.size() == 2);
    CHECK(says(r.reasons, "a pour objet l'accompagnement, la qualification ou l'insertion professionnelle"));
    CHECK(plain(r.reasons[1]) ==
          "Procédure : un marché de services de qualification et d'insertion professionnelle peut être passé "
          "selon une procédure adaptée, quel que soit son montant (article R2123-1 3°).");
    CHECK(r.basis == std::vector<std::string>{"CCP R2123-1 3°"});
    check_declared("marche-insertion", r);
    CHECK(run("marche-insertion", lot_of(Nature::services, "79611000", 100'000)).verdict ==
          Verdict::recommandee);
    CHECK(run("marche-insertion", lot_of(Nature::services, "98133000", 100'000)).verdict ==
          Verdict::recommandee);
    // Day centres and nurseries are social action, not insertion.
    CHECK(run("marche-insertion", lot_of(Nature::services, "85312110", 100'000)).verdict == Verdict::exclue);
    // Training: possible, if it qualifies people far from employment.
    const ClauseResult training = run("marche-insertion", lot_of(Nature::services, "80530000", 100'000));
    CHECK(training.verdict == Verdict::possible);
    CHECK(says(training.reasons, "s'il vise la qualification de personnes éloignées de l'emploi"));
    CHECK(run("marche-insertion", lot_of(Nature::services, "80110000", 100'000)).verdict == Verdict::exclue);
  }

  TEST_CASE("marche-insertion: European publicity above the social services threshold, marked to verify") {
    const ClauseResult at = run("marche-insertion", lot_of(Nature::services, "85312000", 750'000));
    REQUIRE(at.reasons.size() == 3);
    CHECK(plain(at.reasons[2]) ==
          "Le montant de la consultation (750 000 €) atteint le seuil européen de 750 000 € des services "
          "sociaux "
          "et autres services spécifiques : la procédure reste adaptée, mais un avis doit être publié au "
          "Journal "
          "officiel de l'Union européenne (règle à vérifier).");
    CHECK(traced(at, "marche_insertion.publicite_ue")->status == "a-verifier");
    CHECK(run("marche-insertion", lot_of(Nature::services, "85312000", 749'999.99)).reasons.size() == 2);
    // The threshold is tested on the consultation, and depends on the buyer type.
    CHECK(run("marche-insertion", lot_of(Nature::services, "85312000", 400'000), 800'000).reasons.size() ==
          3);
    const ClauseResult network =
        run("marche-insertion",
            lot_of(Nature::services, "85312000", 800'000, "2027-03-01", BuyerType::entite_adjudicatrice));
    CHECK(number(network, "seuil_services_sociaux") == 1'000'000);
    CHECK(network.reasons.size() == 2);
  }

  TEST_CASE("marche-insertion: simple labour-intensive activities can be a support, up to a ceiling") {
    const ClauseResult green = run("marche-insertion", lot_of(Nature::services, "77310000", 180'000));
    CHECK(green.verdict == Verdict::possible);
    CHECK(text(green, "categorie") == "support");
    CHECK(number(green, "support_montant_max") == 400'000);
    CHECK(says(green.reasons,
               "peut servir de support à un marché de qualification et d'insertion professionnelle"));
    CHECK(run("marche-insertion", lot_of(Nature::services, "90919200", 400'000)).verdict ==
          Verdict::possible);
    const ClauseResult big = run("marche-insertion", lot_of(Nature::services, "90511000", 400'000.01));
    CHECK(big.verdict == Verdict::exclue);
    CHECK(says(big.reasons, "dépasse le plafond de 400 000 € retenu pour les services"));
    // Works: second œuvre up to the works ceiling; other works are excluded.
    CHECK(run("marche-insertion", lot_of(Nature::travaux, "45442100", 200'000)).verdict == Verdict::possible);
    CHECK(run("marche-insertion", lot_of(Nature::travaux, "45442100", 200'000.01)).verdict ==
          Verdict::exclue);
    const ClauseResult building = run("marche-insertion", lot_of(Nature::travaux, "45210000", 150'000));
    CHECK(building.verdict == Verdict::exclue);
    CHECK(says(building.reasons, "l'objet du marché reste la réalisation de l'ouvrage"));
  }

  TEST_CASE("marche-insertion: supplies and intellectual services are excluded, never mandatory") {
    const ClauseResult supplies = run("marche-insertion", lot_of(Nature::fournitures, "30213000", 50'000));
    CHECK(supplies.verdict == Verdict::exclue);
    CHECK(says(supplies.reasons,
               "Un marché de fournitures ne peut pas être un marché de services de qualification"));
    const ClauseResult study = run("marche-insertion", lot_of(Nature::services, "71240000", 50'000));
    CHECK(study.verdict == Verdict::exclue);
    CHECK(says(study.reasons, "ce n'est pas un marché d'insertion au sens de l'article R2123-1 3°"));
  }

  TEST_CASE(
      "critere-insertion and marche-insertion are never mandatory — every plugin declares what it reads") {
    const char* const cpvs[] = {"85312000", "80530000", "77310000", "90919200", "45442100",
                                "45210000", "30213000", "71240000", "60130000", "79810000"};
    for (const char* cpv : cpvs) {
      for (Nature nature : {Nature::travaux, Nature::fournitures, Nature::services}) {
        for (double total : {100'000.0, 9'000'000.0}) {
          INFO(cpv, " ", nature_id(nature), " ", total);
          const ClauseResult critere = run("critere-insertion", lot_of(nature, cpv, 100'000), total);
          CHECK(critere.verdict != Verdict::obligatoire);
          CHECK_FALSE(critere.hours);
          check_declared("critere-insertion", critere);
          const ClauseResult marche = run("marche-insertion", lot_of(nature, cpv, 100'000), total);
          CHECK(marche.verdict != Verdict::obligatoire);
          CHECK_FALSE(marche.hours);
          check_declared("marche-insertion", marche);
          check_declared("anru", run("anru", anru_lot(nature, cpv, 100'000), total));
        }
      }
    }
  }

  // ---------------------------------------------------------------- anru

  TEST_CASE("anru: works of an ANRU operation -> mandatory, 5 % of the hours") {
    const ClauseResult r = run("anru", anru_lot(Nature::travaux, "45262500", 1'000'000));
    CHECK(r.verdict == Verdict::obligatoire);
    CHECK(r.hours == 833);  // 1 000 000 × 50 % × 5 % ÷ 30 €/h
    CHECK(number(r, "taux_anru") == 0.05);
    CHECK(number(r, "part_main_oeuvre") == 0.5);
    CHECK(number(r, "cout_horaire") == 30);
    CHECK(number(r, "heures_brutes") == doctest::Approx(833.3333));
    CHECK(text(r, "domaine") == "travaux");
    REQUIRE(r.reasons.size() == 3);
    CHECK(
        plain(r.reasons[0]) ==
        "Marché de travaux d'une opération financée par l'ANRU : la charte nationale d'insertion réserve aux "
        "habitants des quartiers prioritaires éloignés de l'emploi au moins 5 % des heures travaillées sur "
        "les "
        "travaux.");
    CHECK(plain(r.reasons[1]) ==
          "Volume d'insertion exigé : 833 heures (1 000 000 € × 50 % de main-d'œuvre × 5 % d'insertion ÷ 30 "
          "€/h = "
          "833,33 heures, arrondi à l'inférieur).");
    CHECK(says(r.reasons, "elles ne s'ajoutent pas aux heures de cette clause"));
    check_declared("anru", r);
  }

  TEST_CASE("anru: gestion urbaine de proximité -> 10 %, engineering -> the works rate") {
    const ClauseResult cleaning = run("anru", anru_lot(Nature::services, "90919200", 300'000));
    CHECK(cleaning.verdict == Verdict::obligatoire);
    CHECK(text(cleaning, "domaine") == "gup");
    CHECK(number(cleaning, "taux_anru") == 0.10);
    CHECK(cleaning.hours == 1200);  // 300 000 × 80 % × 10 % ÷ 20 €/h
    CHECK(says(cleaning.reasons, "au moins 10 % des heures travaillées sur les marchés de gestion urbaine"));
    const ClauseResult green = run("anru", anru_lot(Nature::services, "77310000", 180'000));
    CHECK(green.hours == 330);  // 180 000 × 55 % × 10 % ÷ 30 €/h
    // Engineering the works need: works rate; no labour share known -> mandatory without hours.
    const ClauseResult engineering = run("anru", anru_lot(Nature::services, "71240000", 640'000));
    CHECK(engineering.verdict == Verdict::obligatoire);
    CHECK(text(engineering, "domaine") == "ingenierie");
    CHECK(number(engineering, "taux_anru") == 0.05);
    CHECK_FALSE(engineering.hours);
    CHECK(find_value(engineering, "heures_brutes") == nullptr);
    CHECK(says(engineering.reasons, "aucune part de main-d'œuvre n'est connue pour le code CPV 71240000"));
    // Other services: the charter sets no rate; supplies are outside it.
    const ClauseResult printing = run("anru", anru_lot(Nature::services, "79810000", 100'000));
    CHECK(printing.verdict == Verdict::possible);
    CHECK(says(printing.reasons, "ne fixe pas de part d'heures pour ce marché"));
    const ClauseResult supplies = run("anru", anru_lot(Nature::fournitures, "39100000", 100'000));
    CHECK(supplies.verdict == Verdict::exclue);
    CHECK(says(supplies.reasons, "un marché de fournitures n'y est pas soumis"));
  }

  TEST_CASE("anru: excluded when the operation is not ANRU, or the column is empty") {
    Lot lot = lot_of(Nature::travaux, "45210000", 1'000'000);
    lot.anru = false;
    const ClauseResult no = run("anru", lot);
    CHECK(no.verdict == Verdict::exclue);
    CHECK_FALSE(no.hours);
    CHECK(no.trace.empty());
    CHECK(says(no.reasons, "L'opération n'est pas financée par l'ANRU"));
    lot.anru.reset();
    const ClauseResult unknown = run("anru", lot);
    CHECK(unknown.verdict == Verdict::exclue);
    CHECK(says(unknown.reasons, "La colonne « Opération ANRU » n'est pas renseignée pour ce lot"));
    CHECK(says(unknown.reasons, "indiquez « oui »"));
  }

  TEST_CASE("anru: after 2024 the charter's rates are kept, to verify, with a warning") {
    const ClauseResult last = run("anru", anru_lot(Nature::travaux, "45210000", 1'000'000, "2024-12-31"));
    CHECK(last.verdict == Verdict::obligatoire);
    CHECK(last.hours == 833);
    CHECK(last.warnings.empty());
    CHECK(traced(last, "anru.taux_travaux")->status == "verifie");
    const ClauseResult first = run("anru", anru_lot(Nature::travaux, "45210000", 1'000'000, "2025-01-01"));
    CHECK(first.verdict == Verdict::obligatoire);
    CHECK(first.hours == 833);
    const TraceEntry* rate = traced(first, "anru.taux_travaux");
    REQUIRE(rate);
    CHECK(rate->status == "a-verifier");
    CHECK(rate->from == "2025-01-01");
    REQUIRE(first.warnings.size() == 1);
    CHECK(plain(first.warnings[0]) ==
          "Aucune prorogation de la charte nationale d'insertion de l'ANRU au-delà de son programme n'a été "
          "trouvée : le taux de 5 %, en vigueur dans les règles depuis le 1er janvier 2025, est maintenu par "
          "prudence ; vérifiez-le auprès de l'ANRU ou dans la convention de renouvellement urbain de "
          "l'opération.");
    CHECK(run("anru", anru_lot(Nature::services, "90919200", 300'000, "2025-01-01")).warnings.size() == 1);
    // Before the charter, no rate is in force.
    const ClauseResult before = run("anru", anru_lot(Nature::travaux, "45210000", 1'000'000, "2015-03-23"));
    CHECK(before.verdict == Verdict::possible);
    CHECK(says(before.reasons, "Aucun taux de la charte nationale d'insertion de l'ANRU n'est en vigueur"));
  }

  TEST_CASE("anru: the lot's overrides — its own rate can raise the charter's, not lower it") {
    Lot lot = anru_lot(Nature::travaux, "45210000", 1'000'000);
    lot.overrides.part_main_oeuvre = 0.3;
    lot.overrides.cout_horaire = 25;
    CHECK(run("anru", lot).hours == 600);  // 1 000 000 × 30 % × 5 % ÷ 25
    lot.overrides.taux_insertion = 0.1;
    const ClauseResult higher = run("anru", lot);
    CHECK(higher.hours == 1200);
    CHECK(number(higher, "taux_anru") == 0.1);
    CHECK(says(higher.reasons,
               "Le taux d'insertion donné pour ce lot (10 %) dépasse le minimum de la charte (5 %)"));
    lot.overrides.taux_insertion = 0.02;
    const ClauseResult lower = run("anru", lot);
    CHECK(lower.hours == 600);
    CHECK(says(lower.warnings, "est inférieur au minimum de la charte de l'ANRU (5 %)"));
    CHECK(traced(lower, "cout_horaire")->status == "saisie");
    CHECK(traced(lower, "heures.cout_horaire") == nullptr);
  }
}
