// Amounts (euros to cents), hourly costs and ratios.

#include <array>
#include <charconv>
#include <cmath>
#include <span>
#include <vector>

#include "base/text.hpp"
#include "readers/value_text.hpp"
#include "readers/values.hpp"

namespace clausier::readers {
namespace {

using detail::quoted;

// How a kind of amount is named in messages.
struct AmountWords {
  std::string_view noun;     // "montant"
  std::string_view example;  // "1 234 567,89 €"
};
constexpr AmountWords amount_words{"montant", "1 234 567,89 €"};
constexpr AmountWords hourly_words{"coût horaire", "25,50 €"};
constexpr AmountWords monthly_hours_words{"nombre d'heures par mois", "412,5"};

constexpr int max_whole_digits = 15;  // a thousand billion euros: beyond is a typing error

// A number split at its separators: "1 234,5" is runs {"1", "234", "5"} and
// separators " ,". Spaces of every kind (and apostrophes) become ' '.
struct SplitNumber {
  std::vector<std::string_view> runs;
  std::string separators;
};

// The separator class of the code point at `pos` (advancing `pos`), or '\0'.
char separator_at(std::string_view s, std::size_t& pos) {
  const char32_t cp = text::next_code_point(s, pos);
  if (cp == '.' || cp == ',') return static_cast<char>(cp);
  if (cp == ' ' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007 || cp == '\'' || cp == 0x2019) {
    return ' ';
  }
  return '\0';
}

// False when `s` holds anything but digits and single separators between them.
bool split_number(std::string_view s, SplitNumber& out) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == start) return false;  // a separator first, or two in a row
    out.runs.push_back(s.substr(start, pos - start));
    if (pos == s.size()) return true;
    const char sep = separator_at(s, pos);
    if (sep == '\0' || pos == s.size()) return false;  // not a separator, or a trailing one
    out.separators += sep;
  }
  return false;
}

enum class Shape { ok, unreadable, ambiguous };

// Finds the decimal separator (if any) and checks the digit groups before it.
// `whole` gets the digits of the whole part, `fraction` those after the
// decimal separator.
Shape read_shape(const SplitNumber& n, std::string& whole, std::string_view& fraction) {
  const std::string& seps = n.separators;
  std::size_t group_count = n.runs.size();
  if (!seps.empty() && seps.back() != ' ') {
    const char last = seps.back();
    const bool only_once = seps.find(last) == seps.size() - 1;
    if (only_once) {
      // "1.234" or "1,234" alone: thousands or decimals? Say so rather than guess.
      const bool looks_grouped =
          seps.size() == 1 && n.runs[1].size() == 3 && n.runs[0].size() <= 3 && n.runs[0].front() != '0';
      if (looks_grouped) return Shape::ambiguous;
      fraction = n.runs.back();
      --group_count;
    }
  }
  // The separators before the decimal one group thousands: all the same,
  // 1 to 3 digits first, then exactly 3.
  for (std::size_t i = 0; i < group_count; ++i) {
    if (i > 0 && (seps[i - 1] != seps[0] || n.runs[i].size() != 3)) return Shape::unreadable;
    if (i == 0 && group_count > 1 && n.runs[0].size() > 3) return Shape::unreadable;
    whole += n.runs[i];
  }
  return Shape::ok;
}

// Two decimals, rounding half up on the third.
std::int64_t fraction_cents(std::string_view fraction) {
  std::int64_t cents = 0;
  for (std::size_t i = 0; i < 2; ++i) cents = cents * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
  if (fraction.size() > 2 && fraction[2] >= '5') ++cents;
  return cents;
}

std::string illegible(std::string_view raw, const AmountWords& words) {
  return std::string(words.noun) + " illisible " + quoted(raw) + " : écrivez par exemple " +
         std::string(words.example);
}

Parsed<std::int64_t> amount_cents(std::string_view raw, const AmountWords& words,
                                  std::span<const std::string_view> units) {
  const std::string_view trimmed = text::trim(raw);
  if (trimmed.empty()) {
    return Parsed<std::int64_t>::failure(std::string(words.noun) + " vide : écrivez par exemple " +
                                         std::string(words.example));
  }
  if (detail::ends_with_nocase(trimmed, "ttc")) {
    return Parsed<std::int64_t>::failure(std::string(words.noun) + " " + quoted(raw) +
                                         " toutes taxes comprises : indiquez le montant hors taxes (HT)");
  }
  std::string_view s = detail::strip_trailing_words(trimmed, units);
  if (s.starts_with("€")) s = text::trim(s.substr(std::string_view("€").size()));
  if (s.starts_with('-') || s.starts_with("\u2212")) {
    return Parsed<std::int64_t>::failure(std::string(words.noun) + " négatif " + quoted(raw) +
                                         " : indiquez un montant positif, hors taxes");
  }
  if (s.starts_with('+')) s.remove_prefix(1);
  SplitNumber split;
  std::string whole;
  std::string_view fraction;
  if (!split_number(s, split)) return Parsed<std::int64_t>::failure(illegible(raw, words));
  switch (read_shape(split, whole, fraction)) {
    case Shape::unreadable: return Parsed<std::int64_t>::failure(illegible(raw, words));
    case Shape::ambiguous:
      return Parsed<std::int64_t>::failure(std::string(words.noun) + " ambigu " + quoted(raw) +
                                           " : milliers ou décimales ? Écrivez par exemple 1 234 pour des "
                                           "milliers, ou 1,23 pour des décimales");
    case Shape::ok: break;
  }
  while (whole.size() > 1 && whole.front() == '0') whole.erase(0, 1);
  if (whole.size() > max_whole_digits) {
    return Parsed<std::int64_t>::failure(std::string(words.noun) + " trop grand " + quoted(raw) +
                                         " : vérifiez le nombre de chiffres");
  }
  std::int64_t euros = 0;
  std::from_chars(whole.data(), whole.data() + whole.size(), euros);  // at most 15 digits: cannot fail
  return euros * 100 + fraction_cents(fraction);
}

