// Codes: CPV codes and département codes (the place of performance).

#include <array>
#include <string>
#include <vector>

#include "base/territory.hpp"
#include "base/text.hpp"
#include "readers/value_text.hpp"
#include "readers/values.hpp"

namespace clausier::readers {
namespace {

using detail::quoted;

bool is_letter_start(char c) {
  const auto b = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || b >= 0xC0;  // or an accented letter
}

std::string cpv_illegible(std::string_view raw) {
  return "code CPV illisible " + quoted(raw) +
         " : écrivez les 8 chiffres du code, par exemple 45214200 ou 45214200-2";
}

// What may follow the 8 digits: nothing, a check digit ("-2", " 2"), and
// then a label ("45214200-2 Travaux de construction…").
bool cpv_tail_ok(std::string_view rest) {
  if (rest.size() >= 2 && (rest[0] == '-' || rest[0] == ' ') && rest[1] >= '0' && rest[1] <= '9') {
    rest.remove_prefix(2);
    if (!rest.empty() && rest[0] >= '0' && rest[0] <= '9') return false;
  }
  while (!rest.empty() && (rest[0] == ' ' || rest[0] == '-' || rest[0] == ':')) rest.remove_prefix(1);
  rest = text::trim(rest);
  if (rest.starts_with("\u2013") || rest.starts_with("\u2014")) rest = text::trim(rest.substr(3));  // dashes
  return rest.empty() || is_letter_start(rest[0]);
}

// Seven digits: a spreadsheet that took "09310000" for a number dropped its
// leading zero. Only divisions 03 and 09 of the vocabulary (règlement (CE)
// n° 213/2008) start with a zero, so the zero is put back, with a warning,
// only before a 3 or a 9; any other 7-digit code lacks a digit somewhere.
Parsed<std::string> seven_digits(std::string_view digits) {
  if (digits.front() == '3' || digits.front() == '9') {
    const std::string code = "0" + std::string(digits);
    return Parsed<std::string>::corrected(
        code, "code CPV de 7 chiffres " + quoted(digits) + " lu " + code +
                  " : un tableur a sans doute retiré le zéro initial ; vérifiez-le et écrivez les 8 chiffres "
                  "dans une cellule au format texte");
  }
  return Parsed<std::string>::failure("code CPV de 7 chiffres " + quoted(digits) +
                                      " : un code CPV en a 8 (par exemple 45214200) ; vérifiez le code");
}

}  // namespace

Parsed<std::string> parse_cpv(std::string_view text) {
  const std::string_view s = text::trim(text);
  if (s.empty()) return Parsed<std::string>::failure("code CPV vide : écrivez par exemple 45214200");
  std::size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if ((digits != 7 && digits != 8) || !cpv_tail_ok(s.substr(digits))) {
    return Parsed<std::string>::failure(cpv_illegible(text));
  }
  if (digits == 7) return seven_digits(s.substr(0, 7));
  return std::string(s.substr(0, 8));
}

Parsed<std::string> parse_cpv(const Cell& cell) {
  if (cell.type != Cell::Type::number) return parse_cpv(cell_display(cell));
  const auto code = detail::whole_number(cell.number, 1'000'000, 99'999'999);
  if (!code) return Parsed<std::string>::failure(cpv_illegible(cell_display(cell)));
  const std::string digits = std::to_string(*code);
  if (digits.size() == 7) return seven_digits(digits);
  return digits;
}

namespace {

std::string lieu_illegible(std::string_view raw) {
  return "lieu d'exécution illisible " + quoted(raw) +
         " : écrivez un numéro de département (61, 2A, 971) ou un code postal (61000)";
}

// The one code found in "Orne (61)" or "Alençon 61000", if there is exactly one.
std::optional<std::string> code_in_text(std::string_view s) {
  std::vector<std::string> found;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const bool alnum = i < s.size() && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z') ||
                                        (s[i] >= 'A' && s[i] <= 'Z'));
    if (alnum) continue;
    if (i > start) {
      if (auto code = departement_of(s.substr(start, i - start))) found.push_back(*code);
    }
    start = i + 1;
  }
  if (found.size() != 1) return std::nullopt;
  return found.front();
}

}  // namespace

Parsed<std::string> parse_lieu(std::string_view text) {
  const std::string_view s = text::trim(text);
  if (s.empty()) return Parsed<std::string>::failure(lieu_illegible(text));
  if (s == "20") {
    return Parsed<std::string>::failure("département " + quoted(text) +
                                        " : la Corse a deux départements, écrivez 2A ou 2B");
  }
  if (auto code = departement_of(s)) return *code;
  if (auto code = code_in_text(s)) return *code;
  return Parsed<std::string>::failure(lieu_illegible(text));
}

Parsed<std::string> parse_lieu(const Cell& cell) {
  if (cell.type != Cell::Type::number) return parse_lieu(cell_display(cell));
  const auto code = detail::whole_number(cell.number, 1, 99'999);
  if (!code) return Parsed<std::string>::failure(lieu_illegible(cell_display(cell)));
  return parse_lieu(std::to_string(*code));
}

}  // namespace clausier::readers
