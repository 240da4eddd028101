#include "model/lot_field.hpp"

#include <string>

#include "base/french.hpp"

namespace clausier {
namespace {

// The accessors of the table, one pair per kind of member.
bool is_absent(const LotValue& v) { return std::holds_alternative<std::monostate>(v); }

template <std::string Lot::*M>
LotValue text(const Lot& lot) {
  return std::string_view(lot.*M);
}
// A code: absent when empty.
template <std::string Lot::*M>
LotValue code(const Lot& lot) {
  if ((lot.*M).empty()) return {};
  return std::string_view(lot.*M);
}
template <std::string Lot::*M>
bool set_text(Lot& lot, const LotValue& v) {
  if (is_absent(v)) {
    (lot.*M).clear();
    return true;
  }
  const auto* s = std::get_if<std::string_view>(&v);
  if (s == nullptr) return false;
  (lot.*M).assign(*s);
  return true;
}

template <auto M, auto to_id>
LotValue id(const Lot& lot) {
  return to_id(lot.*M);
}
template <auto M, auto from_id, auto fallback>
bool set_id(Lot& lot, const LotValue& v) {
  if (is_absent(v)) {
    lot.*M = fallback;
    return true;
  }
  const auto* s = std::get_if<std::string_view>(&v);
  if (s == nullptr) return false;
  const auto value = from_id(*s);
  if (!value) return false;
  lot.*M = *value;
  return true;
}

template <std::int64_t Lot::*M>
bool set_whole(Lot& lot, const LotValue& v) {
  if (is_absent(v)) {
    lot.*M = 0;
    return true;
  }
  const auto* n = std::get_if<std::int64_t>(&v);
  if (n == nullptr) return false;
  lot.*M = *n;
  return true;
}

// The nature and the amount, which a source may leave unknown (Lot::unknown):
// absent when unknown; setting a value makes it known, setting none unknown.
LotValue nature_value(const Lot& lot) {
  if (lot.unknown.nature) return {};
  return nature_id(lot.nature);
}
bool set_nature(Lot& lot, const LotValue& v) {
  if (!set_id<&Lot::nature, nature_from_id, Nature::services>(lot, v)) return false;
  lot.unknown.nature = is_absent(v);
  return true;
}
LotValue amount_value(const Lot& lot) {
  if (lot.unknown.montant) return {};
  return lot.montant_ht_cents;
}
bool set_amount(Lot& lot, const LotValue& v) {
  if (!set_whole<&Lot::montant_ht_cents>(lot, v)) return false;
  lot.unknown.montant = is_absent(v);
  return true;
}

template <Date Lot::*M>
LotValue date(const Lot& lot) {
  return lot.*M;
}
template <Date Lot::*M>
bool set_date(Lot& lot, const LotValue& v) {
  if (is_absent(v)) {
    lot.*M = Date{};
    return true;
  }
  const auto* d = std::get_if<Date>(&v);
  if (d == nullptr) return false;
  lot.*M = *d;
  return true;
}

// std::optional<int> (a whole number) or std::optional<bool>.
template <auto M>
LotValue optional(const Lot& lot) {
  const auto& value = lot.*M;
  if (!value) return {};
  using T = typename std::remove_cvref_t<decltype(value)>::value_type;
  if constexpr (std::is_same_v<T, bool>) {
    return *value;
  } else {
    return static_cast<std::int64_t>(*value);
  }
}
template <auto M>
bool set_optional(Lot& lot, const LotValue& v) {
  auto& value = lot.*M;
  if (is_absent(v)) {
    value.reset();
    return true;
  }
  using T = typename std::remove_cvref_t<decltype(value)>::value_type;
  if constexpr (std::is_same_v<T, bool>) {
    const auto* b = std::get_if<bool>(&v);
    if (b == nullptr) return false;
    value = *b;
  } else {
    const auto* n = std::get_if<std::int64_t>(&v);
    if (n == nullptr) return false;
    value = static_cast<T>(*n);
  }
  return true;
}

template <std::optional<double> Lot::*M>
LotValue decimal(const Lot& lot) {
  const auto& value = lot.*M;
  if (!value) return {};
  return *value;
}
template <std::optional<double> Lot::*M>
bool set_decimal(Lot& lot, const LotValue& v) {
  if (is_absent(v)) {
    (lot.*M).reset();
    return true;
  }
  const auto* x = std::get_if<double>(&v);
  if (x == nullptr) return false;
  lot.*M = *x;
  return true;
}

template <std::optional<double> LotOverrides::*M>
LotValue parameter(const Lot& lot) {
  const auto& value = lot.overrides.*M;
  if (!value) return {};
  return *value;
}
template <std::optional<double> LotOverrides::*M>
bool set_parameter(Lot& lot, const LotValue& v) {
  if (is_absent(v)) {
    (lot.overrides.*M).reset();
    return true;
  }
  const auto* x = std::get_if<double>(&v);
  if (x == nullptr) return false;
  lot.overrides.*M = *x;
  return true;
}

}  // namespace

const std::array<LotFieldInfo, lot_field_count>& lot_fields() {
  static const std::array<LotFieldInfo, lot_field_count> table = {{
      {LotField::reference,
       "reference",
       "Référence",
       "référence",
       true,
       "la référence du lot, unique dans le programme",
       {"ref", "references", "referencedulot", "referencelot", "referenceinterne", "identifiant",
        "identifiantdulot", "id"},
       LotValueKind::text,
       false,
       text<&Lot::reference>,
       set_text<&Lot::reference>},
      {LotField::consultation,
       "consultation",
       "Consultation",
       "consultation",
       false,
       "",
       {"refconsultation", "referenceconsultation", "referencedelaconsultation", "noconsultation",
        "nodeconsultation", "numeroconsultation", "numerodeconsultation", "idconsultation", "operation"},
       LotValueKind::text,
       false,
       text<&Lot::consultation>,
       set_text<&Lot::consultation>},
      {LotField::lot,
       "lot",
       "Lot",
       "lot",
       false,
       "",
       {"nolot", "nodelot", "numerolot", "numerodelot", "lotno", "lotnumero"},
       LotValueKind::text,
       false,
       text<&Lot::lot>,
       set_text<&Lot::lot>},
      {LotField::objet,
       "objet",
       "Objet",
       "objet",
       true,
       "l'objet du lot",
       {"intitule", "libelle", "designation", "objetdumarche", "objetdulot", "objetdelaconsultation",
        "intituledumarche", "intituledulot", "libelledumarche", "libelledulot"},
       LotValueKind::text,
       false,
       text<&Lot::objet>,
       set_text<&Lot::objet>},
      {LotField::acheteur,
       "acheteur",
       "Acheteur",
       "acheteur",
       false,
       "",
       {"pouvoiradjudicateur", "maitredouvrage", "maitreouvrage", "acheteurpublic", "entiteacheteuse"},
       LotValueKind::text,
       false,
       text<&Lot::acheteur>,
       set_text<&Lot::acheteur>},
      {LotField::type_acheteur,
       "type_acheteur",
       "Type d'acheteur",
       "type d'acheteur",
       false,
       "",
       {"typeacheteur", "typedeacheteur", "categoriedacheteur", "categorieacheteur", "categoriedeacheteur"},
       LotValueKind::buyer_type,
       false,
       id<&Lot::type_acheteur, buyer_type_id>,
       set_id<&Lot::type_acheteur, buyer_type_from_id, BuyerType::collectivite>},
      {LotField::nature,
       "nature",
       "Nature",
       "nature",
       true,
       "la nature : travaux, fournitures ou services",
       {"naturedumarche", "naturedulot", "naturedesprestations", "typedemarche", "typemarche"},
       LotValueKind::nature,
       false,
       nature_value,
       set_nature},
      {LotField::cpv,
       "cpv",
       "Code CPV",
       "cpv",
       true,
       "le code CPV, par exemple 45214200",
       {"cpvprincipal", "codecpvprincipal", "nomenclaturecpv"},
       LotValueKind::cpv,
       false,
       text<&Lot::cpv>,
       set_text<&Lot::cpv>},
      {LotField::montant_ht,
       "montant_ht",
       "Montant estimé HT",
       "montant",
       true,
       "le montant estimé hors taxes, par exemple 1 234 567,89 €",
       {"montantht", "montant", "montantestime", "montantestimehorstaxes", "montanthorstaxes", "estimationht",
        "estimation", "montantprevisionnelht", "montantprevisionnel", "montanttotalht", "valeurestimeeht"},
       LotValueKind::amount,
       false,
       amount_value,
       set_amount},
      {LotField::duree_mois,
       "duree_mois",
       "Durée (mois)",
       "durée",
       false,
       "",
       {"duree", "dureeenmois", "dureedumarche", "dureedumarcheenmois", "dureedumarchemois"},
       LotValueKind::months,
       false,
       optional<&Lot::duree_mois>,
       set_optional<&Lot::duree_mois>},
      {LotField::date_lancement,
       "date_lancement",
       "Date prévisionnelle de lancement",
       "date de lancement",
       true,
       "la date prévisionnelle de lancement, par exemple 01/03/2027",
       {"datedelancement", "lancement", "dateprevisionnelle", "datelancement",
        "datedelancementprevisionnelle", "dateprevisionnelledepublication", "datedepublication"},
       LotValueKind::date,
       false,
       date<&Lot::date_lancement>,
       set_date<&Lot::date_lancement>},
      {LotField::lieu,
       "lieu",
       "Lieu d'exécution",
       "lieu",
       false,
       "",
       {"lieu", "lieuexecution", "lieuprincipaldexecution", "departement", "codepostal", "codedepartement"},
       LotValueKind::departement,
       false,
       code<&Lot::lieu>,
       set_text<&Lot::lieu>},
      {LotField::anru,
       "anru",
       "Opération ANRU",
       "anru",
       false,
       "",
       {"npnru", "operationnpnru", "anrunpnru", "projetanru"},
       LotValueKind::flag,
       false,
       optional<&Lot::anru>,
       set_optional<&Lot::anru>},
      {LotField::marche_defense,
       "marche_defense",
       "Marché de défense ou de sécurité",
       "marché de défense ou de sécurité",
       false,
       "",
       {"defense", "defenseousecurite", "marchedefense", "marchededefense", "marchedefenseousecurite"},
       LotValueKind::flag,
       false,
       optional<&Lot::marche_defense>,
       set_optional<&Lot::marche_defense>},
      {LotField::concession,
       "concession",
       "Contrat de concession",
       "contrat de concession",
       false,
       "",
       {"concession", "contratdeconcession", "delegationdeservicepublic", "dsp"},
       LotValueKind::flag,
       false,
       optional<&Lot::concession>,
       set_optional<&Lot::concession>},
      {LotField::reprise_heures_mois,
       "reprise_heures_mois",
       "Heures mensuelles du personnel repris",
       "heures mensuelles du personnel repris",
       false,
       "",
       {"reprisedupersonnel", "reprisepersonnel", "heuresreprises", "heuresdupersonnelrepris",
        "heurespersonnelrepris", "reprisedupersonnelheuresmois", "reprisedupersonnelheuresmensuelles"},
       LotValueKind::monthly_hours,
       false,
       decimal<&Lot::reprise_heures_mois>,
       set_decimal<&Lot::reprise_heures_mois>},
      {LotField::part_main_oeuvre,
       "part_main_oeuvre",
       "Part main-d'œuvre",
       "part de main-d'œuvre",
       false,
       "",
       {"partdemaindoeuvre", "maindoeuvre", "tauxdemaindoeuvre"},
       LotValueKind::ratio,
       true,
       parameter<&LotOverrides::part_main_oeuvre>,
       set_parameter<&LotOverrides::part_main_oeuvre>},
      {LotField::taux_insertion,
       "taux_insertion",
       "Taux d'insertion",
       "taux d'insertion",
       false,
       "",
       {"tauxinsertion"},
       LotValueKind::ratio,
       true,
       parameter<&LotOverrides::taux_insertion>,
       set_parameter<&LotOverrides::taux_insertion>},
      {LotField::cout_horaire,
       "cout_horaire",
       "Coût horaire",
       "coût horaire",
       false,
       "",
       {"couthorairemoyen"},
       LotValueKind::euros_per_hour,
       true,
       parameter<&LotOverrides::cout_horaire>,
       set_parameter<&LotOverrides::cout_horaire>},
  }};
  return table;
}

const LotFieldInfo& lot_field(LotField f) { return lot_fields()[static_cast<std::size_t>(f)]; }

std::vector<std::string_view> lot_value_ids(LotValueKind kind) {
  std::vector<std::string_view> ids;
  if (kind == LotValueKind::buyer_type) {
    for (BuyerType t : all_buyer_types) ids.push_back(buyer_type_id(t));
  } else if (kind == LotValueKind::nature) {
    for (Nature n : all_natures) ids.push_back(nature_id(n));
  }
  return ids;
}

std::string lot_value_display(const LotFieldInfo& field, const LotValue& value) {
  struct Display {
    const LotFieldInfo& field;
    std::string operator()(std::monostate /*absent*/) const { return {}; }
    std::string operator()(std::string_view s) const { return std::string(s); }
    std::string operator()(std::int64_t n) const {
      return field.kind == LotValueKind::amount ? fr::euros_cents(n) : std::to_string(n);
    }
    std::string operator()(double x) const { return fr::decimal(x, 4); }
    std::string operator()(bool b) const { return b ? "oui" : "non"; }
    std::string operator()(Date d) const { return fr::date_short(d); }
  };
  return std::visit(Display{field}, value);
}

std::optional<LotField> lot_field_from_key(std::string_view key) {
  for (const LotFieldInfo& info : lot_fields()) {
    if (info.key == key) return info.field;
  }
  return std::nullopt;
}

}  // namespace clausier
