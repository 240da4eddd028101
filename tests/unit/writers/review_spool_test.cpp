#include "writers/review_spool.hpp"

#include <doctest/doctest.h>

#include <sstream>

using clausier::writers::Spool;

TEST_CASE("spool: what is written comes back whole, in order, and more can follow") {
  Spool spool;
  std::string expected;
  for (int i = 0; i < 20'000; ++i) {
    const std::string line = "ligne " + std::to_string(i) + " \u2014 é\n";
    spool.stream() << line;
    expected += line;
  }
  std::ostringstream first;
  spool.copy_to(first);
  CHECK(first.str() == expected);
  spool.stream() << "fin\n";
  std::ostringstream second;
  spool.copy_to(second);
  CHECK(second.str() == expected + "fin\n");
}
