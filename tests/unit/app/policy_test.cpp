#include "app/policy.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/evaluate.hpp"
#include "lua/rules_loader.hpp"
#include "test_messages.hpp"
#include "test_paths.hpp"

using namespace clausier;

namespace {

using clausier::testing::messages;
using clausier::testing::plain;

Date day(std::string_view iso) { return *Date::parse_iso(iso); }

params::ParameterSet fixture_rules() {
  DiagnosticList diags;
  auto set = lua::load_rules(testing::test_path("fixtures/rules-test/regles"), diags);
  INFO(messages(diags));
  REQUIRE(diags.all().empty());
  return set;
}

params::Lookup found(const params::ParameterSet& set, std::string_view name, std::string_view date,
                     std::optional<std::string_view> key = {}) {
  auto r = set.lookup(name, day(date), key);
  INFO(name, " ", date);
  REQUIRE(std::holds_alternative<params::Lookup>(r));
  return std::get<params::Lookup>(r);
}

double number(const params::ParameterSet& set, std::string_view name, std::string_view date,
              std::optional<std::string_view> key = {}) {
  return std::get<double>(found(set, name, date, key).leaf->value);
}

// The fixture policy, applied over the fixture rules.
params::ParameterSet with_policy(std::vector<std::string>* names = nullptr) {
  params::ParameterSet set = fixture_rules();
  DiagnosticList diags;
  auto policy = lua::load_policy(testing::test_path("fixtures/policy/politique.lua"), set, diags);
  INFO(messages(diags));
  REQUIRE(policy);
  CHECK(diags.all().empty());
  const auto applied = app::apply_policy(set, *policy);
  if (names != nullptr) *names = applied;
  return set;
}

}  // namespace

TEST_CASE("policy: local values apply from their dates, national ones before and after a local repeal") {
  std::vector<std::string> names;
  const params::ParameterSet set = with_policy(&names);
  CHECK(names == std::vector<std::string>{"montant_minimum", "taux"});
  CHECK(number(set, "taux", "2025-12-31") == 0.05);  // before the policy: national
  CHECK(number(set, "taux", "2026-01-01") == 0.10);  // the local rate
  CHECK(number(set, "taux", "2027-12-31") == 0.10);
  CHECK(number(set, "taux", "2028-01-01") == 0.05);  // repealed locally: national again
  // The local value keeps its own date and reference, marked local.
  const auto local = found(set, "taux", "2026-06-01");
  CHECK(local.dated->from == day("2026-01-01"));
  CHECK(plain(local.reference()) ==
        "Politique locale : Délibération de démonstration du 15 décembre 2025, article 2");
  CHECK(local.status() == params::Status::verifie);
  CHECK(local.parameter->file == "tests/fixtures/policy/politique.lua");
  CHECK(local.dated->local_policy);  // what ctx.lookup(…).politique_locale tells plugins
  const auto national = found(set, "taux", "2028-06-01");
  CHECK_FALSE(national.dated->local_policy);
  CHECK(plain(national.reference()) == "Aucune source publiée : point de départ");
  CHECK(national.status() == params::Status::hypothese);
  // Untouched parameters are the national ones.
  CHECK(set.find("seuils.demo")->file == "tests/fixtures/rules-test/regles/seuils/demo.lua");
}

TEST_CASE("policy: a map keeps the national entries the local value leaves out") {
  const params::ParameterSet set = with_policy();
  CHECK(number(set, "montant_minimum", "2026-03-01", "travaux") == 500000);
  CHECK(number(set, "montant_minimum", "2026-03-01", "services") == 40000);
  CHECK(number(set, "montant_minimum", "2025-03-01", "travaux") == 100000);
  const auto kept = found(set, "montant_minimum", "2026-03-01", "services");
  CHECK(plain(kept.reference()) ==
        "Politique de démonstration (valeur nationale en vigueur depuis le 1er janvier 2024)");
  CHECK(kept.status() == params::Status::hypothese);
  const auto local = found(set, "montant_minimum", "2026-03-01", "travaux");
  CHECK(plain(local.reference()) == "Politique locale : Délibération de démonstration du 15 décembre 2025");
}

