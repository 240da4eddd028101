#include "lua/rules_loader.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

#include "base/paths.hpp"
#include "lua/data_file.hpp"
#include "lua/rule_checker.hpp"

namespace clausier::lua {
namespace {

namespace fs = std::filesystem;

// "seuils.ue.travaux" for seuils/ue/travaux.lua, or nothing (reported) when a
// folder or file name is not lower-case letters, digits and _.
std::optional<std::string> parameter_name(const fs::path& relative, DataReporter& rep) {
  std::string name;
  for (auto it = relative.begin(); it != relative.end(); ++it) {
    const bool last = std::next(it) == relative.end();
    const std::string part = last ? it->stem().string() : it->string();
    const bool ok = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!ok) {
      rep.error("", "nom invalide « " + relative.generic_string() +
                        " » : les noms de dossiers et de fichiers de règles forment le nom du paramètre, n'y "
                        "mettez que des minuscules sans accent, des chiffres et _");
      return std::nullopt;
    }
    if (!name.empty()) name += '.';
    name += part;
  }
  return name;
}

bool is_hidden(const fs::path& p) { return p.filename().string().starts_with("."); }

std::vector<fs::path> rule_files(const fs::path& dir, DiagnosticSink& diags) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (is_hidden(it->path())) {
      if (it->is_directory(type_ec)) it.disable_recursion_pending();
      continue;
    }
    // rules/tests/ holds the rule test cases (clausier rules test), not parameters.
    if (it.depth() == 0 && it->path().filename() == "tests" && it->is_directory(type_ec)) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->path().extension() == ".lua" && it->is_regular_file(type_ec)) files.push_back(it->path());
  }
  if (ec) {
    diags.error(Location::in_file(display_path(dir)),
                "lecture du dossier de règles impossible (" + ec.message() + ")");
  }
  std::sort(files.begin(), files.end(), [&](const fs::path& a, const fs::path& b) {
    return a.lexically_relative(dir).generic_string() < b.lexically_relative(dir).generic_string();
  });
  return files;
}

std::optional<params::Parameter> load_file(const fs::path& dir, const fs::path& file, DiagnosticSink& diags,
                                           const Limits& limits) {
  DataReporter rep{display_path(file), diags};
  std::string source;
  if (!read_file(file, source)) {
    rep.error("", "lecture du fichier impossible : vérifiez qu'il existe et qu'il est lisible");
    return std::nullopt;
  }
  if (file.filename() == "index.lua") {
    if (std::optional<DataValue> root = run_data_file(source, rep, limits)) check_rule_index(*root, rep);
    return std::nullopt;
  }
  std::optional<std::string> name = parameter_name(file.lexically_relative(dir), rep);
  if (!name) return std::nullopt;
  return load_rule_text(source, *name, rep.file, diags, limits);
}

}  // namespace

std::optional<params::Parameter> load_rule_text(std::string_view source, std::string_view name,
                                                std::string_view display, DiagnosticSink& diags,
                                                const Limits& limits) {
  DataReporter rep{std::string(display), diags};
  std::optional<DataValue> root = run_data_file(source, rep, limits);
  if (!root) return std::nullopt;
  params::Parameter p = check_rule(*root, name, rep);
  if (rep.failed) return std::nullopt;
  return p;
}

params::ParameterSet load_rules(const fs::path& dir, DiagnosticSink& diags, const Limits& limits) {
  params::ParameterSet out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    const bool exists = fs::exists(dir, ec);
    diags.error(Location::in_file(display_path(dir)),
                exists ? "ce chemin n'est pas un dossier : donnez le dossier des règles (option --rules)"
                       : "dossier de règles introuvable : vérifiez le chemin donné (option --rules)");
    return out;
  }
  const std::vector<fs::path> files = rule_files(dir, diags);
  if (files.empty()) {
    diags.warning(Location::in_file(display_path(dir)), "aucun fichier de règles (*.lua) dans ce dossier");
  }
  for (const fs::path& file : files) {
    if (std::optional<params::Parameter> p = load_file(dir, file, diags, limits)) out.put(std::move(*p));
  }
  return out;
}

}  // namespace clausier::lua
