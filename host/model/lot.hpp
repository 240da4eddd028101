#pragma once
// A lot of a purchasing programme: one row of the buyer's table. A consultation
// without lots is one lot. Values are already parsed and checked by a reader.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/diagnostic.hpp"

namespace clausier {

enum class Nature { travaux, fournitures, services };
enum class BuyerType { collectivite, etat, entite_adjudicatrice, defense };
// Every value, in the order the program lists them.
inline constexpr std::array<Nature, 3> all_natures = {Nature::travaux, Nature::fournitures, Nature::services};
inline constexpr std::array<BuyerType, 4> all_buyer_types = {
    BuyerType::collectivite, BuyerType::etat, BuyerType::entite_adjudicatrice, BuyerType::defense};

[[nodiscard]] std::string_view nature_id(Nature n);         // "travaux"
[[nodiscard]] std::string_view buyer_type_id(BuyerType t);  // "entite-adjudicatrice"
[[nodiscard]] std::optional<Nature> nature_from_id(std::string_view id);
[[nodiscard]] std::optional<BuyerType> buyer_type_from_id(std::string_view id);
[[nodiscard]] std::string_view nature_label(Nature n);         // "Travaux"
[[nodiscard]] std::string_view buyer_type_label(BuyerType t);  // "Collectivité territoriale"

// Per-lot overrides of rule parameters, typed in the programme by a facilitator.
struct LotOverrides {
  std::optional<double> part_main_oeuvre;  // ratio 0..1
  std::optional<double> taux_insertion;    // ratio 0..1
  std::optional<double> cout_horaire;      // euros per hour
};

// The values a source did not give and a program cannot guess: a DECP record
// without a CPV code has no nature, a record whose amount is 0 or absent has
// no amount. Such a lot is still evaluated, under each hypothesis
// (engine/hypotheses.hpp); its `nature` and `montant_ht_cents` are then
// placeholders that no output shows (the lot field table gives them as absent).
struct UnknownValues {
  bool nature = false;
  bool montant = false;

  [[nodiscard]] bool any() const { return nature || montant; }
};

struct Lot {
  std::string reference;     // unique in the programme
  std::string consultation;  // groups lots; the reference when absent
  std::string lot;           // lot number or label, may be empty
  std::string objet;
  std::string acheteur;
  BuyerType type_acheteur = BuyerType::collectivite;
  Nature nature = Nature::services;
  std::string cpv;  // 8 digits, check digit removed
  std::int64_t montant_ht_cents = 0;
  std::optional<int> duree_mois;
  Date date_lancement;
  std::string lieu;  // département code ("61", "2A", "971") or empty
  std::optional<bool> anru;
  // A defence or security contract (CCP L1113-1, L2312-1-1): a kind of
  // contract, not of buyer; absent is "non".
  std::optional<bool> marche_defense;
  // A concession contract (CCP L1121-1: works or a service entrusted with the
  // operating risk), not a public contract: its own articles (L3114-2-1, the
  // L3113 reservations) and its threshold; absent is "non". The nature stays
  // travaux or services, which the hours are computed from.
  std::optional<bool> concession;
  // Monthly hours of the staff the incoming company takes over (reprise du
  // personnel, cleaning): the insertion hours are computed on the rest.
  std::optional<double> reprise_heures_mois;
  LotOverrides overrides;
  UnknownValues unknown;
  // What the buyer declared for the contract in the national open data (DECP
  // `considerationsSociales`, `considerationsEnvironnementales`), as the
  // schema's labels ("Clause sociale", "Critère social", "Marché réservé",
  // "Pas de considération sociale"). Absent (nullopt) when the source does not
  // say, which is not the same as "Pas de considération sociale": programmes
  // typed by buyers and DECP files of the 2019 format never say.
  std::optional<std::vector<std::string>> recorded_social_considerations;
  std::optional<std::vector<std::string>> recorded_environmental_considerations;

  Location source;  // file and line (or sheet and row) of the row

  [[nodiscard]] double montant_ht() const { return static_cast<double>(montant_ht_cents) / 100.0; }
};

// How outputs show a lot's nature and amount: "Travaux", "1 234 567 €"; when
// its source did not give them (Lot::unknown), "Nature inconnue" and
// "montant inconnu".
[[nodiscard]] std::string nature_text(const Lot& lot);
[[nodiscard]] std::string montant_text(const Lot& lot);
// The amount in cents, when it is known.
[[nodiscard]] inline std::optional<std::int64_t> known_montant_cents(const Lot& lot) {
  return lot.unknown.montant ? std::nullopt : std::optional<std::int64_t>(lot.montant_ht_cents);
}

// What is known of the whole consultation a lot belongs to: thresholds are
// tested on the total, hours are computed per lot.
struct ConsultationTotals {
  std::int64_t montant_ht_cents = 0;
  std::uint32_t lots = 0;

  [[nodiscard]] double montant_ht() const { return static_cast<double>(montant_ht_cents) / 100.0; }
};

// The total of the consultation `lot` belongs to, when it is known: not when
// the lot's own amount is unknown (the total lacks it).
[[nodiscard]] inline std::optional<std::int64_t> known_total_cents(const Lot& lot,
                                                                   const ConsultationTotals& c) {
  return lot.unknown.montant ? std::nullopt : std::optional<std::int64_t>(c.montant_ht_cents);
}
// How outputs show that total: "1 234 567 €", or "montant inconnu".
[[nodiscard]] std::string total_text(const Lot& lot, const ConsultationTotals& c);

}  // namespace clausier
