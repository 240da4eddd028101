#pragma once
// Hash containers of strings looked up by std::string_view, without making a
// std::string for each lookup.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace clausier {

struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// Strings looked up by std::string_view without a copy. For a map, use
// std::unordered_map<std::string, V, KeyHash, std::equal_to<>>.
using KeySet = std::unordered_set<std::string, KeyHash, std::equal_to<>>;

}  // namespace clausier
