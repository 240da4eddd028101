#pragma once
// Renders a document source (Mustache over the markup of templates/README.md)
// into markup text, values escaped for the markup, and checks templates
// against the view they will receive.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "render/template_set.hpp"
#include "render/view.hpp"

namespace clausier::render {

// How values are escaped in a text: the output format table
// (writers/output_format.hpp) says which escaping each format's texts use.
//   markdown  backslash escapes for the markup: every ASCII punctuation
//             character that means something is escaped, so a value never
//             starts a list, a heading or a table cell
//   html      HTML entities (& < > " ')
//   xml       base/xml_escape.hpp (& < > ", characters XML forbids left out)
enum class Escaping { markdown, html, xml };
[[nodiscard]] std::string escape(Escaping escaping, std::string_view value);

struct Rendered {
  bool ok = false;
  std::string text;
  std::vector<Diagnostic> problems;  // template errors, missing required fields
};

// The markup of one document: required fields checked, then the source
// rendered with values escaped for the markup.
[[nodiscard]] Rendered render_document(const DocumentTemplate& t, const View& view);
class PreparedView;
// The same with `view` already converted (`prepared` must be made of `view`).
[[nodiscard]] Rendered render_document(const DocumentTemplate& t, const View& view,
                                       const PreparedView& prepared);

// A view converted once for the Mustache engine, to render several texts with
// the same data (the parts of a format skeleton).
class PreparedView {
 public:
  explicit PreparedView(const View& view);
  ~PreparedView();
  PreparedView(const PreparedView&) = delete;
  PreparedView& operator=(const PreparedView&) = delete;

  struct Data;
  [[nodiscard]] const Data& data() const { return *data_; }

 private:
  std::unique_ptr<Data> data_;
};

// Renders any Mustache text (a format skeleton's part, shown as `file`) with
// values escaped as `escaping` says. Templates are compiled
// once per thread and kept by their text (a reloaded template set compiles
// afresh); a text without any tag is returned as it is.
[[nodiscard]] Rendered render_text(std::string_view source, const std::string& file, Escaping escaping,
                                   const View& view);
[[nodiscard]] Rendered render_text(std::string_view source, const std::string& file, Escaping escaping,
                                   const PreparedView& view);

// `base` (a document_view) with `modele.id`, `modele.titre` (the manifest's
// title) and `document.date_iso`: what format skeletons add (file metadata).
[[nodiscard]] View with_template(View base, const DocumentTemplate& t, const DocumentContext& context);

// Lints a format skeleton: every Mustache tag must be whole within one XML
// text (a tag split across elements or runs, as word processors do when a
// tag is retyped, is reported at its line), name a field of `sample`, and
// the body marker must be in one file.
void lint_skeleton(const FormatSkeleton& skeleton, const View& sample, DiagnosticSink& diags);

// Lints the markup of a document source, whatever the data: standalone
// section lines are dropped, other tags stand for a word, and the markup
// problems are reported at their line of the source.
void lint_markup(std::string_view source, const std::string& file, DiagnosticSink& diags);

// A tag of a Mustache template, with its place.
struct Tag {
  char kind =
      ' ';  // ' ' variable, '{' or '&' raw, '#' section, '^' inverted, '/' close, '!' comment, '>' partial
  std::string name;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

// Lists the tags of a template; unbalanced braces are reported to `diags`.
[[nodiscard]] std::vector<Tag> scan_tags(std::string_view source, const std::string& file,
                                         DiagnosticSink& diags);

// Reports every tag whose name the view cannot resolve (a typo renders as an
// empty string otherwise), sections left open, and raw tags.
void lint_template(std::string_view source, const std::string& file, const View& sample,
                   DiagnosticSink& diags);

}  // namespace clausier::render
