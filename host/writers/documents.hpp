#pragma once
// Writes the documents of one evaluated lot: for each template one of whose
// `applies` entries matches a clause result of the lot, one file per format,
// in DIR/<reference>/.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "engine/clause_type.hpp"
#include "render/markup.hpp"
#include "render/renderer.hpp"
#include "render/template_set.hpp"
#include "render/view.hpp"

namespace clausier::writers {

struct DocumentRequest {
  std::filesystem::path out_dir;
  std::vector<std::string> formats;  // empty: every format (document_formats())
  render::DocumentContext context;
};

// The formats a document is written in from its markup, in their usual
// order (PDF, converted from DOCX by writers/pdf_converter, is not one).
[[nodiscard]] const std::vector<std::string>& document_formats();

// One document in one format from its parsed markup: the Markdown itself, or
// the format's skeleton (`templates`) filled with it and rendered with
// `view`; DOCX and ODT are zip packages dated `date`. Problems are reported
// at `where`, and nothing is returned.
[[nodiscard]] std::optional<std::string> format_document(
    const std::string& format, const render::markup::Document& doc, const render::PreparedView& view,
    const render::TemplateSet& templates, const Date& date, DiagnosticSink& diags, const Location& where);

// A lot reference made safe as a folder name ("C2027/01 L1" -> "C2027-01-L1").
[[nodiscard]] std::string safe_file_name(std::string_view reference);

// One document of a lot, rendered in memory.
struct LotDocument {
  std::string template_id;  // "ccap-insertion"
  std::string title;        // "Article du CCAP : clause d'insertion"
  std::string format;       // "docx", "odt", "html", "md"
  std::string file_name;    // "ccap-insertion.html"
  std::string text;         // the bytes (a zip package for docx and odt)
};

// The documents the verdicts of `evaluation` call for, in `formats` (empty:
// document_formats()). Template problems are reported, located,
// and that document left out.
std::vector<LotDocument> render_lot_documents(const LotEvaluation& evaluation,
                                              const render::TemplateSet& templates,
                                              const std::vector<engine::ClauseInfo>& infos,
                                              const std::vector<std::string>& formats,
                                              const render::DocumentContext& context, DiagnosticSink& diags);

// Returns the files written. Problems (template errors, missing fields, write
// failures) are reported, located, and the other documents still written.
std::vector<std::filesystem::path> write_lot_documents(const LotEvaluation& evaluation,
                                                       const render::TemplateSet& templates,
                                                       const std::vector<engine::ClauseInfo>& infos,
                                                       const DocumentRequest& request, DiagnosticSink& diags);

}  // namespace clausier::writers
