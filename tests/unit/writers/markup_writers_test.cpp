#include <doctest/doctest.h>

#include "writers/markup_office.hpp"
#include "writers/markup_text.hpp"
#include "writers/package.hpp"

using namespace clausier;
using namespace clausier::render::markup;

namespace {

const char* source =
    "# Titre\n\nTexte **fort** et *doux*, a\\|b & \\<c>\\\nsuite.\n\n- un\n  1. un a\n\n3. trois\n\n"
    "| A | B |\n|---|:---:|\n| x\\|y | 2 |\n\n---\n\n> Note\n";

Document doc() {
  DiagnosticList diags;
  Document d = parse(source, {"t", "", {}}, diags);
  REQUIRE(diags.all().empty());
  return d;
}

}  // namespace

TEST_CASE("writers: the Markdown is normalised and parses back to the same text") {
  const std::string md = writers::markup_to_markdown(doc());
  CHECK(md ==
        "# Titre\n\nTexte **fort** et *doux*, a|b & \\<c>\\\nsuite.\n\n- un\n  1. un a\n\n3. trois\n\n"
        "| A | B |\n|---|:---:|\n| x\\|y | 2 |\n\n---\n\n> Note\n");
  DiagnosticList diags;
  CHECK(writers::markup_to_markdown(parse(md, {"t", "", {}}, diags)) == md);
  CHECK(diags.all().empty());
}

TEST_CASE("writers: HTML escapes text and keeps structure") {
  const std::string html = writers::markup_to_html(doc());
  CHECK(html.find("<h1>Titre</h1>") != std::string::npos);
  CHECK(html.find("a|b &amp; &lt;c&gt;<br>") != std::string::npos);
  CHECK(html.find("<ol start=\"3\">") != std::string::npos);
  CHECK(html.find("<th style=\"text-align:center\">B</th>") != std::string::npos);
  CHECK(html.find("<aside class=\"note\">\n<p>Note</p>\n</aside>") != std::string::npos);
}

