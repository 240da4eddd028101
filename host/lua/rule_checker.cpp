#include "lua/rule_checker.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/text.hpp"
#include "lua/data_schema.hpp"
#include "lua/directory_checker.hpp"

namespace clausier::lua {
namespace {

using params::Kind;
using params::Status;

enum class ScalarType { number, boolean, text, date };

struct Unit {
  std::string_view id;
  ScalarType type;
};

constexpr Unit units[] = {
    {"EUR", ScalarType::number},    {"EUR/h", ScalarType::number}, {"ratio", ScalarType::number},
    {"heures", ScalarType::number}, {"mois", ScalarType::number},  {"jours", ScalarType::number},
    {"nombre", ScalarType::number}, {"date", ScalarType::date},    {"booleen", ScalarType::boolean},
    {"texte", ScalarType::text},    {"code", ScalarType::text}};

const Unit* find_unit(std::string_view id) {
  for (const Unit& u : units) {
    if (u.id == id) return &u;
  }
  return nullptr;
}

bool unit_fits(Kind kind, const Unit& unit) {
  switch (kind) {
    case Kind::number: return unit.type == ScalarType::number;
    case Kind::boolean: return unit.type == ScalarType::boolean;
    case Kind::text: return unit.type == ScalarType::text;
    case Kind::date: return unit.type == ScalarType::date;
    case Kind::cpv_list: return unit.id == "code";
    case Kind::directory: return unit.id == "texte";
    case Kind::map:
    case Kind::cpv_table: return true;
  }
  return false;
}

// The units a kind accepts, for messages: "\"EUR\", \"EUR/h\", … ou \"mois\"".
std::string units_for(Kind kind) {
  std::string out;
  std::vector<std::string_view> fitting;
  for (const Unit& u : units) {
    if (unit_fits(kind, u)) fitting.push_back(u.id);
  }
  for (std::size_t i = 0; i < fitting.size(); ++i) {
    if (i > 0) out += i + 1 == fitting.size() ? " ou " : ", ";
    out += "\"" + std::string(fitting[i]) + "\"";
  }
  return out;
}

const std::vector<std::string_view> unit_ids = [] {
  std::vector<std::string_view> ids;
  for (const Unit& u : units) ids.push_back(u.id);
  return ids;
}();

const std::vector<std::string_view> kind_ids = [] {
  std::vector<std::string_view> ids;
  for (Kind k : params::all_kinds) ids.push_back(params::kind_id(k));
  return ids;
}();

// ---------------------------------------------------------------------------
// The schemas of the tables of a rule file.

const SchemaField parameter_fields[] = {
    {.name = "description",
     .kind = DataKind::text,
     .required = true,
     .when_missing = "écrivez description = \"…\" (ce que le paramètre représente)"},
    {.name = "unit",
     .kind = DataKind::text,
     .required = true,
     .when_missing = "écrivez unit = \"EUR\", \"ratio\"…, selon la valeur",
     .allowed = unit_ids,
     .unknown = "unité inconnue"},
    {.name = "kind",
     .kind = DataKind::text,
     .required = true,
     .when_missing = "écrivez kind = \"number\", \"map\"…, selon la forme des valeurs",
     .allowed = kind_ids,
     .unknown = "sorte de paramètre inconnue"},
    {.name = "key", .kind = DataKind::text},
    {.name = "reference", .kind = DataKind::text},
    {.name = "labels", .kind = DataKind::table},
    {.name = "values",
     .kind = DataKind::any},  // checked by check_values: its messages say what a dated value is
};
const DataSchema parameter_schema{parameter_fields};

const SchemaField value_fields[] = {
    {.name = "from",
     .kind = DataKind::date,
     .required = true,
     .when_missing = "écrivez from = \"AAAA-MM-JJ\", la date d'entrée en vigueur"},
    {.name = "value"},
    {.name = "repealed"},
    {.name = "reference", .kind = DataKind::text},
    status_field(true),
    {.name = "note", .kind = DataKind::text},
};
const DataSchema value_schema{value_fields};

// A value of a table entry written as { value, status = …, reference = …, note = … }.
const SchemaField entry_fields[] = {
    status_field(false),
    {.name = "reference", .kind = DataKind::text},
    {.name = "note", .kind = DataKind::text},
};
const DataSchema entry_schema{entry_fields, true};

const SchemaField index_fields[] = {
    {.name = "description",
     .kind = DataKind::text,
     .required = true,
     .when_missing = "écrivez description = \"…\" (ce que contient ce dossier)"},
    {.name = "reference", .kind = DataKind::text},
};
const DataSchema index_schema{index_fields};

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Checks the values of a rule file against the format and builds them.
class RuleChecker {
 public:
  explicit RuleChecker(DataReporter& rep) : rep_(rep) {}

