// libFuzzer target: an ods workbook. The first byte chooses how the rest is
// read:
//  - even: the bytes of a file (archive checks, inflating, everything);
//  - odd: content.xml, stored in a well-formed archive with its mimetype;
//    "\n@@\n" then separates META-INF/manifest.xml when present.
//    Bit 1 of the first byte names the sheet to read ("1"), bit 2 the second.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string sheet;
  if ((mode & 2) != 0) sheet = "1";
  if ((mode & 4) != 0) sheet = "2";
  if ((mode & 1) == 0) {
    clausier::fuzz::read_programme(std::string(rest), "fuzz.ods", clausier::fuzz::fuzz_options(sheet));
    return 0;
  }
  const auto parts = clausier::fuzz::split(rest, "\n@@\n", 2);
  std::vector<std::pair<std::string, std::string_view>> entries = {
      {"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", parts[0]}};
  if (parts.size() > 1) entries.emplace_back("META-INF/manifest.xml", parts[1]);
  clausier::fuzz::read_programme(clausier::fuzz::stored_zip(entries), "fuzz.ods",
                                 clausier::fuzz::fuzz_options(sheet));
  return 0;
}
