#pragma once
// Suggestions for misspelt words in what users write ("verdit" -> "verdict",
// "referense" -> "reference"), and the French lists of messages that offer
// the words allowed. The one edit distance of the project.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace clausier {

// Levenshtein distance: insertions, deletions and substitutions of bytes.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The choice closest to `word` when it is close enough to be a typo (one edit
// for short words, two from 8 characters), else empty.
[[nodiscard]] std::string closest_word(std::string_view word, std::span<const std::string_view> choices);
[[nodiscard]] std::string closest_word(std::string_view word, const std::vector<std::string>& choices);

// "« a », « b » ou « c »".
[[nodiscard]] std::string quoted_or_list(std::span<const std::string_view> items);
[[nodiscard]] std::string quoted_or_list(const std::vector<std::string>& items);

// "champ inconnu « x » : vouliez-vous écrire « y » ?" or, when nothing is
// close, "… : <list_intro> <list>".
[[nodiscard]] std::string unknown_word(std::string_view what, std::string_view word,
                                       std::span<const std::string_view> choices,
                                       std::string_view list_intro);
[[nodiscard]] std::string unknown_word(std::string_view what, std::string_view word,
                                       const std::vector<std::string>& choices, std::string_view list_intro);

}  // namespace clausier
