// clausier draft: one consultation, its evaluation and all its documents.

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "app/draft.hpp"
#include "base/build_info.hpp"
#include "base/french.hpp"
#include "base/paths.hpp"
#include "cli/common.hpp"
#include "readers/columns.hpp"
#include "writers/documents.hpp"
#include "writers/output_format.hpp"
#include "writers/pdf_converter.hpp"

namespace clausier::cli {
namespace {

using readers::Column;

// The options describing the consultation, and the programme column each gives.
struct ValueOption {
  const char* name;
  Column column;
  bool required;  // without a fiche
  const char* value_name;
  const char* help;
};

const std::vector<ValueOption>& value_options() {
  static const std::vector<ValueOption> options = {
      {"--objet", Column::objet, true, "TEXTE", "objet de la consultation"},
      {"--nature", Column::nature, true, "NATURE", "travaux, fournitures ou services"},
      {"--cpv", Column::cpv, true, "CODE", "code CPV principal, par exemple 45262500 ou 45262500-6"},
      {"--montant", Column::montant_ht, true, "MONTANT", "montant estimé HT, par exemple « 1 000 000 € »"},
      {"--date", Column::date_lancement, true, "DATE",
       "date prévisionnelle de lancement, JJ/MM/AAAA ou AAAA-MM-JJ"},
      {"--lieu", Column::lieu, false, "LIEU", "lieu d'exécution : département (61, 2A, 971) ou code postal"},
      {"--acheteur", Column::acheteur, false, "NOM", "nom de l'acheteur"},
      {"--type-acheteur", Column::type_acheteur, false, "TYPE",
       "collectivite (par défaut), etat, entite-adjudicatrice ou defense"},
      {"--duree", Column::duree_mois, false, "MOIS", "durée du marché en mois"},
      {"--anru", Column::anru, false, "oui|non", "opération financée par l'ANRU"},
      {"--reference", Column::reference, false, "REF",
       "référence de la consultation (par défaut : tirée de son nom ou de son objet)"},
  };
  return options;
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n > 1 ? many : one);
}

// The closing line: what was written, or why nothing was.
std::string closing_line(const app::DraftOutcome& outcome) {
  const std::size_t lots = outcome.evaluation.summary.lots_evaluated;
  if (outcome.written) {
    return plural(outcome.documents, "document rédigé", "documents rédigés") + " pour " +
           plural(outcome.lots_with_documents, "lot", "lots") + " sur " + std::to_string(lots) + ", dans " +
           display_path(outcome.out_dir) + "/";
  }
  if (outcome.evaluation.unreadable) return "Aucun document écrit.";
  if (outcome.documents > 0 || outcome.fiche_errors || outcome.evaluation.input_errors ||
      outcome.template_errors || outcome.write_failed || outcome.evaluation.plugin_errors) {
    return "Aucun document écrit : corrigez les erreurs signalées, puis relancez la commande.";
  }
  return "Aucun document à rédiger : les verdicts " + std::string(lots > 1 ? "de ces lots" : "de ce lot") +
         " n'appellent aucun document.";
}

}  // namespace

int run_draft(const std::vector<std::string>& argv) {
  std::vector<OptionSpec> own;
  for (const ValueOption& o : value_options()) own.push_back({o.name, "", true, o.value_name, o.help});
  own.push_back(
      {"--output", "-o", true, "DOSSIER", "dossier des documents (par défaut : consultation-<référence>)"});
  own.push_back(
      {"--format", "", true, "FORMATS",
       "formats séparés par des virgules : docx,odt,html,md,pdf (par défaut : docx,odt,html,md ; pdf : "
       "le DOCX converti par LibreOffice)"});
  own.push_back(
      {"--explain", "", false, "", "détaille, sous chaque lot, les motifs et les paramètres utilisés"});
  const auto specs = with_common(std::move(own));
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "draft");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier draft [FICHE] [--objet T --nature N --cpv C --montant M --date D [--lieu L] …] [-o "
        "DOSSIER] "
        "[--format docx,odt,html,md,pdf]",
        "Évalue une consultation et rédige tous les documents que ses verdicts appellent, pour chacun de ses "
        "lots.\nLa consultation est décrite par une fiche de consultation (FICHE, format : docs/fiche.md) "
        "ou, "
        "pour un lot unique, par les options ; données avec une fiche, les options remplacent ses valeurs "
        "communes.\nLe tableau de l'évaluation s'affiche ; les documents sont écrits dans DOSSIER/<référence "
        "du lot>/, tous ou aucun.",
        specs);
  }
  if (args.positional.size() > 1) return usage_error("indiquez au plus une fiche de consultation", "draft");
  std::optional<std::filesystem::path> fiche;
  if (!args.positional.empty()) fiche = args.positional[0];

  app::DraftRequest request;
  request.fiche = fiche;
  std::string missing;
  for (const ValueOption& o : value_options()) {
    if (auto v = args.value(o.name)) {
      request.values.push_back({o.column, *v, o.name});
    } else if (o.required && !fiche) {
      missing += std::string(missing.empty() ? "" : ", ") + o.name;
    }
  }
  if (!missing.empty()) {
    return usage_error(
        "décrivez la consultation par une fiche de consultation ou par les options ; il manque " + missing,
        "draft");
  }
  if (auto v = args.value("--format")) {
    std::string error;
    auto list = format_list(*v, writers::format_names(writers::Output::documents), error);
    if (!list) return usage_error(error, "draft");
    request.formats = *list;
  }
  if (std::find(request.formats.begin(), request.formats.end(), "pdf") != request.formats.end() &&
      !writers::find_soffice()) {
    std::cerr << "clausier" << fr::colon << " " << writers::soffice_missing_message() << '\n';
    return 1;
  }
  const CommonSetup setup = common_setup(args, fiche);
  if (!setup.error.empty()) return usage_error(setup.error, "draft");
  request.as_of = setup.as_of;
  request.out_dir = args.value("--output").value_or("");

  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(setup.paths, diags, {.templates = true});
  request.context = {generation_date(), std::string("clausier ") + build::version, &toolkit.params(),
                     setup.as_of};
  announce_policy(toolkit, setup);
  auto sink = writers::make_sink(writers::EvaluationFormat::table, std::cout, {args.has("--explain")});
  const app::DraftOutcome outcome = app::draft_consultation(toolkit, request, *sink, diags);
  std::cout.flush();
  print_diagnostics(diags);
  std::cout << closing_line(outcome) << '\n';
  return app::exit_status(outcome, toolkit);
}

}  // namespace clausier::cli
