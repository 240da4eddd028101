// Labels (nature, buyer type, yes/no), durations, and cell helpers.

#include "readers/values.hpp"

#include <array>
#include <cmath>
#include <cstdio>

#include "base/text.hpp"
#include "readers/value_text.hpp"

namespace clausier::readers {

bool is_blank(const Cell& cell) {
  switch (cell.type) {
    case Cell::Type::empty: return true;
    case Cell::Type::text: return text::trim(cell.text).empty();
    case Cell::Type::number:
    case Cell::Type::boolean: return false;
  }
  return true;
}

std::string cell_display(const Cell& cell) {
  if (!cell.text.empty() || cell.type == Cell::Type::empty || cell.type == Cell::Type::text) return cell.text;
  if (cell.type == Cell::Type::boolean) return cell.number != 0 ? "VRAI" : "FAUX";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", cell.number);
  std::string shown = buf;
  for (char& c : shown) c = c == '.' ? ',' : c;
  return shown;
}

namespace {

using detail::quoted;

bool contains(std::string_view key, std::string_view part) {
  return key.find(part) != std::string_view::npos;
}

}  // namespace

Parsed<Nature> parse_nature(std::string_view text) {
  const std::string key = text::fold_key(text);
  // Words naming each nature, found anywhere in the label ("Marché de travaux").
  const bool travaux = contains(key, "travau") || key == "works" || key == "work";
  const bool fournitures =
      contains(key, "fourniture") || key == "supplies" || key == "supply" || key == "goods";
  const bool services = contains(key, "service") || contains(key, "prestation");
  const int found = (travaux ? 1 : 0) + (fournitures ? 1 : 0) + (services ? 1 : 0);
  if (found == 1) {
    if (travaux) return Nature::travaux;
    return fournitures ? Nature::fournitures : Nature::services;
  }
  if (found > 1) {
    return Parsed<Nature>::failure("nature ambiguë " + quoted(text) +
                                   " : un lot n'a qu'une nature, celle de sa part principale ; écrivez "
                                   "travaux, fournitures ou services");
  }
  return Parsed<Nature>::failure("nature inconnue " + quoted(text) +
                                 " : écrivez travaux, fournitures ou services");
}

Parsed<Nature> parse_nature(const Cell& cell) { return parse_nature(cell_display(cell)); }

namespace {

struct BuyerName {
  std::string_view key;  // folded
  BuyerType type;
};

constexpr std::array<BuyerName, 19> buyer_names = {{
    {"", BuyerType::collectivite},
    {"collectivite", BuyerType::collectivite},
    {"collectivites", BuyerType::collectivite},
    {"collectiviteterritoriale", BuyerType::collectivite},
    {"collectivitesterritoriales", BuyerType::collectivite},
    {"collectivitelocale", BuyerType::collectivite},
    {"pouvoiradjudicateur", BuyerType::collectivite},
    {"etat", BuyerType::etat},
    {"autoritecentrale", BuyerType::etat},
    {"autoritepubliquecentrale", BuyerType::etat},
    {"entiteadjudicatrice", BuyerType::entite_adjudicatrice},
    {"entitesadjudicatrices", BuyerType::entite_adjudicatrice},
    {"ea", BuyerType::entite_adjudicatrice},
    {"defense", BuyerType::defense},
    {"defenseousecurite", BuyerType::defense},
    {"defenseetsecurite", BuyerType::defense},
    {"defensesecurite", BuyerType::defense},
    {"marchededefense", BuyerType::defense},
    {"marchededefenseoudesecurite", BuyerType::defense},
}};

}  // namespace

Parsed<BuyerType> parse_buyer_type(std::string_view text) {
  const std::string key = text::fold_key(text);
  for (const BuyerName& name : buyer_names) {
    if (key == name.key) return name.type;
  }
  // The identifiers and labels the program itself writes read back too.
  for (const BuyerType type : all_buyer_types) {
    if (key == text::fold_key(buyer_type_id(type)) || key == text::fold_key(buyer_type_label(type)))
      return type;
  }
  return Parsed<BuyerType>::failure("type d'acheteur inconnu " + quoted(text) +
                                    " : écrivez etat, collectivite, entite-adjudicatrice ou defense "
                                    "(vide : collectivite)");
}

Parsed<BuyerType> parse_buyer_type(const Cell& cell) { return parse_buyer_type(cell_display(cell)); }

Parsed<bool> parse_bool(std::string_view text) {
  const std::string_view trimmed = text::trim(text);
  const std::string key = text::fold_key(trimmed);
  static constexpr std::array<std::string_view, 8> yes = {"oui", "o", "yes", "y", "vrai", "x", "1", "true"};
  static constexpr std::array<std::string_view, 7> no = {"non", "n", "no", "faux", "0", "false", ""};
  for (const std::string_view word : yes) {
    if (key == word) return true;
  }
  const bool dash_or_empty = trimmed.empty() || trimmed == "-";
  for (const std::string_view word : no) {
    if (key == word && (!word.empty() || dash_or_empty)) return false;
  }
  return Parsed<bool>::failure("valeur illisible " + quoted(text) + " : écrivez oui ou non");
}

Parsed<bool> parse_bool(const Cell& cell) {
  if (cell.type == Cell::Type::boolean) return cell.number != 0;
  if (cell.type == Cell::Type::number && (cell.number == 0 || cell.number == 1)) return cell.number != 0;
  return parse_bool(cell_display(cell));
}

namespace {

constexpr int max_months = 1200;

Parsed<int> months_in_range(double months, std::string_view shown) {
  const auto whole = detail::whole_number(months, 1, max_months);
  if (!whole) {
    return Parsed<int>::failure("durée illisible " + quoted(shown) +
                                " : écrivez un nombre entier de mois, par exemple 24");
  }
  return static_cast<int>(*whole);
}

}  // namespace

Parsed<int> parse_months(std::string_view text) {
  static constexpr std::array<std::string_view, 1> month_words = {"mois"};
  static constexpr std::array<std::string_view, 3> year_words = {"années", "ans", "an"};
  const std::string_view in_months = detail::strip_trailing_words(text, month_words);
  const std::string_view in_years = detail::strip_trailing_words(in_months, year_words);
  const auto value = detail::plain_decimal(in_years);
  if (!value) return months_in_range(-1, text);
  return months_in_range(in_years.size() < in_months.size() ? *value * 12 : *value, text);
}

Parsed<int> parse_months(const Cell& cell) {
  if (cell.type != Cell::Type::number) return parse_months(cell_display(cell));
  return months_in_range(cell.number, cell_display(cell));
}

}  // namespace clausier::readers
