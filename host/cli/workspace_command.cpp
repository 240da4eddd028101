// clausier workspace import|list|show|decide|history|export|restore
// (docs/workspace.md): thin over app::Workspace.

#include <fstream>
#include <iostream>

#include "app/accounts.hpp"
#include "app/workspace.hpp"
#include "base/french.hpp"
#include "cli/common.hpp"
#include "cli/programme_input.hpp"
#include "writers/json_writer.hpp"

namespace clausier::cli {
namespace {

const char* workspace_help =
    "Usage\u00A0: clausier workspace SOUS-COMMANDE [options]\n"
    "\n"
    "L'espace de travail garde les programmes, leurs versions et les décisions du facilitateur dans une "
    "base\n"
    "(--db sqlite:FICHIER ou postgresql://utilisateur@hôte:port/base\u202F; par défaut CLAUSIER_DB, sinon\n"
    "sqlite:clausier.db dans le dossier courant).\n"
    "\n"
    "  import PROGRAMME [--name NOM] [--structure S]   importe (ou réimporte) un programme et son "
    "évaluation\n"
    "  list                                            les programmes de l'espace de travail\n"
    "  show NOM [--format table|json]                  lots, propositions, décisions et conflits\n"
    "  decide NOM REFERENCE --clause TYPE [--verdict V] [--hours N] [--motif T] [--comment T] [--clear]\n"
    "                                                  enregistre (ou retire) une décision sur un lot\n"
    "  history NOM [--lot REFERENCE]                   l'historique des changements\n"
    "  export NOM [-o FICHIER]                         sauvegarde complète du programme (JSON)\n"
    "  restore FICHIER [--replace]                     recrée un programme depuis une sauvegarde\n"
    "\n"
    "«\u00A0clausier workspace SOUS-COMMANDE --help\u00A0» détaille chaque sous-commande.\n";

const OptionSpec db_spec{
    "--db", "", true, "URL",
    "base de l'espace de travail : sqlite:FICHIER ou postgresql://utilisateur@hôte:port/base "
    "(par défaut : CLAUSIER_DB, sinon sqlite:clausier.db)"};
const OptionSpec format_spec{"--format", "", true, "FORMAT", "table (par défaut) ou json"};

std::optional<app::WorkspaceFormat> parse_format(const ParsedArgs& args) {
  const std::string f = args.value("--format").value_or("table");
  if (f == "table") return app::WorkspaceFormat::table;
  if (f == "json") return app::WorkspaceFormat::json;
  return std::nullopt;
}

// Opens the workspace, or says why not (exit 1).
std::optional<app::Workspace> open_workspace(const ParsedArgs& args) {
  try {
    return app::Workspace::open(app::database_url(args.value("--db")));
  } catch (const app::WorkspaceError& e) {
    workspace_failure(e.what());
    return std::nullopt;
  }
}

void print_import(const app::ImportOutcome& o, const std::string& database) {
  if (o.unchanged) {
    std::cout << "Programme « " << o.name << " »" << fr::colon << " le fichier est celui de la version "
              << o.version << " et les règles n'ont pas changé" << fr::colon << " rien à importer.\n";
    return;
  }
  std::cout << "Programme « " << o.name << " », version " << o.version << fr::colon << ' ' << o.lots
            << " lot(s) importé(s) et évalué(s) dans " << database << ".\n";
  if (o.version <= 1) return;
  if (o.added.empty() && o.removed.empty() && o.changed.empty()) {
    std::cout << "Aucun lot n'a changé depuis la version " << o.version - 1 << ".\n";
  }
  for (const auto& r : o.added) std::cout << "  + " << r << " (lot ajouté)\n";
  for (const auto& r : o.removed) std::cout << "  − " << r << " (lot retiré)\n";
  for (const auto& c : o.changed) {
    std::cout << "  ~ " << c.reference << " (lot modifié)\n";
    for (const auto& f : c.fields) {
      std::cout << "      " << f.field << fr::colon << ' ' << (f.before.empty() ? "(vide)" : f.before)
                << " → " << (f.after.empty() ? "(vide)" : f.after) << '\n';
    }
  }
  if (!o.decisions_on_changed.empty()) {
    std::cout << o.decisions_on_changed.size()
              << " décision(s) portent sur un lot modifié ou retiré, à revoir" << fr::colon << '\n';
    for (const auto& d : o.decisions_on_changed)
      std::cout << "  ! " << d.reference << ", clause " << d.clause << '\n';
  }
}

int run_import(const std::vector<std::string>& argv) {
  const auto specs = with_common({
      {"--name", "", true, "NOM",
       "nom du programme dans l'espace de travail (par défaut : le nom du fichier)"},
      {"--structure", "", true, "S",
       "structure (locataire) à laquelle le programme appartient (par défaut : la seule structure des "
       "comptes, sinon default)"},
      db_spec,
  });
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "workspace import");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier workspace import PROGRAMME [--name NOM] [--structure S] [--db URL]",
        "Lit et évalue PROGRAMME (CSV, XLSX, ODS, DECP ou fiche de consultation) et l'enregistre dans "
        "l'espace de "
        "travail.\nUn programme déjà importé sous ce nom reçoit une nouvelle version : la commande liste les "
        "lots "
        "ajoutés, retirés et modifiés\n(champ par champ) et les décisions qui portent sur un lot modifié.",
        specs);
  }
  if (args.positional.size() != 1)
    return usage_error("indiquez un et un seul fichier de programmation", "workspace import");
  const CommonSetup setup = common_setup(args, std::filesystem::path(args.positional[0]));
  if (!setup.error.empty()) return usage_error(setup.error, "workspace import");
  auto workspace = open_workspace(args);
  if (!workspace) return 1;
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(setup.paths, diags, {});
  announce_policy(toolkit, setup);
  app::ImportRequest request{args.value("--name").value_or(""), args.value("--structure").value_or(""),
                             cli_author(), setup.sheet, setup.as_of};
  // A new programme without --structure: the only structure with accounts,
  // else "default" (docs/accounts.md).
  if (request.structure.empty()) {
    try {
      const std::string name =
          request.name.empty() ? std::filesystem::path(args.positional[0]).stem().string() : request.name;
      if (!workspace->exists(name)) request.structure = workspace->accounts().default_structure();
    } catch (const app::WorkspaceError& e) {
      return workspace_failure(e.what());
    }
  }
  app::ImportOutcome outcome;
  try {
    outcome = workspace->import_file(toolkit, args.positional[0], request, diags);
  } catch (const app::WorkspaceError& e) {
    print_diagnostics(diags);
    return workspace_failure(e.what());
  }
  print_diagnostics(diags);
  if (!outcome.written && !outcome.unchanged) {
    std::cerr << "Rien n'a été importé" << fr::colon << " aucun lot valide n'a pu être lu.\n";
    return 1;
  }
  print_import(outcome, workspace->display_name());
  if (outcome.plugin_errors || toolkit.failed()) return 3;
  return outcome.input_errors ? 1 : 0;
}

