#include "cli/common.hpp"

#include <doctest/doctest.h>

#include "test_paths.hpp"

using namespace clausier;
using namespace clausier::cli;

namespace {
ParsedArgs parsed(const std::vector<std::string>& argv) {
  auto r = parse_args(argv, with_common({}));
  REQUIRE(r.error.empty());
  return r.args;
}
}  // namespace

TEST_CASE("cli: the local policy is --policy, else the file beside the programme, unless --no-policy") {
  const std::string programme = testing::test_path("fixtures/policy/programme/programme.csv");
  const auto beside = common_setup(parsed({}), std::filesystem::path(programme));
  CHECK(beside.error.empty());
  CHECK(beside.policy_beside);
  CHECK(beside.paths.policy.filename() == "politique-locale.lua");

  const auto given = common_setup(parsed({"--policy", "autre.lua"}), std::filesystem::path(programme));
  CHECK_FALSE(given.policy_beside);
  CHECK(given.paths.policy == "autre.lua");

  const auto none = common_setup(parsed({"--no-policy"}), std::filesystem::path(programme));
  CHECK(none.paths.policy.empty());

  const auto both =
      common_setup(parsed({"--no-policy", "--policy", "x.lua"}), std::filesystem::path(programme));
  CHECK_FALSE(both.error.empty());

  const auto no_programme = common_setup(parsed({}));
  CHECK(no_programme.paths.policy.empty());
}

TEST_CASE("cli: format lists") {
  std::string error;
  CHECK(format_list("md,html,md", {"md", "html"}, error) == std::vector<std::string>{"md", "html"});
  CHECK_FALSE(format_list("md,pdf", {"md", "html"}, error));
  CHECK(error == "format inconnu « pdf » : formats disponibles : md, html");
  CHECK_FALSE(format_list("", {"md"}, error));
}

TEST_CASE("cli: the format follows -o's extension, and a contradiction is a usage error") {
  const auto with = [](std::map<std::string, std::string> values) {
    ParsedArgs a;
    a.values = std::move(values);
    return a;
  };
  std::string error;
  using writers::Output;
  CHECK(chosen_format(with({}), Output::review, error) == "html");  // the default
  CHECK(chosen_format(with({{"--output", "revue.docx"}}), Output::review, error) == "docx");
  CHECK(chosen_format(with({{"--output", "sortie/Revue.ODT"}}), Output::review, error) == "odt");
  CHECK(chosen_format(with({{"--output", "lots.json"}}), Output::evaluation, error) == "json");
  CHECK(chosen_format(with({{"--output", "revue.txt"}}), Output::review, error).empty());
  CHECK(
      error ==
      "l'extension .txt de « revue.txt » n'est pas un format de cette commande : choisissez html, md, docx, "
      "odt ou pdf (--format ou l'extension du fichier)");
  CHECK(chosen_format(with({{"--output", "revue.pdf"}}), Output::review, error) == "pdf");
  CHECK(chosen_format(with({{"--output", "dossier.v2/revue"}}), Output::review, error) == "html");
  CHECK(chosen_format(with({{"--output", "-"}, {"--format", "md"}}), Output::review, error) == "md");
  CHECK(chosen_format(with({{"--output", "revue.md"}, {"--format", "md"}}), Output::review, error) == "md");

  error.clear();
  CHECK(
      chosen_format(with({{"--output", "revue.html"}, {"--format", "docx"}}), Output::review, error).empty());
  CHECK(
      error ==
      "« revue.html » porte l'extension .html mais --format docx écrit un fichier .docx : nommez le fichier "
      "en .docx ou retirez --format");
  CHECK(chosen_format(with({{"--format", "rtf"}}), Output::review, error).empty());
  CHECK(error == "format inconnu « rtf » : choisissez html, md, docx, odt ou pdf");
  CHECK(chosen_format(with({{"--output", "lots.pdf"}}), Output::evaluation, error).empty());
}
