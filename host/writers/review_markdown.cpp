#include "writers/review_markdown.hpp"

#include "base/french.hpp"
#include "render/renderer.hpp"
#include "writers/review_reasons.hpp"
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

  void begin(const std::vector<engine::ClauseInfo>& types) override {
    types_ = types;
    annex_ = review::ReasonAnnex(types);
  }

  void lot(const LotEvaluation& e, const LotReview& r) override {
    LotRows& rows = r.to_decide ? decide_ : others_;
    std::ostream& t = rows.spool.stream();
    if (e.consultation.lots > 1 && e.lot.consultation != rows.consultation) {
      rows.consultation = e.lot.consultation;
      t << "| **" << md(e.lot.consultation) << "** | **"
        << md(review::consultation_heading(e).substr(e.lot.consultation.size() +
                                                     std::string(fr::colon).size() + 1))
        << "** | | | |\n";
    } else if (e.consultation.lots <= 1) {
      rows.consultation.clear();
    }
    std::string clauses;
    for (const auto& c : e.clauses) {
      if (c.verdict == Verdict::exclue) continue;
      clauses +=
          (clauses.empty() ? "" : std::string(fr::semicolon) + " ") + review::clause_badge_text(c, types_);
    }
    if (clauses.empty()) clauses = "toutes exclues";
    for (const auto& f : review::lot_flags(r)) clauses += " (" + f + ")";
    t << "| " << md(e.lot.reference) << " | " << md(review::lot_objet(e)) << " | "
      << md(montant_text(e.lot) + ", " + fr::date_short(e.lot.date_lancement)) << " | " << md(clauses)
      << " | " << (r.hours ? md(fr::integer(*r.hours)) : "\u2014") << " |\n";
    ++rows.lots;
    annex_.add(e);
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
    out_ << "\n";
    if (d.by_buyer.size() > 1) {
      const auto buyers = review::buyer_table(d);
      out_ << "## " << md(buyers.title) << "\n\n" << table_md(buyers);
    }
    out_ << "## Lots\n\nUne ligne par lot, les lots à décider d'abord" << fr::colon
         << " les types de clauses qui n'y sont pas exclus, avec leur verdict et leurs heures. Les motifs "
            "sont "
            "en annexe, regroupés par type de clause et verdict.\n\n";
    if (decide_.lots + others_.lots == 0) out_ << "Aucun lot évalué.\n\n";
    lot_table("Lots à décider", decide_);
    lot_table("Autres lots", others_);
    out_ << "## Répartition\n\n";
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
    out_ << "## Messages sur la programmation\n\n";
    if (diagnostics.empty())
      out_ << "Aucun message" << fr::colon << " toutes les lignes ont été lues et évaluées.\n";
    for (const auto& diag : diagnostics) {
      out_ << "- " << review::severity_label(diag.severity) << ", " << md(review::place(diag.location))
           << fr::colon << " " << md(diag.message) << "\n";
    }
    out_ << "\n## Règles appliquées\n\n";
    for (const auto& fact : review::rules_facts(d)) out_ << "- " << md(fact) << "\n";
    annex();
    out_.flush();
  }

 private:
  // The rows of one table of lots, spooled until the end.
  struct LotRows {
    Spool spool;
    std::string consultation;  // of the last row, for its heading row
    std::size_t lots = 0;
  };

  void lot_table(const std::string& title, LotRows& rows) {
    if (decide_.lots + others_.lots == 0) return;
    out_ << "### " << md(title + " (" + std::to_string(rows.lots) + ")") << "\n\n";
    if (rows.lots == 0) {
      out_ << "Aucun.\n\n";
      return;
    }
    // Five columns: on an A4 page, the clauses keep room enough.
    out_ << "| Référence | Objet | Montant HT, lancement | Clauses | Heures |\n|---|---|---:|---|---:|\n";
    rows.spool.copy_to(out_);
    out_ << "\n";
  }

  // A heading of level 1: the annex starts a page in the office formats.
  void annex() {
    out_
        << "\n# Annexe" << fr::colon
        << " motifs par type de clause\n\nChaque motif une fois, avec les lots où il "
        << "est donné" << fr::semicolon
        << " un motif sans liste de lots vaut pour tous les lots du verdict. Les motifs des types de clauses "
           "exclus se lisent avec clausier evaluate \\-\\-explain.\n\n";
    const auto groups = annex_.groups();
    if (groups.empty()) out_ << "Aucun motif" << fr::colon << " toutes les clauses sont exclues.\n\n";
    for (const auto* g : groups) {
      out_ << "## " << md(review::annex_heading(*g)) << "\n\n" << md(annex_.references(g->lots)) << "\n\n";
      for (const auto& sentence : g->sentences) {
        out_ << "- " << md(sentence.text);
        if (sentence.lots.size() < g->lots.size())
          out_ << " (" << md(annex_.references(sentence.lots)) << ")";
        out_ << "\n";
      }
      out_ << "\n";
    }
    if (annex_.left_out() > 0) {
      out_ << "Les motifs de " << annex_.left_out() << " lots de plus ne sont pas dans cette annexe"
           << fr::colon << " clausier evaluate \\-\\-explain les donne tous.\n";
    }
  }

  std::ostream& out_;
  std::vector<engine::ClauseInfo> types_;
  LotRows decide_;
  LotRows others_;
  review::ReasonAnnex annex_{std::vector<engine::ClauseInfo>{}};
};

}  // namespace

std::unique_ptr<ReviewReport> make_review_markdown(std::ostream& out) {
  return std::make_unique<MarkdownReview>(out);
}

}  // namespace clausier::writers
