#pragma once
// Small text helpers shared by the value parsers (internal to readers/).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "readers/tabular.hpp"

namespace clausier::readers::detail {

// "« 12,3,4 »": the value trimmed and cut to 40 characters, for messages.
[[nodiscard]] std::string quoted(std::string_view value);
[[nodiscard]] std::string quoted(const Cell& cell);

[[nodiscard]] bool is_digits(std::string_view s);
[[nodiscard]] bool ends_with_nocase(std::string_view s, std::string_view suffix);

// Removes, as often as they appear at the end of `s` (case-insensitive, with
// spaces in between), any of the given words: "1 234 € HT" -> "1 234".
[[nodiscard]] std::string_view strip_trailing_words(std::string_view s,
                                                    std::span<const std::string_view> words);

// "12", "+12", "12,5", "0.5": digits with at most one decimal comma or point.
[[nodiscard]] std::optional<double> plain_decimal(std::string_view s);

// The whole number `x` when it is one and lies in [min, max].
[[nodiscard]] std::optional<std::int64_t> whole_number(double x, std::int64_t min, std::int64_t max);

}  // namespace clausier::readers::detail
