#pragma once
// What the spreadsheet readers (xlsx, ods) share: the limits that keep a file
// from anywhere from exhausting memory or time, the error they throw inside
// the readers layer, cell references ("D12"), merged ranges, and the reader
// of one sheet's rows.
//
// Nothing here leaves the readers layer as an exception: the sources and
// open_programme() turn sheet::Error into diagnostics.

#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "readers/tabular.hpp"

namespace clausier::readers {

// Caps for workbooks from anywhere. Every one of them stops a hostile or
// broken file with a French error instead of exhausting memory or time; the
// defaults are far above what a purchasing programme needs.
struct SpreadsheetLimits {
  std::uint32_t max_entries = 10'000;                    // parts in the zip archive
  std::uint64_t max_entry_bytes = 1ULL << 30;            // one part, uncompressed (1 Gio)
  std::uint64_t max_total_bytes = 2ULL << 30;            // all parts read by one pass (2 Gio)
  std::uint32_t max_ratio = 200;                         // uncompressed / compressed size of a part...
  std::uint64_t ratio_free_bytes = 16ULL << 20;          // ...for parts larger than this (16 Mio)
  std::uint32_t max_shared_strings = 4'000'000;          // xlsx shared strings (kept in memory)
  std::uint64_t max_shared_string_bytes = 256ULL << 20;  // their total size (256 Mio)
  std::uint32_t max_cell_bytes = 1U << 20;               // text of one cell (1 Mio); longer is cut
  std::uint32_t max_rows = 1'048'576;                    // row numbers beyond are not read
  std::uint32_t max_columns = 1024;                      // columns A..AMJ; cells beyond are dropped
  std::uint32_t max_sheets = 4096;                       // sheets in a workbook
  std::uint32_t max_merged_ranges = 100'000;             // merged ranges of the sheet read
  std::uint64_t max_repeated_cells = 16'000'000;         // ods: cells made by repetition in one pass
  std::uint32_t header_search_rows = 50;                 // non-empty rows searched for the header
};

namespace sheet {

// Where the bytes of a workbook are: a file (read again at each pass) or
// memory (shared, never copied).
struct Bytes {
  std::filesystem::path path;
  std::shared_ptr<const std::string> content;  // when set, `path` is not used
};

// A problem that stops the reading of a workbook or sheet. `message` is a
// French sentence; `part` names the entry of the archive when it helps.
class Error final : public std::exception {
 public:
  explicit Error(std::string message, std::string part = {})
      : message_(std::move(message)), part_(std::move(part)) {}
  [[nodiscard]] const char* what() const noexcept override { return message_.c_str(); }
  [[nodiscard]] const std::string& message() const { return message_; }
  [[nodiscard]] const std::string& part() const { return part_; }

 private:
  std::string message_;
  std::string part_;
};

// "A" for 0, "Z" for 25, "AA" for 26, "XFD" for 16383.
[[nodiscard]] std::string column_letters(std::size_t index);
// "D12" for column 3, row 12.
[[nodiscard]] std::string cell_name(std::size_t column, std::uint32_t row);
// "D12" -> row 12, column 3. "D" alone or "12" alone fail. Letters may be
// lower case; "$D$12" is accepted.
[[nodiscard]] bool parse_cell_ref(std::string_view ref, std::uint32_t& row, std::uint32_t& column);

// "1 024 Mo", for messages.
[[nodiscard]] std::string megabytes(std::uint64_t bytes);

// Appends `add` to `out` while `out` stays within `cap` bytes, without
// cutting a UTF-8 sequence; sets `cut` when something was left out.
void append_capped(std::string& out, std::string_view add, std::size_t cap, bool& cut);

// "2027-03-01", "2027-03-01T12:30:00", "2027-03-01T12:30:00.000Z": the serial
// of the 1900 date system (days since 1899-12-30, the time of day as the
// fraction). Nothing for anything else.
[[nodiscard]] std::optional<double> iso_to_serial(std::string_view iso);

// A merged range of cells, rows 1-based, columns 0-based, inclusive.
struct Merge {
  std::uint32_t first_row = 0;
  std::uint32_t first_column = 0;
  std::uint32_t last_row = 0;
  std::uint32_t last_column = 0;
};
// "A2:C5" (or "A2" alone).
[[nodiscard]] bool parse_range(std::string_view ref, Merge& out);

// The rows of one sheet, in order. Each record has its row number in `line`
// and its cells at their column index (column A is 0). Rows without any
// non-empty cell may be left out. Throws Error when the sheet cannot be read
// further; smaller problems (a bad cell) go to `diags`.
class RowReader {
 public:
  virtual ~RowReader() = default;
  virtual bool next(Record& out, DiagnosticSink& diags) = 0;
  // Merged ranges starting in the row just read, for formats that give them
  // with the cells (ods); xlsx gives them before (see XlsxBook::merges).
  virtual void take_merges(std::vector<Merge>& /*out*/) {}
};

// Fills the merged ranges down: the value of a range's first cell is given
// to the cells below it in the range's first column, in the rows that hold
// something else (rows left empty stay empty, so they are still skipped).
// Other covered cells stay empty: a merge across columns is a wider display,
// not a repeated value.
class FillDown {
 public:
  // Ranges may come in any order, before or while rows are read.
  void add(const Merge& m);
  // Captures the first cells of the ranges starting at `r.line` and fills
  // the covered cells of `r`. Returns the number of cells filled.
  std::size_t apply(Record& r);
  [[nodiscard]] bool empty() const { return pending_.empty() && active_.empty(); }

 private:
  struct Active {
    Merge range;
    Cell value;
  };
  std::vector<Merge> pending_;  // sorted by first row, last first
  bool sorted_ = true;
  std::vector<Active> active_;
};

// True when no cell of `r` holds anything.
[[nodiscard]] bool is_blank_row(const Record& r);

}  // namespace sheet
}  // namespace clausier::readers
