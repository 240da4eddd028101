#include "store/followup_store.hpp"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

namespace clausier::store {

using Poco::Data::Session;
using Poco::Data::Statement;
using namespace Poco::Data::Keywords;

namespace {

constexpr const char* award_columns =
    "SELECT a.id, a.programme_id, p.name, a.reference, a.siret, a.company, a.kind, COALESCE(a.start_date, "
    "''), "
    "COALESCE(a.end_date, ''), COALESCE(a.hours_committed, -1), a.clause, a.hours_proposed, "
    "COALESCE(a.pool, ''), a.partners, a.awarded_at, a.author FROM followup_awards a JOIN programmes p ON "
    "p.id = a.programme_id ";

std::optional<std::int64_t> non_negative(std::int64_t v) {
  return v < 0 ? std::nullopt : std::optional<std::int64_t>(v);
}

constexpr const char* participant_columns =
    "SELECT id, pseudonym, COALESCE(category, ''), COALESCE(validated_on, ''), COALESCE(validated_by, ''), "
    "COALESCE(sex, ''), COALESCE(age_band, ''), COALESCE(qualification, ''), COALESCE(qpv, ''), "
    "COALESCE(outcome, ''), last_month FROM followup_participants ";

}  // namespace

std::optional<AwardRow> FollowupStore::award(Session& s, const std::string& reference) const {
  for (auto& a : awards(s)) {
    if (a.reference == reference) return std::move(a);
  }
  return std::nullopt;
}

std::vector<AwardRow> FollowupStore::awards(Session& s) const {
  std::vector<std::int64_t> id, programme_id, committed, proposed;
  std::vector<std::string> programme, reference, siret, company, kind, start, end, clause, pool, partners, at,
      author;
  s << db_.sql(std::string(award_columns) + "ORDER BY a.reference"), into(id), into(programme_id),
      into(programme), into(reference), into(siret), into(company), into(kind), into(start), into(end),
      into(committed), into(clause), into(proposed), into(pool), into(partners), into(at), into(author), now;
  std::vector<AwardRow> out(id.size());
  for (std::size_t i = 0; i < id.size(); ++i) {
    AwardRow& a = out[i];
    a.id = id[i];
    a.programme_id = programme_id[i];
    a.programme = std::move(programme[i]);
    a.reference = std::move(reference[i]);
    a.siret = std::move(siret[i]);
    a.company = std::move(company[i]);
    a.kind = std::move(kind[i]);
    a.start_date = std::move(start[i]);
    a.end_date = std::move(end[i]);
    a.hours_committed = non_negative(committed[i]);
    a.clause = std::move(clause[i]);
    a.hours_proposed = non_negative(proposed[i]);
    a.pool = std::move(pool[i]);
    a.partners = std::move(partners[i]);
    a.awarded_at = std::move(at[i]);
    a.author = std::move(author[i]);
  }
  return out;
}

std::int64_t FollowupStore::put_award(Session& s, const AwardRow& a) const {
  AwardRow r = a;
  std::int64_t committed = a.hours_committed.value_or(-1);
  std::int64_t proposed = a.hours_proposed.value_or(-1);
  std::int64_t id = 0;
  Statement find(s);
  find << db_.sql("SELECT id FROM followup_awards WHERE reference = ?"), use(r.reference), into(id);
  if (find.execute() > 0) {
    s << db_.sql(
        "UPDATE followup_awards SET programme_id = ?, siret = ?, company = ?, kind = ?, start_date = ?, "
        "end_date = ?, hours_committed = ?, clause = ?, hours_proposed = ?, pool = ?, partners = ? WHERE id "
        "= ?"),
        use(r.programme_id), use(r.siret), use(r.company), use(r.kind), use(r.start_date), use(r.end_date),
        use(committed), use(r.clause), use(proposed), use(r.pool), use(r.partners), use(id), now;
    return id;
  }
  s << db_.sql(
      "INSERT INTO followup_awards (programme_id, reference, siret, company, kind, start_date, end_date, "
      "hours_committed, clause, hours_proposed, pool, partners, awarded_at, author) VALUES (?, ?, ?, ?, ?, "
      "?, ?, "
      "?, ?, ?, ?, ?, ?, ?) RETURNING id"),
      use(r.programme_id), use(r.reference), use(r.siret), use(r.company), use(r.kind), use(r.start_date),
      use(r.end_date), use(committed), use(r.clause), use(proposed), use(r.pool), use(r.partners),
      use(r.awarded_at), use(r.author), into(id), now;
  return id;
}

namespace {
std::vector<ParticipantRow> read_participants(Session& s, const std::string& sql, std::string* key) {
  std::vector<std::int64_t> id;
  std::vector<std::string> pseudonym, category, validated_on, validated_by, sex, age, qualification, qpv,
      outcome, last;
  Statement st(s);
  st << sql, into(id), into(pseudonym), into(category), into(validated_on), into(validated_by), into(sex),
      into(age), into(qualification), into(qpv), into(outcome), into(last);
  if (key != nullptr) st, use(*key);
  st.execute();
  std::vector<ParticipantRow> out(id.size());
  for (std::size_t i = 0; i < id.size(); ++i) {
    out[i] = {id[i],
              std::move(pseudonym[i]),
              std::move(category[i]),
              std::move(validated_on[i]),
              std::move(validated_by[i]),
              std::move(sex[i]),
              std::move(age[i]),
              std::move(qualification[i]),
              std::move(qpv[i]),
              std::move(outcome[i]),
              std::move(last[i])};
  }
  return out;
}
}  // namespace

std::vector<ParticipantRow> FollowupStore::participants(Session& s) const {
  return read_participants(s, db_.sql(std::string(participant_columns) + "ORDER BY pseudonym"), nullptr);
}

std::optional<ParticipantRow> FollowupStore::participant(Session& s, const std::string& pseudonym) const {
  std::string key = pseudonym;
  auto rows = read_participants(s, db_.sql(std::string(participant_columns) + "WHERE pseudonym = ?"), &key);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::map<std::string, std::int64_t> FollowupStore::put_participants(
    Session& s, const std::vector<ParticipantRow>& rows) const {
  std::map<std::string, std::int64_t> ids;
  {
    std::vector<std::int64_t> id;
    std::vector<std::string> pseudonym;
    s << "SELECT id, pseudonym FROM followup_participants", into(id), into(pseudonym), now;
    for (std::size_t i = 0; i < id.size(); ++i) ids.emplace(std::move(pseudonym[i]), id[i]);
  }
  struct Columns {
    std::vector<std::string> pseudonym, category, validated_on, validated_by, sex, age, qualification, qpv,
        outcome, last;
    std::vector<std::int64_t> id;
    void add(const ParticipantRow& p) {
      pseudonym.push_back(p.pseudonym);
      category.push_back(p.category);
      validated_on.push_back(p.validated_on);
      validated_by.push_back(p.validated_by);
      sex.push_back(p.sex);
      age.push_back(p.age_band);
      qualification.push_back(p.qualification);
      qpv.push_back(p.qpv);
      outcome.push_back(p.outcome);
      last.push_back(p.last_month);
    }
  };
  Columns updated;
  Columns inserted;
  for (const auto& p : rows) {
    if (const auto it = ids.find(p.pseudonym); it != ids.end()) {
      updated.add(p);
      updated.id.push_back(it->second);
    } else {
      inserted.add(p);
    }
  }
  if (!updated.id.empty()) {
    Columns& u = updated;
    s << db_.sql(
        "UPDATE followup_participants SET category = ?, validated_on = ?, validated_by = ?, sex = ?, "
        "age_band = ?, qualification = ?, qpv = ?, outcome = ?, last_month = ? WHERE id = ?"),
        use(u.category), use(u.validated_on), use(u.validated_by), use(u.sex), use(u.age),
        use(u.qualification), use(u.qpv), use(u.outcome), use(u.last), use(u.id), now;
  }
  if (!inserted.pseudonym.empty()) {
    Columns& n = inserted;
    s << db_.sql(
        "INSERT INTO followup_participants (pseudonym, category, validated_on, validated_by, sex, age_band, "
        "qualification, qpv, outcome, last_month) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(n.pseudonym), use(n.category), use(n.validated_on), use(n.validated_by), use(n.sex), use(n.age),
        use(n.qualification), use(n.qpv), use(n.outcome), use(n.last), now;
    std::vector<std::int64_t> id;
    std::vector<std::string> pseudonym;
    s << "SELECT id, pseudonym FROM followup_participants", into(id), into(pseudonym), now;
    for (std::size_t i = 0; i < id.size(); ++i) ids[pseudonym[i]] = id[i];
  }
  return ids;
}

std::optional<StatementRow> FollowupStore::statement(Session& s, const std::string& sha256) const {
  StatementRow r;
  std::string key = sha256;
  Statement st(s);
  st << db_.sql(
      "SELECT id, sha256, source_name, siret, lines, imported_at, author FROM followup_statements WHERE "
      "sha256 = ?"),
      use(key), into(r.id), into(r.sha256), into(r.source_name), into(r.siret), into(r.lines),
      into(r.imported_at), into(r.author);
  if (st.execute() == 0) return std::nullopt;
  return r;
}

std::int64_t FollowupStore::insert_statement(Session& s, const StatementRow& st) const {
  StatementRow r = st;
  std::int64_t id = 0;
  s << db_.sql(
      "INSERT INTO followup_statements (sha256, source_name, siret, lines, imported_at, author) VALUES (?, "
      "?, "
      "?, ?, ?, ?) RETURNING id"),
      use(r.sha256), use(r.source_name), use(r.siret), use(r.lines), use(r.imported_at), use(r.author),
      into(id), now;
  return id;
}

namespace {
// The lines `sql` selects (line_columns first), bound to `key` unless null
// (an award, statement or participant id, or a month).
template <typename Key>
std::vector<LineRow> read_lines(Session& s, const std::string& sql, Key* key) {
  std::vector<std::int64_t> award, participant, statement;
  std::vector<std::string> month, route, contract, employer;
  std::vector<double> worked, training;
  Statement st(s);
  st << sql, into(award), into(month), into(participant), into(route), into(contract), into(employer),
      into(worked), into(training), into(statement);
  if (key != nullptr) st, use(*key);
  st.execute();
  std::vector<LineRow> out(award.size());
  for (std::size_t i = 0; i < award.size(); ++i) {
    out[i] = {award[i],
              std::move(month[i]),
              participant[i],
              std::move(route[i]),
              std::move(contract[i]),
              std::move(employer[i]),
              worked[i],
              training[i],
              statement[i]};
  }
  return out;
}
constexpr const char* line_columns =
    "SELECT award_id, month, participant_id, route, contract, employer, hours_worked, hours_training, "
    "statement_id FROM "
    "followup_lines ";
}  // namespace

std::vector<LineRow> FollowupStore::lines(Session& s) const {
  return read_lines<std::int64_t>(
      s, db_.sql(std::string(line_columns) + "ORDER BY award_id, month, participant_id"), nullptr);
}

std::vector<LineRow> FollowupStore::month_lines(Session& s, const std::string& month) const {
  std::string key = month;
  return read_lines(s, db_.sql(std::string(line_columns) + "WHERE month = ?"), &key);
}

std::vector<LineRow> FollowupStore::statement_lots_lines(Session& s, std::int64_t statement) const {
  std::int64_t key = statement;
  return read_lines(
      s,
      db_.sql(std::string(line_columns) + "WHERE award_id IN (SELECT award_id FROM followup_months WHERE "
                                          "statement_id = ?) ORDER BY award_id"),
      &key);
}

std::vector<LineRow> FollowupStore::participant_lines(Session& s, std::int64_t participant) const {
  std::int64_t key = participant;
  return read_lines(
      s, db_.sql(std::string(line_columns) + "WHERE participant_id = ? ORDER BY month, award_id"), &key);
}

void FollowupStore::replace_months(Session& s, const std::vector<std::int64_t>& awards,
                                   const std::vector<std::string>& months, std::int64_t statement) const {
  if (awards.empty()) return;
  std::vector<std::int64_t> a = awards;
  std::vector<std::string> m = months;
  std::vector<std::int64_t> st(awards.size(), statement);
  s << db_.sql("DELETE FROM followup_lines WHERE award_id = ? AND month = ?"), use(a), use(m), now;
  s << db_.sql("DELETE FROM followup_months WHERE award_id = ? AND month = ?"), use(a), use(m), now;
  s << db_.sql("INSERT INTO followup_months (award_id, month, statement_id) VALUES (?, ?, ?)"), use(a),
      use(m), use(st), now;
}

void FollowupStore::insert_lines(Session& s, const std::vector<LineRow>& lines) const {
  if (lines.empty()) return;
  std::vector<std::int64_t> award, participant, statement;
  std::vector<std::string> month, route, contract, employer;
  std::vector<double> worked, training;
  for (const auto& l : lines) {
    employer.push_back(l.employer);
    award.push_back(l.award_id);
    month.push_back(l.month);
    participant.push_back(l.participant_id);
    route.push_back(l.route);
    contract.push_back(l.contract);
    worked.push_back(l.hours_worked);
    training.push_back(l.hours_training);
    statement.push_back(l.statement_id);
  }
  s << db_.sql(
      "INSERT INTO followup_lines (award_id, month, participant_id, route, contract, employer, hours_worked, "
      "hours_training, statement_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      use(award), use(month), use(participant), use(route), use(contract), use(employer), use(worked),
      use(training), use(statement), now;
}

std::vector<std::pair<std::int64_t, std::string>> FollowupStore::months(Session& s) const {
  std::vector<std::int64_t> award;
  std::vector<std::string> month;
  s << "SELECT award_id, month FROM followup_months ORDER BY award_id, month", into(award), into(month), now;
  std::vector<std::pair<std::int64_t, std::string>> out;
  out.reserve(award.size());
  for (std::size_t i = 0; i < award.size(); ++i) out.emplace_back(award[i], std::move(month[i]));
  return out;
}

void FollowupStore::anonymise_participant(Session& s, std::int64_t id, const std::string& replacement) const {
  std::string r = replacement;
  s << db_.sql(
      "UPDATE followup_participants SET pseudonym = ?, category = '', validated_on = '', validated_by = '', "
      "sex = '', age_band = '', qualification = '', qpv = '', outcome = '' WHERE id = ?"),
      use(r), use(id), now;
}

std::vector<EventRow> FollowupStore::events(Session& s) const {
  std::vector<std::int64_t> id, award;
  std::vector<std::string> on, kind, note, author;
  s << "SELECT id, award_id, on_date, kind, note, author FROM followup_events ORDER BY award_id, on_date, id",
      into(id), into(award), into(on), into(kind), into(note), into(author), now;
  std::vector<EventRow> out(id.size());
  for (std::size_t i = 0; i < id.size(); ++i)
    out[i] = {
        id[i], award[i], std::move(on[i]), std::move(kind[i]), std::move(note[i]), std::move(author[i])};
  return out;
}

void FollowupStore::insert_events(Session& s, const std::vector<EventRow>& events) const {
  if (events.empty()) return;
  std::vector<std::int64_t> award;
  std::vector<std::string> on, kind, note, author;
  for (const auto& e : events) {
    award.push_back(e.award_id);
    on.push_back(e.on_date);
    kind.push_back(e.kind);
    note.push_back(e.note);
    author.push_back(e.author);
  }
  s << db_.sql("INSERT INTO followup_events (award_id, on_date, kind, note, author) VALUES (?, ?, ?, ?, ?)"),
      use(award), use(on), use(kind), use(note), use(author), now;
}

void FollowupStore::insert_event(Session& s, const EventRow& e) const {
  EventRow r = e;
  s << db_.sql("INSERT INTO followup_events (award_id, on_date, kind, note, author) VALUES (?, ?, ?, ?, ?)"),
      use(r.award_id), use(r.on_date), use(r.kind), use(r.note), use(r.author), now;
}

}  // namespace clausier::store
