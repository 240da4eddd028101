#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/repeated_keys.hpp"
#include "csv_test_support.hpp"
#include "readers/decp_lot.hpp"
#include "readers/decp_text.hpp"
#include "readers/programme.hpp"
#include "test_paths.hpp"

namespace {

using clausier::BuyerType;
using clausier::Date;
using clausier::Diagnostic;
using clausier::DiagnosticList;
using clausier::Lot;
using clausier::Nature;
using clausier::Severity;
using clausier::testing::plain;
using clausier::testing::test_path;
using Strings = std::vector<std::string>;

struct Read {
  std::string file;  // as shown in diagnostics
  std::vector<Lot> lots;
  DiagnosticList diags;
  std::uint32_t rejected = 0;
  [[nodiscard]] std::vector<std::string> messages(Severity s) const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.all()) {
      if (d.severity == s) out.push_back(d.location.str() + " " + plain(d.message));
    }
    return out;
  }
};

Read read_programme(const clausier::readers::Programme& programme) {
  Read r;
  r.file = programme.display_name();
  auto reader = programme.open(r.diags);
  REQUIRE(reader);
  Lot lot;
  while (reader->next(lot)) r.lots.push_back(lot);
  r.rejected = reader->rejected_rows();
  return r;
}

Read read_file(const std::string& rel) {
  DiagnosticList open;
  const auto programme = clausier::readers::open_programme(test_path(rel), open);
  REQUIRE(programme);
  CHECK(open.all().empty());
  return read_programme(*programme);
}

Read read_bytes(const std::string& bytes, const std::string& name = "decp.json") {
  DiagnosticList open;
  const auto programme = clausier::readers::programme_from_memory(bytes, name, open);
  REQUIRE(programme);
  return read_programme(*programme);
}

// A 2.0 file around the given contracts (JSON objects, comma-separated).
std::string decp(const std::string& contracts) { return "{\"marches\": {\"marche\": [" + contracts + "]}}"; }

// A contract with every field a lot needs, and `extra` members.
std::string contract(const std::string& id, const std::string& extra = "") {
  return "{\"id\": \"" + id +
         "\", \"acheteur\": {\"id\": \"21610001000018\"}, \"nature\": \"Marché\", \"objet\": \"Voirie\", "
         "\"codeCPV\": \"45233140\", \"dateNotification\": \"2026-03-01\", \"montant\": 100000" +
         (extra.empty() ? "" : ", " + extra) + "}";
}

