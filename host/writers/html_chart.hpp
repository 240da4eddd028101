#pragma once
// Charts as inline SVG, computed here so that a page needs no script and no
// external resource: horizontal bar charts and stacked bar charts, with the
// numbers printed on the bars (already formatted by the caller, the French
// way), a <title> and <desc> for screen readers, and colours chosen for
// contrast and colour-blind readers. The SVG carries its own colours and
// fonts, so it reads the same outside the page. A page prints the chart's
// figures as a table beside it (the text alternative, and the form the
// figures take in formats without SVG).

#include <string>
#include <string_view>
#include <vector>

namespace clausier::writers::html {

struct Bar {
  std::string label;  // "T1 2027"
  double value = 0;   // bar length, in any unit
  std::string text;   // printed on the bar: "4 221 h"
};

struct BarChart {
  std::string title;        // "Heures d'insertion par trimestre de lancement"
  std::string description;  // one sentence for screen readers, with the figures
  std::vector<Bar> bars;
};

// One row of a stacked chart: a value per series.
struct StackRow {
  std::string label;
  std::vector<double> values;  // one per series
};

struct Series {
  std::string name;       // "obligatoire", shown in the legend
  std::string fill;       // "#a63d00"
  std::string text_fill;  // colour of numbers printed on it: "#ffffff"
};

struct StackedChart {
  std::string title;
  std::string description;
  std::vector<Series> series;
  std::vector<StackRow> rows;
  // How a segment's value is printed: integer counts by default.
  std::string (*format)(double) = nullptr;
};

// <svg role="img" aria-labelledby=…> with one horizontal bar per entry; `id`
// makes the title and desc ids unique in the page. Bars share one scale; a
// bar of value 0 is drawn as nothing, its text still printed.
[[nodiscard]] std::string bar_chart_svg(const BarChart& chart, std::string_view id);

// The same for stacked bars (segments in series order), with a legend. A
// segment's number is printed inside it when it fits.
[[nodiscard]] std::string stacked_chart_svg(const StackedChart& chart, std::string_view id);

// "1 234" for a count shown on a segment.
[[nodiscard]] std::string count_text(double value);

}  // namespace clausier::writers::html
