// Followup: vocabularies, awards, timeline events, the statement template,
// retention and a participant's rights. Statements: followup_statement.cpp;
// status: followup_status.cpp; reports and consolidation: followup_report.cpp.

#include "app/followup.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "app/followup_detail.hpp"
#include "app/workspace.hpp"
#include "app/workspace_records.hpp"
#include "base/french.hpp"
#include "base/quoted.hpp"
#include "base/suggest.hpp"
#include "base/text.hpp"
#include "model/siret.hpp"
#include "readers/values.hpp"
#include "store/database.hpp"
#include "store/result_json.hpp"
#include "store/workspace_store.hpp"
#include "writers/csv_text.hpp"
#include "writers/json_writer.hpp"
#include "writers/xlsx_sheet.hpp"

namespace clausier::app {

using Poco::Data::Session;
using namespace workspace_detail;
using namespace followup_detail;

const std::vector<Term>& followup_routes() {
  static const std::vector<Term> terms = {
      {"embauche directe", "Embauche directe par le titulaire"},
      {"mise à disposition ETTI", "Mise à disposition par une entreprise de travail temporaire d'insertion"},
      {"mise à disposition AI", "Mise à disposition par une association intermédiaire"},
      {"mise à disposition GEIQ", "Mise à disposition par un GEIQ"},
      {"sous-traitance SIAE", "Sous-traitance ou cotraitance avec une structure d'insertion (SIAE)"},
      {"sous-traitance EA", "Sous-traitance ou cotraitance avec une entreprise adaptée (EA, ESAT)"},
  };
  return terms;
}

const std::vector<Term>& followup_contract_types() {
  static const std::vector<Term> terms = {
      {"CDI", "Contrat à durée indéterminée"},
      {"CDD", "Contrat à durée déterminée"},
      {"CDDI", "Contrat à durée déterminée d'insertion"},
      {"intérim", "Mission d'intérim"},
      {"contrat de professionnalisation", "Contrat de professionnalisation"},
      {"apprentissage", "Contrat d'apprentissage"},
  };
  return terms;
}

const std::vector<Term>& followup_company_kinds() {
  static const std::vector<Term> terms = {
      {"entreprise", "Entreprise ordinaire"},
      {"ei", "Entreprise d'insertion (EI)"},
      {"ai", "Association intermédiaire (AI)"},
      {"etti", "Entreprise de travail temporaire d'insertion (ETTI)"},
      {"aci", "Atelier et chantier d'insertion (ACI)"},
      {"geiq", "Groupement d'employeurs pour l'insertion et la qualification (GEIQ)"},
      {"ea", "Entreprise adaptée (EA)"},
      {"esat", "Établissement et service d'aide par le travail (ESAT)"},
      {"eatt", "Entreprise adaptée de travail temporaire (EATT)"},
      {"regie-de-quartier", "Régie de quartier"},
  };
  return terms;
}

const std::vector<Term>& followup_event_kinds() {
  static const std::vector<Term> terms = {
      {"attribution", "Attribution du lot"},  {"reunion-lancement", "Réunion de lancement"},
      {"etat", "État mensuel reçu"},          {"relance", "Relance du titulaire"},
      {"mise-en-demeure", "Mise en demeure"}, {"penalite", "Pénalité appliquée"},
      {"rapport-final", "Rapport final"},
  };
  return terms;
}

const std::vector<std::string_view>& statement_headers() {
  static const std::vector<std::string_view> headers = {
      "Référence du lot", "Mois (AAAA-MM)", "Participant", "Catégorie", "Date de validation", "Modalité",
      "Type de contrat", "Heures travaillées", "Heures de formation",
      // optional
      "Validé par", "Employeur", "Sexe", "Tranche d'âge", "Niveau de qualification", "QPV", "Sortie"};
  return headers;
}

std::optional<std::string> parse_month(std::string_view text) {
  const std::string t(text::trim(text));
  const auto two = [](int m) { return (m < 10 ? "0" : "") + std::to_string(m); };
  const auto valid = [&](int y, int m) -> std::optional<std::string> {
    if (y < 1990 || y > 2200 || m < 1 || m > 12) return std::nullopt;
    return std::to_string(y) + "-" + two(m);
  };
  int y = 0;
  int m = 0;
  char sep = 0;
  std::istringstream in(t);
  if (t.size() == 7 && (t[4] == '-' || t[4] == '/')) {
    if (t.find_first_not_of("0123456789", 0) != 4) return std::nullopt;
    in >> y >> sep >> m;
    if (!in.fail() && in.peek() == EOF) return valid(y, m);
    return std::nullopt;
  }
  if (t.size() == 7 && (t[2] == '/' || t[2] == '-')) {
    in >> m >> sep >> y;
    if (!in.fail() && in.peek() == EOF) return valid(y, m);
    return std::nullopt;
  }
  const auto date = readers::parse_date(t);
  if (date) return valid(date.value().year(), date.value().month());
  return std::nullopt;
}

namespace followup_detail {

std::string month_of(Date d) {
  return std::to_string(d.year()) + "-" + (d.month() < 10 ? "0" : "") + std::to_string(d.month());
}

Date month_first(const std::string& month) {
  return *Date::from_ymd(std::stoi(month.substr(0, 4)), std::stoi(month.substr(5, 2)), 1);
}

Date month_last(const std::string& month) {
  const int y = std::stoi(month.substr(0, 4));
  const int m = std::stoi(month.substr(5, 2));
  return *Date::from_ymd(y, m, days_in_month(y, m));
}

std::string next_month(const std::string& month) { return month_of(month_last(month).plus_days(1)); }

const Term* find_term(const std::vector<Term>& terms, std::string_view typed) {
  const std::string key = text::fold_key(typed);
  if (key.empty()) return nullptr;
  for (const auto& t : terms) {
    if (text::fold_key(t.id) == key || text::fold_key(t.label) == key) return &t;
  }
  return nullptr;
}

std::vector<Category> categories_in_force(const params::ParameterSet& params, Date on) {
  std::vector<Category> out;
  const params::Parameter* p = params.find(categories_parameter);
  if (p == nullptr) return out;
  const params::DatedValue* v = p->at(on);
  if (v == nullptr) return out;
  const params::Parameter* sensitive = params.find(sensitive_parameter);
  const params::DatedValue* sv = sensitive != nullptr ? sensitive->at(on) : nullptr;
  for (const auto& [id, leaf] : v->entries) {
    const auto* label = std::get_if<std::string>(&leaf.value);
    Category c{id, label != nullptr ? *label : id, false};
    if (sv != nullptr) {
      for (const auto& [sid, sleaf] : sv->entries) {
        const auto* flag = std::get_if<bool>(&sleaf.value);
        if (sid == id && flag != nullptr && *flag) c.sensitive = true;
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

RuleValue rule(const params::ParameterSet& params, std::string_view name, Date on) {
  RuleValue out;
  out.name = std::string(name);
  const auto found = params.lookup(name, on);
  if (const auto* l = std::get_if<params::Lookup>(&found)) {
    out.found = true;
    out.status = std::string(params::status_id(l->status()));
    out.reference = std::string(l->reference());
    if (const auto* n = std::get_if<double>(&l->leaf->value)) out.number = *n;
    if (const auto* b = std::get_if<bool>(&l->leaf->value)) {
      out.flag = *b;
      out.number = *b ? 1 : 0;
    }
    out.text = params::format_value(l->leaf->value, l->parameter->unit);
  }
  return out;
}

std::optional<std::int64_t> owed_hours(const store::AwardRow& a, const std::optional<store::DecisionRow>& d,
                                       std::string* from) {
  if (d && d->verdict == std::string("exclue")) {
    if (from != nullptr) *from = "décision";
    return 0;
  }
  if (d && d->hours) {
    if (from != nullptr) *from = "décision";
    return *d->hours;
  }
  if (from != nullptr) *from = a.hours_proposed ? "proposition" : "";
  return a.hours_proposed;
}

double HoursCounter::counted(const store::LineRow& line) {
  auto it = months_.find(line.month);
  if (it == months_.end()) {
    const Date first = month_first(line.month);
    const RuleValue training = rule(params_, training_parameter, first);
    const RuleValue coefficient = rule(params_, subcontract_parameter, first);
    it = months_
             .emplace(line.month, std::make_pair(training.found && training.flag,
                                                 coefficient.found ? coefficient.number : 1.0))
             .first;
  }
  const auto [training_counts, coefficient] = it->second;
  const bool subcontract = line.route.rfind("sous-traitance", 0) == 0;
  return line.hours_worked * (subcontract ? coefficient : 1.0) + (training_counts ? line.hours_training : 0);
}

}  // namespace followup_detail

Followup::Followup(std::unique_ptr<store::Database> db) : owned_(std::move(db)), db_(owned_.get()) {}
Followup::Followup(store::Database& db) : db_(&db) {}
Followup::Followup(Followup&&) noexcept = default;
Followup& Followup::operator=(Followup&&) noexcept = default;
Followup::~Followup() = default;

Followup Followup::over(const Workspace& workspace) { return Followup(*workspace.db_); }

Followup Followup::open(const std::string& url) {
  std::string error;
  const auto parsed = store::parse_database_url(url, error);
  if (!parsed) throw WorkspaceError(WorkspaceError::Kind::invalid, error);
  return guarded([&] { return Followup(store::Database::open(*parsed)); });
}

namespace {

std::string partners_json(const std::vector<std::string>& partners) {
  std::ostringstream out;
  writers::JsonWriter w(out, 0);
  w.begin_array();
  for (const auto& p : partners) w.value(p);
  w.end_array();
  return out.str();
}

}  // namespace

AwardOutcome Followup::award(const AwardInput& input, const std::string& author) {
  AwardOutcome out;
  const Location at = Location::in_file("attribution " + input.reference);
  const auto fail = [&](std::string message) {
    out.errors.push_back({Severity::error, at, fr::typography(message)});
  };
  const std::string siret = siret_digits(input.siret);
  if (!valid_siret(siret))
    fail("SIRET " + fr::quoted(input.siret) +
         " invalide : il faut les 14 chiffres de l'établissement (clé de Luhn)");
  if (text::trim(input.company).empty()) fail("le nom de l'entreprise titulaire est vide (--company)");
  std::string kind = input.kind.empty() ? std::string("entreprise") : input.kind;
  if (const Term* t = find_term(followup_company_kinds(), kind)) {
    kind = std::string(t->id);
  } else {
    std::vector<std::string> ids;
    for (const auto& k : followup_company_kinds()) ids.emplace_back(k.id);
    fail(unknown_word("type d'entreprise", kind, ids, "écrivez l'un de"));
  }
  std::optional<Date> start;
  std::optional<Date> end;
  const auto date = [&](const std::string& text, const char* what) -> std::optional<Date> {
    if (text.empty()) return std::nullopt;
    const auto d = readers::parse_date(text);
    if (!d) {
      fail(std::string("date ") + what + " " + fr::quoted(text) + " : " + d.error());
      return std::nullopt;
    }
    return d.value();
  };
  start = date(input.start, "de début");
  end = date(input.end, "de fin");
  if (start.has_value() != end.has_value())
    fail("donnez les deux dates du marché (--start et --end), ou aucune");
  if (start && end && *end < *start) fail("la date de fin précède la date de début");
  std::optional<std::int64_t> committed;
  if (!input.committed.empty()) {
    const std::string t(text::trim(input.committed));
    if (t.empty() || t.size() > 9 || t.find_first_not_of("0123456789") != std::string::npos) {
      fail("heures engagées " + fr::quoted(input.committed) + " : écrivez un nombre entier d'heures");
    } else {
      committed = std::stoll(t);
    }
  }
  if (!out.errors.empty()) return out;

  store::WorkspaceStore ws(*db_);
  store::FollowupStore fs(*db_);
  guarded([&] {
    db_->write([&](Session& s) {
      const auto programme = require_programme(ws, s, input.programme);
      const auto version = current_version(ws, s, programme);
      if (!ws.lot(s, version.id, input.reference)) {
        fail("le lot " + fr::quoted(input.reference) + " n'est pas dans la version en cours du programme " +
             fr::quoted(input.programme));
        return;
      }
      if (const auto other = fs.award(s, input.reference); other && other->programme_id != programme.id) {
        fail("le lot " + fr::quoted(input.reference) + " est déjà attribué dans le programme " +
             fr::quoted(other->programme) + " : une référence de lot ne s'attribue qu'une fois");
        return;
      }
      // The clause whose hours are owed: a decided clause with hours first,
      // else the first proposal with hours that is not excluded.
      store::AwardRow row;
      row.programme_id = programme.id;
      row.reference = input.reference;
      row.siret = siret;
      row.company = std::string(text::trim(input.company));
      row.kind = kind;
      row.start_date = start ? start->iso() : "";
      row.end_date = end ? end->iso() : "";
      row.hours_committed = committed;
      row.pool = input.pool;
      row.partners = partners_json(input.partners);
      row.awarded_at = store::utc_now();
      row.author = author;
      std::optional<store::DecisionRow> decided;
      for (auto& d : ws.decisions(s, programme.id)) {
        if (d.reference == input.reference && d.hours && !decided) decided = d;
      }
      if (const auto e = ws.latest_evaluation(s, version.id)) {
        if (const auto json = ws.result(s, e->id, input.reference); json && !json->empty()) {
          for (const auto& r : store::results_from_json(*json, ws.texts(s, e->id))) {
            if (decided && r.type == decided->clause) {
              row.clause = r.type;
              row.hours_proposed = r.hours;
            }
            if (!decided && row.clause.empty() && r.hours && r.verdict && *r.verdict != Verdict::exclue) {
              row.clause = r.type;
              row.hours_proposed = r.hours;
            }
          }
        }
      }
      if (decided && row.clause.empty()) row.clause = decided->clause;
      const std::int64_t id = fs.put_award(s, row);
      const auto owed = owed_hours(row, decided, &out.owed_from);
      out.hours_owed = owed;
      out.clause = row.clause;
      fs.insert_event(s, {0, id, start ? start->iso() : store::utc_now().substr(0, 10), "attribution",
                          "Lot attribué à " + row.company + " (SIRET " + siret + ")" +
                              (owed ? ", " + fr::hours(*owed) + " dues" : std::string()),
                          author});
      out.saved = true;
    });
  });
  return out;
}

std::vector<Diagnostic> Followup::add_event(const std::string& reference, const std::string& kind,
                                            const std::string& date, const std::string& note,
                                            const std::string& author) {
  std::vector<Diagnostic> errors;
  const Location at = Location::in_file("événement " + reference);
  const Term* t = find_term(followup_event_kinds(), kind);
  if (t == nullptr) {
    std::vector<std::string> ids;
    for (const auto& k : followup_event_kinds()) ids.emplace_back(k.id);
    errors.push_back({Severity::error, at,
                      fr::typography(unknown_word("type d'événement", kind, ids, "écrivez l'un de"))});
  }
  std::string iso = store::utc_now().substr(0, 10);
  if (!date.empty()) {
    const auto d = readers::parse_date(date);
    if (!d) {
      errors.push_back({Severity::error, at, fr::typography("date " + fr::quoted(date) + " : " + d.error())});
    } else {
      iso = d.value().iso();
    }
  }
  if (!errors.empty()) return errors;
  store::FollowupStore fs(*db_);
  guarded([&] {
    db_->write([&](Session& s) {
      const auto a = fs.award(s, reference);
      if (!a) {
        errors.push_back({Severity::error, at,
                          fr::typography("le lot " + fr::quoted(reference) +
                                         " n'est pas attribué : enregistrez d'abord l'attribution "
                                         "(clausier followup award)")});
        return;
      }
      fs.insert_event(s, {0, a->id, iso, std::string(t->id), note, author});
    });
  });
  return errors;
}

void Followup::write_template(const std::string& programme, const std::string& reference,
                              const std::string& siret, Date month, const std::string& format,
                              std::ostream& out) const {
  store::WorkspaceStore ws(*db_);
  store::FollowupStore fs(*db_);
  std::vector<store::AwardRow> awards;
  guarded([&] {
    db_->read([&](Session& s) {
      if (!programme.empty()) (void)require_programme(ws, s, programme);
      for (auto& a : fs.awards(s)) {
        if (!programme.empty() && a.programme != programme) continue;
        if (!reference.empty() && a.reference != reference) continue;
        if (!siret.empty() && a.siret != siret) continue;
        awards.push_back(std::move(a));
      }
    });
  });
  if (!reference.empty() && awards.empty()) {
    throw WorkspaceError(WorkspaceError::Kind::not_found,
                         "le lot « " + reference +
                             " » n'est pas attribué dans ce programme : enregistrez "
                             "d'abord l'attribution (clausier followup award)");
  }
  const std::string m = month_of(month);
  const auto& headers = statement_headers();
  if (format == "xlsx") {
    std::vector<writers::xlsx::Column> columns;
    for (const auto h : headers)
      columns.push_back({std::string(h), std::max<double>(12, static_cast<double>(h.size()) + 2)});
    writers::xlsx::SheetWriter sheet("Relevé", columns);
    for (const auto& a : awards) {
      sheet.begin_row();
      sheet.text(a.reference);
      sheet.text(m);
      sheet.end_row();
    }
    const std::string error = sheet.write(out);
    if (!error.empty()) throw WorkspaceError(WorkspaceError::Kind::invalid, error);
    return;
  }
  out << "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < headers.size(); ++i) {
    if (i > 0) out << ';';
    writers::write_csv_field(out, headers[i]);
  }
  out << "\r\n";
  for (const auto& a : awards) {
    writers::write_csv_field(out, a.reference);
    out << ';' << m << std::string(headers.size() - 2, ';') << "\r\n";
  }
}

std::size_t Followup::purge(const params::ParameterSet& params, Date before) {
  store::FollowupStore fs(*db_);
  std::size_t count = 0;
  guarded([&] {
    db_->write([&](Session& s) {
      for (const auto& p : fs.participants(s)) {
        if (p.last_month.empty() || p.pseudonym.rfind("anonyme-", 0) == 0) continue;
        const Date last = month_last(p.last_month);
        const RuleValue months = rule(params, retention_parameter, last);
        if (!months.found) continue;
        // The end of retention: the last day of the N-th month after the last one.
        const int total = last.year() * 12 + (last.month() - 1) + static_cast<int>(months.number) + 1;
        const Date expiry = *Date::from_ymd(total / 12, total % 12 + 1, 1);
        if (expiry.plus_days(-1) < before) {
          fs.anonymise_participant(s, p.id, "anonyme-" + std::to_string(p.id));
          ++count;
        }
      }
    });
  });
  return count;
}

void Followup::export_participant(const std::string& pseudonym, std::ostream& out) const {
  store::FollowupStore fs(*db_);
  guarded([&] {
    db_->read([&](Session& s) {
      const auto p = fs.participant(s, pseudonym);
      if (!p) {
        throw WorkspaceError(WorkspaceError::Kind::not_found,
                             "aucun participant « " + pseudonym + " » dans le suivi");
      }
      std::map<std::int64_t, std::string> references;
      for (const auto& a : fs.awards(s)) references[a.id] = a.reference;
      writers::JsonWriter w(out, 2);
      w.begin_object()
          .field("participant", p->pseudonym)
          .field("category", p->category)
          .field("validated_on", p->validated_on)
          .field("validated_by", p->validated_by)
          .field("sex", p->sex)
          .field("age_band", p->age_band)
          .field("qualification", p->qualification)
          .field("qpv", p->qpv)
          .field("outcome", p->outcome)
          .field("last_month", p->last_month);
      w.key("hours").begin_array();
      for (const auto& l : fs.participant_lines(s, p->id)) {
        w.begin_object()
            .field("lot", references[l.award_id])
            .field("month", l.month)
            .field("route", l.route)
            .field("contract", l.contract)
            .field("employer", l.employer)
            .field("hours_worked", l.hours_worked)
            .field("hours_training", l.hours_training)
            .end_object();
      }
      w.end_array().end_object();
      out << '\n';
    });
  });
}

void Followup::erase_participant(const std::string& pseudonym) {
  store::FollowupStore fs(*db_);
  guarded([&] {
    db_->write([&](Session& s) {
      const auto p = fs.participant(s, pseudonym);
      if (!p) {
        throw WorkspaceError(WorkspaceError::Kind::not_found,
                             "aucun participant « " + pseudonym + " » dans le suivi");
      }
      // Their hours stay counted on the company's lots, tied to no one.
      fs.anonymise_participant(s, p->id, "anonyme-" + std::to_string(p->id));
    });
  });
}

}  // namespace clausier::app
