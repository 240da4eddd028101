#include "readers/spreadsheet.hpp"

#include <algorithm>

#include "base/date.hpp"
#include "base/french.hpp"
#include "readers/values.hpp"

namespace clausier::readers::sheet {

std::string column_letters(std::size_t index) {
  std::string out;
  std::size_t n = index + 1;
  while (n > 0) {
    const std::size_t rem = (n - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rem));
    n = (n - 1) / 26;
  }
  return out;
}

std::string cell_name(std::size_t column, std::uint32_t row) {
  return column_letters(column) + std::to_string(row);
}

bool parse_cell_ref(std::string_view ref, std::uint32_t& row, std::uint32_t& column) {
  std::size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  std::uint64_t col = 0;
  std::size_t letters = 0;
  for (; i < ref.size(); ++i) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    if (++letters > 3) return false;  // beyond XFD
    col = col * 26 + static_cast<std::uint64_t>(c - 'A' + 1);
  }
  if (letters == 0) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  std::uint64_t r = 0;
  std::size_t digits = 0;
  for (; i < ref.size(); ++i) {
    const char c = ref[i];
    if (c < '0' || c > '9') return false;
    if (++digits > 7) return false;  // beyond 9 999 999
    r = r * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (digits == 0 || r == 0) return false;
  row = static_cast<std::uint32_t>(r);
  column = static_cast<std::uint32_t>(col - 1);
  return true;
}

bool parse_range(std::string_view ref, Merge& out) {
  const std::size_t colon = ref.find(':');
  std::uint32_t r1 = 0;
  std::uint32_t c1 = 0;
  if (!parse_cell_ref(ref.substr(0, colon), r1, c1)) return false;
  std::uint32_t r2 = r1;
  std::uint32_t c2 = c1;
  if (colon != std::string_view::npos && !parse_cell_ref(ref.substr(colon + 1), r2, c2)) return false;
  out.first_row = std::min(r1, r2);
  out.last_row = std::max(r1, r2);
  out.first_column = std::min(c1, c2);
  out.last_column = std::max(c1, c2);
  return true;
}

std::string megabytes(std::uint64_t bytes) {
  const std::uint64_t mb = (bytes + (1U << 20) - 1) >> 20;
  return fr::integer(static_cast<std::int64_t>(mb)) + " Mo";
}

void append_capped(std::string& out, std::string_view add, std::size_t cap, bool& cut) {
  if (out.size() >= cap) {
    cut = cut || !add.empty();
    return;
  }
  std::size_t room = cap - out.size();
  if (add.size() <= room) {
    out.append(add);
    return;
  }
  // Back to the start of a UTF-8 sequence.
  while (room > 0 && (static_cast<unsigned char>(add[room]) & 0xC0) == 0x80) --room;
  out.append(add.substr(0, room));
  cut = true;
}

std::optional<double> iso_to_serial(std::string_view iso) {
  const auto digits = [&](std::size_t at, std::size_t n) -> std::optional<int> {
    if (at + n > iso.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  const auto year = digits(0, 4);
  const auto month = digits(5, 2);
  const auto day = digits(8, 2);
  if (!year || !month || !day || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  const auto date = Date::from_ymd(*year, *month, *day);
  if (!date) return std::nullopt;
  double serial = static_cast<double>(date->days()) + 25569.0;  // 1970-01-01 is 25569
  if (iso.size() == 10) return serial;
  if (iso[10] != 'T' && iso[10] != ' ') return std::nullopt;
  const auto hour = digits(11, 2);
  const auto minute = digits(14, 2);
  if (!hour || !minute || iso[13] != ':' || *hour > 23 || *minute > 59) return std::nullopt;
  int second = 0;
  if (iso.size() >= 19 && iso[16] == ':') {
    const auto s = digits(17, 2);
    if (!s || *s > 59) return std::nullopt;
    second = *s;
  }
  serial += (*hour * 3600.0 + *minute * 60.0 + second) / 86400.0;
  return serial;
}

bool is_blank_row(const Record& r) {
  return std::all_of(r.cells.begin(), r.cells.end(), [](const Cell& c) { return is_blank(c); });
}

void FillDown::add(const Merge& m) {
  if (m.last_row <= m.first_row) return;  // a single row: nothing below to fill
  pending_.push_back(m);
  sorted_ = false;
}

std::size_t FillDown::apply(Record& r) {
  if (!sorted_) {
    std::sort(pending_.begin(), pending_.end(),
              [](const Merge& a, const Merge& b) { return a.first_row > b.first_row; });
    sorted_ = true;
  }
  const std::uint32_t row = r.line;
  std::erase_if(active_, [row](const Active& a) { return a.range.last_row < row; });
  while (!pending_.empty() && pending_.back().first_row <= row) {
    const Merge m = pending_.back();
    pending_.pop_back();
    // A range whose first row was not read held nothing there: nothing to fill.
    if (m.first_row != row || m.first_column >= r.cells.size()) continue;
    if (is_blank(r.cells[m.first_column])) continue;
    // One range per column at a time (ranges do not overlap in a valid file).
    std::erase_if(active_, [&m](const Active& a) { return a.range.first_column == m.first_column; });
    active_.push_back({m, r.cells[m.first_column]});
  }
  if (active_.empty() || is_blank_row(r)) return 0;
  std::size_t filled = 0;
  for (const Active& a : active_) {
    if (a.range.first_row >= row) continue;  // its first row: the value is there
    const std::size_t column = a.range.first_column;
    if (column >= r.cells.size()) r.cells.resize(column + 1);
    if (!is_blank(r.cells[column])) continue;
    r.cells[column] = a.value;
    ++filled;
  }
  return filled;
}

}  // namespace clausier::readers::sheet