int run_list(const std::vector<std::string>& argv) {
  const std::vector<OptionSpec> specs = {
      format_spec, db_spec, {"--help", "-h", false, "", "affiche cette aide"}};
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "workspace list");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help"))
    return command_help("clausier workspace list [--format table|json] [--db URL]",
                        "Liste les programmes de l'espace de travail.", specs);
  if (!args.positional.empty()) return usage_error("list ne prend pas d'argument", "workspace list");
  const auto format = parse_format(args);
  if (!format) return usage_error("format inconnu : choisissez table ou json", "workspace list");
  auto workspace = open_workspace(args);
  if (!workspace) return 1;
  try {
    const auto programmes = workspace->list();
    if (*format == app::WorkspaceFormat::json) {
      writers::JsonWriter w(std::cout);
      w.begin_object().key("programmes").begin_array();
      for (const auto& p : programmes) {
        w.begin_object()
            .field("name", p.name)
            .field("structure", p.structure)
            .field("version", static_cast<std::int64_t>(p.version))
            .field("source", p.source)
            .field("imported_at", p.imported_at)
            .field("lots", static_cast<std::int64_t>(p.lots))
            .field("decisions", static_cast<std::int64_t>(p.decisions))
            .end_object();
      }
      w.end_array().end_object();
      std::cout << '\n';
      return 0;
    }
    if (programmes.empty()) {
      std::cout << "L'espace de travail " << workspace->display_name() << " est vide" << fr::colon
                << " importez un programme avec « clausier workspace import FICHIER ».\n";
      return 0;
    }
    for (const auto& p : programmes) {
      std::cout << p.name << "  version " << p.version << ", " << p.lots << " lot(s), " << p.decisions
                << " décision(s), " << p.source << ", importé le " << p.imported_at.substr(0, 10)
                << (p.structure == "default" ? std::string() : ", structure " + p.structure) << '\n';
    }
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  return 0;
}

