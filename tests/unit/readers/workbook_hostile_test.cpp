// Files from anywhere: each bad workbook gives a French error naming the
// file within a second; nothing crashes, hangs, or leaks a local file.

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "csv_test_support.hpp"
#include "test_paths.hpp"
#include "workbook_test_support.hpp"

namespace {

using clausier::DiagnosticList;
using clausier::testing::header_row;
using clausier::testing::lot_row;
using clausier::testing::make_xlsx;
using clausier::testing::plain;
using clausier::testing::scratch_path;
using clausier::testing::test_path;

struct Outcome {
  bool opened = false;
  std::size_t lots = 0;
  std::string messages;  // plain spaces
  std::chrono::steady_clock::duration elapsed{};
};

Outcome read_path(const std::string& path) {
  Outcome out;
  DiagnosticList diags;
  const auto start = std::chrono::steady_clock::now();
  const auto programme = clausier::readers::open_programme(path, diags);
  if (programme) {
    out.opened = true;
    if (auto reader = programme->open(diags)) {
      clausier::Lot lot;
      while (reader->next(lot)) ++out.lots;
    }
  }
  out.elapsed = std::chrono::steady_clock::now() - start;
  for (const auto& d : diags.all()) out.messages += plain(clausier::format_diagnostic(d)) + "\n";
  return out;
}

std::string write_scratch(const std::string& name, const std::string& bytes) {
  const std::string path = scratch_path("readers/" + name);
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

void check_refused(const std::string& path, const std::string& expected) {
  INFO(path);
  const Outcome out = read_path(path);
  INFO(out.messages);
  CHECK(out.lots == 0);
  CHECK(out.elapsed < std::chrono::seconds(1));
  CHECK(out.messages.find(expected) != std::string::npos);
  CHECK(out.messages.find(std::filesystem::path(path).filename().string()) != std::string::npos);
  CHECK(out.messages.find("root:") == std::string::npos);  // nothing of /etc/passwd
}

std::uint32_t u32(const std::string& b, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 4; i-- > 0;) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}
void put16(std::string& b, std::size_t at, std::uint16_t v) {
  b[at] = static_cast<char>(v & 0xFF);
  b[at + 1] = static_cast<char>(v >> 8);
}
void put32(std::string& b, std::size_t at, std::uint32_t v) {
  put16(b, at, static_cast<std::uint16_t>(v & 0xFFFF));
  put16(b, at + 2, static_cast<std::uint16_t>(v >> 16));
}

// Offsets of every central directory header of a zip made by the tests.
std::vector<std::size_t> central_headers(const std::string& zip) {
  std::vector<std::size_t> out;
  for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos;
       at = zip.find("PK\x01\x02", at + 4)) {
    out.push_back(at);
  }
  return out;
}

}  // namespace

