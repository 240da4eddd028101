#include "writers/zip_writer.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <string>

#include "readers/zip_package.hpp"

using namespace clausier;

namespace {

// Reads the archive back with the hardened reader of the readers layer
// (CRC-32 checked at the end of each entry).
std::string read_back(const std::string& archive, const std::string& name) {
  readers::sheet::Bytes bytes;
  bytes.content = std::make_shared<const std::string>(archive);
  readers::sheet::ZipPackage package(bytes, {});
  return package.read_small(name, 1U << 24);
}

std::string archive_of(const std::string& a, const std::string& b) {
  writers::ZipWriter zip(*Date::from_ymd(2026, 11, 22));
  REQUIRE(zip.add("mimetype", "application/vnd.oasis.opendocument.text", true));
  REQUIRE(zip.add("styles.xml", a, false));
  REQUIRE(zip.add("dossier/réserve é.xml", b, false));
  REQUIRE(zip.add("vide.txt", "", false));
  return zip.finish();
}

}  // namespace

TEST_CASE("zip writer: entries come back whole, stored or deflated, UTF-8 names flagged") {
  std::string styles;
  for (int i = 0; i < 2000; ++i) styles += "<style:style style:name=\"P" + std::to_string(i) + "\"/>\n";
  const std::string archive = archive_of(styles, "<x>é</x>");
  CHECK(archive.substr(0, 4) == "PK\x03\x04");
  CHECK(archive.substr(30, 8) == "mimetype");  // first, stored: readable at a fixed offset
  CHECK(archive.substr(38, 39) == "application/vnd.oasis.opendocument.text");
  CHECK(archive.size() < styles.size() / 4);  // deflated
  CHECK(read_back(archive, "mimetype") == "application/vnd.oasis.opendocument.text");
  CHECK(read_back(archive, "styles.xml") == styles);
  CHECK(read_back(archive, "dossier/réserve é.xml") == "<x>é</x>");
  CHECK(read_back(archive, "vide.txt").empty());
  // General purpose flags of the third local header: bit 11 (UTF-8 name).
  const auto third = archive.find("PK\x03\x04", archive.find("PK\x03\x04", 4) + 4);
  REQUIRE(third != std::string::npos);
  CHECK((static_cast<unsigned char>(archive[third + 7]) & 0x08) == 0x08);
  CHECK(archive[archive.find("PK\x03\x04", 4) + 7] == 0);  // an ASCII name: no flag
}

TEST_CASE("zip writer: the same entries give the same bytes, first time or from the thread's cache") {
  const std::string styles(50'000, 'a');
  const std::string first = archive_of(styles, "un");
  const std::string second = archive_of(styles, "deux");  // styles seen twice: kept
  const std::string third = archive_of(styles, "un");     // styles from the cache
  CHECK(third == first);
  CHECK(second != first);
  CHECK(read_back(third, "styles.xml") == styles);
  CHECK(read_back(second, "dossier/réserve é.xml") == "deux");
}

TEST_CASE("zip writer: an entry it cannot hold is refused with a reason") {
  writers::ZipWriter zip(*Date::from_ymd(2026, 11, 22));
  CHECK_FALSE(zip.add("", "x", false));
  CHECK(zip.error() == "entrée sans nom");
  CHECK_FALSE(zip.add(std::string(70'000, 'n'), "x", false));
  CHECK(zip.error().find("4 Gio") != std::string::npos);
}

TEST_CASE("zip writer: to a stream, an entry deflated from a stream larger than its buffers") {
  std::string sheet;
  for (int i = 0; sheet.size() < 300'000; ++i) sheet += "<row r=\"" + std::to_string(i) + "\"><c/></row>";
  std::ostringstream out;
  writers::ZipWriter zip(*Date::from_ymd(2020, 1, 1), out);
  REQUIRE(zip.add("[Content_Types].xml", "<Types/>", false));
  std::istringstream in(sheet);
  REQUIRE(zip.add("xl/worksheets/sheet1.xml", in));
  CHECK(zip.finish().empty());
  CHECK(zip.error().empty());
  const std::string archive = out.str();
  CHECK(read_back(archive, "[Content_Types].xml") == "<Types/>");
  CHECK(read_back(archive, "xl/worksheets/sheet1.xml") == sheet);

  writers::ZipWriter in_memory(*Date::from_ymd(2020, 1, 1));
  std::istringstream again(sheet);
  CHECK_FALSE(in_memory.add("sheet.xml", again));  // a streamed entry needs a stream to go to
  CHECK_FALSE(in_memory.error().empty());
}
