#pragma once
// Byte input for text readers: reads a stream chunk by chunk (memory stays
// flat whatever the file size), strips a byte-order mark and converts UTF-16
// (Excel's "Texte Unicode") to UTF-8 on the fly, so tokenizers only ever see
// 8-bit text in which ASCII bytes mean ASCII characters.

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>

namespace clausier::readers {

class ChunkedInput {
 public:
  enum class Bom { none, utf8, utf16le, utf16be };

  ChunkedInput(std::istream& in, std::size_t chunk_bytes);

  // The next byte (0..255), or -1 at the end of the input.
  int get() {
    if (pos_ == buf_.size() && !refill()) return -1;
    return static_cast<unsigned char>(buf_[pos_++]);
  }
  int peek() {
    if (pos_ == buf_.size() && !refill()) return -1;
    return static_cast<unsigned char>(buf_[pos_]);
  }

  // Puts bytes back so that get() returns them next (error recovery).
  void unread(std::string_view bytes);

  // The bytes buffered ahead of the read position, reading on until at least
  // `min_bytes` are there or the input ends. For sniffing; consumes nothing.
  [[nodiscard]] std::string_view lookahead(std::size_t min_bytes);
  [[nodiscard]] bool ended() const { return ended_ && pos_ == buf_.size(); }
  [[nodiscard]] Bom bom();

 private:
  void start();
  bool refill();      // false when nothing more can be read
  bool read_chunk();  // appends one converted chunk to buf_
  void append_utf16(std::string_view bytes);
  [[nodiscard]] char32_t utf16_unit(std::size_t at) const;

  std::istream* in_;
  std::size_t chunk_bytes_;
  std::string raw_;  // scratch for one chunk as read
  std::string buf_;  // converted bytes; buf_[pos_..] is still to be read
  std::size_t pos_ = 0;
  std::string carry_;  // UTF-16 bytes waiting for the rest of their code point
  Bom bom_ = Bom::none;
  bool started_ = false;
  bool ended_ = false;
};

}  // namespace clausier::readers
