#pragma once
// The one ZIP writer of the program, ours over zlib, for the packages we make
// by the thousand (DOCX, ODT, the documents' archive) and the XLSX workbook:
// entries stored or deflated, sizes and CRC in each local header (no data
// descriptor, as ODF readers want for "mimetype"), one date for every entry,
// names in UTF-8 (flag 11 when not ASCII), no ZIP64 (a package over 4 GiB is
// refused). The same entries give the same bytes.
//
// An archive is built in memory (finish() returns its bytes), or written to a
// stream as it goes: then an entry may itself be read from a stream and
// deflated chunk by chunk (a workbook's sheet, larger than memory), its CRC
// and sizes in a data descriptor after its data.
//
// Deflated entries whose content comes back (the styles, numbering and
// settings every document of a run shares) are compressed once per thread:
// a content seen a second time is kept with its compressed bytes, up to a
// bounded total.

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "base/date.hpp"

namespace clausier::writers {

class ZipWriter {
 public:
  // Every entry is dated `date` at midnight (DOS time has no year before 1980).
  explicit ZipWriter(const Date& date);
  // The archive goes to `out` as entries are added; finish() writes the
  // central directory there and returns an empty string.
  ZipWriter(const Date& date, std::ostream& out);

  // Appends an entry; false (and `error()` says why) when it cannot be.
  bool add(std::string_view path, std::string_view content, bool stored);
  // Appends an entry deflated from `in`, read to its end (the writer must
  // have a stream); false (and `error()` says why) when it cannot be.
  bool add(std::string_view path, std::istream& in);
  // The archive's bytes: central directory and end record appended (with a
  // stream: written there, and the result is empty; error() says whether the
  // stream failed). The writer is spent.
  [[nodiscard]] std::string finish();

  [[nodiscard]] const std::string& error() const { return error_; }

 private:
  // Writes out_ to the stream, if any; false when the stream failed.
  bool flush();
  [[nodiscard]] std::uint64_t offset() const { return written_ + out_.size(); }
  // The local header of an entry in out_, its record in directory_.
  void entry(std::string_view path, std::uint16_t flags, std::uint16_t method, std::uint32_t crc,
             std::uint32_t packed, std::uint32_t size);

  std::ostream* stream_ = nullptr;
  std::uint64_t written_ = 0;  // bytes already written to the stream
  std::string out_;
  std::string directory_;
  std::uint16_t dos_date_ = 0;
  std::uint32_t entries_ = 0;
  std::string error_;
};

}  // namespace clausier::writers
