// Workspace::export_json and Workspace::restore: a programme with all its
// versions, lots, evaluations, decisions and history, as one JSON document
// (docs/workspace.md), and back into a database, in one transaction.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "app/workspace.hpp"
#include "app/workspace_records.hpp"
#include "base/build_info.hpp"
#include "writers/json_writer.hpp"

namespace clausier::app {

using Poco::Data::Session;
using namespace workspace_detail;

namespace {

constexpr const char* archive_format = "clausier-workspace";
constexpr int archive_version = 1;

// Reads the archive's JSON, each problem located by its path in the document.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw WorkspaceError(WorkspaceError::Kind::invalid,
                         file_ + ": " + path + " : " + what +
                             " ; ce fichier n'est pas une sauvegarde de programme écrite par « clausier "
                             "workspace export »");
  }
  Poco::JSON::Object::Ptr object(const Poco::JSON::Object::Ptr& o, const std::string& key,
                                 const std::string& path) const {
    if (!o->has(key) || !o->isObject(key)) fail(path + "." + key, "objet attendu");
    return o->getObject(key);
  }
  Poco::JSON::Array::Ptr array(const Poco::JSON::Object::Ptr& o, const std::string& key,
                               const std::string& path) const {
    if (!o->has(key) || !o->isArray(key)) fail(path + "." + key, "liste attendue");
    return o->getArray(key);
  }
  std::string text(const Poco::JSON::Object::Ptr& o, const std::string& key, const std::string& path) const {
    if (!o->has(key) || !o->get(key).isString()) fail(path + "." + key, "texte attendu");
    return o->getValue<std::string>(key);
  }
  std::optional<std::string> optional_text(const Poco::JSON::Object::Ptr& o, const std::string& key,
                                           const std::string& path) const {
    if (!o->has(key) || o->isNull(key)) return std::nullopt;
    return text(o, key, path);
  }
  std::int64_t integer(const Poco::JSON::Object::Ptr& o, const std::string& key,
                       const std::string& path) const {
    if (!o->has(key) || !o->get(key).isInteger()) fail(path + "." + key, "nombre entier attendu");
    return o->getValue<std::int64_t>(key);
  }
  // A value kept as JSON text in the database (a lot, clause results, a decision).
  std::string json(const Poco::JSON::Object::Ptr& o, const std::string& key, const std::string& path) const {
    if (!o->has(key)) fail(path + "." + key, "valeur attendue");
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(o->get(key), out, 0, -1);
    return out.str();
  }
  Poco::JSON::Object::Ptr element(const Poco::JSON::Array::Ptr& a, std::size_t i,
                                  const std::string& path) const {
    const auto o = a->getObject(static_cast<unsigned>(i));
    if (!o) fail(path + "[" + std::to_string(i) + "]", "objet attendu");
    return o;
  }

 private:
  std::string file_;
};

}  // namespace

