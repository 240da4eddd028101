#include "writers/csv_text.hpp"

#include <algorithm>
#include <cstdio>

namespace clausier::writers {

void write_csv_field(std::ostream& out, std::string_view s) {
  const auto needs_quotes = [](char c) { return c == ';' || c == '"' || c == '\n' || c == '\r'; };
  if (std::none_of(s.begin(), s.end(), needs_quotes)) {
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
    return;
  }
  out << '"';
  for (std::size_t start = 0;;) {
    const std::size_t quote = s.find('"', start);
    out.write(s.data() + start, static_cast<std::streamsize>(std::min(quote, s.size()) - start));
    if (quote == std::string_view::npos) break;
    out << "\"\"";
    start = quote + 1;
  }
  out << '"';
}

void write_plain_cents(std::ostream& out, std::int64_t cents) {
  if (cents < 0) {
    out << '-';
    cents = -cents;
  }
  char buf[32];
  const auto whole = static_cast<long long>(cents / 100);
  const auto frac = static_cast<int>(cents % 100);
  const int n = frac != 0 ? std::snprintf(buf, sizeof buf, "%lld,%02d", whole, frac)
                          : std::snprintf(buf, sizeof buf, "%lld", whole);
  out.write(buf, n);
}

std::string_view join_into(const std::vector<std::string>& items, std::string_view sep, std::string& buffer) {
  buffer.clear();
  for (const auto& s : items) {
    if (!buffer.empty()) buffer += sep;
    buffer += s;
  }
  return buffer;
}

}  // namespace clausier::writers
