#pragma once
// The review report as one self-contained HTML page (review_report.hpp): a
// summary with cards and the national target, charts as inline SVG with their
// tables of figures, the table of lots grouped by consultation (each clause's
// verdict as a badge, the reasons in <details> that print open), the
// diagnostics of the input, and the rules used. Works offline, without script,
// and prints on A4 (one section per page, table headers repeated).

#include <memory>
#include <ostream>

#include "writers/review_report.hpp"

namespace clausier::writers {

// Writes to `out` (a file, an HTTP response…) when the report ends.
[[nodiscard]] std::unique_ptr<ReviewReport> make_review_html(std::ostream& out);

}  // namespace clausier::writers
