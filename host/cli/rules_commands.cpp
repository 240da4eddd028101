// clausier rules test | check | doc

#include <iostream>

#include "app/rule_tests.hpp"
#include "app/rules_check.hpp"
#include "base/build_info.hpp"
#include "base/french.hpp"
#include "base/paths.hpp"
#include "cli/common.hpp"
#include "writers/atomic_file.hpp"
#include "writers/output_format.hpp"
#include "writers/rules_doc.hpp"

namespace clausier::cli {
namespace {

const char* rules_help =
    "Usage\u00A0: clausier rules SOUS-COMMANDE [options]\n"
    "\n"
    "Outils des juristes qui tiennent les règles à jour\u00A0:\n"
    "  test [FICHIER…]   exécute les cas de test (rules/tests/*.lua par défaut)\u00A0: chaque cas décrit un "
    "lot,\n"
    "                    une date et les verdicts, heures et motifs attendus\u202F; un échec donne le "
    "fichier\n"
    "                    et la ligne du cas, l'attendu et l'obtenu\n"
    "  check             vérifie d'un coup les règles, les plugins (paramètres lus qui n'existent pas…),\n"
    "                    les fichiers de cas et les modèles de documents, et signale chaque problème à sa "
    "place\n"
    "  doc               rédige la documentation des règles\u00A0: types de clauses, paramètres, valeurs "
    "datées,\n"
    "                    références (regles.md et regles.html)\n"
    "\n"
    "«\u00A0clausier rules SOUS-COMMANDE --help\u00A0» détaille chaque sous-commande.\n";

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n > 1 ? many : one);
}

int run_rules_test(const std::vector<std::string>& argv) {
  const auto specs =
      with_common({}, {.templates = false, .as_of = false, .no_policy = false, .sheet = false});
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "rules test");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier rules test [FICHIER|DOSSIER…] [--rules DOSSIER] [--plugins DOSSIER] [--policy FICHIER]",
        "Exécute les cas de test des règles : par défaut les fichiers rules/tests/*.lua du dossier des "
        "règles\n"
        "(format : rules/tests/README.md). Chaque cas évalue un lot avec les plugins et les règles en "
        "vigueur\n"
        "à sa date, puis compare les verdicts, heures, motifs et valeurs attendus. Un cas en échec est "
        "signalé\n"
        "avec son fichier et sa ligne. Code de sortie 1 si un cas échoue ou est invalide, 3 si une règle ou\n"
        "un plugin a échoué.",
        specs);
  }
  const CommonSetup setup = common_setup(args);
  if (!setup.error.empty()) return usage_error(setup.error, "rules test");

  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(setup.paths, diags, {});
  announce_policy(toolkit, setup);
  std::vector<std::filesystem::path> inputs(args.positional.begin(), args.positional.end());
  const std::size_t errors_before = diags.count(Severity::error);
  const auto files = app::case_files(inputs, setup.paths, diags);
  const bool missing_files = diags.count(Severity::error) > errors_before;
  if (files.empty() && inputs.empty()) {
    diags.warning(Location::in_file(display_path(app::default_case_dir(setup.paths))),
                  "aucun fichier de cas de test (*.lua) : rien à exécuter");
  }
  const app::RuleTestSummary summary = app::run_rule_tests(
      toolkit, files, diags, [](const app::RuleCase& c, const std::vector<app::CaseMismatch>& mismatches) {
        for (const auto& m : mismatches) {
          std::cout << c.where.str() << fr::colon << " échec" << fr::colon << " " << fr::guillemet_open
                    << c.name << fr::guillemet_close << " \u2014 " << m.clause << fr::colon << " "
                    << m.message << '\n';
          if (!m.obtained.empty()) {
            std::cout << (m.obtained_warnings ? "    avertissements obtenus" : "    motifs obtenus")
                      << fr::colon << '\n';
            for (const auto& r : m.obtained) std::cout << "      - " << r << '\n';
          }
        }
        std::cout.flush();
      });
  print_diagnostics(diags);
  std::cout << summary.cases << " cas, " << plural(summary.passed, "réussi", "réussis") << ", "
            << summary.failed << " en échec\n"
            << summary.passed << " passed, " << summary.failed << " failed\n";
  const int status = app::exit_status(summary, toolkit);
  return status == 0 && missing_files ? 1 : status;
}

