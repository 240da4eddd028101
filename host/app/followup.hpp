#pragma once
// The follow-up of execution (docs/followup.md): after award, the hours of
// insertion a company owes on a lot are followed month by month until the
// final report. The CLI (`clausier followup …`) and the web server
// (/api/programmes/{name}/followup…) are thin over this class.
//
// Counting rules (which categories are eligible, whether training hours or
// hours before validation count, how a subcontract becomes hours, penalties,
// retention, small counts) are dated rule data under rules/suivi/, read from
// the ParameterSet given: nothing of them is written here.
//
// Every view takes an Audience: the facilitator sees everything; a buyer
// sees aggregates only (small counts suppressed, never a participant's
// identifier); a company sees its own lots and its own people, a category
// that reveals a disability masked.

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/date.hpp"
#include "base/diagnostic.hpp"
#include "params/parameter.hpp"

namespace clausier::render {
class TemplateSet;
}
namespace clausier::store {
class Database;
}

namespace clausier::app {

class Workspace;

// Who looks: the server passes the caller's role, the CLI acts as facilitator.
struct Audience {
  enum class Role { facilitateur, acheteur, entreprise };
  Role role = Role::facilitateur;
  std::string siret;  // entreprise: the company's SIRET
  [[nodiscard]] static Audience facilitator() { return {}; }
  [[nodiscard]] static Audience buyer() { return {Role::acheteur, {}}; }
  [[nodiscard]] static Audience company(std::string siret) { return {Role::entreprise, std::move(siret)}; }
};

// The vocabularies a statement's values are matched against (without case
// or accents, by id or label). Categories are rule data (suivi.categories);
// routes, contract types and kinds of company are the program's own.
struct Term {
  std::string_view id;
  std::string_view label;
};
[[nodiscard]] const std::vector<Term>& followup_routes();          // "embauche directe"…
[[nodiscard]] const std::vector<Term>& followup_contract_types();  // "CDI"…
[[nodiscard]] const std::vector<Term>& followup_company_kinds();   // "entreprise", "ei", "etti"…
[[nodiscard]] const std::vector<Term>& followup_event_kinds();     // "reunion-lancement", "relance"…
// The headers of a statement, in order (the optional ones after).
[[nodiscard]] const std::vector<std::string_view>& statement_headers();

struct AwardInput {
  std::string programme;
  std::string reference;
  std::string siret;
  std::string company;
  std::string kind;   // empty: "entreprise"
  std::string start;  // as typed (JJ/MM/AAAA or AAAA-MM-JJ), or empty
  std::string end;
  std::string committed;              // hours committed in the offer, or empty
  std::string pool;                   // globalisation agreement, or empty
  std::vector<std::string> partners;  // co-contractors and subcontractors ("SIRET nom")
};

struct AwardOutcome {
  bool saved = false;
  std::vector<Diagnostic> errors;
  std::optional<std::int64_t> hours_owed;
  std::string clause;
  std::string owed_from;  // "décision" or "proposition"
};

struct StatementOutcome {
  bool imported = false;
  bool unchanged = false;  // the same statement was imported before: nothing changed
  std::size_t lines = 0;
  std::size_t lots = 0;
  std::size_t months = 0;
  std::vector<Diagnostic> errors;  // located, French; nothing was imported when not empty
  std::vector<Diagnostic> warnings;
};

struct PersonHours {
  std::string participant;  // pseudonym
  std::string category;     // id, or "protegee" when masked
  double hours = 0;         // counted hours on the lot
  double training = 0;
};

struct TimelineEvent {
  std::string date;  // ISO
  std::string kind;  // followup_event_kinds id, "attribution", "etat"
  std::string label;
  std::string note;
};

struct NextAction {
  std::string who;  // "entreprise", "facilitateur", "acheteur", or empty when nothing is due
  std::string what;
  std::string due;  // ISO date or empty
};

struct LotStatus {
  std::string reference;
  std::string programme;
  std::string objet;
  std::string buyer;
  std::string nature;  // sector
  std::string company;
  std::string siret;
  std::string kind;
  std::string start;
  std::string end;
  std::string clause;
  std::string pool;
  // A globalisation agreement pools the hours of its lots: the pool's totals,
  // on which the risk is judged (each lot's own figures stay shown).
  std::optional<std::int64_t> pool_hours_owed;
  std::optional<double> pool_hours_realised;
  std::optional<std::int64_t> hours_owed;
  std::string owed_from;
  std::optional<std::int64_t> hours_committed;
  double hours_realised = 0;  // counted under the rules
  double hours_training = 0;
  std::optional<double> expected_to_date;
  std::optional<std::size_t> participants;  // null when masked for the audience
  bool late = false;
  std::vector<std::string> missing_months;  // due and not declared
  bool at_risk = false;
  std::string last_month;
  std::optional<double> penalty;                         // euros, on a lot ended short of its hours
  bool declared = false;                                 // the lot's DECP data record a social consideration
  std::vector<std::pair<std::string, double>> by_route;  // counted hours per route
  std::vector<std::pair<std::string, std::size_t>>
      by_category;  // participants per category (masked: "protegee")
  NextAction next;
  std::vector<TimelineEvent> timeline;
  std::vector<PersonHours> people;  // empty for a buyer
};

struct FollowupStatus {
  Date on;
  Audience audience;
  std::vector<LotStatus> lots;
};

enum class FollowupFormat { table, json };

// The rule values the status used, for the reports' notes.
struct CountingRule {
  std::string name;
  std::string value;
  std::string status;  // "hypothese"…
  std::string reference;
};

class Followup {
 public:
  // Opens (and migrates) the workspace's database; throws WorkspaceError.
  static Followup open(const std::string& url);
  // The follow-up over the database of an open workspace (the server's),
  // which must outlive it.
  static Followup over(const Workspace& workspace);
  Followup(Followup&&) noexcept;
  Followup& operator=(Followup&&) noexcept;
  ~Followup();

