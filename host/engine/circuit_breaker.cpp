#include "engine/circuit_breaker.hpp"

#include <string>

#include "base/french.hpp"

namespace clausier::engine {
namespace {

std::string suspension_message(std::uint32_t limit) {
  return fr::typography("plugin suspendu : arrêté sur " + std::to_string(limit) +
                        " lots de suite (mémoire, budget d'instructions ou durée), il n'est plus appelé "
                        "pour les lots suivants de cette exécution et ses résultats y manquent ; corrigez "
                        "le plugin puis relancez l'évaluation");
}

}  // namespace

CircuitBreaker::CircuitBreaker(const std::vector<const ClauseInfo*>& infos, std::uint32_t limit)
    : infos_(infos),
      limit_(limit),
      kills_in_a_row_(infos.size(), 0),
      decided_(infos.size(), false),
      suspended_(std::make_unique<std::atomic<bool>[]>(infos.size())) {}

ClauseResult CircuitBreaker::suspended_result(std::size_t index) const {
  ClauseResult r;
  r.type = infos_[index]->id;
  r.error = Diagnostic{Severity::error, Location::in_file(infos_[index]->source), suspension_message(limit_)};
  r.suspended = true;
  return r;
}

void CircuitBreaker::observe(LotEvaluation& evaluation) {
  if (limit_ == 0) return;
  for (std::size_t i = 0; i < evaluation.clauses.size() && i < infos_.size(); ++i) {
    ClauseResult& clause = evaluation.clauses[i];
    if (decided_[i]) {
      if (!clause.suspended) clause = suspended_result(i);
      continue;
    }
    if (!clause.killed) {
      kills_in_a_row_[i] = 0;
      continue;
    }
    if (++kills_in_a_row_[i] < limit_) continue;
    decided_[i] = true;
    suspended_[i].store(true, std::memory_order_relaxed);
    clause.suspended = true;
    if (clause.error)
      clause.error->message = fr::typography(clause.error->message + " ; " + suspension_message(limit_));
  }
}

}  // namespace clausier::engine
