#include "readers/field_decoder.hpp"

#include "base/text.hpp"

namespace clausier::readers {
namespace {

bool is_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Length of a UTF-8 sequence cut by the end of a chunk (0 when none), so
// that a chunk boundary inside "é" is not taken for invalid UTF-8.
std::size_t cut_sequence_length(std::string_view s) {
  for (std::size_t back = 1; back <= 3 && back <= s.size(); ++back) {
    const auto b = static_cast<unsigned char>(s[s.size() - back]);
    if ((b & 0xC0) == 0x80) continue;  // continuation byte: look further back
    std::size_t needed = 1;
    if ((b & 0xE0) == 0xC0) needed = 2;
    if ((b & 0xF0) == 0xE0) needed = 3;
    if ((b & 0xF8) == 0xF0) needed = 4;
    return needed > back ? back : 0;
  }
  return 0;
}

}  // namespace

void FieldDecoder::sniff(std::string_view first_chunk) {
  const std::string_view whole = first_chunk.substr(0, first_chunk.size() - cut_sequence_length(first_chunk));
  if (!text::is_valid_utf8(whole)) {
    encoding_ = TextEncoding::windows1252;
  } else if (text::has_utf8_multibyte(whole)) {
    encoding_ = TextEncoding::utf8;
  } else {
    encoding_ = TextEncoding::undecided;
  }
}

FieldDecoder::Outcome FieldDecoder::decode(std::string& field) {
  if (is_ascii(field)) return Outcome::ok;
  switch (encoding_) {
    case TextEncoding::windows1252: field = text::cp1252_to_utf8(field); return Outcome::ok;
    case TextEncoding::utf8:
      if (text::is_valid_utf8(field)) return Outcome::ok;
      field = text::cp1252_to_utf8(field);
      return Outcome::not_utf8;
    case TextEncoding::undecided:
      if (text::is_valid_utf8(field)) {
        encoding_ = TextEncoding::utf8;
      } else {
        encoding_ = TextEncoding::windows1252;
        field = text::cp1252_to_utf8(field);
      }
      return Outcome::ok;
  }
  return Outcome::ok;
}

}  // namespace clausier::readers
