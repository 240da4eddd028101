#pragma once
// Remembers the references already seen in a programme, to find duplicates
// and name the line of the first one.
//
// When a first pass over the programme found which references may repeat
// (base/repeated_keys.hpp), only those are remembered, exactly (the string
// and its first line): the others occurred once for sure. Memory is then the
// repeated references alone, whatever the size of the programme; that is
// how `clausier evaluate` reads (app/evaluate.cpp).
//
// Without a first pass, every reference is remembered without its string: a
// 64-bit hash and the line of first appearance, 12 bytes a slot, so a
// million references take about 24 MiB. Two different references sharing a
// hash is a one in 10^7 chance for a million rows.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/repeated_keys.hpp"

namespace clausier::readers {

class ReferenceIndex {
 public:
  // Records `reference` at `line` (> 0). Returns the line where it was first
  // seen when it was already there (and keeps that first line), else 0.
  std::uint32_t insert(std::string_view reference, std::uint32_t line);
  // Whether `reference` may occur more than once, so that what goes with it
  // is worth remembering: always, without a first pass.
  [[nodiscard]] bool may_repeat(std::string_view reference) const {
    return candidates_ == nullptr || candidates_->contains(reference);
  }
  // References remembered.
  [[nodiscard]] std::size_t size() const { return candidates_ != nullptr ? first_lines_.size() : size_; }

  // Remembers only `candidates` from now on: every other reference must be
  // unique in the programme. `candidates` must outlive the index.
  void restrict_to(const KeySet& candidates) { candidates_ = &candidates; }

 private:
  void grow();
  [[nodiscard]] std::size_t slot_of(std::uint64_t hash) const;

  std::vector<std::uint64_t> hashes_;  // 0 marks a free slot
  std::vector<std::uint32_t> lines_;
  std::size_t size_ = 0;

  const KeySet* candidates_ = nullptr;
  std::unordered_map<std::string, std::uint32_t, KeyHash, std::equal_to<>> first_lines_;
};

}  // namespace clausier::readers
