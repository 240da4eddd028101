#include "readers/fiche.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "csv_test_support.hpp"
#include "readers/programme.hpp"
#include "test_paths.hpp"

namespace {

using clausier::DiagnosticList;
using clausier::Lot;
using clausier::Nature;
using clausier::readers::Column;
using clausier::readers::Fiche;
using clausier::testing::plain;

struct FicheRead {
  Fiche fiche;
  std::vector<Lot> lots;
  DiagnosticList diags;
  std::vector<std::string> messages;  // "fiche.txt:3: message", plain spaces
};

std::vector<std::string> messages_of(const DiagnosticList& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) out.push_back(plain(d.location.str() + ": " + d.message));
  return out;
}

// Parses `text`, applies `setup` to the fiche, then reads its lots as the app
// does: through the programme made from it.
template <typename Setup>
FicheRead read(const std::string& text, Setup setup) {
  FicheRead out;
  out.fiche = clausier::readers::parse_fiche(text, "fiche.txt", out.diags);
  setup(out.fiche);
  const auto programme = clausier::readers::fiche_programme(std::make_shared<const Fiche>(out.fiche));
  auto reader = programme.open(out.diags);
  REQUIRE(reader != nullptr);
  Lot lot;
  while (reader->next(lot)) out.lots.push_back(lot);
  out.messages = messages_of(out.diags);
  return out;
}

FicheRead read(const std::string& text) {
  return read(text, [](Fiche&) {});
}

const std::string gymnase =
    "# Réhabilitation du gymnase\n"
    "référence : 2027-GYM\n"
    "consultation : Réhabilitation du gymnase Jean-Moulin\n"
    "acheteur : Commune de Flers\n"
    "nature : travaux\n"
    "date de lancement : 15/03/2027\n"
    "lieu : 61100\n"
    "\n"
    "[lot 1]\n"
    "objet : Gros œuvre\n"
    "cpv : 45210000\n"
    "montant : 850 000 €\n"
    "[Lot n° 2 bis]\n"
    "objet : Nettoyage\n"
    "nature : services\n"
    "cpv : 90911200\n"
    "montant : 25 000 €\n"
    "lieu : 61000\n";

}  // namespace

