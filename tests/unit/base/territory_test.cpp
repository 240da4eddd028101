#include "base/territory.hpp"

#include <doctest/doctest.h>

using namespace clausier;

TEST_SUITE("territory") {
  TEST_CASE("département codes and postal codes give the département") {
    CHECK(departement_of("61") == "61");
    CHECK(departement_of("1") == "01");
    CHECK(departement_of("61100") == "61");
    CHECK(departement_of("1000") == "01");  // a postal code that lost its leading zero
    CHECK(departement_of("75015") == "75");
    CHECK(departement_of("2a") == "2A");
    CHECK(departement_of("2B") == "2B");
    CHECK(departement_of("20000") == "2A");  // Ajaccio
    CHECK(departement_of("20137") == "2A");
    CHECK(departement_of("20200") == "2B");  // Bastia
    CHECK(departement_of("20600") == "2B");
    CHECK(departement_of("971") == "971");
    CHECK(departement_of("97110") == "971");
    CHECK(departement_of("97600") == "976");
  }

  TEST_CASE("what is no département") {
    for (const char* bad :
         {"", "0", "00", "20", "96", "99", "977", "97700", "20700", "abc", "61 100", "6A"}) {
      CAPTURE(bad);
      CHECK_FALSE(departement_of(bad).has_value());
    }
  }

  TEST_CASE("a département code is written in its normal form") {
    CHECK(is_departement_code("61"));
    CHECK(is_departement_code("01"));
    CHECK(is_departement_code("2A"));
    CHECK(is_departement_code("974"));
    CHECK_FALSE(is_departement_code("1"));
    CHECK_FALSE(is_departement_code("2a"));
    CHECK_FALSE(is_departement_code("61000"));
    CHECK_FALSE(is_departement_code("20"));
  }
}
