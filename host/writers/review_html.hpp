#pragma once
// The review report as one self-contained HTML page (review_report.hpp): a
// summary with cards and the national target, each buyer's figures, one line
// per lot (the lots to decide first; each clause's verdict as a badge leading
// to its reasons), charts as inline SVG with their tables of figures, the
// diagnostics of the input, the rules used, and the reasons as an annex
// (review_reasons.hpp). Works offline, without script, and prints on A4 (the
// lots, the breakdowns and the annex each from a new page, table headers
// repeated, rows never split).

#include <memory>
#include <ostream>

#include "writers/review_report.hpp"

namespace clausier::writers {

enum class HtmlReviewPart {
  page,     // the whole page, <body class="revue">
  figures,  // only its "Synthèse", "Par acheteur" and "Répartition" sections
            // (cards, target, definitions, buyers, SVG charts and their
            // tables of figures), for a
            // page that shows them in a `.revue` box with review_stylesheet();
            // the lots are not kept
};

// Writes to `out` (a file, an HTTP response…) when the report ends.
[[nodiscard]] std::unique_ptr<ReviewReport> make_review_html(std::ostream& out,
                                                             HtmlReviewPart part = HtmlReviewPart::page);

}  // namespace clausier::writers
