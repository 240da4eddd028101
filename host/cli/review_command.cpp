// clausier review PROGRAMME [-o rapport.html] [--format html|md]

#include <iostream>

#include "app/review.hpp"
#include "base/build_info.hpp"
#include "base/french.hpp"
#include "cli/common.hpp"

namespace clausier::cli {

int run_review(const std::vector<std::string>& argv) {
  const auto specs = with_common(
      {
          {"--output", "-o", true, "FICHIER",
           "écrit la revue dans FICHIER (par défaut : revue.html, ou revue.md ; « - » pour la sortie "
           "standard ; écrit en entier ou pas du tout)"},
          {"--format", "", true, "FORMAT", "html (par défaut : une page autonome, imprimable) ou md"},
      },
      {.templates = false});
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "review");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier review PROGRAMME [-o FICHIER] [--format html|md] [--policy FICHIER] [--as-of AAAA-MM-JJ]",
        "Revue de toute une programmation, pour le facilitateur et l'acheteur avant publication : lots, "
        "montants, part des lots avec une considération sociale\nface à l'objectif national, heures "
        "d'insertion par trimestre, nature et territoire, verdicts par type de clause, lots où la\n"
        "condition sociale est obligatoire, tableau des lots par consultation avec leurs motifs, messages "
        "sur la programmation et règles appliquées.\nLa page HTML se lit hors ligne, sans script, et "
        "s'imprime en A4.",
        specs);
  }
  if (args.positional.size() != 1)
    return usage_error("indiquez un et un seul fichier de programmation", "review");
  const std::string format_name = args.value("--format").value_or("html");
  writers::ReviewFormat format;
  if (format_name == "html") {
    format = writers::ReviewFormat::html;
  } else if (format_name == "md") {
    format = writers::ReviewFormat::md;
  } else {
    return usage_error("format inconnu « " + format_name + " » : choisissez html ou md", "review");
  }
  const CommonSetup setup = common_setup(args, std::filesystem::path(args.positional[0]));
  if (!setup.error.empty()) return usage_error(setup.error, "review");

  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(setup.paths, diags, {});
  announce_policy(toolkit, setup);
  const app::ReviewRequest request{
      {args.positional[0], setup.as_of, {}}, generation_date(), std::string("clausier ") + build::version};

  Output output(
      args.value("--output").value_or(format == writers::ReviewFormat::html ? "revue.html" : "revue.md"));
  if (!output.ok()) return 1;
  auto report = writers::make_review_report(format, output.stream());
  const app::ReviewOutcome outcome = app::review_programme(toolkit, request, *report, diags);
  print_diagnostics(diags);
  if (outcome.evaluation.unreadable) {
    // Nothing to review: no report replaces a previous one.
    std::cerr << "Aucune revue écrite" << fr::colon << " la programmation n'a pas pu être lue.\n";
    return 1;
  }
  if (!output.commit()) return 1;
  return app::exit_status(outcome.evaluation, toolkit);
}

}  // namespace clausier::cli
