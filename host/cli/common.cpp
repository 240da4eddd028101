#include "cli/common.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <sstream>

#include "app/policy.hpp"
#include "base/french.hpp"
#include "base/paths.hpp"

namespace clausier::cli {

std::vector<OptionSpec> with_common(std::vector<OptionSpec> specific, CommonOptions which) {
  if (which.rules)
    specific.push_back({"--rules", "", true, "DOSSIER", "dossier des règles (par défaut : rules/ livré)"});
  specific.push_back(
      {"--plugins", "", true, "DOSSIER", "dossier des plugins de clauses (par défaut : plugins/ livré)"});
  if (which.templates) {
    specific.push_back({"--templates", "", true, "DOSSIER",
                        "dossier des modèles de documents (par défaut : templates/ livré)"});
  }
  if (which.policy) {
    specific.push_back({"--policy", "", true, "FICHIER",
                        which.no_policy ? "politique locale appliquée aux règles (par défaut : "
                                          "politique-locale.lua à côté du programme, s'il existe)"
                                        : "politique locale appliquée aux règles (par défaut : aucune)"});
    if (which.no_policy) {
      specific.push_back(
          {"--no-policy", "", false, "", "n'applique pas le fichier politique-locale.lua du programme"});
    }
  }
  if (which.sheet) {
    specific.push_back(
        {"--sheet", "", true, "NOM|N",
         "feuille du classeur (xlsx, ods) à lire, par son nom ou son rang (1 pour la première) ; "
         "par défaut : celle qui porte les en-têtes du programme"});
  }
  if (which.as_of) {
    specific.push_back(
        {"--as-of", "", true, "AAAA-MM-JJ", "évalue chaque lot comme s'il était lancé à cette date"});
  }
  specific.push_back({"--help", "-h", false, "", "affiche cette aide"});
  return specific;
}

int usage_error(const std::string& message, const std::string& command) {
  std::cerr << "clausier" << fr::colon << " erreur" << fr::colon << " " << fr::typography(message) << "\n"
            << "Voir " << fr::guillemet_open << "clausier " << (command.empty() ? "" : command + " ")
            << "--help" << fr::guillemet_close << ".\n";
  return exit_usage;
}

void print_diagnostics(const DiagnosticList& diags) {
  for (const auto& d : diags.all()) std::cerr << format_diagnostic(d) << '\n';
  const std::size_t errors = diags.count(Severity::error);
  if (errors > 0) std::cerr << errors << (errors > 1 ? " erreurs signalées.\n" : " erreur signalée.\n");
}

int command_help(const std::string& synopsis, const std::string& description,
                 const std::vector<OptionSpec>& specs) {
  std::cout << "Usage" << fr::colon << " " << synopsis << "\n\n"
            << description << "\n\nOptions" << fr::colon << "\n"
            << describe_options(specs);
  return 0;
}

Date generation_date() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) now = static_cast<std::time_t>(std::atoll(epoch));
  return Date::from_days(static_cast<std::int32_t>(now / 86400));
}

CommonSetup common_setup(const ParsedArgs& args, const std::optional<std::filesystem::path>& programme) {
  CommonSetup out;
  app::ResourceOverrides overrides;
  if (auto v = args.value("--rules")) overrides.rules = *v;
  if (auto v = args.value("--plugins")) overrides.plugins = *v;
  if (auto v = args.value("--templates")) overrides.templates = *v;
  if (auto v = args.value("--policy")) {
    if (args.has("--no-policy")) {
      out.error = "--policy et --no-policy s'excluent : choisissez l'une des deux options";
      return out;
    }
    overrides.policy = *v;
  } else if (programme && !args.has("--no-policy")) {
    if (auto beside = app::policy_beside(*programme)) {
      overrides.policy = *beside;
      out.policy_beside = true;
    }
  }
  out.paths = app::resolve_resources(overrides);
  if (auto v = args.value("--sheet")) {
    out.sheet = *v;
    if (out.sheet.find_first_not_of(" \t") == std::string::npos) {
      out.error =
          "--sheet attend le nom ou le rang d'une feuille, par exemple --sheet Programme ou --sheet 2";
      return out;
    }
  }
  if (auto v = args.value("--as-of")) {
    out.as_of = Date::parse_iso(*v);
    if (!out.as_of) out.error = "date invalide « " + *v + " » pour --as-of : écrivez AAAA-MM-JJ";
  }
  return out;
}

