#include "engine/evaluator.hpp"

#include "engine/hypotheses.hpp"

namespace clausier::engine {

Evaluator::Evaluator(std::vector<std::unique_ptr<ClauseType>> clause_types, std::optional<Date> as_of)
    : types_(std::move(clause_types)), as_of_(as_of) {}

LotEvaluation Evaluator::evaluate(Lot lot, const ConsultationTotals& consultation) {
  LotEvaluation out{std::move(lot), consultation, {}};
  if (out.lot.unknown.any()) {
    out.clauses = evaluate_under_hypotheses(out.lot, consultation,
                                            [this](const Lot& assumed, const ConsultationTotals& totals) {
                                              return evaluate_known(assumed, totals);
                                            });
  } else {
    out.clauses = evaluate_known(out.lot, consultation);
  }
  return out;
}

std::vector<ClauseResult> Evaluator::evaluate_known(const Lot& lot, const ConsultationTotals& consultation) {
  std::vector<ClauseResult> out;
  out.reserve(types_.size());
  const Date date = date_for(lot);
  for (std::size_t i = 0; i < types_.size(); ++i) {
    if (breaker_ != nullptr && breaker_->suspended(i)) {
      out.push_back(breaker_->suspended_result(i));
      continue;
    }
    ClauseResult r = types_[i]->evaluate(lot, consultation, date);
    r.type = types_[i]->info().id;
    out.push_back(std::move(r));
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