Parsed<std::int64_t> number_cents(const Cell& cell, const AmountWords& words) {
  const double euros = cell.number;
  if (!std::isfinite(euros)) return Parsed<std::int64_t>::failure(illegible(cell_display(cell), words));
  if (euros < 0) {
    return Parsed<std::int64_t>::failure(std::string(words.noun) + " négatif " + quoted(cell) +
                                         " : indiquez un montant positif, hors taxes");
  }
  if (euros >= 1e15) {
    return Parsed<std::int64_t>::failure(std::string(words.noun) + " trop grand " + quoted(cell) +
                                         " : vérifiez le nombre de chiffres");
  }
  return static_cast<std::int64_t>(std::llround(euros * 100.0));
}

// Words allowed after an amount, longest first where one ends another.
constexpr std::array<std::string_view, 8> amount_units = {"€",          "euros", "euro", "eur",
                                                          "hors taxes", "h.t.",  "h.t",  "ht"};
constexpr std::array<std::string_view, 12> hourly_units = {
    "€", "euros", "euro", "eur", "hors taxes", "h.t.", "ht", "/ heure", "/heure", "par heure", "/ h", "/h"};

constexpr std::array<std::string_view, 8> monthly_hours_units = {
    "heures par mois", "heures/mois", "h/mois", "heures", "heure", "/ mois", "/mois", "h"};

bool is_number_cell(const Cell& cell) { return cell.type == Cell::Type::number; }

}  // namespace

Parsed<std::int64_t> parse_amount(std::string_view text) {
  return amount_cents(text, amount_words, amount_units);
}

Parsed<std::int64_t> parse_amount(const Cell& cell) {
  if (is_number_cell(cell)) return number_cents(cell, amount_words);
  return parse_amount(cell_display(cell));
}

Parsed<double> parse_hourly_cost(std::string_view text) {
  const auto cents = amount_cents(text, hourly_words, hourly_units);
  if (!cents) return Parsed<double>::failure(cents.error());
  return static_cast<double>(cents.value()) / 100.0;
}

Parsed<double> parse_hourly_cost(const Cell& cell) {
  if (!is_number_cell(cell)) return parse_hourly_cost(cell_display(cell));
  const auto cents = number_cents(cell, hourly_words);
  if (!cents) return Parsed<double>::failure(cents.error());
  return static_cast<double>(cents.value()) / 100.0;
}

Parsed<double> parse_monthly_hours(std::string_view text) {
  const auto hundredths = amount_cents(text, monthly_hours_words, monthly_hours_units);
  if (!hundredths) return Parsed<double>::failure(hundredths.error());
  return static_cast<double>(hundredths.value()) / 100.0;
}

Parsed<double> parse_monthly_hours(const Cell& cell) {
  if (!is_number_cell(cell)) return parse_monthly_hours(cell_display(cell));
  const auto hundredths = number_cents(cell, monthly_hours_words);
  if (!hundredths) return Parsed<double>::failure(hundredths.error());
  return static_cast<double>(hundredths.value()) / 100.0;
}

namespace {

Parsed<double> ratio_in_range(double ratio, const std::string& shown) {
  if (ratio > 1.0 + 1e-12) {
    return Parsed<double>::failure("pourcentage " + quoted(shown) +
                                   " supérieur à 100 % : écrivez une part entre 0 et 100 %");
  }
  return ratio;
}

std::string ratio_illegible(const std::string& shown) {
  return "pourcentage illisible " + quoted(shown) + " : écrivez par exemple 50 % ou 0,5";
}

}  // namespace

Parsed<double> parse_ratio(std::string_view text) {
  std::string_view s = text::trim(text);
  const bool percent = s.ends_with('%');
  if (percent) s = text::trim(s.substr(0, s.size() - 1));
  const auto value = detail::plain_decimal(s);
  if (!value) return Parsed<double>::failure(ratio_illegible(std::string(text)));
  // "50" without "%" is a percentage too: nobody means 5 000 %.
  return ratio_in_range(percent || *value > 1.0 ? *value / 100.0 : *value, std::string(text));
}

Parsed<double> parse_ratio(const Cell& cell) {
  if (!is_number_cell(cell)) return parse_ratio(cell_display(cell));
  const double x = cell.number;
  if (!std::isfinite(x) || x < 0) return Parsed<double>::failure(ratio_illegible(cell_display(cell)));
  return ratio_in_range(cell.is_percent || x <= 1.0 ? x : x / 100.0, cell_display(cell));
}

}  // namespace clausier::readers
