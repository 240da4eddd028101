#pragma once
// What every programme reader gives the app: checked lots, one at a time, so
// that a programme of a million rows (or a national open-data file) is never
// held in memory. LotReader reads tables (CSV, XLSX, ODS); DecpReader reads
// the DECP open data (JSON, XML).

#include <cstdint>
#include <string>

#include "model/lot.hpp"

namespace clausier::readers {

struct LotReaderStats {
  std::uint32_t rows = 0;      // records read (non-blank rows after the header, DECP contracts)
  std::uint32_t lots = 0;      // records returned as lots
  std::uint32_t rejected = 0;  // records skipped for errors
};

class LotSource {
 public:
  virtual ~LotSource() = default;

  // The next valid lot; false at the end. Records with problems are reported
  // (all their problems) and skipped.
  virtual bool next(Lot& out) = 0;

  // A light pass for totals per consultation: the next record whose
  // consultation and amount can be read, whatever else it holds. Reports
  // nothing, not even problems of the file itself.
  virtual bool next_amount(std::string& consultation, std::int64_t& cents) = 0;

  [[nodiscard]] virtual const LotReaderStats& stats() const = 0;
  [[nodiscard]] std::uint32_t rejected_rows() const { return stats().rejected; }
};

}  // namespace clausier::readers
