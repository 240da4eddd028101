#include "writers/rules_diff.hpp"

#include "base/french.hpp"
#include "base/text.hpp"
#include "writers/evaluation_json.hpp"
#include "writers/json_writer.hpp"

namespace clausier::writers {
namespace {

constexpr std::size_t ref_width = 16;
constexpr std::size_t objet_width = 36;
constexpr std::size_t clause_width = 18;
constexpr std::size_t verdict_width = 30;
constexpr std::size_t number_width = 12;

const char* arrow = " \u2192 ";

std::string verdict_text(const ClauseSide& side) {
  if (!side.present) return "absente";
  if (!side.verdict) return "erreur";
  return std::string(verdict_label(*side.verdict));
}

std::string hours_text(const ClauseSide& side) {
  return side.present && side.hours ? fr::integer(*side.hours) : "\u2014";
}

// "+1 234", "−2 345" (minus sign), "0".
std::string signed_integer(std::int64_t n) {
  if (n > 0) return "+" + fr::integer(n);
  if (n < 0) return "\u2212" + fr::integer(-n);
  return "0";
}

// The lot's own part of its object: "Reconstruction du collège – gros œuvre" -> "gros œuvre".
std::string_view own_objet(std::string_view objet) {
  for (std::string_view dash : {" \u2013 ", " \u2014 ", " - "}) {
    const auto at = objet.rfind(dash);
    if (at != std::string_view::npos && at > 0 && at + dash.size() < objet.size())
      return objet.substr(at + dash.size());
  }
  return objet;
}

class DiffTable final : public DiffSink {
 public:
  explicit DiffTable(std::ostream& out) : out_(out) {}

  void begin(const DiffHeader& h) override { header_ = h; }

  // The title, printed with the first change (or at the end when there is
  // none), so that a programme that cannot be opened shows its error alone.
  void title() {
    if (title_written_) return;
    title_written_ = true;
    out_ << "Effet d'un changement de règles sur " << header_.programme << '\n'
         << "  Règles avant" << fr::colon << ' ' << header_.rules_before << '\n'
         << "  Règles après" << fr::colon << ' ' << header_.rules_after << '\n';
    if (!header_.policy.empty())
      out_ << "  Politique locale (des deux côtés)" << fr::colon << ' ' << header_.policy << '\n';
    out_ << '\n';
  }

  void lot(const LotChange& change) override {
    title();
    if (!header_written_) {
      header_written_ = true;
      std::string header = text::pad("Référence", ref_width) + " " + text::pad("Objet", objet_width) + " " +
                           text::pad("Clause", clause_width) + " " +
                           text::pad(std::string("Verdict avant") + arrow + "après", verdict_width) + " " +
                           "Heures avant" + arrow + "après";
      out_ << header << '\n' << std::string(text::display_width(header), '-') << '\n';
    }
    const std::string objet = text::single_line(own_objet(change.objet));
    bool first = true;
    for (const auto& c : change.changes) {
      std::string line =
          text::pad(first ? text::truncate(change.reference, ref_width) : std::string(), ref_width) + " " +
          text::pad(first ? text::truncate(objet, objet_width) : std::string(), objet_width) + " " +
          text::pad(text::truncate(c.clause, clause_width), clause_width) + " " +
          text::pad(verdict_text(c.before) + arrow + verdict_text(c.after), verdict_width) + " " +
          hours_text(c.before) + arrow + hours_text(c.after);
      out_ << line << '\n';
      first = false;
    }
    out_.flush();
  }

