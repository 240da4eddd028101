#include "engine/parallel_runner.hpp"

#include <stdexcept>

namespace clausier::engine {

ParallelRunner::ParallelRunner(std::vector<Evaluator> evaluators, Deliver deliver, Options options)
    : evaluators_(std::move(evaluators)), options_(options) {
  if (evaluators_.empty()) throw std::invalid_argument("ParallelRunner: no evaluator");
  breaker_ =
      std::make_unique<CircuitBreaker>(evaluators_.front().clause_infos(), options_.kills_before_suspension);
  for (auto& evaluator : evaluators_) evaluator.use(breaker_.get());
  deliver_ = [this, deliver = std::move(deliver)](LotEvaluation&& evaluation) {
    breaker_->observe(evaluation);
    deliver(std::move(evaluation));
  };
  if (options_.batch == 0) options_.batch = 1;
  if (options_.window == 0) options_.window = 4 * evaluators_.size();
  if (evaluators_.size() == 1) return;
  current_.jobs.reserve(options_.batch);
  spent_.resize(evaluators_.size());
  threads_.reserve(evaluators_.size());
  for (std::size_t i = 0; i < evaluators_.size(); ++i) {
    threads_.emplace_back([this, i] { work(evaluators_[i], i); });
  }
}

ParallelRunner::~ParallelRunner() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (auto& t : threads_) t.join();
}

void ParallelRunner::submit(Lot lot, const ConsultationTotals& totals) {
  if (threads_.empty()) {
    deliver_(evaluators_.front().evaluate(std::move(lot), totals));
    return;
  }
  current_.jobs.push_back({std::move(lot), totals});
  if (current_.jobs.size() >= options_.batch) dispatch();
}

void ParallelRunner::dispatch() {
  std::unique_lock lock(mutex_);
  current_.seq = submitted_++;
  queue_.push_back(std::move(current_));
  current_ = Batch{};
  current_.jobs.reserve(options_.batch);
  lock.unlock();
  work_ready_.notify_one();
  lock.lock();
  // The window is full: wait for the oldest batch. Otherwise hand on what is ready.
  deliver_ready(lock, submitted_ - delivered_ >= options_.window);
}

void ParallelRunner::finish() {
  if (threads_.empty()) return;
  if (!current_.jobs.empty()) dispatch();
  std::unique_lock lock(mutex_);
  while (delivered_ < submitted_) deliver_ready(lock, true);
}

void ParallelRunner::deliver_ready(std::unique_lock<std::mutex>& lock, bool wait) {
  if (wait) batch_done_.wait(lock, [&] { return done_.contains(delivered_); });
  for (auto it = done_.find(delivered_); it != done_.end(); it = done_.find(delivered_)) {
    Finished finished = std::move(it->second);
    done_.erase(it);
    ++delivered_;
    if (finished.failure) std::rethrow_exception(finished.failure);
    lock.unlock();
    for (auto& e : finished.results) {
      deliver_(std::move(e));
      e.lot = Lot{};  // NOLINT(bugprone-use-after-move): reset, read, so allocated, in this thread
    }
    lock.lock();
    spent_[finished.worker].push_back(std::move(finished.results));
  }
}

void ParallelRunner::work(Evaluator& evaluator, std::size_t worker) {
  for (;;) {
    Batch batch;
    Spent spent;  // freed here, in the thread that allocated it, out of the lock
    {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      spent.swap(spent_[worker]);
      if (stopping_) return;
      batch = std::move(queue_.front());
      queue_.pop_front();
    }
    spent.clear();
    Finished finished;
    finished.worker = worker;
    try {
      finished.results.reserve(batch.jobs.size());
      for (auto& job : batch.jobs) {
        finished.results.push_back(evaluator.evaluate(std::move(job.lot), job.totals));
      }
    } catch (...) {  // a bug (clause types never throw): the caller rethrows it
      finished.failure = std::current_exception();
    }
    {
      const std::lock_guard lock(mutex_);
      done_.emplace(batch.seq, std::move(finished));
    }
    batch_done_.notify_one();
  }
}

}  // namespace clausier::engine
