// clausier user add|list|disable|password|token and clausier audit
// (docs/accounts.md): thin over app::Accounts. Passwords are read from
// standard input (without echo on a terminal), never from an argument.

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include "app/accounts.hpp"
#include "app/workspace.hpp"
#include "base/french.hpp"
#include "cli/common.hpp"
#include "cli/programme_input.hpp"
#include "writers/json_writer.hpp"

namespace clausier::cli {
namespace {

const char* user_help =
    "Usage\u00A0: clausier user SOUS-COMMANDE [options]\n"
    "\n"
    "Les comptes de l'espace de travail (même base que «\u00A0clausier workspace\u00A0», --db URL).\n"
    "Dès qu'un compte existe, le serveur exige une session pour l'espace de travail.\n"
    "\n"
    "  add IDENTIFIANT --role R --structure S [--name N] [--siret SIRET]\n"
    "                          crée un compte\u202F; le mot de passe est lu sur l'entrée standard\n"
    "  list                    les comptes, par structure\n"
    "  disable IDENTIFIANT     désactive un compte\u202F: ses sessions prennent fin aussitôt\n"
    "  password IDENTIFIANT    change le mot de passe (lu sur l'entrée standard)\n"
    "  token IDENTIFIANT       crée un jeton d'API pour les scripts (Authorization: Bearer …)\n"
    "\n"
    "Rôles\u00A0: admin (les comptes de sa structure), facilitateur (tous les programmes et le suivi de sa\n"
    "structure), acheteur (les programmes de sa structure, le suivi en totaux), entreprise (ses propres\n"
    "marchés\u00A0: --siret obligatoire).\n";

const OptionSpec db_spec{"--db", "", true, "URL",
                         "base de l'espace de travail (par défaut : CLAUSIER_DB, sinon sqlite:clausier.db)"};
const OptionSpec help_spec{"--help", "-h", false, "", "affiche cette aide"};

std::optional<app::Workspace> open_workspace(const ParsedArgs& args) {
  try {
    return app::Workspace::open(app::database_url(args.value("--db")));
  } catch (const app::WorkspaceError& e) {
    workspace_failure(e.what());
    return std::nullopt;
  }
}

// The password on standard input: one line, typed without echo on a terminal.
std::optional<std::string> read_password() {
  const bool terminal = isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (terminal) {
    std::cerr << "Mot de passe (10 caractères au moins)" << fr::colon << ' ' << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << '\n';
  }
  if (!got && line.empty()) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int failure(const app::WorkspaceError& e) { return workspace_failure(e.what()); }

int run_add(const std::vector<std::string>& argv) {
  const std::vector<OptionSpec> specs = {
      {"--role", "", true, "R", "admin, facilitateur, acheteur ou entreprise"},
      {"--structure", "", true, "S", "la structure (locataire) du compte"},
      {"--name", "", true, "N", "nom affiché (par défaut : l'identifiant)"},
      {"--siret", "", true, "SIRET", "les 14 chiffres du SIRET de l'entreprise (rôle entreprise)"},
      db_spec,
      help_spec};
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "user add");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help("clausier user add IDENTIFIANT --role R --structure S [--name N] [--siret SIRET]",
                        "Crée un compte. Le mot de passe (10 caractères au moins) est lu sur l'entrée "
                        "standard\u202F: «\u00A0clausier user add marie --role admin --structure mde-61 < "
                        "fichier\u00A0», ou tapé sans écho.",
                        specs);
  }
  if (args.positional.size() != 1) return usage_error("indiquez un et un seul identifiant", "user add");
  if (!args.value("--role")) return usage_error("indiquez le rôle du compte avec --role", "user add");
  if (!args.value("--structure"))
    return usage_error("indiquez la structure du compte avec --structure", "user add");
  auto workspace = open_workspace(args);
  if (!workspace) return 1;
  const auto password = read_password();
  if (!password) {
    std::cerr
        << "clausier" << fr::colon << " aucun mot de passe lu sur l'entrée standard" << fr::colon
        << " tapez-le, ou envoyez-le par un tube (printf '%s\\n' \"$MOT_DE_PASSE\" | clausier user add …)\n";
    return 1;
  }
  app::UserInput input{args.positional[0],         args.value("--name").value_or(""),  *args.value("--role"),
                       *args.value("--structure"), args.value("--siret").value_or(""), *password};
  try {
    workspace->accounts().add_user(input, cli_author());
  } catch (const app::WorkspaceError& e) {
    return failure(e);
  }
  std::cout << "Compte « " << input.login << " » créé (" << input.role << ", structure " << input.structure
            << ") dans " << workspace->display_name() << ".\n";
  return 0;
}

int run_list(const std::vector<std::string>& argv) {
  const std::vector<OptionSpec> specs = {
      {"--format", "", true, "FORMAT", "table (par défaut) ou json"}, db_spec, help_spec};
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "user list");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help"))
    return command_help("clausier user list [--format table|json] [--db URL]", "Liste les comptes.", specs);
  const std::string format = args.value("--format").value_or("table");
  if (format != "table" && format != "json")
    return usage_error("format inconnu : choisissez table ou json", "user list");
  auto workspace = open_workspace(args);
  if (!workspace) return 1;
  try {
    const auto users = workspace->accounts().users();
    if (format == "json") {
      writers::JsonWriter w(std::cout);
      app::write_users_json(w, users);
      std::cout << '\n';
      return 0;
    }
    if (users.empty()) {
      std::cout << "Aucun compte" << fr::colon
                << " l'espace de travail est ouvert sans session. Créez le premier administrateur avec "
                   "« clausier user add IDENTIFIANT --role admin --structure S ».\n";
      return 0;
    }
    for (const auto& u : users) {
      std::cout << u.structure << "  " << u.login << "  " << u.role << (u.siret.empty() ? "" : " " + u.siret)
                << "  " << u.name << (u.disabled ? "  (désactivé)" : "") << '\n';
    }
  } catch (const app::WorkspaceError& e) {
    return failure(e);
  }
  return 0;
}

