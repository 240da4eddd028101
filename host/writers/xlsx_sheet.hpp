#pragma once
// A one-sheet XLSX workbook written as rows come, for tables a facilitator
// filters in Excel or LibreOffice: a header row kept in view (frozen pane), an
// autofilter over the whole table, column widths, and typed cells (text,
// integers, euro amounts shown `1 234 567 €`, real dates shown `01/03/2027`).
//
// Rows go to a scratch file as they are given (memory stays flat whatever the
// number of rows); write() then stores the workbook parts and that sheet in a
// zip archive (ZipWriter, the sheet deflated as it is read back from the
// scratch file). Strings are inline (no shared-string table to hold
// in memory), XML-escaped, with the characters XML 1.0 forbids left out.

#include <cstdint>
#include <fstream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"

namespace clausier::writers::xlsx {

// How a column's cells are shown (a style of styles.xml).
enum class Format : std::uint8_t { text, integer, euros, date };

struct Column {
  std::string title;
  double width = 12;  // in characters of the default font
  Format format = Format::text;
};

// Rows of a worksheet in Excel and LibreOffice Calc, the header row included.
inline constexpr std::uint32_t max_sheet_rows = 1'048'576;

class SheetWriter {
 public:
  // `sheet_name`: at most 31 characters, none of : \ / ? * [ ] (Excel's rule).
  // A table of more than `max_rows` rows (header included) is not written:
  // write() then says so, rather than leave rows out.
  SheetWriter(std::string sheet_name, std::vector<Column> columns, std::uint32_t max_rows = max_sheet_rows);
  SheetWriter(const SheetWriter&) = delete;
  SheetWriter& operator=(const SheetWriter&) = delete;

  // False when the scratch file could not be created; error() says why (French).
  [[nodiscard]] bool ok() const { return error_.empty(); }
  [[nodiscard]] const std::string& error() const { return error_; }

  // A data row: begin_row(), then one call per column in order (cells not
  // given stay empty), then end_row().
  void begin_row();
  void text(std::string_view s);
  void integer(std::int64_t n);
  void euros_cents(std::int64_t cents);
  void date(Date d);
  void blank();
  void end_row();

  [[nodiscard]] std::uint32_t data_rows() const { return row_ - 1; }

  // Writes the workbook (a zip archive) to `out`. Returns an empty string on
  // success, else a French message. Call once.
  [[nodiscard]] std::string write(std::ostream& out);

 private:
  void cell_ref();
  void number_cell(std::string_view value, Format format);

  std::string sheet_name_;
  std::vector<Column> columns_;
  std::uint32_t max_rows_;
  std::fstream scratch_;  // the rows of sheetData, unlinked from the file system
  std::string error_;
  std::uint32_t row_ = 1;  // the last row begun (1: the header)
  std::size_t column_ = 0;
  std::string buffer_;  // the row being written
};

// The serial number of a date in the 1900 date system (days since 1899-12-30).
[[nodiscard]] std::int64_t date_serial(Date d);

}  // namespace clausier::writers::xlsx
