// Followup::status: per awarded lot, the hours owed, realised (counted under
// the rules of rules/suivi/) and expected at the pace of the contract, late
// statements, risk, the timeline and who acts next; filtered by audience.

#include <algorithm>
#include <cmath>
#include <map>
#include <ostream>
#include <set>
#include <tuple>

#include "app/followup.hpp"
#include "app/followup_detail.hpp"
#include "app/workspace.hpp"
#include "app/workspace_records.hpp"
#include "base/french.hpp"
#include "base/quoted.hpp"
#include "base/suggest.hpp"
#include "base/text.hpp"
#include "store/database.hpp"
#include "store/lot_json.hpp"
#include "writers/json_writer.hpp"

namespace clausier::app {

using Poco::Data::Session;
using namespace workspace_detail;
using namespace followup_detail;

namespace {

const std::string& event_label(const std::string& kind) {
  static std::map<std::string, std::string> labels = [] {
    std::map<std::string, std::string> m;
    for (const auto& t : followup_event_kinds()) m[std::string(t.id)] = std::string(t.label);
    return m;
  }();
  const auto it = labels.find(kind);
  return it == labels.end() ? kind : it->second;
}

// The day a month's statement is due (suivi.jour_etat_mensuel in force the
// month after), each month looked up once.
class StatementDue {
 public:
  explicit StatementDue(const params::ParameterSet& params) : params_(params) {}
  Date operator()(const std::string& month) {
    auto it = due_.find(month);
    if (it == due_.end()) {
      const Date first_next = month_last(month).plus_days(1);
      const RuleValue day = rule(params_, statement_day_parameter, first_next);
      const int d = day.found ? std::clamp(static_cast<int>(day.number), 1, 28) : 10;
      it = due_.emplace(month, first_next.plus_days(d - 1)).first;
    }
    return it->second;
  }

