#include "cli/args.hpp"

#include <doctest/doctest.h>

using namespace clausier::cli;

namespace {
const std::vector<OptionSpec> specs = {
    {"--format", "", true, "FORMAT", "format"},
    {"--output", "-o", true, "FICHIER", "sortie"},
    {"--explain", "", false, "", "détails"},
};
}

TEST_CASE("args: positional, long, short and inline values") {
  const auto r = parse_args({"prog.csv", "--format", "json", "-o", "out.json", "--explain"}, specs);
  REQUIRE(r.error.empty());
  CHECK(r.args.positional == std::vector<std::string>{"prog.csv"});
  CHECK(r.args.value("--format") == "json");
  CHECK(r.args.value("--output") == "out.json");
  CHECK(r.args.has("--explain"));
  const auto inline_value = parse_args({"--format=csv", "-"}, specs);
  CHECK(inline_value.args.value("--format") == "csv");
  CHECK(inline_value.args.positional == std::vector<std::string>{"-"});
}

TEST_CASE("args: usage errors are French sentences") {
  CHECK(parse_args({"--formt", "json"}, specs).error == "option inconnue « --formt »");
  CHECK(parse_args({"--format"}, specs).error == "l'option « --format » attend une valeur (FORMAT)");
  CHECK(parse_args({"--explain=oui"}, specs).error == "l'option « --explain » ne prend pas de valeur");
}
