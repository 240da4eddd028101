// `evaluate --format csv`: one row per lot and clause type, for a spreadsheet
// (";" separator, decimal comma and UTF-8 BOM, as French Excel expects).

#include "writers/evaluation_csv.hpp"

#include <string>

#include "base/french.hpp"
#include "writers/csv_text.hpp"

namespace clausier::writers {
namespace {

class CsvSink final : public EvaluationSink {
 public:
  CsvSink(std::ostream& out, ReasonsMode reasons) : out_(out), reasons_(reasons) {}

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

  // A lot's rows are built in one reused string and written at once: the
  // lot's columns once, then one row per clause type.
  void lot(const LotEvaluation& e) override {
    header();
    const Lot& lot = e.lot;
    lot_columns_.clear();
    append_csv_field(lot_columns_, lot.reference);
    lot_columns_ += ';';
    append_csv_field(lot_columns_, lot.consultation);
    lot_columns_ += ';';
    append_csv_field(lot_columns_, lot.lot);
    lot_columns_ += ';';
    append_csv_field(lot_columns_, lot.objet);
    lot_columns_ += ';';
    if (const auto cents = known_montant_cents(lot)) append_plain_cents(lot_columns_, *cents);
    lot_columns_ += ';';
    lot_columns_ += fr::date_short(lot.date_lancement);
    lot_columns_ += ';';
    // What the source recorded; empty when it does not say ("Pas de
    // considération sociale" is a value, not an empty cell).
    recorded_.clear();
    if (lot.recorded_social_considerations)
      append_csv_field(recorded_, join_into(*lot.recorded_social_considerations, ", ", buffer_));
    recorded_ += ';';
    if (lot.recorded_environmental_considerations)
      append_csv_field(recorded_, join_into(*lot.recorded_environmental_considerations, ", ", buffer_));
    recorded_ += "\r\n";

    rows_.clear();
    for (const auto& c : e.clauses) {
      rows_ += lot_columns_;
      append_csv_field(rows_, c.type);
      rows_ += ';';
      if (c.verdict) rows_ += verdict_id(*c.verdict);
      rows_ += ';';
      if (c.hours) rows_ += std::to_string(*c.hours);
      rows_ += ';';
      append_csv_field(rows_, join_into(c.basis, ", ", buffer_));
      rows_ += ';';
      // short: the first reason, the fact the clause turns on.
      if (reasons_ == ReasonsMode::full) {
        append_csv_field(rows_, join_into(c.reasons, " ", buffer_));
      } else if (reasons_ == ReasonsMode::brief && !c.reasons.empty()) {
        append_csv_field(rows_, c.reasons.front().text());
      }
      rows_ += ';';
      append_csv_field(rows_, join_into(c.warnings, " ", buffer_));
      rows_ += ';';
      if (c.error) append_csv_field(rows_, c.error->location.str() + " : " + c.error->message);
      rows_ += ';';
      rows_ += recorded_;
    }
    out_.write(rows_.data(), static_cast<std::streamsize>(rows_.size()));
  }

  void end(const std::vector<Diagnostic>&, const RunSummary& summary) override {
    if (!summary.unreadable) header();
    out_.flush();
  }

 private:
  std::ostream& out_;
  ReasonsMode reasons_;
  std::string buffer_;       // joined lists, reused from row to row
  std::string lot_columns_;  // the lot's first columns, as written
  std::string recorded_;     // the last columns (what the source recorded) and the line end
  std::string rows_;         // the lot's rows
  bool header_done_ = false;
};

}  // namespace

std::unique_ptr<EvaluationSink> make_csv_sink(std::ostream& out, ReasonsMode reasons) {
  return std::make_unique<CsvSink>(out, reasons);
}

}  // namespace clausier::writers