void announce_policy(const app::Toolkit& toolkit, const CommonSetup& setup) {
  if (toolkit.policy_file().empty()) return;
  std::cerr << "politique locale appliquée" << fr::colon << " " << toolkit.policy_file();
  const auto& names = toolkit.policy_parameters();
  if (!names.empty()) {
    std::cerr << " (";
    for (std::size_t i = 0; i < names.size(); ++i) std::cerr << (i > 0 ? ", " : "") << names[i];
    std::cerr << ")";
  }
  if (setup.policy_beside) std::cerr << fr::semicolon << " --no-policy pour l'ignorer";
  std::cerr << '\n';
}

Output::Output(const std::optional<std::string>& file) {
  if (!file || file->empty() || *file == "-") return;
  name_ = file;
  file_.emplace(*file);
  if (!file_->is_open()) {
    std::cerr << "clausier" << fr::colon << " impossible d'écrire " << fr::guillemet_open << *file
              << fr::guillemet_close << ".\n";
  }
}

bool Output::ok() const { return !file_ || file_->is_open(); }

std::ostream& Output::stream() { return file_ ? file_->stream() : std::cout; }

bool Output::commit() {
  if (!file_) {
    std::cout.flush();
    return true;
  }
  if (std::string error = file_->commit(); !error.empty()) {
    std::cerr << "clausier" << fr::colon << " " << error << '\n';
    return false;
  }
  std::cerr << "Résultat écrit dans " << display_path(*name_) << ".\n";
  return true;
}

std::string binary_output_error(const std::optional<std::string>& output, std::string_view what,
                                std::string_view extension) {
  const std::string advice = "écrivez-le dans un fichier avec -o FICHIER" + std::string(extension);
  if (!output || output->empty()) return "le " + std::string(what) + " ne s'affiche pas : " + advice;
  if (*output == "-" && ::isatty(STDOUT_FILENO) != 0)
    return "le " + std::string(what) + " ne s'affiche pas dans un terminal : " + advice;
  return {};
}

std::string chosen_format(const ParsedArgs& args, writers::Output output, std::string& error) {
  const auto given = args.value("--format");
  const auto file = args.value("--output");
  const writers::OutputFormat* named = file && *file != "-" ? writers::format_of_file(*file) : nullptr;
  if (given) {
    if (!writers::offers(output, *given)) {
      error = "format inconnu « " + *given + " » : choisissez " + writers::format_choices(output);
      return {};
    }
    if (named != nullptr && named->name != *given) {
      const std::string_view extension = writers::output_format(*given)->extension;
      error = "« " + *file + " » porte l'extension " + std::string(named->extension) + " mais --format " +
              *given + " écrit un fichier " + std::string(extension) + " : nommez le fichier en " +
              std::string(extension) + " ou retirez --format";
      return {};
    }
    return *given;
  }
  if (named != nullptr) {
    if (!writers::offers(output, named->name)) {
      error = "l'extension " + std::string(named->extension) + " de « " + *file +
              " » n'est pas un format de cette commande : choisissez " + writers::format_choices(output) +
              " (--format ou l'extension du fichier)";
      return {};
    }
    return std::string(named->name);
  }
  return writers::format_names(output).front();
}

std::optional<std::vector<std::string>> format_list(const std::string& value,
                                                    const std::vector<std::string>& allowed,
                                                    std::string& error) {
  std::vector<std::string> formats;
  std::stringstream list(value);
  for (std::string f; std::getline(list, f, ',');) {
    if (std::find(allowed.begin(), allowed.end(), f) == allowed.end()) {
      std::string names;
      for (std::size_t i = 0; i < allowed.size(); ++i) names += (i > 0 ? ", " : "") + allowed[i];
      error = "format inconnu « " + f + " » : formats disponibles : " + names;
      return std::nullopt;
    }
    if (std::find(formats.begin(), formats.end(), f) == formats.end()) formats.push_back(f);
  }
  if (formats.empty()) {
    error = "aucun format donné : écrivez par exemple --format md,html";
    return std::nullopt;
  }
  return formats;
}

}  // namespace clausier::cli
