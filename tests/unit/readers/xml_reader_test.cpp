#include "readers/xml_reader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstring>

#include "csv_test_support.hpp"
#include "string_entry.hpp"

namespace {

using clausier::readers::sheet::Error;
using clausier::readers::sheet::XmlReader;
using clausier::testing::plain;
using clausier::testing::StringEntry;

// The text of every node, "<name" for starts, "/" for ends, or the error.
std::string walk(const std::string& xml, std::size_t chunk = 4096) {
  StringEntry entry(xml, chunk);
  std::string out;
  try {
    XmlReader reader(entry);
    while (reader.next()) {
      if (reader.node() == XmlReader::Node::start) {
        out += "<" + std::string(reader.local_name());
        reader.attributes([&out](std::string_view local, std::string_view ns, std::string_view value) {
          out += " " + std::string(local) + (ns.empty() ? "" : "@") + "=" + std::string(value);
        });
        if (reader.is_empty_element()) out += "/";
      } else if (reader.node() == XmlReader::Node::end) {
        out += "/";
      } else if (reader.node() == XmlReader::Node::text) {
        out += "[" + std::string(reader.value()) + "]";
      }
    }
  } catch (const Error& e) {
    out += "ERROR: " + plain(e.message());
  }
  return out;
}

const std::string doctype_refused =
    "ERROR: l'élément « xl/part.xml » contient une déclaration DOCTYPE, que n'écrit aucun tableur (tentative "
    "d'attaque par entités XML ?) : le classeur n'est pas lu";

}  // namespace

TEST_SUITE("readers/xml reader") {
  TEST_CASE(
      "elements, attributes with their namespace, text — predefined entities and character references") {
    CHECK(walk("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a xmlns=\"urn:x\" xmlns:p=\"urn:p\" p:k=\"1\" "
               "l=\"&lt;&#233;\"><b/>t&amp;&#x20AC;<![CDATA[<c>]]></a>") == "<a k@=1 l=<é<b/[t&€][<c>]/");
  }

  TEST_CASE("a DOCTYPE is refused before the parser sees it, however the bytes come") {
    const std::string xxe =
        "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<?pi x?>\n<!DOCTYPE a [<!ENTITY xxe SYSTEM "
        "\"file:///etc/passwd\">]>\n<a>&xxe;</a>";
    CHECK(walk(xxe) == doctype_refused);
    CHECK(walk(xxe, 1) == doctype_refused);  // one byte at a time
    CHECK(walk("\xEF\xBB\xBF<!DOCTYPE a SYSTEM \"http://127.0.0.1:9/a.dtd\"><a/>") == doctype_refused);
    // The byte order mark split over two reads is still seen as one.
    CHECK(walk("\xEF\xBB\xBF<!DOCTYPE a SYSTEM \"http://127.0.0.1:9/a.dtd\"><a/>", 1) == doctype_refused);
    CHECK(walk("<!ENTITY x \"y\"><a/>") == doctype_refused);
  }

  TEST_CASE("billion laughs: refused at once") {
    std::string lol = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l0 \"lol\">";
    for (int i = 1; i <= 9; ++i) {
      lol += "<!ENTITY l" + std::to_string(i) + " \"";
      for (int k = 0; k < 10; ++k) lol += "&l" + std::to_string(i - 1) + ";";
      lol += "\">";
    }
    lol += "]><a b=\"&l9;\">&l9;</a>";
    const auto start = std::chrono::steady_clock::now();
    CHECK(walk(lol, 7) == doctype_refused);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(100));
  }

  TEST_CASE("an entity without a DTD is an error, never expanded") {
    const std::string out = walk("<a>&xxe;</a>");
    CHECK(out.find("ERROR: le contenu XML de « xl/part.xml » est endommagé (ligne 1)") != std::string::npos);
    CHECK(out.find("xxe") == std::string::npos);
  }

  TEST_CASE("UTF-16, a prolog without end, damaged XML") {
    CHECK(walk(std::string("\xFF\xFE<\0a\0/\0>\0", 10)) ==
          "ERROR: l'élément « xl/part.xml » est encodé en UTF-16, non pris en charge : enregistrez de "
          "nouveau le "
          "classeur depuis votre tableur");
    CHECK(walk("<?xml version=\"1.0\"" + std::string(70000, ' ')) ==
          "ERROR: l'élément « xl/part.xml » commence par un prologue XML anormalement long : enregistrez de "
          "nouveau le classeur depuis votre tableur");
    CHECK(walk("<a>\n<b>\n</a>")
              .ends_with(
                  "ERROR: le contenu XML de « xl/part.xml » est endommagé (ligne 3) : le fichier est tronqué "
                  "ou n'a pas été écrit par un tableur ; enregistrez de nouveau le classeur depuis votre "
                  "tableur"));
    CHECK(walk("").starts_with("ERROR: le contenu XML de « xl/part.xml » est endommagé"));
    CHECK(walk("not xml").starts_with("ERROR: le contenu XML de « xl/part.xml » est endommagé"));
  }

  TEST_CASE("skip() goes to the end of the element") {
    StringEntry entry("<a><b><c>x</c><c/></b><d/></a>", 3);
    XmlReader reader(entry);
    REQUIRE(reader.next());  // <a>
    REQUIRE(reader.next());  // <b>
    CHECK(reader.is_start("b"));
    REQUIRE(reader.skip());
    CHECK(reader.is_end("b"));
    REQUIRE(reader.next());
    CHECK(reader.is_start("d"));
    REQUIRE(reader.skip());  // empty: stays
    CHECK(reader.is_start("d"));
    const XmlReader::Name a = reader.name("a");
    REQUIRE(reader.next());
    CHECK(reader.is_end(a));
    CHECK_FALSE(reader.next());
  }
}