int run_show(const std::vector<std::string>& argv) {
  const auto specs =
      with_common({format_spec, db_spec}, {.templates = false, .no_policy = false, .sheet = false});
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "workspace show");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier workspace show NOM [--format table|json] [--db URL]",
        "Montre la version en cours du programme NOM : pour chaque lot et type de clause, la proposition des "
        "règles, la décision prise\net, s'il y a lieu, le conflit (lot modifié depuis la décision, lot "
        "retiré, "
        "décision contraire à une obligation).\nSi les règles ont changé depuis l'import, les propositions "
        "sont "
        "celles des règles actuelles.",
        specs);
  }
  if (args.positional.size() != 1) return usage_error("indiquez le nom d'un programme", "workspace show");
  const auto format = parse_format(args);
  if (!format) return usage_error("format inconnu : choisissez table ou json", "workspace show");
  const CommonSetup setup = common_setup(args);
  if (!setup.error.empty()) return usage_error(setup.error, "workspace show");
  auto workspace = open_workspace(args);
  if (!workspace) return 1;
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(setup.paths, diags, {});
  print_diagnostics(diags);
  try {
    workspace->show(toolkit, args.positional[0], *format, std::cout);
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  return toolkit.failed() ? 3 : 0;
}

int run_decide(const std::vector<std::string>& argv) {
  const auto specs = with_common(
      {
          {"--clause", "", true, "TYPE",
           "type de clause (insertion, critere-insertion, reserve-siae…), obligatoire"},
          {"--verdict", "", true, "V", "obligatoire, recommandee, possible ou exclue"},
          {"--hours", "", true, "N", "nombre d'heures d'insertion retenu (entier, 0 ou plus)"},
          {"--motif", "", true, "TEXTE",
           "motif consigné (identifiant d'un motif des règles, comme lien-insuffisant, ou texte libre)"},
          {"--comment", "", true, "TEXTE", "commentaire"},
          {"--clear", "", false, "", "retire la décision : la proposition des règles vaut de nouveau"},
          db_spec,
      },
      {.templates = false, .as_of = false, .no_policy = false, .sheet = false});
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "workspace decide");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier workspace decide NOM REFERENCE --clause TYPE [--verdict V] [--hours N] [--motif T] "
        "[--comment "
        "T] [--clear]",
        "Enregistre la décision prise avec l'acheteur sur un lot et un type de clause. Les options données "
        "remplacent ces champs de la\ndécision, les autres sont gardés ; chaque changement entre dans "
        "l'historique (auteur : CLAUSIER_AUTHOR, sinon l'utilisateur).",
        specs);
  }
  if (args.positional.size() != 2)
    return usage_error("indiquez le programme et la référence du lot : decide NOM REFERENCE --clause TYPE",
                       "workspace decide");
  const auto clause = args.value("--clause");
  if (!clause) return usage_error("indiquez le type de clause : --clause TYPE", "workspace decide");
  const bool clear = args.has("--clear");
  if (!clear && !args.value("--verdict") && !args.value("--hours") && !args.value("--motif") &&
      !args.value("--comment")) {
    return usage_error("indiquez au moins --verdict, --hours, --motif ou --comment (ou --clear)",
                       "workspace decide");
  }
  const CommonSetup setup = common_setup(args);
  if (!setup.error.empty()) return usage_error(setup.error, "workspace decide");
  auto workspace = open_workspace(args);
  if (!workspace) return 1;
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(setup.paths, diags, {});
  print_diagnostics(diags);
  app::DecisionInput input{args.positional[1],
                           *clause,
                           args.value("--verdict"),
                           args.value("--hours"),
                           args.value("--motif"),
                           args.value("--comment"),
                           false,
                           clear};
  try {
    const auto outcome = workspace->decide(toolkit, args.positional[0], input, cli_author());
    if (!outcome.errors.empty()) {
      DiagnosticList errors;
      for (const auto& e : outcome.errors) errors.report(e);
      print_diagnostics(errors);
      std::cerr << "Rien n'a été enregistré.\n";
      return 1;
    }
    if (clear) {
      std::cout << (outcome.saved ? "Décision retirée" : "Aucune décision à retirer") << " sur le lot "
                << args.positional[1] << ", clause " << *clause << ".\n";
    } else {
      std::cout << "Décision enregistrée sur le lot " << args.positional[1] << ", clause " << *clause
                << ".\n";
    }
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  return 0;
}

