#pragma once
// What every programme reader gives the app: checked lots, one at a time, so
// that a programme of a million rows (or a national open-data file) is never
// held in memory. LotReader reads tables (CSV, XLSX, ODS); DecpReader reads
// the DECP open data (JSON, XML).

#include <cstdint>
#include <optional>
#include <string>

#include "base/repeated_keys.hpp"
#include "model/lot.hpp"

namespace clausier::readers {

struct LotReaderStats {
  std::uint32_t rows = 0;      // records read (non-blank rows after the header, DECP contracts)
  std::uint32_t lots = 0;      // records returned as lots
  std::uint32_t rejected = 0;  // records skipped for errors
};

// What the first pass over a programme reads of a record: enough for the
// totals of each consultation and to find which references may repeat.
struct RecordKeys {
  std::string reference;              // as the duplicate check of next() reads it; empty: none
  std::string consultation;           // its consultation (else its reference); empty: none
  std::optional<std::int64_t> cents;  // its amount excluding tax, when it can be read
};

class LotSource {
 public:
  virtual ~LotSource() = default;

  // The next valid lot; false at the end. Records with problems are reported
  // (all their problems) and skipped.
  virtual bool next(Lot& out) = 0;

  // The light first pass: the keys of the next record next() would read
  // (blank rows aside), whatever else it holds; false at the end. Reports
  // nothing, not even problems of the file itself.
  virtual bool next_keys(RecordKeys& out) = 0;

  // Tells next() which references the first pass found may repeat (the
  // candidates of base/repeated_keys.hpp): the others are unique for sure
  // and are not remembered, so the duplicate check does not grow with the
  // programme. Without it, every reference is remembered (about 24 bytes
  // each). `candidates` must outlive the source.
  virtual void expect_repeats(const KeySet& candidates) = 0;

  // True when each lot is a consultation of its own whatever the file says
  // (DECP: one contract, one lot): the totals of its consultation are the
  // lot's own amount, and a contract published twice is not counted twice.
  [[nodiscard]] virtual bool lots_are_consultations() const { return false; }

  [[nodiscard]] virtual const LotReaderStats& stats() const = 0;
  [[nodiscard]] std::uint32_t rejected_rows() const { return stats().rejected; }
};

}  // namespace clausier::readers
