#pragma once
// Renders a document template for one format, with the escaping that format
// needs, and checks templates against the view they will receive.

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "render/template_set.hpp"
#include "render/view.hpp"

namespace clausier::render {

// Escapes a value for a format: HTML entities for "html", backslash escapes
// for Markdown's special characters for "md".
[[nodiscard]] std::string escape(std::string_view format, std::string_view value);

struct Rendered {
  bool ok = false;
  std::string text;
  std::vector<Diagnostic> problems;  // template errors, missing required fields
};

[[nodiscard]] Rendered render_document(const DocumentTemplate& t, const std::string& format,
                                       const View& view);

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
