#include "render/template_set.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>

#include "base/paths.hpp"

namespace clausier::render {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Object;

const std::vector<std::string> manifest_keys = {"id", "title", "basename", "applies", "required"};

// Poco's JSON keeps no positions: a problem is located at the first line
// holding `needle` (a key or a value, quoted), else at the file.
std::uint32_t line_of(std::string_view text, const std::string& needle) {
  if (needle.empty()) return 0;
  const auto at = text.find("\"" + needle + "\"");
  if (at == std::string_view::npos) return 0;
  return static_cast<std::uint32_t>(
      std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1);
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

bool safe_basename(const std::string& name) {
  if (name.empty() || name.front() == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

class ManifestReader {
 public:
  ManifestReader(std::string_view text, const std::string& file, DiagnosticSink& diags)
      : text_(text), file_(file), diags_(diags) {}

  void error(const std::string& near, const std::string& message) {
    diags_.error(Location::in_file(file_, line_of(text_, near)), message);
    ok_ = false;
  }
  [[nodiscard]] bool ok() const { return ok_; }

  // A string member; absent is fine unless `required`.
  std::optional<std::string> text(const Object& o, const std::string& key, const std::string& path,
                                  bool required) {
    if (!o.has(key)) {
      if (required) error(key, "le champ « " + path + " » manque : ajoutez-le (texte)");
      return std::nullopt;
    }
    const auto v = o.get(key);
    if (!v.isString()) {
      error(key, "« " + path + " » doit être un texte entre guillemets");
      return std::nullopt;
    }
    return v.extract<std::string>();
  }

  // A list of strings; absent is an empty list.
  std::vector<std::string> texts(const Object& o, const std::string& key, const std::string& path) {
    std::vector<std::string> out;
    if (!o.has(key)) return out;
    const auto arr = o.getArray(key);
    if (!arr) {
      error(key, "« " + path + " » doit être une liste entre crochets : [\"…\", \"…\"]");
      return out;
    }
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const auto v = arr->get(static_cast<unsigned>(i));
      if (!v.isString()) {
        error(key, "« " + path + "[" + std::to_string(i + 1) + "] » doit être un texte entre guillemets");
        continue;
      }
      out.push_back(v.extract<std::string>());
    }
    return out;
  }

  void unknown_keys(const Object& o, const std::vector<std::string>& known, const std::string& where) {
    for (const auto& [key, value] : o) {
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      error(key, "champ inconnu « " + key + " »" + where + " : champs admis : " + joined(known) +
                     (key == "formats" || key == "clause" || key == "verdicts"
                          ? " (les formats viennent tous de la source unique ; la clause et ses verdicts "
                            "s'écrivent dans « applies »)"
                          : ""));
    }
  }

 private:
  std::string_view text_;
  const std::string& file_;
  DiagnosticSink& diags_;
  bool ok_ = true;
};

void read_applies(const Object& root, ManifestReader& m, DocumentTemplate& t) {
  if (!root.has("applies")) {
    m.error("",
            "le champ « applies » manque : indiquez les clauses et verdicts qui appellent le document, "
            "par exemple [{\"clause\": \"insertion\", \"verdicts\": [\"obligatoire\"]}]");
    return;
  }
  const auto arr = root.getArray("applies");
  if (!arr || arr->empty()) {
    m.error("applies",
            "« applies » doit être une liste non vide d'objets {\"clause\": …, \"verdicts\": […]}");
    return;
  }
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const std::string path = "applies[" + std::to_string(i + 1) + "]";
    const auto entry = arr->getObject(static_cast<unsigned>(i));
    if (!entry) {
      m.error("applies", "« " + path + " » doit être un objet {\"clause\": …, \"verdicts\": […]}");
      continue;
    }
    m.unknown_keys(*entry, {"clause", "verdicts", "proposed_verdicts"}, " dans « " + path + " »");
    AppliesTo a;
    a.clause = m.text(*entry, "clause", path + ".clause", true).value_or("");
    const auto verdicts = m.texts(*entry, "verdicts", path + ".verdicts");
    if (!entry->has("verdicts") || verdicts.empty()) {
      m.error(a.clause.empty() ? "applies" : a.clause,
              "« " + path +
                  ".verdicts » manque ou est vide : indiquez les verdicts qui appellent le document "
                  "(obligatoire, recommandee, possible, exclue)");
    }
    for (const auto& v : verdicts) {
      if (auto verdict = verdict_from_id(v)) {
        a.verdicts.push_back(*verdict);
      } else {
        m.error(v, "verdict inconnu « " + v + " » dans « " + path +
                       ".verdicts » : utilisez obligatoire, recommandee, possible ou exclue");
      }
    }
    for (const auto& v : m.texts(*entry, "proposed_verdicts", path + ".proposed_verdicts")) {
      if (auto verdict = verdict_from_id(v)) {
        a.proposed_verdicts.push_back(*verdict);
      } else {
        m.error(v, "verdict inconnu « " + v + " » dans « " + path +
                       ".proposed_verdicts » : utilisez obligatoire, recommandee, possible ou exclue");
      }
    }
    t.applies.push_back(std::move(a));
  }
}

std::optional<DocumentTemplate> load_one(const fs::path& folder, DiagnosticSink& diags) {
  const fs::path manifest_path = folder / "manifest.json";
  const std::string manifest_file = display_path(manifest_path);
  std::string text;
  if (!read_file(manifest_path, text)) {
    diags.error(Location::in_file(manifest_file),
                "manifeste illisible : chaque dossier de modèle doit contenir un manifest.json");
    return std::nullopt;
  }
  DocumentTemplate t;
  t.id = folder.filename().string();
  if (!parse_manifest(text, manifest_file, t, diags)) return std::nullopt;

  const fs::path source = folder / (t.id + ".md.mustache");
  t.file = display_path(source);
  if (!read_file(source, t.source)) {
    diags.error(Location::in_file(t.file),
                "source du document introuvable : chaque modèle s'écrit dans un fichier " + t.id +
                    ".md.mustache (voir templates/README.md)");
    return std::nullopt;
  }
  // Left-overs of the one-template-per-format layout would silently diverge
  // from the source: say so.
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".mustache") && entry.path() != source) {
      diags.warning(Location::in_file(display_path(entry.path())),
                    "modèle ignoré : tous les formats sont produits depuis " + t.id +
                        ".md.mustache ; supprimez ce fichier");
    }
  }
  return t;
}

