#include "base/diagnostic.hpp"

#include <doctest/doctest.h>

using namespace clausier;

TEST_CASE("diagnostic: locations read like a user expects") {
  Location csv = Location::in_file("prog.csv", 12);
  csv.column = "Montant estimé HT";
  CHECK(csv.str() == "prog.csv:12 (colonne «\u00A0Montant estimé HT\u00A0»)");
  Location sheet;
  sheet.file = "prog.xlsx";
  sheet.sheet = "Programme";
  sheet.cell = "D12";
  CHECK(sheet.str() == "prog.xlsx!Programme!D12");
  CHECK(Location::in_table("rules/seuils/ue/travaux.lua", "values[2].from").str() ==
        "rules/seuils/ue/travaux.lua: values[2].from");
  CHECK(Location::in_file("plugins/x.lua", 3).str() == "plugins/x.lua:3");
}

TEST_CASE("diagnostic: sinks keep order and apply French typography") {
  DiagnosticList list;
  list.error(Location::in_file("a.csv", 2), "montant illisible : écrivez 1 000 €");
  list.warning(Location::in_file("a.csv", 3), "date incertaine ?");
  REQUIRE(list.all().size() == 2);
  CHECK(list.has_errors());
  CHECK(list.count(Severity::warning) == 1);
  CHECK(list.all()[0].message == "montant illisible\u00A0: écrivez 1 000 €");
  CHECK(format_diagnostic(list.all()[1]) == "a.csv:3\u00A0: avertissement\u00A0: date incertaine\u202F?");
}
