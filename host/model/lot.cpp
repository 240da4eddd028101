#include "model/lot.hpp"

namespace clausier {

std::string_view nature_id(Nature n) {
  switch (n) {
    case Nature::travaux: return "travaux";
    case Nature::fournitures: return "fournitures";
    case Nature::services: return "services";
  }
  return "services";
}

std::string_view nature_label(Nature n) {
  switch (n) {
    case Nature::travaux: return "Travaux";
    case Nature::fournitures: return "Fournitures";
    case Nature::services: return "Services";
  }
  return "Services";
}

std::string_view buyer_type_id(BuyerType t) {
  switch (t) {
    case BuyerType::collectivite: return "collectivite";
    case BuyerType::etat: return "etat";
    case BuyerType::entite_adjudicatrice: return "entite-adjudicatrice";
    case BuyerType::defense: return "defense";
  }
  return "collectivite";
}

std::string_view buyer_type_label(BuyerType t) {
  switch (t) {
    case BuyerType::collectivite: return "Collectivité territoriale ou autre pouvoir adjudicateur";
    case BuyerType::etat: return "État (autorité publique centrale)";
    case BuyerType::entite_adjudicatrice: return "Entité adjudicatrice";
    case BuyerType::defense: return "Marché de défense ou de sécurité";
  }
  return "";
}

std::optional<Nature> nature_from_id(std::string_view id) {
  if (id == "travaux") return Nature::travaux;
  if (id == "fournitures") return Nature::fournitures;
  if (id == "services") return Nature::services;
  return std::nullopt;
}

std::optional<BuyerType> buyer_type_from_id(std::string_view id) {
  if (id == "collectivite") return BuyerType::collectivite;
  if (id == "etat") return BuyerType::etat;
  if (id == "entite-adjudicatrice") return BuyerType::entite_adjudicatrice;
  if (id == "defense") return BuyerType::defense;
  return std::nullopt;
}

}  // namespace clausier
