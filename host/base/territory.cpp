#include "base/territory.hpp"

#include <algorithm>

namespace clausier {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A Corsican postal code: 200xx-201xx is Corse-du-Sud, 202xx-206xx Haute-Corse.
std::optional<std::string> corsica(std::string_view postal) {
  const char third = postal[2];
  if (third == '0' || third == '1') return "2A";
  if (third >= '2' && third <= '6') return "2B";
  return std::nullopt;
}

// 971 Guadeloupe .. 976 Mayotte.
bool is_overseas(std::string_view code) { return code >= "971" && code <= "976"; }

}  // namespace

std::optional<std::string> departement_of(std::string_view text) {
  if (text.size() == 2 && text[0] == '2' && (text[1] == 'a' || text[1] == 'A')) return "2A";
  if (text.size() == 2 && text[0] == '2' && (text[1] == 'b' || text[1] == 'B')) return "2B";
  if (!all_digits(text)) return std::nullopt;
  std::string code(text);
  if (code.size() == 4) code.insert(0, "0");  // a postal code that lost its leading zero
  if (code.size() == 5) {
    if (code.starts_with("20")) return corsica(code);
    code.resize(code.starts_with("97") ? 3 : 2);
  }
  if (code.size() == 3) return is_overseas(code) ? std::optional(code) : std::nullopt;
  if (code.size() == 1) code.insert(0, "0");
  if (code.size() != 2 || code == "00" || code == "20" || code > "95") return std::nullopt;
  return code;
}

bool is_departement_code(std::string_view code) {
  if (code.size() != 2 && code.size() != 3) return false;
  const auto normal = departement_of(code);
  return normal && *normal == code;
}

}  // namespace clausier
