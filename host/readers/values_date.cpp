// Dates: French day-first forms, ISO, long French form and spreadsheet serials.

#include <array>
#include <charconv>
#include <cmath>
#include <vector>

#include "base/text.hpp"
#include "readers/value_text.hpp"
#include "readers/values.hpp"

namespace clausier::readers {
namespace {

using detail::is_digits;
using detail::quoted;

// Spreadsheet serial numbers (1900 system): 25569 is 1970-01-01. Serials
// below 61 are off by one (the 1900 leap-year bug) and not worth handling.
constexpr std::int64_t serial_epoch = 25569;
constexpr std::int64_t serial_min = 61;          // 1900-03-01
constexpr std::int64_t serial_max = 2958465;     // 9999-12-31
constexpr std::int64_t text_serial_min = 20000;  // 1954: a serial typed as text
constexpr std::int64_t text_serial_max = 80000;  // 2119

constexpr std::array<std::string_view, 12> month_keys = {"janvier",   "fevrier", "mars",     "avril",
                                                         "mai",       "juin",    "juillet",  "aout",
                                                         "septembre", "octobre", "novembre", "decembre"};

int to_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

std::string illegible(std::string_view raw) {
  return "date illisible " + quoted(raw) + " : écrivez par exemple 01/03/2027 ou 2027-03-01";
}

Parsed<Date> from_ymd(int year, int month, int day, std::string_view raw) {
  if (const auto d = Date::from_ymd(year, month, day)) return *d;
  return Parsed<Date>::failure("date inexistante " + quoted(raw) + " : vérifiez le jour et le mois");
}

Parsed<Date> from_serial(std::int64_t serial) {
  return Date::from_days(static_cast<std::int32_t>(serial - serial_epoch));
}

// Drops a time of day after a date: "2027-03-01T00:00:00", "01/03/2027 00:00".
std::string_view without_time(std::string_view s) {
  const std::size_t cut = s.find_first_of("T ");
  if (cut == std::string_view::npos || cut < 8) return s;
  const std::string_view time = text::trim(s.substr(cut + 1));
  if (time.empty() || time.front() < '0' || time.front() > '9') return s;
  for (const char c : time) {
    if (std::string_view("0123456789:.,Z+-").find(c) == std::string_view::npos) return s;
  }
  return s.substr(0, cut);
}

// Splits "01/03/2027" (or with '-' or '.') into its three numbers.
bool split_numeric(std::string_view s, std::array<std::string_view, 3>& parts) {
  std::size_t count = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '/' && s[i] != '-' && s[i] != '.') continue;
    if (count == 3) return false;
    parts[count++] = s.substr(start, i - start);
    start = i + 1;
  }
  return count == 3 && is_digits(parts[0]) && is_digits(parts[1]) && is_digits(parts[2]);
}

std::optional<Parsed<Date>> numeric_date(std::string_view s, std::string_view raw) {
  std::array<std::string_view, 3> p;
  if (!split_numeric(s, p)) return std::nullopt;
  if (p[0].size() == 4 && p[1].size() <= 2 && p[2].size() <= 2) {
    return from_ymd(to_int(p[0]), to_int(p[1]), to_int(p[2]), raw);
  }
  if (p[0].size() > 2 || p[1].size() > 2) return std::nullopt;
  if (p[2].size() == 2) {
    return Parsed<Date>::failure("année sur deux chiffres " + quoted(raw) +
                                 " : écrivez l'année en entier, par exemple 01/03/2027");
  }
  if (p[2].size() != 4) return std::nullopt;
  return from_ymd(to_int(p[2]), to_int(p[1]), to_int(p[0]), raw);
}

// "1er mars 2027", "15 avril 2027".
std::optional<Parsed<Date>> long_date(std::string_view s, std::string_view raw) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != ' ') continue;
    if (i > start) words.push_back(s.substr(start, i - start));
    start = i + 1;
  }
  if (words.size() != 3 || !is_digits(words[2]) || words[2].size() != 4) return std::nullopt;
  std::string_view day = words[0];
  if (day.ends_with("er")) day.remove_suffix(2);
  if (!is_digits(day) || day.size() > 2) return std::nullopt;
  const std::string month = text::fold_key(words[1]);
  for (std::size_t m = 0; m < month_keys.size(); ++m) {
    if (month == month_keys[m]) return from_ymd(to_int(words[2]), static_cast<int>(m) + 1, to_int(day), raw);
  }
  return std::nullopt;
}

}  // namespace

Parsed<Date> parse_date(std::string_view text) {
  const std::string_view s = text::trim(text);
  if (s.empty()) return Parsed<Date>::failure("date vide : écrivez par exemple 01/03/2027");
  if (is_digits(s)) {
    if (s.size() == 5) {
      const int serial = to_int(s);
      if (serial >= text_serial_min && serial <= text_serial_max) return from_serial(serial);
    }
    return Parsed<Date>::failure(illegible(text));
  }
  if (auto date = numeric_date(without_time(s), text)) return *date;
  if (auto date = long_date(s, text)) return *date;
  return Parsed<Date>::failure(illegible(text));
}

Parsed<Date> parse_date(const Cell& cell) {
  if (cell.type != Cell::Type::number) return parse_date(cell_display(cell));
  // A date-time is a serial with a fraction of a day.
  const auto serial = detail::whole_number(std::floor(cell.number), serial_min, serial_max);
  if (!serial) return Parsed<Date>::failure(illegible(cell_display(cell)));
  return from_serial(*serial);
}

}  // namespace clausier::readers
