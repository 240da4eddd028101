// SIRET numbers: 14 digits and INSEE's check.
#include "model/siret.hpp"

#include <doctest/doctest.h>

using namespace clausier;

TEST_CASE("a SIRET has 14 digits and a valid Luhn key") {
  CHECK(valid_siret("12345678900015"));
  CHECK(valid_siret("99900002000019"));
  CHECK_FALSE(valid_siret("12345678900011"));  // one digit off
  CHECK_FALSE(valid_siret("1234567890001"));   // 13 digits
  CHECK_FALSE(valid_siret("1234567890001A"));
  CHECK_FALSE(valid_siret(""));
  CHECK(siret_digits("123 456 789 00015") == "12345678900015");
}

TEST_CASE("La Poste's establishments follow their own rule: a digit sum multiple of 5") {
  CHECK(valid_siret("35600000000001"));        // digit sum 15; its Luhn key would be wrong
  CHECK_FALSE(valid_siret("35600000000048"));  // a right Luhn key, a digit sum of 26
}
