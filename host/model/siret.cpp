#include "model/siret.hpp"

namespace clausier {

std::string siret_digits(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ') out += c;
  }
  return out;
}

bool valid_siret(std::string_view s) {
  if (s.size() != 14 || s.find_first_not_of("0123456789") != std::string_view::npos) return false;
  if (s.substr(0, 9) == "356000000") {
    int sum = 0;
    for (const char c : s) sum += c - '0';
    return sum % 5 == 0;
  }
  int sum = 0;
  for (std::size_t i = 0; i < 14; ++i) {
    int d = s[13 - i] - '0';
    if (i % 2 == 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 == 0;
}

}  // namespace clausier