void Workspace::export_json(const std::string& name, std::ostream& out) const {
  store::WorkspaceStore store(*db_);
  guarded([&] {
    db_->read([&](Session& s) {
      const auto programme = require_programme(store, s, name);
      writers::JsonWriter w(out, 1);
      w.begin_object()
          .field("format", archive_format)
          .field("format_version", static_cast<std::int64_t>(archive_version))
          .field("generator", std::string("clausier ") + build::version)
          .field("exported_at", store::utc_now());
      w.key("programme")
          .begin_object()
          .field("name", programme.name)
          .field("structure", programme.structure)
          .field("created_at", programme.created_at)
          .field("current_version", static_cast<std::int64_t>(programme.current_version))
          .end_object();
      w.key("versions").begin_array();
      for (const auto& v : store.versions(s, programme.id)) {
        w.begin_object()
            .field("number", static_cast<std::int64_t>(v.number))
            .field("source_name", v.source_name)
            .field("source_sha256", v.source_sha256)
            .field("imported_at", v.imported_at)
            .field("imported_by", v.imported_by)
            .field("own_totals", v.own_totals);
        w.key("diagnostics").raw(v.diagnostics);
        const auto evaluation = store.latest_evaluation(s, v.id);
        if (evaluation) {
          w.key("evaluation")
              .begin_object()
              .field("rules_fingerprint", evaluation->rules_fingerprint)
              .field("evaluated_at", evaluation->evaluated_at)
              .field("as_of", evaluation->as_of);
          // The repeated texts the lots' clause results refer to by number.
          w.key("texts").begin_array();
          for (const auto& text : store.texts(s, evaluation->id)) w.value(text);
          w.end_array().end_object();
        }
        w.key("lots").begin_array();
        int after = -1;
        for (;;) {
          const auto page = store.lots_page(s, v.id, evaluation ? evaluation->id : 0, after);
          for (std::size_t i = 0; i < page.lots.size(); ++i) {
            const auto& lot = page.lots[i];
            w.begin_object().field("reference", lot.reference).field("fingerprint", lot.fingerprint);
            w.key("data").raw(lot.data);
            w.key("clauses").raw(page.clauses[i].empty() ? "null" : page.clauses[i]);
            w.end_object();
          }
          if (page.lots.empty()) break;
          after = page.lots.back().position;
        }
        w.end_array().end_object();
      }
      w.end_array();
      w.key("decisions").begin_array();
      for (const auto& d : store.decisions(s, programme.id)) {
        w.begin_object().field("reference", d.reference).field("clause", d.clause);
        w.key("verdict");
        d.verdict ? w.value(*d.verdict) : w.null();
        w.key("hours");
        d.hours ? w.value(*d.hours) : w.null();
        w.key("motif");
        d.motif ? w.value(*d.motif) : w.null();
        w.key("comment");
        d.comment ? w.value(*d.comment) : w.null();
        w.field("author", d.author)
            .field("decided_at", d.decided_at)
            .field("version", static_cast<std::int64_t>(d.version))
            .field("lot_fingerprint", d.lot_fingerprint)
            .end_object();
      }
      w.end_array();
      w.key("history").begin_array();
      for (const auto& h : store.history(s, programme.id, "")) {
        w.begin_object()
            .field("at", h.at)
            .field("author", h.author)
            .field("action", h.action)
            .field("version", static_cast<std::int64_t>(h.version))
            .field("reference", h.reference)
            .field("clause", h.clause);
        w.key("before").raw(h.before_json.empty() ? "null" : h.before_json);
        w.key("after").raw(h.after_json.empty() ? "null" : h.after_json);
        w.field("summary", h.summary).end_object();
      }
      w.end_array().end_object();
      out << '\n';
    });
  });
}

