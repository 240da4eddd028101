#pragma once
// Outputs are written whole or not at all: into a temporary file beside the
// target, renamed over it only when complete. A target that exists and is not
// a regular file (/dev/null, /dev/stdout, a named pipe) is written directly:
// renaming over it would replace the device by a file.

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

namespace clausier::writers {

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  [[nodiscard]] bool is_open() const { return out_.is_open(); }
  [[nodiscard]] std::ostream& stream() { return out_; }
  // Flushes, closes and renames onto the target. On failure returns a French
  // message naming the file, and the target is left untouched.
  [[nodiscard]] std::string commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;  // empty when the target is written directly
  static constexpr std::size_t buffer_size = std::size_t{256} << 10;
  std::unique_ptr<char[]> buffer_;  // before out_, which uses it until destroyed
  std::ofstream out_;
  bool committed_ = false;
};

// Writes `content` to `target` atomically, creating parent folders. Returns an
// empty string on success, a French message otherwise.
[[nodiscard]] std::string write_file_atomic(const std::filesystem::path& target, std::string_view content);

}  // namespace clausier::writers