TEST_CASE("policy: merging date by date follows national changes under a local map") {
  params::Parameter national;
  national.name = "p";
  national.kind = params::Kind::map;
  national.unit = "EUR";
  national.key = "nature";
  national.reference = "national";
  auto dated = [](std::string_view from, std::vector<std::pair<std::string, double>> entries,
                  std::string reference) {
    params::DatedValue v;
    v.from = *Date::parse_iso(from);
    for (auto& [k, x] : entries) v.entries.push_back({k, params::Leaf{x, {}, {}, {}}});
    v.reference = std::move(reference);
    return v;
  };
  national.values = {dated("2024-01-01", {{"a", 1}, {"b", 2}}, "n1"),
                     dated("2026-01-01", {{"a", 10}, {"b", 20}}, "n2")};
  params::Parameter local = national;
  local.reference = "délibération";
  local.file = "politique-locale.lua";
  local.values = {dated("2025-01-01", {{"a", 5}}, "")};
  const params::Parameter merged = app::merge_parameter(&national, local);
  REQUIRE(merged.values.size() == 3);
  CHECK(merged.values[0].from == day("2024-01-01"));
  CHECK(merged.values[1].from == day("2025-01-01"));
  CHECK(merged.values[2].from == day("2026-01-01"));
  params::ParameterSet set;
  set.put(merged);
  CHECK(number(set, "p", "2024-06-01", "a") == 1);
  CHECK(number(set, "p", "2025-06-01", "a") == 5);
  CHECK(number(set, "p", "2025-06-01", "b") == 2);
  CHECK(number(set, "p", "2026-06-01", "a") == 5);   // local still in force
  CHECK(number(set, "p", "2026-06-01", "b") == 20);  // national change followed
  CHECK(merged.file == "politique-locale.lua");
  // A parameter the national rules do not have is the local one, marked local.
  const params::Parameter added = app::merge_parameter(nullptr, local);
  CHECK(added.values.size() == 1);
  CHECK(plain(added.reference) == "Politique locale : délibération");
}

TEST_CASE("policy: every problem of a policy file is located, valid entries still applied") {
  params::ParameterSet set = fixture_rules();
  DiagnosticList diags;
  auto policy = lua::load_policy(testing::test_path("fixtures/policy/politique-invalide.lua"), set, diags);
  REQUIRE(policy);
  const std::string f = "tests/fixtures/policy/politique-invalide.lua: ";
  CHECK(
      messages(diags) ==
      std::vector<std::string>{
          f + "descripion : erreur : champ inconnu « descripion » : vouliez-vous écrire « description » ?",
          f + "parametres.cout.values[1].from : erreur : date invalide « 2026-13-01 » : écrivez AAAA-MM-JJ",
          f + "parametres[\"nouveau.parametre\"] : avertissement : le paramètre « nouveau.parametre » "
              "n'existe pas "
              "dans les règles nationales : il est ajouté tel quel (description, unit et kind doivent alors "
              "être donnés)",
          f + "parametres[\"nouveau.parametre\"] : erreur : champ « description » manquant : écrivez "
              "description "
              "= \"…\" (ce que le paramètre représente)",
          f + "parametres[\"nouveau.parametre\"] : erreur : champ « unit » manquant : écrivez unit = "
              "\"EUR\", "
              "\"ratio\"…, selon la valeur",
          f + "parametres[\"nouveau.parametre\"] : erreur : champ « kind » manquant : écrivez kind = "
              "\"number\", \"map\"…, selon la forme des valeurs",
          f + "parametres.taux.kind : erreur : kind = \"map\" au lieu de \"number\" : un paramètre de la "
              "politique locale garde la forme (kind, unit, key) du paramètre national qu'il remplace, les "
              "plugins le lisent ainsi ; retirez ce champ ou corrigez-le",
      });
  REQUIRE(policy->parameters.size() == 1);
  CHECK(policy->parameters[0].name == "montant_minimum");
}

