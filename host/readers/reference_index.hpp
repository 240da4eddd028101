#pragma once
// Remembers the references already seen in a programme, to find duplicates
// without keeping the strings: a 64-bit hash and the line of first
// appearance, 12 bytes a slot, so a million references take about 24 MiB.
// Two different references sharing a hash is a one in 10^7 chance for a
// million rows.

#include <cstdint>
#include <string_view>
#include <vector>

namespace clausier::readers {

class ReferenceIndex {
 public:
  // Records `reference` at `line` (> 0). Returns the line where it was first
  // seen when it was already there (and keeps that first line), else 0.
  std::uint32_t insert(std::string_view reference, std::uint32_t line);
  [[nodiscard]] std::size_t size() const { return size_; }

 private:
  void grow();
  [[nodiscard]] std::size_t slot_of(std::uint64_t hash) const;

  std::vector<std::uint64_t> hashes_;  // 0 marks a free slot
  std::vector<std::uint32_t> lines_;
  std::size_t size_ = 0;
};

}  // namespace clausier::readers