 private:
  const params::ParameterSet& params_;
  std::map<std::string, Date> due_;
};

Date plus_months(Date d, int months) {
  const int total = d.year() * 12 + (d.month() - 1) + months;
  const int y = total / 12;
  const int m = total % 12 + 1;
  return *Date::from_ymd(y, m, std::min(d.day(), days_in_month(y, m)));
}

}  // namespace

FollowupStatus Followup::status(const params::ParameterSet& params, const Audience& audience, Date on,
                                const std::string& programme) const {
  return status_of(params, audience, on, programme, nullptr);
}

FollowupStatus Followup::status_of(const params::ParameterSet& params, const Audience& audience, Date on,
                                   const std::string& programme, const std::set<std::string>* only,
                                   std::int64_t statement) const {
  FollowupStatus out;
  out.on = on;
  out.audience = audience;
  store::WorkspaceStore ws(*db_);
  store::FollowupStore fs(*db_);
  std::vector<store::AwardRow> awards;
  std::vector<store::LineRow> lines;
  std::set<std::pair<std::int64_t, std::string>> declared;
  std::map<std::int64_t, store::ParticipantRow> participants;
  std::map<std::int64_t, std::vector<store::EventRow>> events;
  std::map<std::pair<std::string, std::string>, store::DecisionRow> decisions;  // (reference, clause)
  std::map<std::string, Lot> lot_data;
  guarded([&] {
    db_->read([&](Session& s) {
      if (!programme.empty()) (void)require_programme(ws, s, programme);
      std::set<std::int64_t> programmes;
      for (auto& a : fs.awards(s)) {
        if (!programme.empty() && a.programme != programme) continue;
        if (audience.role == Audience::Role::entreprise && a.siret != audience.siret) continue;
        if (only != nullptr && !only->contains(a.reference)) continue;
        programmes.insert(a.programme_id);
        awards.push_back(std::move(a));
      }
      if (awards.empty()) return;
      std::set<std::int64_t> ids;
      for (const auto& a : awards) ids.insert(a.id);
      for (auto& l : statement != 0 ? fs.statement_lots_lines(s, statement) : fs.lines(s))
        if (ids.contains(l.award_id)) lines.push_back(std::move(l));
      for (auto& m : fs.months(s))
        if (ids.contains(m.first)) declared.insert(std::move(m));
      if (only == nullptr) {  // people and timelines: not for a check of the pace
        for (auto& p : fs.participants(s)) participants.emplace(p.id, std::move(p));
        for (auto& e : fs.events(s))
          if (ids.contains(e.award_id)) events[e.award_id].push_back(std::move(e));
      }
      for (const auto pid : programmes) {
        for (auto& d : ws.decisions(s, pid)) decisions[{d.reference, d.clause}] = std::move(d);
        if (only != nullptr) continue;
        // The current version's lots, for buyer, object and sector.
        std::optional<store::ProgrammeRow> row;
        for (auto& p : ws.programmes(s))
          if (p.id == pid) row = std::move(p);
        if (!row) continue;
        const auto version = current_version(ws, s, *row);
        std::set<std::string> wanted;
        for (const auto& a : awards)
          if (a.programme_id == pid) wanted.insert(a.reference);
        if (wanted.size() < 8) {
          for (const auto& r : wanted)
            if (const auto lot = ws.lot(s, version.id, r))
              lot_data[r] = store::lot_from_json(lot->data).first;
        } else {  // one pass over the version rather than a query per lot
          ws.for_each_lot(s, version.id, [&](store::LotRow&& lot) {
            if (wanted.contains(lot.reference))
              lot_data[lot.reference] = store::lot_from_json(lot.data).first;
          });
        }
      }
    });
  });

  // Rules in force on the status date.
  const RuleValue risk = rule(params, risk_parameter, on);
  const RuleValue penalty = rule(params, penalty_parameter, on);
  // Delays are rule data (rules/suivi/); a rule set without them assumes none.
  const RuleValue notice = rule(params, notice_parameter, on);
  const RuleValue kickoff = rule(params, kickoff_parameter, on);
  const RuleValue small = rule(params, small_count_parameter, on);

  HoursCounter counter(params);
  StatementDue statement_due(params);
  std::set<std::string> sensitive;
  for (const auto& c : categories_in_force(params, on))
    if (c.sensitive) sensitive.insert(c.id);
  std::map<std::int64_t, std::vector<const store::LineRow*>> by_award;
  for (const auto& l : lines) by_award[l.award_id].push_back(&l);

  for (const auto& a : awards) {
    LotStatus st;
    st.reference = a.reference;
    st.programme = a.programme;
    st.company = a.company;
    st.siret = a.siret;
    st.kind = a.kind;
    st.start = a.start_date;
    st.end = a.end_date;
    st.clause = a.clause;
    st.pool = a.pool;
    st.hours_committed = a.hours_committed;
    if (const auto it = lot_data.find(a.reference); it != lot_data.end()) {
      st.objet = it->second.objet;
      st.buyer = it->second.acheteur;
      if (!it->second.unknown.nature) st.nature = std::string(nature_id(it->second.nature));
      const auto& recorded = it->second.recorded_social_considerations;
      st.declared = recorded && !recorded->empty();
    }
    std::optional<store::DecisionRow> decision;
    if (const auto it = decisions.find({a.reference, a.clause}); it != decisions.end()) decision = it->second;
    st.hours_owed = owed_hours(a, decision, &st.owed_from);

    // Hours, counted month by month under the rules in force that month.
    std::map<std::int64_t, PersonHours> people;
    std::map<std::string, double> routes;
    for (const auto* l : by_award[a.id]) {
      const double counted = counter.counted(*l);
      routes[l->route] += counted;
      st.hours_realised += counted;
      st.hours_training += l->hours_training;
      PersonHours& p = people[l->participant_id];
      p.hours += counted;
      p.training += l->hours_training;
      if (l->month > st.last_month) st.last_month = l->month;
    }
    for (const auto& [route, h] : routes) st.by_route.emplace_back(route, h);
    for (auto it = declared.lower_bound({a.id, std::string()}); it != declared.end() && it->first == a.id;
         ++it)
      if (it->second > st.last_month) st.last_month = it->second;

    // The pace: owed pro rata of the contract's duration elapsed.
    std::optional<Date> start;
    std::optional<Date> end;
    if (!a.start_date.empty()) start = Date::parse_iso(a.start_date);
    if (!a.end_date.empty()) end = Date::parse_iso(a.end_date);
    if (st.hours_owed && start && end) {
      const double total = (end->days() - start->days()) + 1;
      const double elapsed = std::clamp<double>(on.days() - start->days() + 1, 0, total);
      st.expected_to_date = std::round(static_cast<double>(*st.hours_owed) * elapsed / total * 10) / 10;
    }
    // Late statements: months of the contract whose statement was due before `on`.
    if (start && end) {
      for (std::string m = month_of(*start); m <= month_of(*end); m = next_month(m)) {
        if (statement_due(m) >= on) break;
        if (!declared.contains({a.id, m})) st.missing_months.push_back(m);
      }
    }
    st.late = !st.missing_months.empty();
    if (st.expected_to_date && *st.expected_to_date > 0 && risk.found)
      st.at_risk = st.hours_realised < risk.number * *st.expected_to_date;
    const bool ended = end && on > *end;
    if (ended && st.hours_owed && penalty.found && st.hours_realised < static_cast<double>(*st.hours_owed))
      st.penalty =
          std::round((static_cast<double>(*st.hours_owed) - st.hours_realised) * penalty.number * 100) / 100;

    // The timeline, and who acts next.
    std::set<std::string> happened;
    std::string last_reminder;
    for (const auto& e : events[a.id]) {
      st.timeline.push_back({e.on_date, e.kind, event_label(e.kind), e.note});
      happened.insert(e.kind);
      if (e.kind == "relance") last_reminder = e.on_date;
    }
    const Date anchor = start.value_or(Date::parse_iso(a.awarded_at.substr(0, 10)).value_or(on));
    if (!happened.contains("reunion-lancement") && by_award[a.id].empty()) {
      st.next = {"facilitateur", "Tenir la réunion de lancement avec le titulaire et l'acheteur",
                 plus_months(anchor, kickoff.found ? static_cast<int>(kickoff.number) : 0).iso()};
    } else if (st.late) {
      const std::string& first = st.missing_months.front();
      if (last_reminder.empty() || last_reminder < statement_due(first).iso()) {
        st.next = {"facilitateur", "Relancer le titulaire : état de " + first + " non reçu",
                   statement_due(first).iso()};
      } else if (!happened.contains("mise-en-demeure")) {
        st.next = {"acheteur", "Mettre le titulaire en demeure de transmettre l'état de " + first,
                   Date::parse_iso(last_reminder)
                       ->plus_days(notice.found ? static_cast<int>(notice.number) : 0)
                       .iso()};
      } else {
        st.next = {"entreprise", "Transmettre l'état de " + first, on.iso()};
      }
    } else if (ended) {
      if (st.penalty && !happened.contains("penalite")) {
        st.next = {"acheteur",
                   "Décider des pénalités après procédure contradictoire (" +
                       fr::decimal(static_cast<double>(*st.hours_owed) - st.hours_realised, 1) +
                       " heures manquantes)",
                   end->plus_days(1).iso()};
      } else if (!happened.contains("rapport-final")) {
        st.next = {"facilitateur", "Rédiger le rapport final du lot", plus_months(*end, 1).iso()};
      }
    } else if (st.at_risk) {
      st.next = {"facilitateur",
                 "Accompagner le titulaire : heures en retard sur le rythme attendu, proposer des candidats",
                 on.iso()};
    } else {
      const std::string current = month_of(on);
      st.next = {"entreprise", "Transmettre l'état de " + current, statement_due(current).iso()};
    }

    // What the audience may see of the people.
    const bool buyer = audience.role == Audience::Role::acheteur;
    st.participants = people.size();
    if (buyer && small.found && !people.empty() && static_cast<double>(people.size()) < small.number)
      st.participants.reset();
    std::map<std::string, std::size_t> categories;
    for (auto& [pid, p] : people) {
      const auto it = participants.find(pid);
      if (it == participants.end()) continue;
      p.participant = it->second.pseudonym;
      p.category = it->second.category;
      if (audience.role != Audience::Role::facilitateur && sensitive.contains(p.category))
        p.category = std::string(masked_category);
      ++categories[p.category];
      if (!buyer) st.people.push_back(p);
    }
    for (const auto& [c, n] : categories) {
      // A buyer sees no count below the threshold.
      if (buyer && small.found && static_cast<double>(n) < small.number) continue;
      st.by_category.emplace_back(c, n);
    }
    out.lots.push_back(std::move(st));
  }
  // Globalisation: the lots of a pool are judged on their pooled hours.
  std::map<std::string, std::tuple<std::int64_t, double, double>> pools;  // owed, realised, expected
  for (const auto& l : out.lots) {
    if (l.pool.empty()) continue;
    auto& [owed, realised, expected] = pools[l.pool];
    owed += l.hours_owed.value_or(0);
    realised += l.hours_realised;
    expected += l.expected_to_date.value_or(0);
  }
  for (auto& l : out.lots) {
    const auto it = pools.find(l.pool);
    if (it == pools.end()) continue;
    const auto& [owed, realised, expected] = it->second;
    l.pool_hours_owed = owed;
    l.pool_hours_realised = realised;
    if (risk.found && expected > 0) l.at_risk = realised < risk.number * expected;
  }
  return out;
}

namespace {

void optional_number(writers::JsonWriter& w, std::string_view key, const std::optional<double>& v) {
  w.key(key);
  v ? w.value(*v) : w.null();
}

void optional_integer(writers::JsonWriter& w, std::string_view key, const std::optional<std::int64_t>& v) {
  w.key(key);
  v ? w.value(*v) : w.null();
}

std::string_view role_id(Audience::Role r) {
  switch (r) {
    case Audience::Role::facilitateur: return "facilitateur";
    case Audience::Role::acheteur: return "acheteur";
    case Audience::Role::entreprise: return "entreprise";
  }
  return "facilitateur";
}

std::string hours_text(double h) { return fr::decimal(h, 1); }

}  // namespace

void Followup::write_status(const FollowupStatus& status, FollowupFormat format, std::ostream& out) {
  if (format == FollowupFormat::json) {
    writers::JsonWriter w(out, 2);
    w.begin_object().field("on", status.on.iso()).field("audience", role_id(status.audience.role));
    w.key("lots").begin_array();
    for (const auto& l : status.lots) {
      w.begin_object()
          .field("reference", l.reference)
          .field("programme", l.programme)
          .field("objet", l.objet)
          .field("buyer", l.buyer)
          .field("sector", l.nature)
          .field("company", l.company)
          .field("siret", l.siret)
          .field("kind", l.kind)
          .field("start", l.start)
          .field("end", l.end)
          .field("clause", l.clause)
          .field("pool", l.pool);
      optional_integer(w, "pool_hours_owed", l.pool_hours_owed);
      optional_number(w, "pool_hours_realised", l.pool_hours_realised);
      optional_integer(w, "hours_owed", l.hours_owed);
      w.field("hours_owed_from", l.owed_from);
      optional_integer(w, "hours_committed", l.hours_committed);
      w.field("hours_realised", l.hours_realised).field("hours_training", l.hours_training);
      optional_number(w, "expected_to_date", l.expected_to_date);
      w.key("participants");
      l.participants ? w.value(static_cast<std::int64_t>(*l.participants)) : w.null();
      w.field("late", l.late);
      w.key("missing_months").begin_array();
      for (const auto& m : l.missing_months) w.value(m);
      w.end_array();
      w.field("at_risk", l.at_risk).field("last_month", l.last_month);
      optional_number(w, "penalty", l.penalty);
      w.key("next_action")
          .begin_object()
          .field("who", l.next.who)
          .field("what", l.next.what)
          .field("due", l.next.due)
          .end_object();
      w.key("by_route").begin_array();
      for (const auto& [route, h] : l.by_route)
        w.begin_object().field("route", route).field("hours", h).end_object();
      w.end_array();
      w.key("by_category").begin_array();
      for (const auto& [c, n] : l.by_category)
        w.begin_object()
            .field("category", c)
            .field("participants", static_cast<std::int64_t>(n))
            .end_object();
      w.end_array();
      w.key("timeline").begin_array();
      for (const auto& e : l.timeline)
        w.begin_object()
            .field("date", e.date)
            .field("kind", e.kind)
            .field("label", e.label)
            .field("note", e.note)
            .end_object();
      w.end_array();
      if (status.audience.role != Audience::Role::acheteur) {
        w.key("people").begin_array();
        for (const auto& p : l.people)
          w.begin_object()
              .field("participant", p.participant)
              .field("category", p.category)
              .field("hours", p.hours)
              .field("training", p.training)
              .end_object();
        w.end_array();
      }
      w.end_object();
    }
    w.end_array().end_object();
    out << '\n';
    return;
  }
  if (status.lots.empty()) {
    out << "Aucun lot attribué à suivre" << fr::colon
        << " enregistrez une attribution (clausier followup award).\n";
    return;
  }
  const std::vector<std::pair<std::string, std::size_t>> cols = {
      {"Lot", 14},      {"Titulaire", 22}, {"Dues", 7},   {"Réalisées", 10},     {"Attendues", 10},
      {"Particip.", 9}, {"Retard", 8},     {"Risque", 6}, {"Prochaine étape", 0}};
  for (const auto& [title, width] : cols) out << text::pad(title, width) << (width ? " " : "\n");
  for (const auto& l : status.lots) {
    const std::vector<std::string> cells = {
        l.reference,
        l.company,
        l.hours_owed ? fr::integer(*l.hours_owed) : "–",
        hours_text(l.hours_realised),
        l.expected_to_date ? hours_text(*l.expected_to_date) : "–",
        l.participants ? std::to_string(*l.participants) : "< " + std::string("seuil"),
        l.late ? std::to_string(l.missing_months.size()) + " mois" : "non",
        l.at_risk ? "oui" : "non",
        l.next.who.empty()
            ? std::string("–")
            : l.next.who + fr::colon + " " + l.next.what +
                  (l.next.due.empty() ? "" : " (" + fr::date_short(*Date::parse_iso(l.next.due)) + ")")};
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const std::size_t width = cols[i].second;
      if (width == 0) {
        out << cells[i] << '\n';
      } else {
        out << text::pad(text::truncate(cells[i], width), width, i >= 2 && i <= 5) << ' ';
      }
    }
  }
}

}  // namespace clausier::app
