#pragma once
// French départements: the code of the place where a contract is performed,
// from what buyers write (a département code or a postal code).

#include <optional>
#include <string>
#include <string_view>

namespace clausier {

// The département of a code: "61" -> "61", "1" -> "01", "2a" -> "2A",
// "971" -> "971", "61000" -> "61", "1000" (a postal code that lost its
// leading zero) -> "01", "20000" -> "2A", "20200" -> "2B", "97110" -> "971".
// Nothing for what is no département ("00", "20", "96", "977", "abc").
[[nodiscard]] std::optional<std::string> departement_of(std::string_view code);

// True when `code` is written as a département code is ("61", "2A", "971").
[[nodiscard]] bool is_departement_code(std::string_view code);

}  // namespace clausier