int run_rules_check(const std::vector<std::string>& argv) {
  const auto specs = with_common({}, {.as_of = false, .no_policy = false, .sheet = false});
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "rules check");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier rules check [--rules DOSSIER] [--plugins DOSSIER] [--templates DOSSIER] [--policy FICHIER]",
        "Vérifie tout ce qu'un juriste modifie et signale tous les problèmes d'un coup, chacun à sa place :\n"
        "  - règles : champs, unités, formes, dates croissantes, références, statuts (et la politique "
        "locale\n"
        "    donnée par --policy) ;\n"
        "  - plugins : erreurs de chargement, version de l'API, paramètres déclarés ou lus par\n"
        "    ctx.param(\"…\") qui n'existent pas, paramètres lus mais non déclarés ;\n"
        "  - cas de test (rules/tests/*.lua) : forme de chaque cas, sans l'exécuter ;\n"
        "  - modèles de documents : clause inconnue, balises inconnues, sections non fermées, balises "
        "brutes.\n"
        "Code de sortie 0 sans erreur (les avertissements seuls ne comptent pas), 3 sinon.",
        specs);
  }
  if (!args.positional.empty()) return usage_error("rules check ne prend pas d'argument", "rules check");
  const CommonSetup setup = common_setup(args);
  if (!setup.error.empty()) return usage_error(setup.error, "rules check");
  DiagnosticList diags;
  const app::CheckSummary summary = app::check_rules(setup.paths, diags);
  print_diagnostics(diags);
  const std::size_t errors = diags.count(Severity::error);
  const std::size_t warnings = diags.count(Severity::warning);
  std::cout << "Vérifié" << fr::colon << " " << plural(summary.parameters, "paramètre", "paramètres") << ", "
            << plural(summary.plugins, "plugin", "plugins") << ", "
            << plural(summary.case_files, "fichier de cas", "fichiers de cas") << " (" << summary.cases
            << " cas), " << plural(summary.templates, "modèle", "modèles") << fr::semicolon << " "
            << (errors == 0 ? std::string("aucune erreur") : plural(errors, "erreur", "erreurs")) << ", "
            << (warnings == 0 ? std::string("aucun avertissement")
                              : plural(warnings, "avertissement", "avertissements"))
            << ".\n";
  return errors > 0 ? 3 : 0;
}

int run_rules_doc(const std::vector<std::string>& argv) {
  const auto specs = with_common(
      {
          {"--output", "-o", true, "DOSSIER", "dossier de sortie (par défaut : docs-regles)"},
          {"--format", "", true, "FORMATS",
           "formats séparés par des virgules : md,html (par défaut : les deux)"},
      },
      {.templates = false, .as_of = false, .no_policy = false, .sheet = false});
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "rules doc");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier rules doc [-o DOSSIER] [--format md,html] [--rules DOSSIER] [--plugins DOSSIER]",
        "Rédige la documentation des règles : chaque type de clause (titre, identifiant, fondement, "
        "paramètres\n"
        "lus, fichier) et chaque paramètre (description, unité, forme, valeurs datées avec leur date, "
        "statut,\n"
        "référence et note ; tables et listes de codes CPV en entier), dans DOSSIER/regles.md et\n"
        "DOSSIER/regles.html (page autonome, imprimable). Chaque fichier est écrit en entier ou pas du tout.",
        specs);
  }
  if (!args.positional.empty()) return usage_error("rules doc ne prend pas d'argument", "rules doc");
  std::vector<std::string> formats = writers::format_names(writers::Output::rules_doc);
  if (auto v = args.value("--format")) {
    std::string error;
    auto list = format_list(*v, formats, error);
    if (!list) return usage_error(error, "rules doc");
    formats = *list;
  }
  const CommonSetup setup = common_setup(args);
  if (!setup.error.empty()) return usage_error(setup.error, "rules doc");
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(setup.paths, diags, {});
  announce_policy(toolkit, setup);
  const std::filesystem::path dir = args.value("--output").value_or("docs-regles");
  const writers::RulesDocRequest request{toolkit.params(),
                                         toolkit.clause_infos(),
                                         display_path(setup.paths.rules),
                                         display_path(setup.paths.plugins),
                                         toolkit.policy_file(),
                                         {generation_date(), std::string("clausier ") + build::version}};
  std::vector<std::string> written;
  bool write_failed = false;
  for (const auto& format : formats) {
    const std::string name = "regles." + format;
    const std::string content =
        format == "md" ? writers::rules_doc_markdown(request) : writers::rules_doc_html(request);
    if (std::string error = writers::write_file_atomic(dir / name, content); !error.empty()) {
      diags.error(Location::in_file(display_path(dir / name)), error);
      write_failed = true;
    } else {
      written.push_back(name);
    }
  }
  print_diagnostics(diags);
  if (!written.empty()) {
    std::cout << "Documentation des règles écrite dans " << display_path(dir) << "/" << fr::colon << " ";
    for (std::size_t i = 0; i < written.size(); ++i) std::cout << (i > 0 ? ", " : "") << written[i];
    std::cout << " (" << plural(toolkit.clause_infos().size(), "type de clause", "types de clause") << ", "
              << plural(toolkit.params().all().size(), "paramètre", "paramètres") << ").\n";
  }
  if (toolkit.failed()) return 3;
  return write_failed ? 1 : 0;
}

}  // namespace

int run_rules(const std::vector<std::string>& argv) {
  if (argv.empty()) {
    std::cout << rules_help;
    return exit_usage;
  }
  const std::string& sub = argv[0];
  if (sub == "--help" || sub == "-h" || sub == "help") {
    std::cout << rules_help;
    return 0;
  }
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  if (sub == "test") return run_rules_test(rest);
  if (sub == "check") return run_rules_check(rest);
  if (sub == "doc") return run_rules_doc(rest);
  return usage_error("sous-commande inconnue « " + sub + " » : choisissez test, check ou doc", "rules");
}

}  // namespace clausier::cli
