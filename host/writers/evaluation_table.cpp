#include "writers/evaluation_table.hpp"

#include <array>
#include <map>

#include "base/french.hpp"
#include "base/text.hpp"
#include "params/parameter.hpp"

namespace clausier::writers {
namespace {

constexpr std::size_t ref_width = 16;
constexpr std::size_t objet_width = 40;
constexpr std::size_t amount_width = 14;
constexpr std::size_t clause_width = 24;
constexpr std::size_t compact_width = 15;

struct ClauseTally {
  std::array<std::size_t, 4> verdicts{};
  std::size_t failures = 0;
  std::int64_t hours = 0;
};

// With many clause types the table keeps to a terminal's width: short labels.
std::string_view short_label(Verdict v) {
  switch (v) {
    case Verdict::obligatoire: return "OBLIG.";
    case Verdict::recommandee: return "recom.";
    case Verdict::possible: return "poss.";
    case Verdict::exclue: return "-";
  }
  return "";
}

std::string clause_cell(const ClauseResult& c, bool compact = false) {
  if (!c.verdict) return compact ? "ERREUR" : "ERREUR (voir messages)";
  std::string cell(compact ? short_label(*c.verdict) : verdict_label(*c.verdict));
  if (c.hours) cell += (compact ? " " : ", ") + fr::integer(*c.hours) + " h";
  return cell;
}

class TableSink final : public EvaluationSink {
 public:
  TableSink(std::ostream& out, SinkOptions options) : out_(out), options_(options) {}

  void begin(const std::vector<engine::ClauseInfo>& types) override {
    types_ = types;
    compact_ = types_.size() > 3;
    width_ = compact_ ? compact_width : clause_width;
  }

  // The header, printed with the first lot (or at the end when there is none),
  // so that a programme that cannot be opened shows its error alone.
  void header() {
    if (header_done_) return;
    header_done_ = true;
    std::string header = text::pad("Référence", ref_width) + " " + text::pad("Objet", objet_width) + " " +
                         text::pad("Montant HT", amount_width, true);
    for (const auto& t : types_) {
      header += "  " + text::pad(text::truncate(t.label.empty() ? t.id : t.label, width_), width_);
    }
    while (!header.empty() && header.back() == ' ') header.pop_back();
    out_ << header << '\n' << std::string(text::display_width(header), '-') << '\n';
  }

