#include "model/lot.hpp"

#include "base/french.hpp"

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
    case BuyerType::defense: return "Ministère des armées (autorité publique centrale)";
  }
  return "";
}

std::optional<Nature> nature_from_id(std::string_view id) {
  for (const Nature n : all_natures) {
    if (nature_id(n) == id) return n;
  }
  return std::nullopt;
}

std::optional<BuyerType> buyer_type_from_id(std::string_view id) {
  for (const BuyerType t : all_buyer_types) {
    if (buyer_type_id(t) == id) return t;
  }
  return std::nullopt;
}

std::string nature_text(const Lot& lot) {
  return lot.unknown.nature ? std::string("Nature inconnue") : std::string(nature_label(lot.nature));
}

std::string montant_text(const Lot& lot) {
  return lot.unknown.montant ? std::string("montant inconnu") : fr::euros_cents(lot.montant_ht_cents);
}

std::string total_text(const Lot& lot, const ConsultationTotals& c) {
  const auto cents = known_total_cents(lot, c);
  return cents ? fr::euros_cents(*cents) : std::string("montant inconnu");
}

}  // namespace clausier
