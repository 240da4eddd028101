#include "writers/review_html.hpp"

#include <cmath>

#include "base/french.hpp"
#include "writers/html_chart.hpp"
#include "writers/html_style.hpp"
#include "writers/review_reasons.hpp"
#include "writers/review_spool.hpp"
#include "writers/review_text.hpp"

namespace clausier::writers {
namespace {

using html::escape;

constexpr int lot_columns = 6;

std::string table_html(const review::Table& t, bool caption) {
  std::string out = "<table class=\"figures\" id=\"table-" + t.id + "\">\n";
  if (caption) out += "<caption class=\"visually-hidden\">" + escape(t.title) + "</caption>\n";
  out += "<thead><tr>";
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    out += std::string("<th scope=\"col\"") + (t.numeric[i] ? " class=\"num\"" : "") + ">" +
           escape(t.header[i]) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      out += i == 0 ? "<th scope=\"row\">" + escape(row[i]) + "</th>"
                    : std::string("<td") + (t.numeric[i] ? " class=\"num\"" : "") + ">" + escape(row[i]) +
                          "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

// A chart, its caption and its table of figures.
std::string figure_html(const review::Table& t, const std::string& svg) {
  return "<figure id=\"figure-" + t.id + "\">\n<figcaption>" + escape(t.title) + "</figcaption>\n" + svg +
         "\n" + table_html(t, true) + "</figure>\n";
}

html::BarChart hours_chart(const review::Table& t, const std::vector<ReviewGroup>& groups) {
  html::BarChart chart{t.title, t.description, {}};
  for (const auto& g : groups) {
    chart.bars.push_back(
        {g.label, static_cast<double>(g.tally.hours), fr::integer(g.tally.hours) + fr::nbsp + "h"});
  }
  return chart;
}

std::string share_text(double ratio) { return fr::percent(std::round(ratio * 1000.0) / 1000.0); }

class HtmlReview final : public ReviewReport {
 public:
  HtmlReview(std::ostream& out, HtmlReviewPart part) : out_(out), part_(part) {}

  void begin(const std::vector<engine::ClauseInfo>& types) override {
    types_ = types;
    annex_ = review::ReasonAnnex(types);
  }

  void lot(const LotEvaluation& e, const LotReview& r) override {
    if (part_ == HtmlReviewPart::figures) return;  // no table of lots
    LotRows& rows = r.to_decide ? decide_ : others_;
    std::ostream& s = rows.spool.stream();
    if (e.consultation.lots > 1) {
      if (e.lot.consultation != rows.consultation) {
        rows.consultation = e.lot.consultation;
        s << "<tr class=\"consultation\"><th colspan=\"" << lot_columns << "\" scope=\"colgroup\"><strong>"
          << escape(e.lot.consultation) << "</strong> "
          << escape(review::consultation_heading(e).substr(e.lot.consultation.size())) << "</th></tr>\n";
      }
    } else {
      rows.consultation.clear();
    }
    s << "<tr id=\"lot-" << escape(e.lot.reference) << "\"><th scope=\"row\">" << escape(e.lot.reference)
      << "</th><td>" << escape(review::lot_objet(e)) << "</td><td class=\"num\">"
      << escape(montant_text(e.lot)) << "</td><td class=\"num\">"
      << escape(fr::date_short(e.lot.date_lancement)) << "</td><td>";
    std::size_t shown = 0;
    for (const auto& c : e.clauses) {
      if (c.verdict == Verdict::exclue) continue;
      // Each badge leads to the reasons of its clause type and verdict in the annex.
      s << "<a href=\"#" << escape(review::annex_anchor(c.type, c.verdict)) << "\">"
        << html::verdict_badge(c.verdict, review::clause_badge_text(c, types_)) << "</a> ";
      ++shown;
    }
    if (shown == 0) s << "<span class=\"muted\">toutes exclues</span>";
    for (const auto& f : review::lot_flags(r)) s << "<br/><span class=\"flag\">" << escape(f) << "</span>";
    s << "</td><td class=\"num\">" << (r.hours ? escape(fr::integer(*r.hours)) : "\u2014") << "</td></tr>\n";
    ++rows.lots;
    annex_.add(e);
  }

  void end(const ReviewData& d, const std::vector<Diagnostic>& diagnostics) override {
    if (part_ == HtmlReviewPart::figures) {
      summary(d);
      buyers(d);
      breakdowns(d);
      out_.flush();
      return;
    }
    out_
        << html::page_head("Revue de la programmation" + std::string(fr::colon) + " " + d.programme)
        << "<body class=\"revue\">\n<header>\n<h1>Revue de la programmation d'achats</h1>\n<p class=\"meta\">"
        << escape("Programme" + std::string(fr::colon) + " " + d.programme + " \u2014 " +
                  review::scope_sentence(d) + ".")
        << "<br/>" << escape(review::made_sentence(d)) << "</p>\n"
        << "<nav aria-label=\"Sommaire\"><ul>\n<li><a href=\"#synthese\">Synthèse</a></li>\n";
    if (d.by_buyer.size() > 1) out_ << "<li><a href=\"#acheteurs\">Par acheteur</a></li>\n";
    out_ << "<li><a href=\"#lots\">Lots</a></li>\n<li><a href=\"#repartition\">Répartition</a></li>\n"
         << "<li><a href=\"#messages\">Messages sur la programmation</a></li>\n"
         << "<li><a href=\"#regles\">Règles appliquées</a></li>\n"
         << "<li><a href=\"#annexe\">Annexe" << fr::colon
         << " motifs</a></li>\n</ul></nav>\n</header>\n<main>\n";
    summary(d);
    buyers(d);
    lots_section();
    breakdowns(d);
    messages(d, diagnostics);
    rules(d);
    annex();
    out_ << "</main>\n</body>\n</html>\n";
    out_.flush();
  }

 private:
  // The rows of one table of lots, spooled until the end.
  struct LotRows {
    Spool spool;
    std::string consultation;  // of the last row, for its heading row
    std::size_t lots = 0;
  };

  void summary(const ReviewData& d) {
    out_ << "<section id=\"synthese\">\n<h2>Synthèse</h2>\n<div class=\"cards\">\n";
    for (const auto& c : review::summary_cards(d)) {
      out_ << "<div class=\"card" << (c.alert ? " alert" : "") << "\"><span class=\"label\">"
           << escape(c.label) << "</span><span class=\"value\">" << escape(c.value)
           << "</span><span class=\"detail\">" << escape(c.detail) << "</span></div>\n";
    }
    out_ << "</div>\n";
    if (d.target) {
      const std::string sentence = review::target_sentence(d);
      html::BarChart chart{"Part des lots avec une considération sociale", sentence, {}};
      chart.bars.push_back({"Cette programmation", d.lots_share(), share_text(d.lots_share())});
      chart.bars.push_back({"Objectif national", d.target->ratio, fr::percent(d.target->ratio)});
      out_ << "<figure id=\"figure-objectif\">\n<figcaption>" << escape(chart.title) << "</figcaption>\n"
           << html::bar_chart_svg(chart, "objectif") << "\n<p>" << escape(sentence) << "</p>\n</figure>\n";
    }
    out_ << "<div class=\"definition\">\n<p><strong>Définitions</strong></p>\n<ul>\n";
    for (const auto& def : review::definitions()) out_ << "<li>" << escape(def) << "</li>\n";
    out_ << "</ul>\n</div>\n</section>\n";
  }

  void breakdowns(const ReviewData& d) {
    out_ << "<section id=\"repartition\" class=\"page\">\n<h2>Répartition</h2>\n";
    const auto quarter = review::group_table(
        "heures-trimestre", "Heures d'insertion par trimestre de lancement", "Trimestre", d.by_quarter);
    out_ << figure_html(quarter, html::bar_chart_svg(hours_chart(quarter, d.by_quarter), quarter.id));
    const auto nature = review::group_table("heures-nature", "Heures d'insertion par nature de marché",
                                            "Nature", d.by_nature);
    out_ << figure_html(nature, html::bar_chart_svg(hours_chart(nature, d.by_nature), nature.id));
    const auto territory = review::group_table(
        "heures-territoire", "Heures d'insertion par territoire (département du lieu d'exécution)",
        "Territoire", d.by_territory);
    out_ << figure_html(territory, html::bar_chart_svg(hours_chart(territory, d.by_territory), territory.id));

    const auto clauses = review::clause_table(d);
    html::StackedChart chart{clauses.title, clauses.description, {}, {}, nullptr};
    for (Verdict v : {Verdict::obligatoire, Verdict::recommandee, Verdict::possible, Verdict::exclue}) {
      const auto colours = html::verdict_colours(v);
      chart.series.push_back({std::string(verdict_label(v)), colours.fill, colours.text});
    }
    const bool failures = d.lots_failed > 0;
    if (failures) {
      const auto failed = html::verdict_colours(std::nullopt);
      chart.series.push_back({"en erreur", failed.fill, failed.text});
    }
    for (const auto& c : d.clauses) {
      std::vector<double> values;
      for (std::size_t count : c.verdicts) values.push_back(static_cast<double>(count));
      if (failures) values.push_back(static_cast<double>(c.failures));
      chart.rows.push_back({review::clause_name(c.type, types_), std::move(values)});
    }
    out_ << figure_html(clauses, html::stacked_chart_svg(chart, clauses.id));

    if (d.recorded_known() > 0) {
      const auto recorded = review::recorded_table(d);
      out_ << "<h3>" << escape(recorded.title) << "</h3>\n" << table_html(recorded, false);
    }
    out_ << "</section>\n";
  }

  void buyers(const ReviewData& d) {
    // A programme of several buyers: each with its own figures.
    if (d.by_buyer.size() <= 1) return;
    const auto t = review::buyer_table(d);
    out_ << "<section id=\"acheteurs\">\n<h2>" << escape(t.title) << "</h2>\n"
         << table_html(t, false) << "</section>\n";
  }

  void lot_table(const char* id, const std::string& title, LotRows& rows) {
    out_ << "<h3 id=\"" << id << "\">" << escape(title) << "</h3>\n";
    if (rows.lots == 0) {
      out_ << "<p class=\"muted\">Aucun.</p>\n";
      return;
    }
    out_ << "<table class=\"lots\">\n<thead><tr><th scope=\"col\">Référence</th><th "
            "scope=\"col\">Objet</th><th scope=\"col\" class=\"num\">Montant HT</th><th scope=\"col\" "
            "class=\"num\">Lancement</th><th scope=\"col\">Clauses</th><th scope=\"col\" "
            "class=\"num\">Heures</th></tr></thead>\n<tbody>\n";
    rows.spool.copy_to(out_);
    out_ << "</tbody>\n</table>\n";
  }

  void lots_section() {
    out_ << "<section id=\"lots\" class=\"page\">\n<h2>Lots</h2>\n<p>Une ligne par lot, les lots à décider "
            "d'abord"
         << fr::colon
         << " les types de clauses qui n'y sont pas exclus, avec leur verdict et leurs heures. Les motifs "
            "sont en annexe, regroupés par type de clause et verdict.</p>\n";
    if (decide_.lots + others_.lots == 0) {
      out_ << "<p>Aucun lot évalué.</p>\n</section>\n";
      return;
    }
    lot_table("lots-a-decider", "Lots à décider (" + std::to_string(decide_.lots) + ")", decide_);
    lot_table("autres-lots", "Autres lots (" + std::to_string(others_.lots) + ")", others_);
    out_ << "</section>\n";
  }

  void annex() {
    out_
        << "<section id=\"annexe\" class=\"page annexe\">\n<h2>Annexe" << fr::colon
        << " motifs par type de clause</h2>\n<p>Chaque motif une fois, avec les lots où il est donné"
        << fr::semicolon
        << " un motif sans liste de lots vaut pour tous les lots du verdict. Les motifs des types de clauses "
           "exclus se lisent avec "
           "<code>clausier evaluate --explain</code>.</p>\n";
    // Each lot leads back to its line.
    const auto lot_link = [](const std::string& reference) {
      return "<a href=\"#lot-" + escape(reference) + "\">" + escape(reference) + "</a>";
    };
    const auto groups = annex_.groups();
    if (groups.empty()) out_ << "<p>Aucun motif" << fr::colon << " toutes les clauses sont exclues.</p>\n";
    for (const auto* g : groups) {
      out_ << "<h3 id=\"" << escape(g->anchor()) << "\">" << escape(review::annex_heading(*g)) << "</h3>\n"
           << "<p class=\"muted\">" << annex_.references(g->lots, lot_link) << "</p>\n<ul>\n";
      for (const auto& sentence : g->sentences) {
        out_ << "<li>" << escape(sentence.text);
        if (sentence.lots.size() < g->lots.size()) {
          out_ << " <span class=\"muted\">(" << annex_.references(sentence.lots, lot_link) << ")</span>";
        }
        out_ << "</li>\n";
      }
      out_ << "</ul>\n";
    }
    if (annex_.left_out() > 0) {
      out_ << "<p>Les motifs de " << annex_.left_out() << " lots de plus ne sont pas dans cette annexe"
           << fr::colon << " <code>clausier evaluate --explain</code> les donne tous.</p>\n";
    }
    out_ << "</section>\n";
  }

  void messages(const ReviewData& d, const std::vector<Diagnostic>& diagnostics) {
    out_ << "<section id=\"messages\">\n<h2>Messages sur la programmation</h2>\n";
    if (diagnostics.empty()) {
      out_ << "<p>Aucun message" << fr::colon << " toutes les lignes ont été lues et évaluées.</p>\n";
    } else {
      if (d.rows_rejected > 0) {
        out_ << "<p>" << d.rows_rejected
             << (d.rows_rejected > 1 ? " lignes rejetées ne sont" : " ligne rejetée n'est")
             << " pas dans cette revue" << fr::colon << " corrigez-les dans la programmation.</p>\n";
      }
      out_ << "<ul class=\"diagnostics\">\n";
      for (const auto& diag : diagnostics) {
        out_ << "<li><span class=\"sev\">" << review::severity_label(diag.severity) << "</span> <code>"
             << escape(review::place(diag.location)) << "</code> " << escape(diag.message) << "</li>\n";
      }
      out_ << "</ul>\n";
    }
    out_ << "</section>\n";
  }

  void rules(const ReviewData& d) {
    out_ << "<section id=\"regles\">\n<h2>Règles appliquées</h2>\n<ul>\n";
    for (const auto& fact : review::rules_facts(d)) out_ << "<li>" << escape(fact) << "</li>\n";
    out_ << "</ul>\n</section>\n";
  }

  std::ostream& out_;
  HtmlReviewPart part_;
  std::vector<engine::ClauseInfo> types_;
  LotRows decide_;
  LotRows others_;
  review::ReasonAnnex annex_{std::vector<engine::ClauseInfo>{}};
};

}  // namespace

std::unique_ptr<ReviewReport> make_review_html(std::ostream& out, HtmlReviewPart part) {
  return std::make_unique<HtmlReview>(out, part);
}

}  // namespace clausier::writers
