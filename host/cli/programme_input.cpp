#include "cli/programme_input.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "base/french.hpp"

namespace clausier::cli {

std::vector<OptionSpec> with_workspace_input(std::vector<OptionSpec> specs) {
  specs.insert(specs.end(), {
                                {"--workspace", "", true, "NOM",
                                 "lit les lots du programme NOM de l'espace de travail au lieu d'un fichier, "
                                 "avec les décisions prises"},
                                {"--db", "", true, "URL",
                                 "base de l'espace de travail : sqlite:FICHIER ou "
                                 "postgresql://utilisateur@hôte:port/base (par défaut : "
                                 "CLAUSIER_DB, sinon sqlite:clausier.db)"},
                            });
  return specs;
}

ProgrammeInput programme_input(const ParsedArgs& args, std::size_t position, bool decisions) {
  ProgrammeInput input;
  const auto name = args.value("--workspace");
  if (!name) {
    if (args.positional.size() != position + 1) {
      input.usage = "indiquez un et un seul fichier de programmation (ou --workspace NOM)";
    } else {
      input.path = args.positional[position];
    }
    return input;
  }
  if (args.positional.size() != position) {
    input.usage = "avec --workspace, n'indiquez pas de fichier de programmation";
    return input;
  }
  try {
    input.workspace =
        std::make_shared<app::Workspace>(app::Workspace::open(app::database_url(args.value("--db"))));
    input.opened = std::make_shared<const readers::Programme>(input.workspace->programme(*name));
    input.path = input.opened->display_name();
    if (decisions) input.adjust = input.workspace->decisions_applier(*name);
  } catch (const app::WorkspaceError& e) {
    input.failure = e.what();
  }
  return input;
}

int workspace_failure(const std::string& message) {
  std::cerr << "clausier" << fr::colon << ' ' << fr::typography(message) << '\n';
  return 1;
}

std::string cli_author() {
  for (const char* variable : {"CLAUSIER_AUTHOR", "USER", "LOGNAME"}) {
    if (const char* v = std::getenv(variable); v != nullptr && *v != '\0') return v;
  }
  if (const passwd* pw = getpwuid(getuid()); pw != nullptr && pw->pw_name != nullptr) return pw->pw_name;
  return "inconnu";
}

}  // namespace clausier::cli
