#include "cli/app.hpp"

#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/evaluate.hpp"
#include "base/build_info.hpp"
#include "base/french.hpp"
#include "base/paths.hpp"
#include "cli/args.hpp"
#include "writers/atomic_file.hpp"
#include "writers/documents.hpp"

namespace clausier::cli {
namespace {

constexpr int exit_usage = 2;

const std::vector<OptionSpec> common_options = {
    {"--rules", "", true, "DOSSIER", "dossier des règles (par défaut : rules/ livré)"},
    {"--plugins", "", true, "DOSSIER", "dossier des plugins de clauses (par défaut : plugins/ livré)"},
    {"--templates", "", true, "DOSSIER", "dossier des modèles de documents (par défaut : templates/ livré)"},
    {"--as-of", "", true, "AAAA-MM-JJ", "évalue chaque lot comme s'il était lancé à cette date"},
    {"--help", "-h", false, "", "affiche cette aide"},
};

std::vector<OptionSpec> with_common(std::vector<OptionSpec> specific) {
  specific.insert(specific.end(), common_options.begin(), common_options.end());
  return specific;
}

const std::vector<OptionSpec> evaluate_options = with_common({
    {"--format", "", true, "FORMAT", "table (par défaut), json ou csv"},
    {"--output", "-o", true, "FICHIER", "écrit le résultat dans FICHIER (écrit en entier ou pas du tout)"},
    {"--explain", "", false, "", "détaille, sous chaque lot, les motifs et les paramètres utilisés"},
    {"--only", "", true, "REFERENCE", "n'évalue que le lot de cette référence"},
});

const std::vector<OptionSpec> render_options = with_common({
    {"--output", "-o", true, "DOSSIER", "dossier de sortie (par défaut : documents)"},
    {"--format", "", true, "FORMATS", "formats séparés par des virgules : md,html (par défaut : tous)"},
    {"--only", "", true, "REFERENCE", "ne rédige que les documents de ce lot"},
});

const char* main_help =
    "clausier — clauses sociales des marchés publics\n"
    "\n"
    "Usage : clausier COMMANDE [options]\n"
    "\n"
    "Commandes :\n"
    "  evaluate PROGRAMME   évalue chaque lot d'une programmation d'achats : clauses applicables,\n"
    "                       verdicts (obligatoire, recommandée, possible, exclue), heures, motifs\n"
    "  render PROGRAMME     rédige les documents (article du CCAP…) des lots qui les appellent\n"
    "\n"
    "Options générales : --version, --help ; « clausier COMMANDE --help » détaille chaque commande.\n"
    "Codes de sortie : 0 succès, 1 erreurs dans les données (toutes signalées, lots valides traités),\n"
    "2 erreur d'utilisation, 3 une règle ou un plugin a échoué.\n";

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

// The date printed on documents: today, or SOURCE_DATE_EPOCH for reproducible outputs.
Date generation_date() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) now = static_cast<std::time_t>(std::atoll(epoch));
  return Date::from_days(static_cast<std::int32_t>(now / 86400));
}

struct CommonSetup {
  app::ResourcePaths paths;
  std::optional<Date> as_of;
  std::string error;
};

CommonSetup common_setup(const ParsedArgs& args) {
  CommonSetup out;
  app::ResourceOverrides overrides;
  if (auto v = args.value("--rules")) overrides.rules = *v;
  if (auto v = args.value("--plugins")) overrides.plugins = *v;
  if (auto v = args.value("--templates")) overrides.templates = *v;
  out.paths = app::resolve_resources(overrides);
  if (auto v = args.value("--as-of")) {
    out.as_of = Date::parse_iso(*v);
    if (!out.as_of) out.error = "date invalide « " + *v + " » pour --as-of : écrivez AAAA-MM-JJ";
  }
  return out;
}

int command_help(const char* synopsis, const char* description, const std::vector<OptionSpec>& specs) {
  std::cout << "Usage : " << synopsis << "\n\n"
            << description << "\n\nOptions :\n"
            << describe_options(specs);
  return 0;
}

