#include "lua/local_policy.hpp"

#include <algorithm>
#include <system_error>

#include "base/paths.hpp"
#include "base/suggest.hpp"
#include "lua/data_file.hpp"
#include "lua/data_schema.hpp"
#include "lua/rule_checker.hpp"

namespace clausier::lua {
namespace {

namespace fs = std::filesystem;

// "heures.taux_insertion": lower-case words, digits and _, joined by dots.
bool is_parameter_name(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.back() == '.') return false;
  char previous = '.';
  for (char c : name) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!word && c != '.') return false;
    if (c == '.' && previous == '.') return false;
    previous = c;
  }
  return true;
}

// A parameter name written at the top of the file rather than in `parametres`.
std::string misplaced_parameter(std::string_view field) {
  if (!is_parameter_name(field) || field.find('.') == std::string_view::npos) return {};
  return "les paramètres se placent dans parametres = { [\"" + std::string(field) + "\"] = { … } }";
}

const SchemaField policy_fields[] = {
    {.name = "description", .kind = DataKind::text},
    {.name = "reference", .kind = DataKind::text},
    {.name = "parametres",
     .kind = DataKind::table,
     .required = true,
     .when_missing = "écrivez parametres = { [\"heures.taux_insertion\"] = { values = { { from = "
                     "\"AAAA-MM-JJ\", value = …, status = \"…\" } } } }",
     .expected = "table attendue { [\"nom.du.parametre\"] = { … }, … }"},
};
const DataSchema policy_schema{.fields = policy_fields, .unknown_hint = misplaced_parameter};

constexpr std::string_view shape_fields[] = {"unit", "kind", "key"};

// The national parameter's value of a shape field ("unit", "kind", "key").
std::string shape_of(const params::Parameter& p, std::string_view field) {
  if (field == "unit") return p.unit;
  if (field == "kind") return std::string(params::kind_id(p.kind));
  return p.key;
}

void set_field(DataValue& table, std::string_view name, std::string text) {
  for (DataField& f : table.fields) {
    if (f.named && f.name == name) {
      f.value = text_value(std::move(text));
      return;
    }
  }
  DataField f;
  f.name = std::string(name);
  f.value = text_value(std::move(text));
  table.fields.push_back(std::move(f));
}

// One entry of `parametres`: completed from the national parameter, checked.
std::optional<params::Parameter> policy_entry(const DataField& f, const std::string& path,
                                              const params::ParameterSet& base,
                                              const std::string& default_reference, DataReporter& rep) {
  const std::string& name = f.name;
  DataValue entry = f.value;
  const params::Parameter* national = base.find(name);
  bool shape_ok = true;
  if (national == nullptr) {
    std::vector<std::string> names;
    for (const auto& [n, p] : base.all()) names.push_back(n);
    std::string message = "le paramètre « " + name + " » n'existe pas dans les règles nationales : ";
    if (const std::string guess = closest_word(name, names); !guess.empty()) {
      message += "vouliez-vous écrire « " + guess + " » ? ";
    }
    rep.warning(path,
                message + "il est ajouté tel quel (description, unit et kind doivent alors être donnés)");
  } else {
    if (entry.get("description") == nullptr) set_field(entry, "description", national->description);
    for (std::string_view field : shape_fields) {
      const std::string expected = shape_of(*national, field);
      const DataValue* given = entry.get(field);
      if (given == nullptr) {
        if (!expected.empty()) set_field(entry, field, expected);
      } else if (given->type == DataValue::Type::string && given->text != expected) {
        const std::string written = given->text;
        shape_ok = false;
        // The values are checked against the national shape, so that one
        // mistake gives one message.
        if (expected.empty()) {
          std::erase_if(entry.fields, [&](const DataField& g) { return g.named && g.name == field; });
        } else {
          set_field(entry, field, expected);
        }
        rep.error(child_path(path, field),
                  std::string(field) + " = \"" + written + "\" au lieu de " +
                      (expected.empty() ? "rien" : "\"" + expected + "\"") +
                      " : un paramètre de la politique locale garde la forme (kind, unit, key) du "
                      "paramètre national qu'il remplace, les plugins le lisent ainsi ; retirez ce champ "
                      "ou corrigez-le");
      }
    }
  }
  if (entry.get("reference") == nullptr && !default_reference.empty())
    set_field(entry, "reference", default_reference);
  std::sort(entry.fields.begin(), entry.fields.end());
  DataReporter sub = rep.nested(path);
  params::Parameter p = check_rule(entry, name, sub);
  if (sub.failed || !shape_ok) {
    rep.failed = true;
    return std::nullopt;
  }
  return p;
}

}  // namespace

std::optional<LocalPolicy> load_policy_text(std::string_view source, std::string_view display,
                                            const params::ParameterSet& base, DiagnosticSink& diags,
                                            const Limits& limits) {
  DataReporter rep{std::string(display), diags};
  std::optional<DataValue> root = run_data_file(source, rep, limits);
  if (!root) return std::nullopt;
  LocalPolicy out;
  out.file = std::string(display);
  check_table(*root, "", policy_schema, rep);
  out.description = shown_text(*root, "description");
  out.reference = shown_text(*root, "reference");
  const DataValue* parameters = root->get("parametres");
  if (parameters == nullptr || parameters->type != DataValue::Type::table) return out;
  if (parameters->fields.empty()) rep.warning("parametres", "aucun paramètre : la politique ne change rien");
  for (const DataField& f : parameters->fields) {
    const std::string path = child_path("parametres", f);
    if (!f.named) {
      rep.error(path,
                "élément sans nom : écrivez le nom du paramètre entre crochets et guillemets, "
                "[\"heures.taux_insertion\"] = { values = { … } }");
      continue;
    }
    if (!is_parameter_name(f.name)) {
      rep.error(path,
                "nom de paramètre invalide « " + f.name +
                    " » : écrivez le nom du paramètre national, comme « heures.taux_insertion » (minuscules "
                    "sans accent, chiffres, _ et points)");
      continue;
    }
    if (f.value.type != DataValue::Type::table) {
      rep.error(path, "table attendue { values = { … } }, trouvé " + describe(f.value));
      continue;
    }
    if (auto p = policy_entry(f, path, base, out.reference, rep)) {
      p->file = out.file;
      out.parameters.push_back(std::move(*p));
    }
  }
  return out;
}

std::optional<LocalPolicy> load_policy(const fs::path& file, const params::ParameterSet& base,
                                       DiagnosticSink& diags, const Limits& limits) {
  std::string source;
  std::error_code ec;
  if (!fs::is_regular_file(file, ec) || !read_file(file, source)) {
    diags.error(Location::in_file(display_path(file)),
                "fichier de politique locale introuvable ou illisible : vérifiez le chemin donné (option "
                "--policy)");
    return std::nullopt;
  }
  return load_policy_text(source, display_path(file), base, diags, limits);
}

}  // namespace clausier::lua
