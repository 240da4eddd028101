#include "app/workspace.hpp"

#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/accounts.hpp"
#include "app/evaluate.hpp"
#include "app/rules_fingerprint.hpp"
#include "app/stored_lots.hpp"
#include "app/workspace_records.hpp"
#include "base/french.hpp"
#include "readers/programme.hpp"
#include "store/accounts_store.hpp"
#include "store/database.hpp"
#include "store/lot_json.hpp"
#include "store/result_json.hpp"
#include "store/workspace_store.hpp"
#include "writers/evaluation_sink.hpp"
#include "writers/json_writer.hpp"

namespace clausier::app {

using Poco::Data::Session;
using namespace workspace_detail;

namespace {

// Longest programme name, comment or motif accepted.
constexpr std::size_t max_name = 120;
constexpr std::size_t max_text = 4000;
// Largest number of hours a decision may give (a huge typo is refused).
constexpr std::int64_t max_hours = 100'000'000;

// Why `name` cannot name a programme, or nothing. Names appear in URLs and
// file names: no slash, no control character, no surrounding space.
std::optional<std::string> name_problem(const std::string& name) {
  if (name.empty()) return "le nom du programme est vide";
  if (name.size() > max_name)
    return "le nom du programme dépasse " + std::to_string(max_name) + " caractères";
  if (name.front() == ' ' || name.back() == ' ')
    return "le nom du programme commence ou finit par une espace";
  for (const unsigned char c : name) {
    if (c < 0x20 || c == 0x7f || c == '/' || c == '\\')
      return "le nom du programme « " + name + " » contient une barre oblique ou un caractère de contrôle";
  }
  return std::nullopt;
}

std::string sha256_file(const std::filesystem::path& file) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  std::ifstream in(file, std::ios::binary);
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
    sha.update(buffer, static_cast<unsigned>(in.gcount()));
  return Poco::DigestEngine::digestToHex(sha.digest());
}

std::string diagnostics_json(const std::vector<Diagnostic>& diags) {
  std::ostringstream out;
  writers::JsonWriter w(out, 0);
  w.begin_array();
  for (const auto& d : diags) {
    w.begin_object()
        .field("severity", severity_name(d.severity))
        .field("location", d.location.str())
        .field("message", d.message)
        .end_object();
  }
  w.end_array();
  return out.str();
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n > 1 ? many : one);
}

// "Version 2 importée (programme.csv, 43 lots) : 1 lot ajouté, 2 modifiés."
std::string import_summary(const ImportOutcome& o, const std::string& source) {
  std::string out = "Version " + std::to_string(o.version) + " importée (" + source + ", " +
                    plural(o.lots, "lot", "lots") + ")";
  if (o.version > 1) {
    std::vector<std::string> parts;
    if (!o.added.empty()) parts.push_back(plural(o.added.size(), "lot ajouté", "lots ajoutés"));
    if (!o.removed.empty()) parts.push_back(plural(o.removed.size(), "lot retiré", "lots retirés"));
    if (!o.changed.empty()) parts.push_back(plural(o.changed.size(), "lot modifié", "lots modifiés"));
    if (parts.empty()) parts.emplace_back("aucun lot changé");
    out += " : ";
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  }
  return out + ".";
}

// Thrown inside an import's transaction when no lot could be read.
struct NothingToKeep {};

// A silent sink: the import keeps the evaluations through its callback.
class NoOutput final : public writers::EvaluationSink {
 public:
  void begin(const std::vector<engine::ClauseInfo>&) override {}
  void lot(const LotEvaluation&) override {}
  void end(const std::vector<Diagnostic>&, const writers::RunSummary&) override {}
};

}  // namespace

std::string database_url(const std::optional<std::string>& option) {
  if (option && !option->empty()) return *option;
  if (const char* env = std::getenv("CLAUSIER_DB"); env != nullptr && *env != '\0') return env;
  return default_database;
}

Workspace::Workspace(std::unique_ptr<store::Database> db)
    : db_(std::move(db)), accounts_(std::make_unique<Accounts>(*db_)) {}
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

Workspace Workspace::open(const std::string& url) {
  std::string error;
  const auto parsed = store::parse_database_url(url, error);
  if (!parsed) throw WorkspaceError(WorkspaceError::Kind::invalid, error);
  return guarded([&] { return Workspace(store::Database::open(*parsed)); });
}

const std::string& Workspace::display_name() const { return db_->display(); }

Accounts& Workspace::accounts() const { return *accounts_; }