bool contains(const std::vector<std::string>& list, const std::string& part) {
  for (const auto& s : list) {
    if (s.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_SUITE("readers.decp") {
  TEST_CASE("the 2.0 JSON format: one lot per contract, mapped field by field") {
    const Read r = read_file("fixtures/decp/marches-2022.json");
    REQUIRE(r.lots.size() == 5);

    const Lot& works = r.lots[0];
    CHECK(works.reference == "226100017000142026-T-001");
    CHECK(works.consultation == works.reference);
    CHECK(works.objet == "Construction d'un collège : gros œuvre");
    CHECK(works.acheteur == "Département de l'Orne");
    CHECK(works.nature == Nature::travaux);
    CHECK(works.type_acheteur == BuyerType::collectivite);
    CHECK(works.marche_defense == false);
    CHECK(works.cpv == "45214200");
    CHECK(works.montant_ht_cents == 620'000'000);  // the initial amount, not the modification's
    CHECK(works.duree_mois == 30);
    CHECK(works.date_lancement == *Date::from_ymd(2026, 10, 5));
    CHECK(works.lieu == "61");
    CHECK(works.recorded_social_considerations == Strings{"Clause sociale"});
    CHECK(works.recorded_environmental_considerations == Strings{"Pas de considération environnementale"});
    CHECK(works.source.str().ends_with("fixtures/decp/marches-2022.json:4"));

    const Lot& cleaning = r.lots[1];
    CHECK(cleaning.nature == Nature::services);
    CHECK(cleaning.acheteur == "21610001000018");  // no name: the SIRET
    CHECK(cleaning.lieu == "2B");                  // INSEE code of commune 2B002
    CHECK(cleaning.montant_ht_cents == 38'000'050);
    CHECK(cleaning.recorded_social_considerations == Strings{"Pas de considération sociale"});
    CHECK(cleaning.recorded_environmental_considerations ==
          Strings{"Clause environnementale", "Critère environnemental"});

    const Lot& dirty = r.lots[2];
    CHECK(dirty.objet == "Fourniture d'électricité pour les collèges");
    CHECK(dirty.acheteur == "Département de l'Orne");
    CHECK(dirty.cpv == "09310000");
    CHECK(dirty.nature == Nature::fournitures);
    CHECK(dirty.montant_ht_cents == 123'456'750);
    CHECK(dirty.duree_mois == 24);
    CHECK(dirty.date_lancement == *Date::from_ymd(2026, 3, 1));
    CHECK(dirty.recorded_social_considerations == Strings{"Critère social", "Marché réservé"});
    CHECK_FALSE(dirty.recorded_environmental_considerations);

    const Lot& defense = r.lots[3];
    CHECK(defense.marche_defense == true);  // a kind of contract, not of buyer
    CHECK(defense.type_acheteur == BuyerType::collectivite);
    CHECK(defense.nature == Nature::fournitures);
    CHECK(defense.lieu.empty());  // a country says nothing of a département, and is no error
    CHECK(defense.date_lancement == *Date::from_ymd(2026, 6, 1));
    CHECK_FALSE(defense.recorded_social_considerations);  // absent: unknown
    CHECK_FALSE(defense.concession);

    // A concession is a lot too (L3114-2-1): granting authority, overall
    // value, signature date, no CPV, nature from its own "nature".
    const Lot& pound = r.lots[4];
    CHECK(pound.concession == true);
    CHECK(pound.reference == "21610001000018C-2026-1");
    CHECK(pound.acheteur == "21610001000018");
    CHECK(pound.cpv.empty());
    CHECK(pound.nature == Nature::services);
    CHECK(pound.montant_ht_cents == 50'000'000);
    CHECK(pound.date_lancement == *Date::from_ymd(2026, 9, 1));
    CHECK(pound.recorded_social_considerations == Strings{"Concession réservée"});
    CHECK_FALSE(pound.marche_defense);  // a concession's nature says nothing of defence

    CHECK(r.rejected == 1);
    const auto errors = r.messages(Severity::error);
    const std::string& file = r.file;
    // Its CPV code is absent too, which alone would not reject it.
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == file +
                           ":74 marché « 226100017000142026-X-999 » : montant illisible « NC » : écrivez par "
                           "exemple 1 234 567,89 €");

    const auto warnings = r.messages(Severity::warning);
    REQUIRE(warnings.size() == 3);
    CHECK(
        warnings[0] ==
        file +
            ":45 marché « 226100017000142026-F-007 » : valeurs corrigées à la lecture : code CPV « 9310000 » "
            "lu 09310000 (zéro de tête perdu) ; montant « 1 234 567,50 » lu 1 234 567,50 € ; date "
            "« 2026-03-01+01:00 » lue 2026-03-01 (heure et fuseau horaire ignorés) ; durée « 24 » lue 24 "
            "mois ; caractères mal encodés réparés (« Ã© » pour « é »…) dans acheteur.nom, objet");
    CHECK(warnings[1] ==
          file +
              ":57 marché « 110006013000142026-D-003 » : valeurs corrigées à la lecture : date "
              "« 2026-06-01T00:00:00Z » lue 2026-06-01 (heure et fuseau horaire ignorés)");
    CHECK(warnings[2] ==
          file +
              ":76 marché « 226100017000142026-T-001 » déjà lu ligne 4 (même acheteur, même "
              "identifiant, même date, même montant) : cette nouvelle publication est ignorée");

    const auto notes = r.messages(Severity::note);
    REQUIRE(notes.size() == 3);
    CHECK(notes[0].starts_with(file +
                               " fichier DECP (format 2.0 (arrêtés du 22 décembre 2022), JSON) : chaque "
                               "marché est un lot, évalué avec les règles en vigueur à sa date de "
                               "notification"));
    CHECK(notes[1] == file + " 1 contrat de concession lu, évalué selon les articles des concessions");
    // The file summed up, each rejected contract by the first thing it lacks.
    CHECK(notes[2] ==
          file +
              " bilan : 7 enregistrement(s) lu(s), 5 évalué(s) (dont 2 avec des valeurs corrigées), "
              "1 rejeté(s) (1 sans montant lisible), 1 republication(s) ignorée(s)");
  }

  TEST_CASE("the 2019 format: concessions read, flat keys, considerations unknown") {
    const Read r = read_file("fixtures/decp/marches-2019.json");
    REQUIRE(r.lots.size() == 3);
    CHECK(r.lots[0].reference == "213502388000192019-3452112");
    CHECK(r.lots[0].acheteur == "Ville de Rennes");
    CHECK(r.lots[0].lieu == "35");
    CHECK(r.lots[0].nature == Nature::services);
    CHECK_FALSE(r.lots[0].recorded_social_considerations);
    const Lot& viaduct = r.lots[1];  // "_type": "Contrat de concession"
    CHECK(viaduct.concession == true);
    CHECK(viaduct.reference == "211201450000112001-03452112");
    CHECK(viaduct.acheteur == "Ville de Millau");
    CHECK(viaduct.nature == Nature::travaux);  // "Concession de travaux"
    CHECK(viaduct.montant_ht_cents == 2'786'000'000);
    CHECK(viaduct.date_lancement == *Date::from_ymd(2019, 6, 1));
    CHECK(r.lots[2].reference == "1300222050001220182018F0007800");  // "acheteur.id" written flat
    CHECK(r.lots[2].cpv == "09310000");
    CHECK(r.lots[2].lieu == "75");
    CHECK(r.lots[2].montant_ht_cents == 8'500'000'000);
    CHECK_FALSE(r.diags.has_errors());
    const auto notes = r.messages(Severity::note);
    REQUIRE(notes.size() == 3);
    CHECK(notes[2].ends_with(
        "bilan : 3 enregistrement(s) lu(s), 3 évalué(s) (dont 1 avec des valeurs corrigées), "
        "0 rejeté(s)"));
    CHECK(notes[0].ends_with("ce format ne dit rien des considérations sociales : elles restent inconnues"));
    CHECK(notes[1].ends_with("1 contrat de concession lu, évalué selon les articles des concessions"));
  }

  TEST_CASE("the XML form: the same mapping, values all text") {
    const Read r = read_file("fixtures/decp/marches.xml");
    REQUIRE(r.lots.size() == 3);
    const Lot& works = r.lots[0];
    CHECK(works.reference == "217500016000192026-T-101");
    CHECK(works.objet == "Réhabilitation d'un gymnase : lot 2 menuiseries");
    CHECK(works.nature == Nature::travaux);
    CHECK(works.lieu == "75");
    CHECK(works.montant_ht_cents == 41'200'000);
    CHECK(works.duree_mois == 10);
    CHECK(works.recorded_social_considerations == Strings{"Clause sociale", "Critère social"});
    CHECK(works.source.line == 3);
    const Lot& catering = r.lots[1];  // <contrat-concession>, a public service delegation
    CHECK(catering.concession == true);
    CHECK(catering.reference == "C1");
    CHECK(catering.nature == Nature::services);
    CHECK(catering.montant_ht_cents == 900'000'000);
    CHECK(catering.date_lancement == *Date::from_ymd(2026, 10, 1));
    CHECK(r.lots[2].lieu == "75");  // arrondissement 751
    CHECK(r.lots[2].montant_ht_cents == 150'000'000);
    CHECK(r.lots[2].recorded_social_considerations == Strings{"Pas de considération sociale"});

    const std::string& file = r.file;
    const auto warnings = r.messages(Severity::warning);
    REQUIRE(warnings.size() == 3);
    CHECK(warnings[0].starts_with(file + ":3 marché « 217500016000192026-T-101 » : valeurs corrigées à la "
                                         "lecture : date « 2026-04-15+02:00 » lue 2026-04-15"));
    CHECK(warnings[1] ==
          file +
              ":39 contrat de concession « C1 » : valeurs corrigées à la lecture : "
              "« autoriteConcedante.id » absent : la référence est l'identifiant du contrat de "
              "concession seul");
    CHECK(warnings[2] == file +
                             ":43 marché « 217500016000192026-S-102 » : valeurs corrigées à la lecture : "
                             "montant « 1 500 000,00 » lu 1 500 000 €");
    const auto errors = r.messages(Severity::error);
    REQUIRE(errors.size() == 1);
    CHECK(contains(errors, file + ":62 marché « 217500016000192026-S-103 » : date de notification"));
    CHECK(contains(r.messages(Severity::note), "1 contrat de concession lu"));
  }

  TEST_CASE("recorded considerations: absent or unknown is not « none »") {
    const auto social = [](const std::string& extra) {
      const Read r = read_bytes(decp(contract("A", extra)));
      REQUIRE(r.lots.size() == 1);
      return r.lots[0].recorded_social_considerations;
    };
    CHECK_FALSE(social(""));
    CHECK_FALSE(social("\"considerationsSociales\": null"));
    CHECK_FALSE(social("\"considerationsSociales\": {\"considerationSociale\": []}"));
    CHECK_FALSE(social("\"considerationsSociales\": {\"considerationSociale\": [\"NC\"]}"));
    CHECK(social(
              "\"considerationsSociales\": {\"considerationSociale\": [\"Pas de considération sociale\"]}") ==
          Strings{"Pas de considération sociale"});
    // The official example writes the list without its inner name; case and accents do not matter.
    CHECK(
        social("\"considerationsSociales\": [\"CLAUSE SOCIALE\", \"critere social\", \"Clause sociale\"]") ==
        Strings{"Clause sociale", "Critère social"});
    // Flattened exports write a single string.
    CHECK(social("\"considerationsSociales\": \"Marché réservé\"") == Strings{"Marché réservé"});
    CHECK(social("\"considerationsSociales\": {\"considerationSociale\": [\"Sans objet\"]}") ==
          Strings{"Pas de considération sociale"});
    const Read unknown = read_bytes(
        decp(contract("A", "\"considerationsSociales\": {\"considerationSociale\": [\"Peut-être\"]}")));
    CHECK_FALSE(unknown.lots.at(0).recorded_social_considerations);
    CHECK(contains(unknown.messages(Severity::warning),
                   "considération sociale inconnue « Peut-être » ignorée"));
  }

  TEST_CASE("dirty values: each repair named once per contract, in one warning") {
    const Read r = read_bytes(decp(contract(
        "A",
        "\"montant\": \"12000.0\", \"dureeMois\": 12.0, \"lieuExecution\": {\"code\": \"Quelque part\", "
        "\"typeCode\": \"Code postal\"}")));
    // A duplicated key: the first value counts (here the one of contract()).
    REQUIRE(r.lots.size() == 1);
    CHECK(r.lots[0].montant_ht_cents == 10'000'000);
    CHECK(r.lots[0].duree_mois == 12);
    const auto warnings = r.messages(Severity::warning);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] ==
          "decp.json:1 marché « 21610001000018A » : valeurs corrigées à la lecture : lieu "
          "d'exécution « Quelque part » (Code postal) non reconnu : ignoré");

    const Read text_amount = read_bytes(decp(
        "{\"id\": \"B\", \"objet\": \"x\", \"codeCPV\": \"45000000\", \"dateNotification\": \"01/03/2026\", "
        "\"montant\": \"12000.0\", \"dureeMois\": \"NC\"}"));
    REQUIRE(text_amount.lots.size() == 1);
    CHECK(text_amount.lots[0].reference == "B");
    CHECK(text_amount.lots[0].montant_ht_cents == 1'200'000);
    CHECK_FALSE(text_amount.lots[0].duree_mois);
    CHECK(text_amount.messages(Severity::warning) ==
          std::vector<std::string>{"decp.json:1 marché « B » : valeurs corrigées à la lecture : « "
                                   "acheteur.id » absent : la référence est "
                                   "l'identifiant du marché seul ; montant écrit en texte « 12000.0 » lu 12 "
                                   "000 € ; date « 01/03/2026 » "
                                   "lue 2026-03-01 ; durée illisible « NC » ignorée"});
  }

  TEST_CASE("a contract without its notification date is evaluated at its publication date, said so") {
    const Read r =
        read_bytes(decp("{\"id\": \"P\", \"objet\": \"x\", \"codeCPV\": \"45000000\", \"montant\": 100000, "
                        "\"datePublicationDonnees\": \"2019-05-02\", \"dateSignature\": \"2019-04-01\", "
                        "\"acheteur\": {\"id\": \"1\"}},\n"
                        "{\"id\": \"S\", \"objet\": \"x\", \"codeCPV\": \"45000000\", \"montant\": 100000, "
                        "\"dateDebutExecution\": \"2019-06-01\", \"dateSignature\": \"2019-04-01\", "
                        "\"acheteur\": {\"id\": \"1\"}}"));
    REQUIRE(r.lots.size() == 2);
    CHECK(r.lots[0].date_lancement.iso() == "2019-05-02");  // the publication date, when there is one
    CHECK(r.lots[1].date_lancement.iso() == "2019-04-01");  // else the earliest date
    const auto warnings = r.messages(Severity::warning);
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].find("date de notification absente : règles appliquées au 2019-05-02 "
                           "(« datePublicationDonnees »)") != std::string::npos);
    CHECK(warnings[1].find("(« dateSignature »)") != std::string::npos);
  }

  TEST_CASE("a contract that cannot be a lot: every reason, located — the others go on") {
    const Read r =
        read_bytes(decp(contract("A") + ",\n{\"id\": \"B\",\n \"codeCPV\": \"46000000\",\n \"montant\": 0}," +
                        "\n\"pas un marché\",\n" + contract("C")));
    REQUIRE(r.lots.size() == 2);
    CHECK(r.lots[1].reference == "21610001000018C");
    CHECK(r.rejected == 2);
    CHECK(r.messages(Severity::error) ==
          std::vector<std::string>{
              "decp.json:2 marché « B » : objet du marché (« objet ») absent : écrivez-le pour qu'il soit "
              "évalué",
              "decp.json:3 marché « B » : code CPV « 46000000 » : la division 46 n'existe pas dans le "
              "vocabulaire commun (règlement (CE) n° 213/2008) : corrigez le code",
              "decp.json:2 marché « B » : date de notification (« dateNotification ») absente, et aucune "
              "autre date (« datePublicationDonnees », « dateSignature », « dateDebutExecution ») : c'est la "
              "date à laquelle les règles sont appliquées ; indiquez-la (AAAA-MM-JJ)",
              "decp.json:5 marché : cet élément de la liste des marchés n'est pas un objet JSON : il est "
              "ignoré"});
  }

  TEST_CASE("no CPV code, an amount of 0 or none: evaluated under hypotheses, each said where it is") {
    const std::string base =
        "\"acheteur\": {\"id\": \"1\"}, \"objet\": \"x\", \"dateNotification\": \"2026-03-01\"";
    const Read r =
        read_bytes(decp("{\"id\": \"N\", " + base + ",\n \"montant\": 100000},\n{\"id\": \"Z\", " + base +
                        ", \"codeCPV\": \"45000000\",\n \"montant\": 0},\n{\"id\": \"A\", " + base +
                        ", \"codeCPV\": \"45000000\"}"));
    REQUIRE(r.lots.size() == 3);
    CHECK(r.rejected == 0);
    CHECK(r.lots[0].unknown.nature);
    CHECK_FALSE(r.lots[0].unknown.montant);
    CHECK(r.lots[0].montant_ht_cents == 10'000'000);
    CHECK_FALSE(r.lots[1].unknown.nature);
    CHECK(r.lots[1].nature == Nature::travaux);
    CHECK(r.lots[1].unknown.montant);
    CHECK(r.lots[2].unknown.montant);
    const auto warnings = r.messages(Severity::warning);
    REQUIRE(warnings.size() == 3);
    CHECK(warnings[0] ==
          "decp.json:1 marché « 1N » : code CPV (« codeCPV ») absent : la nature du marché n'est pas connue "
          "; il "
          "est évalué comme marché de travaux, de fournitures et de services et le verdict retenu est le "
          "plus fort ; "
          "indiquez ses 8 chiffres, par exemple 45214200");
    CHECK(
        warnings[1] ==
        "decp.json:4 marché « 1Z » : montant nul « 0 » : le marché est évalué aux montants que comparent les "
        "règles (seuils) et le verdict retenu est le plus fort ; indiquez le montant hors taxes du marché "
        "(pour un "
        "accord-cadre sans maximum, sa valeur estimée)");
    CHECK(warnings[2].starts_with(
        "decp.json:5 marché « 1A » : montant absent : le marché est évalué aux montants"));
    CHECK(contains(r.messages(Severity::note),
                   "3 évalué(s) (dont 3 sous hypothèses (nature ou montant inconnus))"));
  }

  TEST_CASE("one id, several contracts: the same award is a republication, another one another contract") {
    // As buyer profiles publish them: an id left empty, a placeholder id for
    // several contracts, the lots of one consultation under its id.
    const auto award = [](const std::string& id, const std::string& date, const std::string& amount) {
      return "{\"id\": \"" + id +
             "\", \"acheteur\": {\"id\": \"21610001000018\"}, \"objet\": \"Voirie\", \"codeCPV\": "
             "\"45233140\", \"dateNotification\": \"" +
             date + "\", \"montant\": " + amount + "}";
    };
    const std::string body =
        award("A", "2026-03-01", "100000") + ",\n" + award("A", "2026-03-01", "\"100000.00\"") + ",\n" +
        award("A", "2026-04-01", "100000") + ",\n" + award("", "2026-03-01", "5000") + ",\n" +
        award("B", "2026-03-01", "100000") + ",\n" + award("A", "2026-04-01", "100000");
    const auto check = [](const Read& r) {
      REQUIRE(r.lots.size() == 4);
      CHECK(r.lots[0].reference == "21610001000018A");
      // Same buyer, same id, another date: another contract, named by its line.
      CHECK(r.lots[1].reference == "21610001000018A#3");
      CHECK(r.lots[1].consultation == "21610001000018A#3");
      CHECK(r.lots[1].date_lancement.iso() == "2026-04-01");
      // No id: evaluated all the same, named by its buyer and its line.
      CHECK(r.lots[2].reference == "21610001000018#4");
      CHECK(r.lots[2].montant_ht_cents == 500'000);
      CHECK(r.lots[3].reference == "21610001000018B");
      CHECK(r.rejected == 0);
      CHECK(
          r.messages(Severity::warning) ==
          Strings{"decp.json:2 marché « 21610001000018A » déjà lu ligne 1 (même acheteur, même identifiant, "
                  "même date, même montant) : cette nouvelle publication est ignorée",
                  "decp.json:3 marché « 21610001000018A#3 » : valeurs corrigées à la lecture : identifiant "
                  "déjà porté ligne 1 par un autre marché du même acheteur (autre date ou autre montant) : "
                  "celui-ci est désigné par sa ligne",
                  "decp.json:4 marché « 21610001000018#4 » : valeurs corrigées à la lecture : identifiant du "
                  "marché (« id ») absent : il est désigné par son acheteur et sa ligne",
                  "decp.json:6 marché « 21610001000018A » déjà lu ligne 3 (même acheteur, même identifiant, "
                  "même date, même montant) : cette nouvelle publication est ignorée"});
      CHECK(contains(r.messages(Severity::note),
                     "bilan : 6 enregistrement(s) lu(s), 4 évalué(s) (dont 2 avec des valeurs corrigées), "
                     "0 rejeté(s), 2 republication(s) ignorée(s)"));
    };
    SUBCASE("every reference remembered") { check(read_bytes(decp(body))); }
    SUBCASE("after a first pass: only the references that may repeat") {
      DiagnosticList open;
      const auto programme = clausier::readers::programme_from_memory(decp(body), "decp.json", open);
      REQUIRE(programme);
      clausier::RepeatedKeys repeated;
      {
        auto keys_reader = programme->open(clausier::readers::discard_diagnostics());
        clausier::readers::RecordKeys keys;
        while (keys_reader->next_keys(keys)) {
          if (!keys.reference.empty()) repeated.add(keys.reference);
        }
      }
      const clausier::KeySet candidates = std::move(repeated).take_candidates();
      Read r;
      r.file = programme->display_name();
      auto reader = programme->open(r.diags);
      reader->expect_repeats(candidates);
      Lot lot;
      while (reader->next(lot)) r.lots.push_back(lot);
      r.rejected = reader->rejected_rows();
      check(r);
    }
  }

  TEST_CASE("a CPV code typed with spaces among its digits is read, and the repair said") {
    const auto with_cpv = [](const std::string& cpv) {
      return decp("{\"id\": \"A\", \"objet\": \"Assurances\", \"codeCPV\": \"" + cpv +
                  "\", \"dateNotification\": \"2020-12-29\", \"montant\": \"40250.75\"}");
    };
    const Read r = read_bytes(with_cpv("66516 000"));
    REQUIRE(r.lots.size() == 1);
    CHECK(r.lots[0].cpv == "66516000");
    CHECK(r.lots[0].nature == Nature::services);
    CHECK(contains(r.messages(Severity::warning), "code CPV « 66516 000 » lu 66516000 (espaces retirés)"));
    CHECK(read_bytes(with_cpv("665 16")).rejected == 1);  // not a code once the spaces are gone
  }

  TEST_CASE("hostile and broken files: a located error, the contracts before it stand") {
    SUBCASE("truncated") {
      const std::string whole = decp(contract("A") + ",\n" + contract("B"));
      const Read r = read_bytes(whole.substr(0, whole.size() - 30));
      CHECK(r.lots.size() == 1);
      const auto errors = r.messages(Severity::error);
      REQUIRE(errors.size() == 1);
      CHECK(errors[0].starts_with("decp.json:2 fin de fichier"));
      CHECK(errors[0].ends_with("(les marchés lus jusque-là sont évalués)"));
    }
    SUBCASE("not DECP") {
      CHECK(read_bytes("{\"type\": \"FeatureCollection\"}").messages(Severity::error) ==
            std::vector<std::string>{
                "decp.json:1 clé « marches » absente : ce fichier JSON n'est pas un fichier "
                "des données essentielles de la commande publique (DECP)"});
      CHECK(read_bytes("42")
                .messages(Severity::error)
                .at(0)
                .starts_with("decp.json:1 ce fichier JSON ne contient "
                             "qu'une valeur isolée"));
      CHECK(read_bytes("<Avis/>", "avis.xml").messages(Severity::error) ==
            std::vector<std::string>{
                "avis.xml:1 l'élément racine de ce fichier XML est « Avis » : un fichier DECP commence par "
                "<marches>, un avis eForms par <ContractNotice>, <PriorInformationNotice> ou "
                "<ContractAwardNotice>"});
    }
    SUBCASE("nesting bomb") {
      const Read r = read_bytes("{\"marches\": {\"marche\": [" + std::string(100'000, '[') + "]}}");
      CHECK(r.lots.empty());
      CHECK(r.messages(Severity::error).at(0).find("niveaux d'objets et de tableaux imbriqués") !=
            std::string::npos);
    }
    SUBCASE("a huge contract is refused alone") {
      std::string many;
      for (int i = 0; i < 5000; ++i) many += ", \"x" + std::to_string(i) + "\": 1";
      const Read r = read_bytes(decp(contract("A", many.substr(2)) + "," + contract("B")));
      REQUIRE(r.lots.size() == 1);
      CHECK(r.lots[0].reference == "21610001000018B");
      CHECK(contains(r.messages(Severity::error), "marché démesuré (plus de 4096 valeurs"));
    }
    SUBCASE("a huge string is refused with its contract") {
      const Read r = read_bytes(decp(contract("A", "\"objet\": \"" + std::string(300'000, 'a') + "\"")));
      CHECK(r.lots.size() == 1);  // the first "objet" counts; the long one is cut and unused
      const Read cut = read_bytes(decp("{\"id\": \"A\", \"objet\": \"" + std::string(300'000, 'a') +
                                       "\", \"codeCPV\": \"45000000\", \"montant\": 1, \"dateNotification\": "
                                       "\"2026-01-01\"}"));
      CHECK(cut.lots.empty());
      CHECK(contains(cut.messages(Severity::error), "valeur de « objet » démesurée"));
    }
    SUBCASE("XML: DOCTYPE and entities refused before the parser sees them") {
      const Read r =
          read_bytes("<?xml version=\"1.0\"?><!DOCTYPE marches [<!ENTITY x \"y\">]><marches/>", "d.xml");
      CHECK(r.lots.empty());
      CHECK(contains(r.messages(Severity::error), "contient une déclaration DOCTYPE"));
      CHECK(contains(r.messages(Severity::error), "le fichier n'est pas lu"));
    }
    SUBCASE("XML: truncated") {
      const Read r = read_bytes(
          "<marches>\n<marche><id>A</id><objet>x</objet><codeCPV>45000000</codeCPV><montant>1</montant>"
          "<dateNotification>2026-01-01</dateNotification></marche>\n<marche><id>B</id>",
          "d.xml");
      CHECK(r.lots.size() == 1);
      CHECK(contains(r.messages(Severity::error), "d.xml:3 le contenu XML de « d.xml » est endommagé"));
    }
  }

  TEST_CASE("keys pass: every contract with its reference, republications too, lots are consultations") {
    DiagnosticList open;
    const auto programme =
        clausier::readers::open_programme(test_path("fixtures/decp/marches-2022.json"), open);
    REQUIRE(programme);
    auto reader = programme->open(clausier::readers::discard_diagnostics());
    CHECK(reader->lots_are_consultations());
    clausier::readers::RecordKeys keys;
    std::vector<std::string> references;
    std::int64_t total = 0;
    while (reader->next_keys(keys)) {
      references.push_back(keys.reference);
      if (keys.cents) CHECK(keys.consultation == keys.reference);
      total += keys.cents.value_or(0);
    }
    CHECK(references == std::vector<std::string>{"226100017000142026-T-001", "216100010000182026-S-014",
                                                 "226100017000142026-F-007", "110006013000142026-D-003",
                                                 "226100017000142026-X-999", "226100017000142026-T-001",
                                                 "21610001000018C-2026-1"});
    // The second publication of T-001 is read here; next() skips it, and the
    // app takes a DECP lot's totals from the lot itself: never counted twice.
    CHECK(total == 2 * 620'000'000 + 38'000'050 + 123'456'750 + 9'000'000 + 50'000'000);
  }

  TEST_CASE("a large file streams") {
    std::string body;
    for (int i = 0; i < 20'000; ++i) body += (i > 0 ? ",\n" : "") + contract(std::to_string(i));
    const Read r = read_bytes(decp(body));
    CHECK(r.lots.size() == 20'000);
    CHECK(r.lots.back().source.line == 20'000);
    CHECK_FALSE(r.diags.has_errors());
  }

  TEST_CASE("nature from the CPV division (Regulation (EC) No 213/2008)") {
    using clausier::readers::nature_of_cpv_division;
    CHECK(nature_of_cpv_division("45000000") == Nature::travaux);
    CHECK(nature_of_cpv_division("03000000") == Nature::fournitures);
    CHECK(nature_of_cpv_division("44000000") == Nature::fournitures);
    CHECK(nature_of_cpv_division("48000000") == Nature::fournitures);
    CHECK(nature_of_cpv_division("50000000") == Nature::services);
    CHECK(nature_of_cpv_division("98000000") == Nature::services);
    CHECK_FALSE(nature_of_cpv_division("00000000"));
    CHECK_FALSE(nature_of_cpv_division("46000000"));
    CHECK_FALSE(nature_of_cpv_division("99000000"));
  }

  TEST_CASE("place of performance to a département, by type of code") {
    using clausier::readers::decp_departement;
    CHECK(decp_departement("61000", "Code postal") == "61");
    CHECK(decp_departement("20200", "Code postal") == "2B");
    CHECK(decp_departement("97110", "Code postal") == "971");
    CHECK(decp_departement("2A004", "Code commune") == "2A");
    CHECK(decp_departement("97101", "Code INSEE commune") == "971");
    CHECK(decp_departement("61001", "CODE COMMUNE") == "61");
    CHECK(decp_departement("611", "Code arrondissement") == "61");
    CHECK(decp_departement("9712", "Code arrondissement") == "971");
    CHECK(decp_departement("6101", "Code canton") == "61");
    CHECK(decp_departement("2b", "Code département") == "2B");
    CHECK(decp_departement("61", "") == "61");
    CHECK_FALSE(decp_departement("28", "Code région"));
    CHECK_FALSE(decp_departement("FR", "Code pays"));
    CHECK_FALSE(decp_departement("6100", "Code commune"));
    CHECK_FALSE(decp_departement("", "Code postal"));
  }

  TEST_CASE("mojibake is repaired only when unambiguous") {
    using clausier::readers::repair_mojibake;
    std::string s = "RÃ©novation de l'Ã©cole, cÅ“ur de ville, 10 â‚¬";
    CHECK(repair_mojibake(s));
    CHECK(s == "Rénovation de l'école, cœur de ville, 10 €");
    s = "Ã\u0083Â©tÃ\u0083Â©";  // encoded twice
    CHECK(repair_mojibake(s));
    CHECK(s == "été");
    s = "Â« Ã©tÃ© Â»";
    CHECK(repair_mojibake(s));
    CHECK(s == "« été »");
    for (std::string clean :
         {"Rénovation", "Marché réservé à l'ESAT", "ASCII only", "À côté", "Ça coûte 5 €"}) {
      INFO(clean);
      const std::string before = clean;
      CHECK_FALSE(repair_mojibake(clean));
      CHECK(clean == before);
    }
  }
}
