#include "params/parameter.hpp"

#include <doctest/doctest.h>

#include <string>
#include <variant>

namespace {

using namespace clausier;
using params::DatedValue;
using params::Kind;
using params::Leaf;
using params::Lookup;
using params::LookupError;
using params::Parameter;
using params::ParameterSet;
using params::Status;

Date day(std::string_view iso) {
  const std::optional<Date> d = Date::parse_iso(iso);
  REQUIRE(d);
  return *d;
}

DatedValue scalar_value(std::string_view from, params::Scalar v, Status status = Status::verifie) {
  DatedValue d;
  d.from = day(from);
  d.scalar.value = std::move(v);
  d.status = status;
  return d;
}

DatedValue repeal(std::string_view from) {
  DatedValue d;
  d.from = day(from);
  d.repealed = true;
  return d;
}

Parameter number_parameter() {
  Parameter p;
  p.name = "seuils.test";
  p.unit = "EUR";
  p.kind = Kind::number;
  p.reference = "référence du paramètre";
  p.values = {scalar_value("2024-01-01", 100.0), scalar_value("2026-01-01", 200.0), repeal("2027-01-01"),
              scalar_value("2028-01-01", 300.0)};
  p.values[1].reference = "référence 2026";
  return p;
}

Parameter cpv_table() {
  Parameter p;
  p.name = "main_oeuvre.test";
  p.unit = "ratio";
  p.kind = Kind::cpv_table;
  DatedValue d = scalar_value("2024-01-01", 0.0, Status::partiel);
  d.entries = {{"", Leaf{0.3, "", std::nullopt, ""}},
               {"45", Leaf{0.5, "réf 45", Status::verifie, ""}},
               {"45442", Leaf{0.7, "", std::nullopt, "note"}}};
  d.reference = "réf table";
  p.values = {d};
  return p;
}

Parameter map_parameter() {
  Parameter p;
  p.name = "seuils.map";
  p.unit = "EUR";
  p.kind = Kind::map;
  p.key = "type_acheteur";
  DatedValue d = scalar_value("2024-01-01", 0.0);
  d.entries = {{"collectivite", Leaf{221000.0, "", std::nullopt, ""}},
               {"etat", Leaf{143000.0, "", std::nullopt, ""}}};
  p.values = {d};
  return p;
}

Parameter cpv_list() {
  Parameter p;
  p.name = "services_sociaux.test";
  p.unit = "code";
  p.kind = Kind::cpv_list;
  DatedValue d = scalar_value("2024-01-01", 0.0, Status::partiel);
  d.codes = {"75121", "85", "8531"};
  p.values = {d};
  return p;
}

ParameterSet all_test_parameters() {
  ParameterSet set;
  set.put(number_parameter());
  set.put(cpv_table());
  set.put(map_parameter());
  set.put(cpv_list());
  return set;
}

Lookup found(const ParameterSet& set, std::string_view name, std::string_view date,
             std::optional<std::string_view> key = {}) {
  auto r = set.lookup(name, day(date), key);
  REQUIRE(std::holds_alternative<Lookup>(r));
  return std::get<Lookup>(r);
}

LookupError failure(const ParameterSet& set, std::string_view name, std::string_view date,
                    std::optional<std::string_view> key = {}) {
  auto r = set.lookup(name, day(date), key);
  REQUIRE(std::holds_alternative<LookupError>(r));
  return std::get<LookupError>(r);
}

double number_of(const Lookup& l) {
  REQUIRE(l.leaf != nullptr);
  return std::get<double>(l.leaf->value);
}

}  // namespace

