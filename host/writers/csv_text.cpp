#include "writers/csv_text.hpp"

#include <cstring>

namespace clausier::writers {
namespace {

bool contains(std::string_view s, char c) {
  return !s.empty() && std::memchr(s.data(), c, s.size()) != nullptr;
}

// A text a spreadsheet program would take for a formula ("=HYPERLINK(…)",
// "+33…", "-1", "@SUM(…)"), or that starts with a tab or a carriage return.
bool looks_like_formula(std::string_view s) {
  return !s.empty() &&
         (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

}  // namespace

void append_csv_field(std::string& out, std::string_view s) {
  const bool formula = looks_like_formula(s);
  // memchr scans many bytes at a time: reasons run to a few hundred bytes.
  if (!formula && !contains(s, ';') && !contains(s, '"') && !contains(s, '\n') && !contains(s, '\r')) {
    out.append(s);
    return;
  }
  out += '"';
  if (formula) out += '\'';  // read as text, as spreadsheet programs expect
  for (std::size_t start = 0;;) {
    const std::size_t quote = s.find('"', start);
    out.append(s.substr(start, quote == std::string_view::npos ? std::string_view::npos : quote - start));
    if (quote == std::string_view::npos) break;
    out += "\"\"";
    start = quote + 1;
  }
  out += '"';
}

void write_csv_field(std::ostream& out, std::string_view s) {
  std::string field;
  append_csv_field(field, s);
  out.write(field.data(), static_cast<std::streamsize>(field.size()));
}

void append_plain_cents(std::string& out, std::int64_t cents) {
  // Digits by hand: this runs on every row of an evaluation CSV.
  std::uint64_t abs = cents < 0 ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  char buf[24];
  char* end = buf + sizeof buf;
  char* p = end;
  const auto frac = static_cast<unsigned>(abs % 100);
  abs /= 100;
  if (frac != 0) {
    *--p = static_cast<char>('0' + frac % 10);
    *--p = static_cast<char>('0' + frac / 10);
    *--p = ',';
  }
  do {
    *--p = static_cast<char>('0' + abs % 10);
    abs /= 10;
  } while (abs != 0);
  if (cents < 0) *--p = '-';
  out.append(p, static_cast<std::size_t>(end - p));
}

void write_plain_cents(std::ostream& out, std::int64_t cents) {
  std::string amount;
  append_plain_cents(amount, cents);
  out.write(amount.data(), static_cast<std::streamsize>(amount.size()));
}

std::string_view join_into(const std::vector<std::string>& items, std::string_view sep, std::string& buffer) {
  buffer.clear();
  for (const auto& s : items) {
    if (!buffer.empty()) buffer += sep;
    buffer += s;
  }
  return buffer;
}

std::string_view join_into(const std::vector<Sentence>& items, std::string_view sep, std::string& buffer) {
  buffer.clear();
  for (const auto& s : items) {
    if (!buffer.empty()) buffer += sep;
    buffer += s.text();
  }
  return buffer;
}

}  // namespace clausier::writers
