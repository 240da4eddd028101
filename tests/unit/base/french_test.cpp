#include "base/french.hpp"

#include <doctest/doctest.h>

namespace fr = clausier::fr;
using clausier::Date;

TEST_CASE("french: numbers and amounts use narrow no-break spaces") {
  CHECK(fr::integer(0) == "0");
  CHECK(fr::integer(999) == "999");
  CHECK(fr::integer(1000) == "1\u202F000");
  CHECK(fr::integer(1234567) == "1\u202F234\u202F567");
  CHECK(fr::euros_cents(123456789) == "1\u202F234\u202F567,89\u00A0€");
  CHECK(fr::euros_cents(100000000) == "1\u202F000\u202F000\u00A0€");
  CHECK(fr::euros(5404000) == "5\u202F404\u202F000\u00A0€");
  CHECK(fr::decimal(833.3333, 2) == "833,33");
  CHECK(fr::decimal(0.5, 2) == "0,5");
  CHECK(fr::percent(0.05) == "5\u202F%");
  CHECK(fr::percent(0.125) == "12,5\u202F%");
  CHECK(fr::hours(833) == "833 heures");
  CHECK(fr::hours(1) == "1 heure");
  CHECK(fr::hours(1607) == "1\u202F607 heures");
}

TEST_CASE("french: dates") {
  CHECK(fr::date_long(*Date::parse_iso("2026-08-21")) == "21 août 2026");
  CHECK(fr::date_long(*Date::parse_iso("2027-01-01")) == "1er janvier 2027");
  CHECK(fr::date_short(*Date::parse_iso("2027-03-01")) == "01/03/2027");
}

TEST_CASE("french: typography of prose") {
  CHECK(fr::typography("Montant : 5 €") == "Montant\u00A0: 5 €");
  CHECK(fr::typography("Montant: 5") == "Montant\u00A0: 5");
  CHECK(fr::typography("Vraiment ? Oui ; bien !") == "Vraiment\u202F? Oui\u202F; bien\u202F!");
  CHECK(fr::typography("« seuil »") == "«\u00A0seuil\u00A0»");
  // Left alone: URLs, times, locations, already correct text.
  CHECK(fr::typography("https://example.org") == "https://example.org");
  CHECK(fr::typography("plugins/x.lua:12: erreur") == "plugins/x.lua:12: erreur");
  CHECK(fr::typography("à 10:30") == "à 10:30");
  CHECK(fr::typography("Montant\u00A0: 5") == "Montant\u00A0: 5");
}

TEST_CASE("french: print typography uses the typographic apostrophe between letters") {
  CHECK(fr::print_typography("l'article L2112-2 : d'abord 'cité'") ==
        "l\u2019article L2112-2\u00A0: d\u2019abord 'cité'");
}
