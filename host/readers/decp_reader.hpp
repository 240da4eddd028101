#pragma once
// A DECP open-data file (données essentielles de la commande publique, JSON
// or XML) read as a programme: one lot per contract (readers/decp_lot.hpp),
// streamed, with its own diagnostics:
//  - a note once per file: what DECP does not say (launch date, type of
//    buyer) and what is assumed instead;
//  - per contract, one warning listing every repair, and one error for each
//    reason it cannot be a lot (the others go on);
//  - a contract published twice (same buyer, same id, same award: date of
//    notification and amount) is read once: a warning names the line of the
//    first; another contract under an id already seen (another date or
//    amount) is evaluated under "<reference>#<line>", the repair says so;
//  - a file that stops being readable (truncated, not JSON) ends the pass
//    with a located error; the contracts before it stand;
//  - a note at the end sums the file up: records read, evaluated (repaired
//    among them), rejected by what they lack, republications, concessions.
// Every place is `file.json:LINE` (or `file.xml:LINE`).

#include <array>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>

#include "base/diagnostic.hpp"
#include "readers/decp_lot.hpp"
#include "readers/decp_record.hpp"
#include "readers/lot_source.hpp"
#include "readers/reference_index.hpp"

namespace clausier::readers {

class DecpReader final : public LotSource {
 public:
  enum class Syntax { json, xml };

  // Reads `in` (owned); `name` is the file as shown in diagnostics. `diags`
  // must outlive the reader.
  DecpReader(std::unique_ptr<std::istream> in, std::string name, Syntax syntax, DiagnosticSink& diags);

  bool next(Lot& out) override;
  bool next_keys(RecordKeys& out) override;
  void expect_repeats(const KeySet& candidates) override { references_.restrict_to(candidates); }
  [[nodiscard]] bool lots_are_consultations() const override { return true; }
  [[nodiscard]] const LotReaderStats& stats() const override { return stats_; }

  [[nodiscard]] std::uint32_t concessions() const { return records_->concessions(); }

 private:
  // The next contract into record_; false at the end or when the file cannot
  // be read further (reported to `diags`, when given).
  bool read(DiagnosticSink* diags);
  void note_format(DiagnosticSink& diags);
  void note_end(DiagnosticSink& diags);
  [[nodiscard]] Location at(std::uint32_t line) const { return Location::in_file(name_, line); }

  std::unique_ptr<std::istream> in_;
  std::string name_;
  DiagnosticSink* diags_;
  std::unique_ptr<DecpRecords> records_;
  DecpRecord record_;
  ReferenceIndex references_;
  ReferenceIndex awards_;  // decp_award_key of the contracts whose reference may repeat
  LotReaderStats stats_;
  std::uint32_t read_ = 0;                                   // records read, republications included
  std::uint32_t repaired_ = 0;                               // evaluated with repaired values
  std::uint32_t assumed_ = 0;                                // evaluated under hypotheses (Lot::unknown)
  std::uint32_t republished_ = 0;                            // read once already: skipped
  std::array<std::uint32_t, decp_gap_count> rejected_by_{};  // by the first thing a record lacks
  bool noted_format_ = false;
  bool ended_ = false;
};

}  // namespace clausier::readers
