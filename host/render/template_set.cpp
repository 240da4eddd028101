#include "render/template_set.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>

#include "base/paths.hpp"

namespace clausier::render {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> known_formats = {"md", "html"};

std::vector<std::string> string_list(const Poco::JSON::Object& o, const std::string& key) {
  std::vector<std::string> out;
  if (auto arr = o.getArray(key)) {
    for (std::size_t i = 0; i < arr->size(); ++i)
      out.push_back(arr->getElement<std::string>(static_cast<unsigned>(i)));
  }
  return out;
}

std::optional<DocumentTemplate> load_one(const fs::path& folder, DiagnosticSink& diags) {
  const fs::path manifest_path = folder / "manifest.json";
  const Location where = Location::in_file(display_path(manifest_path));
  std::string text;
  if (!read_file(manifest_path, text)) {
    diags.error(where, "manifeste introuvable : chaque dossier de modèle doit contenir un manifest.json");
    return std::nullopt;
  }
  DocumentTemplate t;
  t.id = folder.filename().string();
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(text).extract<Poco::JSON::Object::Ptr>();
    if (root->has("id") && root->getValue<std::string>("id") != t.id) {
      diags.error(where, "l'identifiant « " + root->getValue<std::string>("id") +
                             " » diffère du nom du dossier « " + t.id + " » : mettez-les d'accord");
      return std::nullopt;
    }
    t.title = root->optValue<std::string>("title", t.id);
    t.clause = root->optValue<std::string>("clause", "");
    t.basename = root->optValue<std::string>("basename", t.id);
    t.formats = string_list(*root, "formats");
    t.required = string_list(*root, "required");
    for (const auto& v : string_list(*root, "verdicts")) {
      if (auto verdict = verdict_from_id(v)) {
        t.verdicts.push_back(*verdict);
      } else {
        diags.error(where,
                    "verdict inconnu « " + v +
                        " » dans « verdicts » : utilisez obligatoire, recommandee, possible ou exclue");
        return std::nullopt;
      }
    }
  } catch (const Poco::Exception& e) {
    diags.error(where, "manifeste illisible (JSON) : " + e.message());
    return std::nullopt;
  } catch (const std::exception& e) {
    diags.error(where, std::string("manifeste illisible : ") + e.what());
    return std::nullopt;
  }
  if (t.clause.empty()) {
    diags.error(where,
                "le champ « clause » manque : indiquez le type de clause auquel le document se rapporte");
    return std::nullopt;
  }
  bool ok = true;
  for (const auto& format : t.formats) {
    if (std::find(known_formats.begin(), known_formats.end(), format) == known_formats.end()) {
      diags.error(where, "format inconnu « " + format + " » : formats pris en charge : md, html");
      ok = false;
      continue;
    }
    const fs::path file = folder / (t.basename + "." + format + ".mustache");
    std::string source;
    if (!read_file(file, source)) {
      diags.error(Location::in_file(display_path(file)),
                  "modèle introuvable pour le format « " + format + " »");
      ok = false;
      continue;
    }
    t.sources[format] = std::move(source);
    t.files[format] = display_path(file);
  }
  if (!ok) return std::nullopt;
  return t;
}

}  // namespace

bool DocumentTemplate::applies_to(const ClauseResult& r) const {
  return r.type == clause && r.verdict &&
         std::find(verdicts.begin(), verdicts.end(), *r.verdict) != verdicts.end();
}

TemplateSet TemplateSet::load(const fs::path& dir, DiagnosticSink& diags) {
  TemplateSet set;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.error(Location::in_file(display_path(dir)),
                "dossier de modèles introuvable : indiquez-le avec --templates DOSSIER");
    return set;
  }
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_directory() && fs::exists(entry.path() / "manifest.json")) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  for (const auto& folder : folders) {
    if (auto t = load_one(folder, diags)) set.templates_.push_back(std::move(*t));
  }
  return set;
}

const DocumentTemplate* TemplateSet::find(std::string_view id) const {
  for (const auto& t : templates_) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

}  // namespace clausier::render
