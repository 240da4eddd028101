#include "render/renderer.hpp"

#include <doctest/doctest.h>

using namespace clausier;
using namespace clausier::render;

namespace {

View sample_view() {
  View root;
  View lot;
  lot.set("reference", View::text("C1-L1"));
  lot.set("objet", View::text("Peinture <intérieure> & *sols*"));
  root.set("lot", std::move(lot));
  View motifs = View::list();
  View m;
  m.set("texte", View::text("Motif un"));
  motifs.push(std::move(m));
  View clause;
  clause.set("motifs", std::move(motifs));
  clause.set("obligatoire", View::boolean(true));
  root.set("clause", std::move(clause));
  return root;
}

DocumentTemplate make_template(std::string source) {
  DocumentTemplate t;
  t.id = "essai";
  t.applies = {{"insertion", {Verdict::obligatoire}}};
  t.source = std::move(source);
  t.file = "templates/essai/essai.md.mustache";
  return t;
}

}  // namespace

TEST_CASE("render: values are escaped for the markup, skeleton values for XML") {
  const auto t = make_template("# {{lot.reference}} — {{lot.objet}}");
  const auto md = render_document(t, sample_view());
  REQUIRE(md.ok);
  CHECK(md.text == "# C1-L1 — Peinture \\<intérieure\\> & \\*sols\\*");
  const auto xml = render_text("<w:t>{{lot.objet}}</w:t>", "header1.xml", Escaping::xml, sample_view());
  REQUIRE(xml.ok);
  CHECK(xml.text == "<w:t>Peinture &lt;intérieure&gt; &amp; *sols*</w:t>");
}

TEST_CASE("render: a template compiled once renders each view with its own values and escaping") {
  const std::string source = "<p>{{lot.objet}}</p>";
  View other;
  View lot;
  lot.set("objet", View::text("Voirie & réseaux"));
  other.set("lot", std::move(lot));
  // The same text, compiled once for the thread, with two views and two formats.
  CHECK(render_text(source, "a", Escaping::xml, sample_view()).text ==
        "<p>Peinture &lt;intérieure&gt; &amp; *sols*</p>");
  CHECK(render_text(source, "b", Escaping::xml, other).text == "<p>Voirie &amp; réseaux</p>");
  CHECK(render_text(source, "c", Escaping::markdown, other).text == "<p>Voirie & réseaux</p>");
  // A view prepared once serves several texts.
  const PreparedView prepared(other);
  CHECK(render_text("[{{lot.objet}}]", "d", Escaping::xml, prepared).text == "[Voirie &amp; réseaux]");
  CHECK(render_text(source, "e", Escaping::xml, prepared).text == "<p>Voirie &amp; réseaux</p>");
  // Without any tag, the text as it is.
  const auto plain = render_text("<styles/>\n", "styles.xml", Escaping::xml, prepared);
  REQUIRE(plain.ok);
  CHECK(plain.text == "<styles/>\n");
  // An invalid template is reported each time, at its line.
  for (int i = 0; i < 2; ++i) {
    const auto bad = render_text("a\n{{#x}}\n", "bad.xml", Escaping::xml, prepared);
    CHECK_FALSE(bad.ok);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].location.line == 2);
  }
}

TEST_CASE("render: a value never opens a list or a heading at the start of a line") {
  CHECK(escape(Escaping::markdown, "- tiret") == "\\- tiret");
  CHECK(escape(Escaping::markdown, "12. douze") == "12\\. douze");
  CHECK(escape(Escaping::markdown, "2027-01") == "2027-01");
  CHECK(escape(Escaping::markdown, "a|b\nc") == "a\\|b c");
}

TEST_CASE("render: each escaping its own rules, XML not HTML's") {
  const std::string value = "l'eau & <gaz> \"x\"\x01";
  CHECK(escape(Escaping::html, value) == "l&#39;eau &amp; &lt;gaz&gt; &quot;x&quot;\x01");
  // XML 1.0 forbids the control character: left out, where HTML keeps it.
  CHECK(escape(Escaping::xml, value) == "l'eau &amp; &lt;gaz&gt; &quot;x&quot;");
  CHECK(escape(Escaping::markdown, "a*b") == "a\\*b");
}

TEST_CASE("render: sections, lists and required fields") {
  auto t = make_template(
      "{{#clause.obligatoire}}OBL{{/clause.obligatoire}}{{#clause.motifs}}[{{texte}}]{{/clause.motifs}}");
  auto r = render_document(t, sample_view());
  REQUIRE(r.ok);
  CHECK(r.text == "OBL[Motif un]");
  t.required = {"lot.reference", "lot.absent"};
  r = render_document(t, sample_view());
  CHECK_FALSE(r.ok);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].message.find("lot.absent") != std::string::npos);
}

TEST_CASE("render: a standalone section line vanishes whole, taken or skipped") {
  // Skipped sections once left their closing line's end: a blank line that
  // cut a "> " note in two.
  const std::string source =
      "> a\n>\n{{#lot.absent}}\n> oui\n{{/lot.absent}}\n{{^lot.absent}}\n> non\n{{/lot.absent}}\n"
      "{{#clause.motifs}}\n> - {{texte}}\n{{/clause.motifs}}\n{{^clause.motifs}}\n> - aucun\n"
      "{{/clause.motifs}}\n\nfin\n{{#clause.obligatoire}}\n";
  const auto r = render_document(make_template(source + "{{/clause.obligatoire}}"), sample_view());
  REQUIRE(r.ok);
  CHECK(r.text == "> a\n>\n> non\n> - Motif un\n\nfin\n");
  // A broken source is still located in the source as written.
  const auto broken = render_document(make_template(source), sample_view());
  CHECK_FALSE(broken.ok);
  REQUIRE(broken.problems.size() == 1);
  CHECK(broken.problems[0].location.str() == "templates/essai/essai.md.mustache:17");
}

TEST_CASE("render: a broken template is located by line") {
  const auto t = make_template("ligne 1\nligne 2 {{#clause.motifs}}\n");
  const auto r = render_document(t, sample_view());
  CHECK_FALSE(r.ok);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].location.str() == "templates/essai/essai.md.mustache:2");
  CHECK(r.problems[0].message.find("jamais fermée") != std::string::npos);
}

TEST_CASE("render: the lint finds unknown tags, stray closings and raw tags") {
  DiagnosticList diags;
  lint_template(
      "{{lot.reference}}\n{{lot.referense}}\n{{#clause.motifs}}{{texte}}{{/clause.motifs}}\n{{{lot.objet}}}\n"
      "{{/nulle}}\n{{#clause.obligatoire}}",
      "t.md.mustache", sample_view(), diags);
  const auto& all = diags.all();
  REQUIRE(all.size() == 4);
  CHECK(all[0].location.str() == "t.md.mustache:2");
  CHECK(all[0].message.find("lot.referense") != std::string::npos);
  CHECK(all[1].severity == Severity::warning);  // raw tag
  CHECK(all[2].location.line == 5);             // {{/nulle}}
  CHECK(all[3].message.find("jamais fermée") != std::string::npos);
}

TEST_CASE("render: an empty text is false in sections, so placeholders show") {
  View root;
  View acheteur;
  acheteur.set("nom", View::text(""));
  root.set("acheteur", std::move(acheteur));
  const auto t = make_template("{{^acheteur.nom}}[Nom de l'acheteur]{{/acheteur.nom}}{{acheteur.nom}}");
  const auto r = render_document(t, root);
  REQUIRE(r.ok);
  CHECK(r.text == "[Nom de l'acheteur]");
}
