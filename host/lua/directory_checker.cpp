#include "lua/directory_checker.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "base/territory.hpp"
#include "lua/data_schema.hpp"
#include "lua/rule_checker.hpp"

namespace clausier::lua {
namespace {

using params::Status;

const DataSchema& directory_entry_schema() {
  // A directory entry: its structure, the details of params::directory_fields,
  // and what is said of it.
  static const SchemaField directory_entry_fields[] = {
      {.name = "structure",
       .kind = DataKind::text,
       .required = true,
       .when_missing = "écrivez structure = \"…\", le nom de la structure facilitatrice"},
      {.name = "institution",
       .kind = DataKind::text,
       .required = true,
       .when_missing =
           "écrivez institution = \"…\", la collectivité, le groupement ou l'association qui la porte"},
      {.name = "site", .kind = DataKind::text},
      {.name = "courriel", .kind = DataKind::text},
      {.name = "telephone", .kind = DataKind::text},
      {.name = "adresse", .kind = DataKind::text},
      {.name = "relais", .kind = DataKind::text},
      status_field(true),
      {.name = "reference",
       .kind = DataKind::text,
       .required = true,
       .when_missing = "écrivez reference = \"…\", la source de cette fiche (page, document)"},
      {.name = "note", .kind = DataKind::text},
  };
  static const DataSchema schema{directory_entry_fields};
  return schema;
}

void check_site(const std::string& site, const std::string& path, DataReporter& rep) {
  const bool web = site.starts_with("https://") || site.starts_with("http://");
  if (!web || site.find(' ') != std::string::npos) {
    rep.error(path, "adresse de page « " + site +
                        " » invalide : écrivez l'adresse complète, https://…, copiée de la source");
  }
}

void check_mail(const std::string& mail, const std::string& path, DataReporter& rep) {
  const std::size_t at = mail.find('@');
  const bool ok = at != std::string::npos && at > 0 && mail.find('@', at + 1) == std::string::npos &&
                  mail.find('.', at) != std::string::npos && mail.back() != '.' &&
                  mail.find(' ') == std::string::npos;
  if (!ok) {
    rep.error(path, "courriel « " + mail +
                        " » invalide : écrivez une adresse générique de la structure, nom@domaine.fr");
  }
}

// "02 33 81 60 00", "02.33.81.60.00", "+33 2 33 81 60 00".
void check_phone(const std::string& phone, const std::string& path, DataReporter& rep) {
  std::string digits;
  bool other = false;
  for (char c : phone) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != ' ' && c != '.' && c != '-' && !(c == '+' && digits.empty())) {
      other = true;
    }
  }
  const bool national = digits.size() == 10 && digits.front() == '0';
  const bool international = phone.starts_with("+33") && digits.size() == 11;
  if (other || !(national || international)) {
    rep.error(path, "numéro de téléphone « " + phone +
                        " » invalide : écrivez les dix chiffres du standard, 02 33 00 00 00");
  }
}

// One département's entry: its structure as the value, its details in the
// order of params::directory_fields; nothing when it has an error.
std::optional<params::Leaf> directory_entry(const DataValue& v, const std::string& path,
                                            std::vector<std::pair<std::string, std::string>>& details,
                                            DataReporter& rep) {
  const bool failed_before = rep.failed;
  rep.failed = false;
  check_table(v, path, directory_entry_schema(), rep);
  params::Leaf out;
  if (const std::string* name = valid_text(v, "structure")) out.value = *name;
  bool has_contact = false;
  for (std::string_view field : params::directory_fields) {
    if (valid_text(v, field) == nullptr) continue;
    std::string text = *valid_text(v, field);
    const std::string field_path = child_path(path, field);
    if (field == "site") check_site(text, field_path, rep);
    if (field == "courriel") check_mail(text, field_path, rep);
    if (field == "telephone") check_phone(text, field_path, rep);
    const auto& contacts = params::directory_contact_fields;
    if (std::find(std::begin(contacts), std::end(contacts), field) != std::end(contacts)) has_contact = true;
    details.emplace_back(std::string(field), std::move(text));
  }
  out.status = valid_status(v);
  out.reference = shown_text(v, "reference");
  out.note = shown_text(v, "note");
  if (!has_contact && out.status && *out.status != Status::a_verifier) {
    rep.error(child_path(path, "status"),
              "fiche sans coordonnée (site, courriel, telephone ou adresse) : elle garde le statut "
              "\"a-verifier\" tant qu'aucune coordonnée n'a été relevée dans une source");
  }
  const bool ok = !rep.failed;
  rep.failed = failed_before || rep.failed;
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace

void check_directory(const DataValue& v, const std::string& path, params::DatedValue& out,
                     DataReporter& rep) {
  if (v.type != DataValue::Type::table) {
    rep.error(path, "table attendue { [\"61\"] = { structure = \"…\", … }, … }, trouvé " + describe(v));
    return;
  }
  if (v.fields.empty()) rep.error(path, "annuaire vide : indiquez au moins un département");
  for (const DataField& f : v.fields) {
    const std::string entry_path = child_path(path, f);
    const std::string key = f.named ? f.name : std::to_string(f.index);
    if (!f.named || !is_departement_code(key)) {
      const std::optional<std::string> normal = departement_of(key);
      rep.error(entry_path, "clé « " + key + " » : " +
                                (normal ? "écrivez le code du département, [\"" + *normal + "\"]"
                                        : std::string("écrivez un code de département entre guillemets "
                                                      "et crochets, [\"61\"], [\"2A\"] ou [\"971\"]")));
      continue;
    }
    if (f.value.type != DataValue::Type::table) {
      rep.error(entry_path,
                "fiche attendue { structure = \"…\", institution = \"…\", status = \"…\", "
                "reference = \"…\" }, trouvé " +
                    describe(f.value));
      continue;
    }
    std::vector<std::pair<std::string, std::string>> details;
    if (auto leaf = directory_entry(f.value, entry_path, details, rep)) {
      out.entries.emplace_back(key, std::move(*leaf));
      out.details.emplace(key, std::move(details));
    }
  }
  std::sort(out.entries.begin(), out.entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
}

}  // namespace clausier::lua