std::vector<FormatSkeleton> load_skeletons(const fs::path& dir, DiagnosticSink& diags) {
  std::vector<FormatSkeleton> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_directory()) continue;
    FormatSkeleton skeleton;
    skeleton.format = entry.path().filename().string();
    for (const auto& f : fs::recursive_directory_iterator(entry.path(), ec)) {
      if (!f.is_regular_file()) continue;
      SkeletonFile file;
      file.path = f.path().lexically_relative(entry.path()).generic_string();
      file.file = display_path(f.path());
      if (!read_file(f.path(), file.text)) {
        diags.error(Location::in_file(file.file), "fichier du squelette illisible");
        continue;
      }
      skeleton.files.push_back(std::move(file));
    }
    std::sort(skeleton.files.begin(), skeleton.files.end(),
              [](const SkeletonFile& a, const SkeletonFile& b) { return a.path < b.path; });
    out.push_back(std::move(skeleton));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.format < b.format; });
  return out;
}

}  // namespace

const SkeletonFile* FormatSkeleton::find(std::string_view path) const {
  for (const auto& f : files) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

const FormatSkeleton* TemplateSet::skeleton(std::string_view format) const {
  for (const auto& s : skeletons_) {
    if (s.format == format) return &s;
  }
  return nullptr;
}

bool parse_manifest(std::string_view text, const std::string& file, DocumentTemplate& t,
                    DiagnosticSink& diags) {
  ManifestReader m(text, file, diags);
  Object::Ptr root;
  try {
    Poco::JSON::Parser parser;
    root = parser.parse(std::string(text)).extract<Object::Ptr>();
  } catch (const Poco::Exception& e) {
    diags.error(Location::in_file(file), "manifeste illisible (JSON invalide) : " + e.message());
    return false;
  } catch (const std::exception&) {
    diags.error(Location::in_file(file), "manifeste illisible : il doit contenir un objet JSON { … }");
    return false;
  }
  if (!root) {
    diags.error(Location::in_file(file), "manifeste illisible : il doit contenir un objet JSON { … }");
    return false;
  }
  m.unknown_keys(*root, manifest_keys, "");
  if (auto id = m.text(*root, "id", "id", false); id && *id != t.id) {
    m.error("id",
            "l'identifiant « " + *id + " » diffère du nom du dossier « " + t.id + " » : mettez-les d'accord");
  }
  t.title = m.text(*root, "title", "title", true).value_or(t.id);
  t.basename = m.text(*root, "basename", "basename", false).value_or(t.id);
  if (!safe_basename(t.basename)) {
    m.error("basename",
            "« basename » « " + t.basename +
                " » n'est pas un nom de fichier sûr : lettres sans accent, chiffres, - et _ seulement");
  }
  t.required = m.texts(*root, "required", "required");
  read_applies(*root, m, t);
  return m.ok();
}

std::vector<const ClauseResult*> DocumentTemplate::matches(const LotEvaluation& evaluation) const {
  std::vector<const ClauseResult*> out;
  for (const auto& a : applies) {
    const ClauseResult* r = evaluation.clause(a.clause);
    if (r == nullptr || !r->verdict) continue;
    if (std::find(a.verdicts.begin(), a.verdicts.end(), *r->verdict) == a.verdicts.end()) continue;
    if (!a.proposed_verdicts.empty()) {
      // Only a decision that changed the proposal (workspace) matches.
      const auto proposed = std::find_if(r->values.begin(), r->values.end(), [](const NamedValue& v) {
        return v.name == proposed_verdict_value;
      });
      if (proposed == r->values.end()) continue;
      const auto* proposed_id = std::get_if<std::string>(&proposed->value);
      const auto verdict = proposed_id != nullptr ? verdict_from_id(*proposed_id) : std::nullopt;
      if (!verdict || std::find(a.proposed_verdicts.begin(), a.proposed_verdicts.end(), *verdict) ==
                          a.proposed_verdicts.end())
        continue;
    }
    if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  }
  return out;
}

TemplateSet TemplateSet::load(const fs::path& dir, DiagnosticSink& diags, const fs::path& fallback_formats) {
  TemplateSet set;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.error(Location::in_file(display_path(dir)),
                "dossier de modèles introuvable : indiquez-le avec --templates DOSSIER");
    return set;
  }
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_directory() || entry.path().filename().string().starts_with("_")) continue;
    folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  for (const auto& folder : folders) {
    if (auto t = load_one(folder, diags)) set.templates_.push_back(std::move(*t));
  }
  set.skeletons_ =
      load_skeletons(fs::is_directory(dir / "_formats", ec) || fallback_formats.empty() ? dir / "_formats"
                                                                                        : fallback_formats,
                     diags);
  return set;
}

const DocumentTemplate* TemplateSet::find(std::string_view id) const {
  for (const auto& t : templates_) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

}  // namespace clausier::render
