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
  const std::string odt = writers::markup_to_odt(parse("a   b\n\n2. deux\n", {"t", "", {}}, diags));
  CHECK(odt.find("a <text:s text:c=\"2\"/>b") != std::string::npos);
  CHECK(odt.find("<text:list-item text:start-value=\"2\">") != std::string::npos);
  const std::string full = writers::markup_to_odt(doc());
  CHECK(full.find("<text:p text:style-name=\"Titre\">Titre</text:p>") != std::string::npos);
  CHECK(full.find("<table:table-header-rows>") != std::string::npos);
  CHECK(full.find("<text:span text:style-name=\"Italique\">doux</text:span>") != std::string::npos);
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
