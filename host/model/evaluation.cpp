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
  if (id == "obligatoire") return Verdict::obligatoire;
  if (id == "recommandee") return Verdict::recommandee;
  if (id == "possible") return Verdict::possible;
  if (id == "exclue") return Verdict::exclue;
  return std::nullopt;
}

const ClauseResult* LotEvaluation::clause(std::string_view type) const {
  for (const auto& c : clauses) {
    if (c.type == type) return &c;
  }
  return nullptr;
}

}  // namespace clausier
