#include "engine/hypotheses.hpp"

#include <doctest/doctest.h>

#include <map>

#include "engine/evaluator.hpp"

using namespace clausier;

namespace {

// A clause type with a threshold per nature, read from "rules" (its trace
// says the amount, as the Lua host's does): obligatoire at or above it on the
// consultation's total, possible from a tenth of it, exclue below. Works have
// no clause at all below 10 000 €, whatever the threshold.
class ThresholdClause final : public engine::ClauseType {
 public:
  ThresholdClause() { info_.id = "seuil"; }
  const engine::ClauseInfo& info() const override { return info_; }
  ClauseResult evaluate(const Lot& lot, const ConsultationTotals& consultation, Date) override {
    CHECK_FALSE(lot.unknown.any());  // a plugin sees whole lots only
    ++calls;
    const std::int64_t threshold = thresholds.at(lot.nature);
    ClauseResult r;
    r.trace.push_back(TraceEntry{"seuil." + std::string(nature_id(lot.nature)), "", "",
                                 std::to_string(threshold / 100) + " €", "2026-01-01", "réf.", "verifie",
                                 "rules/seuil.lua", static_cast<double>(threshold) / 100.0});
    if (consultation.montant_ht_cents >= threshold) {
      r.verdict = Verdict::obligatoire;
    } else if (consultation.montant_ht_cents >= threshold / 10) {
      r.verdict = Verdict::possible;
      // Read only below the threshold: found on a second round.
      r.trace.push_back(TraceEntry{"seuil.dixieme", "", "", "", "2026-01-01", "", "verifie", "",
                                   static_cast<double>(threshold / 10) / 100.0});
    } else {
      r.verdict = Verdict::exclue;
    }
    r.hours = lot.montant_ht_cents / 10'000;
    r.values = {{"taux", 0.05}, {"montant", static_cast<double>(lot.montant_ht_cents)}};
    r.reasons = {"Toujours dit.", "Le montant est de " + std::to_string(lot.montant_ht_cents) + "."};
    r.basis = {"CCP L2112-2"};
    return r;
  }
  std::map<Nature, std::int64_t> thresholds = {
      {Nature::travaux, 5'404'000'00}, {Nature::fournitures, 216'000'00}, {Nature::services, 216'000'00}};
  int calls = 0;

 private:
  engine::ClauseInfo info_;
};

engine::Evaluator evaluator_of(ThresholdClause*& out) {
  auto clause = std::make_unique<ThresholdClause>();
  out = clause.get();
  std::vector<std::unique_ptr<engine::ClauseType>> types;
  types.push_back(std::move(clause));
  return engine::Evaluator(std::move(types));
}

Lot lot_of(Nature n, std::int64_t cents) {
  Lot l;
  l.reference = "L";
  l.consultation = "L";
  l.nature = n;
  l.montant_ht_cents = cents;
  l.date_lancement = *Date::parse_iso("2026-10-01");
  return l;
}

}  // namespace

TEST_CASE("hypotheses: a lot with every value known is evaluated once, as it is") {
  ThresholdClause* clause = nullptr;
  engine::Evaluator evaluator = evaluator_of(clause);
  const LotEvaluation e = evaluator.evaluate(lot_of(Nature::services, 300'000'00), {300'000'00, 1});
  CHECK(clause->calls == 1);
  CHECK(e.clauses.at(0).verdict == Verdict::obligatoire);
  CHECK(e.clauses.at(0).reasons.size() == 2);
}

TEST_CASE("hypotheses: an unknown nature, each nature tried, the strongest verdict kept and said") {
  ThresholdClause* clause = nullptr;
  engine::Evaluator evaluator = evaluator_of(clause);
  Lot l = lot_of(Nature::services, 300'000'00);
  l.unknown.nature = true;
  const LotEvaluation e = evaluator.evaluate(l, {300'000'00, 1});
  CHECK(clause->calls == 3);
  CHECK(e.lot.unknown.nature);  // the lot stays as read
  const ClauseResult& r = e.clauses.at(0);
  CHECK(r.type == "seuil");
  CHECK(r.verdict == Verdict::obligatoire);
  CHECK(r.verdict_assumed);
  CHECK(r.hours == 3'000);  // the same under every hypothesis
  REQUIRE(r.reasons.size() == 3);
  CHECK(r.reasons[0].text() ==
        "La nature du marché n'est pas connue (pas de code CPV)\u00a0: le verdict est «\u00a0exclue\u00a0» "
        "pour "
        "des travaux, «\u00a0obligatoire\u00a0» pour des fournitures et des services.");
  CHECK(r.reasons[1].text() == "Toujours dit.");
  CHECK(r.reasons[2].text() == "Le montant est de 30000000.");  // the amount is known: the same everywhere
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].text().starts_with(
      "Verdict à confirmer\u00a0: il dépend de la nature (code CPV) du marché"));
  CHECK(r.basis == std::vector<std::string>{"CCP L2112-2"});
  CHECK(r.trace.size() == 3);  // a threshold per nature
}

TEST_CASE("hypotheses: an unknown amount, tried at 1 € and around every amount the rules compare with") {
  ThresholdClause* clause = nullptr;
  engine::Evaluator evaluator = evaluator_of(clause);
  Lot l = lot_of(Nature::services, 0);
  l.unknown.montant = true;
  const LotEvaluation e = evaluator.evaluate(l, {5'000'00, 3});  // the other lots' known total
  // 1 €; the threshold and a cent below, as the lot's amount and as the
  // consultation's total; then the same around its tenth.
  CHECK(clause->calls == 9);
  const ClauseResult& r = e.clauses.at(0);
  CHECK(r.verdict == Verdict::obligatoire);
  CHECK_FALSE(r.hours);  // depends on the amount
  REQUIRE(r.values.size() == 1);
  CHECK(r.values[0].name == "taux");
  REQUIRE(r.reasons.size() == 2);
  // The totals tried are the known part plus the lot's hypothetical amount.
  CHECK(r.reasons[0].text() ==
        "Le montant du marché n'est pas connu\u00a0: évalué aux montants que comparent les règles, le "
        "verdict est "
        "«\u00a0exclue\u00a0» de 1\u00a0€ à 16\u202f599,99\u00a0€, «\u00a0possible\u00a0» de "
        "16\u202f600\u00a0€ à "
        "210\u202f999,99\u00a0€, «\u00a0obligatoire\u00a0» à partir de 211\u202f000\u00a0€.");
  CHECK(r.reasons[1].text() == "Toujours dit.");
}

TEST_CASE("hypotheses: the same verdict everywhere is said in one phrase, with no warning") {
  ThresholdClause* clause = nullptr;
  engine::Evaluator evaluator = evaluator_of(clause);
  for (auto& [nature, t] : clause->thresholds) t = 1;  // everything is above
  Lot l = lot_of(Nature::services, 0);
  l.unknown = {true, true};
  const LotEvaluation e = evaluator.evaluate(l, {});
  const ClauseResult& r = e.clauses.at(0);
  CHECK(r.verdict == Verdict::obligatoire);
  CHECK_FALSE(r.verdict_assumed);  // the same under every hypothesis: not to confirm
  CHECK(r.warnings.empty());
  CHECK(r.reasons.at(0).text() ==
        "Ni la nature (pas de code CPV) ni le montant du marché ne sont connus\u00a0: évalué pour chaque "
        "nature "
        "aux montants que comparent les règles, le verdict est «\u00a0obligatoire\u00a0» dans tous les cas.");
}

TEST_CASE("hypotheses: the amounts tried are bounded") {
  ThresholdClause* clause = nullptr;
  engine::Evaluator evaluator = evaluator_of(clause);
  Lot l = lot_of(Nature::services, 0);
  l.unknown = {true, true};
  (void)evaluator.evaluate(l, {});
  CHECK(clause->calls <= static_cast<int>(3 * engine::max_amounts));
}
