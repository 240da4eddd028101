#include "readers/xml_scanner.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>

#include "csv_test_support.hpp"
#include "string_entry.hpp"

namespace {

using clausier::readers::sheet::Error;
using clausier::readers::sheet::XmlScanner;
using clausier::testing::plain;
using clausier::testing::StringEntry;

// "<name attr=value" for starts ("/" closing an empty one), "/" for ends,
// "[text]" for the text of <t> and <v> elements (read with read_text), or
// the error.
std::string walk(const std::string& xml, std::size_t chunk = 4096, std::size_t cap = 1 << 20) {
  StringEntry entry(xml, chunk);
  std::string out;
  try {
    XmlScanner scanner(entry);
    while (scanner.next()) {
      if (scanner.is_end()) {
        out += "/";
        continue;
      }
      out += "<" + std::string(scanner.name());
      scanner.attributes([&out](std::string_view name, std::string_view value) {
        out += " " + std::string(name) + "=" + std::string(value);
      });
      if (scanner.is_empty_element()) out += "/";
      if (scanner.name() == "t" || scanner.name() == "v") {
        std::string text;
        bool cut = false;
        scanner.read_text(text, cap, cut);
        out += "[" + text + "]" + (cut ? "cut" : "") + "/";
      }
    }
  } catch (const Error& e) {
    out += "ERROR: " + plain(e.message());
  }
  return out;
}

// The same walk whatever the size of the pieces the entry gives.
std::string walk_any_chunk(const std::string& xml) {
  const std::string whole = walk(xml);
  for (const std::size_t chunk : {1, 2, 3, 7, 64}) {
    INFO("chunk " << chunk);
    CHECK(walk(xml, chunk) == whole);
  }
  return whole;
}

std::string damaged(int line) {
  return "ERROR: le contenu XML de « xl/part.xml » est endommagé (ligne " + std::to_string(line) +
         ") : le fichier est tronqué ou n'a pas été écrit par un tableur ; enregistrez de nouveau le "
         "classeur "
         "depuis votre tableur";
}

}  // namespace