std::optional<std::string> Workspace::structure_of(const std::string& name) const {
  store::WorkspaceStore store(*db_);
  std::optional<std::string> structure;
  guarded([&] {
    db_->read([&](Session& s) {
      if (const auto p = store.find_programme(s, name)) structure = p->structure;
    });
  });
  return structure;
}

ImportOutcome Workspace::import_file(const Toolkit& toolkit, const std::filesystem::path& file,
                                     const ImportRequest& request, DiagnosticList& diags) {
  readers::ProgrammeOptions options;
  options.sheet = request.sheet;
  auto programme = readers::open_programme(file, diags, options);
  if (!programme) return {};
  ImportRequest named = request;
  if (named.name.empty()) named.name = file == "-" ? std::string("programme") : file.stem().string();
  const std::string source = file == "-" ? std::string("(entrée standard)") : file.filename().string();
  const std::string sha = file == "-" ? std::string() : sha256_file(file);
  return import_programme(toolkit, *programme, source, sha, named, diags);
}

ImportOutcome Workspace::import_programme(const Toolkit& toolkit, const readers::Programme& programme,
                                          const std::string& source_name, const std::string& source_sha256,
                                          const ImportRequest& request, DiagnosticList& diags) {
  if (const auto problem = name_problem(request.name))
    throw WorkspaceError(WorkspaceError::Kind::invalid, *problem + " : choisissez-en un autre avec --name");
  const std::string structure = request.structure.empty() ? std::string("default") : request.structure;
  const std::string fingerprint = toolkit.fingerprint();
  store::WorkspaceStore store(*db_);
  ImportOutcome outcome;
  outcome.name = request.name;

  // The same file as the current version, with the same rules: nothing to do.
  const bool unchanged = guarded([&] {
    bool same = false;
    db_->read([&](Session& s) {
      const auto p = store.find_programme(s, request.name);
      if (!p) return;
      const auto v = current_version(store, s, *p);
      const auto e = store.latest_evaluation(s, v.id);
      same = !source_sha256.empty() && v.source_sha256 == source_sha256 && e &&
             e->rules_fingerprint == fingerprint;
      outcome.version = v.number;
      outcome.lots = static_cast<std::size_t>(v.lots);
    });
    return same;
  });
  if (unchanged) {
    outcome.unchanged = true;
    return outcome;
  }

  try {
    guarded([&] {
      db_->write([&](Session& s) {
        auto existing = store.find_programme(s, request.name);
        if (existing && !request.structure.empty() && existing->structure != request.structure) {
          throw WorkspaceError(WorkspaceError::Kind::conflict,
                               "le programme « " + request.name + " » appartient à la structure « " +
                                   existing->structure + " », pas à « " + request.structure + " »");
        }
        const std::int64_t programme_id =
            existing ? existing->id : store.insert_programme(s, request.name, structure);
        std::optional<store::VersionRow> previous;
        if (existing) previous = current_version(store, s, *existing);
        store::VersionRow version;
        version.number = previous ? previous->number + 1 : 1;
        version.source_name = source_name;
        version.source_sha256 = source_sha256;
        version.imported_at = store::utc_now();
        version.imported_by = request.author;
        version.diagnostics = "[]";
        {
          auto reader = programme.open(readers::discard_diagnostics());
          version.own_totals = reader && reader->lots_are_consultations();
        }
        const std::int64_t version_id = store.insert_version(s, programme_id, version);
        const std::int64_t evaluation_id = store.insert_evaluation(
            s, version_id, {0, fingerprint, version.imported_at, request.as_of ? request.as_of->iso() : ""});

        store::WorkspaceStore::LotWriter writer(store, s, version_id, evaluation_id);
        int position = 0;
        std::exception_ptr failure;  // a database error, rethrown once the run has ended
        NoOutput sink;
        EvaluateRequest run;
        run.programme = source_name;
        run.as_of = request.as_of;
        run.jobs = 0;
        run.opened = std::make_shared<readers::Programme>(programme);
        const EvaluateOutcome evaluated =
            evaluate_programme(toolkit, run, sink, diags, [&](const LotEvaluation& e) {
              if (failure) return;
              try {
                writer.add({position++, e.lot.reference, store::lot_fingerprint(e.lot),
                            store::lot_to_json(e.lot, e.consultation)},
                           e.clauses);
              } catch (...) {
                failure = std::current_exception();
              }
            });
        if (failure) std::rethrow_exception(failure);
        writer.flush();
        outcome.plugin_errors = evaluated.plugin_errors;
        outcome.input_errors = evaluated.input_errors || evaluated.unreadable;
        if (position == 0) throw NothingToKeep{};  // rolls the transaction back
        outcome.lots = static_cast<std::size_t>(position);
        outcome.version = version.number;
        store.set_version_lots(s, version_id, position, diagnostics_json(diags.all()));
        store.set_current_version(s, programme_id, version.number);

        if (previous) {
          const store::VersionDiff diff = store.diff(s, previous->id, version_id);
          outcome.added = diff.added;
          outcome.removed = diff.removed;
          for (const auto& reference : diff.changed) {
            const auto before = store.lot(s, previous->id, reference);
            const auto after = store.lot(s, version_id, reference);
            LotChange change{reference, {}};
            if (before && after) {
              change.fields = changed_fields(store::lot_from_json(before->data).first,
                                             store::lot_from_json(after->data).first);
            }
            outcome.changed.push_back(std::move(change));
          }
          const std::set<std::string> touched = [&] {
            std::set<std::string> t(diff.changed.begin(), diff.changed.end());
            t.insert(diff.removed.begin(), diff.removed.end());
            return t;
          }();
          for (const auto& d : store.decisions(s, programme_id)) {
            if (touched.count(d.reference) != 0)
              outcome.decisions_on_changed.push_back({d.reference, d.clause});
          }
        }
        store::HistoryRow h;
        h.at = version.imported_at;
        h.author = request.author;
        h.action = "import";
        h.version = version.number;
        h.summary = import_summary(outcome, source_name);
        store.append_history(s, programme_id, h);
      });
    });
  } catch (const NothingToKeep&) {
    return outcome;  // no valid lot: the diagnostics say why, nothing was written
  }
  outcome.written = true;
  return outcome;
}

