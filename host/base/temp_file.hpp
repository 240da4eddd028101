#pragma once
// Temporary files in the system's temporary folder (TMPDIR): what lets a
// pass over a programme keep what grows with the rows on disk instead of in
// memory (a copy of standard input, consultation totals).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace clausier {

// A new empty file named `<prefix>-XXXXXX` in the temporary folder, created
// with a unique name (the caller removes it). Nothing, with `error` set
// (French, saying to set TMPDIR), when it cannot be created.
[[nodiscard]] std::optional<std::filesystem::path> make_temp_file(std::string_view prefix,
                                                                  std::string& error);

// Bytes written in one go, then read back in order, from the start, as many
// times as needed. They live in a temporary file removed as soon as it is
// opened, so nothing is left behind even if the program is killed; when no
// temporary file can be created they stay in memory (correct, not flat).
// Writing, then reading: a seek (rewind) in between. A write that the disk
// refuses (full) makes ok() false for good: what was written is not whole.
class SpillFile {
 public:
  SpillFile();
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  void write(const void* data, std::size_t size);
  // Reads exactly `size` bytes; false at the end (or on a read error).
  bool read(void* data, std::size_t size);
  // Where the next read starts, and back to a place tell() gave.
  [[nodiscard]] std::uint64_t tell() const;
  void seek(std::uint64_t position);
  void rewind() { seek(0); }
  [[nodiscard]] bool in_memory() const { return file_ == nullptr; }
  [[nodiscard]] bool ok() const { return !failed_; }

 private:
  std::FILE* file_ = nullptr;
  bool failed_ = false;
  std::string memory_;  // when there is no file
  std::size_t memory_position_ = 0;
};

}  // namespace clausier