  params::Parameter parameter(const DataValue& root, std::string_view name) {
    params::Parameter p;
    p.name = std::string(name);
    p.file = rep_.file;
    check_table(root, "", parameter_schema, rep_);
    p.description = shown_text(root, "description");
    const Unit* unit = nullptr;
    if (const std::string* id = valid_text(root, "unit")) {
      unit = find_unit(*id);
      p.unit = *id;
    }
    std::optional<Kind> kind;
    if (const std::string* id = valid_text(root, "kind")) kind = params::kind_from_id(*id);
    if (unit != nullptr && kind && !unit_fits(*kind, *unit)) {
      rep_.error("unit", "l'unité « " + std::string(unit->id) + " » ne convient pas à kind = \"" +
                             std::string(params::kind_id(*kind)) + "\" : écrivez unit = " + units_for(*kind));
      unit = nullptr;  // values cannot be checked against a wrong unit
    }
    if (kind == Kind::map) {
      if (root.get("key") == nullptr) {
        report_missing(
            rep_, "", "key",
            "pour kind = \"map\", dites ce que sont les clés, par exemple key = \"type_acheteur\"");
      }
      if (const std::string* key = valid_text(root, "key")) p.key = *key;
    } else if (kind && root.get("key") != nullptr) {
      rep_.error("key", "key ne sert qu'aux tables par clé (kind = \"map\") : retirez ce champ");
    }
    p.reference = shown_text(root, "reference");
    if (const DataValue* labels = root.get("labels");
        labels != nullptr && labels->type == DataValue::Type::table) {
      for (const DataField& f : labels->fields) {
        if (!f.named || f.value.type != DataValue::Type::string || text::trim(f.value.text).empty()) {
          rep_.error(child_path("labels", f), "un libellé s'écrit mot = \"libellé en français\"");
          continue;
        }
        p.labels.emplace_back(f.name, f.value.text);
      }
    }
    if (kind) p.kind = *kind;
    check_values(root, p, unit != nullptr && kind ? unit : nullptr);
    return p;
  }

 private:
  // Items [1]..[n] of a list; reports named fields and numbering gaps.
  std::vector<const DataField*> list_items(const DataValue& list, const std::string& path) {
    std::vector<const DataField*> items;
    for (const DataField& f : list.fields) {
      if (f.named) {
        rep_.error(child_path(path, f), "champ « " + f.name +
                                            " » inattendu dans une liste : une liste s'écrit { élément, "
                                            "élément, … }");
      } else if (f.index != static_cast<std::int64_t>(items.size()) + 1) {
        rep_.error(child_path(path, f),
                   "élément hors séquence : numérotez à partir de 1 sans trou, "
                   "ou ne numérotez pas les éléments");
      } else {
        items.push_back(&f);
      }
    }
    return items;
  }

