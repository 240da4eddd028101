#pragma once
// Rule parameters for the Lua tests, built in C++ (the rules/ files are
// another layer's): the parameters the insertion plugin reads, with
// realistic values and dates, and a plain lot to evaluate.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "model/lot.hpp"
#include "params/parameter.hpp"

namespace clausier::testing {

inline Date day(std::string_view iso) { return *Date::parse_iso(iso); }

using Entries = std::vector<std::pair<std::string, params::Scalar>>;

struct Dated {
  const char* from;
  params::Scalar value;                 // number, boolean, text, date
  Entries entries = {};                 // map, cpv_table (sorted here)
  std::vector<std::string> codes = {};  // cpv_list
  const char* reference = "";
  params::Status status = params::Status::verifie;
};

inline params::Parameter parameter(std::string name, params::Kind kind, std::string unit,
                                   std::vector<Dated> values, std::string reference = "référence de test") {
  params::Parameter p;
  p.file = "rules/";
  for (char c : name) p.file += c == '.' ? '/' : c;
  p.file += ".lua";
  p.name = std::move(name);
  p.kind = kind;
  p.unit = std::move(unit);
  p.reference = std::move(reference);
  for (auto& v : values) {
    params::DatedValue d;
    d.from = day(v.from);
    d.scalar.value = v.value;
    std::sort(v.entries.begin(), v.entries.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [key, value] : v.entries) d.entries.push_back({key, params::Leaf{value, {}, {}, {}}});
    std::sort(v.codes.begin(), v.codes.end());
    d.codes = v.codes;
    d.reference = v.reference;
    d.status = v.status;
    p.values.push_back(std::move(d));
  }
  return p;
}

// The parameters of plugins/insertion.lua.
inline params::ParameterSet insertion_rules() {
  using params::Kind;
  using params::Status;
  params::ParameterSet set;
  set.put(parameter("seuils.ue.travaux", Kind::number, "EUR",
                    {{"2024-01-01", 5'538'000.0, {}, {}, "Avis seuils 2024-2025"},
                     {"2026-01-01", 5'404'000.0, {}, {}, "Avis seuils 2026-2027"}}));
  const Entries supplies_2024 = {{"collectivite", 221'000.0},
                                 {"etat", 143'000.0},
                                 {"entite-adjudicatrice", 443'000.0},
                                 {"defense", 443'000.0}};
  const Entries supplies_2026 = {{"collectivite", 216'000.0},
                                 {"etat", 140'000.0},
                                 {"entite-adjudicatrice", 432'000.0},
                                 {"defense", 432'000.0}};
  set.put(parameter("seuils.ue.fournitures_services", Kind::map, "EUR",
                    {{"2024-01-01", 0.0, supplies_2024, {}, "Avis seuils 2024-2025"},
                     {"2026-01-01", 0.0, supplies_2026, {}, "Avis seuils 2026-2027"}}));
  set.put(parameter("seuils.ue.services_sociaux", Kind::map, "EUR",
                    {{"2024-01-01",
                      0.0,
                      {{"collectivite", 750'000.0},
                       {"etat", 750'000.0},
                       {"entite-adjudicatrice", 1'000'000.0},
                       {"defense", 1'000'000.0}},
                      {},
                      "Directive 2014/24/UE art. 4 d)",
                      Status::partiel}}));
  set.put(parameter(
      "services_sociaux.cpv", Kind::cpv_list, "",
      {{"2019-04-01", 0.0, {}, {"85", "75121", "79622", "80110", "98133"}, "Avis du 31 mars 2019"}}));
  set.put(
      parameter("obligation_sociale.en_vigueur", Kind::boolean, "booleen",
                {{"2019-04-01", false, {}, {}, "CCP L2112-2"},
                 {"2026-08-21", true, {}, {}, "Loi n° 2021-1104 art. 35 ; CCP L2112-2-1", Status::partiel}}));
  set.put(parameter("obligation_sociale.date_incertaine", Kind::boolean, "booleen",
                    {{"2019-04-01", false},
                     {"2026-08-21", true, {}, {}, "21 ou 22 août 2026 selon les sources", Status::a_verifier},
                     {"2026-08-23", false}}));
  set.put(parameter("main_oeuvre.part", Kind::cpv_table, "ratio",
                    {{"2020-01-01",
                      0.0,
                      {{"45", 0.5}, {"45442", 0.7}, {"909", 0.8}},
                      {},
                      "mefsud77.fr",
                      Status::hypothese}}));
  set.put(parameter("heures.cout_horaire", Kind::cpv_table, "EUR/h",
                    {{"2020-01-01", 0.0, {{"", 30.0}, {"909", 20.0}}, {}, "mefsud77.fr ; inserpropre.fr"}}));
  set.put(
      parameter("heures.taux_insertion", Kind::number, "ratio",
                {{"2020-01-01", 0.05, {}, {}, "Pratique des facilitateurs (5 à 10 %)", Status::partiel}}));
  set.put(parameter("heures.arrondi", Kind::text, "texte", {{"2020-01-01", std::string("inferieur")}}));
  set.put(parameter("politique.montant_minimum", Kind::map, "EUR",
                    {{"2020-01-01",
                      0.0,
                      {{"travaux", 100'000.0}, {"fournitures", 60'000.0}, {"services", 60'000.0}},
                      {},
                      "Politique locale"}}));
  set.put(parameter("politique.heures_minimum", Kind::number, "heures",
                    {{"2020-01-01", 150.0, {}, {}, "Politique locale"}}));
  set.put(parameter("politique.part_main_oeuvre_recommandee", Kind::number, "ratio",
                    {{"2020-01-01", 0.5, {}, {}, "Circulaire 2008"}}));
  return set;
}

// A works lot of a one-lot consultation (the published 833 h example).
inline Lot works_lot() {
  Lot lot;
  lot.reference = "2027-001";
  lot.consultation = "2027-001";
  lot.objet = "Réhabilitation du gymnase";
  lot.acheteur = "Commune de Test";
  lot.nature = Nature::travaux;
  lot.cpv = "45210000";
  lot.montant_ht_cents = 100'000'000;
  lot.date_lancement = day("2027-03-01");
  lot.source.file = "programme.csv";
  lot.source.line = 2;
  return lot;
}

inline ConsultationTotals totals_of(const Lot& lot) { return {lot.montant_ht_cents, 1}; }

}  // namespace clausier::testing
