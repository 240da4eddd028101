#pragma once
// Parsers for the values of a programme's cells, as buyers type them. Each
// returns the value or a French message saying what was read and what to
// write instead; none throws. Messages use plain spaces: the DiagnosticSink
// they are reported through applies French typography.
//
// Each parser takes a Cell (typed spreadsheet cells: numbers, dates as serial
// numbers, booleans) or text (CSV).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/date.hpp"
#include "model/lot.hpp"
#include "readers/tabular.hpp"

namespace clausier::readers {

// A parsed value or the message saying why there is none.
template <typename T>
class Parsed {
 public:
  Parsed(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor): `return value;`
  [[nodiscard]] static Parsed failure(std::string message) {
    Parsed p;
    p.error_ = std::move(message);
    return p;
  }
  // A value read by correcting what was written: the warning says what was done.
  [[nodiscard]] static Parsed corrected(T value, std::string warning) {
    Parsed p(std::move(value));
    p.warning_ = std::move(warning);
    return p;
  }

  [[nodiscard]] bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  [[nodiscard]] const T& value() const { return *value_; }
  [[nodiscard]] const std::string& error() const { return error_; }
  // Empty unless the value was corrected.
  [[nodiscard]] const std::string& warning() const { return warning_; }

 private:
  Parsed() = default;
  std::optional<T> value_;
  std::string error_;
  std::string warning_;
};

// Euros to cents: "1 234 567,89 €", "1234567.89", "1 234 567", "1.234.567,89",
// "1,234,567.89"; spaces, U+00A0 and U+202F group digits; "€", "EUR", "HT"
// are allowed. Negative, TTC, ambiguous ("1.234") and garbled amounts fail.
[[nodiscard]] Parsed<std::int64_t> parse_amount(std::string_view text);
[[nodiscard]] Parsed<std::int64_t> parse_amount(const Cell& cell);

// Euros per hour, as a decimal: "25,50 €", "25.5 €/h".
[[nodiscard]] Parsed<double> parse_hourly_cost(std::string_view text);
[[nodiscard]] Parsed<double> parse_hourly_cost(const Cell& cell);

// Hours per month, as a decimal 0 or more: "400", "412,5", "400 h", "400 heures/mois".
[[nodiscard]] Parsed<double> parse_monthly_hours(std::string_view text);
[[nodiscard]] Parsed<double> parse_monthly_hours(const Cell& cell);

// A share 0..1: "50 %", "50%", "0,5", "0.5"; a number above 1 without "%" is a
// percentage ("50" is 0.5). Above 100 % fails.
[[nodiscard]] Parsed<double> parse_ratio(std::string_view text);
[[nodiscard]] Parsed<double> parse_ratio(const Cell& cell);

// "01/03/2027", "1/3/2027", "01-03-2027", "01.03.2027", "2027-03-01" (with an
// optional time: "2027-03-01T00:00:00", "2027-03-01 00:00"), "1er mars 2027",
// and spreadsheet serial numbers (1900 system: 45658 is 2025-01-01; as text
// only between 20000 and 80000). Impossible dates (31/02/2027) fail.
[[nodiscard]] Parsed<Date> parse_date(std::string_view text);
[[nodiscard]] Parsed<Date> parse_date(const Cell& cell);

// Eight digits, check digit dropped: "45214200", "45214200-2", "45214200 2",
// "45214200 - Travaux de construction…"; seven digits get their leading zero
// back ("9310000" is "09310000", as spreadsheets store CPV codes as numbers).
[[nodiscard]] Parsed<std::string> parse_cpv(std::string_view text);
[[nodiscard]] Parsed<std::string> parse_cpv(const Cell& cell);

// "travaux", "Marché de travaux", "fourniture(s)", "prestations de services",
// English "works", "supplies", "services"…
[[nodiscard]] Parsed<Nature> parse_nature(std::string_view text);
[[nodiscard]] Parsed<Nature> parse_nature(const Cell& cell);

// "etat", "État", "autorité centrale", "collectivité", "Collectivité
// territoriale", "entite-adjudicatrice", "EA", "défense ou sécurité"…; empty
// is "collectivite".
[[nodiscard]] Parsed<BuyerType> parse_buyer_type(std::string_view text);
[[nodiscard]] Parsed<BuyerType> parse_buyer_type(const Cell& cell);

// A département code: "61", "1" (is "01"), "2A", "2b", "971".."976", or a
// postal code ("61000" is "61", "97110" is "971", 200xx-201xx is "2A",
// 202xx-206xx is "2B"); a single code inside text ("Orne (61)") is found.
[[nodiscard]] Parsed<std::string> parse_lieu(std::string_view text);
[[nodiscard]] Parsed<std::string> parse_lieu(const Cell& cell);

// oui/non, o/n, yes/no, vrai/faux, x/(empty), 1/0, true/false.
[[nodiscard]] Parsed<bool> parse_bool(std::string_view text);
[[nodiscard]] Parsed<bool> parse_bool(const Cell& cell);

// A whole number of months: "24", "24 mois", "24,0", "2 ans".
[[nodiscard]] Parsed<int> parse_months(std::string_view text);
[[nodiscard]] Parsed<int> parse_months(const Cell& cell);

// True when the cell holds nothing but spaces.
[[nodiscard]] bool is_blank(const Cell& cell);
// The cell as the user sees it, for messages ("9310000", "0,5", "VRAI").
[[nodiscard]] std::string cell_display(const Cell& cell);

}  // namespace clausier::readers