TEST_SUITE("readers/xml scanner") {
  TEST_CASE("tags, attributes and text: prefixes left out, references decoded, comments and PIs skipped") {
    CHECK(walk_any_chunk(
              "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
              "<!-- first --><x:a xmlns:x=\"urn:x\" xmlns=\"urn:d\" k='1' l=\"&lt;&#233;&#x20AC;\">"
              "<b/><?pi x?><t xml:space=\"preserve\">a&amp;b <![CDATA[<c>]]>&#233;t&#xE9;<!-- c -->!</t>"
              "<v>12</v><v/></x:a>\n<!-- after -->\n") ==
          "<a k=1 l=<é€<b/<t xml:space=preserve[a&b <c>été!]/<v[12]/<v/[]//");
  }

  TEST_CASE("attribute values: white space normalised, character references kept") {
    CHECK(walk("<a v=\"x\ty\nz&#10;\"/>") == "<a v=x y z\n/");
  }

  TEST_CASE("text: line ends made \\n, the cap respected without cutting a character") {
    CHECK(walk_any_chunk("<t>a\r\nb\rc</t>") == "<t[a\nb\nc]/");
    CHECK(walk("<t>abcdéfghijkl</t>", 4096, 8) == "<t[abcdéfg]cut/");
    CHECK(walk("<t><![CDATA[abcdefghij]]>xyz</t>", 3, 4) == "<t[abcd]cut/");
  }

  TEST_CASE("read_text leaves out the elements inside, and skip() passes nested ones, quotes and all") {
    CHECK(walk_any_chunk("<a><t>x<r><t>no</t></r>y</t></a>") == "<a<t[xy]//");
    StringEntry entry("<a><b x=\">\" y='/b>'><c><d/></c><!-- </b> --></b><e/></a>", 2);
    XmlScanner scanner(entry);
    REQUIRE(scanner.next());  // <a>
    REQUIRE(scanner.next());  // <b>
    CHECK(scanner.is_start("b"));
    CHECK(scanner.depth() == 1);
    scanner.skip();
    CHECK(scanner.is_end("b"));
    CHECK(scanner.depth() == 1);
    REQUIRE(scanner.next());
    CHECK(scanner.is_start("e"));
    CHECK(scanner.is_empty_element());
    scanner.skip();  // empty: stays
    CHECK(scanner.is_start("e"));
    REQUIRE(scanner.next());
    CHECK(scanner.is_end("a"));
    CHECK_FALSE(scanner.next());
  }

  TEST_CASE("the prolog is checked as XmlReader checks it: DOCTYPE, UTF-16, other encodings") {
    const std::string doctype =
        "ERROR: l'élément « xl/part.xml » contient une déclaration DOCTYPE, que n'écrit aucun tableur "
        "(tentative d'attaque par entités XML ?) : le classeur n'est pas lu";
    CHECK(walk("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>",
               1) == doctype);
    CHECK(walk(std::string("\xFF\xFE<\0a\0/\0>\0", 10))
              .starts_with("ERROR: l'élément « xl/part.xml » est encodé en UTF-16, non pris en charge"));
    CHECK(walk("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>") ==
          "ERROR: l'élément « xl/part.xml » est encodé en ISO-8859-1, non pris en charge : enregistrez de "
          "nouveau le classeur depuis votre tableur");
    CHECK(walk("<?xml version='1.0' encoding='utf-8'?><a/>") == "<a/");
  }

  TEST_CASE("entities: the five predefined ones and character references, nothing else") {
    CHECK(walk("<t>&quot;&apos;&gt;</t>") == "<t[\"'>]/");
    CHECK(walk("<a>\n<t>&xxe;</t></a>") == "<a<t" + damaged(2));
    CHECK(walk("<a><t>&#0;</t></a>") == "<a<t" + damaged(1));        // not an XML character
    CHECK(walk("<a><t>&#x110000;</t></a>") == "<a<t" + damaged(1));  // beyond Unicode
    CHECK(walk("<a><t>&#xD800;</t></a>") == "<a<t" + damaged(1));    // a surrogate
    CHECK(walk("<a><t>&amp</t></a>") == "<a<t" + damaged(1));        // no semicolon
    CHECK(walk("<a b=\"&xxe;\"/>") == "<a" + damaged(1));            // in an attribute too
  }

  TEST_CASE("damaged content is reported with its line") {
    CHECK(walk("<a>\n<b>\n</a>") == "<a<b" + damaged(3));            // not the element open
    CHECK(walk("<a>\n<b>\n") == "<a<b" + damaged(3));                // cut short
    CHECK(walk("<a><b x=1/></a>") == "<a" + damaged(1));             // unquoted value
    CHECK(walk("<a><b x=\"<\"/></a>") == "<a" + damaged(1));         // '<' in a value
    CHECK(walk("<a><b x=\"1\"y=\"2\"/></a>") == "<a" + damaged(1));  // no space between
    CHECK(walk("<a/><b/>") == "<a/" + damaged(1));                   // a second root
    CHECK(walk("text<a/>") == damaged(1));                           // text outside the root
    CHECK(walk("<a/>\ntext") == "<a/" + damaged(2));
    CHECK(walk("<a><!DOCTYPE a></a>") == "<a" + damaged(1));           // a declaration inside
    CHECK(walk("<a><t>\x01</t></a>") == "<a<t" + damaged(1));          // a control character
    CHECK(walk("<a><t>\xC3\x28</t></a>") == "<a<t" + damaged(1));      // invalid UTF-8
    CHECK(walk("<a><t>\xE0\x80\xAF</t></a>") == "<a<t" + damaged(1));  // overlong
    CHECK(walk("") == damaged(1));
    CHECK(walk("not xml") == damaged(1));
  }

  TEST_CASE("limits: nesting depth and the length of a tag") {
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "<d>";
    const std::string out = walk(deep);
    CHECK(out.ends_with(damaged(1)));
    CHECK(std::count(out.begin(), out.end(), '<') == 256);

    // NOLINTNEXTLINE(bugprone-string-constructor): large on purpose, over the scanner's limit
    const std::string huge = "<a><b x=\"" + std::string(11'000'000, 'y') + "\"/></a>";
    CHECK(walk(huge, 1 << 16) == "<a" + damaged(1));
    StringEntry entry("<a>" + std::string(5'000'000, 'y') + "<b/></a>", 1 << 16);  // long text: no limit
    XmlScanner scanner(entry);
    REQUIRE(scanner.next());
    REQUIRE(scanner.next());
    CHECK(scanner.is_start("b"));
  }

  TEST_CASE("mixed content, prefixes as declared, long names and values, an element read ahead") {
    // Names and values longer than 16 bytes, with the bytes the scanner
    // stops at on either side of a 16-byte boundary.
    const std::string xml =
        "<o:document-content xmlns:o=\"urn:office\" xmlns=\"urn:default\" o:very-long-attribute-name-x=\"a "
        "value of more than sixteen bytes &amp; a reference\">"
        "<text:p>Un <text:span>texte</text:span> en <text:s text:c=\"2\"/>morceaux&#233;<!-- c -->"
        "<![CDATA[<cdata>]]></text:p><table:table-cell>abc</table:table-cell><z/></o:document-content>";
    for (const std::size_t chunk : {1, 3, 7, 64, 4096}) {
      INFO("chunk " << chunk);
      StringEntry entry(xml, chunk);
      XmlScanner scanner(entry);
      REQUIRE(scanner.next());
      CHECK(scanner.qualified_name() == "o:document-content");
      CHECK(scanner.name() == "document-content");
      std::string declared;
      scanner.namespace_declarations([&](std::string_view prefix, std::string_view uri) {
        declared += "[" + std::string(prefix) + "=" + std::string(uri) + "]";
      });
      CHECK(declared == "[o=urn:office][=urn:default]");
      scanner.attributes([](std::string_view name, std::string_view value) {
        CHECK(name == "o:very-long-attribute-name-x");
        CHECK(value == "a value of more than sixteen bytes & a reference");
      });
      REQUIRE(scanner.next());
      CHECK(scanner.qualified_name() == "text:p");
      std::string text;
      bool cut = false;
      std::string tags;
      while (scanner.next_in_text(text, 1000, cut)) {
        tags += (scanner.is_end() ? "/" : "<") + std::string(scanner.qualified_name());
        if (scanner.is_end("p")) break;
      }
      CHECK(text == "Un texte en morceauxé<cdata>");
      CHECK(tags == "<text:span/text:span<text:s/text:p");
      // The cell read ahead, then closed.
      REQUIRE(scanner.next());
      REQUIRE(scanner.is_start("table-cell"));
      const std::string_view ahead = scanner.ahead(64);
      REQUIRE(ahead.starts_with("abc</table:table-cell>"));
      CHECK(XmlScanner::is_valid_text("abc"));
      CHECK_FALSE(XmlScanner::is_valid_text("a\x01b"));
      scanner.consume_to_end(std::string_view("abc</table:table-cell>").size());
      CHECK(scanner.is_end("table-cell"));
      CHECK(scanner.qualified_name() == "table:table-cell");
      REQUIRE(scanner.next());
      CHECK(scanner.is_start("z"));
      REQUIRE(scanner.next());
      CHECK(scanner.is_end("document-content"));
      CHECK_FALSE(scanner.next());
    }
  }

  TEST_CASE("mixed content is checked as text is") {
    StringEntry entry("<p>bad \x01 byte<b/></p>", 4096);
    XmlScanner scanner(entry);
    REQUIRE(scanner.next());
    std::string text;
    bool cut = false;
    CHECK_THROWS_AS(scanner.next_in_text(text, 100, cut), Error);
  }
}
