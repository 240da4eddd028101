#include "readers/columns.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "csv_test_support.hpp"

namespace {

using clausier::DiagnosticList;
using clausier::Severity;
using clausier::readers::Column;
using clausier::readers::column_for_header;
using clausier::testing::plain;

struct Mapped {
  clausier::readers::ColumnMap map;
  DiagnosticList diags;
};

Mapped map_header(const std::string& header_line) {
  std::istringstream in(header_line + "\n");
  clausier::readers::CsvSource source(in, "prog.csv");
  clausier::readers::Record header;
  Mapped out;
  REQUIRE(source.next(header, out.diags));
  out.map = clausier::readers::map_columns(header, source, out.diags);
  return out;
}

const char* const design_headers =
    "Référence;Consultation;Lot;Objet;Acheteur;Type d'acheteur;Nature;Code CPV;Montant estimé HT;Durée "
    "(mois);"
    "Date prévisionnelle de lancement;Lieu d'exécution;Opération ANRU";

}  // namespace

TEST_SUITE("readers/columns") {
  TEST_CASE("the usual headers of docs/programme.md") {
    const auto m = map_header(design_headers);
    CHECK(m.map.ok());
    CHECK(m.diags.all().empty());
    CHECK(m.map.index(Column::reference) == 0u);
    CHECK(m.map.index(Column::montant_ht) == 8u);
    CHECK(m.map.index(Column::anru) == 12u);
    CHECK(m.map.header(Column::date_lancement) == "Date prévisionnelle de lancement");
    CHECK_FALSE(m.map.has(Column::cout_horaire));
    CHECK(m.map.header(Column::cout_horaire).empty());
  }

  TEST_CASE("case, accents, spaces and punctuation do not matter") {
    CHECK(column_for_header("REFERENCE") == Column::reference);
    CHECK(column_for_header("  référence ") == Column::reference);
    CHECK(column_for_header("MONTANT ESTIMÉ (HT)") == Column::montant_ht);
    CHECK(column_for_header("date_lancement") == Column::date_lancement);
    CHECK(column_for_header("Type d’acheteur") == Column::type_acheteur);
    CHECK(column_for_header("Référence *") == Column::reference);
  }

  TEST_CASE("synonyms") {
    const std::vector<std::pair<const char*, Column>> cases = {
        {"Réf.", Column::reference},
        {"Identifiant", Column::reference},
        {"Objet du marché", Column::objet},
        {"Objet du lot", Column::objet},
        {"Intitulé", Column::objet},
        {"Libellé", Column::objet},
        {"Désignation", Column::objet},
        {"Montant HT", Column::montant_ht},
        {"Montant", Column::montant_ht},
        {"Estimation HT", Column::montant_ht},
        {"Montant prévisionnel HT", Column::montant_ht},
        {"Montant HT (€)", Column::montant_ht},
        {"Montant estimé HT en euros", Column::montant_ht},
        {"Date de lancement", Column::date_lancement},
        {"Lancement", Column::date_lancement},
        {"Date prévisionnelle", Column::date_lancement},
        {"Lieu", Column::lieu},
        {"Département", Column::lieu},
        {"Code postal", Column::lieu},
        {"CPV", Column::cpv},
        {"CPV principal", Column::cpv},
        {"Nature du marché", Column::nature},
        {"Type de marché", Column::nature},
        {"Catégorie d'acheteur", Column::type_acheteur},
        {"Pouvoir adjudicateur", Column::acheteur},
        {"Maître d'ouvrage", Column::acheteur},
        {"Réf. consultation", Column::consultation},
        {"Opération", Column::consultation},
        {"N° lot", Column::lot},
        {"N° de lot", Column::lot},
        {"Numéro de lot", Column::lot},
        {"Durée", Column::duree_mois},
        {"Durée en mois", Column::duree_mois},
        {"ANRU", Column::anru},
        {"NPNRU", Column::anru},
        {"Part main-d'œuvre", Column::part_main_oeuvre},
        {"Part de main d'oeuvre", Column::part_main_oeuvre},
        {"Taux d'insertion", Column::taux_insertion},
        {"Coût horaire", Column::cout_horaire},
        {"Marché de défense ou de sécurité", Column::marche_defense},
        {"Marché de défense", Column::marche_defense},
        {"Défense", Column::marche_defense},
        {"Heures mensuelles du personnel repris", Column::reprise_heures_mois},
        {"Reprise du personnel (heures/mois)", Column::reprise_heures_mois},
        {"reprise_heures_mois", Column::reprise_heures_mois},
    };
    for (const auto& [header, column] : cases) {
      INFO(header);
      CHECK(column_for_header(header) == column);
    }
    CHECK_FALSE(column_for_header("Observations").has_value());
    CHECK_FALSE(column_for_header("Montant (k€)").has_value());  // thousands of euros: not read as euros
    CHECK_FALSE(column_for_header("").has_value());
  }

  TEST_CASE("unknown columns give one note listing them") {
    const auto m = map_header(std::string(design_headers) + ";Observations;;Service gestionnaire");
    CHECK(m.map.ok());
    REQUIRE(m.diags.all().size() == 1);
    const auto& d = m.diags.all()[0];
    CHECK(d.severity == Severity::note);
    CHECK(d.location.line == 1);
    CHECK(plain(d.message) ==
          "colonnes non reconnues, ignorées : « Observations », « Service gestionnaire »");
  }

  TEST_CASE("a column named twice is an error — the first one is read") {
    const auto m = map_header(std::string(design_headers) + ";Montant HT");
    CHECK(m.map.ok());
    CHECK(m.map.index(Column::montant_ht) == 8u);
    REQUIRE(m.diags.all().size() == 1);
    const auto& d = m.diags.all()[0];
    CHECK(d.severity == Severity::error);
    CHECK(d.location.column == "Montant HT");
    CHECK(plain(d.message) ==
          "les en-têtes « Montant estimé HT » et « Montant HT » désignent tous deux la colonne « Montant "
          "estimé HT » "
          ": seul le premier est lu ; renommez ou supprimez l'autre");
  }

  TEST_CASE("a missing required column is an error naming it and listing the headers found") {
    const auto m = map_header("Réf;Objet;Nature;CPV;Date de lancement");
    CHECK_FALSE(m.map.ok());
    REQUIRE(m.diags.all().size() == 1);
    const auto& d = m.diags.all()[0];
    CHECK(d.severity == Severity::error);
    CHECK(d.location.file == "prog.csv");
    CHECK(d.location.line == 1);
    CHECK(plain(d.message) ==
          "colonne obligatoire « Montant estimé HT » absente : ajoutez-la ou renommez l'en-tête qui en tient "
          "lieu ; "
          "en-têtes trouvés : « Réf », « Objet », « Nature », « CPV », « Date de lancement »");
  }

  TEST_CASE("every missing required column is reported") {
    const auto m = map_header("Objet;Prix");
    CHECK_FALSE(m.map.ok());
    CHECK(m.diags.count(Severity::error) == 5);
    CHECK(m.diags.count(Severity::note) == 1);  // "Prix" is not known
  }
}
