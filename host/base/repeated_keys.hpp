#pragma once
// Finds the keys that occur more than once in a stream (references of a
// programme, consultations split in several places) without keeping every
// key: each key goes through a Bloom filter, and only a key the filter may
// have seen already is kept, as a string. The result is exact about what
// matters: every repeated key is a candidate; a key that is not a candidate
// occurred once for sure. A false positive of the filter (under one key in
// 200 at ten million keys) costs one string among the candidates, never a
// wrong answer. Memory: the filter (2 to 4 bytes a key, base/bloom_filter.hpp)
// while keys are added, then only the candidates.

#include <string_view>

#include "base/bloom_filter.hpp"
#include "base/key_set.hpp"

namespace clausier {

class RepeatedKeys {
 public:
  void add(std::string_view key);
  // The candidates: every key added more than once, and a few added once.
  // Frees the filter.
  [[nodiscard]] KeySet take_candidates() &&;

 private:
  BloomFilter seen_;
  KeySet candidates_;
};

}  // namespace clausier
