// clausier review PROGRAMME [-o revue.html] [--format html|md|docx|odt|pdf]

#include <iostream>
#include <sstream>

#include "app/review.hpp"
#include "base/build_info.hpp"
#include "base/french.hpp"
#include "cli/common.hpp"
#include "cli/programme_input.hpp"
#include "writers/output_format.hpp"
#include "writers/pdf_converter.hpp"
#include "writers/review_office.hpp"

namespace clausier::cli {

int run_review(const std::vector<std::string>& argv) {
  auto specs = with_common({
      {"--output", "-o", true, "FICHIER",
       "écrit la revue dans FICHIER (par défaut : revue.html, revue.md, revue.docx, revue.odt ou revue.pdf ; "
       "« - » pour la sortie standard ; écrit en entier ou pas du tout)"},
      {"--format", "", true, "FORMAT",
       "html (par défaut : une page autonome, imprimable), md, docx ou odt (les squelettes de documents de "
       "templates/_formats/), pdf (le DOCX converti par LibreOffice)"},
  });
  specs = with_workspace_input(std::move(specs));
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "review");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier review PROGRAMME|--workspace NOM [-o FICHIER] [--format html|md|docx|odt|pdf] [--policy "
        "FICHIER] [--as-of "
        "AAAA-MM-JJ]",
        "Revue de toute une programmation, pour le facilitateur et l'acheteur avant publication : synthèse "
        "(lots, montants, part des lots avec une considération sociale\nface à l'objectif national, lots à "
        "décider), chiffres par acheteur, une ligne par lot avec ses verdicts et ses heures (les lots à\n"
        "décider d'abord), heures par trimestre, nature et territoire, verdicts par type de clause, messages "
        "et règles appliquées ;\nen annexe, après un saut de page, les motifs regroupés par type de clause "
        "et "
        "verdict. La page HTML se lit hors ligne, sans script,\net s'imprime en A4 ; DOCX et ODT en donnent "
        "le même contenu, graphiques en tableaux de chiffres ; PDF : le DOCX converti par LibreOffice.",
        specs);
  }
  const ProgrammeInput input = programme_input(args, 0, true);
  if (!input.usage.empty()) return usage_error(input.usage, "review");
  if (!input.failure.empty()) return workspace_failure(input.failure);
  std::string format_error;
  const std::string format = chosen_format(args, writers::Output::review, format_error);
  if (format.empty()) return usage_error(format_error, "review");
  // PDF: the DOCX review, converted by LibreOffice once written in memory.
  const bool pdf = format == "pdf";
  if (pdf && !writers::find_soffice()) {
    std::cerr << "clausier" << fr::colon << " " << writers::soffice_missing_message() << '\n';
    return 1;
  }
  const std::string written = pdf ? std::string(writers::output_format(format)->made_from) : format;
  const bool office = writers::is_office_format(written);
  const CommonSetup setup =
      common_setup(args, input.opened ? std::nullopt : std::optional<std::filesystem::path>(input.path));
  if (!setup.error.empty()) return usage_error(setup.error, "review");

  DiagnosticList diags;
  // The office formats are written into the document skeletons of the templates.
  const app::Toolkit toolkit = app::Toolkit::load(setup.paths, diags, {.templates = office});
  announce_policy(toolkit, setup);
  app::ReviewRequest request{
      {input.path, setup.as_of, {}}, generation_date(), std::string("clausier ") + build::version};
  request.evaluate.opened = input.opened;
  request.evaluate.adjust = input.adjust;

  Output output(
      args.value("--output").value_or("revue" + std::string(writers::output_format(format)->extension)));
  if (!output.ok()) return 1;
  DiagnosticList document_problems;
  std::ostringstream before_pdf;
  std::ostream& target = pdf ? static_cast<std::ostream&>(before_pdf) : output.stream();
  std::unique_ptr<writers::ReviewReport> report;
  if (office) {
    report = writers::make_review_office(written, target, toolkit.templates(), document_problems);
  } else {
    report = writers::make_review_report(
        written == "md" ? writers::ReviewFormat::md : writers::ReviewFormat::html, target);
  }
  const app::ReviewOutcome outcome = app::review_programme(toolkit, request, *report, diags);
  for (const auto& d : document_problems.all()) diags.report(d);
  print_diagnostics(diags);
  if (outcome.evaluation.unreadable) {
    // Nothing to review: no report replaces a previous one.
    std::cerr << "Aucune revue écrite" << fr::colon << " la programmation n'a pas pu être lue.\n";
    return 1;
  }
  if (document_problems.has_errors()) {
    std::cerr << "Aucune revue écrite" << fr::colon << " le document " << format
              << " n'a pas pu être composé (voir ci-dessus).\n";
    return 3;
  }
  if (pdf) {
    std::string error;
    const auto bytes =
        writers::convert_to_pdf(before_pdf.str(), writers::output_format(written)->extension, error);
    if (!bytes) {
      std::cerr << "Aucune revue écrite" << fr::colon << " " << error << '\n';
      return 1;
    }
    output.stream() << *bytes;
  }
  if (!output.commit()) return 1;
  return app::exit_status(outcome.evaluation, toolkit);
}

}  // namespace clausier::cli