// disable, password, token: one login.
int run_one(const std::string& sub, const std::vector<std::string>& argv) {
  const std::vector<OptionSpec> specs = {db_spec, help_spec};
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "user " + sub);
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    const char* what = sub == "disable" ? "Désactive le compte : ses sessions et jetons cessent aussitôt."
                       : sub == "password"
                           ? "Change le mot de passe (lu sur l'entrée standard) ; les sessions "
                             "ouvertes prennent fin."
                           : "Crée un jeton d'API (affiché une seule fois) pour « Authorization: "
                             "Bearer … ».";
    return command_help("clausier user " + sub + " IDENTIFIANT [--db URL]", what, specs);
  }
  if (args.positional.size() != 1) return usage_error("indiquez un et un seul identifiant", "user " + sub);
  const std::string& login = args.positional[0];
  auto workspace = open_workspace(args);
  if (!workspace) return 1;
  try {
    if (sub == "disable") {
      workspace->accounts().disable(login, cli_author());
      std::cout << "Compte « " << login << " » désactivé" << fr::colon << " ses sessions ont pris fin.\n";
    } else if (sub == "password") {
      const auto password = read_password();
      if (!password) {
        std::cerr << "clausier" << fr::colon << " aucun mot de passe lu sur l'entrée standard\n";
        return 1;
      }
      workspace->accounts().set_password(login, *password, cli_author());
      std::cout << "Mot de passe de « " << login << " » changé.\n";
    } else {
      std::cout << workspace->accounts().new_token(login, cli_author()) << '\n';
      std::cerr << "Jeton d'API de « " << login << " »" << fr::colon
                << " il n'est affiché qu'une fois ; envoyez-le dans l'en-tête « Authorization: Bearer … ».\n";
    }
  } catch (const app::WorkspaceError& e) {
    return failure(e);
  }
  return 0;
}

}  // namespace

int run_user(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0] == "--help" || argv[0] == "-h") {
    std::cout << user_help;
    return argv.empty() ? exit_usage : 0;
  }
  const std::string sub = argv[0];
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  if (sub == "add") return run_add(rest);
  if (sub == "list") return run_list(rest);
  if (sub == "disable" || sub == "password" || sub == "token") return run_one(sub, rest);
  return usage_error("sous-commande inconnue « " + sub + " » : add, list, disable, password ou token",
                     "user");
}

int run_audit(const std::vector<std::string>& argv) {
  const std::vector<OptionSpec> specs = {
      {"--structure", "", true, "S", "les entrées de cette structure seulement"},
      {"--limit", "", true, "N", "les N dernières entrées (par défaut : 200)"},
      {"--format", "", true, "FORMAT", "table (par défaut) ou json"},
      db_spec,
      help_spec};
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "audit");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help("clausier audit [--structure S] [--limit N] [--format table|json] [--db URL]",
                        "Le journal d'audit : connexions, échecs de connexion, changements de comptes, "
                        "décisions et états d'heures, avec leur auteur et leur date.",
                        specs);
  }
  if (!args.positional.empty()) return usage_error("audit ne prend pas d'argument", "audit");
  const std::string format = args.value("--format").value_or("table");
  if (format != "table" && format != "json")
    return usage_error("format inconnu : choisissez table ou json", "audit");
  std::size_t limit = 200;
  if (auto v = args.value("--limit")) {
    if (v->empty() || v->size() > 6 || v->find_first_not_of("0123456789") != std::string::npos || *v == "0")
      return usage_error("nombre invalide « " + *v + " » pour --limit : de 1 à 999999", "audit");
    limit = std::stoul(*v);
  }
  auto workspace = open_workspace(args);
  if (!workspace) return 1;
  try {
    const auto rows = workspace->accounts().audit(args.value("--structure").value_or(""), limit);
    if (format == "json") {
      writers::JsonWriter w(std::cout);
      app::write_audit_json(w, rows);
      std::cout << '\n';
      return 0;
    }
    if (rows.empty()) std::cout << "Journal d'audit vide.\n";
    for (const auto& a : rows) {
      std::cout << a.at << "  " << (a.structure.empty() ? "-" : a.structure) << "  " << a.author << "  "
                << a.action << "  " << a.target << (a.detail.empty() ? "" : "  " + fr::typography(a.detail))
                << (a.address.empty() ? "" : "  (" + a.address + ")") << '\n';
    }
  } catch (const app::WorkspaceError& e) {
    return failure(e);
  }
  return 0;
}

}  // namespace clausier::cli