  // Records (or updates) the award of a lot of programme `input.programme`.
  // The hours owed are the decision's on the lot, else the rules' proposal.
  AwardOutcome award(const AwardInput& input, const std::string& author);

  // A timeline event on an awarded lot (kick-off meeting, reminder, formal
  // notice, penalty, final report). Returns the errors (nothing written).
  std::vector<Diagnostic> add_event(const std::string& reference, const std::string& kind,
                                    const std::string& date, const std::string& note,
                                    const std::string& author);

  // The statement to fill, prefilled with one row per awarded lot of
  // `programme` (or its lot `reference`, or the company's lots): CSV
  // (UTF-8 with BOM, `;`) or XLSX by `format`.
  void write_template(const std::string& programme, const std::string& reference, const std::string& siret,
                      Date month, const std::string& format, std::ostream& out) const;

  // Checks a statement whole and imports it whole or not at all. `company`:
  // the SIRET of the company sending it (each lot must be awarded to it).
  StatementOutcome import_statement(const params::ParameterSet& params, const std::filesystem::path& file,
                                    const std::string& company, const std::string& author, Date today);
  StatementOutcome import_statement_content(const params::ParameterSet& params, std::string content,
                                            const std::string& name, const std::string& company,
                                            const std::string& author, Date today);

  // The lots of programme `programme` (all when empty) as `audience` may see them.
  [[nodiscard]] FollowupStatus status(const params::ParameterSet& params, const Audience& audience, Date on,
                                      const std::string& programme = "") const;
  static void write_status(const FollowupStatus& status, FollowupFormat format, std::ostream& out);

  // The état de réalisation for the buyer (one lot, or the programme), or
  // the final report of a lot once it ended, in format md, html, docx or odt
  // (the document skeletons of templates/_formats/). Problems go to diags.
  bool write_report(const params::ParameterSet& params, const render::TemplateSet& templates,
                    const Audience& audience, const std::string& programme, const std::string& reference,
                    const std::string& format, Date on, std::ostream& out, DiagnosticSink& diags) const;

  // The yearly consolidation: json, xlsx or html (printable, with charts).
  // Returns an empty string, or a French error.
  [[nodiscard]] std::string write_consolidation(const params::ParameterSet& params, const Audience& audience,
                                                int year, const std::string& format, std::ostream& out) const;

  // Anonymises the participants whose retention (suivi.conservation after
  // their last month) ended before `before`; returns their number.
  std::size_t purge(const params::ParameterSet& params, Date before);
  // A participant's data (JSON), and its erasure on request. Throw
  // WorkspaceError not_found for an unknown identifier.
  void export_participant(const std::string& pseudonym, std::ostream& out) const;
  void erase_participant(const std::string& pseudonym);

 private:
  // status() limited to the lots of `only` when given, for a check of the
  // pace: their programme data (objet, buyer, sector), people and timelines
  // are not read; with `statement`, only the lines of the lots it declared.
  [[nodiscard]] FollowupStatus status_of(const params::ParameterSet& params, const Audience& audience,
                                         Date on, const std::string& programme,
                                         const std::set<std::string>* only, std::int64_t statement = 0) const;
  explicit Followup(std::unique_ptr<store::Database> db);
  explicit Followup(store::Database& db);
  std::unique_ptr<store::Database> owned_;
  store::Database* db_ = nullptr;
};

// "2027-05" from "2027-05", "05/2027", "2027-05-01" or "01/05/2027"; nullopt otherwise.
[[nodiscard]] std::optional<std::string> parse_month(std::string_view text);

}  // namespace clausier::app