int run_evaluate(const std::vector<std::string>& argv) {
  const auto parsed = parse_args(argv, evaluate_options);
  if (!parsed.error.empty()) return usage_error(parsed.error, "evaluate");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier evaluate PROGRAMME [--format table|json|csv] [-o FICHIER] [--explain]",
        "Évalue chaque lot de PROGRAMME (CSV ; « - » pour l'entrée standard) avec les règles en "
        "vigueur à sa date de lancement.\nLes seuils sont appréciés sur le total de la "
        "consultation, les heures sont calculées par lot.",
        evaluate_options);
  }
  if (args.positional.size() != 1)
    return usage_error("indiquez un et un seul fichier de programmation", "evaluate");
  const std::string format_name = args.value("--format").value_or("table");
  writers::EvaluationFormat format;
  if (format_name == "table") {
    format = writers::EvaluationFormat::table;
  } else if (format_name == "json") {
    format = writers::EvaluationFormat::json;
  } else if (format_name == "csv") {
    format = writers::EvaluationFormat::csv;
  } else {
    return usage_error("format inconnu « " + format_name + " » : choisissez table, json ou csv", "evaluate");
  }
  CommonSetup setup = common_setup(args);
  if (!setup.error.empty()) return usage_error(setup.error, "evaluate");

  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(setup.paths, diags, {});
  app::EvaluateRequest request{args.positional[0], setup.as_of, args.value("--only").value_or("")};

  const auto output = args.value("--output");
  std::optional<writers::AtomicFile> file;
  if (output && *output != "-") {
    file.emplace(*output);
    if (!file->is_open()) {
      std::cerr << "clausier" << fr::colon << " impossible d'écrire " << fr::guillemet_open << *output
                << fr::guillemet_close << ".\n";
      return 1;
    }
  }
  std::ostream& out = file ? file->stream() : std::cout;
  auto sink = writers::make_sink(format, out, {args.has("--explain")});
  const app::EvaluateOutcome outcome = app::evaluate_programme(toolkit, request, *sink, diags);
  print_diagnostics(diags);
  if (file) {
    if (std::string error = file->commit(); !error.empty()) {
      std::cerr << "clausier" << fr::colon << " " << error << '\n';
      return 1;
    }
    std::cerr << "Résultat écrit dans " << display_path(*output) << ".\n";
  }
  return app::exit_status(outcome, toolkit);
}

int run_render(const std::vector<std::string>& argv) {
  const auto parsed = parse_args(argv, render_options);
  if (!parsed.error.empty()) return usage_error(parsed.error, "render");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help("clausier render PROGRAMME [-o DOSSIER] [--format md,html] [--only REFERENCE]",
                        "Rédige, pour chaque lot dont l'évaluation les appelle, les documents des modèles "
                        "(article du CCAP de la clause d'insertion…), dans DOSSIER/<référence du lot>/.",
                        render_options);
  }
  if (args.positional.size() != 1)
    return usage_error("indiquez un et un seul fichier de programmation", "render");
  CommonSetup setup = common_setup(args);
  if (!setup.error.empty()) return usage_error(setup.error, "render");
  std::vector<std::string> formats;
  if (auto v = args.value("--format")) {
    std::stringstream list(*v);
    for (std::string f; std::getline(list, f, ',');) {
      if (f != "md" && f != "html") {
        return usage_error("format de document inconnu « " + f + " » : formats disponibles : md, html",
                           "render");
      }
      formats.push_back(f);
    }
  }

  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(setup.paths, diags, {.templates = true});
  app::EvaluateRequest request{args.positional[0], setup.as_of, args.value("--only").value_or("")};
  writers::DocumentRequest documents{args.value("--output").value_or("documents"),
                                     formats,
                                     {generation_date(), std::string("clausier ") + build::version}};
  std::size_t files = 0;
  std::size_t lots_with_documents = 0;
  auto sink = writers::make_null_sink();  // render prints a summary, not the evaluation
  const app::EvaluateOutcome outcome =
      app::evaluate_programme(toolkit, request, *sink, diags, [&](const LotEvaluation& e) {
        const auto written =
            writers::write_lot_documents(e, toolkit.templates(), toolkit.clause_infos(), documents, diags);
        files += written.size();
        lots_with_documents += written.empty() ? 0 : 1;
      });
  print_diagnostics(diags);
  std::cout << files << " document(s) rédigé(s) pour " << lots_with_documents << " lot(s) sur "
            << outcome.summary.lots_evaluated << ", dans " << display_path(documents.out_dir) << "/\n";
  return app::exit_status(outcome, toolkit);
}

}  // namespace

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << main_help;
    return args.empty() ? exit_usage : 0;
  }
  if (args[0] == "--version") {
    std::cout << "clausier " << build::version << '\n';
    return 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "evaluate") return run_evaluate(args);
    if (command == "render") return run_render(args);
  } catch (const std::exception& e) {
    // A bug, not a user error: say so plainly rather than crash.
    std::cerr << "clausier" << fr::colon << " erreur interne" << fr::colon << " " << e.what() << '\n';
    return 3;
  }
  return usage_error("commande inconnue « " + command + " »", "");
}

}  // namespace clausier::cli
