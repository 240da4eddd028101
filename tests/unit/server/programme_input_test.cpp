#include "server/programme_input.hpp"

#include <doctest/doctest.h>

#include "app/evaluate.hpp"

using namespace clausier;

TEST_CASE("JSON lots become the rows the reader takes, consultation fields shared") {
  std::map<std::string, std::string> fields;
  std::string error;
  const std::string csv = server::lots_json_to_csv(
      R"({"reference": "C1-L2", "format": "md",
          "consultation": {"consultation": "C1", "nature": "travaux", "anru": false},
          "lots": [{"reference": "C1-L1", "montant_ht": 1000000, "objet": "a \"b\"\nc"},
                   {"reference": "C1-L2", "montant_ht": 1234.5, "nature": "services"}]})",
      fields, error);
  CHECK(error.empty());
  CHECK(csv ==
        "\"consultation\";\"nature\";\"anru\";\"reference\";\"montant_ht\";\"objet\"\n"
        "\"C1\";\"travaux\";\"non\";\"C1-L1\";\"1000000\";\"a \"\"b\"\" c\"\n"
        "\"C1\";\"services\";\"non\";\"C1-L2\";\"1234.5\";\"\"\n");
  CHECK(fields.at("reference") == "C1-L2");
  CHECK(fields.at("format") == "md");
}

TEST_CASE("JSON that is not lots is refused with a French message") {
  std::map<std::string, std::string> fields;
  std::string error;
  CHECK(server::lots_json_to_csv("{", fields, error).empty());
  CHECK(error.find("JSON") != std::string::npos);
  error.clear();
  CHECK(server::lots_json_to_csv(R"({"lots": []})", fields, error).empty());
  CHECK(error.find("aucun lot") != std::string::npos);
  error.clear();
  CHECK(server::lots_json_to_csv(R"({"lots": [3]})", fields, error).empty());
  CHECK(error.find("lots[0]") != std::string::npos);
}

TEST_CASE("a problem of JSON lots is located by lot and field") {
  Location where = Location::in_file(std::string(server::form_name), 3);
  where.column = "cpv";
  const Location located = server::form_location(where);
  CHECK(located.path == "lots[1].cpv");
  CHECK(located.line == 0);
  CHECK(server::form_location(Location::in_file("prog.csv", 3)).path.empty());
}

TEST_CASE("JSON lots are checked by the programme reader") {
  std::map<std::string, std::string> fields;
  std::string error;
  const std::string csv = server::lots_json_to_csv(
      R"({"lots": [{"reference": "L1", "objet": "x", "nature": "travaux", "cpv": "45262500",
                    "montant_ht": 1000000, "date_lancement": "2027-03-01"},
                   {"reference": "L2", "objet": "y", "nature": "travaux", "cpv": "4526",
                    "montant_ht": "abc", "date_lancement": "2027-03-01"}]})",
      fields, error);
  REQUIRE(error.empty());
  DiagnosticList diags;
  auto programme = readers::programme_from_memory(csv, std::string(server::form_name), diags);
  REQUIRE(programme);
  std::vector<std::string> read;
  app::scan_programme(*programme, {}, diags,
                      [&](Lot&& lot, const ConsultationTotals&) { read.push_back(lot.reference); });
  CHECK(read == std::vector<std::string>{"L1"});
  REQUIRE(diags.has_errors());
  bool located = false;
  for (const auto& d : diags.all())
    located |= server::form_location(d.location).path.rfind("lots[1].", 0) == 0;
  CHECK(located);
}
