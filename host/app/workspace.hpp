#pragma once
// The workspace: programmes kept in a database with the facilitator's
// decisions (docs/workspace.md). The CLI (`clausier workspace …`) and the web
// server (/api/programmes…) are thin over this class.
//
// A programme has versions: each import of a (revised) file is a new version
// with its lots, their located values and their evaluation under the rules,
// plugins and policy of the toolkit (recorded by fingerprint). Decisions are
// kept per programme, lot reference and clause type, across versions; every
// change is appended to the programme's history. A decision is in conflict
// when its lot changed since it was taken, when its lot left the programme,
// or when the rules now contradict it (a clause the law makes mandatory,
// decided "exclue" without a motif).
//
// Every write is one database transaction: a crash leaves the database as it
// was before the write or after it, never between.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/toolkit.hpp"
#include "base/diagnostic.hpp"

namespace clausier::readers {
class Programme;
}
namespace clausier::store {
class Database;
}

namespace clausier::app {

class Accounts;

// A problem the user can fix that stops a workspace operation, in French:
// the database cannot be opened, a programme is unknown, a restore file is
// not one. `kind` lets the web server choose its status code.
class WorkspaceError : public std::runtime_error {
 public:
  enum class Kind { unavailable, not_found, invalid, conflict };
  WorkspaceError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  [[nodiscard]] Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// Where the workspace is: `--db URL`, else CLAUSIER_DB, else this default.
inline constexpr const char* default_database = "sqlite:clausier.db";
[[nodiscard]] std::string database_url(const std::optional<std::string>& option);

struct ImportRequest {
  std::string name;       // the programme's name; empty: the file's stem
  std::string structure;  // the structure (tenant) it is filed under; empty: "default"
  std::string author;     // who imports (CLI: the login; web: "web")
  std::string sheet;      // workbooks: the sheet to read
  std::optional<Date> as_of;
};

// One field of a lot that changed between two versions.
struct FieldChange {
  std::string field;  // "montant_ht"
  std::string before;
  std::string after;
};

struct LotChange {
  std::string reference;
  std::vector<FieldChange> fields;
};

struct DecisionKey {
  std::string reference;
  std::string clause;
};

// What an import did: the version written, and what changed against the
// previous version of the same programme.
struct ImportOutcome {
  bool written = false;  // false: nothing was written (unreadable file, no valid lot)
  std::string name;
  int version = 0;
  std::size_t lots = 0;
  bool unchanged = false;  // the same file as the previous version (same checksum)
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::vector<LotChange> changed;
  std::vector<DecisionKey> decisions_on_changed;  // decisions on a changed or removed lot
  bool plugin_errors = false;
  bool input_errors = false;
};

struct ProgrammeSummary {
  std::string name;
  std::string structure;
  int version = 0;
  std::string source;       // the file of the current version
  std::string imported_at;  // ISO 8601, UTC
  std::size_t lots = 0;
  std::size_t decisions = 0;
};

// A decision as typed: each field absent (nullopt) is left as it was (CLI) or
// cleared (web, which sends the whole decision). Hours are the text typed,
// checked here ("833").
struct DecisionInput {
  std::string reference;
  std::string clause;
  std::optional<std::string> verdict;
  std::optional<std::string> hours;
  std::optional<std::string> motif;
  std::optional<std::string> comment;
  bool replace = false;   // true: absent fields are cleared (PUT); false: kept (CLI)
  bool withdraw = false;  // removes the decision (the proposal stands again)
};

struct DecideOutcome {
  bool saved = false;
  std::vector<Diagnostic> errors;  // located, French; nothing was written when not empty
};

enum class WorkspaceFormat { table, json };

class Workspace {
 public:
  // Opens (creating an SQLite file if needed) and migrates the database of
  // `url`; throws WorkspaceError (unavailable) saying which database and why.
  static Workspace open(const std::string& url);
  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  ~Workspace();

  // "sqlite:clausier.db", "postgresql://user@host:5432/db" (no password).
  [[nodiscard]] const std::string& display_name() const;

  // Reads and evaluates a programme file (or one already opened, such as an
  // upload) and stores it as a new version. Problems of the file go to
  // `diags` (all of them); valid lots are kept.
  ImportOutcome import_file(const Toolkit& toolkit, const std::filesystem::path& file,
                            const ImportRequest& request, DiagnosticList& diags);
  ImportOutcome import_programme(const Toolkit& toolkit, const readers::Programme& programme,
                                 const std::string& source_name, const std::string& source_sha256,
                                 const ImportRequest& request, DiagnosticList& diags);

  [[nodiscard]] std::vector<ProgrammeSummary> list() const;
  [[nodiscard]] bool exists(const std::string& name) const;
  // The structure (tenant) programme `name` is filed under; nothing when
  // there is no such programme.
  [[nodiscard]] std::optional<std::string> structure_of(const std::string& name) const;

  // The users, sessions and audit trail of this database (app/accounts.hpp).
  [[nodiscard]] Accounts& accounts() const;

  // The current version of a programme, each lot with its clauses: the
  // proposal (stored evaluation, or a fresh one when the toolkit changed
  // since the import), the decision, the conflict. Throws not_found.
  // With `only`, the lot of that reference alone (its decisions and
  // conflicts; the programme's counts are then those of this lot): what the
  // web server answers a decision with, whatever the size of the programme.
  void show(const Toolkit& toolkit, const std::string& name, WorkspaceFormat format, std::ostream& out,
            const std::string& only = "") const;

  DecideOutcome decide(const Toolkit& toolkit, const std::string& name, const DecisionInput& input,
                       const std::string& author);

  // Every change, oldest first (imports, decisions, restores). Throws not_found.
  void history(const std::string& name, WorkspaceFormat format, std::ostream& out,
               const std::string& reference = "") const;

  // Everything needed to rebuild the programme elsewhere (JSON), and back.
  void export_json(const std::string& name, std::ostream& out) const;
  // Returns the restored programme's name; throws invalid (located message)
  // or conflict (the name exists: `replace` to overwrite).
  std::string restore(std::istream& in, const std::string& source_name, const std::string& author,
                      bool replace);

  // The stored lots of the current version as a programme: every command
  // that reads a programme file reads it with --workspace NAME. Throws
  // not_found.
  [[nodiscard]] readers::Programme programme(const std::string& name) const;
  // Applies the decisions of programme `name` to an evaluation of one of its
  // lots: decided verdict and hours replace the proposal (kept in the
  // result's values as proposed_verdict, proposed_hours), the motif and
  // comment join the reasons.
  [[nodiscard]] std::function<void(LotEvaluation&)> decisions_applier(const std::string& name) const;

 private:
  friend class Followup;  // the follow-up's tables live in the same database
  explicit Workspace(std::unique_ptr<store::Database> db);
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<Accounts> accounts_;
};

}  // namespace clausier::app
