// libFuzzer target: an xlsx workbook. The first byte chooses how the rest is
// read:
//  - even: the bytes of a file (archive checks, inflating, everything);
//  - odd: the parts of a workbook separated by "\n@@\n", in this order:
//    xl/workbook.xml, xl/worksheets/sheet1.xml, xl/sharedStrings.xml,
//    xl/styles.xml, xl/worksheets/sheet2.xml, xl/_rels/workbook.xml.rels
//    (standard relationships when absent), stored in a well-formed archive.
//    Bit 1 of the first byte names the sheet to read ("1"), bit 2 the second.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"

namespace {

constexpr std::string_view standard_rels =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId4\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/></Relationships>";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string sheet;
  if ((mode & 2) != 0) sheet = "1";
  if ((mode & 4) != 0) sheet = "2";
  if ((mode & 1) == 0) {
    clausier::fuzz::read_programme(std::string(rest), "fuzz.xlsx", clausier::fuzz::fuzz_options(sheet));
    return 0;
  }
  const auto parts = clausier::fuzz::split(rest, "\n@@\n", 6);
  static const char* const names[] = {"xl/workbook.xml",          "xl/worksheets/sheet1.xml",
                                      "xl/sharedStrings.xml",     "xl/styles.xml",
                                      "xl/worksheets/sheet2.xml", "xl/_rels/workbook.xml.rels"};
  std::vector<std::pair<std::string, std::string_view>> entries = {{"[Content_Types].xml", "<Types/>"}};
  for (std::size_t i = 0; i < parts.size(); ++i) entries.emplace_back(names[i], parts[i]);
  if (parts.size() < 6) entries.emplace_back("xl/_rels/workbook.xml.rels", standard_rels);
  clausier::fuzz::read_programme(clausier::fuzz::stored_zip(entries), "fuzz.xlsx",
                                 clausier::fuzz::fuzz_options(sheet));
  return 0;
}
