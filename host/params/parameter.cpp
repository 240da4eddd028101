#include "params/parameter.hpp"

#include <algorithm>

#include "base/french.hpp"
#include "base/territory.hpp"

namespace clausier::params {

std::string_view status_id(Status s) {
  switch (s) {
    case Status::verifie: return "verifie";
    case Status::partiel: return "partiel";
    case Status::a_verifier: return "a-verifier";
    case Status::hypothese: return "hypothese";
  }
  return "verifie";
}

std::string_view status_label(Status s) {
  switch (s) {
    case Status::verifie: return "vérifié";
    case Status::partiel: return "partiellement vérifié";
    case Status::a_verifier: return "à vérifier";
    case Status::hypothese: return "hypothèse de praticien";
  }
  return "";
}

std::optional<Status> status_from_id(std::string_view id) {
  for (Status s : all_statuses) {
    if (status_id(s) == id) return s;
  }
  return std::nullopt;
}

std::string_view kind_id(Kind k) {
  switch (k) {
    case Kind::number: return "number";
    case Kind::boolean: return "boolean";
    case Kind::text: return "text";
    case Kind::date: return "date";
    case Kind::map: return "map";
    case Kind::cpv_table: return "cpv_table";
    case Kind::cpv_list: return "cpv_list";
    case Kind::directory: return "directory";
  }
  return "number";
}

std::optional<Kind> kind_from_id(std::string_view id) {
  for (Kind k : all_kinds) {
    if (kind_id(k) == id) return k;
  }
  return std::nullopt;
}

std::string_view Parameter::label_of(std::string_view value) const {
  for (const auto& [word, label] : labels) {
    if (word == value) return label;
  }
  return value;
}

const DatedValue* Parameter::at(Date date) const {
  // values are ascending: the last one starting on or before `date`.
  auto it = std::upper_bound(values.begin(), values.end(), date,
                             [](Date d, const DatedValue& v) { return d < v.from; });
  if (it == values.begin()) return nullptr;
  --it;
  return it->repealed ? nullptr : &*it;
}

std::string_view Lookup::detail(std::string_view field) const {
  if (dated == nullptr) return {};
  const auto entry = dated->details.find(matched_key);
  if (entry == dated->details.end()) return {};
  for (const auto& [name, text] : entry->second) {
    if (name == field) return text;
  }
  return {};
}

std::string_view Lookup::reference() const {
  if (leaf != nullptr && !leaf->reference.empty()) return leaf->reference;
  if (dated != nullptr && !dated->reference.empty()) return dated->reference;
  return parameter != nullptr ? std::string_view(parameter->reference) : std::string_view();
}

Status Lookup::status() const {
  if (leaf != nullptr && leaf->status) return *leaf->status;
  return dated != nullptr ? dated->status : Status::hypothese;
}

void ParameterSet::put(Parameter p) {
  std::string name = p.name;
  params_.insert_or_assign(std::move(name), std::move(p));
}

const Parameter* ParameterSet::find(std::string_view name) const {
  auto it = params_.find(name);
  return it == params_.end() ? nullptr : &it->second;
}

std::variant<Lookup, LookupError> ParameterSet::lookup(std::string_view name, Date date,
                                                       std::optional<std::string_view> key) const {
  const Parameter* p = find(name);
  if (p == nullptr) return LookupError::unknown_parameter;
  const DatedValue* v = p->at(date);
  if (v == nullptr) return LookupError::not_in_force;
  Lookup out{p, v, nullptr, {}, false};
  switch (p->kind) {
    case Kind::number:
    case Kind::boolean:
    case Kind::text:
    case Kind::date: out.leaf = &v->scalar; return out;
    case Kind::map:
    case Kind::directory: {
      if (!key) return LookupError::key_required;
      auto it = std::lower_bound(v->entries.begin(), v->entries.end(), *key,
                                 [](const auto& e, std::string_view k) { return e.first < k; });
      if (it == v->entries.end() || it->first != *key) return LookupError::key_not_found;
      out.leaf = &it->second;
      out.matched_key = it->first;
      return out;
    }
    case Kind::cpv_table: {
      if (!key) return LookupError::key_required;
      // Longest prefix wins; "" (if present) is the default.
      const std::pair<std::string, Leaf>* best = nullptr;
      for (const auto& e : v->entries) {
        if (key->starts_with(e.first) && (best == nullptr || e.first.size() > best->first.size())) {
          best = &e;
        }
      }
      if (best == nullptr) return LookupError::key_not_found;
      out.leaf = &best->second;
      out.matched_key = best->first;
      return out;
    }
    case Kind::cpv_list: {
      if (!key) return LookupError::key_required;
      for (const auto& code : v->codes) {
        if (key->starts_with(code) && code.size() >= out.matched_key.size()) {
          out.member = true;
          out.matched_key = code;
        }
      }
      return out;
    }
  }
  return LookupError::unknown_parameter;
}

std::optional<Lookup> directory_entry(const ParameterSet& params, std::string_view name, Date date,
                                      std::string_view lieu) {
  const Parameter* p = params.find(name);
  if (p == nullptr || p->kind != Kind::directory) return std::nullopt;
  const std::optional<std::string> departement = departement_of(lieu);
  if (!departement) return std::nullopt;
  auto found = params.lookup(name, date, *departement);
  if (const auto* lookup = std::get_if<Lookup>(&found)) return *lookup;
  return std::nullopt;
}

std::string describe(LookupError e, std::string_view name, Date date, std::optional<std::string_view> key) {
  const std::string p =
      std::string(fr::guillemet_open) + std::string(name) + std::string(fr::guillemet_close);
  switch (e) {
    case LookupError::unknown_parameter:
      return "le paramètre " + p + " n'existe pas dans les règles chargées";
    case LookupError::not_in_force:
      return "le paramètre " + p + " n'a pas de valeur en vigueur au " + fr::date_long(date);
    case LookupError::key_required:
      return "le paramètre " + p + " est une table : précisez la clé à consulter";
    case LookupError::key_not_found:
      return "le paramètre " + p + " n'a pas de valeur pour " + std::string(fr::guillemet_open) +
             std::string(key.value_or("")) + std::string(fr::guillemet_close) + " au " + fr::date_long(date);
  }
  return {};
}

std::string format_value(const Scalar& v, std::string_view unit) {
  if (const auto* d = std::get_if<double>(&v)) {
    if (unit == "EUR") return fr::euros(*d);
    if (unit == "EUR/h") return fr::decimal(*d, 2) + std::string(fr::nbsp) + "€/h";
    if (unit == "ratio") return fr::percent(*d);
    if (unit == "heures") return fr::decimal(*d, 2) + (*d >= 2 ? " heures" : " heure");
    if (unit == "mois") return fr::decimal(*d, 0) + " mois";
    if (unit == "jours") return fr::decimal(*d, 0) + (*d >= 2 ? " jours" : " jour");
    if (unit == "nombre") return fr::decimal(*d, 0);
    return fr::decimal(*d, 4);
  }
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "oui" : "non";
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return fr::date_long(std::get<Date>(v));
}

}  // namespace clausier::params
