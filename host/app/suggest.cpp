#include "app/suggest.hpp"

#include <algorithm>

namespace clausier::app {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest_word(std::string_view word, const std::vector<std::string>& choices) {
  const std::size_t allowed = word.size() >= 8 ? 2 : 1;
  std::string best;
  std::size_t best_distance = allowed + 1;
  for (const auto& c : choices) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string quoted_or_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " ou " : ", ";
    out += "« " + items[i] + " »";
  }
  return out;
}

std::string unknown_word(std::string_view what, std::string_view word,
                         const std::vector<std::string>& choices, std::string_view list_intro) {
  std::string out = std::string(what) + " « " + std::string(word) + " » : ";
  if (const std::string guess = closest_word(word, choices); !guess.empty()) {
    return out + "vouliez-vous écrire « " + guess + " » ?";
  }
  return out + std::string(list_intro) + " " + quoted_or_list(choices);
}

}  // namespace clausier::app
