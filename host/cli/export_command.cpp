// clausier export decp|eforms PROGRAMME [-o FICHIER]

#include <iostream>

#include "app/export.hpp"
#include "cli/common.hpp"
#include "cli/programme_input.hpp"
#include "writers/output_format.hpp"

namespace clausier::cli {

int run_export(const std::vector<std::string>& argv) {
  auto specs = with_common(
      {
          {"--output", "-o", true, "FICHIER",
           "écrit le résultat dans FICHIER (écrit en entier ou pas du tout)"},
          {"--format", "", true, "FORMAT", "decp : json (par défaut) ou csv ; eforms : xml"},
          {"--include-possible", "", false, "",
           "retient aussi les clauses de verdict « possible » (par défaut : obligatoires et recommandées)"},
          {"--only", "", true, "REFERENCE", "n'exporte que le lot de cette référence"},
      },
      {.templates = false});
  specs = with_workspace_input(std::move(specs));
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "export");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier export decp|eforms PROGRAMME|--workspace NOM [-o FICHIER] [--format json|csv] "
        "[--include-possible]",
        "Évalue chaque lot de PROGRAMME et écrit ses considérations sociales aux formats des données "
        "ouvertes :\n"
        "  decp    données essentielles de la commande publique (format DECP 2.0) : considerationsSociales "
        "(« Clause sociale »,\n"
        "          « Critère social », « Marché réservé » ou « Pas de considération sociale »), avec "
        "l'identifiant, l'objet,\n"
        "          le code CPV, le montant, la durée et le lieu du lot ; en JSON ou en CSV ;\n"
        "  eforms  champs eForms de chaque lot (BT-06, BT-775, BT-71, BT-70), à reprendre dans l'avis "
        "européen.\n"
        "Une clause est retenue quand son verdict est « obligatoire » ou « recommandée » (avec "
        "--include-possible, « possible » aussi).",
        specs);
  }
  if (args.positional.empty() || (args.positional[0] != "decp" && args.positional[0] != "eforms")) {
    return usage_error(
        "indiquez le format puis le fichier de programmation : clausier export decp PROGRAMME "
        "ou clausier export eforms PROGRAMME",
        "export");
  }
  const bool decp = args.positional[0] == "decp";
  const writers::Output what = decp ? writers::Output::export_decp : writers::Output::export_eforms;
  std::string format_error;
  const std::string format = chosen_format(args, what, format_error);
  if (format.empty())
    return usage_error(format_error + (decp ? " (export decp)" : " (export eforms)"), "export");
  const ProgrammeInput input = programme_input(args, 1, true);
  if (!input.usage.empty()) return usage_error(input.usage, "export");
  if (!input.failure.empty()) return workspace_failure(input.failure);
  const CommonSetup setup =
      common_setup(args, input.opened ? std::nullopt : std::optional<std::filesystem::path>(input.path));
  if (!setup.error.empty()) return usage_error(setup.error, "export");

  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(setup.paths, diags, {});
  announce_policy(toolkit, setup);
  app::EvaluateRequest request{input.path, setup.as_of, args.value("--only").value_or(""), setup.sheet};
  request.opened = input.opened;
  request.adjust = input.adjust;
  Output output(args.value("--output"));
  if (!output.ok()) return 1;
  std::unique_ptr<writers::ExportSink> sink;
  if (!decp) {
    sink = writers::make_eforms_sink(output.stream());
  } else if (format == "csv") {
    sink = writers::make_decp_csv_sink(output.stream());
  } else {
    sink = writers::make_decp_json_sink(output.stream());
  }
  const app::EvaluateOutcome outcome = app::export_programme(
      toolkit, request, {.include_possible = args.has("--include-possible")}, decp, *sink, diags);
  print_diagnostics(diags);
  // A programme that could not be read leaves no output file behind.
  if (!outcome.unreadable && !output.commit()) return 1;
  return app::exit_status(outcome, toolkit);
}

}  // namespace clausier::cli
