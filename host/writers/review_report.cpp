#include "writers/review_report.hpp"

#include "writers/review_html.hpp"
#include "writers/review_markdown.hpp"

namespace clausier::writers {

std::unique_ptr<ReviewReport> make_review_report(ReviewFormat format, std::ostream& out) {
  switch (format) {
    case ReviewFormat::html: return make_review_html(out);
    case ReviewFormat::md: return make_review_markdown(out);
  }
  return make_review_html(out);
}

}  // namespace clausier::writers
