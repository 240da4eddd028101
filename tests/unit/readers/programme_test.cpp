#include "readers/programme.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "base/french.hpp"
#include "csv_test_support.hpp"
#include "test_paths.hpp"

namespace {

using clausier::Date;
using clausier::Diagnostic;
using clausier::DiagnosticList;
using clausier::Lot;
using clausier::Nature;
using clausier::Severity;
using clausier::testing::plain;
using clausier::testing::scratch_path;
using clausier::testing::test_path;
namespace fs = std::filesystem;

struct Pass {
  std::vector<Lot> lots;
  DiagnosticList diags;
};

Pass read_all(const clausier::readers::Programme& programme) {
  Pass pass;
  auto reader = programme.open(pass.diags);
  REQUIRE(reader);
  Lot lot;
  while (reader->next(lot)) pass.lots.push_back(lot);
  return pass;
}

Pass read_file(const std::string& path) {
  DiagnosticList open_diags;
  const auto programme = clausier::readers::open_programme(path, open_diags);
  REQUIRE(programme);
  CHECK(open_diags.all().empty());
  return read_all(*programme);
}

// Everything a lot holds, as text, to compare two readings.
std::string describe(const Lot& l) {
  std::string out =
      l.reference + "|" + l.consultation + "|" + l.lot + "|" + l.objet + "|" + l.acheteur + "|" +
      std::string(clausier::buyer_type_id(l.type_acheteur)) + "|" +
      std::string(clausier::nature_id(l.nature)) + "|" + l.cpv + "|" + std::to_string(l.montant_ht_cents) +
      "|" + (l.duree_mois ? std::to_string(*l.duree_mois) : "-") + "|" + l.date_lancement.iso() + "|" +
      l.lieu + "|" + (l.anru ? (*l.anru ? "oui" : "non") : "-") + "|" + std::to_string(l.source.line);
  return out;
}

std::string describe(const Diagnostic& d) {
  return std::string(clausier::severity_name(d.severity)) + "|" + std::to_string(d.location.line) + "|" +
         d.location.column + "|" + d.message;
}

std::string write_scratch(const std::string& name, const std::string& bytes) {
  const std::string path = scratch_path("readers/" + name);
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace

TEST_SUITE("readers/programme") {
  TEST_CASE("the UTF-8 fixture: eight lots, two rows refused with one error each") {
    const Pass pass = read_file(test_path("fixtures/csv/programme-utf8.csv"));
    REQUIRE(pass.lots.size() == 8);
    const Lot& first = pass.lots[0];
    CHECK(first.reference == "2027-001");
    CHECK(first.consultation == "2027-001");
    CHECK(first.objet == "Construction d'un groupe scolaire – gros œuvre");
    CHECK(first.nature == Nature::travaux);
    CHECK(first.cpv == "45210000");
    CHECK(first.montant_ht_cents == 100000000);
    CHECK(first.date_lancement == *Date::from_ymd(2027, 3, 1));
    CHECK(first.lieu == "61");
    CHECK(first.anru == false);
    CHECK(pass.lots[1].objet == "Réhabilitation de l’école Jean-Moulin – gros œuvre");
    CHECK(pass.lots[1].cpv == "45214200");
    CHECK(pass.lots[2].montant_ht_cents == 18050050);
    CHECK(pass.lots[6].objet == "Nettoyage ; vitrerie des crèches\n(3 sites, « Les Petits Loups » compris)");
    CHECK(pass.lots[7].reference == "2026-020");
    CHECK(pass.lots[7].source.line == 12);  // after a cell spanning two lines

    const auto& diags = pass.diags.all();
    REQUIRE(diags.size() == 2);
    CHECK(plain(clausier::format_diagnostic(diags[0]))
              .ends_with("programme-utf8.csv:10 (colonne « Montant estimé HT ») : erreur : montant illisible "
                         "« 12,3,4 € » : "
                         "écrivez par exemple 1 234 567,89 €"));
    CHECK(plain(clausier::format_diagnostic(diags[1]))
              .ends_with("programme-utf8.csv:11 (colonne « Date prévisionnelle de lancement ») : erreur : "
                         "date inexistante "
                         "« 31/02/2027 » : vérifiez le jour et le mois"));
  }

  TEST_CASE("the Windows-1252 twin gives the same lots and the same diagnostics") {
    const Pass utf8 = read_file(test_path("fixtures/csv/programme-utf8.csv"));
    const Pass cp1252 = read_file(test_path("fixtures/csv/programme-cp1252.csv"));
    REQUIRE(utf8.lots.size() == cp1252.lots.size());
    for (std::size_t i = 0; i < utf8.lots.size(); ++i) {
      CHECK(describe(utf8.lots[i]) == describe(cp1252.lots[i]));
      CHECK(cp1252.lots[i].source.file.ends_with("programme-cp1252.csv"));
    }
    REQUIRE(utf8.diags.all().size() == cp1252.diags.all().size());
    for (std::size_t i = 0; i < utf8.diags.all().size(); ++i) {
      CHECK(describe(utf8.diags.all()[i]) == describe(cp1252.diags.all()[i]));
    }
  }

  TEST_CASE("each pass starts again from the first row") {
    DiagnosticList diags;
    const auto programme =
        clausier::readers::open_programme(test_path("fixtures/csv/programme-utf8.csv"), diags);
    REQUIRE(programme);
    std::int64_t total = 0;
    std::size_t rows = 0;
    {
      auto reader = programme->open(clausier::readers::discard_diagnostics());
      clausier::readers::RecordKeys keys;
      while (reader->next_keys(keys)) {
        if (!keys.cents) continue;
        ++rows;
        total += keys.consultation == "2027-002" ? *keys.cents : 0;
      }
    }
    CHECK(rows == 9);  // the row with an unreadable amount is left out
    CHECK(total == 24500000 + 18050050);
    CHECK(read_all(*programme).lots.size() == 8);
    CHECK(read_all(*programme).lots.size() == 8);
    CHECK(diags.all().empty());
  }

  TEST_CASE("a missing file") {
    DiagnosticList diags;
    CHECK_FALSE(clausier::readers::open_programme("nowhere/programme.csv", diags));
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].location.file == "nowhere/programme.csv");
    CHECK(plain(diags.all()[0].message) ==
          "le fichier « nowhere/programme.csv » est introuvable : vérifiez le chemin");
  }

