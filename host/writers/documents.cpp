#include "writers/documents.hpp"

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

std::vector<std::filesystem::path> write_lot_documents(const LotEvaluation& evaluation,
                                                       const render::TemplateSet& templates,
                                                       const std::vector<engine::ClauseInfo>& infos,
                                                       const DocumentRequest& request,
                                                       DiagnosticSink& diags) {
  std::vector<std::filesystem::path> written;
  const std::filesystem::path folder = request.out_dir / safe_file_name(evaluation.lot.reference);
  for (const auto& t : templates.all()) {
    const std::vector<const ClauseResult*> matched = t.matches(evaluation);
    if (matched.empty()) continue;  // one document per lot, whatever the number of matches
    const render::View view = render::document_view(evaluation, matched, infos, request.context);
    render::Rendered doc = render::render_document(t, view);
    for (auto& p : doc.problems) {
      p.message = "lot " + evaluation.lot.reference + ", document " + t.id + " : " + p.message;
      diags.report(std::move(p));
    }
    if (!doc.ok) continue;
    for (const auto& format : request.formats.empty() ? document_formats() : request.formats) {
      const std::filesystem::path file = folder / (t.basename + "." + format);
      if (std::string error = write_file_atomic(file, doc.text); !error.empty()) {
        diags.error(Location::in_file(file.string()), error);
        continue;
      }
      written.push_back(file);
    }
  }
  return written;
}

const std::vector<std::string>& document_formats() {
  static const std::vector<std::string> formats = {"md"};
  return formats;
}

}  // namespace clausier::writers
