#include "app/workspace_records.hpp"

#include <sstream>

#include "base/french.hpp"
#include "model/evaluation.hpp"
#include "store/lot_json.hpp"

namespace clausier::app::workspace_detail {

store::ProgrammeRow require_programme(const store::WorkspaceStore& store, Poco::Data::Session& s,
                                      const std::string& name) {
  if (auto p = store.find_programme(s, name)) return *p;
  std::string known;
  for (const auto& p : store.programmes(s))
    known += (known.empty() ? "" : ", ") + std::string("« ") + p.name + " »";
  throw WorkspaceError(WorkspaceError::Kind::not_found,
                       "aucun programme « " + name + " » dans l'espace de travail " +
                           (known.empty() ? std::string("(il est vide : importez d'abord un programme avec "
                                                        "« clausier workspace import FICHIER »)")
                                          : "; programmes : " + known));
}

store::VersionRow current_version(const store::WorkspaceStore& store, Poco::Data::Session& s,
                                  const store::ProgrammeRow& programme) {
  if (auto v = store.version(s, programme.id, programme.current_version)) return *v;
  throw WorkspaceError(WorkspaceError::Kind::unavailable,
                       "le programme « " + programme.name + " » n'a pas de version " +
                           std::to_string(programme.current_version) + " : base de données incohérente");
}

std::vector<FieldChange> changed_fields(const Lot& before, const Lot& after) {
  const auto old_fields = store::shown_values(before);
  const auto new_fields = store::shown_values(after);
  std::vector<FieldChange> out;
  for (std::size_t i = 0; i < old_fields.size() && i < new_fields.size(); ++i) {
    if (old_fields[i].second != new_fields[i].second)
      out.push_back({old_fields[i].first, old_fields[i].second, new_fields[i].second});
  }
  return out;
}

Date today_utc() { return Date::parse_iso(store::utc_now().substr(0, 10)).value_or(Date{}); }

std::vector<Motif> motifs_in_force(const params::ParameterSet& params, Date on, bool concession) {
  std::vector<Motif> out;
  const params::Parameter* p = params.find(concession ? concession_motifs_parameter : motifs_parameter);
  if (p == nullptr) return out;
  const params::DatedValue* v = p->at(on);
  if (v == nullptr) return out;
  for (const auto& [id, leaf] : v->entries) {
    const auto* label = std::get_if<std::string>(&leaf.value);
    out.push_back({id, label != nullptr ? *label : id, leaf.reference.empty() ? v->reference : leaf.reference,
                   std::string(params::status_id(leaf.status.value_or(v->status)))});
  }
  return out;
}

void write_decision(writers::JsonWriter& w, const std::optional<store::DecisionRow>& d) {
  if (!d) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("verdict");
  d->verdict ? w.value(*d->verdict) : w.null();
  w.key("hours");
  d->hours ? w.value(*d->hours) : w.null();
  w.key("motif");
  d->motif ? w.value(*d->motif) : w.null();
  w.key("comment");
  d->comment ? w.value(*d->comment) : w.null();
  w.field("author", d->author)
      .field("at", d->decided_at)
      .field("version", static_cast<std::int64_t>(d->version));
  w.end_object();
}

std::string decision_json(const std::optional<store::DecisionRow>& d) {
  std::ostringstream out;
  writers::JsonWriter w(out, 0);
  write_decision(w, d);
  return out.str();
}

std::string decision_text(const store::DecisionRow& d) {
  std::string out;
  const auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
  if (d.verdict) {
    const auto v = verdict_from_id(*d.verdict);
    add(v ? std::string(verdict_label(*v)) : *d.verdict);
  }
  if (d.hours) add(fr::hours(*d.hours));
  if (d.motif) add("motif « " + *d.motif + " »");
  if (d.comment) add("commentaire « " + *d.comment + " »");
  return out.empty() ? "aucune valeur" : out;
}

}  // namespace clausier::app::workspace_detail
