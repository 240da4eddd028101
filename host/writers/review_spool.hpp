#pragma once
// A temporary file to write a long part of a report into while its beginning
// is not known yet, then copy in place: memory stays flat however long the
// part. The file has no name and disappears with the spool (std::tmpfile);
// where no temporary file can be made, the spool keeps the text in memory.

#include <cstdio>
#include <memory>
#include <ostream>
#include <sstream>
#include <streambuf>

namespace clausier::writers {

class Spool {
 public:
  Spool();
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  [[nodiscard]] std::ostream& stream() { return file_ ? file_stream_ : memory_; }
  // Appends everything written so far to `out`.
  void copy_to(std::ostream& out);

 private:
  // Unbuffered: the FILE has its own buffer.
  class FileBuf final : public std::streambuf {
   public:
    explicit FileBuf(std::FILE* f) : f_(f) {}

   protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;

   private:
    std::FILE* f_;
  };

  std::FILE* file_;
  FileBuf buf_;
  std::ostream file_stream_;
  std::ostringstream memory_;
};

}  // namespace clausier::writers
