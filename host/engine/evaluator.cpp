#include "engine/evaluator.hpp"

namespace clausier::engine {

Evaluator::Evaluator(std::vector<std::unique_ptr<ClauseType>> clause_types, std::optional<Date> as_of)
    : types_(std::move(clause_types)), as_of_(as_of) {}

LotEvaluation Evaluator::evaluate(Lot lot, const ConsultationTotals& consultation) {
  LotEvaluation out{std::move(lot), consultation, {}};
  out.clauses.reserve(types_.size());
  const Date date = date_for(out.lot);
  for (std::size_t i = 0; i < types_.size(); ++i) {
    if (breaker_ != nullptr && breaker_->suspended(i)) {
      out.clauses.push_back(breaker_->suspended_result(i));
      continue;
    }
    ClauseResult r = types_[i]->evaluate(out.lot, consultation, date);
    r.type = types_[i]->info().id;
    out.clauses.push_back(std::move(r));
  }
  return out;
}

std::vector<const ClauseInfo*> Evaluator::clause_infos() const {
  std::vector<const ClauseInfo*> infos;
  infos.reserve(types_.size());
  for (const auto& type : types_) infos.push_back(&type->info());
  return infos;
}

SerialRun::SerialRun(Evaluator& evaluator, std::uint32_t kills_before_suspension)
    : evaluator_(evaluator), breaker_(evaluator.clause_infos(), kills_before_suspension) {
  evaluator_.use(&breaker_);
}

LotEvaluation SerialRun::evaluate(Lot lot, const ConsultationTotals& consultation) {
  LotEvaluation evaluation = evaluator_.evaluate(std::move(lot), consultation);
  breaker_.observe(evaluation);
  return evaluation;
}

}  // namespace clausier::engine
