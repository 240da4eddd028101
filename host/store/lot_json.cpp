#include "store/lot_json.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/SHA2Engine.h>

#include <sstream>
#include <stdexcept>

#include "model/lot_field.hpp"
#include "writers/json_writer.hpp"

namespace clausier::store {
namespace {

using Poco::JSON::Object;

void write_labels(writers::JsonWriter& w, std::string_view key,
                  const std::optional<std::vector<std::string>>& labels) {
  if (!labels) return;
  w.key(key).begin_array();
  for (const auto& l : *labels) w.value(l);
  w.end_array();
}

// Every field of the table under its key (amounts in cents, dates ISO),
// absent values left out; then the considerations a DECP record declared.
void write_values(writers::JsonWriter& w, const Lot& lot) {
  for (const LotFieldInfo& field : clausier::lot_fields()) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, Date>) {
            w.field(field.key, v.iso());
          } else if constexpr (!std::is_same_v<T, std::monostate>) {
            w.field(field.key, v);
          }
        },
        field.get(lot));
  }
  write_labels(w, "considerations_sociales", lot.recorded_social_considerations);
  write_labels(w, "considerations_environnementales", lot.recorded_environmental_considerations);
}

std::string text(const Object::Ptr& o, const std::string& key) {
  return o->has(key) && !o->isNull(key) ? o->getValue<std::string>(key) : std::string();
}

std::optional<std::vector<std::string>> labels(const Object::Ptr& o, const std::string& key) {
  if (!o->has(key)) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& v : *o->getArray(key)) out.push_back(v.convert<std::string>());
  return out;
}

// The value of `field` in `root`, by the field's kind; an absent key is the
// field's absent value (as Lot{} has it, but an unknown nature or amount).
void read_value(const Object::Ptr& root, const LotFieldInfo& field, Lot& lot) {
  const std::string key(field.key);
  if (!root->has(key) || root->isNull(key)) {
    field.set(lot, std::monostate{});
    return;
  }
  bool ok = true;
  switch (field.kind) {
    case LotValueKind::text:
    case LotValueKind::buyer_type:
    case LotValueKind::nature:
    case LotValueKind::cpv:
    case LotValueKind::departement: {
      const std::string s = root->getValue<std::string>(key);
      ok = field.set(lot, std::string_view(s));
      break;
    }
    case LotValueKind::amount:
    case LotValueKind::months: ok = field.set(lot, root->getValue<std::int64_t>(key)); break;
    case LotValueKind::date: {
      const auto date = Date::parse_iso(root->getValue<std::string>(key));
      ok = date && field.set(lot, *date);
      break;
    }
    case LotValueKind::flag: ok = field.set(lot, root->getValue<bool>(key)); break;
    case LotValueKind::ratio:
    case LotValueKind::euros_per_hour:
    case LotValueKind::monthly_hours: ok = field.set(lot, root->getValue<double>(key)); break;
  }
  if (!ok) throw std::runtime_error("lot enregistré illisible : valeur de « " + key + " » refusée");
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
  for (const LotFieldInfo& field : clausier::lot_fields()) read_value(root, field, lot);
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

std::vector<std::pair<std::string, std::string>> shown_values(const Lot& lot) {
  const auto join = [](const std::optional<std::vector<std::string>>& l) {
    std::string out;
    if (!l) return out;
    for (const auto& s : *l) out += (out.empty() ? "" : ", ") + s;
    return out;
  };
  std::vector<std::pair<std::string, std::string>> out;
  for (const LotFieldInfo& field : clausier::lot_fields()) {
    if (field.field == LotField::reference) continue;  // what names the lot
    out.emplace_back(field.key, lot_value_display(field, field.get(lot)));
  }
  out.emplace_back("considerations_sociales", join(lot.recorded_social_considerations));
  out.emplace_back("considerations_environnementales", join(lot.recorded_environmental_considerations));
  return out;
}

}  // namespace clausier::store
