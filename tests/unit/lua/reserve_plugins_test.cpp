// plugins/reserve-handicap.lua, reserve-siae.lua, reserve-ess.lua and
// insertion.lua on the shipped rules (rules/), and the rule test cases of
// rules/tests/ (the data files `clausier rules test` runs), so that they stay
// true to the rules they test.

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <lua.hpp>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "app/rule_tests.hpp"
#include "app/toolkit.hpp"
#include "base/french.hpp"
#include "base/paths.hpp"
#include "lua/plugin.hpp"
#include "lua/rules_loader.hpp"
#include "lua/test_rules.hpp"
#include "test_paths.hpp"

using namespace clausier;
using testing::day;

namespace {

const std::vector<std::string> plugin_ids = {"insertion", "reserve-handicap", "reserve-siae", "reserve-ess"};

std::string typo(const std::string& s) { return fr::typography(s); }

// The shipped rules and the four plugins, loaded once for the whole file.
class Shipped {
 public:
  Shipped() {
    DiagnosticList diags;
    params_ = lua::load_rules(testing::source_path("rules"), diags);
    for (const auto& d : diags.all()) {
      // rules/tests/ holds test cases, not parameters: the loader is to skip it.
      if (d.location.file.find("rules/tests/") == std::string::npos) FAIL_CHECK(format_diagnostic(d));
    }
    std::vector<lua::PluginSource> sources;
    for (const auto& id : plugin_ids) {
      const std::string path = testing::source_path("plugins/" + id + ".lua");
      lua::PluginSource source{display_path(path), {}};
      REQUIRE(read_file(path, source.text));
      sources.push_back(std::move(source));
    }
    const std::string library = testing::source_path("plugins/lib/reserve_structures.lua");
    lua::PluginSource shared{display_path(library), {}};
    REQUIRE(read_file(library, shared.text));
    DiagnosticList plugin_diags;
    set_ = lua::PluginSet::load_sources(std::move(sources), params_, lua::Limits{}, plugin_diags, {shared});
    for (const auto& d : plugin_diags.all()) FAIL_CHECK(format_diagnostic(d));
    for (auto& type : set_->clause_types()) {
      const std::string id = type->info().id;
      clauses_[id] = std::move(type);
    }
  }

  [[nodiscard]] engine::ClauseType* clause(const std::string& id) {
    const auto it = clauses_.find(id);
    return it == clauses_.end() ? nullptr : it->second.get();
  }

  // Evaluates `lot` with the rules in force on `as_of` (default: its launch
  // date), alone in its consultation unless `total_euros` says otherwise.
  ClauseResult evaluate(const std::string& id, const Lot& lot, double total_euros = 0,
                        std::optional<Date> as_of = {}) {
    engine::ClauseType* type = clause(id);
    REQUIRE(type);
    ConsultationTotals totals = testing::totals_of(lot);
    if (total_euros > 0) totals.montant_ht_cents = std::llround(total_euros * 100);
    ClauseResult r = type->evaluate(lot, totals, as_of.value_or(lot.date_lancement));
    if (r.error) FAIL_CHECK(format_diagnostic(*r.error));
    return r;
  }

  [[nodiscard]] const params::ParameterSet& params() const { return params_; }

