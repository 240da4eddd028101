#pragma once
// What the follow-up's use cases share (app/followup*.cpp): months, the
// vocabularies' matching, the rule parameters of rules/suivi/ by name, and
// the hours owed on an award.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/followup.hpp"
#include "store/followup_store.hpp"
#include "store/workspace_store.hpp"

namespace clausier::app::followup_detail {

// The rule parameters the follow-up reads (rules/suivi/, rules/README.md).
inline constexpr std::string_view categories_parameter = "suivi.categories";
inline constexpr std::string_view sensitive_parameter = "suivi.categories_sensibles";
inline constexpr std::string_view training_parameter = "suivi.heures_formation";
inline constexpr std::string_view before_validation_parameter = "suivi.heures_avant_validation";
inline constexpr std::string_view subcontract_parameter = "suivi.coefficient_sous_traitance";
inline constexpr std::string_view penalty_parameter = "suivi.penalite_heure";
inline constexpr std::string_view notice_parameter = "suivi.delai_mise_en_demeure";
inline constexpr std::string_view retention_parameter = "suivi.conservation";
inline constexpr std::string_view small_count_parameter = "suivi.effectif_minimum";
inline constexpr std::string_view risk_parameter = "suivi.seuil_risque";
inline constexpr std::string_view pace_alert_parameter = "suivi.alerte_rythme";
inline constexpr std::string_view statement_day_parameter = "suivi.jour_etat_mensuel";
inline constexpr std::string_view kickoff_parameter = "suivi.delai_reunion_lancement";

// "2027-05" of a date; the first and last days of a month; the month after.
[[nodiscard]] std::string month_of(Date d);
[[nodiscard]] Date month_first(const std::string& month);
[[nodiscard]] Date month_last(const std::string& month);
[[nodiscard]] std::string next_month(const std::string& month);

// The term whose id or label matches `typed` without case, accents or
// punctuation, or null.
[[nodiscard]] const Term* find_term(const std::vector<Term>& terms, std::string_view typed);

struct Category {
  std::string id;
  std::string label;
  bool sensitive = false;  // reveals a disability: the facilitator's alone
};
[[nodiscard]] std::vector<Category> categories_in_force(const params::ParameterSet& params, Date on);

// A number or boolean rule value in force on a date, with what is said of it.
struct RuleValue {
  std::string name;
  bool found = false;
  double number = 0;
  bool flag = false;
  std::string text;  // as shown: "30 €/h"
  std::string status;
  std::string reference;
};
[[nodiscard]] RuleValue rule(const params::ParameterSet& params, std::string_view name, Date on);

// The hours owed on an award: the decision on its clause (0 when decided
// "exclue"), else the proposal recorded at award. `from` says which.
[[nodiscard]] std::optional<std::int64_t> owed_hours(const store::AwardRow& a,
                                                     const std::optional<store::DecisionRow>& decision,
                                                     std::string* from);

// The hours a line counts for under the rules in force in its month:
// worked hours (times suivi.coefficient_sous_traitance on a subcontract
// route), plus training hours when suivi.heures_formation says so.
class HoursCounter {
 public:
  explicit HoursCounter(const params::ParameterSet& params) : params_(params) {}
  [[nodiscard]] double counted(const store::LineRow& line);

 private:
  const params::ParameterSet& params_;
  std::map<std::string, std::pair<bool, double>, std::less<>> months_;
};

// The category shown to `audience`: sensitive ones are masked but for the
// facilitator.
inline constexpr std::string_view masked_category = "protegee";

}  // namespace clausier::app::followup_detail
