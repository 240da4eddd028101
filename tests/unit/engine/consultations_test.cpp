#include "engine/consultations.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using clausier::ConsultationTotals;
using clausier::engine::ConsultationIndex;

namespace {

using Records = std::vector<std::pair<std::string, std::int64_t>>;

void pass1(ConsultationIndex& index, const Records& records) {
  for (const auto& [consultation, cents] : records) index.add(consultation, cents);
  index.finish();
}

// The totals pass 2 gives for these lots (consultations), asked in order.
std::vector<std::pair<std::int64_t, std::uint32_t>> pass2(ConsultationIndex& index,
                                                          const std::vector<std::string>& lots) {
  std::vector<std::pair<std::int64_t, std::uint32_t>> out;
  for (const auto& c : lots) {
    const ConsultationTotals t = index.totals(c);
    out.emplace_back(t.montant_ht_cents, t.lots);
  }
  return out;
}

using Totals = std::vector<std::pair<std::int64_t, std::uint32_t>>;

}  // namespace

TEST_SUITE("engine/consultations") {
  TEST_CASE("consecutive lots: each takes the totals of its run, nothing held in memory") {
    ConsultationIndex index;
    pass1(index, {{"C1", 100}, {"C1", 250}, {"C2", 50}, {"C3", 7}, {"C3", 3}});
    CHECK(index.scattered() == 0);
    CHECK(pass2(index, {"C1", "C1", "C2", "C3", "C3"}) ==
          Totals{{350, 2}, {350, 2}, {50, 1}, {10, 2}, {10, 2}});
  }

  TEST_CASE("scattered lots: a consultation in several runs gets the sum of all of them") {
    ConsultationIndex index;
    pass1(index, {{"C1", 100}, {"C2", 50}, {"C1", 250}, {"C3", 1}, {"C2", 5}, {"C1", 1000}});
    CHECK(index.scattered() >= 2);  // C1 and C2 (and maybe a false positive)
    CHECK(pass2(index, {"C1", "C2", "C1", "C3", "C2", "C1"}) ==
          Totals{{1350, 3}, {55, 2}, {1350, 3}, {1, 1}, {55, 2}, {1350, 3}});
  }

  TEST_CASE("rows rejected in pass 2 are stepped over: the next lot finds its own run") {
    ConsultationIndex index;
    pass1(index, {{"A", 1}, {"A", 2}, {"B", 10}, {"B", 20}, {"C", 100}, {"D", 1000}});
    // Every lot of B and one of A were rejected by pass 2.
    CHECK(pass2(index, {"A", "C", "D"}) == Totals{{3, 2}, {100, 1}, {1000, 1}});
  }

  TEST_CASE("only one lot asked for (--only): far down the file") {
    std::vector<std::pair<std::string, std::int64_t>> records;
    for (int i = 0; i < 5000; ++i) records.emplace_back("C" + std::to_string(i / 3), i);
    ConsultationIndex index;
    pass1(index, records);
    // Consultation C1234 holds records 3702, 3703, 3704.
    CHECK(pass2(index, {"C1234"}) == Totals{{3702 + 3703 + 3704, 3}});
  }

  TEST_CASE("a consultation pass 1 did not see: no totals, and the lots after it still find theirs") {
    ConsultationIndex index;
    pass1(index, {{"A", 1}, {"B", 2}, {"C", 3}});
    CHECK(pass2(index, {"A", "Z", "B", "C"}) == Totals{{1, 1}, {0, 0}, {2, 1}, {3, 1}});
  }

  TEST_CASE("many consultations, consecutive then shuffled back: totals exact") {
    // 20 000 consultations of 3 lots each, then one more lot of every tenth
    // at the end of the file (scattered).
    Records records;
    for (int c = 0; c < 20000; ++c) {
      for (int l = 0; l < 3; ++l) records.emplace_back("K" + std::to_string(c), 1);
    }
    for (int c = 0; c < 20000; c += 10) records.emplace_back("K" + std::to_string(c), 100);
    ConsultationIndex index;
    pass1(index, records);
    CHECK(index.scattered() >= 2000);
    CHECK(index.scattered() < 2000 + 200);  // false positives are rare
    bool exact = true;
    for (const auto& [consultation, cents] : records) {
      const int c = std::stoi(consultation.substr(1));
      const ConsultationTotals t = index.totals(consultation);
      const bool scattered = c % 10 == 0;
      exact = exact && t.lots == (scattered ? 4U : 3U) && t.montant_ht_cents == (scattered ? 103 : 3);
    }
    CHECK(exact);
  }
}
