#pragma once
// `clausier draft`: one consultation, described by a fiche de consultation
// (readers/fiche.hpp) or by values given one by one (command-line options,
// which override the fiche's consultation values), evaluated through the same
// path as a programme (app/evaluate.hpp: consultation totals, then lot by
// lot), and every document its verdicts call for, for every lot and format,
// written to one folder whole or not at all.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/evaluate.hpp"
#include "app/toolkit.hpp"
#include "readers/columns.hpp"
#include "render/view.hpp"
#include "writers/evaluation_sink.hpp"

namespace clausier::app {

// A consultation value given alone: {montant_ht, "850 000 €", "--montant"}.
struct DraftValue {
  readers::Column column;
  std::string text;
  std::string source;  // what gave it, for diagnostics: the option's name
};

struct DraftRequest {
  std::optional<std::filesystem::path> fiche;  // none: `values` describe a consultation of one lot
  std::vector<DraftValue> values;              // over the fiche's consultation values
  std::optional<Date> as_of;
  std::filesystem::path out_dir;     // empty: consultation-<reference>, in the working folder
  std::vector<std::string> formats;  // empty: every format written from the markup; "pdf": the DOCX
                                     // converted by LibreOffice (writers/pdf_converter.hpp)
  render::DocumentContext context;
};

struct DraftOutcome {
  EvaluateOutcome evaluation;
  bool fiche_errors = false;     // the fiche or a value could not be read (all reported)
  bool template_errors = false;  // a document could not be rendered (reported)
  bool write_failed = false;     // the folder could not be written (reported)
  std::string reference;         // the consultation's
  std::filesystem::path out_dir;
  std::size_t lots_with_documents = 0;
  std::size_t documents = 0;  // files rendered (written when `written`)
  bool written = false;       // false: nothing written (errors, or no document called for)
};

// Exit status (docs/cli.md): 0 success, 1 input errors, 3 a rule, plugin or
// template failed.
[[nodiscard]] int exit_status(const DraftOutcome& outcome, const Toolkit& toolkit);

// Evaluates the consultation (each lot to `sink`, as `evaluate` prints it),
// renders its documents, and writes them to DIR/<lot reference>/ only when
// no error at all was reported (the toolkit's included): a consultation's
// documents are consistent or absent. Every problem goes to `diags`.
DraftOutcome draft_consultation(const Toolkit& toolkit, const DraftRequest& request,
                                writers::EvaluationSink& sink, DiagnosticList& diags);

}  // namespace clausier::app
