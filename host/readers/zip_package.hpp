#pragma once
// A zip archive (xlsx, ods) from anywhere, opened with every check a hostile
// file calls for. The central directory is read and checked here (entry
// count, sizes, encryption, compression method, headers inside the file,
// well-formed extra fields); each entry is then read as a stream (zlib
// inflates it straight into the reader's buffer), and the bytes it gives are
// counted against the declared size, the per-entry and total caps and the
// compression ratio (zip bombs), and checked against the CRC-32 at the end.
// Entries are never inflated whole into memory.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readers/spreadsheet.hpp"

namespace clausier::readers::sheet {

// One entry being read.
class ZipEntry {
 public:
  virtual ~ZipEntry() = default;
  // Up to `size` bytes into `out`; 0 at the end. Throws Error when the entry
  // is damaged or goes over a cap.
  virtual std::size_t read(char* out, std::size_t size) = 0;
  [[nodiscard]] virtual const std::string& name() const = 0;
};

class ZipPackage {
 public:
  // Reads and checks the directory; throws Error (French, for the user).
  ZipPackage(const Bytes& bytes, const SpreadsheetLimits& limits);
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  // The stored name of an entry, matched exactly or else without regard to
  // case (OOXML part names are case-insensitive); nothing when absent.
  [[nodiscard]] std::optional<std::string> find(std::string_view name) const;
  [[nodiscard]] bool has(std::string_view name) const { return find(name).has_value(); }
  [[nodiscard]] std::vector<std::string> names() const;

  // Whether an entry read to its end is checked against its CRC-32. A reader
  // that stops before the end (a sheet's rows stop at </sheetData>) never gets
  // to the check: it may spare the computation, when another read of the
  // same entry goes to the end (the merged-range scan of the plan).
  enum class Checksum { verify, skip };

  // Opens an entry (found with find()). Entries are read one at a time: the
  // previous one must have been destroyed. Throws Error.
  [[nodiscard]] std::unique_ptr<ZipEntry> open(std::string_view name, Checksum checksum = Checksum::verify);

  // Reads a whole small entry (at most `max_bytes`, else Error).
  [[nodiscard]] std::string read_small(std::string_view name, std::size_t max_bytes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clausier::readers::sheet
