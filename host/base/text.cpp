#include "base/text.hpp"

#include <array>

namespace clausier::text {
namespace {

constexpr char32_t replacement = 0xFFFD;

// Windows-1252 bytes 0x80..0x9F; 0 marks an undefined byte.
constexpr std::array<char32_t, 32> cp1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Base letters of U+00C0..U+00FF ('\0' for characters that are not letters).
constexpr std::string_view latin1_base =
    "AAAAAAACEEEEIIII"    // C0-CF (C6 = AE handled apart)
    "DNOOOOO\0OUUUUYTs"   // D0-DF (D7 = multiplication sign, DE thorn, DF sharp s)
    "aaaaaaaceeeeiiii"    // E0-EF
    "dnooooo\0ouuuuyty";  // F0-FF

bool is_space_cp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0xA0 || cp == 0x202F || cp == 0x2007 ||
         cp == 0xFEFF;
}

}  // namespace

char32_t next_code_point(std::string_view s, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int extra = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3;
    cp = b0 & 0x07;
  } else {
    ++pos;
    return replacement;
  }
  if (pos + static_cast<std::size_t>(extra) >= s.size()) {
    pos = s.size();
    return replacement;
  }
  for (int i = 1; i <= extra; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + static_cast<std::size_t>(i)]);
    if ((b & 0xC0) != 0x80) {
      pos += static_cast<std::size_t>(i);
      return replacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  pos += static_cast<std::size_t>(extra) + 1;
  // Overlong forms, surrogates and out-of-range values are invalid.
  static constexpr char32_t min_for[] = {0, 0x80, 0x800, 0x10000};
  if (cp < min_for[extra] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return replacement;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_valid_utf8(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(s, pos);
    if (cp == replacement) {
      // A literal U+FFFD (EF BF BD) is valid; anything else decoding to it is not.
      if (!(pos - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD")) return false;
    }
  }
  return true;
}

bool has_utf8_multibyte(std::string_view s) {
  if (!is_valid_utf8(s)) return false;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

std::string cp1252_to_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out += c;
    } else if (b < 0xA0) {
      const char32_t cp = cp1252_high[b - 0x80];
      append_utf8(out, cp == 0 ? replacement : cp);
    } else {
      append_utf8(out, b);
    }
  }
  return out;
}

std::string fold_key(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const char32_t cp = next_code_point(utf8, pos);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') {
        out += static_cast<char>(c - 'A' + 'a');
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out += c;
      }
    } else if (cp == 0xC6 || cp == 0xE6) {
      out += "ae";
    } else if (cp == 0x152 || cp == 0x153) {
      out += "oe";
    } else if (cp == 0xDF) {
      out += "ss";
    } else if (cp >= 0xC0 && cp <= 0xFF) {
      const char base = latin1_base[cp - 0xC0];
      if (base != '\0') out += static_cast<char>(base >= 'A' && base <= 'Z' ? base - 'A' + 'a' : base);
    } else if (cp == 0xB0) {
      out += 'o';  // "N°" -> "no"
    }
  }
  return out;
}

std::string_view trim(std::string_view s) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t pos = begin;
    if (!is_space_cp(next_code_point(s, pos))) break;
    begin = pos;
  }
  std::size_t end = s.size();
  while (end > begin) {
    // Step back over one code point (continuation bytes are 10xxxxxx).
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    std::size_t pos = start;
    if (!is_space_cp(next_code_point(s, pos))) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

std::string single_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const char d = (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (d == ' ' && !out.empty() && out.back() == ' ') continue;
    out += d;
  }
  return out;
}

std::size_t display_width(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string truncate(std::string_view utf8, std::size_t width) {
  if (display_width(utf8) <= width) return std::string(utf8);
  if (width == 0) return {};
  std::string out;
  std::size_t pos = 0;
  std::size_t count = 0;
  while (pos < utf8.size() && count + 1 < width) {
    const std::size_t start = pos;
    (void)next_code_point(utf8, pos);
    out.append(utf8.substr(start, pos - start));
    ++count;
  }
  out += "\u2026";
  return out;
}

std::string pad(std::string_view utf8, std::size_t width, bool right_align) {
  const std::size_t w = display_width(utf8);
  if (w >= width) return std::string(utf8);
  const std::string fill(width - w, ' ');
  return right_align ? fill + std::string(utf8) : std::string(utf8) + fill;
}

}  // namespace clausier::text
