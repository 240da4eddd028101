#include "store/workspace_store.hpp"

#include <Poco/Data/Statement.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Nullable.h>
#include <Poco/Timestamp.h>

namespace clausier::store {

using Poco::Data::Session;
using Poco::Data::Statement;
using namespace Poco::Data::Keywords;

namespace {

// Lots are written and read this many at a time.
constexpr std::size_t page_size = 1000;

template <typename T>
Poco::Nullable<T> nullable(const std::optional<T>& v) {
  return v ? Poco::Nullable<T>(*v) : Poco::Nullable<T>();
}

template <typename T>
std::optional<T> optional(const Poco::Nullable<T>& v) {
  return v.isNull() ? std::nullopt : std::optional<T>(v.value());
}

}  // namespace

std::string utc_now() { return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%SZ"); }

std::optional<ProgrammeRow> WorkspaceStore::find_programme(Session& s, const std::string& name) const {
  ProgrammeRow row;
  std::string n = name;
  Statement st(s);
  st << db_.sql("SELECT id, name, structure, current_version, created_at FROM programmes WHERE name = ?"),
      use(n), into(row.id), into(row.name), into(row.structure), into(row.current_version),
      into(row.created_at);
  if (st.execute() == 0) return std::nullopt;
  return row;
}

std::vector<ProgrammeRow> WorkspaceStore::programmes(Session& s) const {
  std::vector<ProgrammeRow> out;
  ProgrammeRow row;
  Statement st(s);
  st << "SELECT id, name, structure, current_version, created_at FROM programmes ORDER BY name", into(row.id),
      into(row.name), into(row.structure), into(row.current_version), into(row.created_at), range(0, 1);
  while (!st.done()) {
    if (st.execute() > 0) out.push_back(row);
  }
  return out;
}

std::int64_t WorkspaceStore::insert_programme(Session& s, const std::string& name,
                                              const std::string& structure) const {
  std::string n = name;
  std::string st = structure;
  std::string at = utc_now();
  std::int64_t id = 0;
  s << db_.sql(
      "INSERT INTO programmes (name, structure, current_version, created_at) VALUES (?, ?, 0, ?) RETURNING "
      "id"),
      use(n), use(st), use(at), into(id), now;
  return id;
}

void WorkspaceStore::lock_programme(Session& s, std::int64_t programme) const {
  if (db_.engine() != Engine::postgresql) return;
  std::int64_t id = 0;
  s << db_.sql("SELECT id FROM programmes WHERE id = ? FOR UPDATE"), use(programme), into(id), now;
}

void WorkspaceStore::set_current_version(Session& s, std::int64_t programme, int version) const {
  s << db_.sql("UPDATE programmes SET current_version = ? WHERE id = ?"), use(version), use(programme), now;
}

void WorkspaceStore::delete_programme(Session& s, std::int64_t programme) const {
  // Children first: SQLite's cascade needs foreign_keys on, which a pooled
  // connection has, but the order keeps this independent of it.
  s << db_.sql("DELETE FROM history WHERE programme_id = ?"), use(programme), now;
  s << db_.sql("DELETE FROM decisions WHERE programme_id = ?"), use(programme), now;
  s << db_.sql(
      "DELETE FROM results WHERE evaluation_id IN (SELECT e.id FROM evaluations e JOIN versions v ON "
      "e.version_id = v.id WHERE v.programme_id = ?)"),
      use(programme), now;
  s << db_.sql(
      "DELETE FROM texts WHERE evaluation_id IN (SELECT e.id FROM evaluations e JOIN versions v ON "
      "e.version_id = v.id WHERE v.programme_id = ?)"),
      use(programme), now;
  s << db_.sql(
      "DELETE FROM evaluations WHERE version_id IN (SELECT id FROM versions WHERE programme_id = ?)"),
      use(programme), now;
  s << db_.sql("DELETE FROM lots WHERE version_id IN (SELECT id FROM versions WHERE programme_id = ?)"),
      use(programme), now;
  s << db_.sql("DELETE FROM versions WHERE programme_id = ?"), use(programme), now;
  s << db_.sql("DELETE FROM programmes WHERE id = ?"), use(programme), now;
}

std::int64_t WorkspaceStore::insert_version(Session& s, std::int64_t programme, const VersionRow& v) const {
  VersionRow r = v;
  int own_totals = v.own_totals ? 1 : 0;
  std::int64_t id = 0;
  s << db_.sql(
      "INSERT INTO versions (programme_id, number, source_name, source_sha256, imported_at, imported_by, "
      "lots, "
      "diagnostics, own_totals) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
      use(programme), use(r.number), use(r.source_name), use(r.source_sha256), use(r.imported_at),
      use(r.imported_by), use(r.lots), use(r.diagnostics), use(own_totals), into(id), now;
  return id;
}

void WorkspaceStore::set_version_lots(Session& s, std::int64_t version, int lots,
                                      const std::string& diagnostics) const {
  std::string d = diagnostics;
  s << db_.sql("UPDATE versions SET lots = ?, diagnostics = ? WHERE id = ?"), use(lots), use(d), use(version),
      now;
}

namespace {
constexpr const char* version_columns =
    "SELECT id, number, source_name, source_sha256, imported_at, imported_by, lots, diagnostics, own_totals "
    "FROM "
    "versions ";
}

std::optional<VersionRow> WorkspaceStore::version(Session& s, std::int64_t programme, int number) const {
  VersionRow r;
  int own_totals = 0;
  Statement st(s);
  st << db_.sql(std::string(version_columns) + "WHERE programme_id = ? AND number = ?"), use(programme),
      use(number), into(r.id), into(r.number), into(r.source_name), into(r.source_sha256),
      into(r.imported_at), into(r.imported_by), into(r.lots), into(r.diagnostics), into(own_totals);
  if (st.execute() == 0) return std::nullopt;
  r.own_totals = own_totals != 0;
  return r;
}

std::vector<VersionRow> WorkspaceStore::versions(Session& s, std::int64_t programme) const {
  std::vector<VersionRow> out;
  VersionRow r;
  int own_totals = 0;
  Statement st(s);
  st << db_.sql(std::string(version_columns) + "WHERE programme_id = ? ORDER BY number"), use(programme),
      into(r.id), into(r.number), into(r.source_name), into(r.source_sha256), into(r.imported_at),
      into(r.imported_by), into(r.lots), into(r.diagnostics), into(own_totals), range(0, 1);
  while (!st.done()) {
    if (st.execute() > 0) {
      r.own_totals = own_totals != 0;
      out.push_back(r);
    }
  }
  return out;
}

WorkspaceStore::LotWriter::LotWriter(const WorkspaceStore& store, Session& s, std::int64_t version,
                                     std::int64_t evaluation)
    : store_(store), s_(s), version_(version), evaluation_(evaluation) {}

void WorkspaceStore::LotWriter::add(LotRow lot, const std::vector<ClauseResult>& results) {
  add(std::move(lot), results_to_json(results, &texts_));
}

void WorkspaceStore::LotWriter::add(LotRow lot, std::string results_json) {
  positions_.push_back(lot.position);
  references_.push_back(std::move(lot.reference));
  fingerprints_.push_back(std::move(lot.fingerprint));
  data_.push_back(std::move(lot.data));
  results_.push_back(std::move(results_json));
  if (positions_.size() >= page_size) flush();
}

void WorkspaceStore::LotWriter::flush() {
  store_.insert_texts(s_, evaluation_, texts_.take_new());
  if (positions_.empty()) return;
  std::vector<std::int64_t> versions(positions_.size(), version_);
  std::vector<std::int64_t> evaluations(positions_.size(), evaluation_);
  store_.db_.insert_rows(s_, "INSERT INTO lots (version_id, position, reference, fingerprint, data) VALUES ",
                         versions, positions_, references_, fingerprints_, data_);
  store_.db_.insert_rows(s_, "INSERT INTO results (evaluation_id, reference, clauses) VALUES ", evaluations,
                         references_, results_);
  positions_.clear();
  references_.clear();
  fingerprints_.clear();
  data_.clear();
  results_.clear();
}

WorkspaceStore::LotPage WorkspaceStore::lots_page(Session& s, std::int64_t version, std::int64_t evaluation,
                                                  int after_position) const {
  std::vector<int> positions;
  std::vector<std::string> references;
  std::vector<std::string> fingerprints;
  std::vector<std::string> data;
  LotPage page;
  s << db_.sql(
      "SELECT l.position, l.reference, l.fingerprint, l.data, COALESCE(r.clauses, '') FROM lots l LEFT JOIN "
      "results r ON r.evaluation_id = ? AND r.reference = l.reference WHERE l.version_id = ? AND l.position "
      "> "
      "? ORDER BY l.position LIMIT " +
      std::to_string(page_size)),
      use(evaluation), use(version), use(after_position), into(positions), into(references),
      into(fingerprints), into(data), into(page.clauses), now;
  page.lots.reserve(positions.size());
  for (std::size_t i = 0; i < positions.size(); ++i) {
    page.lots.push_back(
        LotRow{positions[i], std::move(references[i]), std::move(fingerprints[i]), std::move(data[i])});
  }
  return page;
}

void WorkspaceStore::for_each_lot(Session& s, std::int64_t version,
                                  const std::function<void(LotRow&&)>& on_lot) const {
  int after = -1;
  for (;;) {
    LotPage page = lots_page(s, version, 0, after);
    for (auto& lot : page.lots) on_lot(std::move(lot));
    if (page.lots.size() < page_size) return;
    after = page.lots.back().position;
  }
}

std::optional<LotRow> WorkspaceStore::lot(Session& s, std::int64_t version,
                                          const std::string& reference) const {
  LotRow row;
  std::string ref = reference;
  Statement st(s);
  st << db_.sql(
      "SELECT position, reference, fingerprint, data FROM lots WHERE version_id = ? AND reference = ?"),
      use(version), use(ref), into(row.position), into(row.reference), into(row.fingerprint), into(row.data);
  if (st.execute() == 0) return std::nullopt;
  return row;
}

VersionDiff WorkspaceStore::diff(Session& s, std::int64_t before, std::int64_t after) const {
  VersionDiff d;
  s << db_.sql(
      "SELECT n.reference FROM lots n WHERE n.version_id = ? AND NOT EXISTS (SELECT 1 FROM lots o WHERE "
      "o.version_id = ? AND o.reference = n.reference) ORDER BY n.position"),
      use(after), use(before), into(d.added), now;
  s << db_.sql(
      "SELECT o.reference FROM lots o WHERE o.version_id = ? AND NOT EXISTS (SELECT 1 FROM lots n WHERE "
      "n.version_id = ? AND n.reference = o.reference) ORDER BY o.position"),
      use(before), use(after), into(d.removed), now;
  s << db_.sql(
      "SELECT n.reference FROM lots n JOIN lots o ON o.version_id = ? AND o.reference = n.reference WHERE "
      "n.version_id = ? AND o.fingerprint <> n.fingerprint ORDER BY n.position"),
      use(before), use(after), into(d.changed), now;
  return d;
}

std::int64_t WorkspaceStore::insert_evaluation(Session& s, std::int64_t version,
                                               const EvaluationRow& e) const {
  EvaluationRow r = e;
  std::int64_t id = 0;
  Poco::Nullable<std::string> as_of;
  if (!r.as_of.empty()) as_of = r.as_of;
  s << db_.sql(
      "INSERT INTO evaluations (version_id, rules_fingerprint, evaluated_at, as_of) VALUES (?, ?, ?, ?) "
      "RETURNING id"),
      use(version), use(r.rules_fingerprint), use(r.evaluated_at), use(as_of), into(id), now;
  return id;
}

std::optional<EvaluationRow> WorkspaceStore::latest_evaluation(Session& s, std::int64_t version) const {
  EvaluationRow r;
  Poco::Nullable<std::string> as_of;
  Statement st(s);
  st << db_.sql(
      "SELECT id, rules_fingerprint, evaluated_at, as_of FROM evaluations WHERE version_id = ? ORDER BY id "
      "DESC LIMIT 1"),
      use(version), into(r.id), into(r.rules_fingerprint), into(r.evaluated_at), into(as_of);
  if (st.execute() == 0) return std::nullopt;
  if (!as_of.isNull()) r.as_of = as_of.value();
  return r;
}

std::optional<std::string> WorkspaceStore::result(Session& s, std::int64_t evaluation,
                                                  const std::string& reference) const {
  std::string clauses;
  std::string ref = reference;
  Statement st(s);
  st << db_.sql("SELECT clauses FROM results WHERE evaluation_id = ? AND reference = ?"), use(evaluation),
      use(ref), into(clauses);
  if (st.execute() == 0) return std::nullopt;
  return clauses;
}

std::vector<std::string> WorkspaceStore::texts(Session& s, std::int64_t evaluation) const {
  std::vector<int> ids;
  std::vector<std::string> texts;
  s << db_.sql("SELECT id, text FROM texts WHERE evaluation_id = ? ORDER BY id"), use(evaluation), into(ids),
      into(texts), now;
  std::vector<std::string> out(ids.empty() ? 0 : static_cast<std::size_t>(ids.back()) + 1);
  for (std::size_t i = 0; i < ids.size(); ++i) out[static_cast<std::size_t>(ids[i])] = std::move(texts[i]);
  return out;
}

void WorkspaceStore::insert_texts(Session& s, std::int64_t evaluation,
                                  std::vector<std::pair<int, std::string>> texts) const {
  if (texts.empty()) return;
  std::vector<std::int64_t> evaluations(texts.size(), evaluation);
  std::vector<int> ids;
  std::vector<std::string> values;
  ids.reserve(texts.size());
  values.reserve(texts.size());
  for (auto& [id, text] : texts) {
    ids.push_back(id);
    values.push_back(std::move(text));
  }
  db_.insert_rows(s, "INSERT INTO texts (evaluation_id, id, text) VALUES ", evaluations, ids, values);
}

namespace {
constexpr const char* decision_columns =
    "SELECT reference, clause, verdict, hours, motif, comment, author, decided_at, version, lot_fingerprint "
    "FROM decisions ";

struct DecisionColumns {
  DecisionRow row;
  Poco::Nullable<std::string> verdict, motif, comment;
  Poco::Nullable<Poco::Int64> hours;

  DecisionRow take() {
    row.verdict = optional(verdict);
    row.motif = optional(motif);
    row.comment = optional(comment);
    row.hours = hours.isNull() ? std::nullopt : std::optional<std::int64_t>(hours.value());
    return row;
  }
};
}  // namespace

std::vector<DecisionRow> WorkspaceStore::decisions(Session& s, std::int64_t programme) const {
  std::vector<DecisionRow> out;
  DecisionColumns c;
  Statement st(s);
  st << db_.sql(std::string(decision_columns) + "WHERE programme_id = ? ORDER BY reference, clause"),
      use(programme), into(c.row.reference), into(c.row.clause), into(c.verdict), into(c.hours),
      into(c.motif), into(c.comment), into(c.row.author), into(c.row.decided_at), into(c.row.version),
      into(c.row.lot_fingerprint), range(0, 1);
  while (!st.done()) {
    if (st.execute() > 0) out.push_back(c.take());
  }
  return out;
}

std::optional<DecisionRow> WorkspaceStore::decision(Session& s, std::int64_t programme,
                                                    const std::string& reference,
                                                    const std::string& clause) const {
  DecisionColumns c;
  std::string ref = reference;
  std::string cl = clause;
  Statement st(s);
  st << db_.sql(std::string(decision_columns) + "WHERE programme_id = ? AND reference = ? AND clause = ?"),
      use(programme), use(ref), use(cl), into(c.row.reference), into(c.row.clause), into(c.verdict),
      into(c.hours), into(c.motif), into(c.comment), into(c.row.author), into(c.row.decided_at),
      into(c.row.version), into(c.row.lot_fingerprint);
  if (st.execute() == 0) return std::nullopt;
  return c.take();
}

void WorkspaceStore::put_decision(Session& s, std::int64_t programme, const DecisionRow& d) const {
  delete_decision(s, programme, d.reference, d.clause);
  DecisionRow r = d;
  auto verdict = nullable(r.verdict);
  auto motif = nullable(r.motif);
  auto comment = nullable(r.comment);
  Poco::Nullable<Poco::Int64> hours;
  if (r.hours) hours = static_cast<Poco::Int64>(*r.hours);
  s << db_.sql(
      "INSERT INTO decisions (programme_id, reference, clause, verdict, hours, motif, comment, author, "
      "decided_at, version, lot_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      use(programme), use(r.reference), use(r.clause), use(verdict), use(hours), use(motif), use(comment),
      use(r.author), use(r.decided_at), use(r.version), use(r.lot_fingerprint), now;
}

void WorkspaceStore::delete_decision(Session& s, std::int64_t programme, const std::string& reference,
                                     const std::string& clause) const {
  std::string ref = reference;
  std::string cl = clause;
  s << db_.sql("DELETE FROM decisions WHERE programme_id = ? AND reference = ? AND clause = ?"),
      use(programme), use(ref), use(cl), now;
}

void WorkspaceStore::append_history(Session& s, std::int64_t programme, const HistoryRow& h) const {
  HistoryRow r = h;
  s << db_.sql(
      "INSERT INTO history (programme_id, at, author, action, version, reference, clause, before_json, "
      "after_json, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      use(programme), use(r.at), use(r.author), use(r.action), use(r.version), use(r.reference),
      use(r.clause), use(r.before_json), use(r.after_json), use(r.summary), now;
}

std::vector<HistoryRow> WorkspaceStore::history(Session& s, std::int64_t programme,
                                                const std::string& reference) const {
  std::vector<HistoryRow> out;
  HistoryRow r;
  std::string ref = reference;
  Statement st(s);
  const std::string where =
      reference.empty() ? "WHERE programme_id = ? " : "WHERE programme_id = ? AND reference = ? ";
  st << db_.sql(
      "SELECT at, author, action, version, reference, clause, before_json, after_json, summary FROM "
      "history " +
      where + "ORDER BY id"),
      use(programme);
  if (!reference.empty()) st, use(ref);
  st, into(r.at), into(r.author), into(r.action), into(r.version), into(r.reference), into(r.clause),
      into(r.before_json), into(r.after_json), into(r.summary), range(0, 1);
  while (!st.done()) {
    if (st.execute() > 0) out.push_back(r);
  }
  return out;
}

}  // namespace clausier::store
