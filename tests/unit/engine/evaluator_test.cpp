#include "engine/evaluator.hpp"

#include <doctest/doctest.h>

using namespace clausier;

namespace {

// A clause type that records what it was asked and answers from a script.
class FakeClause final : public engine::ClauseType {
 public:
  explicit FakeClause(std::string id, bool fails = false) : fails_(fails) { info_.id = std::move(id); }
  const engine::ClauseInfo& info() const override { return info_; }
  ClauseResult evaluate(const Lot& lot, const ConsultationTotals& consultation, Date date) override {
    seen_dates.push_back(date);
    seen_totals.push_back(consultation.montant_ht_cents);
    ClauseResult r;
    if (fails_) {
      r.error = Diagnostic{Severity::error, Location::in_file("plugins/" + info_.id + ".lua", 3), "panne"};
      return r;
    }
    r.verdict = lot.montant_ht_cents >= 100'000'00 ? Verdict::recommandee : Verdict::possible;
    r.reasons = {"motif"};
    return r;
  }
  std::vector<Date> seen_dates;
  std::vector<std::int64_t> seen_totals;

 private:
  engine::ClauseInfo info_;
  bool fails_;
};

Lot lot(std::string ref, std::string consultation, std::int64_t cents, const char* date) {
  Lot l;
  l.reference = std::move(ref);
  l.consultation = std::move(consultation);
  l.montant_ht_cents = cents;
  l.date_lancement = *Date::parse_iso(date);
  return l;
}

}  // namespace

TEST_CASE("evaluator: every clause type, in order, with the lot's date — failures stay local") {
  auto a = std::make_unique<FakeClause>("a");
  auto broken = std::make_unique<FakeClause>("panne", true);
  auto* a_ptr = a.get();
  std::vector<std::unique_ptr<engine::ClauseType>> types;
  types.push_back(std::move(a));
  types.push_back(std::move(broken));
  engine::Evaluator evaluator(std::move(types));
  const LotEvaluation e = evaluator.evaluate(lot("L1", "C1", 200'000'00, "2027-03-01"), {300'000'00, 2});
  REQUIRE(e.clauses.size() == 2);
  CHECK(e.clauses[0].type == "a");
  CHECK(e.clauses[0].verdict == Verdict::recommandee);
  CHECK(e.clauses[1].type == "panne");
  CHECK_FALSE(e.clauses[1].verdict);
  CHECK(e.clauses[1].error->location.str() == "plugins/panne.lua:3");
  CHECK(e.consultation.lots == 2);
  CHECK(a_ptr->seen_dates.back().iso() == "2027-03-01");
  CHECK(a_ptr->seen_totals.back() == 300'000'00);
  CHECK(e.clause("a") == &e.clauses[0]);
  CHECK(e.clause("absente") == nullptr);
}

TEST_CASE("evaluator: --as-of replaces every lot's date") {
  auto a = std::make_unique<FakeClause>("a");
  auto* a_ptr = a.get();
  std::vector<std::unique_ptr<engine::ClauseType>> types;
  types.push_back(std::move(a));
  engine::Evaluator evaluator(std::move(types), Date::parse_iso("2026-08-20"));
  (void)evaluator.evaluate(lot("L1", "C1", 1, "2027-03-01"), {});
  CHECK(a_ptr->seen_dates.back().iso() == "2026-08-20");
}
