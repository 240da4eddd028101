#include "engine/hypotheses.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "base/french.hpp"
#include "base/quoted.hpp"

namespace clausier::engine {
namespace {

constexpr std::int64_t first_amount_cents = 100;  // 1 €

// One evaluation of the lot: the nature and amount it assumed, and its results.
struct Run {
  Nature nature;
  std::int64_t cents;
  std::vector<ClauseResult> results;
};

// The amounts in cents the rules compared the lot with, and one cent below
// each, where a verdict may change: as the lot's amount, and as the
// consultation's total (`known`: the total of the other lots).
void add_compared_amounts(const std::vector<ClauseResult>& results, std::int64_t known,
                          std::set<std::int64_t>& out) {
  const auto add = [&](std::int64_t cents) {
    if (cents >= first_amount_cents) out.insert(cents);
    if (cents - 1 >= first_amount_cents) out.insert(cents - 1);
  };
  for (const ClauseResult& r : results) {
    for (const TraceEntry& e : r.trace) {
      if (!e.euros || !std::isfinite(*e.euros) || *e.euros <= 0 || *e.euros > 1e15) continue;
      const auto cents = static_cast<std::int64_t>(std::llround(*e.euros * 100.0));
      add(cents);
      if (known > 0) add(cents - known);
    }
  }
}

// Every run of one nature: once with the known amount, or at the amounts the
// rules compare with, in increasing order.
void run_nature(const Lot& lot, Nature nature, const ConsultationTotals& consultation,
                const EvaluateKnown& evaluate, std::vector<Run>& out) {
  Lot assumed = lot;
  assumed.nature = nature;
  assumed.unknown = {};
  if (!lot.unknown.montant) {
    out.push_back({nature, lot.montant_ht_cents, evaluate(assumed, consultation)});
    return;
  }
  std::set<std::int64_t> pending{first_amount_cents};
  std::set<std::int64_t> tried;
  while (!pending.empty() && tried.size() < max_amounts) {
    const std::int64_t cents = *pending.begin();
    pending.erase(pending.begin());
    if (!tried.insert(cents).second) continue;
    assumed.montant_ht_cents = cents;
    ConsultationTotals totals = consultation;
    totals.montant_ht_cents += cents;
    std::vector<ClauseResult> results = evaluate(assumed, totals);
    std::set<std::int64_t> compared;
    add_compared_amounts(results, consultation.montant_ht_cents, compared);
    for (const std::int64_t c : compared) {
      if (!tried.contains(c)) pending.insert(c);
    }
    out.push_back({nature, cents, std::move(results)});
  }
  std::stable_sort(out.end() - static_cast<std::ptrdiff_t>(tried.size()), out.end(),
                   [](const Run& a, const Run& b) { return a.cents < b.cents; });
}

// "des travaux": the lot assumed of nature `n`.
std::string of_nature(Nature n) {
  std::string label(nature_label(n));
  label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
  return "des " + label;
}

std::string quoted_verdict(const std::optional<Verdict>& v) {
  return v ? fr::quoted(verdict_label(*v)) : "sans verdict";
}

// "« exclue » de 1 € à 39 999,99 €, « obligatoire » à partir de 40 000 €":
// the verdicts of one nature's runs (sorted by amount), by ranges of amounts.
std::string by_amount(const std::vector<const ClauseResult*>& results,
                      const std::vector<std::int64_t>& cents) {
  std::string out;
  std::size_t i = 0;
  while (i < results.size()) {
    std::size_t j = i;
    while (j + 1 < results.size() && results[j + 1]->verdict == results[i]->verdict) ++j;
    if (!out.empty()) out += ", ";
    out += quoted_verdict(results[i]->verdict);
    if (j + 1 == results.size()) {
      out += (i == 0 ? " quel que soit le montant" : " à partir de " + fr::euros_cents(cents[i]));
    } else if (i == j) {
      out += " à " + fr::euros_cents(cents[i]);
    } else {
      out += " de " + fr::euros_cents(cents[i]) + " à " + fr::euros_cents(cents[j]);
    }
    i = j + 1;
  }
  return out;
}

// The natures of `runs` whose verdict is `v`, as "des travaux et des services".
std::string natures_with(const std::vector<std::pair<Nature, const ClauseResult*>>& runs,
                         const std::optional<Verdict>& v) {
  std::vector<std::string> names;
  for (const auto& [nature, r] : runs) {
    if (r->verdict == v) names.push_back(of_nature(nature));
  }
  return fr::and_list(names);
}

// The first reason of a merged result: the verdict under each hypothesis.
std::string summary(const Lot& lot, const std::vector<Run>& runs, std::size_t clause) {
  const bool nature = lot.unknown.nature;
  const bool amount = lot.unknown.montant;
  std::string out = nature && amount ? "Ni la nature (pas de code CPV) ni le montant du marché ne sont connus"
                    : nature         ? "La nature du marché n'est pas connue (pas de code CPV)"
                                     : "Le montant du marché n'est pas connu";
  const char* method = nature && amount ? "évalué pour chaque nature aux montants que comparent les règles"
                       : nature         ? "évalué comme marché de travaux, de fournitures et de services"
                                        : "évalué aux montants que comparent les règles";
  const std::optional<Verdict> first = runs.front().results[clause].verdict;
  if (std::all_of(runs.begin(), runs.end(),
                  [&](const Run& r) { return r.results[clause].verdict == first; })) {
    return out + " : " + method + ", le verdict est " + quoted_verdict(first) + " dans tous les cas.";
  }
  if (!amount) {
    std::vector<std::pair<Nature, const ClauseResult*>> by_nature;
    std::vector<std::optional<Verdict>> seen;
    for (const Run& run : runs) {
      by_nature.emplace_back(run.nature, &run.results[clause]);
      const auto v = run.results[clause].verdict;
      if (std::find(seen.begin(), seen.end(), v) == seen.end()) seen.push_back(v);
    }
    out += " : le verdict est ";
    for (std::size_t i = 0; i < seen.size(); ++i) {
      if (i > 0) out += ", ";
      out += quoted_verdict(seen[i]) + " pour " + natures_with(by_nature, seen[i]);
    }
    return out + ".";
  }
  out += std::string(" : ") + method + ", le verdict est";
  for (std::size_t i = 0; i < runs.size();) {
    std::size_t j = i;
    std::vector<const ClauseResult*> results;
    std::vector<std::int64_t> cents;
    for (; j < runs.size() && runs[j].nature == runs[i].nature; ++j) {
      results.push_back(&runs[j].results[clause]);
      cents.push_back(runs[j].cents);
    }
    out += i == 0 ? (nature ? ", " : " ") : " ; ";
    if (nature) out += "pour " + of_nature(runs[i].nature) + ", ";
    out += by_amount(results, cents);
    i = j;
  }
  return out + ".";
}

bool same_values(const ClauseResult& a, const NamedValue& v) {
  return std::any_of(a.values.begin(), a.values.end(),
                     [&](const NamedValue& w) { return w.name == v.name && w.value == v.value; });
}

// The sentences every result of `results` gives, in the order of the first.
std::vector<Sentence> common(const std::vector<const ClauseResult*>& results,
                             std::vector<Sentence> ClauseResult::*member) {
  std::vector<Sentence> out;
  for (const Sentence& s : results.front()->*member) {
    const bool everywhere = std::all_of(results.begin() + 1, results.end(), [&](const ClauseResult* r) {
      const auto& others = r->*member;
      return std::find(others.begin(), others.end(), s) != others.end();
    });
    if (everywhere) out.push_back(s);
  }
  return out;
}

ClauseResult merge(const Lot& lot, const std::vector<Run>& runs, std::size_t clause) {
  std::vector<const ClauseResult*> results;
  results.reserve(runs.size());
  for (const Run& run : runs) results.push_back(&run.results[clause]);
  // A failure or a suspension is the clause's result, as without hypotheses.
  for (const ClauseResult* r : results) {
    if (r->error || r->suspended || !r->verdict) return *r;
  }
  const ClauseResult& first = *results.front();
  ClauseResult out;
  out.type = first.type;
  for (const ClauseResult* r : results) {
    if (!out.verdict || static_cast<int>(*r->verdict) < static_cast<int>(*out.verdict))
      out.verdict = r->verdict;
  }
  const bool same_verdict = std::all_of(results.begin(), results.end(),
                                        [&](const ClauseResult* r) { return r->verdict == first.verdict; });
  if (std::all_of(results.begin(), results.end(),
                  [&](const ClauseResult* r) { return r->hours == first.hours; })) {
    out.hours = first.hours;
  }
  for (const NamedValue& v : first.values) {
    if (std::all_of(results.begin() + 1, results.end(),
                    [&](const ClauseResult* r) { return same_values(*r, v); })) {
      out.values.push_back(v);
    }
  }
  out.reasons.emplace_back(fr::typography(summary(lot, runs, clause)));
  for (Sentence& s : common(results, &ClauseResult::reasons)) out.reasons.push_back(std::move(s));
  out.warnings = common(results, &ClauseResult::warnings);
  out.verdict_assumed = !same_verdict;
  if (!same_verdict) {
    const char* missing = lot.unknown.nature && lot.unknown.montant ? "de la nature (code CPV) et du montant"
                          : lot.unknown.nature                      ? "de la nature (code CPV)"
                                                                    : "du montant";
    out.warnings.emplace_back(
        fr::typography(std::string("Verdict à confirmer : il dépend ") + missing +
                       " du marché, que la source ne donne pas ; le verdict retenu est le "
                       "plus fort des hypothèses."));
  }
  for (const ClauseResult* r : results) {
    for (const std::string& b : r->basis) {
      if (std::find(out.basis.begin(), out.basis.end(), b) == out.basis.end()) out.basis.push_back(b);
    }
    for (const Trace::Entry& e : r->trace.entries()) {
      const bool seen = std::any_of(out.trace.begin(), out.trace.end(), [&](const TraceEntry& t) {
        return t.parameter == e->parameter && t.key == e->key && t.value == e->value && t.from == e->from;
      });
      if (!seen) out.trace.push_back(e);
    }
  }
  return out;
}

}  // namespace

std::vector<ClauseResult> evaluate_under_hypotheses(const Lot& lot, const ConsultationTotals& consultation,
                                                    const EvaluateKnown& evaluate) {
  std::vector<Run> runs;
  if (lot.unknown.nature) {
    for (const Nature n : all_natures) run_nature(lot, n, consultation, evaluate, runs);
  } else {
    run_nature(lot, lot.nature, consultation, evaluate, runs);
  }
  std::vector<ClauseResult> out;
  const std::size_t clauses = runs.front().results.size();
  out.reserve(clauses);
  for (std::size_t i = 0; i < clauses; ++i) out.push_back(merge(lot, runs, i));
  return out;
}

}  // namespace clausier::engine