TEST_CASE("writers: DOCX body uses the skeleton's styles, one list instance per list") {
  const writers::DocxBody body = writers::markup_to_docx(doc());
  CHECK(body.body.find("<w:pStyle w:val=\"Titre\"/>") != std::string::npos);
  CHECK(body.body.find("<w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">fort</w:t>") != std::string::npos);
  CHECK(body.body.find("a|b &amp; &lt;c&gt;</w:t></w:r><w:r><w:br/></w:r>") != std::string::npos);
  CHECK(body.body.find("<w:tblHeader/>") != std::string::npos);
  CHECK(body.body.find("<w:pStyle w:val=\"Note\"/>") != std::string::npos);
  // Three lists (bullets, nested numbers, numbers from 3): three instances.
  CHECK(body.numbering.find("w:numId=\"3\"") != std::string::npos);
  CHECK(body.numbering.find("<w:startOverride w:val=\"3\"/>") != std::string::npos);
}

TEST_CASE("writers: ODT body, with spaces kept and numbering restarted") {
  DiagnosticList diags;
  const std::string odt = writers::markup_to_odt(parse("a   b\n\n2. deux\n", {"t", "", {}}, diags)).body;
  CHECK(odt.find("a <text:s text:c=\"2\"/>b") != std::string::npos);
  CHECK(odt.find("<text:list-item text:start-value=\"2\">") != std::string::npos);
  const std::string full = writers::markup_to_odt(doc()).body;
  CHECK(full.find("<text:p text:style-name=\"Titre\">Titre</text:p>") != std::string::npos);
  CHECK(full.find("<table:table-header-rows>") != std::string::npos);
  CHECK(full.find("<text:span text:style-name=\"Italique\">doux</text:span>") != std::string::npos);
}

TEST_CASE("writers: table columns share the width by their text, each at least its longest word") {
  DiagnosticList diags;
  const auto table = [&](const std::string& markup) {
    const auto parsed = parse(markup, {"t", "", {}}, diags);
    REQUIRE(parsed.blocks.size() == 1);
    return parsed.blocks[0];
  };
  // A short code, a long text, an amount whose no-break spaces bind it into one word.
  const auto lots = table(
      "| Réf. | Objet | Montant |\n|---|---|---:|\n"
      "| L1 | Reconstruction du collège, désamiantage et déconstruction des bâtiments existants | "
      "8\u202f650\u202f000\u00a0€ |\n"
      "| L2 | Gros œuvre, maçonnerie, enduits et ravalement de façades | 420\u202f000\u00a0€ |\n");
  const std::vector<int> w = writers::column_widths(lots, 9638, 100, 230);
  REQUIRE(w.size() == 3);
  CHECK(w[0] + w[1] + w[2] == 9638);
  CHECK(w[2] >= 230 + 11 * 100);  // "8 650 000 €" on one line
  CHECK(w[0] >= 230 + 4 * 100);   // "Réf." (code points, not bytes)
  CHECK(w[1] > w[2]);
  CHECK(w[1] > 2 * w[0]);
  // When every text fits, the share follows the text; equal texts, equal columns.
  const std::vector<int> even =
      writers::column_widths(table("| a | b |\n|---|---|\n| xx | yy |\n"), 1000, 10, 0);
  CHECK(even == std::vector<int>{500, 500});
  // Too many long words for the width: shrunk alike, still summing to the width.
  const auto wide =
      table("| aaaaaaaaaaaaaaaaaaaa | bbbbbbbbbbbbbbbbbbbb | c |\n|---|---|---|\n| x | y | z |\n");
  const std::vector<int> shrunk = writers::column_widths(wide, 300, 10, 0);
  CHECK(shrunk[0] + shrunk[1] + shrunk[2] == 300);
  CHECK(shrunk[0] == shrunk[1]);
  CHECK(shrunk[2] < shrunk[0]);
}

TEST_CASE("writers: ODT tables name their column widths in automatic styles of content.xml") {
  DiagnosticList diags;
  const writers::OdtBody odt = writers::markup_to_odt(
      parse("| a | b |\n|---|---|\n| x | un texte bien plus long |\n", {"t", "", {}}, diags));
  CHECK(odt.body.find("<table:table-column table:style-name=\"Tableau1.A\"/>"
                      "<table:table-column table:style-name=\"Tableau1.B\"/>") != std::string::npos);
  CHECK(odt.automatic_styles.find("style:name=\"Tableau1.B\" style:family=\"table-column\"") !=
        std::string::npos);
  const std::string bare = "<office:document-content><office:body/></office:document-content>";
  CHECK(writers::with_automatic_styles(bare, "<s/>") ==
        "<office:document-content><office:automatic-styles><s/></office:automatic-styles>\n<office:body/>"
        "</office:document-content>");
  CHECK(writers::with_automatic_styles(
            "<office:automatic-styles><t/></office:automatic-styles><office:body/>", "<s/>") ==
        "<office:automatic-styles><t/><s/></office:automatic-styles><office:body/>");
  CHECK(writers::with_automatic_styles(bare, "") == bare);
}

TEST_CASE("writers: zip packages are deterministic and keep mimetype first, stored") {
  const Date date = *Date::from_ymd(2026, 11, 22);
  std::string error;
  const std::vector<writers::PackagePart> parts = {
      {"mimetype", "application/vnd.oasis.opendocument.text", true}, {"content.xml", "<x/>", false}};
  const std::string a = writers::zip_package(parts, date, error);
  const std::string b = writers::zip_package(parts, date, error);
  CHECK(error.empty());
  CHECK(a == b);
  REQUIRE(a.size() > 38);
  CHECK(a.substr(0, 4) == "PK\x03\x04");
  CHECK(a.substr(30, 8) == "mimetype");
  CHECK(a.substr(38, 39) == "application/vnd.oasis.opendocument.text");
}
