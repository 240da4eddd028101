#include "base/bloom_filter.hpp"

namespace clausier {
namespace {

constexpr std::size_t bits_per_key = 16;
constexpr unsigned probes = 11;                   // about bits_per_key * ln 2
constexpr std::size_t first_capacity = 1U << 14;  // keys of the first slice (32 KiB)

// splitmix64's finalizer: every bit of the result depends on every bit of `z`.
std::uint64_t mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// The probes of a key in slice `index` (double hashing, Kirsch and
// Mitzenmacher): h1 + i * h2, h2 odd so that they differ in a power-of-two
// table. Each slice draws its own, so that they fail independently.
struct Probes {
  std::uint64_t h1;
  std::uint64_t h2;
  Probes(std::uint64_t hash, std::size_t index)
      : h1(mix(hash + 0x9e3779b97f4a7c15ULL * (index + 1))), h2(mix(h1) | 1U) {}
  [[nodiscard]] std::uint64_t bit(unsigned i, std::uint64_t mask) const { return (h1 + i * h2) & mask; }
};

}  // namespace

bool BloomFilter::test(const Slice& slice, std::size_t index, std::uint64_t hash) {
  const Probes p(hash, index);
  const std::uint64_t mask = slice.words.size() * 64 - 1;
  for (unsigned i = 0; i < probes; ++i) {
    const std::uint64_t b = p.bit(i, mask);
    if ((slice.words[b / 64] & (std::uint64_t{1} << (b % 64))) == 0) return false;
  }
  return true;
}

void BloomFilter::set(Slice& slice, std::size_t index, std::uint64_t hash) {
  const Probes p(hash, index);
  const std::uint64_t mask = slice.words.size() * 64 - 1;
  for (unsigned i = 0; i < probes; ++i) {
    const std::uint64_t b = p.bit(i, mask);
    slice.words[b / 64] |= std::uint64_t{1} << (b % 64);
  }
  ++slice.count;
}

bool BloomFilter::may_contain(std::uint64_t hash) const {
  for (std::size_t i = 0; i < slices_.size(); ++i) {
    if (test(slices_[i], i, hash)) return true;
  }
  return false;
}

void BloomFilter::add(std::uint64_t hash) {
  if (slices_.empty() || slices_.back().count == slices_.back().capacity) {
    Slice slice;
    slice.capacity = slices_.empty() ? first_capacity : slices_.back().capacity * 2;
    slice.words.assign(slice.capacity * bits_per_key / 64, 0);
    slices_.push_back(std::move(slice));
  }
  set(slices_.back(), slices_.size() - 1, hash);
  ++size_;
}

std::size_t BloomFilter::memory_bytes() const {
  std::size_t bytes = 0;
  for (const Slice& s : slices_) bytes += s.words.size() * sizeof(std::uint64_t);
  return bytes;
}

}  // namespace clausier
