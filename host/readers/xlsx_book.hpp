#pragma once
// Office Open XML workbooks (.xlsx, .xlsm): the workbook (sheet names,
// hidden state, 1904 date system), its relationships, the styles (which
// cells are dates or percentages) and the shared strings are read once;
// each sheet is then streamed row by row. The workbook, relationships and
// styles go through XmlReader (libxml2); the large parts (shared strings, a
// sheet's rows and merged ranges) through XmlScanner, and the common cell
// <c r="B2" s="3" t="s"><v>12</v></c> is recognised in the scanner's bytes
// ahead; cells of any other shape take the general path, with the same result.
//
// Cells: shared strings (t="s"), inline strings (t="inlineStr"), formula
// results (their cached <v>; t="str" for text), booleans (t="b"), errors
// (t="e", read as their text "#N/A"), ISO dates (t="d") and numbers, with
// is_date / is_percent from their number format. Dates become serials of
// the 1900 system counted from 1899-12-30 whatever the workbook's system
// (1904 serials are moved by 1462 days; serials before 1900-03-01 by one
// day, Excel's 1900-02-29 bug). Sparse cells ("D12" after "A12") land in
// their column; rows without any value are skipped.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "readers/spreadsheet.hpp"
#include "readers/zip_package.hpp"

namespace clausier::readers::sheet {

struct SheetInfo {
  std::string name;
  bool hidden = false;
};

enum class NumberKind : std::uint8_t { plain, date, percent };

// The kind of a number format: built-in ids 9 and 10 are percentages, 14-22,
// 27-36, 45-47 and 50-58 dates or times; a custom format code is a date
// when, outside quotes, escapes and [brackets], it has d, m or y (a time
// with h, m, s too), a percentage when it has %.
[[nodiscard]] NumberKind number_format_kind(int id, std::string_view code);

// What is read once and shared by every pass over the workbook.
struct XlsxData {
  std::vector<SheetInfo> sheets;   // worksheets in workbook order
  std::vector<std::string> parts;  // the zip entry of each sheet
  bool date1904 = false;
  std::vector<NumberKind> styles;  // per cell format (cellXfs index)
  std::string strings;             // shared strings, end to end
  std::vector<std::uint64_t> string_ends;

  [[nodiscard]] std::size_t string_count() const { return string_ends.size(); }
  [[nodiscard]] std::string_view shared_string(std::size_t i) const {
    const std::uint64_t begin = i == 0 ? 0 : string_ends[i - 1];
    return std::string_view(strings).substr(begin, string_ends[i] - begin);
  }
};

// Reads the workbook structure, styles and shared strings. Throws Error;
// smaller problems (a text cut at the cell cap) go to `diags` at `file`.
[[nodiscard]] std::shared_ptr<const XlsxData> read_xlsx(ZipPackage& package, const SpreadsheetLimits& limits,
                                                        const Location& file, DiagnosticSink& diags);

// The merged ranges of a sheet (<mergeCells> comes after the cells in the
// file: the part is scanned for them first, without parsing it as a tree).
// More than limits.max_merged_ranges: the first ones, and `overflow` set.
[[nodiscard]] std::vector<Merge> read_xlsx_merges(ZipPackage& package, const std::string& part,
                                                  const SpreadsheetLimits& limits, bool& overflow);

// The rows of one sheet. `where` names the file and the sheet (for the
// locations of cell problems). `package` must not read another entry while
// the rows are read.
class XlsxRows final : public RowReader {
 public:
  XlsxRows(std::shared_ptr<ZipPackage> package, std::shared_ptr<const XlsxData> data, std::size_t sheet,
           Location where, const SpreadsheetLimits& limits);
  ~XlsxRows() override;
  XlsxRows(const XlsxRows&) = delete;
  XlsxRows& operator=(const XlsxRows&) = delete;

  bool next(Record& out, DiagnosticSink& diags) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clausier::readers::sheet
