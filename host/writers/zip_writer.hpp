#pragma once
// A ZIP writer of our own over zlib, for the packages we make by the
// thousand (DOCX, ODT, the documents' archive): entries stored or deflated,
// sizes and CRC in each local header (no data descriptor, as ODF readers want
// for "mimetype"), one date for every entry, names in UTF-8 (flag 11 when not
// ASCII), no ZIP64 (a package over 4 GiB is refused). The same entries give
// the same bytes.
//
// Deflated entries whose content comes back (the styles, numbering and
// settings every document of a run shares) are compressed once per thread:
// a content seen a second time is kept with its compressed bytes, up to a
// bounded total.

#include <cstdint>
#include <string>
#include <string_view>

#include "base/date.hpp"

namespace clausier::writers {

class ZipWriter {
 public:
  // Every entry is dated `date` at midnight (DOS time has no year before 1980).
  explicit ZipWriter(const Date& date);

  // Appends an entry; false (and `error()` says why) when it cannot be.
  bool add(std::string_view path, std::string_view content, bool stored);
  // The archive's bytes: central directory and end record appended. The
  // writer is spent.
  [[nodiscard]] std::string finish();

  [[nodiscard]] const std::string& error() const { return error_; }

 private:
  std::string out_;
  std::string directory_;
  std::uint16_t dos_date_ = 0;
  std::uint32_t entries_ = 0;
  std::string error_;
};

}  // namespace clausier::writers
