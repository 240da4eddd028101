#pragma once
// A table of cells read one record at a time, so that a programme of a
// million rows never has to be held in memory. CsvSource, the sheet of an
// XLSX or ODS workbook (open_spreadsheet, sheet_source.hpp) and FicheSource
// (a fiche de consultation) implement it; LotReader matches its header row to
// the programme columns and turns each record into a Lot. DECP open data is
// not a table: DecpReader (lot_source.hpp) reads it directly.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"

namespace clausier::readers {

// One cell of a record. CSV gives text cells only (empty fields are `empty`);
// spreadsheets give typed cells, with `text` holding the text as displayed
// when the format provides it.
struct Cell {
  enum class Type { empty, text, number, boolean };
  Type type = Type::empty;
  std::string text;         // UTF-8
  double number = 0;        // number cells; booleans as 0 or 1
  bool is_percent = false;  // number cell formatted as a percentage (0.5 shown "50 %")
  bool is_date = false;     // number cell formatted as a date (a spreadsheet serial)
};

struct Record {
  std::vector<Cell> cells;
  // CSV: the physical line where the record starts (1-based; the header is
  // line 1 unless blank lines precede it). Sheets: the row number.
  std::uint32_t line = 0;
};

class TabularSource {
 public:
  // Passed to locate() for a problem about a whole record rather than a cell.
  static constexpr std::size_t whole_record = static_cast<std::size_t>(-1);

  virtual ~TabularSource() = default;

  // Reads the next record into `out`; returns false at the end. Problems of
  // the file itself (bad quoting, oversized fields) go to `diags`, and reading
  // goes on where it can.
  virtual bool next(Record& out, DiagnosticSink& diags) = 0;

  // Where a cell of `r` comes from, for diagnostics and Lot::source.
  // `column` is the cell's index (or whole_record) and `header` the column
  // header as written in the file (or empty).
  // CSV: {file, line, column = header}; sheets: {file, sheet, cell "D12"}.
  [[nodiscard]] virtual Location locate(const Record& r, std::size_t column,
                                        std::string_view header) const = 0;

  // True for a sheet of a workbook, whose cells sit in fixed columns: a cell
  // beyond the header's columns is a note beside the table there, not the
  // sign of a separator or quoting problem as in a CSV file.
  [[nodiscard]] virtual bool is_sheet() const { return false; }

  // How to give a missing required value, for the message that reports it:
  // a table calls for its column; a fiche (readers/fiche.hpp) for a line.
  // `header` is the column's header as written in the source.
  [[nodiscard]] virtual std::string required_value_hint(std::string_view /*header*/) const {
    return "colonne obligatoire";
  }
};

}  // namespace clausier::readers
