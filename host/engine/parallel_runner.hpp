#pragma once
// Evaluates a stream of lots on N worker threads and hands the evaluations
// back in input order, in the caller's thread.
//
// Each worker owns its Evaluator (clause types are not thread-safe: with Lua
// plugins, one Lua state per worker). The caller submits lots one by one;
// lots travel in batches (fewer wake-ups); finished batches wait in a reorder
// window until every earlier batch is delivered. At most `window` batches are
// in flight: when the window is full, submit() delivers what is ready, or
// waits for the oldest batch, so memory is bounded by window x batch lots
// whatever the size of the programme and however slow one lot is.
//
// Results pass through a CircuitBreaker in input order before delivery.
//
// Memory goes back where it came from: once a batch is delivered, its lots
// (read in the caller's thread) are freed there, and its clause results are
// handed back to the worker that made them, which frees them before its next
// batch. Frees across threads cost the allocator atomics and cache misses.
//
// With one evaluator no thread is started: lots are evaluated and delivered
// inside submit(), in the caller's thread.
//
//   ParallelRunner runner(std::move(evaluators), [&](LotEvaluation&& e) { sink.lot(e); });
//   while (reader.next(lot)) runner.submit(std::move(lot), totals);
//   runner.finish();  // delivers the rest

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "engine/evaluator.hpp"

namespace clausier::engine {

class ParallelRunner {
 public:
  using Deliver = std::function<void(LotEvaluation&& evaluation)>;

  struct Options {
    // Lots per batch. Small enough that the results a worker frees when it
    // takes its next batch are still in its cache (64 lots, about 2 MB of
    // results, were not: -j 2 cost 25 % more CPU than -j 1, 10 % with 16).
    std::size_t batch = 16;
    std::size_t window = 0;  // batches in flight; 0: 4 per worker
    // A clause type killed on this many lots in a row is suspended for the
    // rest of the run (engine/circuit_breaker.hpp); 0: never.
    std::uint32_t kills_before_suspension = CircuitBreaker::default_limit;
  };

  // `evaluators` must not be empty; `deliver` is called in the caller's thread.
  ParallelRunner(std::vector<Evaluator> evaluators, Deliver deliver, Options options);
  ParallelRunner(std::vector<Evaluator> evaluators, Deliver deliver)
      : ParallelRunner(std::move(evaluators), std::move(deliver), Options{}) {}
  ~ParallelRunner();  // stops the workers (call finish() first to get every result)
  ParallelRunner(const ParallelRunner&) = delete;
  ParallelRunner& operator=(const ParallelRunner&) = delete;

  [[nodiscard]] std::size_t workers() const { return evaluators_.size(); }

  void submit(Lot lot, const ConsultationTotals& totals);
  // Evaluates what is still pending and delivers everything, in order.
  void finish();

 private:
  struct Job {
    Lot lot;
    ConsultationTotals totals;
  };
  struct Batch {
    std::size_t seq = 0;
    std::vector<Job> jobs;
  };
  struct Finished {
    std::vector<LotEvaluation> results;
    std::exception_ptr failure;  // what a clause type threw, rethrown in the caller
    std::size_t worker = 0;      // which worker made the results
  };
  using Spent = std::vector<std::vector<LotEvaluation>>;  // delivered batches, lots already freed

  void work(Evaluator& evaluator, std::size_t worker);
  void dispatch();
  // Delivers the finished batches that come next in order; with `wait`, first
  // waits for the next one. Called with `lock` held; unlocks while delivering.
  void deliver_ready(std::unique_lock<std::mutex>& lock, bool wait);

  std::vector<Evaluator> evaluators_;
  std::unique_ptr<CircuitBreaker> breaker_;
  Deliver deliver_;
  Options options_;
  Batch current_;
  std::size_t submitted_ = 0;  // batches dispatched
  std::size_t delivered_ = 0;  // batches delivered

  std::mutex mutex_;
  std::condition_variable work_ready_;  // a batch is queued, or stopping
  std::condition_variable batch_done_;  // a batch is finished
  std::deque<Batch> queue_;
  std::map<std::size_t, Finished> done_;  // by seq, waiting for their turn
  std::vector<Spent> spent_;              // by worker: delivered, for it to free
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace clausier::engine
