#include "base/french.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace clausier::fr {
namespace {

constexpr const char* month_names[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                       "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

std::string group_digits(std::string digits) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += nnbsp;
    out += digits[i];
  }
  return out;
}

// Finds the bytes typography() may change something around: high
// punctuation, and 0xC2, the first byte of « and » (UTF-8). One memchr per
// kind of byte, its answer kept until passed: each byte is scanned once per
// kind, many bytes at a time.
class SpecialBytes {
 public:
  explicit SpecialBytes(std::string_view s) : s_(s) {
    for (std::size_t k = 0; k < bytes.size(); ++k) pos_[k] = find(bytes[k], 0);
  }
  // The first special byte at or after `from`, or the size of the text.
  std::size_t next(std::size_t from) {
    std::size_t first = s_.size();
    for (std::size_t k = 0; k < bytes.size(); ++k) {
      if (pos_[k] < from) pos_[k] = find(bytes[k], from);
      first = std::min(first, pos_[k]);
    }
    return first;
  }

 private:
  static constexpr std::array<char, 5> bytes = {';', ':', '!', '?', '\xC2'};
  [[nodiscard]] std::size_t find(char c, std::size_t from) const {
    if (from >= s_.size()) return s_.size();
    const void* p = std::memchr(s_.data() + from, c, s_.size() - from);
    return p != nullptr ? static_cast<std::size_t>(static_cast<const char*>(p) - s_.data()) : s_.size();
  }
  std::string_view s_;
  std::array<std::size_t, bytes.size()> pos_{};
};

}  // namespace

std::string integer(std::int64_t n) {
  if (n < 0) return "\u2212" + integer(-n);
  return group_digits(std::to_string(n));
}

std::string decimal(double x, int max_decimals) {
  if (!std::isfinite(x)) return "?";
  const bool negative = x < 0;
  const double scale = std::pow(10.0, max_decimals);
  const auto scaled = static_cast<std::int64_t>(std::llround(std::fabs(x) * scale));
  const auto factor = static_cast<std::int64_t>(scale);
  std::int64_t whole = factor > 0 ? scaled / factor : scaled;
  std::int64_t frac = factor > 0 ? scaled % factor : 0;
  std::string out = (negative && scaled != 0 ? "\u2212" : "") + group_digits(std::to_string(whole));
  if (frac != 0) {
    std::string f = std::to_string(frac);
    f.insert(0, static_cast<std::size_t>(max_decimals) - f.size(), '0');
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += "," + f;
  }
  return out;
}

std::string euros_cents(std::int64_t cents) {
  const bool negative = cents < 0;
  const std::int64_t abs = negative ? -cents : cents;
  std::string out = (negative ? "\u2212" : "") + group_digits(std::to_string(abs / 100));
  if (abs % 100 != 0) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02d", static_cast<int>(abs % 100));
    out += ",";
    out += buf;
  }
  out += nbsp;
  out += "€";
  return out;
}

std::string euros(double amount) { return euros_cents(std::llround(amount * 100.0)); }

std::string percent(double ratio) { return decimal(ratio * 100.0, 2) + std::string(nnbsp) + "%"; }

std::string date_long(Date d) {
  const int day = d.day();
  std::string out = day == 1 ? "1er" : std::to_string(day);
  out += ' ';
  out += month_names[d.month() - 1];
  out += ' ';
  out += std::to_string(d.year());
  return out;
}

std::string date_short(Date d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day(), d.month(), d.year());
  return buf;
}

std::string hours(std::int64_t n) { return integer(n) + (n >= 2 || n <= -2 ? " heures" : " heure"); }

std::string typography(std::string_view prose) {
  // Runs of bytes with nothing to change are copied at once (this runs on
  // every reason of every result).
  SpecialBytes special(prose);
  std::string out;
  out.reserve(prose.size() + 16);
  for (std::size_t i = 0; i < prose.size(); ++i) {
    const std::size_t run = special.next(i);
    out.append(prose.data() + i, run - i);
    if (run == prose.size()) break;
    i = run;
    const char c = prose[i];
    if (c == '\xC2') {
      const std::string_view rest = prose.substr(i);
      if (rest.starts_with("»") && !out.empty() && out.back() == ' ') {
        out.back() = '\xC2';  // the space before » becomes a no-break space
        out += '\xA0';
      }
      out += c;
      if (rest.starts_with("« ")) {  // and so does the one after «
        out += "\xAB\u00A0";
        i += 2;
      }
      continue;
    }
    // Only prose punctuation: followed by a space, the end or a closing
    // sign. "x.lua:12", "https://" or "10:30" are left alone.
    const char next = i + 1 < prose.size() ? prose[i + 1] : ' ';
    const bool prose_punct = next == ' ' || next == '\n' || next == '\r' || next == '\t' || next == ')' ||
                             next == '"' || next == '!' || next == '?' || next == '.' ||
                             prose.substr(i + 1).starts_with("\u00A0") ||
                             prose.substr(i + 1).starts_with("»");
    const bool after_punct = !out.empty() && (out.back() == '!' || out.back() == '?');
    // "file.lua:12: message" is a location, not prose.
    const bool location = c == ':' && !out.empty() && out.back() >= '0' && out.back() <= '9';
    if (prose_punct && !out.empty() && !after_punct && !location && out.back() != '\n') {
      if (out.back() == ' ') out.pop_back();
      const std::string_view space = c == ':' ? nbsp : nnbsp;
      if (!std::string_view(out).ends_with(space)) out += space;
    }
    out += c;
  }
  return out;
}

std::string print_typography(std::string_view prose) {
  std::string out = typography(prose);
  std::string result;
  result.reserve(out.size() + 16);
  auto is_letter = [](unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
  };
  for (std::size_t i = 0; i < out.size(); ++i) {
    const unsigned char prev = i > 0 ? static_cast<unsigned char>(out[i - 1]) : static_cast<unsigned char>(0);
    const unsigned char next =
        i + 1 < out.size() ? static_cast<unsigned char>(out[i + 1]) : static_cast<unsigned char>(0);
    if (out[i] == '\'' && is_letter(prev) && is_letter(next)) {
      result += "\u2019";
    } else {
      result += out[i];
    }
  }
  return result;
}

std::string and_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " et " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace clausier::fr
