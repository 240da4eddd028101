#pragma once
// The follow-up's tables (migrations/0003_followup.sql), one function per
// query, each inside the caller's transaction (Database::write or read), as
// WorkspaceStore does for the workspace. Rows are plain structs; the app
// layer (app/followup*.cpp) owns the rules of counting.

#include <Poco/Data/Session.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"

namespace clausier::store {

struct AwardRow {
  std::int64_t id = 0;
  std::int64_t programme_id = 0;
  std::string programme;  // the programme's name (read only)
  std::string reference;
  std::string siret;
  std::string company;
  std::string kind;                             // "entreprise", "ei", "etti"…
  std::string start_date;                       // ISO date or empty
  std::string end_date;                         // ISO date or empty
  std::optional<std::int64_t> hours_committed;  // the offer's, when higher than owed
  std::string clause;                           // the clause type whose hours are owed ("insertion")
  std::optional<std::int64_t> hours_proposed;   // the rules' proposal when awarded
  std::string pool;                             // globalisation agreement pooling several lots, or empty
  std::string partners;                         // JSON array of co-contractors and subcontractors
  std::string awarded_at;
  std::string author;
};

struct ParticipantRow {
  std::int64_t id = 0;
  std::string pseudonym;
  std::string category;
  std::string validated_on;  // ISO date; empty strings: not known
  std::string validated_by;
  std::string sex;
  std::string age_band;
  std::string qualification;
  std::string qpv;
  std::string outcome;
  std::string last_month;  // "2027-05"
};

struct LineRow {
  std::int64_t award_id = 0;
  std::string month;  // "2027-05"
  std::int64_t participant_id = 0;
  std::string route;     // "embauche-directe"…
  std::string contract;  // "CDI"…
  std::string employer;  // the legal employer when not the company (ETTI, AI, GEIQ, SIAE, EA), or empty
  double hours_worked = 0;
  double hours_training = 0;
  std::int64_t statement_id = 0;
};

struct StatementRow {
  std::int64_t id = 0;
  std::string sha256;
  std::string source_name;
  std::string siret;
  int lines = 0;
  std::string imported_at;
  std::string author;
};

struct EventRow {
  std::int64_t id = 0;
  std::int64_t award_id = 0;
  std::string on_date;  // ISO date
  std::string kind;     // "attribution", "reunion-lancement", "etat", "relance"…
  std::string note;     // French
  std::string author;
};

class FollowupStore {
 public:
  explicit FollowupStore(Database& db) : db_(db) {}

  // Awards.
  [[nodiscard]] std::optional<AwardRow> award(Poco::Data::Session& s, const std::string& reference) const;
  [[nodiscard]] std::vector<AwardRow> awards(Poco::Data::Session& s) const;
  // Inserts or replaces (by reference) an award; returns its id.
  std::int64_t put_award(Poco::Data::Session& s, const AwardRow& a) const;

  // Participants.
  [[nodiscard]] std::vector<ParticipantRow> participants(Poco::Data::Session& s) const;
  [[nodiscard]] std::optional<ParticipantRow> participant(Poco::Data::Session& s,
                                                          const std::string& pseudonym) const;
  // Inserts or updates many at once (by pseudonym); returns every
  // participant's id by pseudonym.
  [[nodiscard]] std::map<std::string, std::int64_t> put_participants(
      Poco::Data::Session& s, const std::vector<ParticipantRow>& rows) const;

  // Statements.
  [[nodiscard]] std::optional<StatementRow> statement(Poco::Data::Session& s,
                                                      const std::string& sha256) const;
  std::int64_t insert_statement(Poco::Data::Session& s, const StatementRow& st) const;

  // Monthly lines.
  [[nodiscard]] std::vector<LineRow> lines(Poco::Data::Session& s) const;
  [[nodiscard]] std::vector<LineRow> month_lines(Poco::Data::Session& s, const std::string& month) const;
  // Every line of the lots a statement declared months of.
  [[nodiscard]] std::vector<LineRow> statement_lots_lines(Poco::Data::Session& s,
                                                          std::int64_t statement) const;
  [[nodiscard]] std::vector<LineRow> participant_lines(Poco::Data::Session& s,
                                                       std::int64_t participant) const;
  // Removes the lines and declared months of each (award, month), and
  // declares them again for `statement` (one prepared statement each).
  void replace_months(Poco::Data::Session& s, const std::vector<std::int64_t>& awards,
                      const std::vector<std::string>& months, std::int64_t statement) const;
  void insert_lines(Poco::Data::Session& s, const std::vector<LineRow>& lines) const;
  // The (lot, month) pairs declared, and one more.
  [[nodiscard]] std::vector<std::pair<std::int64_t, std::string>> months(Poco::Data::Session& s) const;
  // Erases a participant's identity and attributes, keeping their hours
  // (counted, no longer tied to anyone): the pseudonym becomes `replacement`.
  void anonymise_participant(Poco::Data::Session& s, std::int64_t id, const std::string& replacement) const;

  // Timeline.
  [[nodiscard]] std::vector<EventRow> events(Poco::Data::Session& s) const;
  void insert_event(Poco::Data::Session& s, const EventRow& e) const;
  void insert_events(Poco::Data::Session& s, const std::vector<EventRow>& events) const;

 private:
  Database& db_;
};

}  // namespace clausier::store