  std::optional<std::string> text_value(const DataValue& v, const std::string& path) {
    if (v.type != DataValue::Type::string) {
      rep_.error(path, "texte entre guillemets attendu, trouvé " + describe(v));
      return std::nullopt;
    }
    if (text::trim(v.text).empty()) {
      rep_.error(path, "texte vide : écrivez le texte, ou retirez le champ s'il est facultatif");
      return std::nullopt;
    }
    return v.text;
  }

  std::optional<Date> date_value(const DataValue& v, const std::string& path) {
    if (v.type != DataValue::Type::string) {
      rep_.error(path, "date entre guillemets attendue, au format AAAA-MM-JJ (\"2026-01-01\"), trouvé " +
                           describe(v));
      return std::nullopt;
    }
    std::optional<Date> d = Date::parse_iso(v.text);
    if (!d) rep_.error(path, "date invalide « " + v.text + " » : écrivez AAAA-MM-JJ");
    return d;
  }

  // One value of the parameter's unit.
  std::optional<params::Scalar> scalar(const DataValue& v, const std::string& path, const Unit& unit) {
    switch (unit.type) {
      case ScalarType::number: return number(v, path, unit);
      case ScalarType::boolean:
        if (v.type != DataValue::Type::boolean) {
          rep_.error(path, "booléen attendu (true ou false, sans guillemets), trouvé " + describe(v));
          return std::nullopt;
        }
        return v.boolean;
      case ScalarType::text:
        if (auto s = text_value(v, path)) return *s;
        return std::nullopt;
      case ScalarType::date:
        if (auto d = date_value(v, path)) return *d;
        return std::nullopt;
    }
    return std::nullopt;
  }

  std::optional<params::Scalar> number(const DataValue& v, const std::string& path, const Unit& unit) {
    if (v.type != DataValue::Type::number) {
      std::string message = "nombre attendu, trouvé " + describe(v);
      if (v.type == DataValue::Type::string)
        message += " : écrivez le nombre sans guillemets, avec un point décimal (0.05)";
      rep_.error(path, message);
      return std::nullopt;
    }
    if (!std::isfinite(v.number)) {
      rep_.error(path, "nombre infini ou indéfini : écrivez la valeur elle-même");
    } else if (v.number < 0) {
      rep_.error(path, "nombre négatif (" + number_text(v.number) +
                           ") : les montants, taux, heures et durées sont positifs ou nuls");
    } else if (unit.id == "ratio" && v.number > 1) {
      rep_.error(path,
                 "ratio " + number_text(v.number) +
                     " hors de l'intervalle 0 à 1 : écrivez une fraction, par exemple 0.05 pour 5\u202F%");
    } else {
      return v.number;
    }
    return std::nullopt;
  }

  // A value of a table entry: plain, or { value, status = …, reference = …, note = … }.
  std::optional<params::Leaf> leaf(const DataValue& v, const std::string& path, const Unit& unit) {
    params::Leaf out;
    if (v.type != DataValue::Type::table) {
      auto s = scalar(v, path, unit);
      if (!s) return std::nullopt;
      out.value = std::move(*s);
      return out;
    }
    check_table(v, path, entry_schema, rep_);
    const DataValue* first = v.at(1);
    std::optional<params::Scalar> s;
    if (first == nullptr) {
      rep_.error(
          path,
          "valeur manquante : écrivez { valeur, status = \"…\", reference = \"…\" }, la valeur en premier");
    } else {
      s = scalar(*first, path + "[1]", unit);
    }
    out.status = valid_status(v);
    out.reference = shown_text(v, "reference");
    out.note = shown_text(v, "note");
    if (!s) return std::nullopt;
    out.value = std::move(*s);
    return out;
  }

