// Workspace::show: the current version of a programme, lot by lot, with the
// proposal, the decision and the conflict of each clause.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "app/review.hpp"
#include "app/rules_fingerprint.hpp"
#include "app/workspace.hpp"
#include "app/workspace_records.hpp"
#include "base/french.hpp"
#include "base/temp_file.hpp"
#include "engine/evaluator.hpp"
#include "params/parameter.hpp"
#include "store/lot_json.hpp"
#include "store/result_json.hpp"
#include "writers/evaluation_json.hpp"
#include "writers/json_writer.hpp"

namespace clausier::app {

using Poco::Data::Session;
using namespace workspace_detail;

namespace {

using DecisionMap = std::map<std::pair<std::string, std::string>, store::DecisionRow>;

// Why a decision no longer holds, or nothing.
std::optional<std::string> conflict_of(const store::DecisionRow& d, const ClauseResult* proposal,
                                       const std::string& lot_fingerprint,
                                       const std::string& changed_fields) {
  if (d.lot_fingerprint != lot_fingerprint) {
    return "le lot a changé depuis la décision (version " + std::to_string(d.version) + ")" +
           (changed_fields.empty() ? std::string() : " : " + changed_fields) + " ; revoyez-la";
  }
  if (proposal != nullptr && social_condition_mandatory(*proposal) && d.verdict == std::string("exclue") &&
      !d.motif) {
    return std::string(
        "la condition sociale est obligatoire pour ce lot (CCP L2112-2-1) : une décision « exclue » doit en "
        "consigner le motif");
  }
  return std::nullopt;
}

// A temporary file to write to, then copy from (in memory when none can be
// made: correct, not flat).
class Spool {
 public:
  Spool() {
    std::string error;
    if (const auto path = make_temp_file("clausier-show", error)) {
      file_.open(*path, std::ios::in | std::ios::out | std::ios::trunc | std::ios::binary);
      std::error_code ec;
      std::filesystem::remove(*path, ec);  // unlinked now: nothing left behind, even if killed
    }
  }
  std::ostream& stream() { return file_.is_open() ? static_cast<std::ostream&>(file_) : memory_; }
  void copy_to(std::ostream& out) {
    if (!file_.is_open()) {
      out << memory_.str();
      return;
    }
    file_.flush();
    file_.seekg(0);
    out << file_.rdbuf();
  }

