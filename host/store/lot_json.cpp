#include "store/lot_json.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/SHA2Engine.h>

#include <sstream>
#include <stdexcept>

#include "base/french.hpp"
#include "writers/json_writer.hpp"

namespace clausier::store {
namespace {

using Poco::JSON::Object;

std::string optional_text(const std::optional<double>& v) { return v ? fr::decimal(*v, 4) : ""; }

void write_labels(writers::JsonWriter& w, std::string_view key,
                  const std::optional<std::vector<std::string>>& labels) {
  if (!labels) return;
  w.key(key).begin_array();
  for (const auto& l : *labels) w.value(l);
  w.end_array();
}

void write_values(writers::JsonWriter& w, const Lot& lot) {
  w.field("reference", lot.reference)
      .field("consultation", lot.consultation)
      .field("lot", lot.lot)
      .field("objet", lot.objet)
      .field("acheteur", lot.acheteur)
      .field("type_acheteur", buyer_type_id(lot.type_acheteur))
      .field("nature", nature_id(lot.nature))
      .field("cpv", lot.cpv)
      .field("montant_ht_cents", lot.montant_ht_cents);
  if (lot.duree_mois) w.field("duree_mois", static_cast<std::int64_t>(*lot.duree_mois));
  w.field("date_lancement", lot.date_lancement.iso()).field("lieu", lot.lieu);
  if (lot.anru) w.field("anru", *lot.anru);
  if (lot.overrides.part_main_oeuvre) w.field("part_main_oeuvre", *lot.overrides.part_main_oeuvre);
  if (lot.overrides.taux_insertion) w.field("taux_insertion", *lot.overrides.taux_insertion);
  if (lot.overrides.cout_horaire) w.field("cout_horaire", *lot.overrides.cout_horaire);
  write_labels(w, "considerations_sociales", lot.recorded_social_considerations);
  write_labels(w, "considerations_environnementales", lot.recorded_environmental_considerations);
}

std::string text(const Object::Ptr& o, const std::string& key) {
  return o->has(key) && !o->isNull(key) ? o->getValue<std::string>(key) : std::string();
}

std::optional<double> number(const Object::Ptr& o, const std::string& key) {
  if (!o->has(key) || o->isNull(key)) return std::nullopt;
  return o->getValue<double>(key);
}

std::optional<std::vector<std::string>> labels(const Object::Ptr& o, const std::string& key) {
  if (!o->has(key)) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& v : *o->getArray(key)) out.push_back(v.convert<std::string>());
  return out;
}

}  // namespace

std::string lot_to_json(const Lot& lot, const ConsultationTotals& totals) {
  std::ostringstream out;
  writers::JsonWriter w(out, 0);
  w.begin_object();
  write_values(w, lot);
  w.key("source").begin_object();
  if (!lot.source.file.empty()) w.field("file", lot.source.file);
  if (!lot.source.sheet.empty()) w.field("sheet", lot.source.sheet);
  if (!lot.source.cell.empty()) w.field("cell", lot.source.cell);
  if (!lot.source.column.empty()) w.field("column", lot.source.column);
  if (!lot.source.path.empty()) w.field("path", lot.source.path);
  if (lot.source.line != 0) w.field("line", static_cast<std::int64_t>(lot.source.line));
  w.end_object();
  w.key("totals").begin_object();
  w.field("montant_ht_cents", totals.montant_ht_cents).field("lots", static_cast<std::int64_t>(totals.lots));
  w.end_object();
  w.end_object();
  return out.str();
}

std::pair<Lot, ConsultationTotals> lot_from_json(const std::string& json) {
  Poco::JSON::Parser parser;
  const auto root = parser.parse(json).extract<Object::Ptr>();
  if (!root || !root->has("reference")) throw std::runtime_error("lot enregistré illisible");
  Lot lot;
  lot.reference = text(root, "reference");
  lot.consultation = text(root, "consultation");
  lot.lot = text(root, "lot");
  lot.objet = text(root, "objet");
  lot.acheteur = text(root, "acheteur");
  if (auto t = buyer_type_from_id(text(root, "type_acheteur"))) lot.type_acheteur = *t;
  if (auto n = nature_from_id(text(root, "nature"))) lot.nature = *n;
  lot.cpv = text(root, "cpv");
  lot.montant_ht_cents = root->getValue<std::int64_t>("montant_ht_cents");
  if (auto d = number(root, "duree_mois")) lot.duree_mois = static_cast<int>(*d);
  const auto date = Date::parse_iso(text(root, "date_lancement"));
  if (!date) throw std::runtime_error("date de lancement illisible dans un lot enregistré");
  lot.date_lancement = *date;
  lot.lieu = text(root, "lieu");
  if (root->has("anru")) lot.anru = root->getValue<bool>("anru");
  lot.overrides.part_main_oeuvre = number(root, "part_main_oeuvre");
  lot.overrides.taux_insertion = number(root, "taux_insertion");
  lot.overrides.cout_horaire = number(root, "cout_horaire");
  lot.recorded_social_considerations = labels(root, "considerations_sociales");
  lot.recorded_environmental_considerations = labels(root, "considerations_environnementales");
  if (const auto source = root->getObject("source")) {
    lot.source.file = text(source, "file");
    lot.source.sheet = text(source, "sheet");
    lot.source.cell = text(source, "cell");
    lot.source.column = text(source, "column");
    lot.source.path = text(source, "path");
    if (source->has("line")) lot.source.line = source->getValue<std::uint32_t>("line");
  }
  ConsultationTotals totals;
  if (const auto t = root->getObject("totals")) {
    totals.montant_ht_cents = t->getValue<std::int64_t>("montant_ht_cents");
    totals.lots = t->getValue<std::uint32_t>("lots");
  }
  return {std::move(lot), totals};
}

std::string lot_fingerprint(const Lot& lot) {
  std::ostringstream out;
  writers::JsonWriter w(out, 0);
  w.begin_object();
  write_values(w, lot);
  w.end_object();
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(out.str());
  return Poco::DigestEngine::digestToHex(sha.digest()).substr(0, 32);
}

std::vector<std::pair<std::string, std::string>> lot_fields(const Lot& lot) {
  const auto yes_no = [](const std::optional<bool>& b) -> std::string {
    return b ? (*b ? "oui" : "non") : "";
  };
  const auto join = [](const std::optional<std::vector<std::string>>& l) {
    std::string out;
    if (!l) return out;
    for (const auto& s : *l) out += (out.empty() ? "" : ", ") + s;
    return out;
  };
  return {
      {"consultation", lot.consultation},
      {"lot", lot.lot},
      {"objet", lot.objet},
      {"acheteur", lot.acheteur},
      {"type_acheteur", std::string(buyer_type_id(lot.type_acheteur))},
      {"nature", std::string(nature_id(lot.nature))},
      {"cpv", lot.cpv},
      {"montant_ht", fr::euros_cents(lot.montant_ht_cents)},
      {"duree_mois", lot.duree_mois ? std::to_string(*lot.duree_mois) : ""},
      {"date_lancement", fr::date_short(lot.date_lancement)},
      {"lieu", lot.lieu},
      {"anru", yes_no(lot.anru)},
      {"part_main_oeuvre", optional_text(lot.overrides.part_main_oeuvre)},
      {"taux_insertion", optional_text(lot.overrides.taux_insertion)},
      {"cout_horaire", optional_text(lot.overrides.cout_horaire)},
      {"considerations_sociales", join(lot.recorded_social_considerations)},
      {"considerations_environnementales", join(lot.recorded_environmental_considerations)},
  };
}

}  // namespace clausier::store
