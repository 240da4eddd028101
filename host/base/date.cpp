#include "base/date.hpp"

#include <charconv>
#include <cstdio>

namespace clausier {
namespace {

// Howard Hinnant's civil-from-days / days-from-civil algorithms.
constexpr std::int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int y, m, d;
};

constexpr Civil civil_from_days(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = yoe + era * 400;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {y + (m <= 2 ? 1 : 0), m, d};
}

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return days[month - 1];
}

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return Date(days_from_civil(year, month, day));
}

std::optional<Date> Date::parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!parse_int(text.substr(0, 4), y) || !parse_int(text.substr(5, 2), m) ||
      !parse_int(text.substr(8, 2), d)) {
    return std::nullopt;
  }
  return from_ymd(y, m, d);
}

int Date::year() const { return civil_from_days(days_).y; }
int Date::month() const { return civil_from_days(days_).m; }
int Date::day() const { return civil_from_days(days_).d; }

std::string Date::iso() const {
  const Civil c = civil_from_days(days_);
  if (c.y < 0 || c.y > 9999) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
    return buf;
  }
  // Hot (plugins' lot tables and traces): digits by hand, not snprintf.
  const auto digit = [](int n) { return static_cast<char>('0' + n); };
  return {digit(c.y / 1000),
          digit(c.y / 100 % 10),
          digit(c.y / 10 % 10),
          digit(c.y % 10),
          '-',
          digit(c.m / 10),
          digit(c.m % 10),
          '-',
          digit(c.d / 10),
          digit(c.d % 10)};
}

}  // namespace clausier
