#pragma once
// The text formats of a document, from its parsed markup: Markdown
// (normalised: one paragraph per line, escapes only where needed) and the
// body of an HTML page.

#include <string>

#include "render/markup.hpp"

namespace clausier::writers {

// CommonMark that parses back to the same tree (templates/README.md subset).
[[nodiscard]] std::string markup_to_markdown(const render::markup::Document& doc);

// The HTML elements of the body (h1..h4, p, ul, ol, table, hr, aside.note),
// text escaped; `#` is the document title (h1).
[[nodiscard]] std::string markup_to_html(const render::markup::Document& doc);

}  // namespace clausier::writers
