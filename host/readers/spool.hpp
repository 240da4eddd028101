#pragma once
// A programme that can be read only once (standard input, a pipe) copied to a
// temporary file, so that it can be read twice as a stream like any file:
// memory stays flat whatever its size; the disk holds one copy, removed when
// the last owner goes. The folder is the system's temporary folder (TMPDIR).

#include <filesystem>
#include <istream>
#include <memory>
#include <string>

namespace clausier::readers {

class SpoolFile {
 public:
  // Copies `in` to its end into a new temporary file. Null, with `error` set
  // (French), when the file cannot be created or written.
  [[nodiscard]] static std::shared_ptr<const SpoolFile> copy(std::istream& in, std::string& error);
  ~SpoolFile();
  SpoolFile(const SpoolFile&) = delete;
  SpoolFile& operator=(const SpoolFile&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  explicit SpoolFile(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

}  // namespace clausier::readers
