#include "writers/html_chart.hpp"

#include <doctest/doctest.h>

#include "writers/html_style.hpp"

using namespace clausier::writers::html;

namespace {
std::size_t occurrences(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("html chart: bars share one scale, numbers are printed, titles are accessible") {
  BarChart chart{"Heures par trimestre",
                 "T1 : 100 heures ; T2 : 50 heures.",
                 {{"T1 2027", 100, "100 h"}, {"T2 2027", 50, "50 h"}, {"T3 2027", 0, "0 h"}}};
  const std::string svg = bar_chart_svg(chart, "q");
  CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK(svg.find("role=\"img\" aria-labelledby=\"q-titre q-desc\"") != std::string::npos);
  CHECK(svg.find("<title id=\"q-titre\">Heures par trimestre</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"q-desc\">T1 : 100 heures ; T2 : 50 heures.</desc>") != std::string::npos);
  // 640 wide, 190 of labels, 96 kept for the numbers: the longest bar is 354.
  CHECK(svg.find("width=\"354\"") != std::string::npos);
  CHECK(svg.find("width=\"177\"") != std::string::npos);
  CHECK(occurrences(svg, "<rect") == 2);                // a zero bar is not drawn…
  CHECK(svg.find(">0 h</text>") != std::string::npos);  // …its number is
  CHECK(svg.find(">100 h</text>") != std::string::npos);
}

TEST_CASE("html chart: labels and texts are escaped, long labels cut with the full one kept") {
  BarChart chart{"A & B", "<desc>", {{"Une très longue étiquette qui dépasse la place <prévue>", 1, "1"}}};
  const std::string svg = bar_chart_svg(chart, "x");
  CHECK(svg.find("A &amp; B") != std::string::npos);
  CHECK(svg.find("&lt;desc&gt;") != std::string::npos);
  CHECK(svg.find("<title>Une très longue étiquette qui dépasse la place &lt;prévue&gt;</title>") !=
        std::string::npos);
  CHECK(svg.find("Une très longue étiquette q…") != std::string::npos);
}

TEST_CASE("html chart: stacked bars print a segment's number only when it fits, and the total") {
  StackedChart chart{"Verdicts",
                     "…",
                     {{"obligatoire", "#a63d00", "#ffffff"}, {"exclue", "#e0e0e0", "#1a1a1a"}},
                     {{"insertion", {40, 1}}, {"anru", {0, 41}}},
                     nullptr};
  const std::string svg = stacked_chart_svg(chart, "v");
  CHECK(svg.find(">obligatoire</text>") != std::string::npos);  // legend
  CHECK(svg.find("fill=\"#ffffff\"") != std::string::npos);
  CHECK(svg.find(">40</text>") != std::string::npos);
  CHECK(svg.find(">1</text>") == std::string::npos);                       // too narrow to print in
  CHECK(svg.find("<title>exclue\u00A0: 1</title>") != std::string::npos);  // still told
  CHECK(occurrences(svg, ">41</text>") == 3);                              // anru's segment and both totals
}

TEST_CASE("html style: verdict badges and colours") {
  CHECK(verdict_badge(clausier::Verdict::obligatoire, "insertion : obligatoire") ==
        "<span class=\"badge v-obligatoire\">insertion : obligatoire</span>");
  CHECK(verdict_class(std::nullopt) == "v-erreur");
  CHECK(std::string(verdict_colours(clausier::Verdict::recommandee).text) == "#ffffff");
  CHECK(stylesheet().find("thead { display: table-header-group; }") != std::string::npos);
  CHECK(page_head("R & D").find("<title>R &amp; D</title>") != std::string::npos);
}
