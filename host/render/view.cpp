#include "render/view.hpp"

#include <algorithm>

#include "base/french.hpp"
#include "base/territory.hpp"
#include "base/text.hpp"
#include "model/lot_field.hpp"
#include "params/parameter.hpp"

namespace clausier::render {
namespace {

const engine::ClauseInfo* info_of(const std::vector<engine::ClauseInfo>& infos, const std::string& id) {
  for (const auto& i : infos) {
    if (i.id == id) return &i;
  }
  return nullptr;
}

std::string unit_of(const engine::ClauseInfo* info, const std::string& name) {
  if (info == nullptr) return {};
  for (const auto& [value, unit] : info->units) {
    if (value == name) return unit;
  }
  return {};
}

View text_list(const std::vector<std::string>& items) {
  View out = View::list();
  for (const auto& s : items) {
    View item;
    item.set("texte", View::text(fr::print_typography(s)));
    out.push(std::move(item));
  }
  return out;
}

View lot_part(const Lot& lot) {
  View v;
  v.set("reference", View::text(lot.reference));
  v.set("consultation", View::text(lot.consultation));
  v.set("numero", View::text(lot.lot));
  v.set("a_numero", View::boolean(!lot.lot.empty()));
  v.set("objet", View::text(lot.objet));
  v.set("nature", View::text(nature_text(lot)));
  v.set("type_acheteur", View::text(std::string(buyer_type_label(lot.type_acheteur))));
  v.set("cpv", View::text(lot.cpv));
  v.set("montant", View::text(montant_text(lot)));
  v.set("duree", View::text(lot.duree_mois ? std::to_string(*lot.duree_mois) + " mois" : std::string()));
  v.set("date_lancement", View::text(fr::date_long(lot.date_lancement)));
  v.set("lieu", View::text(lot.lieu));
  v.set("departement", View::text(departement_of(lot.lieu).value_or("")));
  v.set("anru", View::boolean(lot.anru.value_or(false)));
  v.set("concession", View::boolean(lot.concession.value_or(false)));
  return v;
}

// What a person reads for a trace entry's parameter: the description the rules
// give it, or, for a value set in the programme, the header of its column.
std::string parameter_label(const TraceEntry& t, const params::Parameter* p) {
  if (p != nullptr && !p->description.empty()) return fr::print_typography(p->description);
  if (const auto field = lot_field_from_key(t.parameter)) {
    return std::string(lot_field(*field).header) + " (programme)";
  }
  return t.parameter;
}

// The key a trace entry's value was found under, for a person: the label of a
// buyer type or a nature, a CPV code; empty when the value says it already
// (a map of texts: the exception grounds, the categories).
std::string key_label(const TraceEntry& t, const params::Parameter* p) {
  if (p != nullptr && p->kind == params::Kind::cpv_list)
    return t.key.empty() ? std::string() : "code CPV " + t.key;
  if (p != nullptr && p->kind == params::Kind::cpv_table && !t.key.empty()) {
    // The value of the longest prefix written, or the table's default ("").
    if (t.matched.empty()) return "autres codes CPV";
    return t.matched == t.key ? "code CPV " + t.key : "codes CPV " + t.matched + "…";
  }
  const std::string& key = t.matched.empty() ? t.key : t.matched;
  if (key.empty() || p == nullptr) return {};
  if (p->key == "type_acheteur") {
    if (const auto type = buyer_type_from_id(key)) return std::string(buyer_type_label(*type));
  }
  if (p->key == "nature") {
    if (const auto nature = nature_from_id(key)) return std::string(nature_label(*nature));
  }
  if (p->kind == params::Kind::map && p->unit == "texte") return {};
  return key;
}

View clause_part(const ClauseResult& r, const engine::ClauseInfo* info, const params::ParameterSet* rules) {
  View v;
  v.set("type", View::text(r.type));
  v.set("titre", View::text(fr::print_typography(info != nullptr ? info->title : r.type)));
  v.set("verdict", View::text(r.verdict ? std::string(verdict_id(*r.verdict)) : std::string()));
  v.set("verdict_libelle", View::text(r.verdict ? std::string(verdict_label(*r.verdict)) : std::string()));
  v.set("obligatoire", View::boolean(r.verdict == Verdict::obligatoire));
  v.set("a_heures", View::boolean(r.hours.has_value()));
  v.set("heures", View::text(r.hours ? fr::integer(*r.hours) : std::string()));
  v.set("heures_texte", View::text(r.hours ? fr::hours(*r.hours) : std::string()));
  v.set("motifs", text_list(texts(r.reasons)));
  v.set("avertissements", text_list(texts(r.warnings)));
  v.set("fondements", text_list(r.basis));
  View values;
  View flags;  // each value as a boolean, for sections: a true flag, a non-zero number, a text
  for (const auto& [name, value] : r.values) {
    params::Scalar scalar;
    bool set = false;
    if (const auto* d = std::get_if<double>(&value)) {
      scalar = *d;
      set = *d != 0;
    } else if (const auto* b = std::get_if<bool>(&value)) {
      scalar = *b;
      set = *b;
    } else {
      scalar = std::get<std::string>(value);
      set = !std::get<std::string>(value).empty();
    }
    values.set(name, View::text(params::format_value(scalar, unit_of(info, name))));
    flags.set(name, View::boolean(set));
  }
  v.set("valeurs", std::move(values));
  v.set("indicateurs", std::move(flags));
  View trace = View::list();
  for (const auto& t : r.trace) {
    View row;
    const params::Parameter* parameter = rules != nullptr ? rules->find(t.parameter) : nullptr;
    row.set("parametre", View::text(t.parameter));
    row.set("libelle", View::text(parameter_label(t, parameter)));
    row.set("cle_libelle", View::text(fr::print_typography(key_label(t, parameter))));
    row.set("cle", View::text(t.matched.empty() ? t.key : t.matched));
    row.set("valeur", View::text(fr::print_typography(parameter != nullptr ? parameter->label_of(t.value)
                                                                           : std::string_view(t.value))));
    const auto from = Date::parse_iso(t.from);
    row.set("depuis", View::text(from ? fr::date_long(*from) : std::string()));
    row.set("reference", View::text(fr::print_typography(t.reference)));
    const auto status = params::status_from_id(t.status);
    row.set("statut", View::text(status ? std::string(params::status_label(*status))
                                        : (t.status == "saisie" ? "saisi dans le programme" : t.status)));
    trace.push(std::move(row));
  }
  v.set("parametres", std::move(trace));
  return v;
}

// The results of the lot's other clause types that a buyer could use
// (obligatoire, recommandee, possible): the levers of a justification memo.
View levers(const LotEvaluation& evaluation, const std::vector<engine::ClauseInfo>& infos) {
  View out = View::list();
  for (const auto& r : evaluation.clauses) {
    if (!r.verdict || *r.verdict == Verdict::exclue) continue;
    const engine::ClauseInfo* info = info_of(infos, r.type);
    View item;
    item.set("type", View::text(r.type));
    item.set("titre", View::text(fr::print_typography(info != nullptr ? info->title : r.type)));
    item.set("verdict", View::text(std::string(verdict_id(*r.verdict))));
    item.set("verdict_libelle", View::text(std::string(verdict_label(*r.verdict))));
    item.set("heures_texte", View::text(r.hours ? fr::hours(*r.hours) : std::string()));
    out.push(std::move(item));
  }
  return out;
}

// "a ; b ; c" -> [a, b, c]
View elements(std::string_view s) {
  View out = View::list();
  while (!s.empty()) {
    const std::size_t cut = s.find(';');
    const std::string_view part = text::trim(s.substr(0, cut));
    if (!part.empty()) {
      View item;
      item.set("texte", View::text(fr::print_typography(part)));
      out.push(std::move(item));
    }
    s = cut == std::string_view::npos ? std::string_view() : s.substr(cut + 1);
  }
  return out;
}

// The object at `path` below `root` ("critere" of "critere.poids_suggere"), created as needed.
View& object_at(View& root, std::string_view dotted) {
  View* node = &root;
  while (!dotted.empty()) {
    const std::size_t dot = dotted.find('.');
    node = &node->child(std::string(dotted.substr(0, dot)));
    dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
  }
  return *node;
}

std::string status_text(params::Status s) { return std::string(params::status_label(s)); }

}  // namespace

View facilitator_view(const params::ParameterSet* rules, Date date, std::string_view lieu) {
  std::optional<params::Lookup> found;
  if (rules != nullptr) found = params::directory_entry(*rules, params::facilitator_directory, date, lieu);
  const params::Leaf* entry = found ? found->leaf : nullptr;
  const auto detail = [&](std::string_view name) {
    if (!found) return View::text(std::string());
    // Addresses of pages and mailboxes are copied as written; the rest is prose.
    const std::string_view text = found->detail(name);
    return View::text(name == "site" || name == "courriel" ? std::string(text) : fr::print_typography(text));
  };
  View v;
  v.set("connu", View::boolean(entry != nullptr));
  v.set("departement", View::text(found ? std::string(found->matched_key) : std::string()));
  v.set("structure", View::text(entry != nullptr ? fr::print_typography(std::get<std::string>(entry->value))
                                                 : std::string()));
  for (std::string_view field : params::directory_fields) v.set(std::string(field), detail(field));
  bool contact = false;
  for (std::string_view field : params::directory_contact_fields) {
    contact = contact || (found && !found->detail(field).empty());
  }
  v.set("a_coordonnees", View::boolean(contact));
  v.set("statut", View::text(found ? status_text(found->status()) : std::string()));
  v.set("a_verifier", View::boolean(found && found->status() != params::Status::verifie));
  v.set("source", View::text(found ? fr::print_typography(found->reference()) : std::string()));
  v.set("note", View::text(entry != nullptr ? fr::print_typography(entry->note) : std::string()));
  return v;
}

// A map of texts (the exception grounds of L2112-2-1…): its entries, each
// with its own source and status, in key order.
View text_map_view(const params::Parameter& p, const params::DatedValue& v) {
  View leaf;
  leaf.set("depuis", View::text(fr::date_long(v.from)));
  leaf.set("reference", View::text(fr::print_typography(v.reference.empty() ? p.reference : v.reference)));
  leaf.set("statut", View::text(status_text(v.status)));
  View entries = View::list();
  for (const auto& [key, entry] : v.entries) {
    const auto* t = std::get_if<std::string>(&entry.value);
    if (t == nullptr) continue;
    const params::Status status = entry.status.value_or(v.status);
    View item;
    item.set("cle", View::text(key));
    item.set("texte", View::text(fr::print_typography(*t)));
    const std::string& reference = entry.reference.empty() ? v.reference : entry.reference;
    item.set("reference", View::text(fr::print_typography(reference.empty() ? p.reference : reference)));
    item.set("statut", View::text(status_text(status)));
    item.set("a_verifier", View::boolean(status != params::Status::verifie));
    item.set("note", View::text(fr::print_typography(entry.note)));
    entries.push(std::move(item));
  }
  leaf.set("entrees", std::move(entries));
  return leaf;
}

View rules_view(const params::ParameterSet* rules, Date date) {
  View root;
  if (rules == nullptr) return root;
  for (const auto& [name, p] : rules->all()) {
    const std::size_t dot = name.rfind('.');
    if (p.kind == params::Kind::map && p.unit == "texte") {
      const params::DatedValue* v = p.at(date);
      if (v == nullptr || v->repealed) continue;
      View& parent = dot == std::string::npos ? root : object_at(root, std::string_view(name).substr(0, dot));
      parent.set(dot == std::string::npos ? name : name.substr(dot + 1), text_map_view(p, *v));
      continue;
    }
    if (p.kind != params::Kind::number && p.kind != params::Kind::boolean && p.kind != params::Kind::text &&
        p.kind != params::Kind::date) {
      continue;
    }
    const auto found = rules->lookup(name, date);
    const auto* lookup = std::get_if<params::Lookup>(&found);
    if (lookup == nullptr) continue;
    const params::Scalar& value = lookup->leaf->value;
    View leaf;
    leaf.set("valeur", View::text(fr::print_typography(params::format_value(value, p.unit))));
    leaf.set("depuis", View::text(fr::date_long(lookup->dated->from)));
    leaf.set("reference", View::text(fr::print_typography(lookup->reference())));
    leaf.set("statut", View::text(status_text(lookup->status())));
    leaf.set("a_verifier", View::boolean(lookup->status() != params::Status::verifie));
    leaf.set("politique_locale", View::boolean(lookup->dated->local_policy));
    const auto* b = std::get_if<bool>(&value);
    leaf.set("vrai", View::boolean(b != nullptr && *b));
    const auto* t = std::get_if<std::string>(&value);
    leaf.set("elements", t != nullptr ? elements(*t) : View::list());
    View& parent = dot == std::string::npos ? root : object_at(root, std::string_view(name).substr(0, dot));
    parent.set(dot == std::string::npos ? name : name.substr(dot + 1), std::move(leaf));
  }
  return root;
}

View View::text(std::string s) {
  View v;
  v.type_ = Type::text;
  v.text_ = std::move(s);
  return v;
}

View View::boolean(bool b) {
  View v;
  v.type_ = Type::boolean;
  v.flag_ = b;
  return v;
}

View View::list() {
  View v;
  v.type_ = Type::list;
  return v;
}

View& View::set(const std::string& key, View v) {
  for (auto& [k, existing] : fields_) {
    if (k == key) {
      existing = std::move(v);
      return existing;
    }
  }
  fields_.emplace_back(key, std::move(v));
  return fields_.back().second;
}

View& View::child(const std::string& key) {
  for (auto& [k, existing] : fields_) {
    if (k == key) return existing;
  }
  fields_.emplace_back(key, View());
  return fields_.back().second;
}

View& View::push(View v) {
  items_.push_back(std::move(v));
  return items_.back();
}

const View* View::find(std::string_view dotted) const {
  const View* node = this;
  while (!dotted.empty()) {
    const auto dot = dotted.find('.');
    const std::string_view head = dotted.substr(0, dot);
    const View* next = nullptr;
    for (const auto& [k, v] : node->fields_) {
      if (k == head) next = &v;
    }
    if (next == nullptr) return nullptr;
    node = next;
    dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
  }
  return node;
}

bool View::is_blank() const {
  switch (type_) {
    case Type::text: return text_.empty();
    case Type::boolean: return !flag_;
    case Type::list: return items_.empty();
    case Type::object: return fields_.empty();
  }
  return true;
}

View clause_view(const LotEvaluation& evaluation, const ClauseResult& result,
                 const std::vector<engine::ClauseInfo>& infos, const DocumentContext& context) {
  const Lot& lot = evaluation.lot;
  const engine::ClauseInfo* info = info_of(infos, result.type);
  View root;
  View document;
  document.set("titre", View::text(fr::print_typography(info != nullptr ? info->title : result.type)));
  document.set("date", View::text(fr::date_long(context.generated)));
  document.set("generateur", View::text(context.generator));
  root.set("document", std::move(document));
  View acheteur;
  acheteur.set("nom", View::text(lot.acheteur));
  acheteur.set("type", View::text(std::string(buyer_type_label(lot.type_acheteur))));
  root.set("acheteur", std::move(acheteur));
  root.set("lot", lot_part(lot));
  View consultation;
  consultation.set("reference", View::text(lot.consultation));
  consultation.set("montant_total", View::text(total_text(lot, evaluation.consultation)));
  consultation.set("nb_lots", View::text(std::to_string(evaluation.consultation.lots)));
  consultation.set("plusieurs_lots", View::boolean(evaluation.consultation.lots > 1));
  root.set("consultation", std::move(consultation));
  root.set("clause", clause_part(result, info, context.rules));
  root.set("leviers", levers(evaluation, infos));
  const Date rules_date = context.as_of.value_or(lot.date_lancement);
  root.set("facilitateur", facilitator_view(context.rules, rules_date, lot.lieu));
  root.set("regles", rules_view(context.rules, rules_date));
  return root;
}

View document_view(const LotEvaluation& evaluation, const std::vector<const ClauseResult*>& matched,
                   const std::vector<engine::ClauseInfo>& infos, const DocumentContext& context) {
  if (matched.empty()) return View();
  View root = clause_view(evaluation, *matched.front(), infos, context);
  View clauses = View::list();
  View by_type;
  for (const ClauseResult* r : matched) {
    View part = clause_part(*r, info_of(infos, r->type), context.rules);
    std::string key = r->type;
    std::replace(key.begin(), key.end(), '-', '_');
    by_type.set(key, part);
    clauses.push(std::move(part));
  }
  root.set("clauses", std::move(clauses));
  root.set("clauses_par_type", std::move(by_type));
  return root;
}

}  // namespace clausier::render
