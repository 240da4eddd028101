#pragma once
// A programme in a workbook (xlsx, ods): which sheet holds it, where its
// header row is, and the TabularSource that reads it from there.
//
// The sheet: the one named by the caller (hidden or not), or else the first
// visible sheet with a header row, that is a row among its first 50
// non-empty ones naming at least 4 programme columns (readers/columns.hpp),
// the required ones all among them. Title rows above the header row are
// skipped. Hidden sheets are ignored unless named. A workbook without such
// a sheet is reported with the list of its sheets and what each lacks.
//
// Merged cells: a value merged down several rows (a consultation, a buyer
// written once for its lots) applies to each row of the range that holds
// something else; a merge across columns leaves the other columns empty;
// ranges starting in the header row or above it are not filled down (a
// header on two rows). Rows and columns hidden in the sheet are read.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "readers/columns.hpp"
#include "readers/spreadsheet.hpp"
#include "readers/tabular.hpp"

namespace clausier::readers {

namespace sheet {
struct XlsxData;
}  // namespace sheet

enum class SpreadsheetFormat { xlsx, ods };

// What is found once in a workbook and serves every pass over it.
struct SpreadsheetPlan {
  sheet::Bytes bytes;
  std::string file;  // as shown in diagnostics
  SpreadsheetFormat format = SpreadsheetFormat::xlsx;
  std::size_t sheet_index = 0;  // among the worksheets (xlsx) or tables (ods)
  std::string sheet_name;
  std::uint32_t header_row = 1;
  std::vector<sheet::Merge> merges;             // xlsx; ods gives them with the cells
  std::shared_ptr<const sheet::XlsxData> xlsx;  // xlsx: shared strings, styles
  SpreadsheetLimits limits;
};

// How many programme columns a row names, and which required ones it lacks.
struct HeaderMatch {
  std::size_t recognised = 0;
  std::vector<Column> missing;  // required columns not named
  [[nodiscard]] bool is_header() const { return recognised >= 4; }
  [[nodiscard]] bool complete() const { return is_header() && missing.empty(); }
};
[[nodiscard]] HeaderMatch match_header(const Record& row);

// Opens a workbook and finds the programme in it: in the sheet named
// `wanted` (by name, without regard to case and accents, or by position
// "1", "2"…) or else as described above. Null when the file cannot be read
// as a programme: the reason has been reported (French, naming the file).
[[nodiscard]] std::shared_ptr<const SpreadsheetPlan> plan_spreadsheet(sheet::Bytes bytes, std::string file,
                                                                      std::string_view wanted,
                                                                      const SpreadsheetLimits& limits,
                                                                      DiagnosticSink& diags);

// A source reading the planned sheet from its header row. Null when the file
// can no longer be opened (reported).
[[nodiscard]] std::unique_ptr<TabularSource> open_spreadsheet(std::shared_ptr<const SpreadsheetPlan> plan,
                                                              DiagnosticSink& diags);

// True when `head` (the first bytes of a file) starts like a workbook this
// layer reads or recognises: a zip archive, or an OLE2 file (Excel 97-2003,
// or an encrypted Office file).
[[nodiscard]] bool looks_like_workbook(std::string_view head);

}  // namespace clausier::readers
