// `evaluate --format csv`: one row per lot and clause type, for a spreadsheet
// (";" separator, decimal comma and UTF-8 BOM, as French Excel expects).

#include "writers/evaluation_csv.hpp"

#include "base/french.hpp"
#include "writers/csv_text.hpp"

namespace clausier::writers {
namespace {

class CsvSink final : public EvaluationSink {
 public:
  explicit CsvSink(std::ostream& out) : out_(out) {}

  void begin(const std::vector<engine::ClauseInfo>&) override {}

  // The header row, written with the first lot (or at the end when there is
  // none), so that a programme that cannot be opened writes nothing.
  void header() {
    if (header_done_) return;
    header_done_ = true;
    out_ << "\xEF\xBB\xBF"
         << "Référence;Consultation;Lot;Objet;Montant HT;Date de lancement;Clause;Verdict;Heures;"
            "Fondements;Motifs;Avertissements;Erreur;Considérations sociales déclarées;"
            "Considérations environnementales déclarées\r\n";
  }

  void lot(const LotEvaluation& e) override {
    header();
    const Lot& lot = e.lot;
    const std::string date = fr::date_short(lot.date_lancement);
    for (const auto& c : e.clauses) {
      write_csv_field(out_, lot.reference);
      out_ << ';';
      write_csv_field(out_, lot.consultation);
      out_ << ';';
      write_csv_field(out_, lot.lot);
      out_ << ';';
      write_csv_field(out_, lot.objet);
      out_ << ';';
      write_plain_cents(out_, lot.montant_ht_cents);
      out_ << ';' << date << ';';
      write_csv_field(out_, c.type);
      out_ << ';' << (c.verdict ? verdict_id(*c.verdict) : std::string_view()) << ';';
      if (c.hours) out_ << *c.hours;
      out_ << ';';
      write_csv_field(out_, join_into(c.basis, ", ", buffer_));
      out_ << ';';
      write_csv_field(out_, join_into(c.reasons, " ", buffer_));
      out_ << ';';
      write_csv_field(out_, join_into(c.warnings, " ", buffer_));
      out_ << ';';
      if (c.error) write_csv_field(out_, c.error->location.str() + " : " + c.error->message);
      out_ << ';';
      // What the source recorded; empty when it does not say ("Pas de
      // considération sociale" is a value, not an empty cell).
      if (lot.recorded_social_considerations)
        write_csv_field(out_, join_into(*lot.recorded_social_considerations, ", ", buffer_));
      out_ << ';';
      if (lot.recorded_environmental_considerations)
        write_csv_field(out_, join_into(*lot.recorded_environmental_considerations, ", ", buffer_));
      out_ << "\r\n";
    }
  }

  void end(const std::vector<Diagnostic>&, const RunSummary& summary) override {
    if (!summary.unreadable) header();
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::string buffer_;  // joined lists, reused from row to row
  bool header_done_ = false;
};

}  // namespace

std::unique_ptr<EvaluationSink> make_csv_sink(std::ostream& out) { return std::make_unique<CsvSink>(out); }

}  // namespace clausier::writers
