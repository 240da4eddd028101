#pragma once
// What clausier's HTML pages share (the review report, the web pages): the
// page head with its inline stylesheet (screen and A4 print: page breaks
// between sections, table headers repeated on each page, collapsed details
// printed open), verdict badges and their colours. No script, no external
// resource, no inline event handler or style attribute: the pages work
// offline and under a strict Content-Security-Policy (style-src 'unsafe-inline'
// for the one <style> element, or its hash).

#include <optional>
#include <string>
#include <string_view>

#include "model/evaluation.hpp"

namespace clausier::writers::html {

// HTML text and attribute escaping (& < > " ').
[[nodiscard]] std::string escape(std::string_view text);

// The stylesheet, without the <style> element.
[[nodiscard]] const std::string& stylesheet();

// "<!DOCTYPE html>…<title>…</title><style>…</style></head>\n" in French, as
// well-formed XML too (polyglot markup: every element closed, no entity other
// than XML's), so that XML tools can check the pages.
[[nodiscard]] std::string page_head(std::string_view title);

// Fill and text colours of a verdict; no verdict means the plugin failed.
// Dark fills carry white text, light ones dark text (contrast >= 4.5:1), and
// the hues (brown-orange, blue-green, light blue, grey) stay apart for
// colour-blind readers; the verdict is always written as well.
struct Colours {
  const char* fill;
  const char* text;
};
[[nodiscard]] Colours verdict_colours(std::optional<Verdict> verdict);

// CSS class of a verdict: "v-obligatoire", "v-erreur".
[[nodiscard]] std::string verdict_class(std::optional<Verdict> verdict);

// <span class="badge v-obligatoire">text</span>; `text` is escaped.
[[nodiscard]] std::string verdict_badge(std::optional<Verdict> verdict, std::string_view text);

}  // namespace clausier::writers::html