std::vector<ProgrammeSummary> Workspace::list() const {
  store::WorkspaceStore store(*db_);
  std::vector<ProgrammeSummary> out;
  guarded([&] {
    db_->read([&](Session& s) {
      for (const auto& p : store.programmes(s)) {
        ProgrammeSummary summary{p.name, p.structure, p.current_version, "", "", 0, 0};
        if (const auto v = store.version(s, p.id, p.current_version)) {
          summary.source = v->source_name;
          summary.imported_at = v->imported_at;
          summary.lots = static_cast<std::size_t>(v->lots);
        }
        summary.decisions = store.decisions(s, p.id).size();
        out.push_back(std::move(summary));
      }
    });
  });
  return out;
}

bool Workspace::exists(const std::string& name) const {
  store::WorkspaceStore store(*db_);
  bool found = false;
  guarded([&] { db_->read([&](Session& s) { found = store.find_programme(s, name).has_value(); }); });
  return found;
}

namespace {

// The checks of a decision as typed, all at once; the merged decision when
// they pass.
std::vector<Diagnostic> check_decision(const DecisionInput& in, const std::string& where,
                                       const std::vector<engine::ClauseInfo>& clause_types, bool lot_known,
                                       std::optional<std::int64_t>& hours) {
  DiagnosticList errors;
  const auto at = [&](const std::string& field) {
    return Location::in_table(where, "lot « " + in.reference + " », clause " + in.clause + ", " + field);
  };
  if (!lot_known) {
    errors.error(
        Location::in_table(where, "lot « " + in.reference + " »"),
        "aucun lot de référence « " + in.reference +
            " » dans la version en cours du programme : vérifiez la référence (clausier workspace show)");
  }
  const bool clause_known = std::any_of(clause_types.begin(), clause_types.end(),
                                        [&](const engine::ClauseInfo& c) { return c.id == in.clause; });
  if (!clause_known) {
    std::string known;
    for (const auto& c : clause_types) known += (known.empty() ? "" : ", ") + c.id;
    errors.error(at("type"), "type de clause inconnu « " + in.clause + " » : choisissez parmi " + known);
  }
  if (in.verdict && !in.verdict->empty() && !verdict_from_id(*in.verdict)) {
    errors.error(at("verdict"), "verdict inconnu « " + *in.verdict +
                                    " » : choisissez obligatoire, recommandee, possible ou exclue");
  }
  if (in.hours && !in.hours->empty()) {
    const std::string& h = *in.hours;
    const bool digits = h.size() <= 12 && h.find_first_not_of("0123456789") == std::string::npos;
    const std::int64_t n = digits ? std::stoll(h) : -1;
    if (!digits || n > max_hours) {
      errors.error(at("heures"), "nombre d'heures « " + h +
                                     " » invalide : indiquez un nombre entier d'heures, " +
                                     "0 ou plus (sans espace ni décimale)");
    } else {
      hours = n;
    }
  }
  for (const auto* text : {&in.motif, &in.comment}) {
    if (*text && (*text)->size() > max_text) {
      errors.error(at(text == &in.motif ? "motif" : "commentaire"),
                   "texte trop long : " + std::to_string(max_text) + " caractères au plus");
    }
  }
  return errors.all();
}

std::optional<std::string> non_empty(const std::optional<std::string>& v) {
  if (!v || v->empty()) return std::nullopt;
  return v;
}

}  // namespace