int run_history(const std::vector<std::string>& argv) {
  const std::vector<OptionSpec> specs = {
      format_spec,
      {"--lot", "", true, "REFERENCE", "seulement les changements de ce lot"},
      db_spec,
      {"--help", "-h", false, "", "affiche cette aide"}};
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "workspace history");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help("clausier workspace history NOM [--lot REFERENCE] [--format table|json] [--db URL]",
                        "L'historique du programme NOM, du plus ancien au plus récent : imports, décisions, "
                        "retraits, restaurations.",
                        specs);
  }
  if (args.positional.size() != 1) return usage_error("indiquez le nom d'un programme", "workspace history");
  const auto format = parse_format(args);
  if (!format) return usage_error("format inconnu : choisissez table ou json", "workspace history");
  auto workspace = open_workspace(args);
  if (!workspace) return 1;
  try {
    workspace->history(args.positional[0], *format, std::cout, args.value("--lot").value_or(""));
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  return 0;
}

int run_export_workspace(const std::vector<std::string>& argv) {
  const std::vector<OptionSpec> specs = {
      {"--output", "-o", true, "FICHIER",
       "écrit la sauvegarde dans FICHIER (écrit en entier ou pas du tout)"},
      db_spec,
      {"--help", "-h", false, "", "affiche cette aide"}};
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "workspace export");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier workspace export NOM [-o FICHIER] [--db URL]",
        "Écrit tout le programme NOM (versions, lots, évaluations, décisions, historique) en JSON, "
        "pour le recréer ailleurs avec « clausier workspace restore ».",
        specs);
  }
  if (args.positional.size() != 1) return usage_error("indiquez le nom d'un programme", "workspace export");
  auto workspace = open_workspace(args);
  if (!workspace) return 1;
  Output output(args.value("--output"));
  if (!output.ok()) return 1;
  try {
    workspace->export_json(args.positional[0], output.stream());
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  return output.commit() ? 0 : 1;
}

int run_restore(const std::vector<std::string>& argv) {
  const std::vector<OptionSpec> specs = {
      {"--replace", "", false, "", "remplace un programme du même nom (et son historique)"},
      db_spec,
      {"--help", "-h", false, "", "affiche cette aide"}};
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "workspace restore");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help("clausier workspace restore FICHIER [--replace] [--db URL]",
                        "Recrée dans l'espace de travail le programme d'une sauvegarde écrite par « clausier "
                        "workspace export » (« - » pour l'entrée standard), tout ou rien.",
                        specs);
  }
  if (args.positional.size() != 1)
    return usage_error("indiquez le fichier de sauvegarde", "workspace restore");
  const std::string& file = args.positional[0];
  std::ifstream in;
  if (file != "-") {
    in.open(file, std::ios::binary);
    if (!in) return workspace_failure("impossible de lire « " + file + " » : vérifiez le chemin");
  }
  auto workspace = open_workspace(args);
  if (!workspace) return 1;
  try {
    const std::string name =
        workspace->restore(file == "-" ? std::cin : in, file == "-" ? "(entrée standard)" : file,
                           cli_author(), args.has("--replace"));
    std::cout << "Programme « " << name << " » restauré dans " << workspace->display_name() << ".\n";
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  return 0;
}

}  // namespace

int run_workspace(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0] == "--help" || argv[0] == "-h") {
    std::cout << workspace_help;
    return argv.empty() ? exit_usage : 0;
  }
  const std::string sub = argv[0];
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  if (sub == "import") return run_import(rest);
  if (sub == "list") return run_list(rest);
  if (sub == "show") return run_show(rest);
  if (sub == "decide") return run_decide(rest);
  if (sub == "history") return run_history(rest);
  if (sub == "export") return run_export_workspace(rest);
  if (sub == "restore") return run_restore(rest);
  return usage_error("sous-commande inconnue « " + sub +
                         " » : choisissez import, list, show, decide, history, export ou restore",
                     "workspace");
}

}  // namespace clausier::cli
