// `evaluate --format csv`: one row per lot and clause type, for a spreadsheet
// (";" separator, decimal comma and UTF-8 BOM, as French Excel expects).

#include "writers/evaluation_csv.hpp"

#include <algorithm>
#include <cstdio>

#include "base/french.hpp"

namespace clausier::writers {
namespace {

// Writes one field, quoted when it holds a separator, a quote or a line break.
void write_field(std::ostream& out, std::string_view s) {
  const auto needs_quotes = [](char c) { return c == ';' || c == '"' || c == '\n' || c == '\r'; };
  if (std::none_of(s.begin(), s.end(), needs_quotes)) {
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
    return;
  }
  out << '"';
  for (std::size_t start = 0;;) {
    const std::size_t quote = s.find('"', start);
    out.write(s.data() + start, static_cast<std::streamsize>(std::min(quote, s.size()) - start));
    if (quote == std::string_view::npos) break;
    out << "\"\"";
    start = quote + 1;
  }
  out << '"';
}

// `items` joined by `sep`, into `buffer` (reused from call to call).
std::string_view join(const std::vector<std::string>& items, std::string_view sep, std::string& buffer) {
  buffer.clear();
  for (const auto& s : items) {
    if (!buffer.empty()) buffer += sep;
    buffer += s;
  }
  return buffer;
}

void write_cents(std::ostream& out, std::int64_t cents) {
  if (cents < 0) {
    out << '-';
    cents = -cents;
  }
  char buf[32];
  const auto whole = static_cast<long long>(cents / 100);
  const auto frac = static_cast<int>(cents % 100);
  const int n = frac != 0 ? std::snprintf(buf, sizeof buf, "%lld,%02d", whole, frac)
                          : std::snprintf(buf, sizeof buf, "%lld", whole);
  out.write(buf, n);
}

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
      write_field(out_, lot.reference);
      out_ << ';';
      write_field(out_, lot.consultation);
      out_ << ';';
      write_field(out_, lot.lot);
      out_ << ';';
      write_field(out_, lot.objet);
      out_ << ';';
      write_cents(out_, lot.montant_ht_cents);
      out_ << ';' << date << ';';
      write_field(out_, c.type);
      out_ << ';' << (c.verdict ? verdict_id(*c.verdict) : std::string_view()) << ';';
      if (c.hours) out_ << *c.hours;
      out_ << ';';
      write_field(out_, join(c.basis, ", ", buffer_));
      out_ << ';';
      write_field(out_, join(c.reasons, " ", buffer_));
      out_ << ';';
      write_field(out_, join(c.warnings, " ", buffer_));
      out_ << ';';
      if (c.error) write_field(out_, c.error->location.str() + " : " + c.error->message);
      out_ << ';';
      // What the source recorded; empty when it does not say ("Pas de
      // considération sociale" is a value, not an empty cell).
      if (lot.recorded_social_considerations)
        write_field(out_, join(*lot.recorded_social_considerations, ", ", buffer_));
      out_ << ';';
      if (lot.recorded_environmental_considerations)
        write_field(out_, join(*lot.recorded_environmental_considerations, ", ", buffer_));
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
