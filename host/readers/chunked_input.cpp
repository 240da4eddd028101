#include "readers/chunked_input.hpp"

#include "base/text.hpp"

namespace clausier::readers {
namespace {

constexpr char32_t replacement = 0xFFFD;

bool starts_with_bytes(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

ChunkedInput::ChunkedInput(std::istream& in, std::size_t chunk_bytes)
    : in_(&in), chunk_bytes_(chunk_bytes == 0 ? 1 : chunk_bytes) {}

void ChunkedInput::start() {
  started_ = true;
  // A byte-order mark is at most 3 bytes: read until they are all there.
  while (buf_.size() < 3 && read_chunk()) {
  }
  const std::string_view head = buf_;
  if (starts_with_bytes(head, "\xEF\xBB\xBF")) {
    bom_ = Bom::utf8;
    buf_.erase(0, 3);
  } else if (starts_with_bytes(head, "\xFF\xFE") || starts_with_bytes(head, "\xFE\xFF")) {
    bom_ = head[0] == '\xFF' ? Bom::utf16le : Bom::utf16be;
    const std::string rest = buf_.substr(2);
    buf_.clear();
    append_utf16(rest);
  }
}

bool ChunkedInput::refill() {
  if (!started_) start();
  // Drop what was read, keep what was not.
  buf_.erase(0, pos_);
  pos_ = 0;
  while (buf_.empty() && read_chunk()) {
  }
  return !buf_.empty();
}

bool ChunkedInput::read_chunk() {
  if (ended_) return false;
  raw_.resize(chunk_bytes_);
  in_->read(raw_.data(), static_cast<std::streamsize>(chunk_bytes_));
  const auto n = static_cast<std::size_t>(in_->gcount());
  if (n == 0) {
    ended_ = true;
    if (!carry_.empty()) {  // an odd byte or half a surrogate pair at the very end
      text::append_utf8(buf_, replacement);
      carry_.clear();
    }
    return false;
  }
  const std::string_view chunk(raw_.data(), n);
  if (bom_ == Bom::utf16le || bom_ == Bom::utf16be) {
    append_utf16(chunk);
  } else {
    buf_.append(chunk);
  }
  return true;
}

char32_t ChunkedInput::utf16_unit(std::size_t at) const {
  const auto b0 = static_cast<unsigned char>(carry_[at]);
  const auto b1 = static_cast<unsigned char>(carry_[at + 1]);
  return bom_ == Bom::utf16le ? static_cast<char32_t>(b0 | (b1 << 8)) : static_cast<char32_t>((b0 << 8) | b1);
}

void ChunkedInput::append_utf16(std::string_view bytes) {
  carry_.append(bytes);
  std::size_t i = 0;
  while (i + 2 <= carry_.size()) {
    const char32_t unit = utf16_unit(i);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      if (i + 4 > carry_.size()) break;  // the low half is in the next chunk
      const char32_t low = utf16_unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        text::append_utf8(buf_, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        i += 4;
        continue;
      }
      text::append_utf8(buf_, replacement);
    } else {
      text::append_utf8(buf_, unit >= 0xDC00 && unit <= 0xDFFF ? replacement : unit);
    }
    i += 2;
  }
  carry_.erase(0, i);
}

void ChunkedInput::unread(std::string_view bytes) {
  buf_.replace(0, pos_, bytes);
  pos_ = 0;
}

std::string_view ChunkedInput::lookahead(std::size_t min_bytes) {
  if (!started_) start();
  while (buf_.size() - pos_ < min_bytes && read_chunk()) {
  }
  return std::string_view(buf_).substr(pos_);
}

ChunkedInput::Bom ChunkedInput::bom() {
  if (!started_) start();
  return bom_;
}

}  // namespace clausier::readers
