#include "writers/evaluation_xlsx.hpp"

#include <map>
#include <optional>

#include "writers/csv_text.hpp"
#include "writers/xlsx_sheet.hpp"

namespace clausier::writers {
namespace {

std::vector<xlsx::Column> columns() {
  using F = xlsx::Format;
  return {
      {"Référence", 16, F::text},
      {"Consultation", 14, F::text},
      {"Lot", 6, F::text},
      {"Objet", 50, F::text},
      {"Nature", 12, F::text},
      {"Code CPV", 11, F::text},
      {"Montant estimé HT", 16, F::euros},
      {"Date de lancement", 12, F::date},
      {"Clause", 36, F::text},
      {"Verdict", 13, F::text},
      {"Heures d'insertion", 10, F::integer},
      {"Motifs", 100, F::text},
  };
}

class XlsxSink final : public XlsxEvaluationSink {
 public:
  explicit XlsxSink(std::ostream& out) : out_(out), sheet_("Évaluation", columns()) {}

  void begin(const std::vector<engine::ClauseInfo>& types) override {
    for (const auto& t : types) titles_[t.id] = t.title;
  }

  void lot(const LotEvaluation& e) override {
    const Lot& lot = e.lot;
    for (const auto& c : e.clauses) {
      sheet_.begin_row();
      sheet_.text(lot.reference);
      sheet_.text(lot.consultation);
      sheet_.text(lot.lot);
      sheet_.text(lot.objet);
      if (lot.unknown.nature) {
        sheet_.blank();
      } else {
        sheet_.text(nature_label(lot.nature));
      }
      sheet_.text(lot.cpv);
      if (const auto cents = known_montant_cents(lot)) {
        sheet_.euros_cents(*cents);
      } else {
        sheet_.blank();
      }
      sheet_.date(lot.date_lancement);
      const auto title = titles_.find(c.type);
      sheet_.text(title != titles_.end() && !title->second.empty() ? title->second : c.type);
      if (c.verdict) {
        sheet_.text(verdict_label(*c.verdict));
      } else {
        sheet_.text("erreur");
      }
      if (c.hours) {
        sheet_.integer(*c.hours);
      } else {
        sheet_.blank();
      }
      if (c.error) {
        sheet_.text(c.error->location.str() + " : " + c.error->message);
      } else {
        sheet_.text(join_into(c.reasons, " ", buffer_));
      }
      sheet_.end_row();
    }
  }

  void end(const std::vector<Diagnostic>&, const RunSummary& summary) override {
    if (summary.unreadable) return;  // nothing to show: no workbook
    error_ = sheet_.write(out_);
    if (!error_.empty()) out_.setstate(std::ios::badbit);
  }

  [[nodiscard]] const std::string& error() const override { return error_; }

 private:
  std::ostream& out_;
  xlsx::SheetWriter sheet_;
  std::string buffer_;  // joined reasons, reused from row to row
  std::map<std::string, std::string, std::less<>> titles_;
  std::string error_;
};

}  // namespace

std::unique_ptr<XlsxEvaluationSink> make_xlsx_sink(std::ostream& out) {
  return std::make_unique<XlsxSink>(out);
}

}  // namespace clausier::writers
