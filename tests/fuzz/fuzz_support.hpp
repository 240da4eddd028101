#pragma once
// What the reader fuzz targets share: reading a programme held in memory to
// the end, as the app does (two passes), and a zip writer (stored entries,
// right checksums) so that a target can build a workbook around parts taken
// from the fuzzer's input: mutations then reach the XML readers instead of
// stopping at the archive's checks.

#include <Poco/Checksum.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "readers/lot_reader.hpp"
#include "readers/programme.hpp"

namespace clausier::fuzz {

// Counts what it is given, keeps nothing.
class CountingSink final : public DiagnosticSink {
 public:
  void report(Diagnostic d) override {
    ++count;
    // Every message and place is well-formed text.
    sink_bytes += d.message.size() + d.location.str().size();
  }
  std::size_t count = 0;
  std::size_t sink_bytes = 0;
};

// Limits low enough for many runs a second; the same code paths as the defaults.
inline readers::ProgrammeOptions fuzz_options(std::string sheet = {}) {
  readers::ProgrammeOptions options;
  options.sheet = std::move(sheet);
  options.limits.max_entry_bytes = 64ULL << 20;
  options.limits.max_total_bytes = 128ULL << 20;
  options.limits.max_rows = 100'000;
  options.limits.max_columns = 256;
  options.limits.max_repeated_cells = 200'000;
  options.limits.max_shared_strings = 100'000;
  options.limits.max_merged_ranges = 10'000;
  return options;
}

// Opens a programme held in memory and reads it twice, as `clausier evaluate` does.
inline void read_programme(std::string bytes, const std::string& name,
                           const readers::ProgrammeOptions& options) {
  CountingSink diags;
  const auto programme = readers::programme_from_memory(std::move(bytes), name, diags, options);
  if (!programme) return;
  if (auto reader = programme->open(readers::discard_diagnostics())) {
    readers::RecordKeys keys;
    while (reader->next_keys(keys)) {
    }
  }
  if (auto reader = programme->open(diags)) {
    Lot lot;
    while (reader->next(lot)) {
    }
  }
}

inline void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
inline void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

// A zip archive of stored (uncompressed) entries.
inline std::string stored_zip(const std::vector<std::pair<std::string, std::string_view>>& entries) {
  std::string out;
  std::string directory;
  for (const auto& [name, data] : entries) {
    Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
    crc.update(data.data(), static_cast<unsigned>(data.size()));
    const auto offset = static_cast<std::uint32_t>(out.size());
    const auto size = static_cast<std::uint32_t>(data.size());
    put32(out, 0x04034b50);
    put16(out, 20);
    put16(out, 0);
    put16(out, 0);  // stored
    put32(out, 0);  // time, date
    put32(out, crc.checksum());
    put32(out, size);
    put32(out, size);
    put16(out, static_cast<std::uint32_t>(name.size()));
    put16(out, 0);
    out += name;
    out.append(data);
    put32(directory, 0x02014b50);
    put16(directory, 20);
    put16(directory, 20);
    put16(directory, 0);
    put16(directory, 0);
    put32(directory, 0);
    put32(directory, crc.checksum());
    put32(directory, size);
    put32(directory, size);
    put16(directory, static_cast<std::uint32_t>(name.size()));
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put32(directory, 0);
    put32(directory, offset);
    directory += name;
  }
  const auto directory_offset = static_cast<std::uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(directory.size()));
  put32(out, directory_offset);
  put16(out, 0);
  return out;
}

// `data` cut at each occurrence of `separator`.
inline std::vector<std::string_view> split(std::string_view data, std::string_view separator,
                                           std::size_t max) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max) {
    const std::size_t at = data.find(separator);
    if (at == std::string_view::npos) break;
    parts.push_back(data.substr(0, at));
    data.remove_prefix(at + separator.size());
  }
  parts.push_back(data);
  return parts;
}

}  // namespace clausier::fuzz
