// `evaluate --format csv`: one row per lot and clause type, for a spreadsheet
// (";" separator, decimal comma and UTF-8 BOM, as French Excel expects).

#include "writers/evaluation_csv.hpp"

#include "base/french.hpp"

namespace clausier::writers {
namespace {

std::string csv_field(std::string_view s) {
  if (s.find_first_of(";\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// What the source recorded, or nothing when it does not say ("Pas de
// considération sociale" is a value, not an empty cell).
std::string recorded(const std::optional<std::vector<std::string>>& items) {
  return items ? join(*items, ", ") : std::string();
}

std::string plain_cents(std::int64_t cents) {
  std::string out = std::to_string(cents / 100);
  if (cents % 100 != 0) {
    const auto frac = std::to_string(cents % 100 + 100);
    out += "," + frac.substr(1);
  }
  return out;
}

class CsvSink final : public EvaluationSink {
 public:
  explicit CsvSink(std::ostream& out) : out_(out) {}

  void begin(const std::vector<engine::ClauseInfo>&) override {
    out_ << "\xEF\xBB\xBF"
         << "Référence;Consultation;Lot;Objet;Montant HT;Date de lancement;Clause;Verdict;Heures;"
            "Fondements;Motifs;Avertissements;Erreur;Considérations sociales déclarées;"
            "Considérations environnementales déclarées\r\n";
  }

  void lot(const LotEvaluation& e) override {
    const Lot& lot = e.lot;
    for (const auto& c : e.clauses) {
      out_ << csv_field(lot.reference) << ';' << csv_field(lot.consultation) << ';' << csv_field(lot.lot)
           << ';' << csv_field(lot.objet) << ';' << plain_cents(lot.montant_ht_cents) << ';'
           << fr::date_short(lot.date_lancement) << ';' << csv_field(c.type) << ';'
           << (c.verdict ? verdict_id(*c.verdict) : std::string_view()) << ';'
           << (c.hours ? std::to_string(*c.hours) : std::string()) << ';' << csv_field(join(c.basis, ", "))
           << ';' << csv_field(join(c.reasons, " ")) << ';' << csv_field(join(c.warnings, " ")) << ';'
           << csv_field(c.error ? c.error->location.str() + " : " + c.error->message : std::string()) << ';'
           << csv_field(recorded(lot.recorded_social_considerations)) << ';'
           << csv_field(recorded(lot.recorded_environmental_considerations)) << "\r\n";
    }
  }

  void end(const std::vector<Diagnostic>&, const RunSummary&) override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<EvaluationSink> make_csv_sink(std::ostream& out) { return std::make_unique<CsvSink>(out); }

}  // namespace clausier::writers