  TEST_CASE("a folder instead of a file") {
    DiagnosticList diags;
    CHECK_FALSE(clausier::readers::open_programme(test_path("fixtures/csv"), diags));
    REQUIRE(diags.all().size() == 1);
    CHECK(
        plain(diags.all()[0].message).ends_with("est un dossier : donnez le chemin du fichier du programme"));
  }

  TEST_CASE(".json and .xml files are read as DECP open data — other extensions are refused") {
    for (const char* name : {"prog.json", "prog.xml", "PROG.JSON"}) {
      INFO(name);
      DiagnosticList diags;
      const auto programme = clausier::readers::open_programme(write_scratch(name, "x"), diags);
      REQUIRE(programme);
      const Pass pass = read_all(*programme);
      CHECK(pass.lots.empty());
      REQUIRE(pass.diags.has_errors());
      CHECK(pass.diags.all().back().location.line == 1);
    }
    DiagnosticList diags;
    CHECK_FALSE(clausier::readers::open_programme(write_scratch("prog.pdf", "x"), diags));
    CHECK(plain(diags.all().at(0).message) ==
          "extension « .pdf » non reconnue : donnez un programme au format CSV (.csv, .tsv ou .txt), XLSX "
          "(.xlsx), ODS (.ods), un fichier des données essentielles de la commande publique (DECP, .json "
          "ou .xml) ou un avis eForms (.xml)");
  }

  TEST_CASE(".tsv and .txt files are read as CSV, the separator detected") {
    const std::string tsv =
        "Référence\tObjet\tNature\tCPV\tMontant\tLancement\nL1\tVoirie\tTravaux\t45233140\t"
        "1 000\t01/02/2027\n";
    CHECK(read_file(write_scratch("prog.tsv", tsv)).lots.size() == 1);
    CHECK(read_file(write_scratch("prog.txt", tsv)).lots.size() == 1);
  }

