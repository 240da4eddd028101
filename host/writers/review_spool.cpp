#include "writers/review_spool.hpp"

#include <array>

namespace clausier::writers {

Spool::Spool() : file_(std::tmpfile()), buf_(file_), file_stream_(&buf_) {}

Spool::~Spool() {
  if (file_) std::fclose(file_);
}

Spool::FileBuf::int_type Spool::FileBuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  return std::fputc(traits_type::to_char_type(c), f_) == EOF ? traits_type::eof() : c;
}

std::streamsize Spool::FileBuf::xsputn(const char* s, std::streamsize n) {
  return static_cast<std::streamsize>(std::fwrite(s, 1, static_cast<std::size_t>(n), f_));
}

void Spool::copy_to(std::ostream& out) {
  if (!file_) {
    out << memory_.str();
    return;
  }
  std::fflush(file_);
  std::rewind(file_);
  std::array<char, 1 << 16> chunk{};
  for (std::size_t n; (n = std::fread(chunk.data(), 1, chunk.size(), file_)) > 0;) {
    out.write(chunk.data(), static_cast<std::streamsize>(n));
  }
  std::fseek(file_, 0, SEEK_END);
}

}  // namespace clausier::writers
