#pragma once
// From when the rules describe the law: the date the rule parameter
// `textes.couverture` comes into force (1 April 2016, when the ordinance and
// decree of 2015-2016 replaced the 2006 code). A lot whose rules date (its
// launch date, or the date --as-of forces) is before it is not evaluated: it
// is refused at its line, as a row that does not read is, rather than failing
// in every plugin.

#include <optional>
#include <string>

#include "base/date.hpp"
#include "model/lot.hpp"
#include "params/parameter.hpp"

namespace clausier::app {

inline constexpr std::string_view coverage_parameter = "textes.couverture";

struct RulesCoverage {
  Date from;
  std::string reference;
  std::string note;  // what applied before, as the rule data says it
};

// The coverage the rules give; nothing when they lack the parameter (then
// every lot is evaluated, and a plugin says what it lacks).
[[nodiscard]] std::optional<RulesCoverage> rules_coverage(const params::ParameterSet& params);

// Why `lot`, evaluated at `date` (`forced`: the date given by --as-of), is
// not evaluated, in French; nothing when the rules cover it.
[[nodiscard]] std::optional<std::string> outside_coverage(const Lot& lot, Date date, bool forced,
                                                          const RulesCoverage& coverage);

}  // namespace clausier::app
