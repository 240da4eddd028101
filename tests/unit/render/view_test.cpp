#include "render/view.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace clausier;
using namespace clausier::render;

namespace {

Date day(std::string_view iso) { return *Date::parse_iso(iso); }

std::string text_at(const View& v, std::string_view path) {
  const View* found = v.find(path);
  REQUIRE_MESSAGE(found != nullptr, path);
  return found->str();
}

bool flag_at(const View& v, std::string_view path) {
  const View* found = v.find(path);
  REQUIRE_MESSAGE(found != nullptr, path);
  return found->flag();
}

params::ParameterSet rules() {
  params::ParameterSet set;
  params::Parameter directory;
  directory.name = std::string(params::facilitator_directory);
  directory.kind = params::Kind::directory;
  directory.unit = "texte";
  params::DatedValue v;
  v.from = day("2026-06-01");
  v.status = params::Status::partiel;
  v.reference = "relevé de juin 2026";
  params::Leaf orne;
  orne.value = std::string("Service insertion : facilitateur");
  orne.status = params::Status::partiel;
  orne.reference = "page orne.fr";
  params::Leaf paris;
  paris.value = std::string("Coordination de Paris");
  paris.status = params::Status::a_verifier;
  paris.reference = "liste régionale";
  v.entries = {{"61", orne}, {"75", paris}};
  v.details["61"] = {{"institution", "Département de l'Orne"}, {"site", "https://www.orne.fr/insertion"}};
  v.details["75"] = {{"institution", "Association"}, {"relais", "guichet régional"}};
  directory.values.push_back(v);
  set.put(directory);

  params::Parameter weight;
  weight.name = "critere.poids_suggere";
  weight.unit = "ratio";
  params::DatedValue w;
  w.from = day("2019-04-01");
  w.scalar.value = 0.10;
  w.status = params::Status::hypothese;
  w.reference = "pratique";
  weight.values.push_back(w);
  set.put(weight);

  params::Parameter sub;
  sub.name = "critere.sous_criteres";
  sub.kind = params::Kind::text;
  sub.unit = "texte";
  params::DatedValue s;
  s.from = day("2019-04-01");
  s.scalar.value = std::string("accueil ; tutorat ;  ; formation");
  s.reference = "CE";
  sub.values.push_back(s);
  set.put(sub);

  params::Parameter in_force;
  in_force.name = "obligation_sociale.en_vigueur";
  in_force.kind = params::Kind::boolean;
  in_force.unit = "booleen";
  params::DatedValue before, after;
  before.from = day("2019-04-01");
  before.scalar.value = false;
  before.reference = "CCP";
  after = before;
  after.from = day("2026-08-21");
  after.scalar.value = true;
  in_force.values = {before, after};
  set.put(in_force);
  return set;
}

}  // namespace

