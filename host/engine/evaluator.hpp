#pragma once
// Applies every clause type to a lot, with the rules in force on the lot's
// launch date (or on the date forced by --as-of).

#include <memory>
#include <optional>
#include <vector>

#include "engine/circuit_breaker.hpp"
#include "engine/clause_type.hpp"

namespace clausier::engine {

class Evaluator {
 public:
  explicit Evaluator(std::vector<std::unique_ptr<ClauseType>> clause_types, std::optional<Date> as_of = {});

  // A lot with unknown values (Lot::unknown) is evaluated under hypotheses
  // (engine/hypotheses.hpp).
  [[nodiscard]] LotEvaluation evaluate(Lot lot, const ConsultationTotals& consultation);
  // Clause types `breaker` says are suspended are no longer called (null: none).
  void use(const CircuitBreaker* breaker) { breaker_ = breaker; }
  [[nodiscard]] const std::vector<std::unique_ptr<ClauseType>>& clause_types() const { return types_; }
  // What each clause type is, in order (a circuit breaker's infos).
  [[nodiscard]] std::vector<const ClauseInfo*> clause_infos() const;
  // The date whose rules apply to `lot`.
  [[nodiscard]] Date date_for(const Lot& lot) const { return as_of_.value_or(lot.date_lancement); }
  // The date forced for every lot (--as-of), if any.
  [[nodiscard]] const std::optional<Date>& as_of() const { return as_of_; }

 private:
  // Every clause type's result for a lot whose values are all known.
  [[nodiscard]] std::vector<ClauseResult> evaluate_known(const Lot& lot,
                                                         const ConsultationTotals& consultation);

  std::vector<std::unique_ptr<ClauseType>> types_;
  std::optional<Date> as_of_;
  const CircuitBreaker* breaker_ = nullptr;
};

// One run of an evaluator in the caller's thread, with a circuit breaker of
// its own, as ParallelRunner gives its workers: for a thread that keeps its
// evaluator from run to run (the web server's). The breaker is detached when
// the run ends.
class SerialRun {
 public:
  explicit SerialRun(Evaluator& evaluator,
                     std::uint32_t kills_before_suspension = CircuitBreaker::default_limit);
  ~SerialRun() { evaluator_.use(nullptr); }
  SerialRun(const SerialRun&) = delete;
  SerialRun& operator=(const SerialRun&) = delete;

  // A lot with unknown values (Lot::unknown) is evaluated under hypotheses
  // (engine/hypotheses.hpp).
  [[nodiscard]] LotEvaluation evaluate(Lot lot, const ConsultationTotals& consultation);

 private:
  Evaluator& evaluator_;
  CircuitBreaker breaker_;
};

}  // namespace clausier::engine
