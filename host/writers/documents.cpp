#include "writers/documents.hpp"

#include <algorithm>

#include "render/renderer.hpp"
#include "writers/atomic_file.hpp"

namespace clausier::writers {

std::string safe_file_name(std::string_view reference) {
  std::string out;
  for (char c : reference) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || u >= 0x80;
    out += keep ? c : '-';
  }
  while (!out.empty() && out.front() == '.') out.erase(out.begin());  // no hidden files, no ".."
  return out.empty() ? "lot" : out;
}

std::vector<LotDocument> render_lot_documents(const LotEvaluation& evaluation,
                                              const render::TemplateSet& templates,
                                              const std::vector<engine::ClauseInfo>& infos,
                                              const std::vector<std::string>& formats,
                                              const render::DocumentContext& context, DiagnosticSink& diags) {
  std::vector<LotDocument> documents;
  for (const auto& t : templates.all()) {
    const ClauseResult* result = evaluation.clause(t.clause);
    if (result == nullptr || !t.applies_to(*result)) continue;
    const engine::ClauseInfo* info = nullptr;
    for (const auto& i : infos) {
      if (i.id == t.clause) info = &i;
    }
    const render::View view = render::clause_view(evaluation, *result, info, context);
    for (const auto& format : t.formats) {
      if (!formats.empty() && std::find(formats.begin(), formats.end(), format) == formats.end()) continue;
      render::Rendered doc = render::render_document(t, format, view);
      for (auto& p : doc.problems) {
        p.message = "lot " + evaluation.lot.reference + ", document " + t.id + " : " + p.message;
        diags.report(std::move(p));
      }
      if (!doc.ok) continue;
      documents.push_back({t.id, t.title, format, t.basename + "." + format, std::move(doc.text)});
    }
  }
  return documents;
}

std::vector<std::filesystem::path> write_lot_documents(const LotEvaluation& evaluation,
                                                       const render::TemplateSet& templates,
                                                       const std::vector<engine::ClauseInfo>& infos,
                                                       const DocumentRequest& request,
                                                       DiagnosticSink& diags) {
  std::vector<std::filesystem::path> written;
  const std::filesystem::path folder = request.out_dir / safe_file_name(evaluation.lot.reference);
  for (const auto& doc :
       render_lot_documents(evaluation, templates, infos, request.formats, request.context, diags)) {
    const std::filesystem::path file = folder / doc.file_name;
    if (std::string error = write_file_atomic(file, doc.text); !error.empty()) {
      diags.error(Location::in_file(file.string()), error);
      continue;
    }
    written.push_back(file);
  }
  return written;
}

}  // namespace clausier::writers