TEST_SUITE("params") {
  TEST_CASE("status and kind identifiers round-trip") {
    for (Status s : params::all_statuses) {
      CHECK(params::status_from_id(params::status_id(s)) == s);
    }
    CHECK(params::status_id(Status::a_verifier) == "a-verifier");
    CHECK(params::status_label(Status::a_verifier) == "à vérifier");
    CHECK_FALSE(params::status_from_id("a_verifier").has_value());
    for (Kind k : params::all_kinds) {
      CHECK(params::kind_from_id(params::kind_id(k)) == k);
    }
    CHECK_FALSE(params::kind_from_id("cpv-table").has_value());
  }

  TEST_CASE("a value holds from its date until the next one — a repeal ends validity") {
    const Parameter p = number_parameter();
    CHECK(p.at(day("2023-12-31")) == nullptr);
    REQUIRE(p.at(day("2024-01-01")) != nullptr);
    CHECK(std::get<double>(p.at(day("2024-01-01"))->scalar.value) == 100);
    CHECK(std::get<double>(p.at(day("2025-12-31"))->scalar.value) == 100);
    CHECK(std::get<double>(p.at(day("2026-01-01"))->scalar.value) == 200);
    CHECK(std::get<double>(p.at(day("2026-12-31"))->scalar.value) == 200);
    CHECK(p.at(day("2027-01-01")) == nullptr);
    CHECK(p.at(day("2027-12-31")) == nullptr);
    CHECK(std::get<double>(p.at(day("2028-01-01"))->scalar.value) == 300);
    CHECK(std::get<double>(p.at(day("2099-01-01"))->scalar.value) == 300);
  }

  TEST_CASE("lookup of a scalar: the value in force and where it comes from") {
    const ParameterSet set = all_test_parameters();
    const Lookup before = found(set, "seuils.test", "2025-06-01");
    CHECK(number_of(before) == 100);
    CHECK(before.reference() == "référence du paramètre");  // the dated value has none
    CHECK(before.status() == Status::verifie);
    const Lookup after = found(set, "seuils.test", "2026-06-01");
    CHECK(after.reference() == "référence 2026");
    CHECK(after.dated == &set.find("seuils.test")->values[1]);
    CHECK(failure(set, "seuils.test", "2023-01-01") == LookupError::not_in_force);
    CHECK(failure(set, "seuils.test", "2027-06-01") == LookupError::not_in_force);
    CHECK(failure(set, "absent", "2026-06-01") == LookupError::unknown_parameter);
  }

  TEST_CASE("lookup in a map needs an exact key") {
    const ParameterSet set = all_test_parameters();
    CHECK(number_of(found(set, "seuils.map", "2026-01-01", "etat")) == 143000);
    CHECK(found(set, "seuils.map", "2026-01-01", "collectivite").matched_key == "collectivite");
    CHECK(failure(set, "seuils.map", "2026-01-01", "eta") == LookupError::key_not_found);
    CHECK(failure(set, "seuils.map", "2026-01-01", "etats") == LookupError::key_not_found);
    CHECK(failure(set, "seuils.map", "2026-01-01") == LookupError::key_required);
  }

  TEST_CASE("lookup in a CPV table: the longest prefix wins, \"\" is the default") {
    const ParameterSet set = all_test_parameters();
    const Lookup paint = found(set, "main_oeuvre.test", "2026-01-01", "45442100");
    CHECK(number_of(paint) == 0.7);
    CHECK(paint.matched_key == "45442");
    CHECK(paint.status() == Status::partiel);  // the entry has none: the dated value's
    CHECK(paint.reference() == "réf table");   // likewise
    CHECK(paint.leaf->note == "note");
    const Lookup building = found(set, "main_oeuvre.test", "2026-01-01", "45000000-7");
    CHECK(number_of(building) == 0.5);
    CHECK(building.status() == Status::verifie);  // the entry's own
    CHECK(building.reference() == "réf 45");
    const Lookup other = found(set, "main_oeuvre.test", "2026-01-01", "30213000");
    CHECK(number_of(other) == 0.3);
    CHECK(other.matched_key == "");
    CHECK(failure(set, "main_oeuvre.test", "2026-01-01") == LookupError::key_required);

    ParameterSet no_default;
    Parameter p = cpv_table();
    p.values[0].entries.erase(p.values[0].entries.begin());
    no_default.put(p);
    CHECK(failure(no_default, "main_oeuvre.test", "2026-01-01", "30213000") == LookupError::key_not_found);
  }

  TEST_CASE("lookup in a CPV list: membership by prefix, the longest prefix named") {
    const ParameterSet set = all_test_parameters();
    const Lookup social = found(set, "services_sociaux.test", "2026-01-01", "85311000");
    CHECK(social.member);
    CHECK(social.matched_key == "8531");
    CHECK(social.leaf == nullptr);
    CHECK(social.status() == Status::partiel);
    CHECK(found(set, "services_sociaux.test", "2026-01-01", "85000000").matched_key == "85");
    const Lookup works = found(set, "services_sociaux.test", "2026-01-01", "45000000");
    CHECK_FALSE(works.member);
    CHECK(works.matched_key.empty());
    CHECK(failure(set, "services_sociaux.test", "2026-01-01") == LookupError::key_required);
  }

  TEST_CASE("put replaces a parameter of the same name") {
    ParameterSet set = all_test_parameters();
    Parameter local = number_parameter();
    local.values = {scalar_value("2020-01-01", 5.0, Status::hypothese)};
    local.file = "local/seuils/test.lua";
    set.put(local);
    CHECK(set.all().size() == 4);
    CHECK(set.find("seuils.test")->file == "local/seuils/test.lua");
    CHECK(number_of(found(set, "seuils.test", "2026-06-01")) == 5);
    CHECK(found(set, "seuils.test", "2026-06-01").status() == Status::hypothese);
  }

  TEST_CASE("lookup failures read as French sentences") {
    CHECK(params::describe(LookupError::unknown_parameter, "seuils.x", day("2026-08-21"), std::nullopt) ==
          "le paramètre «\u00A0seuils.x\u00A0» n'existe pas dans les règles chargées");
    CHECK(params::describe(LookupError::not_in_force, "seuils.x", day("2026-08-21"), std::nullopt) ==
          "le paramètre «\u00A0seuils.x\u00A0» n'a pas de valeur en vigueur au 21 août 2026");
    CHECK(params::describe(LookupError::key_not_found, "main_oeuvre.part", day("2026-01-01"), "30213000") ==
          "le paramètre «\u00A0main_oeuvre.part\u00A0» n'a pas de valeur pour «\u00A030213000\u00A0» au 1er "
          "janvier 2026");
    CHECK(params::describe(LookupError::key_required, "seuils.map", day("2026-01-01"), std::nullopt) ==
          "le paramètre «\u00A0seuils.map\u00A0» est une table : précisez la clé à consulter");
  }

  TEST_CASE("values are shown with their unit, the French way") {
    CHECK(params::format_value(5404000.0, "EUR") == "5\u202F404\u202F000\u00A0€");
    CHECK(params::format_value(0.05, "ratio") == "5\u202F%");
    CHECK(params::format_value(30.0, "EUR/h") == "30\u00A0€/h");
    CHECK(params::format_value(150.0, "heures") == "150 heures");
    CHECK(params::format_value(36.0, "mois") == "36 mois");
    CHECK(params::format_value(true, "booleen") == "oui");
    CHECK(params::format_value(std::string("inferieur"), "texte") == "inferieur");
    CHECK(params::format_value(day("2026-08-21"), "date") == "21 août 2026");
  }
}
