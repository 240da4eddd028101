#pragma once
// Suggestions for misspelt words in what jurists write ("verdit" -> "verdict"),
// and French lists for messages.

#include <string>
#include <string_view>
#include <vector>

namespace clausier::app {

// The choice closest to `word` when it is close enough to be a typo (one edit
// for short words, two from 8 characters), else empty.
[[nodiscard]] std::string closest_word(std::string_view word, const std::vector<std::string>& choices);

// "« a », « b » ou « c »".
[[nodiscard]] std::string quoted_or_list(const std::vector<std::string>& items);

// "champ inconnu « x » : vouliez-vous écrire « y » ?" or, when nothing is
// close, "… : <what> <list>".
[[nodiscard]] std::string unknown_word(std::string_view what, std::string_view word,
                                       const std::vector<std::string>& choices, std::string_view list_intro);

}  // namespace clausier::app