TEST_CASE("policy: a policy file that is not data, or not there, is refused with its place") {
  const params::ParameterSet set = fixture_rules();
  DiagnosticList diags;
  CHECK_FALSE(lua::load_policy_text("return { parametres = { x = function() end } }", "p.lua", set, diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(plain(format_diagnostic(diags.all()[0])).starts_with("p.lua:1 : erreur : fonction interdite"));
  diags.clear();
  CHECK_FALSE(lua::load_policy("/nonexistent/politique-locale.lua", set, diags));
  CHECK(diags.has_errors());
  diags.clear();
  auto empty = lua::load_policy_text("return { reference = \"x\" }", "p.lua", set, diags);
  REQUIRE(empty);
  CHECK(empty->parameters.empty());
  CHECK(messages(diags) ==
        std::vector<std::string>{
            "p.lua : erreur : champ « parametres » manquant : écrivez parametres = { "
            "[\"heures.taux_insertion\"] = { values = { { from = \"AAAA-MM-JJ\", value = …, "
            "status = \"…\" } } } }"});
}

TEST_CASE("policy: the file beside a programme is found, never for standard input") {
  const auto programme = testing::test_path("fixtures/policy/programme/programme.csv");
  const auto beside = app::policy_beside(programme);
  REQUIRE(beside);
  CHECK(beside->filename() == "politique-locale.lua");
  CHECK_FALSE(app::policy_beside(testing::test_path("fixtures/diff/programme.csv")));
  CHECK_FALSE(app::policy_beside("-"));
}

TEST_CASE("policy: evaluation uses the local values, and the trace shows them with date and reference") {
  app::ResourcePaths paths{
      testing::test_path("fixtures/rules-test/regles"), testing::test_path("fixtures/rules-test/plugins"),
      testing::source_path("templates"), testing::test_path("fixtures/policy/politique.lua")};
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(paths, diags, {});
  INFO(messages(diags));
  REQUIRE_FALSE(toolkit.failed());
  CHECK(toolkit.policy_file() == "tests/fixtures/policy/politique.lua");
  CHECK(toolkit.policy_parameters() == std::vector<std::string>{"montant_minimum", "taux"});
  std::vector<LotEvaluation> lots;
  auto sink = writers::make_null_sink();
  const auto outcome = app::evaluate_programme(
      toolkit, {testing::test_path("fixtures/policy/programme/programme.csv"), {}, {}}, *sink, diags,
      [&](const LotEvaluation& e) { lots.push_back(e); });
  CHECK(app::exit_status(outcome, toolkit) == 0);
  REQUIRE(lots.size() == 5);
  const auto hours = [&](std::size_t i) { return lots[i].clause("demo")->hours; };
  CHECK(hours(0) == 3333);                                    // 10 % in 2026
  CHECK(hours(1) == 1666);                                    // 2025: national 5 %
  CHECK(lots[2].clause("demo")->verdict == Verdict::exclue);  // below the local works minimum
  CHECK(hours(3) == 250);                                     // services keep the national minimum
  CHECK(hours(4) == 1666);                                    // 2028: local rate repealed
  const auto& trace = lots[0].clause("demo")->trace;
  const auto rate =
      std::find_if(trace.begin(), trace.end(), [](const TraceEntry& t) { return t.parameter == "taux"; });
  REQUIRE(rate != trace.end());
  CHECK(plain(rate->value) == "10 %");
  CHECK(rate->from == "2026-01-01");
  CHECK(plain(rate->reference) ==
        "Politique locale : Délibération de démonstration du 15 décembre 2025, article 2");
  CHECK(rate->source == "tests/fixtures/policy/politique.lua");
}
