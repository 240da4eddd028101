#include "readers/decp_text.hpp"

#include <array>
#include <optional>
#include <vector>

#include "base/text.hpp"

namespace clausier::readers {
namespace {

// The Windows-1252 byte that shows as `cp`, if there is one: bytes 0x80-0x9F
// show as typographic signs in Windows-1252 and as C1 controls in Latin-1.
std::optional<unsigned char> cp1252_byte(char32_t cp) {
  if (cp < 0x100) return static_cast<unsigned char>(cp);
  struct Pair {
    char32_t cp;
    unsigned char byte;
  };
  static constexpr std::array<Pair, 27> specials = {{
      {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86},
      {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
      {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95},
      {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
      {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F},
  }};
  for (const Pair& p : specials) {
    if (p.cp == cp) return p.byte;
  }
  return std::nullopt;
}

// Continuation bytes a UTF-8 lead byte calls for (0: not a lead of a
// character worth repairing).
std::size_t continuations(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 1;
  if (lead >= 0xE0 && lead <= 0xEF) return 2;
  if (lead >= 0xF0 && lead <= 0xF4) return 3;
  return 0;
}

bool repair_once(std::string& text) {
  std::vector<char32_t> cps;
  for (std::size_t pos = 0; pos < text.size();) cps.push_back(text::next_code_point(text, pos));
  std::string out;
  out.reserve(text.size());
  bool changed = false;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const auto lead = cp1252_byte(cps[i]);
    const std::size_t n = lead ? continuations(*lead) : 0;
    if (n > 0 && i + n < cps.size()) {
      std::string bytes(1, static_cast<char>(*lead));
      for (std::size_t k = 1; k <= n; ++k) {
        const auto b = cp1252_byte(cps[i + k]);
        if (!b || *b < 0x80 || *b > 0xBF) break;
        bytes += static_cast<char>(*b);
      }
      if (bytes.size() == n + 1 && text::is_valid_utf8(bytes)) {
        std::size_t pos = 0;
        const char32_t decoded = text::next_code_point(bytes, pos);
        // C1 controls and the like are no repair: only printable characters.
        if (decoded >= 0xA0) {
          out += bytes;
          i += n;
          changed = true;
          continue;
        }
      }
    }
    text::append_utf8(out, cps[i]);
  }
  if (changed) text = std::move(out);
  return changed;
}

}  // namespace

bool repair_mojibake(std::string& text) {
  if (!text::has_utf8_multibyte(text)) return false;  // ASCII, or not UTF-8: nothing of the kind
  bool repaired = false;
  for (int layer = 0; layer < 3 && repair_once(text); ++layer) repaired = true;
  return repaired;
}

}  // namespace clausier::readers