TEST_SUITE("readers/fiche") {
  TEST_CASE("lots inherit the consultation's values and may replace them") {
    const auto r = read(gymnase);
    CHECK(r.messages.empty());
    REQUIRE(r.lots.size() == 2);
    const Lot& first = r.lots[0];
    CHECK(first.reference == "2027-GYM-L1");
    CHECK(first.consultation == "2027-GYM");
    CHECK(first.lot == "1");
    CHECK(first.objet == "Réhabilitation du gymnase Jean-Moulin – Gros œuvre");
    CHECK(first.acheteur == "Commune de Flers");
    CHECK(first.nature == Nature::travaux);
    CHECK(first.cpv == "45210000");
    CHECK(first.montant_ht_cents == 85'000'000);
    CHECK(first.date_lancement.iso() == "2027-03-15");
    CHECK(first.lieu == "61");
    CHECK(first.source.str() == "fiche.txt:9");
    const Lot& second = r.lots[1];
    CHECK(second.reference == "2027-GYM-L2-bis");
    CHECK(second.lot == "2 bis");
    CHECK(second.nature == Nature::services);
    CHECK(second.lieu == "61");
    CHECK(second.acheteur == "Commune de Flers");
  }

  TEST_CASE("keys are matched like programme headers: case, accents, synonyms") {
    const auto r = read(
        "RÉFÉRENCE : R1\n"
        "Intitulé : Entretien des espaces verts\n"
        "Nature du marché : Prestations de services\n"
        "Code CPV principal : 77310000-6\n"
        "Montant estimé HT : 180 000,00 €\n"
        "Date prévisionnelle de lancement : 2027-05-03\n"
        "Lieu d'exécution : Orne (61)\n"
        "Durée du marché (mois) : 36\n"
        "Type d'acheteur : État\n"
        "Opération ANRU : non\n");
    CHECK(r.messages.empty());
    REQUIRE(r.lots.size() == 1);
    const Lot& lot = r.lots[0];
    CHECK(lot.reference == "R1");
    CHECK(lot.consultation == "R1");
    CHECK(lot.lot.empty());
    CHECK(lot.objet == "Entretien des espaces verts");
    CHECK(lot.cpv == "77310000");
    CHECK(lot.duree_mois == 36);
    CHECK(lot.type_acheteur == clausier::BuyerType::etat);
    CHECK(lot.anru == false);
  }

  TEST_CASE("every key the docs use names its column") {
    for (std::size_t i = 0; i < clausier::readers::column_count; ++i) {
      const auto c = static_cast<Column>(i);
      CAPTURE(clausier::readers::fiche_key(c));
      CHECK(clausier::readers::column_for_header(clausier::readers::fiche_key(c)) == c);
    }
  }

  TEST_CASE("a fiche without sections is a consultation of one lot — its reference defaults to its name") {
    const auto r = read(
        "consultation : Réhabilitation du gymnase Jean-Moulin\n"
        "objet : Gros œuvre\nnature : travaux\ncpv : 45210000\nmontant : 850000\ndate de lancement : "
        "15/03/2027\n");
    CHECK(r.messages.empty());
    REQUIRE(r.lots.size() == 1);
    CHECK(r.lots[0].reference == "rehabilitation-du-gymnase-jean-moulin");
    CHECK(r.lots[0].objet == "Réhabilitation du gymnase Jean-Moulin – Gros œuvre");
    CHECK(r.lots[0].source.str() == "fiche.txt");
    CHECK_FALSE(clausier::readers::fiche_reference_given(r.fiche));
  }

  TEST_CASE("values set afterwards (command-line options) replace the consultation's") {
    const auto r = read(gymnase, [](Fiche& f) {
      f.set(Column::date_lancement, "01/09/2027", clausier::Location::in_file("option --date"));
      f.set(Column::montant_ht, "beaucoup", clausier::Location::in_file("option --montant"));
    });
    REQUIRE(r.lots.size() == 2);  // each lot has its own amount
    CHECK(r.lots[0].date_lancement.iso() == "2027-09-01");
    CHECK(r.messages.empty());
    const auto bad = read(gymnase, [](Fiche& f) {
      f.set(Column::date_lancement, "32/13/2027", clausier::Location::in_file("option --date"));
    });
    CHECK(bad.lots.empty());
    // An inherited value is checked for each lot, reported once.
    REQUIRE(bad.messages.size() == 1);
    CHECK(bad.messages[0].starts_with("option --date: date "));
  }

  TEST_CASE("every problem is reported at once with its line, and valid lots are kept") {
    const auto r = read(
        "référence : T1\n"                  // 1
        "date de lancement : 15/03/2027\n"  // 2
        "natur : travaux\n"                 // 3
        "lieu : 61100\n"                    // 4
        "lieu : 61\n"                       // 5
        "montant 3\n"                       // 6
        "[lot 1]\n"                         // 7
        "objet : A\n"                       // 8
        "nature : travaux\n"                // 9
        "cpv : 45262500\n"                  // 10
        "montant : 200 000 €\n"             // 11
        "lot : 4\n"                         // 12
        "[lot 1]\n"                         // 13
        "objet : B\n"                       // 14
        "[lot 2]\n"                         // 15
        "objet : C\n"                       // 16
        "consultation : Z\n"                // 17
        "[annexe]\n"                        // 18
        "objet : D\n"                       // 19
        "[lot 3\n");                        // 20
    REQUIRE(r.lots.size() == 1);
    CHECK(r.lots[0].reference == "T1-L1");
    const std::vector<std::string> expected = {
        "fiche.txt:3: clé « natur » inconnue : les clés reconnues sont référence, consultation, objet, "
        "acheteur, "
        "type d'acheteur, nature, cpv, montant, durée, date de lancement, lieu, anru, marché de défense ou "
        "de "
        "sécurité, contrat de concession, heures mensuelles du personnel repris, part de main-d'œuvre, "
        "taux d'insertion, coût horaire (et les en-têtes de colonnes d'un programme)",
        "fiche.txt:5: « lieu » est déjà indiqué ligne 4 : gardez une seule ligne ; celle-ci est ignorée",
        "fiche.txt:6: ligne sans « : » : écrivez « clé : valeur » (par exemple « montant : 850 000 € »), ou "
        "commencez la ligne par # pour un commentaire",
        "fiche.txt:12: le numéro du lot s'écrit dans l'en-tête de sa section, par exemple « [lot 2] » : "
        "cette "
        "ligne est ignorée",
        "fiche.txt:13: le lot « 1 » est déjà décrit ligne 7 : donnez à chaque lot son propre numéro ; cette "
        "section est ignorée",
        "fiche.txt:17: la consultation est commune à tous les lots : écrivez « consultation : … » avant le "
        "premier [lot] ; cette ligne est ignorée",
        "fiche.txt:18: section « [annexe] » inconnue : seules les sections [lot 1], [lot 2]… sont lues ; les "
        "valeurs de la consultation s'écrivent avant la première ; cette section est ignorée",
        "fiche.txt:20: en-tête de section non fermé : écrivez par exemple « [lot 2] »",
        "fiche.txt:15: valeur manquante : indiquez la nature : travaux, fournitures ou services (ajoutez une "
        "ligne « nature : … » à ce lot, ou avant le premier [lot] pour tous les lots)",
        "fiche.txt:15: valeur manquante : indiquez le code CPV, par exemple 45214200 (ajoutez une ligne « "
        "cpv : "
        "… » à ce lot, ou avant le premier [lot] pour tous les lots)",
        "fiche.txt:15: valeur manquante : indiquez le montant estimé hors taxes, par exemple 1 234 567,89 € "
        "(ajoutez une ligne « montant : … » à ce lot, ou avant le premier [lot] pour tous les lots)",
    };
    CHECK(r.messages == expected);
  }

  TEST_CASE("Windows-1252, byte-order mark, CRLF and comments") {
    const std::string cp1252 =
        "# commentaire : ignor\xE9\r\nobjet : R\xE9novation\r\nnature : travaux\r\n"
        "cpv : 45210000\r\nmontant : 1\xA0"
        "000\xA0"
        "000 \x80\r\n   # encore\r\ndate de lancement : 01/03/2027\r\n";
    // Not valid UTF-8: read as Windows-1252.
    const auto r = read(cp1252);
    CHECK(r.messages.empty());
    REQUIRE(r.lots.size() == 1);
    CHECK(r.lots[0].montant_ht_cents == 100'000'000);
    CHECK(r.lots[0].objet == "Rénovation");
    const auto utf8 = read(
        "\xEF\xBB\xBFobjet : Rénovation\rnature : travaux\rcpv : 45210000\rmontant : 10\r"
        "date de lancement : 01/03/2027\r");
    CHECK(utf8.messages.empty());
    REQUIRE(utf8.lots.size() == 1);
    CHECK(utf8.lots[0].objet == "Rénovation");
  }

  TEST_CASE("an empty fiche, and a value left blank") {
    const auto empty = read("# rien\n\n");
    CHECK(empty.lots.empty());
    REQUIRE(empty.messages.size() >= 1);
    CHECK(empty.messages[0].starts_with("fiche.txt: fiche vide"));
    const auto blank = read(
        "objet : A\nnature : travaux\ncpv : 45210000\nmontant : 10\n"
        "date de lancement : 01/03/2027\nlieu :\n");
    CHECK(blank.messages.empty());
    REQUIRE(blank.lots.size() == 1);
    CHECK(blank.lots[0].lieu.empty());
  }

  TEST_CASE("a fiche file: missing, and its name as fallback reference") {
    DiagnosticList diags;
    CHECK_FALSE(clausier::readers::read_fiche("/nonexistent/fiche.txt", diags).has_value());
    REQUIRE(diags.all().size() == 1);
    CHECK(plain(diags.all()[0].message) ==
          "le fichier « /nonexistent/fiche.txt » est introuvable : vérifiez le chemin");

    const std::filesystem::path dir = clausier::testing::scratch_path("fiche");
    std::filesystem::create_directories(dir);
    const std::filesystem::path file = dir / "Fiche École.txt";
    std::ofstream(file) << "nature : travaux\n[lot 1]\nobjet : A\n";
    diags.clear();
    const auto fiche = clausier::readers::read_fiche(file, diags);
    REQUIRE(fiche.has_value());
    CHECK(diags.all().empty());
    CHECK(clausier::readers::fiche_reference(*fiche) == "fiche-ecole");
  }
}