 private:
  std::fstream file_;
  std::ostringstream memory_;
};

std::string hours_text(const std::optional<std::int64_t>& h) { return h ? fr::hours(*h) : std::string(); }

std::string verdict_text(const std::optional<Verdict>& v) {
  return v ? std::string(verdict_label(*v)) : "échec";
}

}  // namespace

void Workspace::show(const Toolkit& toolkit, const std::string& name, WorkspaceFormat format,
                     std::ostream& out, const std::string& only) const {
  store::WorkspaceStore store(*db_);
  const std::string fingerprint = toolkit.fingerprint();
  std::map<std::string, std::string> labels;
  for (const auto& c : toolkit.clause_infos()) labels[c.id] = c.title;
  const auto label = [&](const std::string& type) {
    const auto it = labels.find(type);
    return it == labels.end() ? type : it->second;
  };

  guarded([&] {
    db_->read([&](Session& s) {
      const auto programme = require_programme(store, s, name);
      const auto version = current_version(store, s, programme);
      const auto evaluation = store.latest_evaluation(s, version.id);
      const bool rules_changed = !evaluation || evaluation->rules_fingerprint != fingerprint;
      std::optional<Date> as_of;
      if (evaluation && !evaluation->as_of.empty()) as_of = Date::parse_iso(evaluation->as_of);
      std::optional<engine::Evaluator> evaluator;
      std::optional<engine::SerialRun> run;
      if (rules_changed) {
        evaluator.emplace(toolkit.thread_evaluator(as_of));
        run.emplace(*evaluator);
      }

      DecisionMap decisions;
      for (auto& d : store.decisions(s, programme.id)) {
        auto key = std::make_pair(d.reference, d.clause);
        decisions.emplace(std::move(key), std::move(d));
      }
      // Lots added or changed by the current version.
      std::set<std::string> new_in_version;
      std::optional<store::VersionRow> previous;
      if (version.number > 1) previous = store.version(s, programme.id, version.number - 1);
      if (previous) {
        const auto diff = store.diff(s, previous->id, version.id);
        new_in_version.insert(diff.added.begin(), diff.added.end());
        new_in_version.insert(diff.changed.begin(), diff.changed.end());
      }
      // The fields changed since a decision was taken (for its conflict).
      const auto changed_since = [&](const store::DecisionRow& d, const Lot& now) {
        const auto then_version = store.version(s, programme.id, d.version);
        if (!then_version) return std::string();
        const auto then = store.lot(s, then_version->id, d.reference);
        if (!then) return std::string();
        std::string fields;
        for (const auto& f : changed_fields(store::lot_from_json(then->data).first, now))
          fields += (fields.empty() ? "" : ", ") + f.field + " " + f.before + " → " + f.after;
        return fields;
      };

      std::size_t conflicts = 0;
      std::size_t decided = 0;
      std::set<std::pair<std::string, std::string>> seen_decisions;
      // What grows with the lots (the lots' JSON, or the table's lines) goes to
      // a temporary file, copied to `out` after the counts that come first:
      // memory stays flat whatever the size of the programme. The format not
      // asked for is written nowhere.
      Spool spool;
      std::ostream nowhere(nullptr);
      std::ostream& lots_json = format == WorkspaceFormat::json ? spool.stream() : nowhere;
      writers::JsonWriter lw(lots_json, 2);
      lw.begin_array();
      std::ostream& table = format == WorkspaceFormat::table ? spool.stream() : nowhere;

      const std::vector<std::string> texts =
          rules_changed ? std::vector<std::string>() : store.texts(s, evaluation->id);
      // One lot (`only`): read alone. Else every lot, a page at a time.
      int after = -1;
      for (;;) {
        store::WorkspaceStore::LotPage page;
        if (!only.empty()) {
          if (auto row = store.lot(s, version.id, only)) {
            std::string clauses;
            if (!rules_changed) clauses = store.result(s, evaluation->id, only).value_or("");
            page.lots.push_back(std::move(*row));
            page.clauses.push_back(std::move(clauses));
          }
        } else {
          page = store.lots_page(s, version.id, rules_changed ? 0 : evaluation->id, after);
        }
        for (std::size_t i = 0; i < page.lots.size(); ++i) {
          const store::LotRow& row = page.lots[i];
          auto [lot, totals] = store::lot_from_json(row.data);
          std::vector<ClauseResult> clauses;
          if (rules_changed) {
            clauses = run->evaluate(lot, totals).clauses;
          } else if (!page.clauses[i].empty()) {
            clauses = store::results_from_json(page.clauses[i], texts);
          }
          // Clause types with a decision but no result (a plugin removed since) still show.
          for (const auto& [key, d] : decisions) {
            if (key.first != row.reference) continue;
            const bool present = std::any_of(clauses.begin(), clauses.end(),
                                             [&](const ClauseResult& c) { return c.type == key.second; });
            if (!present) {
              ClauseResult missing;
              missing.type = key.second;
              clauses.push_back(std::move(missing));
            }
          }
          lw.begin_object();
          writers::write_lot_values(lw, lot);
          lw.field("source", lot.source.str());
          if (new_in_version.count(lot.reference) != 0)
            lw.field("changed_in_version", static_cast<std::int64_t>(version.number));
          lw.key("clauses").begin_array();
          table << lot.reference << "  " << lot.objet << "  (" << montant_text(lot) << ")\n";
          for (const auto& c : clauses) {
            const auto it = decisions.find({lot.reference, c.type});
            const std::optional<store::DecisionRow> decision =
                it == decisions.end() ? std::nullopt : std::optional<store::DecisionRow>(it->second);
            std::optional<std::string> conflict;
            if (decision) {
              ++decided;
              seen_decisions.insert(it->first);
              const std::string fields =
                  decision->lot_fingerprint != row.fingerprint ? changed_since(*decision, lot) : "";
              conflict = conflict_of(*decision, c.verdict || c.error ? &c : nullptr, row.fingerprint, fields);
              if (conflict) ++conflicts;
            }
            lw.begin_object().field("type", c.type).field("label", label(c.type));
            lw.key("proposed").begin_object();
            lw.key("verdict");
            c.verdict ? lw.value(verdict_id(*c.verdict)) : lw.null();
            lw.key("hours");
            c.hours ? lw.value(*c.hours) : lw.null();
            lw.key("reasons").begin_array();
            for (const auto& r : c.reasons) lw.value(r.text());
            lw.end_array().key("basis").begin_array();
            for (const auto& b : c.basis) lw.value(b);
            lw.end_array();
            if (!c.warnings.empty()) {
              lw.key("warnings").begin_array();
              for (const auto& w : c.warnings) lw.value(w.text());
              lw.end_array();
            }
            if (c.error) lw.field("error", c.error->message);
            lw.end_object();
            lw.key("decision");
            write_decision(lw, decision);
            lw.key("conflict");
            conflict ? lw.value(*conflict) : lw.value(false);
            lw.end_object();

            const bool worth_a_line = decision || (c.verdict && *c.verdict != Verdict::exclue) || c.error;
            if (!worth_a_line) continue;
            table << "    " << label(c.type) << fr::colon << ' ' << verdict_text(c.verdict);
            if (c.hours) table << ", " << hours_text(c.hours);
            if (decision)
              table << "  → décidé" << fr::colon << ' ' << fr::typography(decision_text(*decision));
            if (conflict) table << "\n      ⚠ conflit" << fr::colon << ' ' << fr::typography(*conflict);
            table << '\n';
          }
          lw.end_array().end_object();
        }
        if (page.lots.empty() || !only.empty()) break;
        after = page.lots.back().position;
      }
      lw.end_array();

      // Decisions whose lot left the programme.
      std::vector<store::DecisionRow> orphans;
      for (const auto& [key, d] : decisions) {
        if (only.empty() && seen_decisions.count(key) == 0) orphans.push_back(d);
      }
      conflicts += orphans.size();

      if (format == WorkspaceFormat::table) {
        out << "Programme « " << programme.name << " », version " << version.number << " ("
            << version.source_name << ", importée le " << version.imported_at.substr(0, 10) << " par "
            << version.imported_by << ")" << fr::colon << ' ' << version.lots << " lot(s), " << decided
            << " décision(s), " << conflicts << " conflit(s)\n";
        if (rules_changed)
          out << "Les règles ont changé depuis l'import" << fr::colon
              << " les propositions ci-dessous sont celles des règles actuelles.\n";
        out << '\n';
        spool.copy_to(out);
        for (const auto& d : orphans) {
          out << d.reference << "  (lot retiré du programme)\n    " << label(d.clause) << fr::colon
              << " décidé : " << fr::typography(decision_text(d)) << "\n      ⚠ conflit" << fr::colon
              << " le lot n'est plus dans la version " << version.number << " du programme\n";
        }
        return;
      }
      writers::JsonWriter w(out);
      w.begin_object().key("programme").begin_object();
      w.field("name", programme.name)
          .field("structure", programme.structure)
          .field("version", static_cast<std::int64_t>(version.number))
          .field("source", version.source_name)
          .field("sha256", version.source_sha256)
          .field("imported_at", version.imported_at)
          .field("imported_by", version.imported_by)
          .field("rules_fingerprint", fingerprint)
          .field("rules_changed", rules_changed)
          .field("lots", static_cast<std::int64_t>(version.lots))
          .field("decisions", static_cast<std::int64_t>(decided + orphans.size()))
          .field("conflicts", static_cast<std::int64_t>(conflicts));
      w.key("diagnostics").raw(version.diagnostics);
      w.end_object();
      w.key("clause_types").begin_array();
      for (const auto& c : toolkit.clause_infos())
        w.begin_object().field("type", c.id).field("label", c.title).end_object();
      w.end_array();
      // The grounds of public contracts, and those of concessions (lots with
      // "concession": true).
      for (const bool concession : {false, true}) {
        w.key(concession ? "motifs_concessions" : "motifs").begin_array();
        for (const auto& m : motifs_in_force(toolkit.params(), today_utc(), concession)) {
          w.begin_object()
              .field("id", m.id)
              .field("label", m.label)
              .field("reference", m.reference)
              .field("status", m.status)
              .end_object();
        }
        w.end_array();
      }
      w.key("verdicts").begin_array();
      for (const Verdict v : {Verdict::obligatoire, Verdict::recommandee, Verdict::possible, Verdict::exclue})
        w.begin_object().field("id", verdict_id(v)).field("label", verdict_label(v)).end_object();
      w.end_array();
      w.key("lots").raw("");
      spool.copy_to(out);
      w.key("decisions_without_lot").begin_array();
      for (const auto& d : orphans) {
        w.begin_object().field("reference", d.reference).field("clause", d.clause).key("decision");
        write_decision(w, d);
        w.field("conflict",
                "le lot n'est plus dans la version " + std::to_string(version.number) + " du programme");
        w.end_object();
      }
      w.end_array().end_object();
      out << '\n';
    });
  });
}

}  // namespace clausier::app
