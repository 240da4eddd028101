#pragma once
// A lot whose nature or amount its source did not give (Lot::unknown) is
// evaluated under hypotheses, and each clause type's results are merged into
// one that says what the verdict depends on:
//
// - an unknown nature: the lot is evaluated as works, supplies and services;
// - an unknown amount: at 1 €, then at every amount the rules compared with
//   (the amount parameters of the traces, TraceEntry::euros) and one cent
//   below it, until no new amount comes up (at most max_amounts per nature).
//
// The merged result keeps the strongest verdict of the hypotheses (a screen
// must not hide a possible obligation), the hours and values every hypothesis
// agrees on, the reasons and warnings they all give, and the union of their
// traces and bases. Its first reason says the verdict of each hypothesis; a
// warning says when the verdict is to be confirmed. Plugins are not told:
// each hypothesis is a whole lot.

#include <cstdint>
#include <functional>
#include <vector>

#include "model/evaluation.hpp"

namespace clausier::engine {

// The results of every clause type, in order, for one whole lot.
using EvaluateKnown = std::function<std::vector<ClauseResult>(const Lot&, const ConsultationTotals&)>;

inline constexpr std::size_t max_amounts = 24;

// The results of `lot` (lot.unknown.any()) merged over its hypotheses. The
// consultation's total is its known part plus the lot's hypothetical amount.
[[nodiscard]] std::vector<ClauseResult> evaluate_under_hypotheses(const Lot& lot,
                                                                  const ConsultationTotals& consultation,
                                                                  const EvaluateKnown& evaluate);

}  // namespace clausier::engine
