#include "readers/reference_index.hpp"

namespace clausier::readers {
namespace {

// FNV-1a, then a final mix so that the low bits (the slot) depend on every byte.
std::uint64_t hash_of(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h == 0 ? 1 : h;  // 0 marks a free slot
}

constexpr std::size_t initial_slots = 1024;

}  // namespace

std::size_t ReferenceIndex::slot_of(std::uint64_t hash) const {
  const std::size_t mask = hashes_.size() - 1;
  std::size_t slot = static_cast<std::size_t>(hash) & mask;
  while (hashes_[slot] != 0 && hashes_[slot] != hash) slot = (slot + 1) & mask;  // linear probing
  return slot;
}

void ReferenceIndex::grow() {
  std::vector<std::uint64_t> old_hashes(hashes_.empty() ? initial_slots : hashes_.size() * 2, 0);
  std::vector<std::uint32_t> old_lines(old_hashes.size(), 0);
  old_hashes.swap(hashes_);
  old_lines.swap(lines_);
  for (std::size_t i = 0; i < old_hashes.size(); ++i) {
    if (old_hashes[i] == 0) continue;
    const std::size_t slot = slot_of(old_hashes[i]);
    hashes_[slot] = old_hashes[i];
    lines_[slot] = old_lines[i];
  }
}

std::uint32_t ReferenceIndex::insert(std::string_view reference, std::uint32_t line) {
  if (candidates_ != nullptr) {
    if (!candidates_->contains(reference)) return 0;
    const auto it = first_lines_.find(reference);
    if (it != first_lines_.end()) return it->second;
    first_lines_.emplace(reference, line);
    return 0;
  }
  if ((size_ + 1) * 4 > hashes_.size() * 3) grow();  // keep the table at most 3/4 full
  const std::uint64_t hash = hash_of(reference);
  const std::size_t slot = slot_of(hash);
  if (hashes_[slot] == hash) return lines_[slot];
  hashes_[slot] = hash;
  lines_[slot] = line;
  ++size_;
  return 0;
}

}  // namespace clausier::readers