  // map and cpv_table: { key = value, … }, sorted by key.
  void entries(const DataValue& v, const std::string& path, Kind kind, const Unit& unit,
               params::DatedValue& out) {
    if (v.type != DataValue::Type::table) {
      rep_.error(path, "table attendue { clé = valeur, … }, trouvé " + describe(v));
      return;
    }
    if (v.fields.empty()) rep_.error(path, "table vide : indiquez au moins une entrée");
    for (const DataField& f : v.fields) {
      const std::string entry_path = child_path(path, f);
      if (!f.named) {
        const std::string n = std::to_string(f.index);
        rep_.error(
            entry_path,
            kind == Kind::cpv_table
                ? "clé CPV écrite comme un nombre : écrivez-la entre guillemets, [\"" + n + "\"] = valeur"
                : "clé numérique : les clés d'une table sont des noms, écrivez nom = valeur");
        continue;
      }
      if (kind == Kind::cpv_table && (f.name.size() > 8 || !all_digits(f.name))) {
        rep_.error(entry_path,
                   "clé CPV invalide « " + f.name +
                       " » : écrivez un préfixe de code CPV de 0 à 8 chiffres, sans tiret ni chiffre de "
                       "contrôle (\"\" pour la valeur par défaut)");
        continue;
      }
      if (kind == Kind::map && text::trim(f.name).empty()) {
        rep_.error(entry_path, "clé vide : nommez l'entrée");
        continue;
      }
      if (auto l = leaf(f.value, entry_path, unit)) out.entries.emplace_back(f.name, std::move(*l));
    }
    std::sort(out.entries.begin(), out.entries.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
  }

  // cpv_list: { "75121", "8531", … }, sorted.
  void codes(const DataValue& v, const std::string& path, params::DatedValue& out) {
    if (v.type != DataValue::Type::table) {
      rep_.error(path, "liste de codes CPV attendue { \"75121\", \"8531\", … }, trouvé " + describe(v));
      return;
    }
    const std::vector<const DataField*> items = list_items(v, path);
    if (v.fields.empty()) rep_.error(path, "liste vide : indiquez au moins un code CPV");
    std::map<std::string, std::string, std::less<>> seen;  // code -> where first written
    for (const DataField* f : items) {
      const std::string item_path = child_path(path, *f);
      const DataValue& item = f->value;
      if (item.type == DataValue::Type::number) {
        rep_.error(item_path, "code CPV écrit comme un nombre (" + number_text(item.number) +
                                  ") : écrivez-le entre guillemets, \"" + number_text(item.number) + "\"");
        continue;
      }
      auto code = text_value(item, item_path);
      if (!code) continue;
      if (code->size() < 2 || code->size() > 8 || !all_digits(*code)) {
        rep_.error(item_path,
                   "code CPV invalide « " + *code +
                       " » : écrivez un préfixe de 2 à 8 chiffres, sans tiret ni chiffre de contrôle");
        continue;
      }
      if (auto [it, fresh] = seen.emplace(*code, item_path); !fresh) {
        rep_.error(item_path,
                   "code « " + *code + " » en double (déjà en " + it->second + ") : retirez l'un des deux");
        continue;
      }
      out.codes.push_back(*code);
    }
    std::sort(out.codes.begin(), out.codes.end());
  }

  // `values`: dated values in strictly ascending order. `unit` is null when
  // the kind or unit is wrong (the values are then checked for their dates,
  // status and references only).
  void check_values(const DataValue& root, params::Parameter& p, const Unit* unit) {
    const DataValue* values = root.get("values");
    if (values == nullptr) {
      report_missing(
          rep_, "", "values",
          "écrivez values = { { from = \"AAAA-MM-JJ\", value = …, status = \"…\", reference = \"…\" "
          "} }");
      return;
    }
    if (values->type != DataValue::Type::table) {
      rep_.error("values", "liste de valeurs datées attendue { { from = …, value = … }, … }, trouvé " +
                               describe(*values));
      return;
    }
    if (values->fields.empty()) rep_.error("values", "liste vide : indiquez au moins une valeur datée");
    std::optional<Date> previous;
    std::string previous_path;
    for (const DataField* f : list_items(*values, "values")) {
      const std::string path = child_path("values", *f);
      const DataValue& v = f->value;
      if (v.type != DataValue::Type::table) {
        rep_.error(path,
                   "valeur datée attendue { from = \"AAAA-MM-JJ\", value = …, status = \"…\" }, trouvé " +
                       describe(v));
        continue;
      }
      check_table(v, path, value_schema, rep_);
      params::DatedValue d;
      d.path = path;
      if (const std::string* from = valid_text(v, "from")) {
        if (std::optional<Date> date = Date::parse_iso(*from)) {
          if (previous && *date <= *previous) {
            rep_.error(path + ".from", "la date « " + date->iso() + " » doit suivre celle de " +
                                           previous_path + " (« " + previous->iso() +
                                           " ») : classez les valeurs par date croissante, sans doublon");
          }
          d.from = *date;
          previous = date;
          previous_path = path;
        }
      }
      if (const DataValue* r = v.get("repealed"); r != nullptr) {
        if (r->type != DataValue::Type::boolean || !r->boolean) {
          rep_.error(path + ".repealed",
                     "écrivez repealed = true pour mettre fin à la validité, ou retirez ce champ");
        } else if (f->index == 1) {
          rep_.error(
              path + ".repealed",
              "la première valeur ne peut pas être une abrogation : commencez par la valeur en vigueur");
        } else {
          d.repealed = true;
        }
      }
      const DataValue* value = v.get("value");
      if (d.repealed && value != nullptr) {
        rep_.error(path + ".value",
                   "une abrogation (repealed = true) n'a pas de valeur : retirez value ou repealed");
      } else if (!d.repealed && value == nullptr) {
        report_missing(
            rep_, path, "value",
            "écrivez la valeur en vigueur à partir de cette date (ou repealed = true pour y mettre "
            "fin)");
      } else if (value != nullptr && unit != nullptr) {
        const std::string value_path = path + ".value";
        switch (p.kind) {
          case Kind::number:
          case Kind::boolean:
          case Kind::text:
          case Kind::date:
            if (auto s = scalar(*value, value_path, *unit)) d.scalar.value = std::move(*s);
            break;
          case Kind::map:
          case Kind::cpv_table: entries(*value, value_path, p.kind, *unit, d); break;
          case Kind::cpv_list: codes(*value, value_path, d); break;
          case Kind::directory: check_directory(*value, value_path, d, rep_); break;
        }
      }
      if (auto s = valid_status(v)) d.status = *s;
      d.reference = shown_text(v, "reference");
      if (d.reference.empty() && p.reference.empty() && v.get("reference") == nullptr) {
        rep_.error(path,
                   "référence manquante : ajoutez reference = \"…\" (article, décret, avis au JO, source) à "
                   "cette valeur, ou au paramètre pour toutes ses valeurs");
      }
      d.note = shown_text(v, "note");
      p.values.push_back(std::move(d));
    }
  }

  DataReporter& rep_;
};

}  // namespace

SchemaField status_field(bool required) {
  static const std::vector<std::string_view> ids = [] {
    std::vector<std::string_view> out;
    for (Status s : params::all_statuses) out.push_back(params::status_id(s));
    return out;
  }();
  return {.name = "status",
          .kind = DataKind::text,
          .required = required,
          .when_missing = "écrivez status = \"verifie\", \"partiel\", \"a-verifier\" ou \"hypothese\"",
          .allowed = ids,
          .unknown = "statut inconnu"};
}

std::optional<Status> valid_status(const DataValue& table) {
  const std::string* id = valid_text(table, "status");
  return id == nullptr ? std::nullopt : params::status_from_id(*id);
}

params::Parameter check_rule(const DataValue& root, std::string_view name, DataReporter& rep) {
  return RuleChecker(rep).parameter(root, name);
}

void check_rule_index(const DataValue& root, DataReporter& rep) { check_table(root, "", index_schema, rep); }

}  // namespace clausier::lua
