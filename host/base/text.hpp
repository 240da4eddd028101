#pragma once
// UTF-8 helpers shared by readers, rendering and writers.

#include <cstdint>
#include <string>
#include <string_view>

namespace clausier::text {

[[nodiscard]] bool is_valid_utf8(std::string_view s);
// True when `s` is valid UTF-8 and holds at least one multi-byte sequence.
[[nodiscard]] bool has_utf8_multibyte(std::string_view s);
// Windows-1252 (Excel's "ANSI" on French Windows) to UTF-8. Bytes undefined in
// 1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD.
[[nodiscard]] std::string cp1252_to_utf8(std::string_view s);

// Folds a header or enumeration label to a comparison key: lower case, accents
// removed, ligatures expanded, everything but [a-z0-9] dropped.
// "Date prévisionnelle de lancement" -> "dateprevisionnelledelancement".
[[nodiscard]] std::string fold_key(std::string_view utf8);

// Removes leading and trailing spaces, tabs, CR/LF and Unicode no-break spaces
// (U+00A0, U+202F, U+2007).
[[nodiscard]] std::string_view trim(std::string_view s);

// Replaces line breaks and tabs by spaces and collapses runs of spaces, for
// one-line displays (a quoted CSV field may hold line breaks).
[[nodiscard]] std::string single_line(std::string_view s);

// Number of code points (what a terminal shows for Latin text).
[[nodiscard]] std::size_t display_width(std::string_view utf8);
// Cuts to at most `width` code points, ending with "…" when cut.
[[nodiscard]] std::string truncate(std::string_view utf8, std::size_t width);
// Pads with spaces on the right (left when `right_align`) to `width` code points.
[[nodiscard]] std::string pad(std::string_view utf8, std::size_t width, bool right_align = false);

// Decodes one code point at `pos`, advancing `pos`; returns U+FFFD on bad input.
[[nodiscard]] char32_t next_code_point(std::string_view s, std::size_t& pos);
void append_utf8(std::string& out, char32_t cp);

}  // namespace clausier::text
