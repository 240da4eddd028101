#include "lua/parameter_uses.hpp"

#include <doctest/doctest.h>

namespace clausier {

TEST_CASE("parameter uses: literal names in plugin text, comments, strings and built names left out") {
  const auto uses = lua::scan_parameter_uses(
      "-- ctx.param(\"commentaire\")\n"
      "--[[ ctx.param(\"long\") ]]\n"
      "local a = ctx.param(\"seuils.ue.travaux\")\n"
      "local b = ctx.try_param('heures.taux_insertion', lot.cpv)\n"
      "local c = ctx.param(\"seuils.\" .. x)\n"
      "local d = ctx.lookup \"obligation_sociale.en_vigueur\"\n"
      "local e = ctx.override(\"part_main_oeuvre\")\n"
      "local f = info.params\n"
      "local g = \"ctx.param('dans une chaîne')\"\n");
  REQUIRE(uses.size() == 4);
  CHECK(uses[0].function == "param");
  CHECK(uses[0].name == "seuils.ue.travaux");
  CHECK(uses[0].line == 3);
  CHECK(uses[1].function == "try_param");
  CHECK(uses[1].name == "heures.taux_insertion");
  CHECK(uses[2].function == "lookup");
  CHECK(uses[2].line == 6);
  CHECK(uses[3].function == "override");
}

TEST_CASE("parameter uses: method calls, spaces and long strings are calls too, escapes are not read") {
  const auto uses = lua::scan_parameter_uses(
      "local a = ctx:param ( \"a.b\" , 1)\n"
      "local b = ctx.param [[c.d]]\n"
      "local c = ctx.param(\"e\\\"f\")\n"
      "local d = ctx.params(\"g\")\n");
  REQUIRE(uses.size() == 2);
  CHECK(uses[0].name == "a.b");
  CHECK(uses[0].line == 1);
  CHECK(uses[1].name == "c.d");
  CHECK(uses[1].line == 2);
}

}  // namespace clausier