TEST_SUITE("readers/xlsx hostile files") {
  TEST_CASE("zip bombs: a ratio too high, or more bytes than declared") {
    check_refused(
        test_path("fixtures/xlsx/zip-bomb.xlsx"),
        "zip-bomb.xlsx : erreur : l'élément « xl/worksheets/sheet1.xml » se décompresse 1 020 fois plus "
        "gros que sa taille compressée (au plus 200 fois) : le fichier ressemble à une bombe de "
        "décompression et n'est pas lu");
    check_refused(
        test_path("fixtures/xlsx/zip-bomb-lying.xlsx"),
        "l'élément « xl/worksheets/sheet1.xml » est plus grand que ce qu'annonce l'archive : fichier "
        "endommagé ou malveillant, non lu");
  }

  TEST_CASE("XML entities: XXE and billion laughs are refused before parsing") {
    check_refused(
        test_path("fixtures/xlsx/xxe.xlsx"),
        "l'élément « xl/worksheets/sheet1.xml » contient une déclaration DOCTYPE, que n'écrit aucun "
        "tableur (tentative d'attaque par entités XML ?) : le classeur n'est pas lu");
    check_refused(test_path("fixtures/xlsx/xxe-parameter.xlsx"),
                  "l'élément « xl/workbook.xml » contient une "
                  "déclaration DOCTYPE");
    check_refused(test_path("fixtures/xlsx/billion-laughs.xlsx"),
                  "l'élément « xl/sharedStrings.xml » contient une déclaration DOCTYPE");
    check_refused(test_path("fixtures/ods/xxe.ods"),
                  "l'élément « content.xml » contient une déclaration DOCTYPE");
  }

  TEST_CASE("files that are not (readable) workbooks say what they are") {
    check_refused(
        test_path("fixtures/xlsx/csv-renamed.xlsx"),
        "ce fichier est un fichier texte (un CSV renommé ?), pas un classeur XLSX : donnez-lui "
        "l'extension .csv, ou enregistrez le programme en .xlsx, .ods ou .csv depuis votre tableur");
    check_refused(
        test_path("fixtures/xlsx/excel97.xlsx"),
        "excel97.xlsx : erreur : ancien format Excel 97-2003 : enregistrez le fichier en .xlsx ou .csv");
    check_refused(
        test_path("fixtures/xlsx/encrypted.xlsx"),
        "classeur protégé par un mot de passe : ouvrez-le dans votre tableur, enregistrez-le sans mot de "
        "passe et donnez ce fichier");
    check_refused(test_path("fixtures/xlsx/zip-encrypted.xlsx"), "classeur protégé par un mot de passe");
    check_refused(test_path("fixtures/ods/encrypted.ods"), "classeur protégé par un mot de passe");
    check_refused(
        test_path("fixtures/xlsx/empty-zip.xlsx"),
        "archive zip vide : le fichier ne contient aucune feuille ; enregistrez de nouveau le classeur "
        "depuis votre tableur");
    check_refused(
        test_path("fixtures/xlsx/truncated.xlsx"),
        "la fin de l'archive zip est introuvable : le fichier est incomplet (tronqué lors d'une copie ou "
        "d'un envoi ?) ou endommagé ; enregistrez de nouveau le classeur depuis votre tableur");
    check_refused(test_path("fixtures/xlsx/word-renamed.xlsx"),
                  "ce fichier est un document Word, pas un classeur");
    check_refused(write_scratch("vide.xlsx", ""),
                  "vide.xlsx : erreur : fichier vide : il ne contient aucun classeur");
    check_refused(write_scratch("page.xls", "<html><body><table><tr><td>1</td></tr></table></body></html>"),
                  "ce fichier est une page HTML, pas un classeur XLS");
    check_refused(write_scratch("vrai.xls",
                                std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0')),
                  "ancien format Excel 97-2003 : enregistrez le fichier en .xlsx ou .csv");
    check_refused(write_scratch("bruit.ods", std::string("\x01\x02\x00\x7F", 4)),
                  "ce fichier n'est pas un classeur ODS (contenu non reconnu)");
  }

  TEST_CASE("a workbook renamed .csv, or given without extension, is still read as a workbook") {
    const std::string book = make_xlsx({{"Programme", header_row() + lot_row(2, "L1")}});
    const Outcome renamed = read_path(write_scratch("programme-renamed.csv", book));
    INFO(renamed.messages);
    CHECK(renamed.lots == 1);
    const Outcome bare = read_path(write_scratch("programme-sans-extension", book));
    CHECK(bare.lots == 1);
  }

  TEST_CASE("damaged XML in a sheet: an error naming the sheet, the part and the line") {
    const Outcome out = read_path(test_path("fixtures/xlsx/broken-xml.xlsx"));
    CHECK(out.opened);
    CHECK(out.messages.ends_with(
        "broken-xml.xlsx!Programme : erreur : le contenu XML de « xl/worksheets/sheet1.xml » est endommagé "
        "(ligne 2) : le fichier est tronqué ou n'a pas été écrit par un tableur ; enregistrez de nouveau le "
        "classeur depuis votre tableur\n"));
  }

  TEST_CASE("damaged archives: every field checked before Poco reads an entry") {
    const std::string good = make_xlsx({{"Programme", header_row() + lot_row(2, "L1")}});
    REQUIRE(read_path(write_scratch("good.xlsx", good)).lots == 1);
    const auto headers = central_headers(good);
    REQUIRE(headers.size() == 10);  // Poco adds the folders

    std::string bzip2 = good;  // compression method 12 in the central and local headers of every entry
    for (const std::size_t at : headers) {
      put16(bzip2, at + 10, 12);
      put16(bzip2, u32(bzip2, at + 42) + 8, 12);
    }
    check_refused(write_scratch("bzip2.xlsx", bzip2),
                  "est compressé par une méthode non prise en charge (n° 12)");

    std::string outside = good;  // a local header beyond the end
    put32(outside, headers[0] + 42, 0x7FFFFFF0);
    check_refused(write_scratch("outside.xlsx", outside), "archive zip endommagée");

    std::string sizes = good;  // a compressed size running past the directory
    put32(sizes, headers[0] + 20, 0x00FFFFFF);
    check_refused(write_scratch("sizes.xlsx", sizes), "archive zip endommagée");

    std::string zip64 = good;
    put32(zip64, headers[0] + 24, 0xFFFFFFFF);
    check_refused(write_scratch("zip64.xlsx", zip64), "archive au format ZIP64, non prise en charge");

    std::string extra = good;  // an extra field whose sub-field runs past its end
    const std::size_t local = u32(extra, headers[0] + 42);
    const std::size_t name_length = static_cast<unsigned char>(extra[local + 26]);
    put16(extra, local + 28, 4);
    extra.replace(local + 30 + name_length, 4, std::string("\x01\x00\xFF\x00", 4));
    check_refused(write_scratch("extra.xlsx", extra),
                  "archive zip endommagée (champ supplémentaire mal formé");

    std::string crc = good;  // every checksum wrong
    for (const std::size_t at : headers) put32(crc, at + 16, u32(crc, at + 16) ^ 0x5A5A5A5A);
    check_refused(write_scratch("crc.xlsx", crc), "est endommagé (données compressées illisibles)");

    // The sheet's checksum alone wrong, in a sheet whose rows end long before the part does (the row
    // passes stop at </sheetData>): seen when the merged ranges are looked for, to the end of the part.
    std::string sheet_crc = make_xlsx(
        {{"Programme", header_row() + lot_row(2, "L1"), false, "<!--" + std::string(600'000, ' ') + "-->"}});
    for (const std::size_t at : central_headers(sheet_crc)) {
      const std::size_t length = static_cast<unsigned char>(sheet_crc[at + 28]);
      if (sheet_crc.compare(at + 46, length, "xl/worksheets/sheet1.xml") == 0)
        put32(sheet_crc, at + 16, u32(sheet_crc, at + 16) ^ 1);
    }
    check_refused(write_scratch("sheet-crc.xlsx", sheet_crc),
                  "l'élément « xl/worksheets/sheet1.xml » est endommagé (données compressées illisibles)");

    std::string duplicate = clausier::testing::make_zip({{"a.xml", "<a/>"}, {"b.xml", "<b/>"}});
    for (std::size_t at = duplicate.find("b.xml"); at != std::string::npos;
         at = duplicate.find("b.xml", at)) {
      duplicate[at] = 'a';
    }
    check_refused(write_scratch("duplicate.xlsx", duplicate),
                  "archive zip endommagée (élément « a.xml » en double)");

    // Cut anywhere: never a crash.
    for (std::size_t cut = 0; cut < good.size(); cut += 97) {
      INFO(cut);
      const Outcome out = read_path(write_scratch("cut.xlsx", good.substr(0, cut)));
      CHECK(out.lots == 0);
      CHECK_FALSE(out.messages.empty());
    }
  }

  TEST_CASE("ods: a repeated row of repeated cells stops at the repetition cap, quickly") {
    const Outcome out = read_path(test_path("fixtures/ods/repeat-bomb.ods"));
    CHECK(out.elapsed < std::chrono::seconds(1));
    CHECK(out.messages.find("le classeur répète des cellules plus de 16 000 000 fois : il n'est pas lu") !=
          std::string::npos);
  }
}
