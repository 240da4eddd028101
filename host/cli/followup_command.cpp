// clausier followup award|event|template|statement import|status|report|
// consolidation|purge|participant (docs/followup.md): thin over app::Followup.
// The command line acts as the facilitator.

#include <ctime>
#include <iostream>
#include <sstream>

#include "app/followup.hpp"
#include "app/workspace.hpp"
#include "base/french.hpp"
#include "cli/common.hpp"
#include "cli/programme_input.hpp"
#include "readers/values.hpp"
#include "writers/output_format.hpp"
#include "writers/pdf_converter.hpp"

namespace clausier::cli {
namespace {

const char* followup_help =
    "Usage\u00A0: clausier followup SOUS-COMMANDE [options]\n"
    "\n"
    "Le suivi de l'exécution des clauses d'insertion, après l'attribution des lots d'un programme de "
    "l'espace\n"
    "de travail (--db URL, par défaut CLAUSIER_DB, sinon sqlite:clausier.db).\n"
    "\n"
    "  award NOM REFERENCE --siret S --company C [--kind K] [--start D --end D] [--committed N]\n"
    "                                      enregistre l'attribution d'un lot à une entreprise\n"
    "  event REFERENCE --kind K [--date D] [--note T]\n"
    "                                      ajoute une étape au calendrier du lot (réunion de lancement,\n"
    "                                      relance, mise en demeure, pénalité, rapport final)\n"
    "  template NOM [REFERENCE] -o FICHIER état mensuel à remplir (CSV ou XLSX), prérempli des lots\n"
    "  statement import FICHIER [--company SIRET]\n"
    "                                      importe un état mensuel, tout ou rien\n"
    "  status [NOM] [--format table|json]  heures dues, réalisées, attendues, retards, lots à risque\n"
    "  report NOM [--lot REF] [--format html|md|docx|odt|pdf] [-o FICHIER]\n"
    "                                      état de réalisation pour l'acheteur (rapport final d'un lot "
    "achevé)\n"
    "  consolidation --year AAAA [--format json|xlsx|html] [-o FICHIER]\n"
    "                                      indicateurs de l'année civile\n"
    "  purge --before DATE                 anonymise les participants dont la durée de conservation est "
    "passée\n"
    "  participant export|erase ID         données d'un participant, ou leur effacement sur demande\n"
    "\n"
    "«\u00A0clausier followup SOUS-COMMANDE --help\u00A0» détaille chaque sous-commande.\n";

const OptionSpec db_spec{
    "--db", "", true, "URL",
    "base de l'espace de travail : sqlite:FICHIER ou postgresql://utilisateur@hôte:port/base "
    "(par défaut : CLAUSIER_DB, sinon sqlite:clausier.db)"};
const CommonOptions rules_only{
    .rules = true, .templates = false, .as_of = true, .policy = true, .no_policy = false, .sheet = false};
// Commands that only touch the database (awards, templates, events, participants).
const CommonOptions database_only{
    .rules = false, .templates = false, .as_of = false, .policy = false, .no_policy = false, .sheet = false};

Date today() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return *Date::from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::optional<app::Followup> open_followup(const ParsedArgs& args) {
  try {
    return app::Followup::open(app::database_url(args.value("--db")));
  } catch (const app::WorkspaceError& e) {
    workspace_failure(e.what());
    return std::nullopt;
  }
}

void print_errors(const std::vector<Diagnostic>& errors) {
  DiagnosticList list;
  for (const auto& d : errors) list.report(d);
  print_diagnostics(list);
}

// Parses, answers --help, checks the positional count; returns the args or an exit status.
struct Parsed {
  std::optional<ParsedArgs> args;
  int status = 0;
};

Parsed parse(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs,
             const std::string& command, const std::string& synopsis, const std::string& description,
             std::size_t min_positional, std::size_t max_positional) {
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return {std::nullopt, usage_error(parsed.error, command)};
  if (parsed.args.has("--help")) return {std::nullopt, command_help(synopsis, description, specs)};
  const std::size_t n = parsed.args.positional.size();
  if (n < min_positional || n > max_positional)
    return {std::nullopt, usage_error("nombre d'arguments incorrect : " + synopsis, command)};
  return {parsed.args, 0};
}

// The rules (and templates when asked) of the common options; exit 3 on failure.
std::optional<app::Toolkit> load_toolkit(const ParsedArgs& args, bool templates, Date& on) {
  const CommonSetup setup = common_setup(args);
  if (!setup.error.empty()) {
    usage_error(setup.error, "followup");
    return std::nullopt;
  }
  DiagnosticList diags;
  app::Toolkit toolkit = app::Toolkit::load(setup.paths, diags, {templates});
  if (diags.has_errors()) print_diagnostics(diags);
  on = setup.as_of.value_or(today());
  return toolkit;
}

int run_award(const std::vector<std::string>& argv) {
  const auto specs = with_common(
      {{"--siret", "", true, "SIRET", "SIRET de l'établissement titulaire (14 chiffres)"},
       {"--company", "", true, "NOM", "raison sociale du titulaire"},
       {"--kind", "", true, "TYPE",
        "entreprise (par défaut), ei, ai, etti, aci, geiq, ea, esat, eatt, regie-de-quartier"},
       {"--start", "", true, "DATE", "début d'exécution (JJ/MM/AAAA ou AAAA-MM-JJ)"},
       {"--end", "", true, "DATE", "fin d'exécution"},
       {"--committed", "", true, "N", "heures engagées dans l'offre, si plus que dues"},
       {"--pool", "", true, "NOM", "convention de globalisation qui regroupe ce lot"},
       {"--partners", "", true, "LISTE", "cotraitants et sous-traitants, séparés par « , » (SIRET et nom)"},
       db_spec},
      database_only);
  const auto p =
      parse(argv, specs, "followup award",
            "clausier followup award NOM REFERENCE --siret S --company C [--kind K] [--start D --end D]",
            "Enregistre l'attribution du lot REFERENCE du programme NOM à une entreprise. Les heures "
            "dues sont celles\nde la décision sur le lot, sinon celles que proposent les règles.",
            2, 2);
  if (!p.args) return p.status;
  const ParsedArgs& args = *p.args;
  if (!args.value("--siret") || !args.value("--company"))
    return usage_error("--siret et --company sont obligatoires", "followup award");
  auto followup = open_followup(args);
  if (!followup) return 1;
  app::AwardInput input{args.positional[0],
                        args.positional[1],
                        *args.value("--siret"),
                        *args.value("--company"),
                        args.value("--kind").value_or(""),
                        args.value("--start").value_or(""),
                        args.value("--end").value_or(""),
                        args.value("--committed").value_or(""),
                        args.value("--pool").value_or(""),
                        {}};
  if (const auto partners = args.value("--partners")) {
    std::string item;
    for (const char c : *partners + ",") {
      if (c == ',') {
        if (!item.empty()) input.partners.push_back(item);
        item.clear();
      } else {
        item += c;
      }
    }
  }
  try {
    const auto outcome = followup->award(input, cli_author());
    if (!outcome.saved) {
      print_errors(outcome.errors);
      return 1;
    }
    std::cout << "Lot « " << input.reference << " » attribué à " << input.company << fr::colon << ' '
              << (outcome.hours_owed ? fr::hours(*outcome.hours_owed) + " dues (" + outcome.owed_from +
                                           ", clause " + outcome.clause + ")"
                                     : std::string("aucune heure d'insertion n'est due sur ce lot"))
              << ".\n";
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  return 0;
}

int run_event(const std::vector<std::string>& argv) {
  const auto specs = with_common(
      {{"--kind", "", true, "TYPE", "reunion-lancement, relance, mise-en-demeure, penalite ou rapport-final"},
       {"--date", "", true, "DATE", "date de l'étape (par défaut : aujourd'hui)"},
       {"--note", "", true, "TEXTE", "précision"},
       db_spec},
      database_only);
  const auto p =
      parse(argv, specs, "followup event", "clausier followup event REFERENCE --kind TYPE [--date D]",
            "Ajoute une étape au calendrier d'un lot attribué.", 1, 1);
  if (!p.args) return p.status;
  const ParsedArgs& args = *p.args;
  if (!args.value("--kind")) return usage_error("--kind est obligatoire", "followup event");
  auto followup = open_followup(args);
  if (!followup) return 1;
  try {
    const auto errors =
        followup->add_event(args.positional[0], *args.value("--kind"), args.value("--date").value_or(""),
                            args.value("--note").value_or(""), cli_author());
    if (!errors.empty()) {
      print_errors(errors);
      return 1;
    }
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  std::cout << "Étape « " << *args.value("--kind") << " » ajoutée au calendrier du lot « "
            << args.positional[0] << " ».\n";
  return 0;
}

int run_template(const std::vector<std::string>& argv) {
  const auto specs =
      with_common({{"--output", "-o", true, "FICHIER", "le fichier à écrire : .csv ou .xlsx"},
                   {"--company", "", true, "SIRET", "seulement les lots de cette entreprise"},
                   {"--month", "", true, "AAAA-MM", "mois prérempli (par défaut : le mois en cours)"},
                   db_spec},
                  database_only);
  const auto p =
      parse(argv, specs, "followup template", "clausier followup template NOM [REFERENCE] -o FICHIER",
            "Écrit l'état mensuel à remplir, une ligne par lot attribué du programme NOM (ou le lot "
            "REFERENCE),\nen CSV (point-virgule, UTF-8) ou XLSX selon l'extension de FICHIER.",
            1, 2);
  if (!p.args) return p.status;
  const ParsedArgs& args = *p.args;
  const auto output = args.value("--output");
  if (!output)
    return usage_error("indiquez le fichier à écrire avec -o (.csv ou .xlsx)", "followup template");
  const std::string format =
      output->size() > 5 && output->substr(output->size() - 5) == ".xlsx" ? "xlsx" : "csv";
  Date month = today();
  if (const auto m = args.value("--month")) {
    const auto parsed = app::parse_month(*m);
    if (!parsed) return usage_error("mois « " + *m + " » illisible : écrivez AAAA-MM", "followup template");
    month = *Date::from_ymd(std::stoi(parsed->substr(0, 4)), std::stoi(parsed->substr(5, 2)), 1);
  }
  auto followup = open_followup(args);
  if (!followup) return 1;
  Output out(output);
  if (!out.ok()) return 1;
  try {
    followup->write_template(args.positional[0], args.positional.size() > 1 ? args.positional[1] : "",
                             args.value("--company").value_or(""), month, format, out.stream());
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  return out.commit() ? 0 : 1;
}

int run_statement(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0] != "import")
    return usage_error("écrivez « clausier followup statement import FICHIER »", "followup statement");
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  const auto specs = with_common(
      {{"--company", "", true, "SIRET", "l'entreprise qui envoie l'état : chaque lot doit lui être attribué"},
       db_spec},
      rules_only);
  const auto p = parse(
      rest, specs, "followup statement import",
      "clausier followup statement import FICHIER [--company SIRET]",
      "Vérifie un état mensuel entier (CSV ou XLSX) puis l'importe entier, ou rien s'il a une "
      "erreur.\nChaque erreur est signalée avec sa ligne. Importer deux fois le même état ne change rien.",
      1, 1);
  if (!p.args) return p.status;
  const ParsedArgs& args = *p.args;
  Date on;
  const auto toolkit = load_toolkit(args, false, on);
  if (!toolkit) return exit_usage;
  auto followup = open_followup(args);
  if (!followup) return 1;
  app::StatementOutcome outcome;
  try {
    outcome = followup->import_statement(toolkit->params(), args.positional[0],
                                         args.value("--company").value_or(""), cli_author(), on);
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  std::vector<Diagnostic> all = outcome.errors;
  all.insert(all.end(), outcome.warnings.begin(), outcome.warnings.end());
  print_errors(all);
  if (!outcome.errors.empty()) {
    std::cerr << "État refusé" << fr::colon << " rien n'a été importé. Corrigez les erreurs ci-dessus et "
              << "importez-le de nouveau.\n";
    return 1;
  }
  if (outcome.unchanged) {
    std::cout << "État déjà importé" << fr::colon << " rien n'a changé.\n";
    return 0;
  }
  std::cout << "État importé" << fr::colon << ' ' << outcome.lines << " ligne(s), " << outcome.lots
            << " lot(s), " << outcome.months << " mois.\n";
  return 0;
}

int run_status(const std::vector<std::string>& argv) {
  const auto specs =
      with_common({{"--format", "", true, "FORMAT", "table (par défaut) ou json"}, db_spec}, rules_only);
  const auto p =
      parse(argv, specs, "followup status", "clausier followup status [NOM] [--format table|json]",
            "Par lot attribué : heures dues, réalisées, attendues à date, participants, états en retard,\n"
            "lots à risque et prochaine étape (--as-of AAAA-MM-JJ : à cette date).",
            0, 1);
  if (!p.args) return p.status;
  const ParsedArgs& args = *p.args;
  const std::string format = args.value("--format").value_or("table");
  if (format != "table" && format != "json")
    return usage_error("format « " + format + " » inconnu : choisissez table ou json", "followup status");
  Date on;
  const auto toolkit = load_toolkit(args, false, on);
  if (!toolkit) return exit_usage;
  auto followup = open_followup(args);
  if (!followup) return 1;
  try {
    const auto st = followup->status(toolkit->params(), app::Audience::facilitator(), on,
                                     args.positional.empty() ? "" : args.positional[0]);
    app::Followup::write_status(st, format == "json" ? app::FollowupFormat::json : app::FollowupFormat::table,
                                std::cout);
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  return 0;
}

int run_report(const std::vector<std::string>& argv) {
  CommonOptions which = rules_only;
  which.templates = true;
  const auto specs = with_common(
      {{"--lot", "", true, "REFERENCE", "le rapport d'un seul lot"},
       {"--format", "", true, "FORMAT",
        "html (par défaut), md, docx, odt ou pdf (le DOCX converti par LibreOffice)"},
       {"--output", "-o", true, "FICHIER", "fichier à écrire (par défaut : etat-realisation-NOM.FORMAT)"},
       db_spec},
      which);
  const auto p = parse(
      argv, specs, "followup report",
      "clausier followup report NOM [--lot REF] [--format html|md|docx|odt|pdf]",
      "L'état de réalisation de la clause pour l'acheteur (totaux seulement, sans donnée personnelle),\n"
      "du programme ou d'un lot ; le rapport final d'un lot dont le marché est achevé.",
      1, 1);
  if (!p.args) return p.status;
  const ParsedArgs& args = *p.args;
  const std::string format = args.value("--format").value_or("html");
  if (format != "html" && format != "md" && format != "docx" && format != "odt" && format != "pdf")
    return usage_error("format « " + format + " » inconnu : choisissez html, md, docx, odt ou pdf",
                       "followup report");
  // PDF: the DOCX report, converted by LibreOffice.
  const bool pdf = format == "pdf";
  if (pdf && !writers::find_soffice()) {
    std::cerr << "clausier" << fr::colon << " " << writers::soffice_missing_message() << '\n';
    return 1;
  }
  const std::string written = pdf ? std::string(writers::output_format(format)->made_from) : format;
  Date on;
  const auto toolkit = load_toolkit(args, true, on);
  if (!toolkit) return exit_usage;
  auto followup = open_followup(args);
  if (!followup) return 1;
  const std::string lot = args.value("--lot").value_or("");
  const std::string file =
      args.value("--output")
          .value_or("etat-realisation-" + (lot.empty() ? args.positional[0] : lot) + "." + format);
  Output out(file);
  if (!out.ok()) return 1;
  DiagnosticList diags;
  bool ok = false;
  std::ostringstream before_pdf;
  try {
    ok = followup->write_report(toolkit->params(), toolkit->templates(), app::Audience::facilitator(),
                                args.positional[0], lot, written, on,
                                pdf ? static_cast<std::ostream&>(before_pdf) : out.stream(), diags);
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  print_diagnostics(diags);
  if (ok && pdf) {
    std::string error;
    const auto bytes =
        writers::convert_to_pdf(before_pdf.str(), writers::output_format(written)->extension, error);
    if (!bytes) {
      std::cerr << "Aucun rapport écrit" << fr::colon << " " << error << '\n';
      return 1;
    }
    out.stream() << *bytes;
  }
  return ok && out.commit() ? 0 : 1;
}

int run_consolidation(const std::vector<std::string>& argv) {
  const auto specs =
      with_common({{"--year", "", true, "AAAA", "l'année civile des heures"},
                   {"--format", "", true, "FORMAT", "json (par défaut), xlsx ou html"},
                   {"--output", "-o", true, "FICHIER", "fichier à écrire (obligatoire en xlsx)"},
                   db_spec},
                  rules_only);
  const auto p =
      parse(argv, specs, "followup consolidation",
            "clausier followup consolidation --year AAAA [--format json|xlsx|html] [-o FICHIER]",
            "Les indicateurs de l'année civile : heures par modalité, secteur et type de clause ;\n"
            "participants par public, sexe, âge, qualification, QPV ; contrats ; sorties ; prévu, déclaré\n"
            "et réalisé par acheteur.",
            0, 0);
  if (!p.args) return p.status;
  const ParsedArgs& args = *p.args;
  const auto year_text = args.value("--year");
  if (!year_text || year_text->size() != 4 || year_text->find_first_not_of("0123456789") != std::string::npos)
    return usage_error("indiquez l'année avec --year AAAA", "followup consolidation");
  const std::string format = args.value("--format").value_or("json");
  if (format != "json" && format != "xlsx" && format != "html")
    return usage_error("format « " + format + " » inconnu : choisissez json, xlsx ou html",
                       "followup consolidation");
  if (format == "xlsx") {
    if (const auto e = binary_output_error(args.value("--output"), "la consolidation", ".xlsx"); !e.empty())
      return usage_error(e, "followup consolidation");
  }
  Date on;
  const auto toolkit = load_toolkit(args, false, on);
  if (!toolkit) return exit_usage;
  auto followup = open_followup(args);
  if (!followup) return 1;
  Output out(args.value("--output"));
  if (!out.ok()) return 1;
  try {
    const std::string error = followup->write_consolidation(toolkit->params(), app::Audience::facilitator(),
                                                            std::stoi(*year_text), format, out.stream());
    if (!error.empty()) return workspace_failure(error);
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  return out.commit() ? 0 : 1;
}

int run_purge(const std::vector<std::string>& argv) {
  const auto specs = with_common(
      {{"--before", "", true, "DATE", "la date à laquelle appliquer la durée de conservation"}, db_spec},
      rules_only);
  const auto p =
      parse(argv, specs, "followup purge", "clausier followup purge --before DATE",
            "Anonymise les participants dont la durée de conservation (suivi.conservation, après leur "
            "dernier mois\nd'heures) est passée à DATE : identifiant et attributs effacés, heures "
            "gardées sans lien avec personne.",
            0, 0);
  if (!p.args) return p.status;
  const ParsedArgs& args = *p.args;
  const auto before = args.value("--before");
  if (!before) return usage_error("indiquez la date avec --before DATE", "followup purge");
  const auto date = readers::parse_date(*before);
  if (!date) return usage_error("date « " + *before + " » : " + date.error(), "followup purge");
  Date on;
  const auto toolkit = load_toolkit(args, false, on);
  if (!toolkit) return exit_usage;
  auto followup = open_followup(args);
  if (!followup) return 1;
  try {
    const std::size_t n = followup->purge(toolkit->params(), date.value());
    std::cout << n << " participant(s) anonymisé(s) (durée de conservation passée au "
              << fr::date_short(date.value()) << ")" << fr::semicolon
              << " leurs heures restent comptées, sans lien avec personne.\n";
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  return 0;
}

int run_participant(const std::vector<std::string>& argv) {
  const auto specs = with_common({db_spec}, database_only);
  const auto p =
      parse(argv, specs, "followup participant", "clausier followup participant export|erase ID",
            "Les données d'un participant (JSON), ou leur effacement à sa demande (l'identifiant et les\n"
            "attributs sont effacés, ses heures restent comptées sans lien avec lui).",
            2, 2);
  if (!p.args) return p.status;
  const ParsedArgs& args = *p.args;
  const std::string& action = args.positional[0];
  if (action != "export" && action != "erase")
    return usage_error("écrivez export ou erase", "followup participant");
  auto followup = open_followup(args);
  if (!followup) return 1;
  try {
    if (action == "export") {
      followup->export_participant(args.positional[1], std::cout);
    } else {
      followup->erase_participant(args.positional[1]);
      std::cout << "Données du participant « " << args.positional[1] << " » effacées.\n";
    }
  } catch (const app::WorkspaceError& e) {
    return workspace_failure(e.what());
  }
  return 0;
}

}  // namespace

int run_followup(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0] == "--help" || argv[0] == "-h") {
    std::cout << followup_help;
    return argv.empty() ? exit_usage : 0;
  }
  const std::string sub = argv[0];
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  if (sub == "award") return run_award(rest);
  if (sub == "event") return run_event(rest);
  if (sub == "template") return run_template(rest);
  if (sub == "statement") return run_statement(rest);
  if (sub == "status") return run_status(rest);
  if (sub == "report") return run_report(rest);
  if (sub == "consolidation") return run_consolidation(rest);
  if (sub == "purge") return run_purge(rest);
  if (sub == "participant") return run_participant(rest);
  return usage_error(
      "sous-commande inconnue « " + sub +
          " » : choisissez award, event, template, statement, status, report, consolidation, purge "
          "ou participant",
      "followup");
}

}  // namespace clausier::cli
