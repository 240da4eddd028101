#pragma once
// The review report in the documents' markup (a CommonMark subset: headings,
// paragraphs, lists, pipe tables, `>` notes): the same content as the HTML
// page, charts given as their tables of figures. It reads as it is, and is
// the source a DOCX or ODT writer of that markup turns into a document.

#include <memory>
#include <ostream>

#include "writers/review_report.hpp"

namespace clausier::writers {

[[nodiscard]] std::unique_ptr<ReviewReport> make_review_markdown(std::ostream& out);

}  // namespace clausier::writers
