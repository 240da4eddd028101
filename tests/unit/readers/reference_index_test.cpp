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

  TEST_CASE("restricted to the candidates of a first pass: exact, and only they are remembered") {
    clausier::RepeatedKeys first_pass;
    for (std::uint32_t i = 1; i <= 50000; ++i) first_pass.add("REF-" + std::to_string(i));
    first_pass.add("REF-7");
    first_pass.add("REF-49000");
    const clausier::KeySet candidates = std::move(first_pass).take_candidates();
    clausier::readers::ReferenceIndex index;
    index.restrict_to(candidates);
    std::uint32_t false_duplicates = 0;
    for (std::uint32_t i = 1; i <= 50000; ++i) {
      false_duplicates += index.insert("REF-" + std::to_string(i), i + 1) != 0 ? 1 : 0;
    }
    CHECK(false_duplicates == 0);
    CHECK(index.insert("REF-7", 50002) == 8);  // the first line, however far
    CHECK(index.insert("REF-49000", 50003) == 49001);
    CHECK(index.insert("REF-7", 50004) == 8);
    CHECK(index.size() == candidates.size());
    CHECK(index.size() < 200);
  }
}
