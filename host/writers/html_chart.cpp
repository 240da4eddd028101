#include "writers/html_chart.hpp"

#include <algorithm>
#include <cmath>

#include "base/french.hpp"
#include "base/text.hpp"
#include "render/renderer.hpp"

namespace clausier::writers::html {
namespace {

// Geometry, in SVG user units (the chart scales to its container).
constexpr int width = 640;
constexpr int label_width = 190;  // labels, right-aligned before the bars
constexpr int text_room = 96;     // after the longest bar, for its number
constexpr int row_height = 26;
constexpr int bar_height = 18;
constexpr int margin = 6;
constexpr int legend_height = 24;
constexpr std::size_t label_chars = 28;  // longer labels are cut (full text in a <title>)
constexpr double char_width = 7.0;       // average width of a 12px sans-serif character
constexpr const char* bar_fill = "#1f5f8b";
constexpr const char* text_fill = "#1a1a1a";
constexpr const char* font = "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\"";

std::string esc(std::string_view s) { return render::escape(render::Escaping::html, s); }

std::string num(double x) {
  // Coordinates with one decimal, '.' as separator (SVG syntax, not prose).
  const double r = std::round(x * 10.0) / 10.0;
  std::string s = std::to_string(r);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string open_svg(int height, std::string_view id, const std::string& title, const std::string& desc) {
  const std::string t = std::string(id) + "-titre";
  const std::string d = std::string(id) + "-desc";
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + std::to_string(width) +
         " " + std::to_string(height) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
         std::to_string(height) + "\" role=\"img\" aria-labelledby=\"" + t + " " + d + "\">\n<title id=\"" +
         t + "\">" + esc(title) + "</title>\n<desc id=\"" + d + "\">" + esc(desc) + "</desc>\n";
}

// A row label, cut to fit, with the full text as a tooltip when cut.
std::string label_text(const std::string& label, int y) {
  const std::string shown = text::truncate(text::single_line(label), label_chars);
  std::string out = "<text x=\"" + std::to_string(label_width - 8) + "\" y=\"" + std::to_string(y) +
                    "\" text-anchor=\"end\" fill=\"" + text_fill + "\" " + font + ">";
  if (shown != label) out += "<title>" + esc(label) + "</title>";
  return out + esc(shown) + "</text>\n";
}

double text_width(std::string_view s) { return static_cast<double>(text::display_width(s)) * char_width; }

}  // namespace

std::string count_text(double value) { return fr::integer(static_cast<std::int64_t>(std::llround(value))); }

std::string bar_chart_svg(const BarChart& chart, std::string_view id) {
  const int rows = static_cast<int>(chart.bars.size());
  const int height = 2 * margin + std::max(rows, 1) * row_height;
  std::string out = open_svg(height, id, chart.title, chart.description);
  double max = 0;
  for (const Bar& b : chart.bars) max = std::max(max, b.value);
  const double scale = max > 0 ? (width - label_width - text_room) / max : 0;
  for (int i = 0; i < rows; ++i) {
    const Bar& b = chart.bars[static_cast<std::size_t>(i)];
    const int top = margin + i * row_height;
    const int baseline = top + row_height / 2 + 4;
    const double w = std::max(0.0, b.value) * scale;
    out += "<g>\n" + label_text(b.label, baseline);
    if (w > 0) {
      out += "<rect x=\"" + std::to_string(label_width) + "\" y=\"" +
             std::to_string(top + (row_height - bar_height) / 2) + "\" width=\"" + num(w) + "\" height=\"" +
             std::to_string(bar_height) + "\" fill=\"" + bar_fill + "\"/>\n";
    }
    out += "<text x=\"" + num(label_width + w + 6) + "\" y=\"" + std::to_string(baseline) + "\" fill=\"" +
           text_fill + "\" " + font + ">" + esc(b.text) + "</text>\n</g>\n";
  }
  return out + "</svg>";
}

std::string stacked_chart_svg(const StackedChart& chart, std::string_view id) {
  const auto format = chart.format ? chart.format : &count_text;
  const int rows = static_cast<int>(chart.rows.size());
  const int height = 2 * margin + legend_height + std::max(rows, 1) * row_height;
  std::string out = open_svg(height, id, chart.title, chart.description);

  // Legend: a swatch and the series name, left to right.
  double x = label_width;
  for (const Series& s : chart.series) {
    out += "<rect x=\"" + num(x) + "\" y=\"" + std::to_string(margin + 3) +
           "\" width=\"12\" height=\"12\" fill=\"" + s.fill +
           "\" stroke=\"#555555\" stroke-width=\"0.5\"/>\n<text x=\"" + num(x + 16) + "\" y=\"" +
           std::to_string(margin + 13) + "\" fill=\"" + text_fill + "\" " + font + ">" + esc(s.name) +
           "</text>\n";
    x += 16 + text_width(s.name) + 14;
  }

  double max = 0;
  for (const StackRow& r : chart.rows) {
    double sum = 0;
    for (double v : r.values) sum += std::max(0.0, v);
    max = std::max(max, sum);
  }
  const double scale = max > 0 ? (width - label_width - text_room) / max : 0;
  for (int i = 0; i < rows; ++i) {
    const StackRow& r = chart.rows[static_cast<std::size_t>(i)];
    const int top = margin + legend_height + i * row_height;
    const int bar_top = top + (row_height - bar_height) / 2;
    const int baseline = top + row_height / 2 + 4;
    out += "<g>\n" + label_text(r.label, baseline);
    double at = label_width;
    double sum = 0;
    for (std::size_t s = 0; s < r.values.size() && s < chart.series.size(); ++s) {
      const double v = std::max(0.0, r.values[s]);
      sum += v;
      const double w = v * scale;
      if (w <= 0) continue;
      const Series& series = chart.series[s];
      const std::string value = format(v);
      out += "<rect x=\"" + num(at) + "\" y=\"" + std::to_string(bar_top) + "\" width=\"" + num(w) +
             "\" height=\"" + std::to_string(bar_height) + "\" fill=\"" + series.fill +
             "\" stroke=\"#ffffff\" stroke-width=\"1\"><title>" + esc(series.name + fr::colon + " " + value) +
             "</title></rect>\n";
      if (text_width(value) + 6 <= w) {
        out += "<text x=\"" + num(at + w / 2) + "\" y=\"" + std::to_string(baseline) +
               "\" text-anchor=\"middle\" fill=\"" + series.text_fill + "\" " + font + ">" + esc(value) +
               "</text>\n";
      }
      at += w;
    }
    out += "<text x=\"" + num(at + 6) + "\" y=\"" + std::to_string(baseline) + "\" fill=\"" + text_fill +
           "\" " + font + ">" + esc(format(sum)) + "</text>\n</g>\n";
  }
  return out + "</svg>";
}

}  // namespace clausier::writers::html
