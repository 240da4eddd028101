#pragma once
// `evaluate --format xlsx`: one row per lot and clause type, in a workbook a
// facilitator filters (frozen header row, autofilter, column widths, amounts
// in euros and launch dates as real dates). Rows are written as lots come;
// the workbook is written to the output stream at the end. A table beyond the
// 1 048 576 rows of a sheet is refused (error()), never cut.

#include <memory>
#include <ostream>
#include <string>

#include "writers/evaluation_sink.hpp"

namespace clausier::writers {

class XlsxEvaluationSink : public EvaluationSink {
 public:
  // Empty while all is well; a French message when the workbook could not be
  // written (the output stream is then marked bad, so it is never committed).
  [[nodiscard]] virtual const std::string& error() const = 0;
};

[[nodiscard]] std::unique_ptr<XlsxEvaluationSink> make_xlsx_sink(std::ostream& out);

}  // namespace clausier::writers
