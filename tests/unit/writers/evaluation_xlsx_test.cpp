// The evaluation workbook, read back with the programme readers: the sheet is
// found by its headers, and each cell has the type and format written.

#include "writers/evaluation_xlsx.hpp"

#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <doctest/doctest.h>

#include <memory>
#include <sstream>

#include "readers/sheet_source.hpp"
#include "writers/xlsx_sheet.hpp"

using namespace clausier;

namespace {

LotEvaluation sample_lot(std::string reference, std::string objet) {
  LotEvaluation e;
  e.lot.reference = std::move(reference);
  e.lot.consultation = "C1";
  e.lot.lot = "2";
  e.lot.objet = std::move(objet);
  e.lot.nature = Nature::travaux;
  e.lot.cpv = "45223220";
  e.lot.montant_ht_cents = 235'000'050;
  e.lot.date_lancement = *Date::parse_iso("2027-03-01");
  ClauseResult insertion;
  insertion.type = "insertion";
  insertion.verdict = Verdict::obligatoire;
  insertion.hours = 1958;
  insertion.reasons = {"Premier motif.", "Second motif."};
  ClauseResult failed;
  failed.type = "reserve-siae";
  failed.error =
      Diagnostic{Severity::error, Location::in_file("plugins/reserve-siae.lua", 12), "boucle sans fin"};
  e.clauses = {insertion, failed};
  return e;
}

struct ReadBack {
  std::vector<readers::Record> rows;  // the header row, then the data rows
  std::string sheet;
};

ReadBack read_back(std::string bytes) {
  DiagnosticList diags;
  auto content = std::make_shared<const std::string>(std::move(bytes));
  auto plan = readers::plan_spreadsheet({{}, content}, "evaluation.xlsx", "", {}, diags);
  REQUIRE_MESSAGE(plan != nullptr, (diags.all().empty() ? std::string() : diags.all().front().message));
  ReadBack out;
  out.sheet = plan->sheet_name;
  auto source = readers::open_spreadsheet(plan, diags);
  REQUIRE(source != nullptr);
  readers::Record r;
  while (source->next(r, diags)) out.rows.push_back(r);
  CHECK(diags.count(Severity::error) == 0);
  return out;
}

// One part of a zip archive, inflated.
std::string part(const std::string& zip, const std::string& name) {
  std::istringstream in(zip);
  const Poco::Zip::ZipArchive archive(in);
  const auto header = archive.findHeader(name);
  REQUIRE_MESSAGE(header != archive.headerEnd(), name);
  in.clear();
  Poco::Zip::ZipInputStream entry(in, header->second);
  std::ostringstream out;
  out << entry.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("xlsx evaluation: one row per lot and clause type, typed cells, read back by the readers") {
  std::ostringstream out;
  auto sink = writers::make_xlsx_sink(out);
  engine::ClauseInfo insertion;
  insertion.id = "insertion";
  insertion.title = "Clause d'insertion";
  sink->begin({insertion});
  sink->lot(sample_lot("L1", "Voirie <lot 2> & \"accès\"\x01 – tranche ferme"));
  sink->end({}, {});
  REQUIRE(sink->error().empty());

  const ReadBack book = read_back(out.str());
  CHECK(book.sheet == "Évaluation");
  REQUIRE(book.rows.size() == 3);
  CHECK(book.rows[0].cells[6].text == "Montant estimé HT");
  const auto& row = book.rows[1].cells;
  REQUIRE(row.size() >= 12);
  CHECK(row[0].text == "L1");
  CHECK(row[2].text == "2");
  // Escaped on the way in, the control character left out.
  CHECK(row[3].text == "Voirie <lot 2> & \"accès\" – tranche ferme");
  CHECK(row[4].text == "Travaux");
  CHECK(row[5].text == "45223220");
  CHECK(row[6].type == readers::Cell::Type::number);
  CHECK(row[6].number == doctest::Approx(2'350'000.50));
  CHECK(row[7].type == readers::Cell::Type::number);
  CHECK(row[7].is_date);
  CHECK(row[7].number == doctest::Approx(46447));  // 1 March 2027
  CHECK(row[8].text == "Clause d'insertion");      // the title of a known clause type
  CHECK(row[9].text == "obligatoire");
  CHECK(row[10].number == doctest::Approx(1958));
  CHECK(row[11].text == "Premier motif. Second motif.");

  const auto& failed = book.rows[2].cells;
  CHECK(failed[8].text == "reserve-siae");  // no title given: the id
  CHECK(failed[9].text == "erreur");
  CHECK(failed[10].type == readers::Cell::Type::empty);
  CHECK(failed[11].text == "plugins/reserve-siae.lua:12 : boucle sans fin");
}

TEST_CASE("xlsx sheet: frozen header, autofilter over the rows written, column widths, fixed bytes") {
  auto write = [] {
    std::ostringstream out;
    writers::xlsx::SheetWriter sheet("Feuille d'essai", {{"A", 8, writers::xlsx::Format::text},
                                                         {"B", 20.5, writers::xlsx::Format::integer}});
    for (int i = 0; i < 3; ++i) {
      sheet.begin_row();
      sheet.text(" x ");
      sheet.integer(i);
      sheet.end_row();
    }
    REQUIRE(sheet.data_rows() == 3);
    REQUIRE(sheet.write(out).empty());
    return out.str();
  };
  const std::string bytes = write();
  CHECK(write() == bytes);  // no time stamp: the same rows, the same file

  const std::string xml = part(bytes, "xl/worksheets/sheet1.xml");
  CHECK(xml.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>") !=
        std::string::npos);
  CHECK(xml.find("<autoFilter ref=\"A1:B4\"/>") != std::string::npos);
  CHECK(xml.find("<col min=\"2\" max=\"2\" width=\"20.5\" customWidth=\"1\"/>") != std::string::npos);
  CHECK(xml.find("<t xml:space=\"preserve\"> x </t>") != std::string::npos);
  const std::string workbook = part(bytes, "xl/workbook.xml");
  CHECK(workbook.find("<sheet name=\"Feuille d'essai\"") != std::string::npos);
  CHECK(workbook.find("hidden=\"1\">'Feuille d''essai'!$A$1:$B$4</definedName>") != std::string::npos);
}

TEST_CASE("xlsx sheet: a table beyond the rows of a sheet is refused whole, not cut") {
  writers::xlsx::SheetWriter sheet("Feuille", {{"A", 8, writers::xlsx::Format::text}}, 3);
  for (int i = 0; i < 3; ++i) {
    sheet.begin_row();
    sheet.integer(i);
    sheet.end_row();
  }
  CHECK_FALSE(sheet.ok());
  std::ostringstream out;
  const std::string error = sheet.write(out);
  CHECK(error.find("le tableau dépasse 3 lignes") == 0);
  CHECK(error.find("--format csv") != std::string::npos);
  CHECK(out.str().empty());
}

TEST_CASE("xlsx dates are serials of the 1900 date system") {
  CHECK(writers::xlsx::date_serial(*Date::parse_iso("1900-03-01")) == 61);
  CHECK(writers::xlsx::date_serial(*Date::parse_iso("2026-08-21")) == 46255);
}
