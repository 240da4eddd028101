#include "writers/review_markdown.hpp"

#include "base/french.hpp"
#include "render/renderer.hpp"
#include "writers/review_spool.hpp"
#include "writers/review_text.hpp"

namespace clausier::writers {
namespace {

std::string md(std::string_view s) { return render::escape(render::Escaping::markdown, s); }

std::string table_md(const review::Table& t) {
  std::string out = "|";
  for (const auto& h : t.header) out += " " + md(h) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < t.header.size(); ++i) out += t.numeric[i] ? "---:|" : "---|";
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (const auto& cell : row) out += " " + md(cell) + " |";
    out += "\n";
  }
  return out + "\n";
}

class MarkdownReview final : public ReviewReport {
 public:
  explicit MarkdownReview(std::ostream& out) : out_(out) {}

  void begin(const std::vector<engine::ClauseInfo>& types) override { types_ = types; }

  void lot(const LotEvaluation& e, const LotReview& r) override {
    std::ostream& t = rows_.stream();
    if (e.consultation.lots > 1 && e.lot.consultation != consultation_) {
      consultation_ = e.lot.consultation;
      t << "| **" << md(review::consultation_heading(e)) << "** | | | | | |\n";
    } else if (e.consultation.lots <= 1) {
      consultation_.clear();
    }
    std::string clauses;
    for (const auto& c : e.clauses) {
      if (c.verdict == Verdict::exclue) continue;
      clauses += (clauses.empty() ? "" : std::string(fr::semicolon) + " ") + review::clause_badge_text(c);
    }
    if (clauses.empty()) clauses = "toutes exclues";
    for (const auto& f : review::lot_flags(r)) clauses += " (" + f + ")";
    t << "| " << md(e.lot.reference) << " | " << md(fr::print_typography(e.lot.objet)) << " | "
      << md(fr::euros_cents(e.lot.montant_ht_cents)) << " | " << md(fr::date_short(e.lot.date_lancement))
      << " | " << md(clauses) << " | " << (r.hours ? md(fr::integer(*r.hours)) : "\u2014") << " |\n";

    std::ostream& m = reasons_.stream();
    m << "### " << md(e.lot.reference) << "\n\n";
    std::string excluded;
    for (const auto& c : e.clauses) {
      if (c.verdict == Verdict::exclue) {
        excluded += (excluded.empty() ? "" : ", ") + c.type;
        continue;
      }
      m << "- **" << md(review::clause_heading(c, types_)) << "**";
      std::string sep = std::string(fr::colon) + " ";
      for (const auto& reason : c.reasons) {
        m << sep << md(fr::print_typography(reason));
        sep = " ";
      }
      for (const auto& w : c.warnings) m << " Attention" << fr::colon << " " << md(w);
      if (c.error) m << " " << md(format_diagnostic(*c.error));
      m << "\n";
    }
    if (!excluded.empty()) m << "- Exclues" << fr::colon << " " << md(excluded) << ".\n";
    m << "\n";
    ++lots_;
  }

  void end(const ReviewData& d, const std::vector<Diagnostic>& diagnostics) override {
    out_ << "# Revue de la programmation d'achats\n\n"
         << md("Programme" + std::string(fr::colon) + " " + d.programme + " \u2014 " +
               review::scope_sentence(d) + ".")
         << " " << md(review::made_sentence(d)) << "\n\n## Synthèse\n\n";
    for (const auto& c : review::summary_cards(d)) {
      out_ << "- **" << md(c.label) << "**" << fr::colon << " " << md(c.value) << " (" << md(c.detail) << ")"
           << (c.alert ? " \u2014 **à examiner**" : "") << "\n";
    }
    out_ << "\n";
    if (d.target) out_ << md(review::target_sentence(d)) << "\n\n";
    out_ << "> **Définitions**\n>\n";
    for (const auto& def : review::definitions()) out_ << "> - " << md(def) << "\n";
    out_ << "\n## Répartition\n\n";
    for (const auto& t :
         {review::group_table("heures-trimestre", "Heures d'insertion par trimestre de lancement",
                              "Trimestre", d.by_quarter),
          review::group_table("heures-nature", "Heures d'insertion par nature de marché", "Nature",
                              d.by_nature),
          review::group_table("heures-territoire",
                              "Heures d'insertion par territoire (département du lieu d'exécution)",
                              "Territoire", d.by_territory),
          review::clause_table(d)}) {
      out_ << "### " << md(t.title) << "\n\n" << table_md(t);
    }
    if (d.recorded_known() > 0) {
      const auto recorded = review::recorded_table(d);
      out_ << "### " << md(recorded.title) << "\n\n" << table_md(recorded);
    }
    out_ << "## Lots par consultation\n\n| Référence | Objet | Montant HT | Lancement | Clauses | Heures |\n"
         << "|---|---|---:|---:|---|---:|\n";
    if (lots_ == 0) out_ << "| Aucun lot évalué. | | | | | |\n";
    rows_.copy_to(out_);
    out_ << "\n## Motifs par lot\n\n";
    reasons_.copy_to(out_);
    out_ << "## Messages sur la programmation\n\n";
    if (diagnostics.empty())
      out_ << "Aucun message" << fr::colon << " toutes les lignes ont été lues et évaluées.\n";
    for (const auto& diag : diagnostics) {
      out_ << "- " << review::severity_label(diag.severity) << ", " << md(diag.location.str()) << fr::colon
           << " " << md(diag.message) << "\n";
    }
    out_ << "\n## Règles appliquées\n\n";
    for (const auto& fact : review::rules_facts(d)) out_ << "- " << md(fact) << "\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::vector<engine::ClauseInfo> types_;
  Spool rows_;
  Spool reasons_;
  std::string consultation_;
  std::size_t lots_ = 0;
};

}  // namespace

std::unique_ptr<ReviewReport> make_review_markdown(std::ostream& out) {
  return std::make_unique<MarkdownReview>(out);
}

}  // namespace clausier::writers
