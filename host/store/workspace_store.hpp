#pragma once
// The workspace's tables (migrations/0001_workspace.sql), one function per
// query. Each function takes the Session of the caller's transaction
// (Database::write or read), so the app composes them into one atomic
// change. Rows are plain structs; JSON columns stay text here (lot_json,
// result_json read them).

#include <Poco/Data/Session.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/result_json.hpp"

namespace clausier::store {

struct ProgrammeRow {
  std::int64_t id = 0;
  std::string name;
  std::string structure;
  int current_version = 0;
  std::string created_at;
};

struct VersionRow {
  std::int64_t id = 0;
  int number = 0;
  std::string source_name;
  std::string source_sha256;
  std::string imported_at;
  std::string imported_by;
  int lots = 0;
  std::string diagnostics;  // JSON array
  bool own_totals = false;  // each lot is its own consultation (DECP)
};

struct LotRow {
  int position = 0;
  std::string reference;
  std::string fingerprint;
  std::string data;  // lot_json
};

struct EvaluationRow {
  std::int64_t id = 0;
  std::string rules_fingerprint;
  std::string evaluated_at;
  std::string as_of;  // ISO date or empty
};

struct DecisionRow {
  std::string reference;
  std::string clause;
  std::optional<std::string> verdict;
  std::optional<std::int64_t> hours;
  std::optional<std::string> motif;
  std::optional<std::string> comment;
  std::string author;
  std::string decided_at;
  int version = 0;
  std::string lot_fingerprint;
};

struct HistoryRow {
  std::string at;
  std::string author;
  std::string action;  // "import", "decision", "withdrawal", "restore"
  int version = 0;
  std::string reference;    // empty for a programme-wide change
  std::string clause;       // empty for a programme-wide change
  std::string before_json;  // a decision, or empty
  std::string after_json;
  std::string summary;  // French
};

// What differs between two versions' lots (by reference and fingerprint).
struct VersionDiff {
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::vector<std::string> changed;
};

// "2027-01-05T10:02:11Z", now.
[[nodiscard]] std::string utc_now();

class WorkspaceStore {
 public:
  explicit WorkspaceStore(Database& db) : db_(db) {}

  [[nodiscard]] Database& database() const { return db_; }

  // Programmes.
  [[nodiscard]] std::optional<ProgrammeRow> find_programme(Poco::Data::Session& s,
                                                           const std::string& name) const;
  [[nodiscard]] std::vector<ProgrammeRow> programmes(Poco::Data::Session& s) const;
  std::int64_t insert_programme(Poco::Data::Session& s, const std::string& name,
                                const std::string& structure) const;
  void set_current_version(Poco::Data::Session& s, std::int64_t programme, int version) const;
  // Holds the programme's row until the transaction ends, so that two
  // writers of the same programme take turns (PostgreSQL: SELECT … FOR
  // UPDATE; SQLite's BEGIN IMMEDIATE already serialises every writer).
  void lock_programme(Poco::Data::Session& s, std::int64_t programme) const;
  void delete_programme(Poco::Data::Session& s, std::int64_t programme) const;

  // Versions.
  std::int64_t insert_version(Poco::Data::Session& s, std::int64_t programme, const VersionRow& v) const;
  void set_version_lots(Poco::Data::Session& s, std::int64_t version, int lots,
                        const std::string& diagnostics) const;
  [[nodiscard]] std::optional<VersionRow> version(Poco::Data::Session& s, std::int64_t programme,
                                                  int number) const;
  [[nodiscard]] std::vector<VersionRow> versions(Poco::Data::Session& s, std::int64_t programme) const;

  // Lots, written in batches and read back in the file's order, a page at a
  // time (memory stays flat whatever the number of lots).
  class LotWriter {
   public:
    LotWriter(const WorkspaceStore& store, Poco::Data::Session& s, std::int64_t version,
              std::int64_t evaluation);
    // A lot and its results, their repeated texts kept once (TextDictionary).
    void add(LotRow lot, const std::vector<ClauseResult>& results);
    // A lot and results already encoded (a restore: its texts come apart).
    void add(LotRow lot, std::string results_json);
    void flush();

   private:
    const WorkspaceStore& store_;
    Poco::Data::Session& s_;
    std::int64_t version_;
    std::int64_t evaluation_;
    std::vector<int> positions_;
    std::vector<std::string> references_;
    std::vector<std::string> fingerprints_;
    std::vector<std::string> data_;
    std::vector<std::string> results_;
    TextDictionary texts_;
  };
  // The lots after `after_position` (-1: from the first), at most a page,
  // each with its clause results in `evaluation` (empty text when it has
  // none; evaluation 0: none read).
  struct LotPage {
    std::vector<LotRow> lots;
    std::vector<std::string> clauses;
  };
  [[nodiscard]] LotPage lots_page(Poco::Data::Session& s, std::int64_t version, std::int64_t evaluation,
                                  int after_position) const;
  void for_each_lot(Poco::Data::Session& s, std::int64_t version,
                    const std::function<void(LotRow&&)>& on_lot) const;
  [[nodiscard]] std::optional<LotRow> lot(Poco::Data::Session& s, std::int64_t version,
                                          const std::string& reference) const;
  [[nodiscard]] VersionDiff diff(Poco::Data::Session& s, std::int64_t before, std::int64_t after) const;

  // Evaluations and their results.
  std::int64_t insert_evaluation(Poco::Data::Session& s, std::int64_t version, const EvaluationRow& e) const;
  [[nodiscard]] std::optional<EvaluationRow> latest_evaluation(Poco::Data::Session& s,
                                                               std::int64_t version) const;
  [[nodiscard]] std::optional<std::string> result(Poco::Data::Session& s, std::int64_t evaluation,
                                                  const std::string& reference) const;
  // The texts the results of `evaluation` refer to, by number.
  [[nodiscard]] std::vector<std::string> texts(Poco::Data::Session& s, std::int64_t evaluation) const;
  void insert_texts(Poco::Data::Session& s, std::int64_t evaluation,
                    std::vector<std::pair<int, std::string>> texts) const;

  // Decisions.
  [[nodiscard]] std::vector<DecisionRow> decisions(Poco::Data::Session& s, std::int64_t programme) const;
  [[nodiscard]] std::optional<DecisionRow> decision(Poco::Data::Session& s, std::int64_t programme,
                                                    const std::string& reference,
                                                    const std::string& clause) const;
  void put_decision(Poco::Data::Session& s, std::int64_t programme, const DecisionRow& d) const;
  void delete_decision(Poco::Data::Session& s, std::int64_t programme, const std::string& reference,
                       const std::string& clause) const;

  // History, append-only.
  void append_history(Poco::Data::Session& s, std::int64_t programme, const HistoryRow& h) const;
  [[nodiscard]] std::vector<HistoryRow> history(Poco::Data::Session& s, std::int64_t programme,
                                                const std::string& reference) const;

 private:
  Database& db_;
};

}  // namespace clausier::store
