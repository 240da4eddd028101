#include "base/date.hpp"

#include <doctest/doctest.h>

using clausier::Date;

TEST_CASE("date: ISO round trip and calendar checks") {
  const auto d = Date::parse_iso("2026-08-21");
  REQUIRE(d);
  CHECK(d->iso() == "2026-08-21");
  CHECK(Date::from_ymd(987, 6, 5)->iso() == "0987-06-05");
  CHECK(Date::from_ymd(2031, 12, 31)->iso() == "2031-12-31");
  CHECK(d->year() == 2026);
  CHECK(d->month() == 8);
  CHECK(d->day() == 21);
  CHECK(Date::parse_iso("1970-01-01")->days() == 0);
  CHECK(Date::parse_iso("2024-02-29"));
  CHECK_FALSE(Date::parse_iso("2027-02-29"));
  CHECK_FALSE(Date::parse_iso("2026-13-01"));
  CHECK_FALSE(Date::parse_iso("2026-8-21"));
  CHECK_FALSE(Date::parse_iso("21/08/2026"));
  CHECK_FALSE(Date::parse_iso("2026-08-2x"));
}

TEST_CASE("date: ordering and arithmetic") {
  const Date a = *Date::parse_iso("2026-08-20");
  const Date b = *Date::parse_iso("2026-08-21");
  CHECK(a < b);
  CHECK(a.plus_days(1) == b);
  CHECK(Date::parse_iso("2025-12-31")->plus_days(1).iso() == "2026-01-01");
}
