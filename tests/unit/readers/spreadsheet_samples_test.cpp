// The sample programme saved by LibreOffice as xlsx and ods, and by another
// writer as xlsx with a notice sheet first and title rows above the header,
// gives exactly the lots of its CSV.

#include <doctest/doctest.h>

#include <chrono>
#include <sstream>

#include "readers/programme.hpp"
#include "test_paths.hpp"

namespace {

using clausier::DiagnosticList;
using clausier::Lot;
using clausier::testing::source_path;
using clausier::testing::test_path;

struct Read {
  std::vector<Lot> lots;
  DiagnosticList diags;
  std::string sheet;
  std::uint32_t header_row = 0;
};

Read read_programme(const std::string& path, const clausier::readers::ProgrammeOptions& options = {}) {
  Read out;
  const auto programme = clausier::readers::open_programme(path, out.diags, options);
  REQUIRE(programme);
  out.sheet = programme->sheet_name();
  out.header_row = programme->header_row();
  auto reader = programme->open(out.diags);
  REQUIRE(reader);
  Lot lot;
  while (reader->next(lot)) out.lots.push_back(lot);
  return out;
}

std::string optional_text(const std::optional<double>& v) {
  if (!v) return "-";
  std::ostringstream s;
  s.precision(17);
  s << *v;
  return s.str();
}

// Every field of a lot but its source.
std::string describe(const Lot& l) {
  return l.reference + "|" + l.consultation + "|" + l.lot + "|" + l.objet + "|" + l.acheteur + "|" +
         std::string(clausier::buyer_type_id(l.type_acheteur)) + "|" +
         std::string(clausier::nature_id(l.nature)) + "|" + l.cpv + "|" + std::to_string(l.montant_ht_cents) +
         "|" + (l.duree_mois ? std::to_string(*l.duree_mois) : "-") + "|" + l.date_lancement.iso() + "|" +
         l.lieu + "|" + (l.anru ? (*l.anru ? "oui" : "non") : "-") + "|" +
         optional_text(l.overrides.part_main_oeuvre) + "|" + optional_text(l.overrides.taux_insertion) + "|" +
         optional_text(l.overrides.cout_horaire);
}

std::string all_diagnostics(const DiagnosticList& diags) {
  std::string out;
  for (const auto& d : diags.all()) out += clausier::format_diagnostic(d) + "\n";
  return out;
}

void check_same_lots(const Read& csv, const Read& sheet) {
  INFO(all_diagnostics(sheet.diags));
  CHECK(sheet.diags.all().empty());
  REQUIRE(sheet.lots.size() == csv.lots.size());
  for (std::size_t i = 0; i < csv.lots.size(); ++i) CHECK(describe(sheet.lots[i]) == describe(csv.lots[i]));
}

}  // namespace

TEST_SUITE("readers/spreadsheet samples") {
  TEST_CASE("the sample programme as xlsx and ods (LibreOffice) gives the lots of its CSV") {
    const Read csv = read_programme(source_path("samples/departement-2027/programme.csv"));
    REQUIRE(csv.lots.size() == 43);
    REQUIRE(csv.diags.all().empty());

    const Read xlsx = read_programme(source_path("samples/departement-2027/programme.xlsx"));
    check_same_lots(csv, xlsx);
    CHECK(xlsx.sheet == "programme");
    CHECK(xlsx.header_row == 1);
    REQUIRE(!xlsx.lots.empty());
    CHECK(xlsx.lots[0].source.str().ends_with("programme.xlsx!programme:2"));
    CHECK(xlsx.lots[0].source.line == 2);

    const Read ods = read_programme(source_path("samples/departement-2027/programme.ods"));
    check_same_lots(csv, ods);
    CHECK(ods.sheet == "programme");
    REQUIRE(!ods.lots.empty());
    CHECK(ods.lots[42].source.str().ends_with("programme.ods!programme:44"));
  }

  TEST_CASE("another writer: a notice sheet first, a hidden sheet, title rows, merged cells, 1904 dates") {
    const Read csv = read_programme(source_path("samples/departement-2027/programme.csv"));
    const Read notice = read_programme(test_path("fixtures/xlsx/programme-notice.xlsx"));
    check_same_lots(csv, notice);
    CHECK(notice.sheet == "Programme 2027");
    CHECK(notice.header_row == 4);
    REQUIRE(!notice.lots.empty());
    CHECK(notice.lots[0].source.str().ends_with("programme-notice.xlsx!Programme 2027:5"));
  }

  TEST_CASE("the sample xlsx is read quickly") {
    const auto start = std::chrono::steady_clock::now();
    const Read xlsx = read_programme(source_path("samples/departement-2027/programme.xlsx"));
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(xlsx.lots.size() == 43);
    CHECK(elapsed < std::chrono::seconds(1));
  }
}
