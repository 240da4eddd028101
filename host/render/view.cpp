#include "render/view.hpp"

#include <algorithm>

#include "base/french.hpp"
#include "params/parameter.hpp"

namespace clausier::render {
namespace {

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
  v.set("nature", View::text(std::string(nature_label(lot.nature))));
  v.set("type_acheteur", View::text(std::string(buyer_type_label(lot.type_acheteur))));
  v.set("cpv", View::text(lot.cpv));
  v.set("montant", View::text(fr::euros_cents(lot.montant_ht_cents)));
  v.set("duree", View::text(lot.duree_mois ? std::to_string(*lot.duree_mois) + " mois" : std::string()));
  v.set("date_lancement", View::text(fr::date_long(lot.date_lancement)));
  v.set("lieu", View::text(lot.lieu));
  v.set("anru", View::boolean(lot.anru.value_or(false)));
  return v;
}

View clause_part(const ClauseResult& r, const engine::ClauseInfo* info) {
  View v;
  v.set("type", View::text(r.type));
  v.set("titre", View::text(info != nullptr ? info->title : r.type));
  v.set("verdict", View::text(r.verdict ? std::string(verdict_id(*r.verdict)) : std::string()));
  v.set("verdict_libelle", View::text(r.verdict ? std::string(verdict_label(*r.verdict)) : std::string()));
  v.set("obligatoire", View::boolean(r.verdict == Verdict::obligatoire));
  v.set("a_heures", View::boolean(r.hours.has_value()));
  v.set("heures", View::text(r.hours ? fr::integer(*r.hours) : std::string()));
  v.set("heures_texte", View::text(r.hours ? fr::hours(*r.hours) : std::string()));
  v.set("motifs", text_list(r.reasons));
  v.set("avertissements", text_list(r.warnings));
  v.set("fondements", text_list(r.basis));
  View values;
  for (const auto& [name, value] : r.values) {
    params::Scalar scalar;
    if (const auto* d = std::get_if<double>(&value)) {
      scalar = *d;
    } else if (const auto* b = std::get_if<bool>(&value)) {
      scalar = *b;
    } else {
      scalar = std::get<std::string>(value);
    }
    values.set(name, View::text(params::format_value(scalar, unit_of(info, name))));
  }
  v.set("valeurs", std::move(values));
  View trace = View::list();
  for (const auto& t : r.trace) {
    View row;
    row.set("parametre", View::text(t.parameter));
    row.set("cle", View::text(t.matched.empty() ? t.key : t.matched));
    row.set("valeur", View::text(t.value));
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

}  // namespace

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

View clause_view(const LotEvaluation& evaluation, const ClauseResult& result, const engine::ClauseInfo* info,
                 const DocumentContext& context) {
  const Lot& lot = evaluation.lot;
  View root;
  View document;
  document.set("titre", View::text(info != nullptr ? info->title : result.type));
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
  consultation.set("montant_total", View::text(fr::euros_cents(evaluation.consultation.montant_ht_cents)));
  consultation.set("nb_lots", View::text(std::to_string(evaluation.consultation.lots)));
  consultation.set("plusieurs_lots", View::boolean(evaluation.consultation.lots > 1));
  root.set("consultation", std::move(consultation));
  root.set("clause", clause_part(result, info));
  // The facilitator directory comes with the documents issue; until then the
  // templates show a placeholder the buyer fills in.
  View facilitateur;
  facilitateur.set("connu", View::boolean(false));
  facilitateur.set("structure", View::text(""));
  facilitateur.set("adresse", View::text(""));
  facilitateur.set("courriel", View::text(""));
  facilitateur.set("telephone", View::text(""));
  root.set("facilitateur", std::move(facilitateur));
  return root;
}

View document_view(const LotEvaluation& evaluation, const std::vector<const ClauseResult*>& matched,
                   const std::vector<engine::ClauseInfo>& infos, const DocumentContext& context) {
  const auto info_of = [&infos](const std::string& id) -> const engine::ClauseInfo* {
    for (const auto& i : infos) {
      if (i.id == id) return &i;
    }
    return nullptr;
  };
  if (matched.empty()) return View();
  View root = clause_view(evaluation, *matched.front(), info_of(matched.front()->type), context);
  View clauses = View::list();
  View by_type;
  for (const ClauseResult* r : matched) {
    View part = clause_part(*r, info_of(r->type));
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
