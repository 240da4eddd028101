#include "readers/reference_index.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_SUITE("readers/reference_index") {
  TEST_CASE("finds the first line of a reference seen before") {
    clausier::readers::ReferenceIndex index;
    CHECK(index.insert("2027-001", 2) == 0);
    CHECK(index.insert("2027-002", 3) == 0);
    CHECK(index.insert("2027-001", 7) == 2);
    CHECK(index.insert("2027-001", 9) == 2);  // still the first line
    CHECK(index.size() == 2);
  }

  TEST_CASE("many references: no false duplicate, every duplicate found") {
    clausier::readers::ReferenceIndex index;
    constexpr std::uint32_t count = 200000;
    std::uint32_t false_duplicates = 0;
    for (std::uint32_t i = 1; i <= count; ++i) {
      false_duplicates += index.insert("REF-" + std::to_string(i), i) != 0 ? 1 : 0;
    }
    CHECK(false_duplicates == 0);
    CHECK(index.size() == count);
    for (std::uint32_t i = 1; i <= count; i += 997) {
      CHECK(index.insert("REF-" + std::to_string(i), count + i) == i);
    }
  }
}
