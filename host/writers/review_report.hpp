#pragma once
// The facilitator's review report, written as the lots are evaluated: the
// figures come first in the report but are known only at the end, so the
// tables of lots (to decide, the others) are spooled to temporary files
// (memory stays flat however many lots) and copied in place at the end; the
// reasons' annex keeps each distinct sentence once (review_reasons.hpp).
// The sections, in every format, are listed in docs/cli.md ("The review").
//
// Formats: a self-contained HTML page (offline, printable on A4, inline SVG
// charts, no script) and the same content as Markdown in the documents'
// markup subset (headings, paragraphs, lists, pipe tables, `>` notes; charts
// as tables of figures), the source for DOCX and ODT writers.

#include <iosfwd>
#include <memory>
#include <vector>

#include "base/diagnostic.hpp"
#include "engine/clause_type.hpp"
#include "model/evaluation.hpp"
#include "writers/review_data.hpp"

namespace clausier::writers {

class ReviewReport {
 public:
  virtual ~ReviewReport() = default;
  virtual void begin(const std::vector<engine::ClauseInfo>& clause_types) = 0;
  virtual void lot(const LotEvaluation& evaluation, const LotReview& review) = 0;
  virtual void end(const ReviewData& data, const std::vector<Diagnostic>& diagnostics) = 0;
};

enum class ReviewFormat { html, md };

// A report written to `out`; everything is written by end().
[[nodiscard]] std::unique_ptr<ReviewReport> make_review_report(ReviewFormat format, std::ostream& out);

}  // namespace clausier::writers
