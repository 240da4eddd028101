#include "readers/lot_reader.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <tuple>

#include "csv_test_support.hpp"

namespace {

using clausier::BuyerType;
using clausier::Date;
using clausier::DiagnosticList;
using clausier::Lot;
using clausier::Nature;
using clausier::Severity;
using clausier::testing::plain;

struct LotsRead {
  std::vector<Lot> lots;
  DiagnosticList diags;
  clausier::readers::LotReaderStats stats;
  bool header_ok = false;
};

LotsRead read_lots(const std::string& csv) {
  std::istringstream in(csv);
  clausier::readers::CsvSource source(in, "prog.csv");
  LotsRead out;
  clausier::readers::LotReader reader(source, out.diags);
  out.header_ok = reader.header_ok();
  Lot lot;
  while (reader.next(lot)) out.lots.push_back(lot);
  out.stats = reader.stats();
  return out;
}

const std::string header =
    "Référence;Consultation;Lot;Objet;Acheteur;Type d'acheteur;Nature;Code CPV;Montant estimé HT;Durée "
    "(mois);"
    "Date prévisionnelle de lancement;Lieu d'exécution;Opération ANRU\n";

}  // namespace

TEST_SUITE("readers/lot_reader") {
  TEST_CASE("a complete row gives a complete lot") {
    const auto r =
        read_lots(header +
                  "2027-002-L1;2027-002;1;Réhabilitation – gros œuvre;Ville d'Alençon;État;Travaux;"
                  "45214200-2;1 000 000,00 €;18;01/03/2027;61000;oui\n");
    REQUIRE(r.lots.size() == 1);
    CHECK(r.diags.all().empty());
    const Lot& lot = r.lots[0];
    CHECK(lot.reference == "2027-002-L1");
    CHECK(lot.consultation == "2027-002");
    CHECK(lot.lot == "1");
    CHECK(lot.objet == "Réhabilitation – gros œuvre");
    CHECK(lot.acheteur == "Ville d'Alençon");
    CHECK(lot.type_acheteur == BuyerType::etat);
    CHECK(lot.nature == Nature::travaux);
    CHECK(lot.cpv == "45214200");
    CHECK(lot.montant_ht_cents == 100000000);
    CHECK(lot.duree_mois == 18);
    CHECK(lot.date_lancement == *Date::from_ymd(2027, 3, 1));
    CHECK(lot.lieu == "61");
    CHECK(lot.anru == true);
    CHECK(lot.source.file == "prog.csv");
    CHECK(lot.source.line == 2);
    CHECK(lot.source.column.empty());
  }

  TEST_CASE("optional columns: absent or empty") {
    const auto r = read_lots(
        "Référence;Objet;Nature;Code CPV;Montant estimé HT;Date prévisionnelle de lancement;Lieu "
        "d'exécution\n"
        "L1;Nettoyage;Services;90919200;320 000 €;01/09/2026;\n");
    REQUIRE(r.lots.size() == 1);
    const Lot& lot = r.lots[0];
    CHECK(lot.consultation == "L1");  // defaults to the reference
    CHECK(lot.lot.empty());
    CHECK(lot.type_acheteur == BuyerType::collectivite);
    CHECK_FALSE(lot.duree_mois.has_value());
    CHECK(lot.lieu.empty());
    CHECK_FALSE(lot.anru.has_value());
    CHECK_FALSE(lot.marche_defense.has_value());
    CHECK_FALSE(lot.reprise_heures_mois.has_value());
    CHECK_FALSE(lot.overrides.part_main_oeuvre.has_value());
  }

  TEST_CASE("defence or security contract and monthly hours of transferred staff") {
    const auto r = read_lots(
        "Référence;Objet;Nature;CPV;Montant;Lancement;Marché de défense ou de sécurité;"
        "Heures mensuelles du personnel repris;Durée (mois)\n"
        "L1;Maintenance d'armements;Services;50800000;900 000;01/02/2027;oui;;36\n"
        "L2;Nettoyage des bureaux;Services;90910000;600 000;01/02/2027;non;412,5 h;36\n"
        "L3;Nettoyage;Services;90910000;600 000;01/02/2027;;400;36\n"
        "L4;Nettoyage;Services;90910000;600 000;01/02/2027;peut-être;-3;36\n");
    REQUIRE(r.lots.size() == 3);
    CHECK(r.lots[0].marche_defense == true);
    CHECK_FALSE(r.lots[0].reprise_heures_mois.has_value());
    CHECK(r.lots[1].marche_defense == false);
    CHECK(r.lots[1].reprise_heures_mois == doctest::Approx(412.5));
    CHECK_FALSE(r.lots[2].marche_defense.has_value());
    CHECK(r.lots[2].reprise_heures_mois == doctest::Approx(400.0));
    // L4: both values refused, each with its column.
    std::string messages;
    for (const auto& d : r.diags.all()) messages += d.message + "\n";
    CHECK(messages.find("nombre d'heures par mois négatif") != std::string::npos);
    CHECK(r.diags.all().size() >= 2);
  }

  TEST_CASE("overrides of rule parameters") {
    const auto r = read_lots(
        "Référence;Objet;Nature;CPV;Montant;Lancement;Part main-d'œuvre;Taux d'insertion;Coût horaire\n"
        "L1;Voirie;Travaux;45233140;420 000;01/02/2027;35 %;0,05;28,50 €\n"
        "L2;Voirie;Travaux;45233140;420 000;01/02/2027;;;\n");
    REQUIRE(r.lots.size() == 2);
    CHECK(r.lots[0].overrides.part_main_oeuvre == doctest::Approx(0.35));
    CHECK(r.lots[0].overrides.taux_insertion == doctest::Approx(0.05));
    CHECK(r.lots[0].overrides.cout_horaire == doctest::Approx(28.5));
    CHECK_FALSE(r.lots[1].overrides.part_main_oeuvre.has_value());
    CHECK_FALSE(r.lots[1].overrides.cout_horaire.has_value());
  }

  TEST_CASE("a row with several problems reports all of them, located, and is skipped") {
    const auto r = read_lots(header +
                             "L1;;;Voirie;;commune;Travaux;4523;12,3,4 €;24;31/02/2027;61;peut-être\n"
                             "L2;;;Nettoyage;;;Services;90919200;1 000;12;01/09/2026;61;\n");
    REQUIRE(r.lots.size() == 1);
    CHECK(r.lots[0].reference == "L2");
    CHECK(r.stats.rows == 2);
    CHECK(r.stats.lots == 1);
    CHECK(r.stats.rejected == 1);
    const auto& all = r.diags.all();
    REQUIRE(all.size() == 5);
    for (const auto& d : all) {
      CHECK(d.severity == Severity::error);
      CHECK(d.location.file == "prog.csv");
      CHECK(d.location.line == 2);
    }
    CHECK(all[0].location.column == "Type d'acheteur");
    CHECK(all[1].location.column == "Code CPV");
    CHECK(all[2].location.column == "Montant estimé HT");
    CHECK(plain(all[2].message) == "montant illisible « 12,3,4 € » : écrivez par exemple 1 234 567,89 €");
    CHECK(all[3].location.column == "Date prévisionnelle de lancement");
    CHECK(plain(all[3].message) == "date inexistante « 31/02/2027 » : vérifiez le jour et le mois");
    CHECK(all[4].location.column == "Opération ANRU");
    CHECK(
        plain(clausier::format_diagnostic(all[2])) ==
        "prog.csv:2 (colonne « Montant estimé HT ») : erreur : montant illisible « 12,3,4 € » : écrivez par "
        "exemple 1 234 567,89 €");
  }

  TEST_CASE("French typography in the reported message") {
    const auto r = read_lots(header + "L1;;;Voirie;;;Travaux;45233140;abc;;01/02/2027;;\n");
    REQUIRE(r.diags.all().size() == 1);
    CHECK(r.diags.all()[0].message ==
          "montant illisible «\u00A0abc\u00A0»\u00A0: écrivez par exemple 1 234 567,89 €");
  }

  TEST_CASE("missing required values") {
    const auto r = read_lots(header + ";;;;;;;;;;;;\n" + "L1;;;;;;;;;;;;\n");
    CHECK(r.lots.empty());
    CHECK(r.stats.rows == 1);  // the first row is blank: skipped silently
    const auto& all = r.diags.all();
    REQUIRE(all.size() == 5);
    CHECK(all[0].location.column == "Objet");
    CHECK(plain(all[0].message) == "valeur manquante : indiquez l'objet du lot (colonne obligatoire)");
    CHECK(plain(all[1].message) ==
          "valeur manquante : indiquez la nature : travaux, fournitures ou services (colonne obligatoire)");
    CHECK(plain(all[2].message) ==
          "valeur manquante : indiquez le code CPV, par exemple 45214200 (colonne obligatoire)");
    CHECK(plain(all[3].message) ==
          "valeur manquante : indiquez le montant estimé hors taxes, par exemple 1 234 567,89 € (colonne "
          "obligatoire)");
    CHECK(plain(all[4].message) ==
          "valeur manquante : indiquez la date prévisionnelle de lancement, par exemple 01/03/2027 (colonne "
          "obligatoire)");
  }

  TEST_CASE("a short row: missing cells are empty") {
    const auto r = read_lots(header + "L1;;;Voirie\n");
    CHECK(r.lots.empty());
    CHECK(r.diags.count(Severity::error) == 4);
  }

  TEST_CASE("duplicate references: an error at the later row naming the first line") {
    const auto r = read_lots(header +
                             "L1;;;Voirie;;;Travaux;45233140;1 000;;01/02/2027;;\n"
                             "L2;;;Nettoyage;;;Services;90919200;1 000;;01/02/2027;;\n"
                             "L1;;;Espaces verts;;;Services;77310000;1 000;;01/02/2027;;\n");
    REQUIRE(r.lots.size() == 2);
    CHECK(r.lots[1].reference == "L2");
    REQUIRE(r.diags.all().size() == 1);
    const auto& d = r.diags.all()[0];
    CHECK(d.location.line == 4);
    CHECK(d.location.column == "Référence");
    CHECK(plain(d.message) ==
          "référence « L1 » déjà utilisée ligne 2 : chaque ligne doit avoir sa propre référence");
  }

  TEST_CASE("extra values beyond the header are warned about, the row is kept") {
    const auto r = read_lots(header + "L1;;;Voirie;;;Travaux;45233140;1 000;;01/02/2027;;;surplus\n");
    CHECK(r.lots.size() == 1);
    REQUIRE(r.diags.all().size() == 1);
    CHECK(r.diags.all()[0].severity == Severity::warning);
    CHECK(r.diags.all()[0].location.line == 2);
  }

  TEST_CASE("a corrected value is warned about at its cell, the row is kept") {
    const auto r = read_lots(header + "L1;;;Carburants;;;Fournitures;9134100;1 000;;01/02/2027;;\n" +
                             "L2;;;Voirie;;;Travaux;4523314;1 000;;01/02/2027;;\n");
    REQUIRE(r.lots.size() == 1);
    CHECK(r.lots[0].cpv == "09134100");
    REQUIRE(r.diags.all().size() == 2);
    CHECK(r.diags.all()[0].severity == Severity::warning);
    CHECK(r.diags.all()[0].location.line == 2);
    CHECK(r.diags.all()[0].location.column == "Code CPV");
    CHECK(r.diags.all()[1].severity == Severity::error);  // 0452… is no division: a digit is missing
    CHECK(r.diags.all()[1].location.line == 3);
  }

  TEST_CASE("a header without a required column: no lot is read") {
    const auto r = read_lots("Référence;Objet\nL1;Voirie\n");
    CHECK_FALSE(r.header_ok);
    CHECK(r.lots.empty());
    CHECK(r.diags.count(Severity::error) == 4);
  }

  TEST_CASE("an empty file") {
    const auto r = read_lots("");
    CHECK_FALSE(r.header_ok);
    REQUIRE(r.diags.all().size() == 1);
    CHECK(r.diags.all()[0].location.file == "prog.csv");
    CHECK(r.diags.all()[0].location.line == 0);
    CHECK(plain(r.diags.all()[0].message)
              .starts_with("fichier vide : la première ligne doit porter les en-têtes"));
  }

  TEST_CASE("a header and no rows: no lot, no error") {
    const auto r = read_lots(header);
    CHECK(r.header_ok);
    CHECK(r.lots.empty());
    CHECK(r.diags.all().empty());
  }

  TEST_CASE("keys pass: silent, every non-blank row, its amount when it reads") {
    const std::string csv = header +
                            "L1;C1;1;Voirie;;;Travaux;45233140;1 000;;01/02/2027;;\n"
                            "L2;C1;2;Voirie;;;Travaux;45233140;2 000,50;;31/02/2027;;\n"    // bad date
                            "L3;;;Nettoyage;;;Services;90919200;12,3,4;;01/02/2027;;\n"     // bad amount
                            "L4;;;\"Espaces verts;;;Services;77310000;500;;01/02/2027;;\n"  // stray quote
                            ";;;;;;;;;;;;\n"
                            ";C9;;Sans référence;;;Services;77310000;12;;01/02/2027;;\n"
                            "L1;;;Doublon;;;Services;77310000;300;;01/02/2027;;\n";  // duplicate
    std::istringstream in(csv);
    clausier::readers::CsvSource source(in, "prog.csv");
    DiagnosticList diags;
    clausier::readers::LotReader reader(source, diags);
    std::vector<std::tuple<std::string, std::string, std::int64_t>> keys;
    clausier::readers::RecordKeys k;
    while (reader.next_keys(k)) keys.emplace_back(k.reference, k.consultation, k.cents.value_or(-1));
    CHECK(diags.all().empty());
    CHECK(keys == std::vector<std::tuple<std::string, std::string, std::int64_t>>{{"L1", "C1", 100000},
                                                                                  {"L2", "C1", 200050},
                                                                                  {"L3", "L3", -1},
                                                                                  {"L4", "L4", 50000},
                                                                                  {"", "C9", 1200},
                                                                                  {"L1", "L1", 30000}});
  }

  TEST_CASE("duplicate references after a first pass: only the candidates are remembered, same message") {
    const std::string csv = header +
                            "L1;;;Voirie;;;Travaux;45233140;1 000;;01/02/2027;;\n"
                            "L2;;;Nettoyage;;;Services;90919200;1 000;;01/02/2027;;\n"
                            "L1;;;Espaces verts;;;Services;77310000;1 000;;01/02/2027;;\n";
    clausier::RepeatedKeys references;
    {
      std::istringstream in(csv);
      clausier::readers::CsvSource source(in, "prog.csv");
      clausier::readers::LotReader reader(source, clausier::readers::discard_diagnostics());
      clausier::readers::RecordKeys k;
      while (reader.next_keys(k)) references.add(k.reference);
    }
    const clausier::KeySet candidates = std::move(references).take_candidates();
    CHECK(candidates.contains("L1"));
    std::istringstream in(csv);
    clausier::readers::CsvSource source(in, "prog.csv");
    DiagnosticList diags;
    clausier::readers::LotReader reader(source, diags);
    reader.expect_repeats(candidates);
    Lot lot;
    std::vector<std::string> read;
    while (reader.next(lot)) read.push_back(lot.reference);
    CHECK(read == std::vector<std::string>{"L1", "L2"});
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].location.line == 4);
    CHECK(plain(diags.all()[0].message) ==
          "référence « L1 » déjà utilisée ligne 2 : chaque ligne doit avoir sa propre référence");
  }

  TEST_CASE("keys pass on a file without a usable header") {
    std::istringstream in("Objet\nVoirie\n");
    clausier::readers::CsvSource source(in, "prog.csv");
    clausier::readers::LotReader reader(source, clausier::readers::discard_diagnostics());
    clausier::readers::RecordKeys keys;
    CHECK_FALSE(reader.next_keys(keys));
  }
}
