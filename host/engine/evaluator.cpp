#include "engine/evaluator.hpp"

namespace clausier::engine {

Evaluator::Evaluator(std::vector<std::unique_ptr<ClauseType>> clause_types, std::optional<Date> as_of)
    : types_(std::move(clause_types)), as_of_(as_of) {}

LotEvaluation Evaluator::evaluate(Lot lot, const ConsultationTotals& consultation) {
  LotEvaluation out{std::move(lot), consultation, {}};
  out.clauses.reserve(types_.size());
  const Date date = date_for(out.lot);
  for (const auto& type : types_) {
    ClauseResult r = type->evaluate(out.lot, consultation, date);
    r.type = type->info().id;
    out.clauses.push_back(std::move(r));
  }
  return out;
}

}  // namespace clausier::engine