  void lot(const LotEvaluation& e) override {
    header();
    // Lots of a consultation are listed under a line naming it, its total and
    // its number of lots; each lot then shows what is its own in its object.
    const std::string objet_line = text::single_line(e.lot.objet);
    std::string_view objet = objet_line;
    if (e.consultation.lots > 1) {
      const auto [title, rest] = split_objet(objet_line);
      if (e.lot.consultation != current_consultation_) {
        current_consultation_ = e.lot.consultation;
        out_ << e.lot.consultation << fr::colon << ' ' << title << " \u2014 " << e.consultation.lots
             << " lots, " << total_text(e.lot, e.consultation) << " HT\n";
      }
      if (!rest.empty()) objet = rest;
    } else {
      current_consultation_.clear();
    }
    std::string line = text::pad(text::truncate(e.lot.reference, ref_width), ref_width) + " " +
                       text::pad(text::truncate(objet, objet_width), objet_width) + " " +
                       text::pad(montant_text(e.lot), amount_width, true);
    for (const auto& c : e.clauses) {
      line += "  " + text::pad(text::truncate(clause_cell(c, compact_), width_), width_);
      ClauseTally& tally = tallies_[c.type];
      if (c.verdict) {
        tally.verdicts[static_cast<std::size_t>(*c.verdict)] += 1;
      } else {
        tally.failures += 1;
      }
      if (c.hours && (c.verdict == Verdict::obligatoire || c.verdict == Verdict::recommandee)) {
        tally.hours += *c.hours;
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out_ << line << '\n';
    if (options_.explain) explain(e);
  }

  void end(const std::vector<Diagnostic>&, const RunSummary& summary) override {
    if (summary.unreadable) return;
    header();
    out_ << '\n' << summary.lots_evaluated << (summary.lots_evaluated > 1 ? " lots évalués" : " lot évalué");
    if (summary.rows_rejected > 0) {
      out_ << fr::semicolon << ' ' << summary.rows_rejected
           << (summary.rows_rejected > 1 ? " lignes rejetées" : " ligne rejetée") << " (voir les messages)";
    }
    out_ << ".\n";
    if (compact_) out_ << "OBLIG. obligatoire, recom. recommandée, poss. possible, - exclue.\n";
    for (const auto& t : types_) {
      const ClauseTally& tally = tallies_[t.id];
      out_ << t.title << fr::colon << ' ' << tally.verdicts[0] << " obligatoire(s), " << tally.verdicts[1]
           << " recommandée(s), " << tally.verdicts[2] << " possible(s), " << tally.verdicts[3]
           << " exclue(s)";
      if (tally.failures > 0) out_ << ", " << tally.failures << " en erreur";
      if (tally.hours > 0) {
        out_ << fr::semicolon << ' ' << fr::hours(tally.hours)
             << " d'insertion sur les lots où la clause est "
             << "obligatoire ou recommandée";
      }
      out_ << ".\n";
    }
    out_.flush();
  }

 private:
  // A clause type's French title; its id when the run does not know it.
  [[nodiscard]] const std::string& title_of(const std::string& type) const {
    for (const auto& t : types_) {
      if (t.id == type) return t.title;
    }
    return type;
  }

  void explain(const LotEvaluation& e) {
    for (const auto& c : e.clauses) {
      out_ << "    " << title_of(c.type) << fr::colon << ' ' << clause_cell(c) << '\n';
      for (const auto& r : c.reasons) out_ << "      - " << r.text() << '\n';
      for (const auto& w : c.warnings) out_ << "      ! " << w.text() << '\n';
      if (!c.basis.empty()) {
        out_ << "      Fondements" << fr::colon << ' ';
        for (std::size_t i = 0; i < c.basis.size(); ++i) out_ << (i ? ", " : "") << c.basis[i];
        out_ << '\n';
      }
      for (const auto& t : c.trace) {
        out_ << "      " << t.parameter;
        if (!t.key.empty()) out_ << " [" << (t.matched.empty() ? t.key : t.matched) << "]";
        out_ << " = " << t.value;
        if (const auto from = Date::parse_iso(t.from)) out_ << ", depuis le " << fr::date_long(*from);
        if (!t.reference.empty()) out_ << " (" << t.reference << ")";
        if (t.status != "verifie") {
          const auto status = params::status_from_id(t.status);
          out_ << " ["
               << (status ? params::status_label(*status) : std::string_view("saisi dans le programme"))
               << "]";
        }
        out_ << '\n';
      }
      if (c.error) out_ << "      " << format_diagnostic(*c.error) << '\n';
    }
    out_ << '\n';
  }

  std::ostream& out_;
  SinkOptions options_;
  std::vector<engine::ClauseInfo> types_;
  std::map<std::string, ClauseTally> tallies_;
  std::string current_consultation_;
  bool compact_ = false;
  bool header_done_ = false;
  std::size_t width_ = clause_width;
};

}  // namespace

std::pair<std::string_view, std::string_view> split_objet(std::string_view objet) {
  for (std::string_view dash : {" \u2013 ", " \u2014 ", " - "}) {
    const auto at = objet.rfind(dash);
    if (at != std::string_view::npos && at > 0) return {objet.substr(0, at), objet.substr(at + dash.size())};
  }
  return {objet, {}};
}

std::unique_ptr<EvaluationSink> make_table_sink(std::ostream& out, SinkOptions options) {
  return std::make_unique<TableSink>(out, options);
}

}  // namespace clausier::writers
