#pragma once
// OpenDocument spreadsheets (.ods): content.xml is streamed once per pass,
// through the scanner of xlsx worksheets (readers/xml_scanner.hpp): elements
// and attributes are matched by their qualified names, made of the prefixes
// the root element declares for the OpenDocument namespaces; the usual cell
// (plain attributes, one paragraph of plain text) is read whole from the
// bytes ahead, any other tag by tag.
// Its automatic styles (read first) say which sheets are hidden
// (table:display="false"); each table:table is a sheet.
//
// Cells: office:value-type float, currency, percentage (is_percent), date
// (office:date-value, ISO, made a 1900-system serial with is_date), time and
// string (the text shown), boolean. Number cells keep the text shown (text:p)
// in Cell::text. Repetitions are expanded without allocating for empty ones:
// a trailing run of 16384 empty cells or a million empty rows costs nothing;
// cells made by repeating non-empty ones count against
// SpreadsheetLimits::max_repeated_cells. Covered cells (under a merge) are
// empty; the spanning cell's rows are given to FillDown through take_merges.
// Annotations (comments) and drawings inside cells are not part of the text.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "readers/spreadsheet.hpp"
#include "readers/xlsx_book.hpp"
#include "readers/zip_package.hpp"

namespace clausier::readers::sheet {

// Checks that the package is an OpenDocument spreadsheet that can be read
// (mimetype, no encryption in the manifest). Throws Error.
void check_ods(ZipPackage& package);

// Reads content.xml from the start: the sheets one after the other.
class OdsReader {
 public:
  // `where` names the file (the sheet is added for each table).
  OdsReader(std::shared_ptr<ZipPackage> package, Location where, const SpreadsheetLimits& limits);
  ~OdsReader();
  OdsReader(const OdsReader&) = delete;
  OdsReader& operator=(const OdsReader&) = delete;

  // Moves to the start of the next sheet; false when there is none. The rows
  // of the previous sheet left unread are skipped.
  bool next_sheet(SheetInfo& info);
  // The rows of the current sheet (valid until the next call to next_sheet).
  [[nodiscard]] RowReader& rows();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clausier::readers::sheet
