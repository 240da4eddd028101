#pragma once
// The review report as a DOCX or ODT document: the Markdown review (the
// documents' markup) parsed and written by format_document into the format
// skeletons of templates/_formats/, with a view made for a review rather than
// for a lot (review_view). The document is built in memory at end(): an
// office package is one zip, so its size follows the programme's.

#include <memory>
#include <ostream>
#include <string>

#include "base/diagnostic.hpp"
#include "render/template_set.hpp"
#include "render/view.hpp"
#include "writers/review_report.hpp"

namespace clausier::writers {

// The formats make_review_office writes.
[[nodiscard]] bool is_office_format(std::string_view format);

// The buyers as a heading: the programme's buyer when all its lots have the
// same, else the one with the largest amount "et 4 autres acheteurs" (the
// review's table "Par acheteur" gives each its figures).
[[nodiscard]] std::string buyers_heading(const ReviewData& data);

// What the format skeletons see for a review: `document` (titre, date,
// date_iso, generateur), `modele` (id "revue", titre), `acheteur.nom`
// (`buyer`: buyers_heading), `lot` (reference: the programme as shown; objet:
// the scope sentence; no numero), an empty `consultation` (a review spans
// them: the skeletons then print no consultation) and `facilitateur` unknown.
[[nodiscard]] render::View review_view(const ReviewData& data, const std::string& buyer);

// A report writing the review in `format` ("docx" or "odt") to `out` at
// end(). Problems (a skeleton missing or broken) are reported to `diags`
// and then nothing is written.
[[nodiscard]] std::unique_ptr<ReviewReport> make_review_office(const std::string& format, std::ostream& out,
                                                               const render::TemplateSet& templates,
                                                               DiagnosticSink& diags);

}  // namespace clausier::writers
