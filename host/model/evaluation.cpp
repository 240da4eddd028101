#include "model/evaluation.hpp"

namespace clausier {

std::string_view verdict_id(Verdict v) {
  switch (v) {
    case Verdict::obligatoire: return "obligatoire";
    case Verdict::recommandee: return "recommandee";
    case Verdict::possible: return "possible";
    case Verdict::exclue: return "exclue";
  }
  return "exclue";
}

std::string_view verdict_label(Verdict v) {
  switch (v) {
    case Verdict::obligatoire: return "obligatoire";
    case Verdict::recommandee: return "recommandée";
    case Verdict::possible: return "possible";
    case Verdict::exclue: return "exclue";
  }
  return "";
}

std::optional<Verdict> verdict_from_id(std::string_view id) {
  for (const Verdict v : all_verdicts) {
    if (verdict_id(v) == id) return v;
  }
  return std::nullopt;
}

const ClauseResult* LotEvaluation::clause(std::string_view type) const {
  for (const auto& c : clauses) {
    if (c.type == type) return &c;
  }
  return nullptr;
}

}  // namespace clausier
