#pragma once
// The SIRET of an establishment (INSEE's register): 14 digits, the SIREN of
// the company (9) then the establishment's number (5), with a Luhn check
// digit; La Poste's establishments (SIREN 356 000 000), too many for it,
// follow their own rule: the sum of the 14 digits is a multiple of 5.

#include <string>
#include <string_view>

namespace clausier {

// The digits of `text` without its spaces ("123 456 789 00012").
[[nodiscard]] std::string siret_digits(std::string_view text);
// True for 14 digits whose check holds.
[[nodiscard]] bool valid_siret(std::string_view digits);

}  // namespace clausier
