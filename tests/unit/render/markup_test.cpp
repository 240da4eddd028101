#include "render/markup.hpp"

#include <doctest/doctest.h>

#include "render/renderer.hpp"

using namespace clausier;
using namespace clausier::render::markup;

namespace {

Document parsed(std::string_view text, DiagnosticList& diags) {
  return parse(text, {"t.md.mustache", "", {}}, diags);
}

std::vector<std::string> places(const DiagnosticList& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) out.push_back(d.location.str());
  return out;
}

}  // namespace

TEST_CASE("markup: the blocks of the subset") {
  DiagnosticList diags;
  const Document d = parsed(
      "# Titre\n\nUn paragraphe\nsur deux lignes.\n\n- un\n- deux\n  - deux a\n\n3. trois\n4. quatre\n\n"
      "| A | B |\n|:---|---:|\n| a | b |\n\n---\n\n> Note **à l'acheteur**\n> - point\n",
      diags);
  CHECK(diags.all().empty());
  REQUIRE(d.blocks.size() == 7);
  CHECK(d.blocks[0].kind == Block::Kind::heading);
  CHECK(d.blocks[0].level == 1);
  CHECK(plain_text(d.blocks[1].content) == "Un paragraphe sur deux lignes.");
  CHECK(d.blocks[2].kind == Block::Kind::bullet_list);
  REQUIRE(d.blocks[2].items.size() == 2);
  REQUIRE(d.blocks[2].items[1].children.size() == 1);
  CHECK(plain_text(d.blocks[2].items[1].children[0].items[0].content) == "deux a");
  CHECK(d.blocks[3].kind == Block::Kind::ordered_list);
  CHECK(d.blocks[3].start == 3);
  CHECK(d.blocks[4].kind == Block::Kind::table);
  CHECK(d.blocks[4].align == std::vector<Align>{Align::left, Align::right});
  CHECK(d.blocks[4].rows.size() == 2);
  CHECK(d.blocks[5].kind == Block::Kind::rule);
  REQUIRE(d.blocks[6].kind == Block::Kind::note);
  REQUIRE(d.blocks[6].children.size() == 2);
  CHECK(d.blocks[6].children[0].content[1].kind == Inline::Kind::strong);
}

TEST_CASE("markup: inlines, escapes and hard breaks") {
  DiagnosticList diags;
  const Document d = parsed("**gras *et italique*** puis \\*étoile\\* et a\\|b\\\nligne 2\n", diags);
  CHECK(diags.all().empty());
  const Inlines& in = d.blocks.at(0).content;
  REQUIRE(in.size() == 4);
  CHECK(in[0].kind == Inline::Kind::strong);
  CHECK(in[0].children.at(1).kind == Inline::Kind::emphasis);
  CHECK(in[1].text == " puis *étoile* et a|b");
  CHECK(in[2].kind == Inline::Kind::line_break);
  CHECK(in[3].text == "ligne 2");
}

TEST_CASE("markup: a value with * or | prints literally once escaped") {
  DiagnosticList diags;
  const std::string value = render::escape(render::Escaping::markdown, "A*B | C_D [1] #2");
  const Document d = parsed("| x |\n|---|\n| " + value + " |\n\n" + value + "\n", diags);
  CHECK(diags.all().empty());
  CHECK(plain_text(d.blocks.at(0).rows.at(1).at(0)) == "A*B | C_D [1] #2");
  CHECK(plain_text(d.blocks.at(1).content) == "A*B | C_D [1] #2");
}

TEST_CASE("markup: what is outside the subset is reported at its line, not guessed") {
  DiagnosticList diags;
  (void)parsed(
      "Titre\n===\n\n* puce\n\n1) un\n\n##### profond\n\n| a | b |\n| c | d |\n\n**ouvert\n\n`code`\n\n"
      "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n\n- a\n  - b\n    - c\n",
      diags);
  CHECK(places(diags) == std::vector<std::string>{"t.md.mustache:2", "t.md.mustache:4", "t.md.mustache:6",
                                                  "t.md.mustache:8", "t.md.mustache:10", "t.md.mustache:13",
                                                  "t.md.mustache:15", "t.md.mustache:19",
                                                  "t.md.mustache:23"});
}

TEST_CASE("markup: the lint of a source drops standalone sections and keeps source lines") {
  DiagnosticList diags;
  render::lint_markup(
      "# {{lot.reference}}\n\n{{#clause.motifs}}\n- {{texte}}\n{{/clause.motifs}}\n\n*ouvert\n",
      "templates/x/x.md.mustache", diags);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].location.str() == "templates/x/x.md.mustache:7");
}

TEST_CASE("skeleton lint: a Mustache tag split across runs is located") {
  render::FormatSkeleton s;
  s.format = "docx";
  s.files.push_back({"word/header1.xml",
                     "<w:hdr>\n<w:p><w:r><w:t>{{acheteur.</w:t></w:r><w:r><w:t>nom}}</w:t></w:r></w:p>\n"
                     "<w:p><w:r><w:t>{{lot.reference}}</w:t></w:r></w:p></w:hdr>",
                     "templates/_formats/docx/word/header1.xml"});
  s.files.push_back({"word/document.xml", "<w:body><!--clausier:corps--></w:body>",
                     "templates/_formats/docx/word/document.xml"});
  render::View view;
  render::View lot;
  lot.set("reference", render::View::text("L1"));
  view.set("lot", lot);
  DiagnosticList diags;
  render::lint_skeleton(s, view, diags);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].location.str() == "templates/_formats/docx/word/header1.xml:2");
  CHECK(diags.all()[0].message.find("coupée par du XML") != std::string::npos);
}