  void end(const DiffSummary& s, const std::vector<Diagnostic>&) override {
    if (s.unreadable) return;
    title();
    if (!header_written_) {
      out_ << "Aucun lot ne change" << fr::colon
           << " les verdicts et les heures sont les mêmes avec les deux jeux de règles.\n";
    }
    bool any_hours = false;
    for (const auto& t : s.totals) any_hours = any_hours || t.before != 0 || t.after != 0;
    if (any_hours) {
      out_ << "\nHeures d'insertion des lots où la clause est obligatoire ou recommandée" << fr::colon
           << '\n';
      const std::string header =
          text::pad("Clause", clause_width) + " " + text::pad("Avant", number_width, true) + " " +
          text::pad("Après", number_width, true) + " " + text::pad("Écart", number_width, true);
      out_ << header << '\n' << std::string(text::display_width(header), '-') << '\n';
      for (const auto& t : s.totals) {
        if (t.before == 0 && t.after == 0) continue;
        out_ << text::pad(text::truncate(t.clause, clause_width), clause_width) << ' '
             << text::pad(fr::integer(t.before), number_width, true) << ' '
             << text::pad(fr::integer(t.after), number_width, true) << ' '
             << text::pad(signed_integer(t.after - t.before), number_width, true) << '\n';
      }
    }
    out_ << '\n'
         << s.lots_changed << (s.lots_changed > 1 ? " lots modifiés" : " lot modifié") << " sur "
         << s.lots_evaluated << (s.lots_evaluated > 1 ? " évalués" : " évalué");
    if (s.rows_rejected > 0) {
      out_ << fr::semicolon << ' ' << s.rows_rejected
           << (s.rows_rejected > 1 ? " lignes rejetées" : " ligne rejetée") << " (voir les messages)";
    }
    out_ << ".\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  bool header_written_ = false;
  bool title_written_ = false;
  DiffHeader header_;
};

class DiffJson final : public DiffSink {
 public:
  explicit DiffJson(std::ostream& out) : json_(out) {}

  void begin(const DiffHeader& h) override {
    json_.begin_object();
    json_.field("programme", h.programme);
    json_.field("rules_before", h.rules_before);
    json_.field("rules_after", h.rules_after);
    if (!h.policy.empty()) json_.field("policy", h.policy);
    json_.key("changes").begin_array();
  }

  void lot(const LotChange& change) override {
    for (const auto& c : change.changes) {
      json_.begin_object();
      json_.field("reference", change.reference);
      json_.field("consultation", change.consultation);
      json_.field("objet", change.objet);
      json_.field("clause", c.clause);
      side("before", c.before);
      side("after", c.after);
      json_.end_object();
    }
  }

  void end(const DiffSummary& s, const std::vector<Diagnostic>& diagnostics) override {
    json_.end_array();
    json_.key("totals").begin_array();
    for (const auto& t : s.totals) {
      json_.begin_object();
      json_.field("clause", t.clause);
      json_.key("hours_before").value(t.before);
      json_.key("hours_after").value(t.after);
      json_.key("difference").value(t.after - t.before);
      json_.end_object();
    }
    json_.end_array();
    json_.key("lots_evaluated").value(static_cast<std::int64_t>(s.lots_evaluated));
    json_.key("lots_changed").value(static_cast<std::int64_t>(s.lots_changed));
    json_.key("rows_rejected").value(static_cast<std::int64_t>(s.rows_rejected));
    json_.key("diagnostics").begin_array();
    for (const auto& d : diagnostics) write_diagnostic(json_, d);
    json_.end_array();
    json_.end_object();
  }

 private:
  void side(const std::string& which, const ClauseSide& s) {
    json_.key("verdict_" + which);
    if (s.present && s.verdict) {
      json_.value(verdict_id(*s.verdict));
    } else {
      json_.null();
    }
    json_.key("hours_" + which);
    if (s.present && s.hours) {
      json_.value(*s.hours);
    } else {
      json_.null();
    }
    if (!s.present) json_.key("absent_" + which).value(true);
    if (s.present && !s.verdict) json_.key("failed_" + which).value(true);
  }

  JsonWriter json_;
};

}  // namespace

std::unique_ptr<DiffSink> make_diff_sink(DiffFormat format, std::ostream& out) {
  if (format == DiffFormat::json) return std::make_unique<DiffJson>(out);
  return std::make_unique<DiffTable>(out);
}

}  // namespace clausier::writers
