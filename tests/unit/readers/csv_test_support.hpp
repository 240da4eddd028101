#pragma once
// Helpers for the CSV reader tests: read a whole CSV text into records.

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/text.hpp"
#include "readers/csv_source.hpp"

namespace clausier::testing {

struct CsvRead {
  std::vector<std::vector<std::string>> rows;  // cell texts
  std::vector<std::uint32_t> lines;            // line of each record
  DiagnosticList diags;
  char delimiter = 0;
  readers::TextEncoding encoding = readers::TextEncoding::undecided;
};

inline CsvRead read_csv(const std::string& bytes, readers::CsvOptions options = {}) {
  std::istringstream in(bytes);
  readers::CsvSource source(in, "t.csv", options);
  CsvRead out;
  readers::Record record;
  while (source.next(record, out.diags)) {
    std::vector<std::string> cells;
    for (const auto& cell : record.cells) cells.push_back(cell.text);
    out.rows.push_back(cells);
    out.lines.push_back(record.line);
  }
  out.delimiter = source.delimiter();
  out.encoding = source.encoding();
  return out;
}

// A message with its no-break spaces made plain, to compare with plain text.
inline std::string plain(std::string_view message) {
  std::string out;
  for (std::size_t pos = 0; pos < message.size();) {
    const std::size_t start = pos;
    const char32_t cp = text::next_code_point(message, pos);
    if (cp == 0xA0 || cp == 0x202F) {
      out += ' ';
    } else {
      out.append(message.substr(start, pos - start));
    }
  }
  return out;
}

}  // namespace clausier::testing