TEST_SUITE("view") {
  TEST_CASE("facilitateur: the directory entry of the lot's département, from a postal code") {
    const params::ParameterSet set = rules();
    const View v = facilitator_view(&set, day("2027-03-01"), "61100");
    CHECK(flag_at(v, "connu"));
    CHECK(text_at(v, "departement") == "61");
    CHECK(text_at(v, "structure") == "Service insertion\u00A0: facilitateur");  // French typography
    CHECK(text_at(v, "institution") == "Département de l’Orne");
    CHECK(text_at(v, "site") == "https://www.orne.fr/insertion");
    CHECK(text_at(v, "courriel").empty());
    CHECK(flag_at(v, "a_coordonnees"));
    CHECK(flag_at(v, "a_verifier"));
    CHECK(text_at(v, "statut") == "partiellement vérifié");
    CHECK(text_at(v, "source") == "page orne.fr");
  }

  TEST_CASE("facilitateur: an entry with only a relay has no contact of its own") {
    const params::ParameterSet set = rules();
    const View v = facilitator_view(&set, day("2027-03-01"), "75015");
    CHECK(flag_at(v, "connu"));
    CHECK_FALSE(flag_at(v, "a_coordonnees"));
    CHECK(text_at(v, "relais") == "guichet régional");
    CHECK(text_at(v, "statut") == "à vérifier");
  }

  TEST_CASE(
      "facilitateur: unknown département, no place, no rules or before the directory: every field empty") {
    const params::ParameterSet set = rules();
    for (const auto& [date, lieu] :
         {std::pair{"2027-03-01", "14"}, {"2027-03-01", ""}, {"2026-01-01", "61"}}) {
      CAPTURE(lieu);
      const View v = facilitator_view(&set, day(date), lieu);
      CHECK_FALSE(flag_at(v, "connu"));
      for (const char* field : {"structure", "institution", "site", "courriel", "telephone", "adresse",
                                "relais", "statut", "source", "note", "departement"}) {
        CAPTURE(field);
        CHECK(text_at(v, field).empty());  // present, so that templates lint, and empty
      }
      CHECK_FALSE(flag_at(v, "a_coordonnees"));
      CHECK_FALSE(flag_at(v, "a_verifier"));
    }
    CHECK_FALSE(flag_at(facilitator_view(nullptr, day("2027-03-01"), "61"), "connu"));
  }

  TEST_CASE("regles: values in force on the date, nested by name, with their status") {
    const params::ParameterSet set = rules();
    const View v = rules_view(&set, day("2027-03-01"));
    CHECK(text_at(v, "critere.poids_suggere.valeur") == "10\u202F%");
    CHECK(text_at(v, "critere.poids_suggere.statut") == "hypothèse de praticien");
    CHECK(flag_at(v, "critere.poids_suggere.a_verifier"));
    const View* items = v.find("critere.sous_criteres.elements");
    REQUIRE(items != nullptr);
    REQUIRE(items->items().size() == 3);  // the empty element is dropped
    CHECK(text_at(items->items()[1], "texte") == "tutorat");
    CHECK(flag_at(v, "obligation_sociale.en_vigueur.vrai"));
    CHECK(text_at(v, "obligation_sociale.en_vigueur.depuis") == "21 août 2026");
    CHECK(v.find("facilitateurs") == nullptr);  // directories are not single values
    const View before = rules_view(&set, day("2026-08-20"));
    CHECK_FALSE(flag_at(before, "obligation_sociale.en_vigueur.vrai"));
    CHECK(text_at(before, "obligation_sociale.en_vigueur.depuis") == "1er avril 2019");
    CHECK(rules_view(nullptr, day("2027-03-01")).fields().empty());
  }

  TEST_CASE("clause_view: flags of values, levers of the lot, facilitator from the rules") {
    const params::ParameterSet set = rules();
    LotEvaluation e;
    e.lot.reference = "C1-L1";
    e.lot.lieu = "61";
    e.lot.date_lancement = day("2027-03-01");
    e.consultation = {100'000'00, 1};
    ClauseResult insertion;
    insertion.type = "insertion";
    insertion.verdict = Verdict::obligatoire;
    insertion.hours = 833;
    insertion.values = {{"avec_clause", true}, {"reservation_conjointe", false}, {"seuil", 5404000.0}};
    ClauseResult siae;
    siae.type = "reserve-siae";
    siae.verdict = Verdict::possible;
    ClauseResult ess;
    ess.type = "reserve-ess";
    ess.verdict = Verdict::exclue;
    e.clauses = {insertion, siae, ess};
    const std::vector<engine::ClauseInfo> infos = [] {
      engine::ClauseInfo i;
      i.id = "reserve-siae";
      i.title = "Marché ou lot réservé aux SIAE";
      return std::vector<engine::ClauseInfo>{i};
    }();
    const DocumentContext context{day("2027-01-15"), "clausier", &set};
    const View v = clause_view(e, e.clauses.front(), infos, context);
    CHECK(flag_at(v, "clause.indicateurs.avec_clause"));
    CHECK_FALSE(flag_at(v, "clause.indicateurs.reservation_conjointe"));
    CHECK(flag_at(v, "clause.indicateurs.seuil"));
    CHECK(text_at(v, "clause.valeurs.reservation_conjointe") == "non");
    const View* levers = v.find("leviers");
    REQUIRE(levers != nullptr);
    REQUIRE(levers->items().size() == 2);  // excluded clauses are no levers
    CHECK(text_at(levers->items()[0], "heures_texte") == "833 heures");
    CHECK(text_at(levers->items()[1], "titre") == "Marché ou lot réservé aux SIAE");
    CHECK(text_at(levers->items()[1], "verdict_libelle") == "possible");
    CHECK(text_at(v, "lot.departement") == "61");
    CHECK(flag_at(v, "facilitateur.connu"));
    CHECK(text_at(v, "regles.critere.poids_suggere.valeur") == "10\u202F%");
    // --as-of: the rules, and so the directory, are read on that date.
    const DocumentContext early{day("2027-01-15"), "clausier", &set, day("2026-01-01")};
    CHECK_FALSE(flag_at(clause_view(e, e.clauses.front(), infos, early), "facilitateur.connu"));
  }

  TEST_CASE("clause trace: labels of the rules, not their ids, and the local policy's values flagged") {
    params::ParameterSet set = rules();
    params::Parameter rounding;
    rounding.name = "heures.arrondi";
    rounding.description = "Arrondi des heures d'insertion calculées";
    rounding.kind = params::Kind::text;
    rounding.unit = "texte";
    rounding.labels = {{"inferieur", "à l'heure inférieure"}};
    params::DatedValue r;
    r.from = day("2016-04-01");
    r.scalar.value = std::string("inferieur");
    r.status = params::Status::hypothese;
    rounding.values.push_back(r);
    set.put(rounding);
    params::Parameter rate;
    rate.name = "politique.montant_minimum";
    rate.description = "Montant minimal";
    rate.kind = params::Kind::map;
    rate.key = "nature";
    rate.unit = "EUR";
    set.put(rate);
    params::Parameter penalty;
    penalty.name = "suivi.penalite_heure";
    penalty.unit = "EUR/h";
    params::DatedValue p;
    p.from = day("2021-04-01");
    p.scalar.value = 45.0;
    p.local_policy = true;
    penalty.values.push_back(p);
    set.put(penalty);
    params::Parameter share;
    share.name = "main_oeuvre.part";
    share.description = "Part de la main-d'œuvre";
    share.kind = params::Kind::cpv_table;
    share.unit = "ratio";
    set.put(share);

    LotEvaluation e;
    e.lot.reference = "C1-L1";
    e.lot.date_lancement = day("2027-03-01");
    ClauseResult insertion;
    insertion.type = "insertion";
    insertion.verdict = Verdict::obligatoire;
    insertion.trace = {
        {"heures.arrondi", "", "", "inferieur", "2016-04-01", "pratique", "hypothese", "rules"},
        {"politique.montant_minimum", "travaux", "travaux", "100 000 €", "2026-04-01", "R2122-8", "hypothese",
         "r"},
        {"part_main_oeuvre", "", "", "40 %", "", "", "saisie", "programme.csv:3"},
        {"main_oeuvre.part", "45262500", "4526", "50 %", "2016-04-01", "MEF", "verifie", "r"},
        {"main_oeuvre.part", "30120000", "", "30 %", "2016-04-01", "MEF", "verifie", "r"},
    };
    e.clauses = {insertion};
    const DocumentContext context{day("2027-01-15"), "clausier", &set};
    const View v = clause_view(e, e.clauses.front(), {}, context);
    const View* trace = v.find("clause.parametres");
    REQUIRE(trace != nullptr);
    REQUIRE(trace->items().size() == 5);
    CHECK(text_at(trace->items()[0], "parametre") ==
          "heures.arrondi");  // the id stays for templates that want it
    CHECK(text_at(trace->items()[0], "libelle") == "Arrondi des heures d’insertion calculées");
    CHECK(text_at(trace->items()[0], "valeur") == "à l’heure inférieure");
    CHECK(text_at(trace->items()[0], "cle_libelle").empty());
    CHECK(text_at(trace->items()[0], "statut") == "hypothèse de praticien");
    CHECK(text_at(trace->items()[1], "cle_libelle") == "Travaux");
    CHECK(text_at(trace->items()[3], "cle_libelle") == "codes CPV 4526…");
    CHECK(text_at(trace->items()[4], "cle_libelle") == "autres codes CPV");
    CHECK(text_at(trace->items()[2], "libelle") == "Part main-d'œuvre (programme)");
    CHECK(text_at(trace->items()[2], "statut") == "saisi dans le programme");
    CHECK(flag_at(v, "regles.suivi.penalite_heure.politique_locale"));
    CHECK_FALSE(flag_at(v, "regles.critere.poids_suggere.politique_locale"));
    // A word without a label reads as it is written.
    CHECK(rounding.label_of("superieur") == "superieur");
  }
}
