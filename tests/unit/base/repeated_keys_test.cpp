#include "base/repeated_keys.hpp"

#include <doctest/doctest.h>

#include <string>

using clausier::KeySet;
using clausier::RepeatedKeys;

TEST_SUITE("base/repeated_keys") {
  TEST_CASE("every repeated key is a candidate, however far apart") {
    RepeatedKeys keys;
    keys.add("REF-1");
    for (int i = 2; i < 100'000; ++i) keys.add("REF-" + std::to_string(i));
    keys.add("REF-1");
    keys.add("REF-99999");
    keys.add("REF-1");
    const KeySet candidates = std::move(keys).take_candidates();
    CHECK(candidates.contains("REF-1"));
    CHECK(candidates.contains("REF-99999"));
    CHECK(candidates.size() < 2 + 500);  // false positives: a few, not every key
  }

  TEST_CASE("keys that never repeat give no candidate, or only rare ones") {
    RepeatedKeys keys;
    for (int i = 0; i < 200'000; ++i) keys.add("L" + std::to_string(i));
    CHECK(std::move(keys).take_candidates().size() < 1000);  // under 0.5 %
  }

  TEST_CASE("nothing added, nothing repeated") { CHECK(RepeatedKeys{}.take_candidates().empty()); }
}
