#pragma once
// Suspends a clause type whose plugin was killed (instruction budget, memory,
// time) on `limit` lots in a row, for the rest of the run: a memory bomb then
// costs a few kills, not one per lot (each kill costs a collection and a
// reload of the plugin).
//
// The decision is taken in input order, as results are delivered, so that
// the results do not depend on the number of workers: from the lot that
// makes the limit, every later result of that type is the suspension (also
// those a worker computed before it knew). Workers read the flags only to
// stop calling a suspended plugin early.

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/clause_type.hpp"

namespace clausier::engine {

class CircuitBreaker {
 public:
  // Kills in a row before a clause type is suspended, unless a run says otherwise.
  static constexpr std::uint32_t default_limit = 3;

  // `infos`: the clause types, in the evaluators' order. `limit` 0: never suspend.
  CircuitBreaker(const std::vector<const ClauseInfo*>& infos, std::uint32_t limit);

  // Worker side, any thread: whether clause type `index` is known to be suspended.
  [[nodiscard]] bool suspended(std::size_t index) const {
    return suspended_[index].load(std::memory_order_relaxed);
  }
  // The result of a suspended clause type, without calling it.
  [[nodiscard]] ClauseResult suspended_result(std::size_t index) const;

  // Caller side, on each evaluation in input order: counts the kills in a
  // row, suspends, and turns later results of a suspended type into the
  // suspension.
  void observe(LotEvaluation& evaluation);

 private:
  std::vector<const ClauseInfo*> infos_;
  std::uint32_t limit_;
  std::vector<std::uint32_t> kills_in_a_row_;
  std::vector<bool> decided_;  // suspended, as decided in input order
  std::unique_ptr<std::atomic<bool>[]> suspended_;
};

}  // namespace clausier::engine