std::string Workspace::restore(std::istream& in, const std::string& source_name, const std::string& author,
                               bool replace) {
  const Reader r(source_name);
  Poco::JSON::Object::Ptr root;
  try {
    Poco::JSON::Parser parser;
    root = parser.parse(in).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    r.fail("(document)", "JSON illisible (" + e.message() + ")");
  }
  if (!root) r.fail("(document)", "objet JSON attendu");
  if (r.text(root, "format", "") != archive_format)
    r.fail(".format", "« " + std::string(archive_format) + " » attendu");
  if (r.integer(root, "format_version", "") > archive_version) {
    r.fail(".format_version", "version de sauvegarde " +
                                  std::to_string(r.integer(root, "format_version", "")) +
                                  " inconnue de ce programme (" + std::to_string(archive_version) +
                                  " au plus) : utilisez une version plus récente de clausier");
  }
  const auto p = r.object(root, "programme", "");
  const std::string name = r.text(p, "name", ".programme");
  const std::string structure = r.text(p, "structure", ".programme");
  const auto current = static_cast<int>(r.integer(p, "current_version", ".programme"));
  const auto versions = r.array(root, "versions", "");
  const auto decisions = r.array(root, "decisions", "");
  const auto history = r.array(root, "history", "");

  store::WorkspaceStore store(*db_);
  guarded([&] {
    db_->write([&](Session& s) {
      if (const auto existing = store.find_programme(s, name)) {
        if (!replace) {
          throw WorkspaceError(
              WorkspaceError::Kind::conflict,
              "le programme « " + name +
                  " » existe déjà dans l'espace de travail : ajoutez --replace pour le remplacer "
                  "par la sauvegarde (son historique actuel sera remplacé)");
        }
        store.delete_programme(s, existing->id);
      }
      const std::int64_t id = store.insert_programme(s, name, structure);
      bool has_current = false;
      for (std::size_t i = 0; i < versions->size(); ++i) {
        const std::string at = ".versions[" + std::to_string(i) + "]";
        const auto v = r.element(versions, i, at);
        store::VersionRow row;
        row.number = static_cast<int>(r.integer(v, "number", at));
        row.source_name = r.text(v, "source_name", at);
        row.source_sha256 = r.text(v, "source_sha256", at);
        row.imported_at = r.text(v, "imported_at", at);
        row.imported_by = r.text(v, "imported_by", at);
        row.own_totals = v->has("own_totals") && v->getValue<bool>("own_totals");
        row.diagnostics = r.json(v, "diagnostics", at);
        const auto lots = r.array(v, "lots", at);
        row.lots = static_cast<int>(lots->size());
        has_current = has_current || row.number == current;
        const std::int64_t version_id = store.insert_version(s, id, row);
        std::int64_t evaluation_id = 0;
        if (v->has("evaluation")) {
          const auto e = r.object(v, "evaluation", at);
          evaluation_id =
              store.insert_evaluation(s, version_id,
                                      {0, r.text(e, "rules_fingerprint", at + ".evaluation"),
                                       r.text(e, "evaluated_at", at + ".evaluation"),
                                       r.optional_text(e, "as_of", at + ".evaluation").value_or("")});
          std::vector<std::pair<int, std::string>> texts;
          if (e->has("texts")) {
            const auto list = r.array(e, "texts", at + ".evaluation");
            for (std::size_t k = 0; k < list->size(); ++k) {
              if (!list->get(static_cast<unsigned>(k)).isString())
                r.fail(at + ".evaluation.texts[" + std::to_string(k) + "]", "texte attendu");
              texts.emplace_back(static_cast<int>(k),
                                 list->getElement<std::string>(static_cast<unsigned>(k)));
            }
          }
          store.insert_texts(s, evaluation_id, std::move(texts));
        }
        store::WorkspaceStore::LotWriter writer(store, s, version_id, evaluation_id);
        for (std::size_t k = 0; k < lots->size(); ++k) {
          const std::string lot_at = at + ".lots[" + std::to_string(k) + "]";
          const auto lot = r.element(lots, k, lot_at);
          if (!lot->isObject("data")) r.fail(lot_at + ".data", "objet attendu");
          writer.add({static_cast<int>(k), r.text(lot, "reference", lot_at),
                      r.text(lot, "fingerprint", lot_at), r.json(lot, "data", lot_at)},
                     lot->isArray("clauses") ? r.json(lot, "clauses", lot_at) : std::string("[]"));
        }
        writer.flush();
      }
      if (!has_current) r.fail(".programme.current_version", "aucune version de ce numéro dans .versions");
      store.set_current_version(s, id, current);
      for (std::size_t i = 0; i < decisions->size(); ++i) {
        const std::string at = ".decisions[" + std::to_string(i) + "]";
        const auto d = r.element(decisions, i, at);
        store::DecisionRow row;
        row.reference = r.text(d, "reference", at);
        row.clause = r.text(d, "clause", at);
        row.verdict = r.optional_text(d, "verdict", at);
        if (d->has("hours") && !d->isNull("hours")) row.hours = r.integer(d, "hours", at);
        row.motif = r.optional_text(d, "motif", at);
        row.comment = r.optional_text(d, "comment", at);
        row.author = r.text(d, "author", at);
        row.decided_at = r.text(d, "decided_at", at);
        row.version = static_cast<int>(r.integer(d, "version", at));
        row.lot_fingerprint = r.text(d, "lot_fingerprint", at);
        store.put_decision(s, id, row);
      }
      for (std::size_t i = 0; i < history->size(); ++i) {
        const std::string at = ".history[" + std::to_string(i) + "]";
        const auto h = r.element(history, i, at);
        store::HistoryRow row;
        row.at = r.text(h, "at", at);
        row.author = r.text(h, "author", at);
        row.action = r.text(h, "action", at);
        row.version = static_cast<int>(r.integer(h, "version", at));
        row.reference = r.text(h, "reference", at);
        row.clause = r.text(h, "clause", at);
        row.before_json = r.json(h, "before", at);
        row.after_json = r.json(h, "after", at);
        row.summary = r.text(h, "summary", at);
        store.append_history(s, id, row);
      }
      store::HistoryRow restored;
      restored.at = store::utc_now();
      restored.author = author;
      restored.action = "restore";
      restored.version = current;
      restored.summary =
          "Programme restauré depuis " + source_name + " (version " + std::to_string(current) + ").";
      store.append_history(s, id, restored);
    });
  });
  return name;
}

}  // namespace clausier::app
