#include "base/bloom_filter.hpp"

#include <doctest/doctest.h>

#include <cstdint>

using clausier::BloomFilter;

namespace {

// Distinct, well spread 64-bit values (splitmix64 steps).
std::uint64_t key(std::uint64_t i) {
  std::uint64_t z = (i + 1) * 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

TEST_SUITE("base/bloom_filter") {
  TEST_CASE("empty: holds nothing, allocates nothing") {
    const BloomFilter filter;
    CHECK_FALSE(filter.may_contain(key(1)));
    CHECK(filter.memory_bytes() == 0);
  }

  TEST_CASE("no false negative, rare false positives, memory a few bytes a key as it grows") {
    BloomFilter filter;
    constexpr std::uint64_t count = 300'000;
    for (std::uint64_t i = 0; i < count; ++i) filter.add(key(i));
    CHECK(filter.size() == count);
    std::uint64_t missed = 0;
    for (std::uint64_t i = 0; i < count; ++i) missed += filter.may_contain(key(i)) ? 0 : 1;
    CHECK(missed == 0);
    std::uint64_t false_positives = 0;
    for (std::uint64_t i = count; i < 2 * count; ++i) false_positives += filter.may_contain(key(i)) ? 1 : 0;
    CHECK(false_positives < count / 250);  // 4 full slices: about 1 in 500
    CHECK(filter.memory_bytes() >= count * 2);
    CHECK(filter.memory_bytes() <= count * 4 + 65536);
  }
}
