#include "lua/data_schema.hpp"

#include <algorithm>
#include <vector>

#include "base/date.hpp"
#include "base/french.hpp"
#include "base/suggest.hpp"
#include "base/text.hpp"

namespace clausier::lua {
namespace {

std::vector<std::string_view> names_of(const DataSchema& schema) {
  std::vector<std::string_view> names;
  for (const SchemaField& f : schema.fields) names.push_back(f.name);
  return names;
}

const SchemaField* find(const DataSchema& schema, std::string_view name) {
  for (const SchemaField& f : schema.fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string_view expected_of(const SchemaField& field) {
  if (!field.expected.empty()) return field.expected;
  switch (field.kind) {
    case DataKind::text: return "texte entre guillemets attendu";
    case DataKind::date: return "date entre guillemets attendue, au format AAAA-MM-JJ (\"2026-01-01\")";
    case DataKind::boolean: return "booléen attendu (true ou false, sans guillemets)";
    case DataKind::table: return "table attendue { … }";
    case DataKind::any: break;
  }
  return "";
}

// The value of `field`, at `path`: its kind, its allowed texts, its table.
bool check_value(const DataValue& v, const std::string& path, const SchemaField& field, DataReporter& rep) {
  const auto wrong_kind = [&] {
    rep.error(path, std::string(expected_of(field)) + ", trouvé " + describe(v));
    return false;
  };
  switch (field.kind) {
    case DataKind::any: return true;
    case DataKind::boolean: return v.type == DataValue::Type::boolean || wrong_kind();
    case DataKind::table:
      if (v.type != DataValue::Type::table) return wrong_kind();
      return field.nested == nullptr || check_table(v, path, *field.nested, rep);
    case DataKind::date:
      if (v.type != DataValue::Type::string) return wrong_kind();
      if (!Date::parse_iso(v.text)) {
        rep.error(path, "date invalide « " + v.text + " » : écrivez AAAA-MM-JJ");
        return false;
      }
      return true;
    case DataKind::text: break;
  }
  if (v.type != DataValue::Type::string) return wrong_kind();
  if (text::trim(v.text).empty()) {
    rep.error(path, "texte vide : écrivez le texte, ou retirez le champ s'il est facultatif");
    return false;
  }
  if (!field.allowed.empty() &&
      std::find(field.allowed.begin(), field.allowed.end(), v.text) == field.allowed.end()) {
    rep.error(path, unknown_word(field.unknown, v.text, field.allowed, "écrivez"));
    return false;
  }
  return true;
}

// "« a », « b » ou « c »": the fields a table may hold, for messages.
std::string field_list(const DataSchema& schema) { return quoted_or_list(names_of(schema)); }

}  // namespace

bool check_kind(const DataValue& v, const std::string& path, DataKind kind, DataReporter& rep) {
  return check_value(v, path, SchemaField{.name = {}, .kind = kind}, rep);
}

void report_missing(DataReporter& rep, const std::string& path, std::string_view field,
                    std::string_view what_to_write) {
  rep.error(path, "champ « " + std::string(field) + " » manquant : " + std::string(what_to_write));
}

bool check_table(const DataValue& table, const std::string& path, const DataSchema& schema,
                 DataReporter& rep) {
  bool ok = true;
  const std::vector<std::string_view> names = names_of(schema);
  for (const DataField& f : table.fields) {
    if (!f.named) {
      if (schema.first_item && f.index == 1) continue;
      rep.error(child_path(path, f), "élément sans nom inattendu : écrivez nom = valeur (champs permis : " +
                                         field_list(schema) + ")");
      ok = false;
    } else if (find(schema, f.name) == nullptr) {
      std::string hint;
      if (const std::string guess = closest_word(f.name, names); !guess.empty()) {
        hint = "vouliez-vous écrire « " + guess + " » ?";
      } else if (schema.unknown_hint != nullptr) {
        hint = schema.unknown_hint(f.name);
      }
      if (hint.empty()) hint = "champs permis : " + field_list(schema);
      rep.error(child_path(path, f), "champ inconnu « " + f.name + " » : " + hint);
      ok = false;
    }
  }
  for (const SchemaField& field : schema.fields) {
    const DataValue* v = table.get(field.name);
    if (v == nullptr) {
      if (field.required) {
        report_missing(rep, path, field.name, field.when_missing);
        ok = false;
      }
      continue;
    }
    if (!check_value(*v, child_path(path, field.name), field, rep)) ok = false;
  }
  return ok;
}

const std::string* valid_text(const DataValue& table, std::string_view name) {
  const DataValue* v = table.get(name);
  if (v == nullptr || v->type != DataValue::Type::string || text::trim(v->text).empty()) return nullptr;
  return &v->text;
}

std::string shown_text(const DataValue& table, std::string_view name) {
  const std::string* text = valid_text(table, name);
  return text == nullptr ? std::string() : fr::typography(*text);
}

}  // namespace clausier::lua
