#include "writers/documents.hpp"

#include <algorithm>

#include "render/markup.hpp"
#include "render/renderer.hpp"
#include "writers/atomic_file.hpp"
#include "writers/markup_office.hpp"
#include "writers/markup_text.hpp"
#include "writers/output_format.hpp"
#include "writers/package.hpp"

namespace clausier::writers {

namespace {

// Renders every part of a skeleton with the view (values escaped as the
// format's entry of output_format.cpp says) and puts `fills` (marker ->
// content) in place. Problems are reported.
std::optional<std::vector<PackagePart>> skeleton_parts(
    const render::FormatSkeleton& skeleton, render::Escaping escaping, const render::PreparedView& view,
    const std::vector<std::pair<std::string_view, std::string>>& fills, DiagnosticSink& diags) {
  std::vector<PackagePart> parts;
  bool ok = true;
  for (const auto& f : skeleton.files) {
    render::Rendered r = render::render_text(f.text, f.file, escaping, view);
    for (auto& p : r.problems) diags.report(std::move(p));
    if (!r.ok) {
      ok = false;
      continue;
    }
    for (const auto& [marker, content] : fills) {
      if (const auto at = r.text.find(marker); at != std::string::npos)
        r.text.replace(at, marker.size(), content);
    }
    parts.push_back({f.path, std::move(r.text), f.path == "mimetype"});
  }
  if (!ok) return std::nullopt;
  return parts;
}

// ODF wants "mimetype" first; OOXML readers like [Content_Types].xml first.
void package_order(std::vector<PackagePart>& parts) {
  const auto rank = [](const PackagePart& p) {
    return p.path == "mimetype" ? 0 : p.path == "[Content_Types].xml" ? 1 : 2;
  };
  std::stable_sort(parts.begin(), parts.end(),
                   [&](const PackagePart& a, const PackagePart& b) { return rank(a) < rank(b); });
}

}  // namespace

std::optional<std::string> format_document(const std::string& format, const render::markup::Document& doc,
                                           const render::PreparedView& view,
                                           const render::TemplateSet& templates, const Date& date,
                                           DiagnosticSink& diags, const Location& where) {
  const OutputFormat* entry = output_format(format);
  if (entry == nullptr || !entry->escaping || !offers(Output::documents, format)) {
    diags.error(where, "format de document inconnu « " + format + " » : choisissez " +
                           format_choices(Output::documents));
    return std::nullopt;
  }
  if (format == "md") return markup_to_markdown(doc);
  const render::FormatSkeleton* skeleton = templates.skeleton(format);
  if (skeleton == nullptr) {
    diags.error(where, "squelette du format « " + format + " » introuvable (templates/_formats/" + format +
                           "/) : rétablissez-le, ou choisissez un autre format avec --format");
    return std::nullopt;
  }
  std::vector<std::pair<std::string_view, std::string>> fills;
  OdtBody odt;
  if (format == "html") {
    fills.emplace_back(render::body_marker, markup_to_html(doc));
  } else if (format == "docx") {
    DocxBody body = markup_to_docx(doc);
    fills.emplace_back(render::body_marker, std::move(body.body));
    fills.emplace_back(render::numbering_marker, std::move(body.numbering));
  } else if (format == "odt") {
    odt = markup_to_odt(doc);
    fills.emplace_back(render::body_marker, std::move(odt.body));
  }
  auto parts = skeleton_parts(*skeleton, *output_format(format)->escaping, view, fills, diags);
  if (!parts) return std::nullopt;
  if (format == "odt") {
    for (auto& part : *parts) {
      if (part.path == "content.xml")
        part.content = with_automatic_styles(std::move(part.content), odt.automatic_styles);
    }
  }
  if (format == "html") {
    const auto page =
        std::find_if(parts->begin(), parts->end(), [](const auto& p) { return p.path == "page.html"; });
    if (page == parts->end()) {
      diags.error(where,
                  "le squelette HTML doit contenir un fichier page.html (templates/_formats/html/page.html)");
      return std::nullopt;
    }
    return page->content;
  }
  package_order(*parts);
  std::string error;
  std::string bytes = zip_package(*parts, date, error);
  if (!error.empty()) {
    diags.error(where, error);
    return std::nullopt;
  }
  return bytes;
}

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
    const std::vector<const ClauseResult*> matched = t.matches(evaluation);
    if (matched.empty()) continue;  // one document per lot, whatever the number of matches
    DiagnosticList problems;
    const render::View view =
        render::with_template(render::document_view(evaluation, matched, infos, context), t, context);
    // Converted once for the markup and every format's skeleton.
    const render::PreparedView prepared(view);
    render::Rendered text = render::render_document(t, view, prepared);
    for (auto& p : text.problems) problems.report(std::move(p));
    render::markup::Document doc;
    if (text.ok) {
      const render::markup::SourceMap source{
          t.file, " (texte rendu pour le lot " + evaluation.lot.reference + ")", {}};
      doc = render::markup::parse(text.text, source, problems);
    }
    const bool failed = !text.ok || problems.has_errors();
    std::vector<LotDocument> outputs;
    if (!failed) {
      for (const auto& format : formats.empty() ? document_formats() : formats) {
        auto bytes = format_document(format, doc, prepared, templates, context.generated, problems,
                                     Location::in_file(t.file));
        if (bytes) {
          outputs.push_back({t.id, t.title, format,
                             t.basename + std::string(output_format(format)->extension), std::move(*bytes)});
        }
      }
    }
    for (auto p : problems.all()) {
      p.message = "lot " + evaluation.lot.reference + ", document " + t.id + " : " + p.message;
      diags.report(std::move(p));
    }
    for (auto& d : outputs) documents.push_back(std::move(d));
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

const std::vector<std::string>& document_formats() {
  // The formats written from the markup; PDF is converted from one of them.
  static const std::vector<std::string> written = [] {
    std::vector<std::string> names;
    for (const auto& name : format_names(Output::documents)) {
      if (output_format(name)->made_from.empty()) names.push_back(name);
    }
    return names;
  }();
  return written;
}

}  // namespace clausier::writers
