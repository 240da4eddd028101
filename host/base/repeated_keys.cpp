#include "base/repeated_keys.hpp"

namespace clausier {

void RepeatedKeys::add(std::string_view key) {
  const std::size_t hash = KeyHash{}(key);
  if (seen_.may_contain(hash)) {
    if (!candidates_.contains(key)) candidates_.emplace(key);
    return;
  }
  seen_.add(hash);
}

KeySet RepeatedKeys::take_candidates() && {
  seen_ = BloomFilter{};
  return std::move(candidates_);
}

}  // namespace clausier
