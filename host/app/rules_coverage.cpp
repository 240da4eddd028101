#include "app/rules_coverage.hpp"

#include "base/french.hpp"
#include "base/quoted.hpp"

namespace clausier::app {

std::optional<RulesCoverage> rules_coverage(const params::ParameterSet& params) {
  const params::Parameter* p = params.find(coverage_parameter);
  if (p == nullptr || p->values.empty()) return std::nullopt;
  const params::DatedValue& first = p->values.front();
  return RulesCoverage{first.from, first.reference.empty() ? p->reference : first.reference, first.note};
}

std::optional<std::string> outside_coverage(const Lot& lot, Date date, bool forced,
                                            const RulesCoverage& coverage) {
  if (!(date < coverage.from)) return std::nullopt;
  std::string out = "lot";
  if (!lot.reference.empty()) out += " " + fr::quoted(lot.reference, 48);
  out += forced ? " : la date d'évaluation donnée (--as-of), le " : " : sa date, le ";
  out += fr::date_long(date) + ", précède le " + fr::date_long(coverage.from) +
         ", où commencent les règles (" + coverage.reference + ")";
  if (!coverage.note.empty()) out += " ; " + coverage.note;
  return out + " : le lot n'est pas évalué";
}

}  // namespace clausier::app
