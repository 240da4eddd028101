#pragma once
// An input stream over a shared string, so that each pass over a programme
// held in memory reads it without copying it. Seekable: the zip reader seeks.

#include <istream>
#include <memory>
#include <streambuf>
#include <string>

namespace clausier::readers {

class MemoryStream final : public std::istream {
 public:
  explicit MemoryStream(std::shared_ptr<const std::string> data)
      : std::istream(nullptr), buf_(std::move(data)) {
    rdbuf(&buf_);
  }

 private:
  class Buffer final : public std::streambuf {
   public:
    explicit Buffer(std::shared_ptr<const std::string> data) : data_(std::move(data)) {
      char* begin = const_cast<char*>(data_->data());  // read only: no put area is set
      setg(begin, begin, begin + data_->size());
    }

   protected:
    pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode which) override {
      if ((which & std::ios_base::in) == 0) return pos_type(off_type(-1));
      off_type base = 0;
      if (dir == std::ios_base::cur) base = gptr() - eback();
      if (dir == std::ios_base::end) base = egptr() - eback();
      const off_type target = base + off;
      if (target < 0 || target > egptr() - eback()) return pos_type(off_type(-1));
      setg(eback(), eback() + target, egptr());
      return pos_type(target);
    }
    pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
      return seekoff(off_type(pos), std::ios_base::beg, which);
    }

   private:
    std::shared_ptr<const std::string> data_;
  };
  Buffer buf_;
};

}  // namespace clausier::readers
