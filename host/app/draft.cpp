#include "app/draft.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

#include "base/paths.hpp"
#include "readers/fiche.hpp"
#include "readers/programme.hpp"
#include "writers/atomic_folder.hpp"
#include "writers/documents.hpp"
#include "writers/output_format.hpp"
#include "writers/pdf_converter.hpp"

namespace clausier::app {
namespace {

constexpr const char* command_line = "ligne de commande";

// The fiche, or an empty one named after the command line, with the values
// given alone over it. Nothing when the fiche cannot be read (reported).
std::optional<readers::Fiche> consultation_fiche(const DraftRequest& request, DiagnosticSink& diags) {
  readers::Fiche fiche;
  if (request.fiche) {
    auto read = readers::read_fiche(*request.fiche, diags);
    if (!read) return std::nullopt;
    fiche = std::move(*read);
  } else {
    fiche.name = command_line;
    fiche.fallback_reference = "consultation";
  }
  for (const DraftValue& v : request.values) {
    fiche.set(v.column, v.text, Location::in_file("option " + v.source));
  }
  return fiche;
}

}  // namespace

int exit_status(const DraftOutcome& outcome, const Toolkit& toolkit) {
  if (outcome.template_errors) return 3;
  const int evaluation = exit_status(outcome.evaluation, toolkit);
  if (evaluation != 0) return evaluation;
  return outcome.fiche_errors || outcome.write_failed ? 1 : 0;
}

DraftOutcome draft_consultation(const Toolkit& toolkit, const DraftRequest& request,
                                writers::EvaluationSink& sink, DiagnosticList& diags) {
  DraftOutcome outcome;
  const std::size_t errors_before = diags.count(Severity::error);
  auto fiche = consultation_fiche(request, diags);
  if (!fiche) {
    outcome.evaluation.unreadable = true;
    return outcome;
  }
  outcome.fiche_errors = diags.count(Severity::error) > errors_before;
  outcome.reference = readers::fiche_reference(*fiche);
  if (!readers::fiche_reference_given(*fiche)) {
    diags.note(Location::in_file(fiche->name),
               "aucune référence indiquée : la consultation prend la référence « " + outcome.reference +
                   " » ; pour choisir la vôtre, ajoutez une ligne « référence : … » à la fiche ou l'option "
                   "--reference");
  }
  outcome.out_dir = request.out_dir.empty()
                        ? std::filesystem::path("consultation-" + writers::safe_file_name(outcome.reference))
                        : request.out_dir;

  // The same path as a programme: totals of the consultation, then each lot.
  const readers::Programme programme =
      readers::fiche_programme(std::make_shared<const readers::Fiche>(std::move(*fiche)));
  engine::Evaluator evaluator = toolkit.evaluator(request.as_of);
  // PDF: each document's DOCX, converted by LibreOffice all at once before
  // the folder is written.
  const auto asked = [&](std::string_view f) {
    return std::find(request.formats.begin(), request.formats.end(), f) != request.formats.end();
  };
  const bool pdf = asked("pdf");
  const std::string pdf_source(writers::output_format("pdf")->made_from);
  std::vector<std::string> rendered;
  for (const auto& f : request.formats) {
    if (f != "pdf") rendered.push_back(f);
  }
  if (pdf && !asked(pdf_source)) rendered.push_back(pdf_source);
  std::optional<writers::PdfBatch> batch;
  if (pdf) batch.emplace();
  std::vector<std::filesystem::path> pdf_files;  // by batch number
  std::vector<writers::FolderFile> files;
  outcome.evaluation = evaluate_programme(
      evaluator, toolkit, programme, "", sink, diags, [&](const LotEvaluation& evaluation) {
        const std::size_t errors = diags.count(Severity::error);
        auto documents = writers::render_lot_documents(
            evaluation, toolkit.templates(), toolkit.clause_infos(), rendered, request.context, diags);
        outcome.template_errors = outcome.template_errors || diags.count(Severity::error) > errors;
        if (documents.empty()) return;
        ++outcome.lots_with_documents;
        const std::filesystem::path folder = writers::safe_file_name(evaluation.lot.reference);
        for (auto& document : documents) {
          if (pdf && document.format == pdf_source) {
            batch->add(document.text, writers::output_format(pdf_source)->extension);
            pdf_files.push_back(folder / std::filesystem::path(document.file_name).replace_extension(".pdf"));
          }
          if (request.formats.empty() || asked(document.format)) {
            files.push_back({folder / document.file_name, std::move(document.text)});
          }
        }
      });

  // Whole or not at all: a consultation with an error somewhere (a lot left
  // out changes its total, hence its thresholds) gets no documents.
  if (diags.has_errors() || (files.empty() && pdf_files.empty())) {
    outcome.documents = files.size() + pdf_files.size();
    return outcome;
  }
  if (pdf) {
    if (!batch->convert()) {
      diags.error(Location::in_file(display_path(outcome.out_dir)), batch->error());
      outcome.write_failed = true;
      return outcome;
    }
    for (std::size_t n = 0; n < pdf_files.size(); ++n) files.push_back({pdf_files[n], batch->pdf_bytes(n)});
  }
  outcome.documents = files.size();
  if (std::string error = writers::write_folder_atomic(outcome.out_dir, files); !error.empty()) {
    diags.error(Location::in_file(display_path(outcome.out_dir)), error);
    outcome.write_failed = true;
    return outcome;
  }
  outcome.written = true;
  return outcome;
}

}  // namespace clausier::app
