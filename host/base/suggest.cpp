#include "base/suggest.hpp"

#include <algorithm>

#include "base/quoted.hpp"

namespace clausier {
namespace {

std::vector<std::string_view> views(const std::vector<std::string>& items) {
  return {items.begin(), items.end()};
}

}  // namespace

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

std::string closest_word(std::string_view word, std::span<const std::string_view> choices) {
  const std::size_t allowed = word.size() >= 8 ? 2 : 1;
  std::string_view best;
  std::size_t best_distance = allowed + 1;
  for (std::string_view c : choices) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return std::string(best);
}

std::string closest_word(std::string_view word, const std::vector<std::string>& choices) {
  return closest_word(word, views(choices));
}

std::string quoted_or_list(std::span<const std::string_view> items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " ou " : ", ";
    out += fr::quoted(items[i]);
  }
  return out;
}

std::string quoted_or_list(const std::vector<std::string>& items) { return quoted_or_list(views(items)); }

std::string unknown_word(std::string_view what, std::string_view word,
                         std::span<const std::string_view> choices, std::string_view list_intro) {
  std::string out = std::string(what) + " " + fr::quoted(word) + " : ";
  if (const std::string guess = closest_word(word, choices); !guess.empty()) {
    return out + "vouliez-vous écrire " + fr::quoted(guess) + " ?";
  }
  return out + std::string(list_intro) + " " + quoted_or_list(choices);
}

std::string unknown_word(std::string_view what, std::string_view word,
                         const std::vector<std::string>& choices, std::string_view list_intro) {
  return unknown_word(what, word, views(choices), list_intro);
}

}  // namespace clausier
