// Every way out of the sandbox we know of, each in its own plugin of
// tests/fixtures/plugins/escapes/: each must fail for the lot with an error
// located at its line, while the other plugins' results stand.

#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <string>

#include "base/french.hpp"
#include "base/paths.hpp"
#include "engine/evaluator.hpp"
#include "lua/plugin.hpp"
#include "lua/test_rules.hpp"
#include "test_paths.hpp"

using namespace clausier;

namespace {

struct Expected {
  std::uint32_t line;
  std::string message;  // plain spaces: French typography is applied before comparing
};

std::string undeclared(const std::string& name) {
  return "la variable « " + name +
         " » n'est pas déclarée : déclarez-la avec local, ou bien ce nom n'est pas disponible dans le bac à "
         "sable des plugins (seuls base, string, table, math et utf8 le sont)";
}

// The wall-clock limit depends on the machine's load (and on the sanitizers):
// raised here so that the instruction budget and the memory cap, which do
// not, are what stops each escape.
lua::Limits deterministic_limits() {
  lua::Limits limits;
  limits.time_limit_ms = 60'000;
  return limits;
}

const std::string budget = "budget d'instructions dépassé : le script ne se termine pas (boucle sans fin ?)";
const std::string memory =
    "mémoire épuisée : le script dépasse la limite de mémoire accordée aux scripts (plugins et règles)";

const std::map<std::string, Expected> expected_failures = {
    {"os_execute", {3, undeclared("os")}},
    {"io_open", {3, undeclared("io")}},
    {"require", {3, undeclared("require")}},
    {"load_bytecode", {3, undeclared("load")}},
    {"string_dump", {3, "impossible d'appeler une valeur nil (champ « dump »)"}},
    {"debug_getinfo", {3, undeclared("debug")}},
    {"debug_sethook", {3, undeclared("debug")}},
    {"string_metatable", {3, "impossible d'indexer une valeur boolean"}},
    {"global_write",
     {3,
      "assignation de la variable globale « counter » refusée : les plugins ne peuvent pas créer de variable "
      "globale, déclarez-la avec local (local counter = ...)"}},
    {"modify_string",
     {3, "la bibliothèque « string » est partagée et en lecture seule : impossible d'y assigner « rep »"}},
    {"modify_math",
     {3, "la bibliothèque « math » est partagée et en lecture seule : impossible d'y assigner « floor »"}},
    {"endless_loop", {3, budget}},
    {"pcall_loop", {3, budget}},
    {"memory_bomb", {3, memory}},
    {"rep_bomb", {3, "chaîne résultante trop longue"}},
    {"rep_doubling", {3, memory}},
    {"error_table", {3, "erreur levée avec une valeur de type table au lieu d'un message"}},
    {"deep_recursion", {3, "débordement de pile : récursion trop profonde"}},
    {"invalid_verdict",
     {5,
      "résultat invalide : champ « verdict » invalide : « yes » n'est pas un verdict (obligatoire, "
      "recommandee, possible, exclue)"}},
    {"missing_reasons",
     {5,
      "résultat invalide : champ « reasons » absent : donnez la liste des phrases qui expliquent le "
      "verdict"}},
};

std::string escapes_dir() { return testing::test_path("fixtures/plugins/escapes"); }

}  // namespace

TEST_SUITE("lua.sandbox_escape") {
  TEST_CASE("every escape fails for the lot, located at its line, and the other results stand") {
    const auto params = testing::insertion_rules();
    DiagnosticList diags;
    const auto plugins = lua::PluginSet::load(escapes_dir(), params, deterministic_limits(), diags);
    REQUIRE(plugins);
    for (const auto& d : diags.all()) FAIL_CHECK(format_diagnostic(d));
    REQUIRE(plugins->size() == expected_failures.size() + 1);
    engine::Evaluator evaluator(plugins->clause_types());
    const Lot lot = testing::works_lot();

    const auto start = std::chrono::steady_clock::now();
    const LotEvaluation evaluation = evaluator.evaluate(lot, testing::totals_of(lot));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 10.0);

    for (const auto& [id, expected] : expected_failures) {
      CAPTURE(id);
      const ClauseResult* result = evaluation.clause(id);
      REQUIRE(result != nullptr);
      CHECK_FALSE(result->verdict);
      REQUIRE(result->error);
      const std::string file = display_path(escapes_dir() + "/" + id + ".lua");
      CHECK(result->error->severity == Severity::error);
      CHECK(result->error->location.file == file);
      CHECK(result->error->location.line == expected.line);
      CHECK(result->error->location.str() == file + ":" + std::to_string(expected.line));
      CHECK(result->error->message == fr::typography(expected.message));
    }
    const ClauseResult* ok = evaluation.clause("ok");
    REQUIRE(ok != nullptr);
    CHECK_FALSE(ok->error);
    CHECK(ok->verdict == Verdict::possible);
    CHECK(texts(ok->reasons) == std::vector<std::string>{"Le lot 2027-001 a été évalué."});
  }

  TEST_CASE("after the escapes, the next lot is evaluated the same way") {
    const auto params = testing::insertion_rules();
    DiagnosticList diags;
    const auto plugins = lua::PluginSet::load(escapes_dir(), params, deterministic_limits(), diags);
    REQUIRE(plugins);
    engine::Evaluator evaluator(plugins->clause_types());
    Lot lot = testing::works_lot();
    const LotEvaluation first = evaluator.evaluate(lot, testing::totals_of(lot));
    lot.reference = "2027-002";
    const LotEvaluation second = evaluator.evaluate(lot, testing::totals_of(lot));
    REQUIRE(first.clauses.size() == second.clauses.size());
    for (std::size_t i = 0; i < first.clauses.size(); ++i) {
      CAPTURE(first.clauses[i].type);
      CHECK(first.clauses[i].error.has_value() == second.clauses[i].error.has_value());
      if (first.clauses[i].error) CHECK(first.clauses[i].error->message == second.clauses[i].error->message);
    }
    CHECK(texts(second.clause("ok")->reasons) == std::vector<std::string>{"Le lot 2027-002 a été évalué."});
  }
}