 private:
  params::ParameterSet params_;
  std::unique_ptr<lua::PluginSet> set_;
  std::map<std::string, std::unique_ptr<engine::ClauseType>> clauses_;
};

Shipped& shipped() {
  static Shipped instance;
  return instance;
}

Lot lot_of(Nature nature, const char* cpv, double euros, const char* launch = "2027-03-01",
           BuyerType buyer = BuyerType::collectivite, std::optional<int> months = 24) {
  Lot lot = testing::works_lot();
  lot.objet = "Lot de test";
  lot.nature = nature;
  lot.cpv = cpv;
  lot.montant_ht_cents = std::llround(euros * 100);
  lot.date_lancement = day(launch);
  lot.type_acheteur = buyer;
  lot.duree_mois = months;
  return lot;
}

const ScalarValue* value(const ClauseResult& r, const std::string& name) {
  for (const auto& v : r.values) {
    if (v.name == name) return &v.value;
  }
  return nullptr;
}

double number(const ClauseResult& r, const std::string& name) {
  const ScalarValue* v = value(r, name);
  REQUIRE_MESSAGE(v, "no value " << name);
  REQUIRE(std::holds_alternative<double>(*v));
  return std::get<double>(*v);
}

std::string text(const ClauseResult& r, const std::string& name) {
  const ScalarValue* v = value(r, name);
  REQUIRE_MESSAGE(v, "no value " << name);
  REQUIRE(std::holds_alternative<std::string>(*v));
  return std::get<std::string>(*v);
}

bool boolean(const ClauseResult& r, const std::string& name) {
  const ScalarValue* v = value(r, name);
  REQUIRE_MESSAGE(v, "no value " << name);
  REQUIRE(std::holds_alternative<bool>(*v));
  return std::get<bool>(*v);
}

const TraceEntry* traced(const ClauseResult& r, const std::string& parameter) {
  for (const auto& t : r.trace) {
    if (t.parameter == parameter) return &t;
  }
  return nullptr;
}

bool says(const ClauseResult& r, std::string_view part) {
  for (const auto& reason : r.reasons) {
    if (reason.find(part) != std::string::npos) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// The rule test cases: rules/tests/<clause-id>.lua, run by the same runner as
// `clausier rules test` (app::run_rule_tests), on the shipped tree.

void run_case_file(const std::string& id) {
  DiagnosticList diags;
  const app::ResourcePaths paths{testing::source_path("rules"), testing::source_path("plugins"),
                                 testing::source_path("templates")};
  const app::Toolkit toolkit = app::Toolkit::load(paths, diags, {});
  const auto summary =
      app::run_rule_tests(toolkit, {testing::source_path("rules/tests/" + id + ".lua")}, diags,
                          [](const app::RuleCase& c, const std::vector<app::CaseMismatch>& mismatches) {
                            FAIL_CHECK(c.name << " : " << mismatches.size() << " écart(s)");
                          });
  for (const auto& d : diags.all()) FAIL_CHECK(format_diagnostic(d));
  CHECK(summary.cases > 0);
  CHECK(summary.failed == 0);
  CHECK(summary.passed == summary.cases);
}

}  // namespace

TEST_SUITE("lua.reserve_plugins") {
  TEST_CASE("the reservation plugins declare themselves") {
    const auto& handicap = shipped().clause("reserve-handicap")->info();
    CHECK(handicap.title == "Marché ou lot réservé aux EA et ESAT");
    CHECK(handicap.api == 1);
    CHECK(handicap.basis == std::vector<std::string>{"CCP L2113-12", "CCP R2113-7", "CCP L2113-14"});
    CHECK(handicap.params.size() == 5);
    CHECK(handicap.units == std::vector<std::pair<std::string, std::string>>{
                                {"montant_max", "EUR"}, {"part_travailleurs_minimum", "ratio"}});
    const auto& siae = shipped().clause("reserve-siae")->info();
    CHECK(siae.title == "Marché ou lot réservé aux SIAE");
    CHECK(siae.basis == std::vector<std::string>{"CCP L2113-13", "CCP R2113-7", "CCP L2113-14"});
    CHECK(siae.params.size() == 5);
    const auto& ess = shipped().clause("reserve-ess")->info();
    CHECK(ess.title == "Marché réservé aux entreprises de l'économie sociale et solidaire");
    CHECK(ess.basis == std::vector<std::string>{"CCP L2113-15", "CCP L2113-16"});
    CHECK(ess.params.size() == 4);
    CHECK(ess.units == std::vector<std::pair<std::string, std::string>>{{"duree_max_mois", "mois"},
                                                                        {"duree_mois", "mois"}});
    // Every parameter a plugin declares exists in the shipped rules.
    for (const auto& id : plugin_ids) {
      for (const auto& name : shipped().clause(id)->info().params) {
        INFO(id, " ", name);
        CHECK(shipped().params().find(name) != nullptr);
      }
    }
  }

  TEST_CASE("EA and ESAT: a sector where they work and a lot they can take on: recommended") {
    const ClauseResult r =
        shipped().evaluate("reserve-handicap", lot_of(Nature::services, "77310000", 180'000));
    CHECK(r.verdict == Verdict::recommandee);
    CHECK_FALSE(r.hours);
    CHECK(text(r, "secteur") == "adapte");
    CHECK(number(r, "montant_max") == 300'000);
    CHECK(number(r, "part_travailleurs_minimum") == 0.5);
    CHECK(boolean(r, "reservation_conjointe"));
    CHECK(r.basis == std::vector<std::string>{"CCP L2113-12", "CCP R2113-7", "CCP L2113-14"});
    CHECK(r.warnings.empty());
    CHECK(
        r.reasons ==
        std::vector<std::string>{
            typo("Le code CPV 77310000 relève d'un secteur où les EA et les ESAT interviennent couramment "
                 "(repère de praticien sans source publiée, à confirmer par un sourcing local)."),
            typo(
                "Le montant du lot (180\u202F000\u00A0€) ne dépasse pas 300\u202F000\u00A0€, taille qu'une "
                "EA "
                "ou un ESAT peut en général prendre en charge (repère de praticien, à calibrer localement)."),
            typo(
                "Réserver le marché ou le lot est un choix de l'acheteur, jamais une obligation (article "
                "L2113-12 du code de la commande publique) : seuls peuvent alors candidater les entreprises "
                "adaptées (EA, article L5213-13 du code du travail), les établissements et services d'aide "
                "par le travail (ESAT, article L344-2 du code de l'action sociale et des familles) et les "
                "structures équivalentes qui emploient au moins 50\u202F% de travailleurs handicapés qui, en "
                "raison de la nature ou de la gravité de leurs déficiences, ne peuvent exercer une activité "
                "professionnelle dans des conditions normales (article R2113-7)."),
            typo("L'avis d'appel public à la concurrence (AAPC) et les documents de la consultation (DCE) "
                 "doivent indiquer que le marché ou le lot est réservé, en citant l'article L2113-12."),
            typo("Les SIAE interviennent aussi dans ce secteur : depuis le 9 décembre 2020, le marché ou le "
                 "lot peut être réservé à la fois aux EA et ESAT et aux SIAE (article L2113-14), ce qui "
                 "élargit la concurrence."),
        });
    const TraceEntry* sector = traced(r, "reserve.handicap.secteurs");
    REQUIRE(sector);
    CHECK(sector->key == "77310000");
    CHECK(sector->matched == "773");
    CHECK(sector->status == "hypothese");
    CHECK(sector->source == "rules/reserve/handicap/secteurs.lua");
    CHECK(traced(r, "reserve.handicap.part_travailleurs")->status == "verifie");
    CHECK(traced(r, "reserve.handicap.montant_max")->status == "hypothese");
    std::set<std::string> declared(shipped().clause("reserve-handicap")->info().params.begin(),
                                   shipped().clause("reserve-handicap")->info().params.end());
    for (const auto& t : r.trace) CHECK(declared.count(t.parameter) == 1);
  }

  TEST_CASE("EA and ESAT: the lot amount, not the consultation's, is compared with the size mark") {
    CHECK(shipped().evaluate("reserve-handicap", lot_of(Nature::services, "90919200", 300'000)).verdict ==
          Verdict::recommandee);
    const ClauseResult above =
        shipped().evaluate("reserve-handicap", lot_of(Nature::services, "90919200", 300'000.01));
    CHECK(above.verdict == Verdict::possible);
    CHECK(
        above.reasons[1] ==
        typo(
            "Le montant du lot (300\u202F000,01\u00A0€) dépasse 300\u202F000\u00A0€, taille au-delà de "
            "laquelle "
            "peu de structures peuvent prendre le lot seules (repère de praticien, à calibrer localement) : "
            "vérifiez leur capacité, ou préférez un allotissement plus fin, une réservation conjointe ou une "
            "clause d'insertion."));
    CHECK(shipped()
              .evaluate("reserve-handicap", lot_of(Nature::services, "90919200", 190'000), 900'000)
              .verdict == Verdict::recommandee);
  }

  TEST_CASE("EA and ESAT: a sector where they are rare is possible, heavy works are excluded") {
    const ClauseResult rare =
        shipped().evaluate("reserve-handicap", lot_of(Nature::services, "50700000", 100'000));
    CHECK(rare.verdict == Verdict::possible);
    CHECK(text(rare, "secteur") == "peu_adapte");
    CHECK(
        rare.reasons[0] ==
        typo("Le code CPV 50700000 relève d'un secteur où les EA et les ESAT sont peu présents (repère de "
             "praticien sans source publiée, à confirmer par un sourcing local) : la réservation n'y est "
             "réaliste que si un sourcing local (réseau Gesat, annuaire « le marché de l'inclusion ») montre "
             "que plusieurs structures peuvent exécuter le marché."));

    const ClauseResult works =
        shipped().evaluate("reserve-handicap", lot_of(Nature::travaux, "45210000", 300'000));
    CHECK(works.verdict == Verdict::exclue);
    CHECK(works.basis == std::vector<std::string>{"CCP L2113-12", "CCP R2113-7"});
    CHECK_FALSE(value(works, "montant_max"));
    CHECK(
        works.reasons ==
        std::vector<std::string>{
            typo("Le code CPV 45210000 relève d'un secteur (préfixe 45) que les EA et les ESAT ne peuvent en "
                 "général pas prendre en charge, comme des travaux lourds ou une prestation très spécialisée "
                 "(repère de praticien sans source publiée, à confirmer par un sourcing local)."),
            typo("L'article L2113-12 ne limite pas les secteurs, mais sans structure capable d'exécuter le "
                 "marché la consultation risquerait d'être infructueuse : la réservation est écartée. Si un "
                 "sourcing local montre le contraire, les règles locales peuvent classer ce secteur "
                 "autrement ; "
                 "une clause d'insertion, qui permet la sous-traitance à ces structures, reste possible."),
        });
    const ClauseResult other =
        shipped().evaluate("reserve-handicap", lot_of(Nature::fournitures, "30213000", 90'000));
    CHECK(other.verdict == Verdict::exclue);
    CHECK(other.reasons[0] ==
          typo("Le code CPV 30213000 ne relève d'aucun des secteurs où les EA et les ESAT sont réputés "
               "intervenir (repère de praticien sans source publiée, à confirmer par un sourcing local)."));
    CHECK(traced(other, "reserve.handicap.secteurs")->matched == "");
  }

  TEST_CASE("joint reservation: forbidden until the loi ASAP, allowed from 9 December 2020") {
    const ClauseResult before =
        shipped().evaluate("reserve-handicap", lot_of(Nature::services, "90919200", 150'000, "2020-12-08"));
    CHECK(before.verdict == Verdict::recommandee);
    CHECK_FALSE(boolean(before, "reservation_conjointe"));
    CHECK(
        before.reasons.back() ==
        typo("À cette date, l'article L2113-14 ne permet pas de réserver un même marché à la fois aux EA et "
             "ESAT et aux SIAE : il faut choisir l'une des deux réservations."));
    const ClauseResult after =
        shipped().evaluate("reserve-siae", lot_of(Nature::services, "90919200", 150'000, "2020-12-09"));
    CHECK(boolean(after, "reservation_conjointe"));
    CHECK(after.reasons.back() == typo("Les EA et les ESAT interviennent aussi dans ce secteur : depuis le 9 "
                                       "décembre 2020, le marché ou "
                                       "le lot peut être réservé à la fois aux SIAE et aux EA et ESAT "
                                       "(article L2113-14), ce qui élargit "
                                       "la concurrence."));
    const TraceEntry* joint = traced(after, "reserve.conjointe");
    REQUIRE(joint);
    CHECK(joint->from == "2020-12-09");
    CHECK(joint->status == "partiel");
    // No joint reason where the other category does not work: SIAE and printing.
    const ClauseResult printing =
        shipped().evaluate("reserve-handicap", lot_of(Nature::services, "79810000", 38'000));
    CHECK(printing.verdict == Verdict::recommandee);
    CHECK(printing.reasons.size() == 4);
    CHECK(boolean(printing, "reservation_conjointe"));
    CHECK(printing.basis == std::vector<std::string>{"CCP L2113-12", "CCP R2113-7"});
  }

  TEST_CASE("SIAE: second œuvre, the size mark, heavy works and asbestos removal") {
    const ClauseResult painting =
        shipped().evaluate("reserve-siae", lot_of(Nature::travaux, "45442100", 240'000));
    CHECK(painting.verdict == Verdict::recommandee);
    CHECK(traced(painting, "reserve.siae.secteurs")->matched == "454");
    CHECK(painting.reasons[2].find("qui emploient au moins 50\u202F% de travailleurs défavorisés (article "
                                   "R2113-7).") != std::string::npos);
    CHECK(
        painting.reasons[3] ==
        typo(
            "L'avis d'appel public à la concurrence (AAPC) et les documents de la consultation (DCE) doivent "
            "indiquer que le marché ou le lot est réservé, en citant l'article L2113-13."));
    CHECK(shipped().evaluate("reserve-siae", lot_of(Nature::services, "90911200", 500'000)).verdict ==
          Verdict::recommandee);
    CHECK(shipped().evaluate("reserve-siae", lot_of(Nature::services, "90911200", 500'000.01)).verdict ==
          Verdict::possible);
    const ClauseResult electricity =
        shipped().evaluate("reserve-siae", lot_of(Nature::travaux, "45310000", 300'000));
    CHECK(electricity.verdict == Verdict::possible);
    CHECK(electricity.reasons[0].find("les SIAE sont peu présentes") != std::string::npos);
    const ClauseResult asbestos =
        shipped().evaluate("reserve-siae", lot_of(Nature::travaux, "45262660", 420'000));
    CHECK(asbestos.verdict == Verdict::exclue);
    CHECK(
        asbestos.reasons[0] ==
        typo("Le code CPV 45262660 relève d'un secteur (préfixe 4526266) que les SIAE ne peuvent en général "
             "pas prendre en charge, comme des travaux lourds ou une prestation très spécialisée (repère de "
             "praticien sans source publiée, à confirmer par un sourcing local)."));
    CHECK(shipped().evaluate("reserve-siae", lot_of(Nature::travaux, "45233140", 980'000)).verdict ==
          Verdict::exclue);
    CHECK(shipped().evaluate("reserve-siae", lot_of(Nature::fournitures, "30213000", 90'000)).verdict ==
          Verdict::exclue);
  }

  TEST_CASE("defence and security contracts: the same analysis, with a warning") {
    const ClauseResult r = shipped().evaluate(
        "reserve-handicap", lot_of(Nature::services, "98310000", 120'000, "2027-03-01", BuyerType::defense));
    CHECK(r.verdict == Verdict::recommandee);
    CHECK(r.warnings ==
          std::vector<std::string>{typo(
              "Marché de défense ou de sécurité : vérifiez la possibilité de réserver dans les dispositions "
              "propres à ces marchés ; l'analyse suit les règles des marchés publics de droit commun.")});
    CHECK(shipped()
              .evaluate("reserve-ess",
                        lot_of(Nature::services, "85312000", 120'000, "2027-03-01", BuyerType::defense))
              .warnings.size() == 1);
  }

  TEST_CASE("a reserved market is never mandatory") {
    const std::vector<Lot> lots = {
        lot_of(Nature::services, "77310000", 50'000),
        lot_of(Nature::services, "90919200", 6'000'000),
        lot_of(Nature::services, "85312000", 6'000'000),
        lot_of(Nature::travaux, "45442100", 100'000),
        lot_of(Nature::travaux, "45210000", 10'000'000),
        lot_of(Nature::fournitures, "39130000", 500'000),
        lot_of(Nature::services, "85311000", 900'000, "2026-08-21"),
    };
    for (const auto& id : {"reserve-handicap", "reserve-siae", "reserve-ess"}) {
      for (const auto& lot : lots) {
        INFO(id, " ", lot.cpv);
        const ClauseResult r = shipped().evaluate(id, lot, 20'000'000);
        REQUIRE(r.verdict);
        CHECK(*r.verdict != Verdict::obligatoire);
        CHECK_FALSE(r.reasons.empty());
      }
    }
  }

  TEST_CASE("ESS: social services of the list, for three years at most") {
    const ClauseResult two_years =
        shipped().evaluate("reserve-ess", lot_of(Nature::services, "85312000", 400'000));
    CHECK(two_years.verdict == Verdict::recommandee);
    CHECK(number(two_years, "duree_mois") == 24);
    CHECK(number(two_years, "duree_max_mois") == 36);
    CHECK(text(two_years, "secteur") == "adapte");
    CHECK(boolean(two_years, "liste"));
    CHECK(two_years.basis == std::vector<std::string>{"CCP L2113-15", "CCP L2113-16"});
    CHECK(
        two_years.reasons ==
        std::vector<std::string>{
            typo("Le code CPV 85312000 relève de services d'action sociale que les entreprises de l'économie "
                 "sociale et solidaire (associations, fondations, coopératives, mutuelles) assurent "
                 "couramment "
                 "(repère de praticien sans source publiée)."),
            typo(
                "La durée prévue, 2 ans (24 mois), respecte la durée maximale de 3 ans (36 mois) d'un marché "
                "réservé aux entreprises de l'économie sociale et solidaire (article L2113-16), "
                "reconductions "
                "comprises."),
            typo(
                "Seules peuvent alors candidater les entreprises de l'économie sociale et solidaire (article "
                "1er de la loi n° 2014-856 du 31 juillet 2014) et les structures équivalentes qui ont pour "
                "objectif d'assumer une mission de service public liée à ces services, réinvestissent leurs "
                "bénéfices pour l'atteindre, ont une direction ou un actionnariat participatifs, et ne se "
                "sont "
                "pas vu attribuer par l'acheteur un marché réservé pour les mêmes services au cours des 36 "
                "mois "
                "précédents (article L2113-15)."),
            typo(
                "Réserver le marché est un choix de l'acheteur, jamais une obligation : indiquez dans l'avis "
                "d'appel public à la concurrence (AAPC) et dans les documents de la consultation que le "
                "marché "
                "est réservé en application de l'article L2113-15."),
        });
    CHECK(traced(two_years, "reserve.ess.duree_max_mois")->status == "partiel");
    CHECK(traced(two_years, "reserve.ess.attribution_anterieure_mois")->status == "a-verifier");

    Lot three_years = lot_of(Nature::services, "85312000", 400'000);
    three_years.duree_mois = 36;
    const ClauseResult at_cap = shipped().evaluate("reserve-ess", three_years);
    CHECK(at_cap.verdict == Verdict::recommandee);
    CHECK(at_cap.reasons[1].starts_with(typo("La durée prévue, 3 ans (36 mois), atteint sans la dépasser")));

    Lot one_more = three_years;
    one_more.duree_mois = 37;
    CHECK(shipped().evaluate("reserve-ess", one_more).verdict == Verdict::exclue);

    Lot four_years = three_years;
    four_years.duree_mois = 48;
    const ClauseResult too_long = shipped().evaluate("reserve-ess", four_years);
    CHECK(too_long.verdict == Verdict::exclue);
    CHECK(too_long.reasons ==
          std::vector<std::string>{typo(
              "La durée prévue, 4 ans (48 mois), dépasse la durée maximale de 3 ans (36 mois) d'un marché "
              "réservé aux entreprises de l'économie sociale et solidaire (article L2113-16) : pour le "
              "réserver, "
              "ramenez sa durée, reconductions comprises, à 3 ans (36 mois) au plus.")});
  }

  TEST_CASE("ESS: an unknown duration is possible, other listed services are possible") {
    Lot unknown = lot_of(Nature::services, "85312000", 400'000);
    unknown.duree_mois.reset();
    const ClauseResult r = shipped().evaluate("reserve-ess", unknown);
    CHECK(r.verdict == Verdict::possible);
    CHECK_FALSE(value(r, "duree_mois"));
    CHECK(
        r.reasons[1] ==
        typo(
            "La durée du marché n'est pas connue : un marché réservé aux entreprises de l'économie sociale "
            "et solidaire ne peut pas dépasser 3 ans (36 mois), reconductions comprises (article L2113-16) : "
            "vérifiez la durée prévue avant de réserver."));
    const ClauseResult training =
        shipped().evaluate("reserve-ess", lot_of(Nature::services, "80511000", 120'000));
    CHECK(training.verdict == Verdict::possible);
    CHECK(text(training, "secteur") == "peu_adapte");
    CHECK(training.reasons[0].ends_with(typo("vérifiez l'offre locale avant de réserver.")));
  }

  TEST_CASE("ESS: outside the list of social and specific services, excluded") {
    const ClauseResult cleaning =
        shipped().evaluate("reserve-ess", lot_of(Nature::services, "90910000", 200'000));
    CHECK(cleaning.verdict == Verdict::exclue);
    CHECK_FALSE(boolean(cleaning, "liste"));
    CHECK(
        cleaning.reasons ==
        std::vector<std::string>{typo(
            "Un marché réservé aux entreprises de l'économie sociale et solidaire (article L2113-15 du code "
            "de "
            "la commande publique) ne peut porter que sur des services de santé, sociaux ou culturels de la "
            "liste annexée au code (services sociaux et autres services spécifiques) : ce lot (services, "
            "code "
            "CPV 90910000) n'en relève pas.")});
    CHECK(shipped().evaluate("reserve-ess", lot_of(Nature::fournitures, "85312000", 200'000)).verdict ==
          Verdict::exclue);
    CHECK(shipped().evaluate("reserve-ess", lot_of(Nature::travaux, "45210000", 200'000)).verdict ==
          Verdict::exclue);
  }

  TEST_CASE("the rule test cases of rules/tests/reserve-handicap.lua pass") {
    run_case_file("reserve-handicap");
  }
  TEST_CASE("the rule test cases of rules/tests/reserve-siae.lua pass") { run_case_file("reserve-siae"); }
  TEST_CASE("the rule test cases of rules/tests/reserve-ess.lua pass") { run_case_file("reserve-ess"); }
}

TEST_SUITE("lua.insertion_shipped_rules") {
  TEST_CASE("the published example on the shipped rules: 833 hours") {
    const ClauseResult r = shipped().evaluate("insertion", lot_of(Nature::travaux, "45210000", 1'000'000));
    CHECK(r.verdict == Verdict::recommandee);
    CHECK(r.hours == 833);
    CHECK_FALSE(value(r, "seuil_dispense"));
    CHECK(r.basis == std::vector<std::string>{"CCP L2112-2", "CCP L2112-2-1"});
    CHECK(traced(r, "main_oeuvre.part")->source == "rules/main_oeuvre/part.lua");
  }

  TEST_CASE("below the national dispense threshold, a reason says so, and the verdict stays the policy's") {
    for (const char* launch : {"2025-12-31", "2026-01-01"}) {
      INFO(launch);
      const ClauseResult r =
          shipped().evaluate("insertion", lot_of(Nature::travaux, "45210000", 80'000, launch));
      CHECK(r.verdict == Verdict::exclue);
      CHECK(r.hours == 66);
      CHECK(number(r, "seuil_dispense") == 100'000);
      CHECK(r.basis == std::vector<std::string>{"CCP L2112-2", "CCP L2112-2-1", "CCP R2122-8"});
      REQUIRE(r.reasons.size() == 4);
      CHECK(
          r.reasons[2] ==
          typo("Le montant total de la consultation (80\u202F000\u00A0€) est aussi inférieur au seuil de "
               "100\u202F000\u00A0€ en dessous duquel un marché de travaux peut être passé sans publicité ni "
               "mise en concurrence préalables (article R2122-8 du code de la commande publique) : sans "
               "procédure formalisée, une clause d'insertion est difficile à imposer et à suivre."));
      CHECK(r.reasons[3].find("retenu par la politique locale") != std::string::npos);
    }
    CHECK(traced(shipped().evaluate("insertion", lot_of(Nature::travaux, "45210000", 80'000, "2026-01-01")),
                 "seuils.dispense.travaux")
              ->reference.starts_with("Décret n° 2025-1386"));
    // The consultation, not the lot, is compared with the dispense threshold.
    const ClauseResult small_lot =
        shipped().evaluate("insertion", lot_of(Nature::travaux, "45210000", 80'000), 300'000);
    CHECK(small_lot.verdict == Verdict::exclue);
    CHECK_FALSE(value(small_lot, "seuil_dispense"));
    CHECK_FALSE(says(small_lot, "R2122-8"));
    // Exactly at the threshold: not below it.
    CHECK_FALSE(
        says(shipped().evaluate("insertion", lot_of(Nature::travaux, "45210000", 100'000)), "R2122-8"));
  }

  TEST_CASE("the supplies and services dispense threshold rises to 60 000 € on 1 April 2026") {
    const ClauseResult march =
        shipped().evaluate("insertion", lot_of(Nature::fournitures, "39110000", 50'000, "2026-03-31"));
    CHECK(march.verdict == Verdict::possible);
    CHECK_FALSE(says(march, "R2122-8"));
    const ClauseResult april =
        shipped().evaluate("insertion", lot_of(Nature::fournitures, "39110000", 50'000, "2026-04-01"));
    CHECK(april.verdict == Verdict::exclue);
    CHECK(number(april, "seuil_dispense") == 60'000);
    CHECK(says(april, typo("un marché de fournitures ou de services peut être passé sans publicité")));
    const TraceEntry* dispense = traced(april, "seuils.dispense.fournitures_services");
    REQUIRE(dispense);
    CHECK(dispense->from == "2026-04-01");
    CHECK(dispense->status == "verifie");
  }

  TEST_CASE("the rule test cases of rules/tests/insertion.lua pass") { run_case_file("insertion"); }
}
