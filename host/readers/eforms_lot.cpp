#include "readers/eforms_lot.hpp"

#include <array>
#include <charconv>

#include "base/french.hpp"
#include "base/quoted.hpp"
#include "base/text.hpp"
#include "readers/decp_lot.hpp"
#include "readers/values.hpp"

namespace clausier::readers {
namespace {

// What the evaluation of a lot without an amount in euros does (engine/hypotheses.hpp).
constexpr std::string_view amount_hypotheses =
    "le lot est évalué aux montants que comparent les règles (seuils) et le verdict retenu est le plus fort";

// The code lists of the eForms SDK (codelists/*.gc) mapped to the
// programme's values, one table each. The codes are the SDK's; what they
// become is the programme's vocabulary (model/lot.hpp), not a legal reading.

// BT-23 contract-nature. "combined" (works and services…) has no nature of
// its own: the CPV division decides, as for DECP.
struct NatureCode {
  std::string_view code;
  Nature nature;
};
constexpr std::array<NatureCode, 3> nature_codes = {{
    {"works", Nature::travaux},
    {"services", Nature::services},
    {"supplies", Nature::fournitures},
}};

// BT-11 buyer-legal-type: only the codes that name one of the programme's
// buyer types. The others (public undertakings, bodies governed by public
// law, international organisations…) leave the programme's default, unless
// the buyer's activity is in the list of contracting entities (BT-610,
// listName "entity-activity"), which makes it an entité adjudicatrice.
struct BuyerCode {
  std::string_view code;
  BuyerType type;
};
constexpr std::array<BuyerCode, 5> buyer_codes = {{
    {"cga", BuyerType::etat},             // central government authority
    {"la", BuyerType::collectivite},      // local authority
    {"ra", BuyerType::collectivite},      // regional authority
    {"rl-aut", BuyerType::collectivite},  // regional or local authority
    {"def-cont", BuyerType::defense},     // defence contractor (Directive 2009/81/EC)
}};

// BT-01 legal basis (CELEX numbers of the directives): the contracts that are
// not public contracts of Directive 2014/24/EU or 2014/25/EU.
constexpr std::string_view concessions_directive = "32014L0023";  // concession contracts
constexpr std::string_view defence_directive = "32009L0081";      // defence and security procurement

// Social codes: BT-06 strategic-procurement, BT-775 social-objective and
// BT-71 reserved-procurement, each to the DECP label it is compared as.
constexpr std::string_view social_label = "Clause sociale";
constexpr std::string_view reserved_label = "Marché réservé";
constexpr std::string_view nothing_label = eforms_nothing_social;

constexpr std::string_view strategic_path =
    "ProcurementProject.ProcurementAdditionalType.ProcurementTypeCode";
constexpr std::string_view reserved_path =
    "TenderingTerms.TendererQualificationRequest.SpecificTendererRequirement.TendererRequirementTypeCode";

std::string quoted(std::string_view s) { return fr::quoted(text::single_line(s), 40); }

std::string text_at(const DecpRecord& r, std::string_view path) {
  const DecpField* f = r.find(path);
  return f == nullptr ? std::string() : std::string(text::trim(f->text));
}

// The lot's value at `path` (relative to the lot), else the procedure's.
struct Found {
  std::string text;
  bool from_procedure = false;
};

Found lot_or_procedure(const DecpRecord& lot, const EformsNotice& notice, std::string_view path) {
  Found f;
  f.text = text_at(lot, "ProcurementProject." + std::string(path));
  if (f.text.empty()) {
    f.text = text_at(notice.procedure, path);
    f.from_procedure = !f.text.empty();
  }
  return f;
}

constexpr std::string_view amount_path = "RequestedTenderTotal.EstimatedOverallContractAmount";

std::optional<std::int64_t> amount_of(const DecpRecord& r, const std::string& path) {
  return eforms_amount(text_at(r, path));
}

// Whether the amount at `path` is in euros (a `currencyID` of EUR, or none).
bool in_euros(const DecpRecord& r, const std::string& path) {
  const DecpField* f = r.find(path + "@currencyID");
  return f == nullptr || text::trim(f->text).empty() || text::trim(f->text) == "EUR";
}

// "2019-11-25+01:00", "2019-11-25Z", "2019-11-25": the date alone.
std::optional<Date> date_of(std::string_view s) {
  s = text::trim(s);
  return Date::parse_iso(s.substr(0, std::min<std::size_t>(s.size(), 10)));
}

}  // namespace

std::optional<Date> eforms_date(std::string_view text) { return date_of(text); }

std::optional<std::int64_t> eforms_amount(std::string_view text) {
  const std::string_view s = text::trim(text);
  if (s.empty()) return std::nullopt;
  double x = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  Cell cell;
  cell.type = Cell::Type::number;
  cell.number = x;
  cell.text = s;
  const auto parsed = parse_amount(cell);
  if (!parsed || parsed.value() <= 0) return std::nullopt;
  return parsed.value();
}

std::string eforms_lot_id(const DecpRecord& lot) {
  for (const char* path : {"ID[Lot]", "ID[Part]"}) {
    if (const DecpField* f = lot.find(path)) return std::string(text::trim(f->text));
  }
  return {};
}

std::optional<std::int64_t> eforms_lot_amount(const EformsNotice& notice, const DecpRecord& lot) {
  const std::string path = "ProcurementProject." + std::string(amount_path);
  if (const auto own = amount_of(lot, path)) {
    if (in_euros(lot, path)) return own;
    return std::nullopt;
  }
  if (const auto it = notice.awarded.find(eforms_lot_id(lot)); it != notice.awarded.end()) {
    if (it->second.currency.empty() || it->second.currency == "EUR") return it->second.cents;
  }
  return std::nullopt;
}

std::optional<std::int64_t> eforms_procedure_amount(const EformsNotice& notice) {
  if (!in_euros(notice.procedure, std::string(amount_path))) return std::nullopt;
  return amount_of(notice.procedure, std::string(amount_path));
}

std::optional<std::int64_t> eforms_consultation_amount(const EformsNotice& notice) {
  if (const auto total = eforms_procedure_amount(notice)) return total;
  if (notice.awarded_total &&
      (notice.awarded_total->currency.empty() || notice.awarded_total->currency == "EUR"))
    return notice.awarded_total->cents;
  return std::nullopt;
}

std::string eforms_consultation(const EformsNotice& notice) {
  return notice.folder_id.empty() ? notice.notice_id : notice.folder_id;
}

std::optional<BuyerType> eforms_buyer_type(std::string_view legal_type, std::string_view activity_list) {
  if (activity_list == "entity-activity") return BuyerType::entite_adjudicatrice;
  for (const BuyerCode& b : buyer_codes) {
    if (b.code == legal_type) return b.type;
  }
  return std::nullopt;
}

std::vector<std::string> eforms_social_considerations(const DecpRecord& lot) {
  std::vector<std::string> labels;
  const auto add = [&labels](std::string_view label) {
    for (const auto& l : labels) {
      if (l == label) return;
    }
    labels.emplace_back(label);
  };
  for (const DecpField* f : lot.all(std::string(strategic_path) + "[strategic-procurement]")) {
    if (text::trim(f->text) == "soc-obj") add(social_label);
  }
  for (const DecpField* f : lot.all(std::string(strategic_path) + "[social-objective]")) {
    const std::string_view code = text::trim(f->text);
    if (!code.empty() && code != "none") add(social_label);
  }
  for (const DecpField* f : lot.all(std::string(reserved_path) + "[reserved-procurement]")) {
    const std::string_view code = text::trim(f->text);
    if (!code.empty() && code != "none") add(reserved_label);
  }
  if (labels.empty()) labels.emplace_back(nothing_label);
  return labels;
}

EformsMapping eforms_lot(const EformsNotice& notice, const DecpRecord& lot, Lot& out) {
  EformsMapping m;
  out = Lot{};
  if (lot.overflowed()) {
    m.errors.push_back("lot démesuré (plus de " + std::to_string(DecpRecord::max_fields) +
                       " valeurs ou de 4 Mio) : il est ignoré");
    return m;
  }
  const std::string id = eforms_lot_id(lot);
  out.consultation = eforms_consultation(notice);
  out.lot = id;
  out.reference = out.consultation.empty() ? id : out.consultation + "/" + id;
  out.acheteur = notice.buyer;
  if (const auto type = eforms_buyer_type(notice.buyer_legal_type, notice.buyer_activity_list)) {
    out.type_acheteur = *type;
  }

  if (notice.legal_basis == concessions_directive) out.concession = true;
  if (notice.legal_basis == defence_directive) out.marche_defense = true;

  const Found title = lot_or_procedure(lot, notice, "Name");
  out.objet = text::single_line(title.text);
  if (out.objet.empty())
    m.errors.emplace_back("intitulé du lot (BT-21, « cbc:Name ») absent : il est ignoré");

  const Found cpv = lot_or_procedure(lot, notice, "MainCommodityClassification.ItemClassificationCode[cpv]");
  if (cpv.text.empty()) {
    m.errors.emplace_back(
        "code CPV principal (BT-262) absent : la nature du lot et les clauses qui conviennent en dépendent");
  } else if (const auto parsed = parse_cpv(cpv.text); !parsed) {
    m.errors.push_back(parsed.error());
  } else {
    out.cpv = parsed.value();
    if (cpv.from_procedure)
      m.warnings.push_back("code CPV de la procédure (" + out.cpv + ") retenu pour le lot");
  }

  const Found nature = lot_or_procedure(lot, notice, "ProcurementTypeCode[contract-nature]");
  bool nature_known = false;
  for (const NatureCode& n : nature_codes) {
    if (n.code == nature.text) {
      out.nature = n.nature;
      nature_known = true;
    }
  }
  if (!nature_known && !out.cpv.empty()) {
    if (const auto by_cpv = nature_of_cpv_division(out.cpv)) {
      out.nature = *by_cpv;
      nature_known = true;
      m.warnings.push_back(
          (nature.text.empty() ? std::string("nature (BT-23) absente")
                               : "nature (BT-23) " + quoted(nature.text) + " sans équivalent") +
          " : « " + std::string(nature_label(out.nature)) + " » d'après la division du code CPV");
    }
  }
  if (!nature_known && !out.cpv.empty()) {
    m.errors.push_back("nature du lot inconnue : ni la nature (BT-23) ni la division du code CPV " + out.cpv +
                       " ne la disent");
  }

  const std::string currency = [&] {
    const DecpField* f = lot.find("ProcurementProject." + std::string(amount_path) + "@currencyID");
    return f == nullptr ? std::string() : std::string(text::trim(f->text));
  }();
  // A value in another currency is not converted: the amount in euros is
  // unknown, and the lot evaluated under hypotheses (Lot::unknown).
  const auto not_euros = [&](std::string_view what, std::string_view code) {
    out.unknown.montant = true;
    m.warnings.push_back(std::string(what) + " en " + quoted(code) +
                         " : seul un montant en euros se compare aux seuils ; " +
                         std::string(amount_hypotheses));
  };
  // A value awarded in another currency gives way to the procedure's, or
  // the notice's total, in euros.
  const auto awarded = notice.awarded.find(id);
  const bool awarded_in_euros = awarded != notice.awarded.end() &&
                                (awarded->second.currency.empty() || awarded->second.currency == "EUR");
  if (const auto own = amount_of(lot, "ProcurementProject." + std::string(amount_path))) {
    out.montant_ht_cents = *own;
    if (!currency.empty() && currency != "EUR") not_euros("valeur estimée", currency);
  } else if (awarded_in_euros) {
    out.montant_ht_cents = awarded->second.cents;
    m.warnings.push_back("valeur estimée du lot (BT-27) absente : la valeur des offres retenues (BT-720), " +
                         fr::euros_cents(awarded->second.cents) + ", est retenue");
  } else if (const auto total = amount_of(notice.procedure, std::string(amount_path))) {
    out.montant_ht_cents = *total;
    const DecpField* f = notice.procedure.find(std::string(amount_path) + "@currencyID");
    if (f != nullptr && text::trim(f->text) != "EUR") {
      not_euros("valeur estimée de la procédure", text::trim(f->text));
    } else {
      m.warnings.push_back(
          "valeur estimée du lot (BT-27) absente : celle de toute la procédure (" + fr::euros_cents(*total) +
          ") est retenue ; les heures d'insertion calculées sur ce montant sont un majorant");
    }
  } else if (notice.awarded_total) {
    out.montant_ht_cents = notice.awarded_total->cents;
    if (!notice.awarded_total->currency.empty() && notice.awarded_total->currency != "EUR") {
      not_euros("valeur totale des marchés attribués (BT-161)", notice.awarded_total->currency);
    } else {
      m.warnings.push_back(
          "valeur estimée (BT-27) absente, pour le lot comme pour la procédure : la valeur "
          "totale des marchés attribués par l'avis (BT-161, " +
          fr::euros_cents(notice.awarded_total->cents) +
          ") est retenue ; les heures d'insertion calculées sur ce montant sont un majorant");
    }
  } else if (awarded != notice.awarded.end()) {
    not_euros("valeur des offres retenues (BT-720)", awarded->second.currency);
  } else {
    out.unknown.montant = true;
    m.warnings.push_back(
        std::string("valeur estimée (BT-27) absente, pour le lot comme pour la procédure") +
        (notice.kind == "ContractAwardNotice" ? ", et aucune valeur attribuée (BT-720, BT-161)" : "") +
        " : " + std::string(amount_hypotheses));
  }
  if (out.unknown.montant) out.montant_ht_cents = 0;

  // The rules of the launch: a prior information notice announces the date
  // of the contract notice (BT-127); else the notice's own date (BT-05).
  if (notice.planned) {
    out.date_lancement = *notice.planned;
  } else if (notice.issued) {
    out.date_lancement = *notice.issued;
  } else {
    m.errors.emplace_back(
        "date d'envoi de l'avis (BT-05, « cbc:IssueDate ») absente ou illisible : c'est la date à laquelle "
        "les règles sont appliquées");
  }

  if (const DecpField* d = lot.find("ProcurementProject.PlannedPeriod.DurationMeasure[MONTH]")) {
    int months = 0;
    const std::string_view s = text::trim(d->text);
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), months);
    if (ec == std::errc() && end == s.data() + s.size() && months > 0) out.duree_mois = months;
  } else if (const DecpField* y = lot.find("ProcurementProject.PlannedPeriod.DurationMeasure[YEAR]")) {
    int years = 0;
    const std::string_view s = text::trim(y->text);
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), years);
    if (ec == std::errc() && end == s.data() + s.size() && years > 0 && years < 100)
      out.duree_mois = years * 12;
  }

  // The place: a French postal code (BT-5121) gives the département; NUTS
  // codes (BT-5071) are not read.
  const Found country =
      lot_or_procedure(lot, notice, "RealizedLocation.Address.Country.IdentificationCode[country]");
  const Found postal = lot_or_procedure(lot, notice, "RealizedLocation.Address.PostalZone");
  if (country.text == "FRA" && !postal.text.empty()) {
    if (auto dep = decp_departement(postal.text, "Code postal")) {
      out.lieu = *dep;
    } else {
      m.warnings.push_back("code postal du lieu d'exécution " + quoted(postal.text) +
                           " non reconnu : ignoré");
    }
  }

  out.recorded_social_considerations = eforms_social_considerations(lot);
  return m;
}

}  // namespace clausier::readers
