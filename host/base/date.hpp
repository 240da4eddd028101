#pragma once
// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clausier {

class Date {
 public:
  constexpr Date() = default;
  [[nodiscard]] static std::optional<Date> from_ymd(int year, int month, int day);
  [[nodiscard]] static constexpr Date from_days(std::int32_t days) { return Date(days); }
  // Strict "YYYY-MM-DD" (rules, options, JSON).
  [[nodiscard]] static std::optional<Date> parse_iso(std::string_view text);

  [[nodiscard]] constexpr std::int32_t days() const { return days_; }
  [[nodiscard]] int year() const;
  [[nodiscard]] int month() const;        // 1..12
  [[nodiscard]] int day() const;          // 1..31
  [[nodiscard]] std::string iso() const;  // "2026-08-21"

  [[nodiscard]] Date plus_days(std::int32_t n) const { return Date(days_ + n); }
  constexpr auto operator<=>(const Date&) const = default;

 private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

[[nodiscard]] bool is_leap_year(int year);
[[nodiscard]] int days_in_month(int year, int month);

}  // namespace clausier
