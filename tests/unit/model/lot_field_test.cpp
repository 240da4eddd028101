// The table of lot fields reads and writes every field of a Lot: a value of
// the field's kind round-trips through its setter and getter, a value of
// another kind is refused, and "absent" clears the field.
#include "model/lot_field.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "base/french.hpp"

using namespace clausier;

namespace {

Date launch() { return *Date::parse_iso("2027-03-01"); }

// A value of `kind`, different from what Lot{} holds.
LotValue sample(LotValueKind kind) {
  switch (kind) {
    case LotValueKind::text: return std::string_view("Réhabilitation du gymnase");
    case LotValueKind::buyer_type: return std::string_view("entite-adjudicatrice");
    case LotValueKind::nature: return std::string_view("travaux");
    case LotValueKind::cpv: return std::string_view("45262500");
    case LotValueKind::amount: return std::int64_t{123456789};
    case LotValueKind::months: return std::int64_t{18};
    case LotValueKind::date: return launch();
    case LotValueKind::departement: return std::string_view("2A");
    case LotValueKind::flag: return true;
    case LotValueKind::ratio: return 0.35;
    case LotValueKind::euros_per_hour: return 28.5;
    case LotValueKind::monthly_hours: return 412.5;
  }
  return {};
}

// A value no setter of `kind` takes.
LotValue foreign(LotValueKind kind) {
  if (kind == LotValueKind::ratio || kind == LotValueKind::euros_per_hour ||
      kind == LotValueKind::monthly_hours) {
    return std::string_view("x");
  }
  return 1.5;
}

}  // namespace

TEST_CASE("every lot field round-trips a value of its kind, refuses others, and clears") {
  std::set<std::string_view> keys;
  for (const LotFieldInfo& field : lot_fields()) {
    CAPTURE(field.key);
    CHECK(keys.insert(field.key).second);
    REQUIRE((field.get != nullptr));
    REQUIRE((field.set != nullptr));
    Lot lot;
    const LotValue value = sample(field.kind);
    CHECK(field.set(lot, value));
    CHECK(field.get(lot) == value);
    // Only this field changed.
    for (const LotFieldInfo& other : lot_fields()) {
      if (other.field != field.field) CHECK(other.get(lot) == other.get(Lot{}));
    }
    const Lot before = lot;
    CHECK_FALSE(field.set(lot, foreign(field.kind)));
    CHECK(field.get(lot) == field.get(before));
    CHECK(field.set(lot, LotValue{}));
    if (field.field == LotField::nature || field.field == LotField::montant_ht) {
      // Not given: unknown (Lot::unknown), shown as absent; a value makes it known again.
      CHECK(std::holds_alternative<std::monostate>(field.get(lot)));
      CHECK(field.set(lot, value));
      CHECK(field.get(lot) == value);
      CHECK_FALSE(lot.unknown.any());
    } else {
      CHECK(field.get(lot) == field.get(Lot{}));
    }
  }
}

TEST_CASE("an id field refuses an unknown id and lists the ids it takes") {
  const LotFieldInfo& nature = lot_field(LotField::nature);
  Lot lot;
  CHECK_FALSE(nature.set(lot, std::string_view("Travaux")));
  CHECK(lot_value_ids(LotValueKind::nature) ==
        std::vector<std::string_view>{"travaux", "fournitures", "services"});
  CHECK(lot_value_ids(LotValueKind::buyer_type).size() == all_buyer_types.size());
  CHECK(lot_value_ids(LotValueKind::text).empty());
}

TEST_CASE("values are shown as a French reader writes them") {
  CHECK(lot_value_display(lot_field(LotField::montant_ht), std::int64_t{123456789}) ==
        fr::euros_cents(123456789));
  CHECK(lot_value_display(lot_field(LotField::duree_mois), std::int64_t{18}) == "18");
  CHECK(lot_value_display(lot_field(LotField::date_lancement), launch()) == fr::date_short(launch()));
  CHECK(lot_value_display(lot_field(LotField::anru), false) == "non");
  CHECK(lot_value_display(lot_field(LotField::part_main_oeuvre), 0.35) == "0,35");
  CHECK(lot_value_display(lot_field(LotField::lieu), LotValue{}).empty());
}

TEST_CASE("the rule parameters are the fields plugins read with ctx.override") {
  std::vector<std::string_view> parameters;
  for (const LotFieldInfo& field : lot_fields()) {
    if (field.parameter) parameters.push_back(field.key);
  }
  CHECK(parameters == std::vector<std::string_view>{"part_main_oeuvre", "taux_insertion", "cout_horaire"});
}
