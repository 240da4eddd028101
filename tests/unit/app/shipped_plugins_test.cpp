// What the shipped plugins (plugins/*.lua) promise beyond any one lot, which a
// rule test case (rules/tests/, run by `clausier rules test`) cannot state:
// their declarations, the numbers their code may hold, the verdicts they
// never give, the rule values their traces name. What they answer for a lot,
// reasons included, is tested by the cases; no test here reads a reason.

#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/toolkit.hpp"
#include "base/text.hpp"
#include "test_paths.hpp"

using namespace clausier;

namespace {

const app::Toolkit& shipped() {
  static const app::Toolkit toolkit = [] {
    DiagnosticList diags;
    app::Toolkit t = app::Toolkit::load(
        {testing::source_path("rules"), testing::source_path("plugins"), testing::source_path("templates")},
        diags, {});
    for (const auto& d : diags.all()) FAIL_CHECK(format_diagnostic(d));
    return t;
  }();
  return toolkit;
}

Lot lot_of(Nature nature, const char* cpv, double euros, const char* launch = "2027-03-01") {
  Lot lot;
  lot.reference = "L1";
  lot.consultation = "L1";
  lot.nature = nature;
  lot.cpv = cpv;
  lot.montant_ht_cents = std::llround(euros * 100);
  lot.date_lancement = *Date::parse_iso(launch);
  lot.source = Location::in_file("programme.csv", 2);
  return lot;
}

// The result of clause type `id` for `lot`, alone in its consultation unless
// `total_euros` says otherwise.
ClauseResult evaluate(const std::string& id, const Lot& lot, double total_euros = 0) {
  engine::Evaluator evaluator = shipped().evaluator(std::nullopt);
  ConsultationTotals totals{lot.montant_ht_cents, 1};
  if (total_euros > 0) totals.montant_ht_cents = std::llround(total_euros * 100);
  const LotEvaluation e = evaluator.evaluate(lot, totals);
  const ClauseResult* r = e.clause(id);
  REQUIRE_MESSAGE(r, "no result for " << id);
  if (r->error) FAIL_CHECK(format_diagnostic(*r->error));
  REQUIRE(r->verdict);
  return *r;
}

const engine::ClauseInfo& info(const std::string& id) {
  for (const auto& i : shipped().clause_infos()) {
    if (i.id == id) return i;
  }
  FAIL("no plugin " << id);
  throw std::logic_error("unreachable");
}

const TraceEntry* traced(const ClauseResult& r, const std::string& parameter) {
  for (const auto& t : r.trace) {
    if (t.parameter == parameter) return &t;
  }
  return nullptr;
}

bool has_value(const ClauseResult& r, const std::string& name) {
  for (const auto& v : r.values) {
    if (v.name == name) return true;
  }
  return false;
}

// Every rule parameter a result used is one its plugin declares.
void check_declared(const std::string& id, const ClauseResult& r) {
  const auto& params = info(id).params;
  const std::set<std::string> declared(params.begin(), params.end());
  for (const auto& t : r.trace) {
    if (t.status == "saisie") continue;  // the lot's own overrides
    CHECK_MESSAGE(declared.count(t.parameter) == 1, id << " reads undeclared " << t.parameter);
  }
}

using Units = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_SUITE("shipped_plugins") {
  TEST_CASE("the shipped plugins declare themselves: order, api, legal basis, units") {
    std::vector<std::string> ids;
    for (const auto& i : shipped().clause_infos()) ids.push_back(i.id);
    CHECK(ids == std::vector<std::string>{"insertion", "critere-insertion", "reserve-handicap",
                                          "reserve-siae", "reserve-penitentiaire", "reserve-ess",
                                          "marche-insertion", "anru"});
    // Every shipped plugin gives its sentences with blanks (docs/plugin-api.md, api 2).
    for (const auto& i : shipped().clause_infos()) {
      INFO(i.id);
      CHECK(i.api == 2);
      CHECK(i.source == "plugins/" + i.id + ".lua");
      CHECK_FALSE(i.title.empty());
      // A short label for the table's columns, which are 15 characters wide.
      CHECK(i.label != i.id);
      CHECK(text::display_width(i.label) <= 15);
    }
    CHECK(info("insertion").basis == std::vector<std::string>{"CCP L2112-2", "CCP L2112-2-1"});
    CHECK(info("insertion").units == Units{{"cout_horaire", "EUR/h"},
                                           {"heures_brutes", "heures"},
                                           {"part_main_oeuvre", "ratio"},
                                           {"part_non_reprise", "ratio"},
                                           {"reprise_heures_mois", "heures"},
                                           {"seuil", "EUR"},
                                           {"seuil_dispense", "EUR"},
                                           {"taux_insertion", "ratio"},
                                           {"total_consultation", "EUR"}});
    CHECK(info("critere-insertion").basis == std::vector<std::string>{"CCP L2152-7", "CCP R2152-7"});
    CHECK(info("critere-insertion").units == Units{{"heures_clause", "heures"},
                                                   {"part_main_oeuvre", "ratio"},
                                                   {"poids_max", "ratio"},
                                                   {"poids_min", "ratio"},
                                                   {"poids_suggere", "ratio"}});
    CHECK(info("marche-insertion").basis == std::vector<std::string>{"CCP R2123-1 3°"});
    CHECK(info("marche-insertion").units ==
          Units{{"seuil_services_sociaux", "EUR"}, {"support_montant_max", "EUR"}});
    // The ANRU's charter, named in words, then the code's article.
    REQUIRE(info("anru").basis.size() == 2);
    CHECK(info("anru").basis[1] == "CCP L2112-2");
    CHECK(info("anru").units == Units{{"cout_horaire", "EUR/h"},
                                      {"heures_brutes", "heures"},
                                      {"part_main_oeuvre", "ratio"},
                                      {"taux_anru", "ratio"}});
    CHECK(info("reserve-handicap").basis ==
          std::vector<std::string>{"CCP L2113-12", "CCP R2113-7", "CCP L2113-14"});
    CHECK(info("reserve-handicap").units ==
          Units{{"montant_max", "EUR"}, {"part_travailleurs_minimum", "ratio"}});
    CHECK(info("reserve-siae").basis ==
          std::vector<std::string>{"CCP L2113-13", "CCP R2113-7", "CCP L2113-14"});
    CHECK(info("reserve-ess").basis == std::vector<std::string>{"CCP L2113-15", "CCP L2113-16"});
    CHECK(info("reserve-ess").units == Units{{"duree_max_mois", "mois"}, {"duree_mois", "mois"}});
  }

  TEST_CASE("every parameter the shipped plugins declare exists in the shipped rules") {
    for (const auto& i : shipped().clause_infos()) {
      for (const auto& name : i.params) {
        CHECK_MESSAGE(shipped().params().find(name) != nullptr, i.id << " declares missing " << name);
      }
    }
  }

  TEST_CASE("the plugins write no number with legal meaning: they all come from ctx") {
    // Numbers a plugin may write: api version, list indices, display order, calendar.
    const std::map<std::string, std::set<std::string>> allowed = {
        {"insertion", {"0", "1", "2", "10"}},          // 0: no hours
        {"critere-insertion", {"0", "1", "2", "20"}},  // 0: no hours
        {"reserve-handicap", {"2", "30"}},
        {"reserve-siae", {"2", "40"}},
        {"reserve-ess", {"0", "1", "2", "12", "50"}},  // 12 months a year, to write 36 months as 3 years
        {"marche-insertion", {"1", "2", "60"}},
        {"anru", {"1", "2", "70"}},
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
      CHECK(numbers == expected);
    }
  }

  TEST_CASE("the criterion, the insertion market and the reservations are never mandatory, nor give hours") {
    const char* const cpvs[] = {"85312000", "80530000", "77310000", "90919200", "45442100", "45210000",
                                "30213000", "71240000", "60130000", "79810000", "39130000", "85311000"};
    for (const char* cpv : cpvs) {
      for (Nature nature : {Nature::travaux, Nature::fournitures, Nature::services}) {
        for (double total : {100'000.0, 20'000'000.0}) {
          for (const char* id :
               {"critere-insertion", "marche-insertion", "reserve-handicap", "reserve-siae", "reserve-ess"}) {
            INFO(id, " ", cpv, " ", nature_id(nature), " ", total);
            const ClauseResult r = evaluate(id, lot_of(nature, cpv, 100'000), total);
            CHECK(*r.verdict != Verdict::obligatoire);
            CHECK_FALSE(r.hours);
            CHECK_FALSE(r.reasons.empty());
            check_declared(id, r);
          }
          Lot anru = lot_of(nature, cpv, 100'000);
          anru.anru = true;
          check_declared("anru", evaluate("anru", anru, total));
          check_declared("insertion", evaluate("insertion", anru, total));
        }
      }
    }
  }

  TEST_CASE("an api 2 plugin gives its sentences with blanks, written as ctx.fmt writes their values") {
    const ClauseResult r = evaluate("reserve-handicap", lot_of(Nature::services, "90911200", 80'000));
    REQUIRE(r.reasons.size() >= 2);
    const Sentence& size = r.reasons[1];
    REQUIRE(size.message() != nullptr);
    CHECK(size.message()->pattern().starts_with("Le montant du lot ({amount}) ne dépasse pas {maximum}"));
    CHECK(size.text().starts_with("Le montant du lot (80\u202F000\u00A0€) ne dépasse pas "));
    // Words that do not change from one lot to the next stay texts.
    const Sentence& notice = r.reasons[3];
    CHECK(notice.message() == nullptr);
    CHECK(notice.text().starts_with("L'avis d'appel public à la concurrence (AAPC)"));
  }

  TEST_CASE("regime: the texts of the time for every lot launched before the code, whatever came before") {
    // One evaluator for all the lots: what regime keeps between calls must
    // not leak from one date to another, nor leave a lot's trace short.
    engine::Evaluator evaluator = shipped().evaluator(std::nullopt);
    const auto earlier = [&](const char* launch) {
      const Lot lot = lot_of(Nature::services, "90911200", 80'000, launch);
      const LotEvaluation e = evaluator.evaluate(lot, {lot.montant_ht_cents, 1});
      const ClauseResult* r = e.clause("reserve-handicap");
      REQUIRE(r);
      const bool said = r->reasons.back().text().starts_with("Lancement antérieur au code");
      CHECK(said == (traced(*r, "textes.correspondance") != nullptr));
      return said;
    };
    CHECK(earlier("2018-06-01"));
    CHECK(earlier("2018-06-01"));
    CHECK_FALSE(earlier("2027-03-01"));
    CHECK_FALSE(earlier("2027-03-01"));
    CHECK(earlier("2018-06-01"));
    CHECK(earlier("2019-03-31"));
    CHECK_FALSE(earlier("2019-04-01"));
  }

  TEST_CASE("the trace names each rule value used, its key, date, status and file") {
    const ClauseResult r = evaluate("insertion", lot_of(Nature::travaux, "45210000", 1'000'000));
    const TraceEntry* threshold = traced(r, "seuils.ue.travaux");
    REQUIRE(threshold);
    CHECK(threshold->value == "5\u202F404\u202F000\u00A0€");
    CHECK(threshold->from == "2026-01-01");
    CHECK(threshold->status == "verifie");
    CHECK(threshold->source == "rules/seuils/ue/travaux.lua");
    const TraceEntry* share = traced(r, "main_oeuvre.part");
    REQUIRE(share);
    CHECK(share->key == "45210000");
    CHECK(share->matched == "45");
    CHECK(share->value == "50\u202F%");
    CHECK(share->source == "rules/main_oeuvre/part.lua");
    // Below the threshold, whether the obligation is in force does not matter.
    CHECK(traced(r, "obligation_sociale.en_vigueur") == nullptr);
    check_declared("insertion", r);

    const ClauseResult sector = evaluate("reserve-handicap", lot_of(Nature::services, "77310000", 180'000));
    REQUIRE(traced(sector, "reserve.handicap.secteurs"));
    CHECK(traced(sector, "reserve.handicap.secteurs")->matched == "773");
    CHECK(traced(sector, "reserve.handicap.secteurs")->status == "hypothese");
    CHECK(traced(evaluate("reserve-siae", lot_of(Nature::travaux, "45442100", 240'000)),
                 "reserve.siae.secteurs")
              ->matched == "454");
    const ClauseResult joint =
        evaluate("reserve-siae", lot_of(Nature::services, "90919200", 150'000, "2020-12-09"));
    REQUIRE(traced(joint, "reserve.conjointe"));
    CHECK(traced(joint, "reserve.conjointe")->from == "2020-12-09");

    Lot anru = lot_of(Nature::travaux, "45210000", 1'000'000, "2025-01-01");
    anru.anru = true;
    const ClauseResult anru_result = evaluate("anru", anru);  // kept: `rate` points into it
    const TraceEntry* rate = traced(anru_result, "anru.taux_travaux");
    REQUIRE(rate);
    CHECK(rate->status == "a-verifier");
    CHECK(rate->from == "2025-01-01");

    const ClauseResult dispense =
        evaluate("insertion", lot_of(Nature::fournitures, "39110000", 50'000, "2026-04-01"));
    REQUIRE(traced(dispense, "seuils.dispense.fournitures_services"));
    CHECK(traced(dispense, "seuils.dispense.fournitures_services")->from == "2026-04-01");
  }

  TEST_CASE("a lot's own values are traced as typed in, in place of the rules they replace") {
    Lot lot = lot_of(Nature::travaux, "45210000", 1'000'000);
    lot.overrides.part_main_oeuvre = 0.3;
    lot.overrides.taux_insertion = 0.1;
    lot.overrides.cout_horaire = 25;
    const ClauseResult r = evaluate("insertion", lot);
    const TraceEntry* share = traced(r, "part_main_oeuvre");
    REQUIRE(share);
    CHECK(share->status == "saisie");
    CHECK(share->source == "programme.csv:2");
    CHECK(share->value == "30\u202F%");
    CHECK(traced(r, "main_oeuvre.part") == nullptr);
    CHECK(traced(r, "heures.taux_insertion") == nullptr);
    CHECK(traced(r, "heures.cout_horaire") == nullptr);
  }

  TEST_CASE("the dispense threshold is the consultation's: a small lot of a larger one is not below it") {
    const ClauseResult alone = evaluate("insertion", lot_of(Nature::travaux, "45210000", 80'000));
    CHECK(has_value(alone, "seuil_dispense"));
    CHECK(alone.basis == std::vector<std::string>{"CCP L2112-2", "CCP L2112-2-1", "CCP R2122-8"});
    const ClauseResult part = evaluate("insertion", lot_of(Nature::travaux, "45210000", 80'000), 300'000);
    CHECK(*part.verdict == Verdict::exclue);
    CHECK_FALSE(has_value(part, "seuil_dispense"));
    CHECK(part.basis == std::vector<std::string>{"CCP L2112-2", "CCP L2112-2-1"});
    // Exactly at the threshold is not below it; before 1 April 2026, 50 000 € of supplies is not either.
    CHECK_FALSE(
        has_value(evaluate("insertion", lot_of(Nature::travaux, "45210000", 100'000)), "seuil_dispense"));
    CHECK_FALSE(
        has_value(evaluate("insertion", lot_of(Nature::fournitures, "39110000", 50'000, "2026-03-31")),
                  "seuil_dispense"));
  }
}
