#pragma once
// A zip entry over a string, giving at most `chunk` bytes per read: the XML
// readers' tests feed a part in pieces of every size.

#include <algorithm>
#include <cstring>
#include <string>

#include "readers/zip_package.hpp"

namespace clausier::testing {

class StringEntry final : public readers::sheet::ZipEntry {
 public:
  StringEntry(std::string data, std::size_t chunk) : data_(std::move(data)), chunk_(chunk) {}
  std::size_t read(char* out, std::size_t size) override {
    const std::size_t n = std::min({size, chunk_, data_.size() - at_});
    std::memcpy(out, data_.data() + at_, n);
    at_ += n;
    return n;
  }
  [[nodiscard]] const std::string& name() const override { return name_; }

 private:
  std::string data_;
  std::size_t chunk_;
  std::size_t at_ = 0;
  std::string name_ = "xl/part.xml";
};

}  // namespace clausier::testing