namespace {

// A decision in the audit trail (docs/accounts.md), in the decision's own
// transaction.
void audit_decision(const store::Database& db, Session& s, const store::ProgrammeRow& programme,
                    const std::string& name, const store::HistoryRow& h) {
  store::AccountsStore(db).append_audit(s, {h.at, programme.structure, h.author, h.action,
                                            name + "/" + h.reference + "/" + h.clause, h.summary, ""});
}

}  // namespace

DecideOutcome Workspace::decide(const Toolkit& toolkit, const std::string& name, const DecisionInput& input,
                                const std::string& author) {
  store::WorkspaceStore store(*db_);
  DecideOutcome outcome;
  guarded([&] {
    db_->write([&](Session& s) {
      const auto programme = require_programme(store, s, name);
      // Concurrent decisions on a programme take turns: each reads the
      // decision it replaces, and two inserts of one key would collide.
      store.lock_programme(s, programme.id);
      const auto version = current_version(store, s, programme);
      const auto lot = store.lot(s, version.id, input.reference);
      std::optional<std::int64_t> hours;
      outcome.errors =
          check_decision(input, "programme « " + name + " »", toolkit.clause_infos(), lot.has_value(), hours);
      if (!outcome.errors.empty()) return;
      const auto before = store.decision(s, programme.id, input.reference, input.clause);
      store::HistoryRow h;
      h.at = store::utc_now();
      h.author = author;
      h.version = version.number;
      h.reference = input.reference;
      h.clause = input.clause;
      h.before_json = decision_json(before);
      if (input.withdraw) {
        if (!before) return;  // nothing to withdraw
        store.delete_decision(s, programme.id, input.reference, input.clause);
        h.action = "withdrawal";
        h.after_json = "null";
        h.summary = "Décision retirée sur le lot " + input.reference + ", clause " + input.clause +
                    " (elle était : " + decision_text(*before) + ").";
        store.append_history(s, programme.id, h);
        audit_decision(*db_, s, programme, name, h);
        outcome.saved = true;
        return;
      }
      store::DecisionRow d;
      if (before && !input.replace) d = *before;
      d.reference = input.reference;
      d.clause = input.clause;
      if (input.replace || input.verdict) d.verdict = non_empty(input.verdict);
      if (input.replace || input.hours) d.hours = hours;
      if (input.replace || input.motif) d.motif = non_empty(input.motif);
      // A motif given by its id in the rules is kept as its wording (the
      // grounds of concessions for a concession).
      if (d.motif) {
        const bool concession = store::lot_from_json(lot->data).first.concession.value_or(false);
        for (const auto& m : motifs_in_force(toolkit.params(), today_utc(), concession)) {
          if (*d.motif == m.id) d.motif = m.label;
        }
      }
      if (input.replace || input.comment) d.comment = non_empty(input.comment);
      if (!d.verdict && !d.hours && !d.motif && !d.comment) {
        outcome.errors.push_back(
            {Severity::error,
             Location::in_table("programme « " + name + " »",
                                "lot « " + input.reference + " », clause " + input.clause),
             fr::typography("décision vide : donnez un verdict, des heures, un motif ou un commentaire, ou "
                            "retirez la décision")});
        return;
      }
      if (before && before->verdict == d.verdict && before->hours == d.hours && before->motif == d.motif &&
          before->comment == d.comment && before->lot_fingerprint == lot->fingerprint) {
        outcome.saved = true;  // the same decision: nothing to record
        return;
      }
      d.author = author;
      d.decided_at = h.at;
      d.version = version.number;
      d.lot_fingerprint = lot->fingerprint;
      store.put_decision(s, programme.id, d);
      h.action = "decision";
      h.after_json = decision_json(d);
      h.summary = "Décision sur le lot " + input.reference + ", clause " + input.clause + " : " +
                  decision_text(d) + (before ? " (avant : " + decision_text(*before) + ")." : ".");
      store.append_history(s, programme.id, h);
      audit_decision(*db_, s, programme, name, h);
      outcome.saved = true;
    });
  });
  return outcome;
}

