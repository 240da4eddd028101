#include "readers/value_text.hpp"

#include <charconv>
#include <cmath>

#include "base/quoted.hpp"
#include "base/text.hpp"
#include "readers/values.hpp"

namespace clausier::readers::detail {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string quoted(std::string_view value) { return fr::quoted(text::trim(value), 40); }

std::string quoted(const Cell& cell) { return quoted(cell_display(cell)); }

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool ends_with_nocase(std::string_view s, std::string_view suffix) {
  if (suffix.size() > s.size()) return false;
  const std::string_view tail = s.substr(s.size() - suffix.size());
  for (std::size_t i = 0; i < tail.size(); ++i) {
    if (lower(tail[i]) != lower(suffix[i])) return false;
  }
  return true;
}

std::string_view strip_trailing_words(std::string_view s, std::span<const std::string_view> words) {
  s = text::trim(s);
  bool stripped = true;
  while (stripped && !s.empty()) {
    stripped = false;
    for (const std::string_view word : words) {
      if (word.size() < s.size() && ends_with_nocase(s, word)) {
        s = text::trim(s.substr(0, s.size() - word.size()));
        stripped = true;
        break;
      }
    }
  }
  return s;
}

std::optional<double> plain_decimal(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  std::string normal(s);
  const std::size_t sep = normal.find_first_of(",.");
  if (sep != std::string::npos) normal[sep] = '.';
  const std::string_view whole = std::string_view(normal).substr(0, sep);
  const std::string_view fraction =
      sep == std::string::npos ? std::string_view() : std::string_view(normal).substr(sep + 1);
  if (!is_digits(whole) || (sep != std::string::npos && !is_digits(fraction))) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(normal.data(), normal.data() + normal.size(), value);
  if (ec != std::errc() || end != normal.data() + normal.size()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> whole_number(double x, std::int64_t min, std::int64_t max) {
  if (!std::isfinite(x) || x != std::floor(x)) return std::nullopt;
  if (x < static_cast<double>(min) || x > static_cast<double>(max)) return std::nullopt;
  return static_cast<std::int64_t>(x);
}

}  // namespace clausier::readers::detail