  TEST_CASE("a fiche de consultation is recognised by its content, whatever its extension") {
    const std::string fiche =
        "\xEF\xBB\xBF# Fiche de consultation\n\nréférence : C9\nnature : travaux\ndate de lancement : "
        "01/03/2027\n"
        "[lot 1]\nobjet : Gros œuvre\ncpv : 45262500\nmontant : 850 000 €\n"
        "[lot 2]\nobjet : Peinture\ncpv : 45442100\nmontant : 140 000 €\n";
    for (const std::string name : {"fiche.txt", "fiche.csv", "fiche"}) {
      CAPTURE(name);
      const Pass pass = read_file(write_scratch(name, fiche));
      CHECK_FALSE(pass.diags.has_errors());
      REQUIRE(pass.lots.size() == 2);
      CHECK(pass.lots[0].reference == "C9-L1");
      CHECK(pass.lots[1].montant_ht_cents == 14'000'000);
    }
    DiagnosticList diags;
    const auto from_memory = clausier::readers::programme_from_memory(fiche, "(entrée standard)", diags);
    REQUIRE(from_memory);
    CHECK(read_all(*from_memory).lots.size() == 2);
    // Tables stay tables, colons in their values or not.
    const std::string table =
        "Référence;Objet;Nature;CPV;Montant;Lancement\n"
        "L1;Voirie : tranche 1;Travaux;45233140;1 000;01/02/2027\n";
    CHECK(read_file(write_scratch("table.txt", table)).lots.size() == 1);
    for (const std::string header : {"Référence : objet\tNature\tCPV\tMontant\tLancement\tObjet\n",
                                     "Référence : objet;Nature;CPV;Montant;Lancement;Objet\n"}) {
      CAPTURE(header);
      const Pass pass = read_file(write_scratch("entete.txt", header));
      REQUIRE_FALSE(pass.diags.all().empty());
      CHECK(plain(pass.diags.all().at(0).message).find("colonne") != std::string::npos);  // a table's message
    }
  }

  TEST_CASE("a programme in memory can be read twice") {
    DiagnosticList diags;
    const auto programme = clausier::readers::programme_from_memory(
        "Référence;Objet;Nature;CPV;Montant;Lancement\nL1;Voirie;Travaux;45233140;1 000;01/02/2027\n",
        "(entrée standard)", diags);
    REQUIRE(programme);
    CHECK(programme->display_name() == "(entrée standard)");
    const Pass first = read_all(*programme);
    const Pass second = read_all(*programme);
    REQUIRE(first.lots.size() == 1);
    CHECK(second.lots.size() == 1);
    CHECK(first.lots[0].source.file == "(entrée standard)");
  }

  TEST_CASE("a programme in memory: the format is sniffed when the name has no extension") {
    DiagnosticList diags;
    CHECK_FALSE(clausier::readers::programme_from_memory(std::string("PK\x03\x04...", 7), "(entrée standard)",
                                                         diags));
    CHECK(diags.count(Severity::error) == 1);
    // JSON and XML are DECP open data: read, and found empty here.
    const auto json =
        clausier::readers::programme_from_memory("  {\"marches\": []}", "(entrée standard)", diags);
    REQUIRE(json);
    const Pass from_json = read_all(*json);
    CHECK(from_json.lots.empty());
    CHECK_FALSE(from_json.diags.has_errors());
    CHECK(plain(from_json.diags.all().at(0).message).starts_with("fichier DECP (format 2019"));
    const auto xml = clausier::readers::programme_from_memory("<?xml version=\"1.0\"?><marches/>",
                                                              "(entrée standard)", diags);
    REQUIRE(xml);
    CHECK(read_all(*xml).lots.empty());
    CHECK(plain(read_all(*xml).diags.all().at(0).message).starts_with("fichier DECP (XML)"));
    CHECK(clausier::readers::programme_from_memory("a;b\n", "(entrée standard)", diags));
    // A file named .csv that holds JSON is read as JSON.
    const auto renamed = clausier::readers::programme_from_memory("[]", "export.csv", diags);
    REQUIRE(renamed);
    CHECK(plain(read_all(*renamed).diags.all().at(0).message).starts_with("fichier DECP (liste de marchés"));
  }
}
