#pragma once
// A Bloom filter of 64-bit hashes that grows with what it holds (a scalable
// Bloom filter: Almeida et al., 2007): "certainly not added" or "maybe
// added". It holds slices, each twice the size of the one before; a new key
// goes into the last one, a lookup tests them all. A slice has 16 bits and
// 11 probes a key: one lookup in 2 000 is a false "maybe" per full slice, so
// about 1 in 200 with the 10 slices ten million keys take. Memory is 2 to 4
// bytes a key (the last slice fills as keys come); nothing is allocated
// before the first key.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace clausier {

class BloomFilter {
 public:
  // True when `hash` may have been added (always when it was).
  [[nodiscard]] bool may_contain(std::uint64_t hash) const;
  void add(std::uint64_t hash);
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] std::size_t memory_bytes() const;

 private:
  struct Slice {
    std::vector<std::uint64_t> words;
    std::size_t capacity = 0;  // keys it takes before the next slice opens
    std::size_t count = 0;
  };
  [[nodiscard]] static bool test(const Slice& slice, std::size_t index, std::uint64_t hash);
  static void set(Slice& slice, std::size_t index, std::uint64_t hash);

  std::vector<Slice> slices_;
  std::size_t size_ = 0;
};

}  // namespace clausier
