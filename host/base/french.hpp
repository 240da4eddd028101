#pragma once
// French typography for everything a user reads: amounts, numbers, dates,
// percentages, and the no-break spaces French punctuation requires.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"

namespace clausier::fr {

inline constexpr const char* nbsp = "\u00A0";   // before : and », after «, before €
inline constexpr const char* nnbsp = "\u202F";  // thousands, before ; ! ? and %
inline constexpr const char* colon = "\u00A0:";
inline constexpr const char* semicolon = "\u202F;";
inline constexpr const char* guillemet_open = "«\u00A0";
inline constexpr const char* guillemet_close = "\u00A0»";

// "1 234 567" (narrow no-break spaces between groups).
[[nodiscard]] std::string integer(std::int64_t n);
// "1 234,5": at most `max_decimals` decimals, trailing zeros dropped.
[[nodiscard]] std::string decimal(double x, int max_decimals = 2);
// "1 234 567 €" or "1 234 567,89 €" (cents shown only when not zero).
[[nodiscard]] std::string euros_cents(std::int64_t cents);
[[nodiscard]] std::string euros(double amount);
// 0.05 -> "5 %", 0.125 -> "12,5 %".
[[nodiscard]] std::string percent(double ratio);
// "21 août 2026", "1er janvier 2027".
[[nodiscard]] std::string date_long(Date d);
// "21/08/2026".
[[nodiscard]] std::string date_short(Date d);
// "a, b et c", "a et b", "a".
[[nodiscard]] std::string and_list(const std::vector<std::string>& items);
// The largest magnitude up to which a double holds every whole number (2^53):
// beyond it, a number of hours or a whole number is not written.
inline constexpr double max_whole_number = 9007199254740992.0;

// "833 heures", "1 heure", "0 heure".
[[nodiscard]] std::string hours(std::int64_t n);

// Rewrites plain spaces before ; : ! ? and inside « » into the right no-break
// spaces, and adds them where missing. For prose only (not for code or URLs).
[[nodiscard]] std::string typography(std::string_view prose);

// typography(), and the typographic apostrophe (’) between letters: for text
// printed in documents.
[[nodiscard]] std::string print_typography(std::string_view prose);

}  // namespace clausier::fr
