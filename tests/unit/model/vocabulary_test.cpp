// The model states each vocabulary once: the ids read back, and every field
// and value is documented where readers of the contracts look for it.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "model/evaluation.hpp"
#include "model/lot.hpp"
#include "model/lot_field.hpp"
#include "test_paths.hpp"

using namespace clausier;

namespace {

std::string read_doc(const std::string& rel) {
  std::ifstream in(testing::source_path(rel), std::ios::binary);
  REQUIRE_MESSAGE(in, rel);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool mentions(const std::string& doc, std::string_view word) {
  return doc.find("`" + std::string(word) + "`") != std::string::npos;
}

}  // namespace

TEST_CASE("every verdict, nature and buyer type reads back from its id") {
  for (const Verdict v : all_verdicts) CHECK(verdict_from_id(verdict_id(v)) == v);
  for (const Nature n : all_natures) CHECK(nature_from_id(nature_id(n)) == n);
  for (const BuyerType t : all_buyer_types) CHECK(buyer_type_from_id(buyer_type_id(t)) == t);
  CHECK_FALSE(verdict_from_id("recommandée").has_value());  // the label is not an id
  CHECK_FALSE(nature_from_id("Travaux").has_value());
  CHECK_FALSE(buyer_type_from_id("entite_adjudicatrice").has_value());
}

TEST_CASE("the lot fields: one entry per field, in the enumeration's order, keys unique") {
  std::set<std::string_view> keys;
  for (std::size_t i = 0; i < lot_field_count; ++i) {
    const LotFieldInfo& info = lot_fields()[i];
    CHECK(static_cast<std::size_t>(info.field) == i);
    CHECK(keys.insert(info.key).second);
    CHECK(lot_field_from_key(info.key) == info.field);
    CHECK_FALSE(info.header.empty());
    CHECK_FALSE(info.name.empty());
    // A required field says what it holds when a row leaves it empty.
    if (info.required) CHECK_FALSE(info.content.empty());
  }
  CHECK_FALSE(lot_field_from_key("Montant estimé HT").has_value());  // headers are the readers' business
}

TEST_CASE("docs/programme.md lists every lot field with its header and fiche key") {
  const std::string doc = read_doc("docs/programme.md");
  for (const LotFieldInfo& info : lot_fields()) {
    const std::string row = "| `" + std::string(info.key) + "` | " + std::string(info.header) +
                            (info.required ? " | yes | " : " | | ") + std::string(info.name) + " |";
    CHECK_MESSAGE(doc.find(row) != std::string::npos, row);
  }
  for (const Nature n : all_natures) CHECK_MESSAGE(mentions(doc, nature_id(n)), nature_id(n));
  for (const BuyerType t : all_buyer_types) CHECK_MESSAGE(mentions(doc, buyer_type_id(t)), buyer_type_id(t));
}

TEST_CASE("docs/plugin-api.md names every field of the lot table and every value") {
  const std::string doc = read_doc("docs/plugin-api.md");
  for (const LotFieldInfo& info : lot_fields()) CHECK_MESSAGE(mentions(doc, info.key), info.key);
  for (const Verdict v : all_verdicts) CHECK_MESSAGE(mentions(doc, verdict_id(v)), verdict_id(v));
  for (const Nature n : all_natures) CHECK_MESSAGE(mentions(doc, nature_id(n)), nature_id(n));
  for (const BuyerType t : all_buyer_types) CHECK_MESSAGE(mentions(doc, buyer_type_id(t)), buyer_type_id(t));
}

TEST_CASE("docs/json.md names every verdict and the lot fields it writes") {
  const std::string doc = read_doc("docs/json.md");
  for (const Verdict v : all_verdicts)
    CHECK_MESSAGE(doc.find(std::string(verdict_id(v))) != std::string::npos, verdict_id(v));
  for (const LotFieldInfo& info : lot_fields()) {
    const bool is_override = info.field == LotField::part_main_oeuvre ||
                             info.field == LotField::taux_insertion || info.field == LotField::cout_horaire;
    if (is_override) continue;  // overrides show in the trace, not among the lot's fields
    CHECK_MESSAGE(doc.find("\"" + std::string(info.key) + "\":") != std::string::npos, info.key);
  }
}

TEST_CASE("rules/tests/README.md describes a case's lot with every field and value") {
  const std::string doc = read_doc("rules/tests/README.md");
  const auto quoted_id = [&doc](std::string_view id) {
    return doc.find("`\"" + std::string(id) + "\"`") != std::string::npos;
  };
  for (const LotFieldInfo& info : lot_fields()) CHECK_MESSAGE(mentions(doc, info.key), info.key);
  for (const Verdict v : all_verdicts) CHECK_MESSAGE(quoted_id(verdict_id(v)), verdict_id(v));
  for (const Nature n : all_natures) CHECK_MESSAGE(quoted_id(nature_id(n)), nature_id(n));
  for (const BuyerType t : all_buyer_types) CHECK_MESSAGE(quoted_id(buyer_type_id(t)), buyer_type_id(t));
}
