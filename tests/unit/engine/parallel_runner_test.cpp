#include "engine/parallel_runner.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

using namespace clausier;

namespace {

// Answers from the lot alone, slowly for some lots so that workers finish
// out of order; throws on the lot "boum" (a bug: clause types never throw).
class SlowClause final : public engine::ClauseType {
 public:
  SlowClause() { info_.id = "lente"; }
  const engine::ClauseInfo& info() const override { return info_; }
  ClauseResult evaluate(const Lot& lot, const ConsultationTotals& totals, Date) override {
    if (lot.reference == "boum") throw std::runtime_error("boum");
    if (lot.montant_ht_cents % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
    ClauseResult r;
    r.hours = lot.montant_ht_cents * 2 + totals.lots;
    return r;
  }

 private:
  engine::ClauseInfo info_;
};

std::vector<engine::Evaluator> evaluators(std::size_t n) {
  std::vector<engine::Evaluator> out;
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::unique_ptr<engine::ClauseType>> types;
    types.push_back(std::make_unique<SlowClause>());
    out.emplace_back(std::move(types));
  }
  return out;
}

Lot numbered(int i) {
  Lot lot;
  lot.reference = "L" + std::to_string(i);
  lot.montant_ht_cents = i;
  lot.date_lancement = *Date::parse_iso("2027-03-01");
  return lot;
}

// References and hours of `count` lots run on `workers` workers.
std::vector<std::pair<std::string, std::int64_t>> run(std::size_t workers, int count,
                                                      engine::ParallelRunner::Options options) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  engine::ParallelRunner runner(
      evaluators(workers),
      [&](LotEvaluation&& e) { out.emplace_back(e.lot.reference, e.clauses.at(0).hours.value_or(-1)); },
      options);
  for (int i = 0; i < count; ++i) runner.submit(numbered(i), {0, 3});
  runner.finish();
  return out;
}

}  // namespace

TEST_CASE("parallel runner: input order and the same results whatever the number of workers") {
  const auto one = run(1, 500, {});
  REQUIRE(one.size() == 500);
  for (int i = 0; i < 500; ++i) {
    CHECK(one[i].first == "L" + std::to_string(i));
    CHECK(one[i].second == 2 * i + 3);
  }
  CHECK(run(4, 500, {}) == one);
  CHECK(run(3, 500, {.batch = 1, .window = 2}) == one);  // the window is full all the time
  CHECK(run(2, 500, {.batch = 7, .window = 0}) == one);  // a last batch that is not full
  CHECK(run(4, 0, {}).empty());
}

TEST_CASE("parallel runner: with one worker, each lot is delivered inside submit") {
  std::size_t delivered = 0;
  engine::ParallelRunner runner(evaluators(1), [&](LotEvaluation&&) { ++delivered; });
  CHECK(runner.workers() == 1);
  runner.submit(numbered(1), {});
  CHECK(delivered == 1);
}

TEST_CASE("parallel runner: at most the window is in flight, so memory is bounded") {
  std::size_t submitted = 0;
  std::size_t max_pending = 0;
  std::size_t delivered = 0;
  engine::ParallelRunner runner(evaluators(2), [&](LotEvaluation&&) { ++delivered; },
                                {.batch = 4, .window = 3});
  for (int i = 0; i < 200; ++i) {
    runner.submit(numbered(i), {});
    ++submitted;
    max_pending = std::max(max_pending, submitted - delivered);
  }
  runner.finish();
  CHECK(delivered == 200);
  CHECK(max_pending <= 4 * 3 + 4);  // the window's batches and the one being filled
}

TEST_CASE("parallel runner: what a worker throws reaches the caller") {
  engine::ParallelRunner runner(evaluators(2), [](LotEvaluation&&) {}, {.batch = 2, .window = 0});
  Lot bad = numbered(1);
  bad.reference = "boum";
  runner.submit(numbered(0), {});
  runner.submit(std::move(bad), {});
  CHECK_THROWS_WITH_AS(runner.finish(), "boum", std::runtime_error);
}

namespace {

// Killed (as a plugin stopped by its limits would be) on lots whose
// reference starts with "K"; counts its calls.
class KilledClause final : public engine::ClauseType {
 public:
  explicit KilledClause(std::atomic<int>& calls) : calls_(calls) {
    info_.id = "bombe";
    info_.source = "plugins/bombe.lua";
  }
  const engine::ClauseInfo& info() const override { return info_; }
  ClauseResult evaluate(const Lot& lot, const ConsultationTotals&, Date) override {
    ++calls_;
    ClauseResult r;
    if (lot.reference.starts_with("K")) {
      r.error = Diagnostic{Severity::error, Location::in_file("plugins/bombe.lua", 5), "mémoire épuisée"};
      r.killed = true;
    } else {
      r.verdict = Verdict::possible;
    }
    return r;
  }

 private:
  engine::ClauseInfo info_;
  std::atomic<int>& calls_;
};

// What each lot got, "ok", "tué" or "suspendu", for `refs` on `workers` workers.
std::vector<std::string> breaker_run(std::size_t workers, const std::vector<std::string>& refs,
                                     std::atomic<int>& calls) {
  std::vector<engine::Evaluator> evs;
  for (std::size_t i = 0; i < workers; ++i) {
    std::vector<std::unique_ptr<engine::ClauseType>> types;
    types.push_back(std::make_unique<KilledClause>(calls));
    evs.emplace_back(std::move(types));
  }
  std::vector<std::string> out;
  engine::ParallelRunner runner(std::move(evs),
                                [&](LotEvaluation&& e) {
                                  const ClauseResult& c = e.clauses.at(0);
                                  out.push_back(c.suspended ? "suspendu" : c.killed ? "tué" : "ok");
                                  if (c.suspended)
                                    CHECK(c.error->message.find("plugin suspendu") != std::string::npos);
                                },
                                {.batch = 2, .window = 0, .kills_before_suspension = 3});
  for (const auto& ref : refs) {
    Lot lot = numbered(0);
    lot.reference = ref;
    runner.submit(std::move(lot), {});
  }
  runner.finish();
  return out;
}

}  // namespace

TEST_CASE(
    "circuit breaker: killed on 3 lots in a row, suspended for the rest, the same for 1 and 4 workers") {
  std::vector<std::string> refs = {"K1", "K2", "a", "K3", "K4", "K5", "b", "c", "K6"};
  for (int i = 0; i < 200; ++i) refs.push_back("d" + std::to_string(i));
  std::atomic<int> calls_1{0};
  const auto one = breaker_run(1, refs, calls_1);
  REQUIRE(one.size() == refs.size());
  // Kills that are not in a row do not add up; the third in a row suspends.
  CHECK(std::vector<std::string>(one.begin(), one.begin() + 7) ==
        std::vector<std::string>{"tué", "tué", "ok", "tué", "tué", "suspendu", "suspendu"});
  CHECK(std::all_of(one.begin() + 5, one.end(), [](const std::string& s) { return s == "suspendu"; }));
  CHECK(calls_1 == 6);  // never called after the suspension
  std::atomic<int> calls_4{0};
  CHECK(breaker_run(4, refs, calls_4) == one);
  CHECK(calls_4 < static_cast<int>(refs.size()));  // workers stop calling it once they know
}
