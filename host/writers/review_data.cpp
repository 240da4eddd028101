#include "writers/review_data.hpp"

namespace clausier::writers {

const char* recorded_match_label(RecordedMatch m) {
  switch (m) {
    case RecordedMatch::unknown: return "non renseigné";
    case RecordedMatch::mandatory_missing: return "obligation non tracée";
    case RecordedMatch::retained_missing: return "recommandation non suivie";
    case RecordedMatch::consistent: return "cohérent avec les règles";
    case RecordedMatch::beyond_rules: return "au-delà des règles";
    case RecordedMatch::none_expected: return "aucune attendue, aucune déclarée";
  }
  return "";
}

namespace {
double share(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}
}  // namespace

double ReviewData::lots_share() const {
  return share(static_cast<std::int64_t>(total.lots_retained), static_cast<std::int64_t>(total.lots));
}

double ReviewData::amount_share() const { return share(total.amount_retained_cents, total.amount_cents); }

}  // namespace clausier::writers
