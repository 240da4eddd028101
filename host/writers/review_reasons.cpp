#include "writers/review_reasons.hpp"

#include <algorithm>

#include "base/french.hpp"
#include "writers/review_text.hpp"

namespace clausier::writers::review {
namespace {

// obligatoire, recommandée, possible, then the failures.
std::size_t verdict_rank(std::optional<Verdict> v) { return v ? static_cast<std::size_t>(*v) : 4; }

}  // namespace

std::string annex_anchor(const std::string& type, std::optional<Verdict> verdict) {
  return "motifs-" + type + "-" + (verdict ? std::string(verdict_id(*verdict)) : std::string("erreur"));
}

std::string annex_heading(const AnnexGroup& g) {
  return g.title + fr::colon + " " + (g.verdict ? std::string(verdict_label(*g.verdict)) : "erreur") + " (" +
         fr::integer(static_cast<std::int64_t>(g.lots.size())) + (g.lots.size() > 1 ? " lots)" : " lot)");
}

std::string AnnexGroup::anchor() const { return annex_anchor(type, verdict); }

ReasonAnnex::ReasonAnnex(const std::vector<engine::ClauseInfo>& types, std::size_t lot_limit)
    : types_(types), lot_limit_(lot_limit) {}

void ReasonAnnex::add(const LotEvaluation& e) {
  if (references_.size() >= lot_limit_) {
    ++left_out_;
    return;
  }
  const auto lot = static_cast<std::uint32_t>(references_.size());
  references_.push_back(e.lot.reference);
  for (const auto& c : e.clauses) {
    if (c.verdict == Verdict::exclue) continue;
    auto group = std::find_if(groups_.begin(), groups_.end(), [&](const AnnexGroup& g) {
      return g.type == c.type && g.verdict == c.verdict;
    });
    if (group == groups_.end()) {
      AnnexGroup g;
      g.type = c.type;
      g.title = c.type;
      for (const auto& t : types_) {
        if (t.id == c.type) g.title = fr::print_typography(t.title);
      }
      g.verdict = c.verdict;
      groups_.push_back(std::move(g));
      group = std::prev(groups_.end());
    }
    group->lots.push_back(lot);
    std::vector<std::string> sentences;
    for (const auto& reason : c.reasons) sentences.push_back(fr::print_typography(reason.text()));
    for (const auto& w : c.warnings)
      sentences.push_back("Attention" + std::string(fr::colon) + " " + w.text());
    if (c.error) {
      sentences.push_back(
          (c.error->location.empty() ? std::string() : place(c.error->location) + fr::colon + " ") +
          c.error->message);
    }
    if (sentences.empty()) sentences.emplace_back("Aucun motif donné.");
    for (auto& s : sentences) {
      auto [it, added] = group->index.try_emplace(s, group->sentences.size());
      if (added) group->sentences.push_back({std::move(s), {}});
      auto& lots = group->sentences[it->second].lots;
      if (lots.empty() || lots.back() != lot) lots.push_back(lot);
    }
  }
}

std::vector<const AnnexGroup*> ReasonAnnex::groups() const {
  std::vector<const AnnexGroup*> out;
  out.reserve(groups_.size());
  for (const auto& g : groups_) out.push_back(&g);
  const auto type_rank = [&](const std::string& type) {
    const auto it =
        std::find_if(types_.begin(), types_.end(), [&](const engine::ClauseInfo& t) { return t.id == type; });
    return static_cast<std::size_t>(it - types_.begin());
  };
  std::stable_sort(out.begin(), out.end(), [&](const AnnexGroup* a, const AnnexGroup* b) {
    const auto ra = type_rank(a->type);
    const auto rb = type_rank(b->type);
    return ra != rb ? ra < rb : verdict_rank(a->verdict) < verdict_rank(b->verdict);
  });
  return out;
}

std::string ReasonAnnex::references(const std::vector<std::uint32_t>& lots,
                                    const std::function<std::string(const std::string&)>& mark) const {
  std::string out;
  for (std::size_t i = 0; i < lots.size(); ++i) {
    if (i > 0) out += i + 1 == lots.size() ? " et " : ", ";
    out += mark ? mark(references_[lots[i]]) : references_[lots[i]];
  }
  return out;
}

}  // namespace clausier::writers::review