void Workspace::history(const std::string& name, WorkspaceFormat format, std::ostream& out,
                        const std::string& reference) const {
  store::WorkspaceStore store(*db_);
  std::vector<store::HistoryRow> rows;
  guarded([&] {
    db_->read([&](Session& s) {
      const auto programme = require_programme(store, s, name);
      rows = store.history(s, programme.id, reference);
    });
  });
  if (format == WorkspaceFormat::json) {
    writers::JsonWriter w(out);
    w.begin_object().field("programme", name).key("history").begin_array();
    for (const auto& h : rows) {
      w.begin_object()
          .field("at", h.at)
          .field("author", h.author)
          .field("action", h.action)
          .field("version", static_cast<std::int64_t>(h.version));
      w.key("reference");
      h.reference.empty() ? w.null() : w.value(h.reference);
      w.key("clause");
      h.clause.empty() ? w.null() : w.value(h.clause);
      w.key("before").raw(h.before_json.empty() ? "null" : h.before_json);
      w.key("after").raw(h.after_json.empty() ? "null" : h.after_json);
      w.field("summary", h.summary).end_object();
    }
    w.end_array().end_object();
    out << '\n';
    return;
  }
  if (rows.empty()) {
    out << "Aucun changement enregistré" << (reference.empty() ? "" : " pour le lot " + reference) << ".\n";
    return;
  }
  for (const auto& h : rows) {
    std::string when = h.at;
    std::replace(when.begin(), when.end(), 'T', ' ');
    if (!when.empty() && when.back() == 'Z') when.back() = ' ';
    out << when << "UTC  " << h.author << fr::colon << ' ' << fr::typography(h.summary) << '\n';
  }
}

readers::Programme Workspace::programme(const std::string& name) const {
  store::WorkspaceStore store(*db_);
  store::VersionRow version;
  guarded([&] {
    db_->read([&](Session& s) {
      const auto programme = require_programme(store, s, name);
      version = current_version(store, s, programme);
    });
  });
  const std::string display = name + " (espace de travail, version " + std::to_string(version.number) + ")";
  store::Database* db = db_.get();
  return readers::programme_from_source(display, [db, id = version.id, own = version.own_totals,
                                                  display](DiagnosticSink& diags) {
    return std::unique_ptr<readers::LotSource>(std::make_unique<StoredLots>(*db, id, own, diags, display));
  });
}

std::function<void(LotEvaluation&)> Workspace::decisions_applier(const std::string& name) const {
  store::WorkspaceStore store(*db_);
  auto decisions = std::make_shared<std::map<std::pair<std::string, std::string>, store::DecisionRow>>();
  guarded([&] {
    db_->read([&](Session& s) {
      const auto programme = require_programme(store, s, name);
      for (auto& d : store.decisions(s, programme.id)) {
        auto key = std::make_pair(d.reference, d.clause);
        decisions->emplace(std::move(key), std::move(d));
      }
    });
  });
  return [decisions](LotEvaluation& e) {
    for (auto& clause : e.clauses) {
      const auto it = decisions->find({e.lot.reference, clause.type});
      if (it == decisions->end()) continue;
      const store::DecisionRow& d = it->second;
      std::string proposed =
          clause.verdict ? std::string(verdict_label(*clause.verdict)) : std::string("aucune");
      if (clause.hours) proposed += ", " + fr::hours(*clause.hours);
      if (clause.verdict)
        clause.values.push_back(
            {std::string(proposed_verdict_value), std::string(verdict_id(*clause.verdict))});
      if (clause.hours)
        clause.values.push_back({std::string(proposed_hours_value), static_cast<double>(*clause.hours)});
      if (d.verdict) clause.verdict = verdict_from_id(*d.verdict);
      if (d.hours) clause.hours = *d.hours;
      if (d.motif) clause.values.push_back({std::string(decided_motif_value), *d.motif});
      std::sort(clause.values.begin(), clause.values.end(),
                [](const NamedValue& a, const NamedValue& b) { return a.name < b.name; });
      std::string reason = "Décision du facilitateur avec l'acheteur (" + d.author + ", " +
                           d.decided_at.substr(0, 10) + ") : " + decision_text(d) +
                           " (proposition des règles : " + proposed + ").";
      clause.reasons.push_back(fr::typography(reason));
    }
  };
}

}  // namespace clausier::app
