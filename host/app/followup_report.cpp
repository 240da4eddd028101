// Followup::write_report (the état de réalisation for the buyer, or the final
// report of an ended lot: Markdown in the document skeletons of
// templates/_formats/) and Followup::write_consolidation (the yearly
// indicators: JSON, XLSX, printable HTML with charts).

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "app/followup.hpp"
#include "app/followup_detail.hpp"
#include "app/workspace.hpp"
#include "app/workspace_records.hpp"
#include "base/build_info.hpp"
#include "base/french.hpp"
#include "base/quoted.hpp"
#include "base/suggest.hpp"
#include "render/markup.hpp"
#include "render/renderer.hpp"
#include "render/template_set.hpp"
#include "render/view.hpp"
#include "store/database.hpp"
#include "writers/documents.hpp"
#include "writers/html_chart.hpp"
#include "writers/html_style.hpp"
#include "writers/json_writer.hpp"
#include "writers/xlsx_sheet.hpp"

namespace clausier::app {

using Poco::Data::Session;
using namespace workspace_detail;
using namespace followup_detail;

namespace {

std::string md(std::string_view s) { return render::escape(render::Escaping::markdown, s); }
std::string h1(double h) { return fr::decimal(h, 1); }

std::string label_of(const std::vector<Term>& terms, const std::string& id) {
  for (const auto& t : terms)
    if (t.id == id) return std::string(t.label);
  return id;
}

std::string category_label(const std::vector<Category>& categories, const std::string& id) {
  if (id == masked_category) return "Catégorie protégée (réservée au facilitateur)";
  for (const auto& c : categories)
    if (c.id == id) return c.label;
  return id.empty() ? std::string("Non renseignée") : id;
}

std::string share(double realised, std::optional<std::int64_t> owed) {
  if (!owed || *owed <= 0) return "–";
  return fr::percent(realised / static_cast<double>(*owed));
}

render::View text_view(std::string s) { return render::View::text(std::move(s)); }

render::View report_view(const std::string& title, const std::string& subject, const std::string& objet,
                         const std::string& buyer, Date on) {
  render::View root;
  render::View document;
  document.set("titre", text_view(title));
  document.set("date", text_view(fr::date_long(on)));
  document.set("date_iso", text_view(on.iso()));
  document.set("generateur", text_view(std::string("clausier ") + build::version));
  root.set("document", std::move(document));
  render::View model;
  model.set("id", text_view("etat-realisation"));
  model.set("titre", text_view(title));
  root.set("modele", std::move(model));
  render::View acheteur;
  acheteur.set("nom", text_view(buyer));
  acheteur.set("type", text_view(""));
  root.set("acheteur", std::move(acheteur));
  render::View lot;
  lot.set("reference", text_view(subject));
  lot.set("objet", text_view(objet));
  lot.set("consultation", text_view(""));
  lot.set("numero", text_view(""));
  lot.set("a_numero", render::View::boolean(false));
  root.set("lot", std::move(lot));
  render::View consultation;
  consultation.set("reference", text_view(""));
  consultation.set("nb_lots", text_view(""));
  consultation.set("plusieurs_lots", render::View::boolean(false));
  root.set("consultation", std::move(consultation));
  render::View facilitateur;
  facilitateur.set("connu", render::View::boolean(false));
  root.set("facilitateur", std::move(facilitateur));
  return root;
}

// The rule values a report rests on, with their status.
std::vector<RuleValue> counting_rules(const params::ParameterSet& params, Date on) {
  std::vector<RuleValue> out;
  for (const auto name : {training_parameter, before_validation_parameter, subcontract_parameter,
                          penalty_parameter, small_count_parameter, risk_parameter}) {
    RuleValue r = rule(params, name, on);
    if (r.found) out.push_back(std::move(r));
  }
  return out;
}

std::string rule_sentence(const RuleValue& r) {
  std::string value = r.text;
  if (r.text == "true" || r.text == "vrai") value = "oui";
  if (r.text == "false" || r.text == "faux") value = "non";
  return md(r.name) + " : " + md(value) + " (" +
         md(std::string(
             params::status_label(params::status_from_id(r.status).value_or(params::Status::hypothese)))) +
         " ; " + md(r.reference) + ")";
}

void lot_section(std::ostringstream& out, const LotStatus& l, const std::vector<Category>& categories,
                 bool final) {
  out << "## Lot " << md(l.reference) << "\n\n";
  if (!l.objet.empty()) out << md(l.objet) << "\n\n";
  out << "- Titulaire : " << md(l.company) << " (SIRET " << md(l.siret) << ", "
      << md(label_of(followup_company_kinds(), l.kind)) << ")\n";
  if (!l.start.empty())
    out << "- Durée d'exécution : du " << fr::date_short(*Date::parse_iso(l.start)) << " au "
        << fr::date_short(*Date::parse_iso(l.end)) << "\n";
  if (!l.pool.empty()) out << "- Convention de globalisation : " << md(l.pool) << "\n";
  out << "- Heures d'insertion dues : "
      << (l.hours_owed ? md(fr::integer(*l.hours_owed)) : std::string("non fixées"))
      << (l.owed_from.empty() ? "" : " (" + l.owed_from + ")") << "\n";
  if (l.hours_committed)
    out << "- Heures engagées dans l'offre : " << md(fr::integer(*l.hours_committed)) << "\n";
  out << "- Heures réalisées : " << md(h1(l.hours_realised)) << " ("
      << md(share(l.hours_realised, l.hours_owed)) << " des heures dues), dont " << md(h1(l.hours_training))
      << " heures de formation déclarées\n";
  if (l.expected_to_date && !final)
    out << "- Heures attendues à cette date (prorata de la durée du marché) : " << md(h1(*l.expected_to_date))
        << "\n";
  out << "- Participants : "
      << (l.participants ? std::to_string(*l.participants)
                         : std::string("effectif trop petit pour être publié"))
      << "\n";
  if (l.late) {
    std::string months;
    for (const auto& m : l.missing_months) months += (months.empty() ? "" : ", ") + m;
    out << "- États mensuels en retard : " << md(months) << "\n";
  }
  if (l.at_risk && !final)
    out << "- **Lot à risque** : les heures réalisées sont en retard sur le rythme attendu\n";
  if (l.penalty)
    out << "- Pénalité encourue (heures manquantes × pénalité horaire, après procédure contradictoire) : "
        << md(fr::euros(*l.penalty)) << "\n";
  if (!l.next.who.empty() && !final)
    out << "- Prochaine étape : " << md(l.next.what) << " (" << l.next.who
        << (l.next.due.empty() ? std::string()
                               : ", au plus tard le " + fr::date_short(*Date::parse_iso(l.next.due)))
        << ")\n";
  out << "\n";
  if (!l.by_route.empty()) {
    out << "| Modalité | Heures réalisées |\n|:---|---:|\n";
    for (const auto& [route, hours] : l.by_route)
      out << "| " << md(label_of(followup_routes(), route)) << " | " << md(h1(hours)) << " |\n";
    out << "\n";
  }
  if (!l.by_category.empty()) {
    out << "| Public | Participants |\n|:---|---:|\n";
    for (const auto& [c, n] : l.by_category)
      out << "| " << md(category_label(categories, c)) << " | " << n << " |\n";
    out << "\n";
  }
  if (!l.timeline.empty()) {
    out << "| Date | Étape | Détail |\n|:---|:---|:---|\n";
    for (const auto& e : l.timeline)
      out << "| " << fr::date_short(*Date::parse_iso(e.date)) << " | " << md(e.label) << " | " << md(e.note)
          << " |\n";
    out << "\n";
  }
}

}  // namespace

bool Followup::write_report(const params::ParameterSet& params, const render::TemplateSet& templates,
                            const Audience& audience, const std::string& programme,
                            const std::string& reference, const std::string& format, Date on,
                            std::ostream& out, DiagnosticSink& diags) const {
  // The report is the buyer's: aggregates only, whoever asks; the audience
  // still narrows the lots (a company, its own).
  Audience view = audience;
  if (view.role == Audience::Role::facilitateur) view = Audience::buyer();
  FollowupStatus st = status(params, view, on, programme);
  if (!reference.empty()) {
    std::erase_if(st.lots, [&](const LotStatus& l) { return l.reference != reference; });
    if (st.lots.empty()) {
      diags.error(Location::in_file(programme),
                  "le lot " + fr::quoted(reference) + " n'est pas attribué dans le programme " +
                      fr::quoted(programme) +
                      " : enregistrez d'abord l'attribution (clausier followup award)");
      return false;
    }
  }
  if (st.lots.empty()) {
    diags.error(Location::in_file(programme),
                "aucun lot attribué dans le programme " + fr::quoted(programme) +
                    " : enregistrez d'abord une attribution (clausier followup award)");
    return false;
  }
  const bool final =
      !reference.empty() && !st.lots.front().end.empty() && on > *Date::parse_iso(st.lots.front().end);
  const std::string title =
      final ? "Rapport final de la clause d'insertion" : "État de réalisation de la clause d'insertion";
  const auto categories = categories_in_force(params, on);
  std::ostringstream text;
  text << "# " << title << "\n\n";
  text << "Programme " << md(programme) << (reference.empty() ? "" : ", lot " + md(reference)) << ", état au "
       << fr::date_short(on)
       << ". Document destiné à l'acheteur : il ne contient que des totaux, sans donnée "
       << "personnelle ; un effectif trop petit n'est pas publié.\n\n";
  if (st.lots.size() > 1) {
    double owed = 0;
    double realised = 0;
    for (const auto& l : st.lots) {
      owed += static_cast<double>(l.hours_owed.value_or(0));
      realised += l.hours_realised;
    }
    text << "| Lot | Titulaire | Heures dues | Réalisées | Attendues à date | Retard | À risque |\n"
            "|:---|:---|---:|---:|---:|:---|:---|\n";
    for (const auto& l : st.lots) {
      text << "| " << md(l.reference) << " | " << md(l.company) << " | "
           << (l.hours_owed ? md(fr::integer(*l.hours_owed)) : "–") << " | " << md(h1(l.hours_realised))
           << " | " << (l.expected_to_date ? md(h1(*l.expected_to_date)) : "–") << " | "
           << (l.late ? std::to_string(l.missing_months.size()) + " mois" : "non") << " | "
           << (l.at_risk ? "oui" : "non") << " |\n";
    }
    text << "| **Total** | | **" << md(fr::decimal(owed, 0)) << "** | **" << md(h1(realised))
         << "** | | | |\n\n";
  }
  for (const auto& l : st.lots) lot_section(text, l, categories, final);
  text << "## Règles de décompte appliquées\n\n";
  for (const auto& r : counting_rules(params, on)) text << "- " << rule_sentence(r) << "\n";
  text << "\nUne valeur « hypothèse de praticien » n'a pas de source publiée : elle est à confirmer avec le "
          "facilitateur et l'acheteur.\n";

  const std::string file = "etat-realisation (" + programme + ")";
  DiagnosticList problems;
  render::markup::Document doc =
      render::markup::parse(text.str(), {file, " (texte de l'état de réalisation)", {}}, problems);
  const bool broken = problems.has_errors();
  problems.drain_into(diags);
  if (broken) return false;
  const std::string buyer = st.lots.front().buyer;
  const render::View v =
      report_view(title, reference.empty() ? programme : reference,
                  reference.empty() ? "Programme " + programme : st.lots.front().objet, buyer, on);
  const auto bytes = writers::format_document(format, doc, render::PreparedView(v), templates, on, diags,
                                              Location::in_file(file));
  if (!bytes) return false;
  out << *bytes;
  out.flush();
  return true;
}

// ---------------------------------------------------------------------------
// The yearly consolidation.

namespace {

struct Count {
  std::string id;
  std::string label;
  double hours = 0;
  std::optional<std::size_t> count;  // null: masked (small count)
  std::optional<double> average_months;
};

struct BuyerRow {
  std::string buyer;
  std::size_t lots = 0;
  std::int64_t planned = 0;
  std::size_t declared = 0;
  double realised = 0;
};

struct Consolidation {
  int year = 0;
  double realised = 0;
  double training = 0;
  std::size_t participants = 0;
  std::size_t contracts = 0;
  std::vector<Count> by_route, by_sector, by_clause;
  std::vector<Count> by_category, by_sex, by_age, by_qualification, by_qpv;
  std::vector<Count> contract_types;
  std::vector<Count> outcomes;
  std::vector<BuyerRow> buyers;
  std::vector<RuleValue> rules;
};

std::vector<Count> to_counts(const std::map<std::string, std::set<std::int64_t>>& sets,
                             const std::function<std::string(const std::string&)>& label, double small) {
  std::vector<Count> out;
  for (const auto& [id, members] : sets) {
    Count c{id, label(id), 0, members.size(), std::nullopt};
    if (small > 0 && static_cast<double>(members.size()) < small) c.count.reset();
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Count> to_hours(const std::map<std::string, double>& hours,
                            const std::function<std::string(const std::string&)>& label) {
  std::vector<Count> out;
  for (const auto& [id, h] : hours) out.push_back({id, label(id), h, std::nullopt, std::nullopt});
  return out;
}

const std::vector<std::pair<std::string, std::string>> attribute_labels = {{"F", "Femmes"},
                                                                           {"H", "Hommes"},
                                                                           {"moins-26", "Moins de 26 ans"},
                                                                           {"26-49", "26 à 49 ans"},
                                                                           {"50-plus", "50 ans et plus"},
                                                                           {"oui", "Habitant un QPV"},
                                                                           {"non", "Hors QPV"}};

std::string attribute_label(const std::string& id) {
  if (id.empty()) return "Non renseigné";
  for (const auto& [k, v] : attribute_labels)
    if (k == id) return v;
  return id;
}

}  // namespace

std::string Followup::write_consolidation(const params::ParameterSet& params, const Audience& audience,
                                          int year, const std::string& format, std::ostream& out) const {
  const Date on = *Date::from_ymd(year, 12, 31);
  const FollowupStatus st = status(params, audience, on);
  std::map<std::string, const LotStatus*> lots;
  for (const auto& l : st.lots) lots[l.reference] = &l;
  store::FollowupStore fs(*db_);
  std::vector<store::AwardRow> awards;
  std::vector<store::LineRow> lines;
  std::map<std::int64_t, store::ParticipantRow> participants;
  guarded([&] {
    db_->read([&](Session& s) {
      awards = fs.awards(s);
      lines = fs.lines(s);
      for (auto& p : fs.participants(s)) participants.emplace(p.id, std::move(p));
    });
  });
  std::map<std::int64_t, const LotStatus*> by_award;
  for (const auto& a : awards)
    if (const auto it = lots.find(a.reference); it != lots.end()) by_award[a.id] = it->second;

  const RuleValue small_rule = rule(params, small_count_parameter, on);
  const double small = audience.role == Audience::Role::acheteur && small_rule.found ? small_rule.number : 0;
  const auto categories = categories_in_force(params, on);
  HoursCounter counter(params);
  std::set<std::string> sensitive;
  for (const auto& k : categories)
    if (k.sensitive) sensitive.insert(k.id);
  Consolidation c;
  c.year = year;
  const std::string prefix = std::to_string(year) + "-";
  std::map<std::string, double> routes, sectors, clauses;
  std::map<std::string, std::set<std::int64_t>> category, sex, age, qualification, qpv, outcome;
  std::set<std::int64_t> people;
  std::map<std::tuple<std::int64_t, std::int64_t, std::string>, std::size_t>
      contracts;  // months per contract
  std::map<std::string, BuyerRow> buyers;
  for (const auto& l : lines) {
    if (l.month.rfind(prefix, 0) != 0) continue;
    const auto lot = by_award.find(l.award_id);
    if (lot == by_award.end()) continue;
    const double h = counter.counted(l);
    c.realised += h;
    c.training += l.hours_training;
    routes[l.route] += h;
    sectors[lot->second->nature] += h;
    clauses[lot->second->clause] += h;
    buyers[lot->second->buyer].realised += h;
    people.insert(l.participant_id);
    ++contracts[{l.participant_id, l.award_id, l.contract}];
    const auto p = participants.find(l.participant_id);
    if (p == participants.end()) continue;
    std::string cat = p->second.category;
    if (audience.role != Audience::Role::facilitateur && sensitive.contains(cat))
      cat = std::string(masked_category);
    category[cat].insert(l.participant_id);
    sex[p->second.sex].insert(l.participant_id);
    age[p->second.age_band].insert(l.participant_id);
    qualification[p->second.qualification].insert(l.participant_id);
    qpv[p->second.qpv].insert(l.participant_id);
    if (!p->second.outcome.empty() && p->second.last_month.rfind(prefix, 0) == 0)
      outcome[p->second.outcome].insert(l.participant_id);
  }
  for (const auto& l : st.lots) {
    BuyerRow& b = buyers[l.buyer];
    b.buyer = l.buyer.empty() ? std::string("Acheteur non renseigné") : l.buyer;
    ++b.lots;
    b.planned += l.hours_owed.value_or(0);
    if (l.declared) ++b.declared;
  }
  for (auto& [k, b] : buyers) c.buyers.push_back(b);
  c.participants = people.size();
  c.contracts = contracts.size();
  const auto same = [](const std::string& id) { return id; };
  c.by_route = to_hours(routes, [](const std::string& id) { return label_of(followup_routes(), id); });
  c.by_sector = to_hours(sectors, [](const std::string& id) {
    const auto n = nature_from_id(id);
    return n ? std::string(nature_label(*n)) : id;
  });
  c.by_clause = to_hours(clauses, same);
  c.by_category = to_counts(
      category, [&](const std::string& id) { return category_label(categories, id); }, small);
  c.by_sex = to_counts(sex, attribute_label, small);
  c.by_age = to_counts(age, attribute_label, small);
  c.by_qualification = to_counts(qualification, attribute_label, small);
  c.by_qpv = to_counts(qpv, attribute_label, small);
  c.outcomes = to_counts(outcome, attribute_label, small);
  std::map<std::string, std::pair<std::size_t, std::size_t>> types;  // contracts, months
  for (const auto& [key, months] : contracts) {
    auto& t = types[std::get<2>(key)];
    ++t.first;
    t.second += months;
  }
  for (const auto& [id, t] : types) {
    Count k{id, label_of(followup_contract_types(), id), 0, t.first,
            static_cast<double>(t.second) / static_cast<double>(t.first)};
    if (small > 0 && static_cast<double>(t.first) < small) k.count.reset();
    c.contract_types.push_back(std::move(k));
  }
  c.rules = counting_rules(params, on);

  const auto sections = [&]() {
    return std::vector<std::pair<std::string, const std::vector<Count>*>>{
        {"Heures par modalité", &c.by_route},
        {"Heures par secteur", &c.by_sector},
        {"Heures par type de clause", &c.by_clause},
        {"Participants par public", &c.by_category},
        {"Participants par sexe", &c.by_sex},
        {"Participants par tranche d'âge", &c.by_age},
        {"Participants par niveau de qualification", &c.by_qualification},
        {"Participants par résidence en QPV", &c.by_qpv},
        {"Contrats par type (durée moyenne en mois)", &c.contract_types},
        {"Sorties", &c.outcomes}};
  };

  if (format == "json") {
    writers::JsonWriter w(out, 2);
    const auto counts = [&](std::string_view key, const std::vector<Count>& v, bool hours) {
      w.key(key).begin_array();
      for (const auto& k : v) {
        w.begin_object().field("id", k.id).field("label", k.label);
        if (hours) {
          w.field("hours", k.hours);
        } else {
          w.key("count");
          k.count ? w.value(static_cast<std::int64_t>(*k.count)) : w.null();
        }
        if (k.average_months) w.field("average_months", *k.average_months);
        w.end_object();
      }
      w.end_array();
    };
    w.begin_object().field("year", static_cast<std::int64_t>(year));
    w.key("hours").begin_object().field("realised", c.realised).field("training", c.training);
    counts("by_route", c.by_route, true);
    counts("by_sector", c.by_sector, true);
    counts("by_clause", c.by_clause, true);
    w.end_object();
    w.key("participants").begin_object().field("total", static_cast<std::int64_t>(c.participants));
    counts("by_category", c.by_category, false);
    counts("by_sex", c.by_sex, false);
    counts("by_age_band", c.by_age, false);
    counts("by_qualification", c.by_qualification, false);
    counts("by_qpv", c.by_qpv, false);
    w.end_object();
    w.key("contracts").begin_object().field("total", static_cast<std::int64_t>(c.contracts));
    counts("by_type", c.contract_types, false);
    w.end_object();
    counts("outcomes", c.outcomes, false);
    w.key("buyers").begin_array();
    for (const auto& b : c.buyers)
      w.begin_object()
          .field("buyer", b.buyer)
          .field("lots", static_cast<std::int64_t>(b.lots))
          .field("planned_hours", b.planned)
          .field("declared_lots", static_cast<std::int64_t>(b.declared))
          .field("realised_hours", b.realised)
          .end_object();
    w.end_array();
    w.key("rules").begin_array();
    for (const auto& r : c.rules)
      w.begin_object()
          .field("name", r.name)
          .field("value", r.text)
          .field("status", r.status)
          .field("reference", r.reference)
          .end_object();
    w.end_array();
    w.end_object();
    out << '\n';
    return {};
  }
  if (format == "xlsx") {
    writers::xlsx::SheetWriter sheet("Consolidation " + std::to_string(year),
                                     {{"Rubrique", 40},
                                      {"Valeur", 44},
                                      {"Heures", 12, writers::xlsx::Format::integer},
                                      {"Nombre", 12, writers::xlsx::Format::integer},
                                      {"Durée moyenne (mois)", 14}});
    const auto row = [&](const std::string& a, const std::string& b, std::optional<double> h,
                         std::optional<std::size_t> n, std::optional<double> avg) {
      sheet.begin_row();
      sheet.text(a);
      sheet.text(b);
      h ? sheet.integer(static_cast<std::int64_t>(std::llround(*h))) : sheet.blank();
      n ? sheet.integer(static_cast<std::int64_t>(*n)) : sheet.blank();
      avg ? sheet.text(fr::decimal(*avg, 1)) : sheet.blank();
      sheet.end_row();
    };
    row("Total", "Heures réalisées " + std::to_string(year), c.realised, std::nullopt, std::nullopt);
    row("Total", "dont heures de formation déclarées", c.training, std::nullopt, std::nullopt);
    row("Total", "Participants", std::nullopt, c.participants, std::nullopt);
    row("Total", "Contrats", std::nullopt, c.contracts, std::nullopt);
    for (const auto& [title, v] : sections()) {
      for (const auto& k : *v) {
        const bool hours = v == &c.by_route || v == &c.by_sector || v == &c.by_clause;
        row(title, k.label, hours ? std::optional<double>(k.hours) : std::nullopt,
            hours ? std::nullopt : k.count, k.average_months);
      }
    }
    for (const auto& b : c.buyers) {
      row("Acheteur : prévu (heures dues)", b.buyer, static_cast<double>(b.planned), b.lots, std::nullopt);
      row("Acheteur : déclaré (DECP)", b.buyer, std::nullopt, b.declared, std::nullopt);
      row("Acheteur : réalisé", b.buyer, b.realised, std::nullopt, std::nullopt);
    }
    return sheet.write(out);
  }
  if (format != "html")
    return "format de consolidation inconnu « " + format + " » : choisissez json, xlsx ou html";
  const std::string title = "Consolidation " + std::to_string(year) + " des clauses d'insertion";
  out << writers::html::page_head(title) << "<body class=\"revue\">\n<h1>" << writers::html::escape(title)
      << "</h1>\n";
  out << "<p>Heures réalisées dans l'année civile " << year << fr::colon << " <strong>"
      << writers::html::escape(h1(c.realised)) << "</strong> (dont " << writers::html::escape(h1(c.training))
      << " heures de formation déclarées)" << fr::semicolon << " " << c.participants << " participants"
      << fr::semicolon << " " << c.contracts << " contrats.</p>\n";
  int chart = 0;
  for (const auto& [title_s, v] : sections()) {
    const bool hours = v == &c.by_route || v == &c.by_sector || v == &c.by_clause;
    out << "<section>\n<h2>" << writers::html::escape(title_s) << "</h2>\n";
    if (v->empty()) {
      out << "<p>Aucune donnée.</p>\n</section>\n";
      continue;
    }
    writers::html::BarChart bars;
    bars.title = title_s;
    std::string description;
    for (const auto& k : *v) {
      const double value = hours ? k.hours : static_cast<double>(k.count.value_or(0));
      const std::string t = hours ? h1(k.hours) + " h" : (k.count ? std::to_string(*k.count) : "masqué");
      bars.bars.push_back({k.label, value, t});
      description += (description.empty() ? "" : ", ") + k.label + fr::colon + " " + t;
    }
    bars.description = description;
    out << writers::html::bar_chart_svg(bars, "c" + std::to_string(++chart)) << "\n";
    out << "<table><thead><tr><th>" << (hours ? "Rubrique" : "Catégorie") << "</th><th>"
        << (hours ? "Heures" : "Nombre") << "</th>"
        << (v == &c.contract_types ? "<th>Durée moyenne (mois)</th>" : "") << "</tr></thead><tbody>\n";
    for (const auto& k : *v) {
      out << "<tr><td>" << writers::html::escape(k.label) << "</td><td class=\"nombre\">"
          << writers::html::escape(hours ? h1(k.hours) : (k.count ? std::to_string(*k.count) : "masqué"))
          << "</td>";
      if (k.average_months)
        out << "<td class=\"nombre\">" << writers::html::escape(fr::decimal(*k.average_months, 1)) << "</td>";
      out << "</tr>\n";
    }
    out << "</tbody></table>\n</section>\n";
  }
  out << "<section>\n<h2>Prévu, déclaré, réalisé par "
         "acheteur</h2>\n<table><thead><tr><th>Acheteur</th><th>Lots "
         "attribués</th><th>Heures prévues (dues)</th><th>Lots déclarés avec une considération sociale "
         "(DECP)</th><th>Heures réalisées "
      << year << "</th></tr></thead><tbody>\n";
  for (const auto& b : c.buyers) {
    out << "<tr><td>" << writers::html::escape(b.buyer) << "</td><td class=\"nombre\">" << b.lots
        << "</td><td class=\"nombre\">" << writers::html::escape(fr::integer(b.planned))
        << "</td><td class=\"nombre\">" << b.declared << "</td><td class=\"nombre\">"
        << writers::html::escape(h1(b.realised)) << "</td></tr>\n";
  }
  out << "</tbody></table>\n</section>\n<section>\n<h2>Règles de décompte</h2>\n<ul>\n";
  for (const auto& r : c.rules) {
    out << "<li><code>" << writers::html::escape(r.name) << "</code>" << fr::colon << " "
        << writers::html::escape(r.text) << " (" << writers::html::escape(r.status) << fr::semicolon << " "
        << writers::html::escape(r.reference) << ")</li>\n";
  }
  out << "</ul>\n</section>\n</body>\n</html>\n";
  return {};
}

}  // namespace clausier::app
