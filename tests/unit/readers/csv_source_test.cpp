#include "readers/csv_source.hpp"

#include <doctest/doctest.h>

#include "csv_test_support.hpp"

namespace {

using clausier::Severity;
using clausier::readers::CsvOptions;
using clausier::readers::TextEncoding;
using clausier::testing::plain;
using clausier::testing::read_csv;
using Rows = std::vector<std::vector<std::string>>;
using Lines = std::vector<std::uint32_t>;

}  // namespace

TEST_SUITE("readers/csv") {
  TEST_CASE("semicolon file with LF line ends") {
    const auto r = read_csv("a;b;c\n1;2;3\n4;5;6\n");
    CHECK(r.delimiter == ';');
    CHECK(r.rows == Rows{{"a", "b", "c"}, {"1", "2", "3"}, {"4", "5", "6"}});
    CHECK(r.lines == Lines{1, 2, 3});
    CHECK(r.diags.all().empty());
  }

  TEST_CASE("CRLF line ends and a last line without newline") {
    const auto r = read_csv("a;b\r\n1;2\r\n3;4");
    CHECK(r.rows == Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}});
    CHECK(r.lines == Lines{1, 2, 3});
  }

  TEST_CASE("old Mac CR line ends") {
    const auto r = read_csv("a;b\r1;2\r");
    CHECK(r.rows == Rows{{"a", "b"}, {"1", "2"}});
  }

  TEST_CASE("empty lines are skipped but counted") {
    const auto r = read_csv("\n\r\na;b\n\n1;2\r\n\r\n\r\n3;4\n\n");
    CHECK(r.rows == Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}});
    CHECK(r.lines == Lines{3, 5, 8});
  }

  TEST_CASE("trailing empty fields are kept") {
    const auto r = read_csv("a;b;c\n1;;\n;;\n");
    CHECK(r.rows == Rows{{"a", "b", "c"}, {"1", "", ""}, {"", "", ""}});
  }

  TEST_CASE("delimiter detected from the header line") {
    CHECK(read_csv("a\tb\tc\n1\t2,5\t3\n").delimiter == '\t');
    CHECK(read_csv("a\tb\tc\n1\t2,5\t3\n").rows[1] == std::vector<std::string>{"1", "2,5", "3"});
    CHECK(read_csv("a,b,c\n1,2,3\n").delimiter == ',');
    CHECK(read_csv("a;b,c\n").delimiter == ';');          // tie: semicolon
    CHECK(read_csv("single\nvalue\n").delimiter == ';');  // nothing to count
    CHECK(read_csv("\"a;b;c\",d,e\n").delimiter == ',');  // quoted separators do not count
    CHECK(read_csv("\n\na,b;c,d\n").delimiter == ',');    // blank lines before the header
  }

  TEST_CASE("RFC 4180 quoting: separators, doubled quotes, newlines") {
    const auto r = read_csv(
        "ref;objet;montant\n"
        "L1;\"Nettoyage ; vitrerie\";100\n"
        "L2;\"Salle \"\"polyvalente\"\"\";200\n"
        "L3;\"Première ligne\nseconde ligne\r\ntroisième\";300\n"
        "L4;\"\";400\n"
        "L5;\"fermé\"après;500\n");
    REQUIRE(r.rows.size() == 6);
    CHECK(r.rows[1] == std::vector<std::string>{"L1", "Nettoyage ; vitrerie", "100"});
    CHECK(r.rows[2] == std::vector<std::string>{"L2", "Salle \"polyvalente\"", "200"});
    CHECK(r.rows[3] == std::vector<std::string>{"L3", "Première ligne\nseconde ligne\ntroisième", "300"});
    CHECK(r.rows[4] == std::vector<std::string>{"L4", "", "400"});
    CHECK(r.rows[5] == std::vector<std::string>{"L5", "ferméaprès", "500"});  // lenient, as Excel
    CHECK(r.lines == Lines{1, 2, 3, 4, 7, 8});                                // L3 spans lines 4 to 6
    CHECK(r.diags.all().empty());
  }

  TEST_CASE("UTF-8 with BOM") {
    const auto r = read_csv("\xEF\xBB\xBFRéférence;Objet\nL1;École\n");
    CHECK(r.rows == Rows{{"Référence", "Objet"}, {"L1", "École"}});
    CHECK(r.encoding == TextEncoding::utf8);
  }

  TEST_CASE("UTF-8 without BOM") {
    const auto r = read_csv("Référence;Objet\nL1;Crèche\n");
    CHECK(r.rows == Rows{{"Référence", "Objet"}, {"L1", "Crèche"}});
    CHECK(r.encoding == TextEncoding::utf8);
  }

  TEST_CASE("Windows-1252 as Excel writes it") {
    const auto r = read_csv(
        "R\xE9"
        "f\xE9rence;Montant\r\nL1;1\xA0"
        "234\xA0\x80\r\nL2;\x9C"
        "uvre \x92\r\n");
    CHECK(r.encoding == TextEncoding::windows1252);
    CHECK(r.rows == Rows{{"Référence", "Montant"}, {"L1", "1\u00A0234\u00A0€"}, {"L2", "œuvre ’"}});
    CHECK(r.diags.all().empty());
  }

  TEST_CASE("pure ASCII start: each field decides, then the file is decided") {
    CsvOptions small;
    small.chunk_bytes = 8;  // the sniffed chunk is pure ASCII
    SUBCASE("a Windows-1252 field") {
      const auto r = read_csv(
          "ref;objet\nL1;plain\nL2;cr\xE8"
          "che\nL3;\xC3\xA9\n",
          small);
      CHECK(r.rows[2][1] == "crèche");
      CHECK(r.rows[3][1] == "Ã©");  // from then on the file is Windows-1252
      CHECK(r.encoding == TextEncoding::windows1252);
    }
    SUBCASE("a UTF-8 field") {
      const auto r = read_csv("ref;objet\nL1;plain\nL2;crèche\nL3;\xE8\n", small);
      CHECK(r.rows[2][1] == "crèche");
      CHECK(r.encoding == TextEncoding::utf8);
      CHECK(r.rows[3][1] == "è");  // not UTF-8 in a UTF-8 file: read as Windows-1252, with a warning
      REQUIRE(r.diags.all().size() == 1);
      CHECK(r.diags.all()[0].severity == Severity::warning);
      CHECK(r.diags.all()[0].location.line == 4);
      CHECK(r.diags.all()[0].location.column == "objet");
    }
  }

  TEST_CASE("a stray non-UTF-8 byte in a UTF-8 file is warned about once") {
    CsvOptions options;
    options.chunk_bytes = 24;  // the sniffed chunk holds "crèche" but not the bad bytes
    const auto r = read_csv("ref;objet\nL1;crèche\nL2;caf\xE9\nL3;th\xE9\n", options);
    CHECK(r.encoding == TextEncoding::utf8);
    CHECK(r.rows[1][1] == "crèche");
    CHECK(r.rows[2][1] == "café");
    CHECK(r.rows[3][1] == "thé");
    REQUIRE(r.diags.all().size() == 1);
    CHECK(plain(r.diags.all()[0].message) ==
          "texte qui n'est pas de l'UTF-8 dans un fichier UTF-8 : il est lu comme du Windows-1252 ; "
          "enregistrez le "
          "fichier au format « CSV UTF-8 »");
  }

  TEST_CASE("invalid UTF-8 in the first chunk: the file is Windows-1252") {
    const auto r = read_csv("ref;objet\nL1;caf\xE9\nL2;crèche\n");
    CHECK(r.encoding == TextEncoding::windows1252);
    CHECK(r.rows[1][1] == "café");
    CHECK(r.rows[2][1] == "crÃ¨che");
  }

  TEST_CASE("UTF-16 with BOM (Excel's Unicode text), tab separated") {
    std::string bytes = "\xFF\xFE";
    for (const char16_t c : std::u16string(u"Réf\tObjet\r\nL1\tÉcole 🏫\r\n")) {
      bytes += static_cast<char>(c & 0xFF);
      bytes += static_cast<char>(c >> 8);
    }
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{64 * 1024}}) {
      CsvOptions options;
      options.chunk_bytes = chunk;
      const auto r = read_csv(bytes, options);
      CHECK(r.delimiter == '\t');
      CHECK(r.rows == Rows{{"Réf", "Objet"}, {"L1", "École 🏫"}});
    }
  }

  TEST_CASE("unterminated quote on the last line") {
    const auto r = read_csv("ref;objet;montant\nL1;\"Nettoyage;100\n");
    REQUIRE(r.diags.all().size() == 1);
    const auto& d = r.diags.all()[0];
    CHECK(d.severity == Severity::error);
    CHECK(d.location.file == "t.csv");
    CHECK(d.location.line == 2);
    CHECK(d.location.column == "objet");
    CHECK(plain(d.message) ==
          "guillemet ouvrant sans guillemet fermant : ce guillemet est ignoré et la ligne est lue sans lui ; "
          "refermez le "
          "champ ou doublez les guillemets qui en font partie (\"\")");
    CHECK(r.rows == Rows{{"ref", "objet", "montant"}, {"L1", "Nettoyage", "100"}});
  }

  TEST_CASE("a stray quote in the middle: the following rows are still read") {
    const auto r =
        read_csv("ref;objet;montant\nL1;\"Nettoyage;100\nL2;Voirie;200\r\nL3;\"Espaces\nverts\";300\n");
    CHECK(r.rows == Rows{{"ref", "objet", "montant"},
                         {"L1", "Nettoyage", "100"},
                         {"L2", "Voirie", "200"},
                         {"L3", "Espaces\nverts", "300"}});
    CHECK(r.lines == Lines{1, 2, 3, 4});
    REQUIRE(r.diags.count(Severity::error) == 1);
    CHECK(r.diags.all()[0].location.line == 2);
  }

  TEST_CASE("a stray quote followed by no other quote") {
    const auto r = read_csv("ref;objet;montant\nL1;\"Nettoyage;100\nL2;Voirie;200\n");
    CHECK(r.rows == Rows{{"ref", "objet", "montant"}, {"L1", "Nettoyage", "100"}, {"L2", "Voirie", "200"}});
    CHECK(r.lines == Lines{1, 2, 3});
    CHECK(r.diags.count(Severity::error) == 1);
  }

  TEST_CASE("a runaway quote longer than the field cap is dropped early") {
    CsvOptions options;
    options.max_field_bytes = 16;
    const auto r = read_csv("ref;objet\nL1;\"runaway\nL2;a\nL3;b\nL4;c\nL5;d\n", options);
    CHECK(r.rows ==
          Rows{{"ref", "objet"}, {"L1", "runaway"}, {"L2", "a"}, {"L3", "b"}, {"L4", "c"}, {"L5", "d"}});
    CHECK(r.lines == Lines{1, 2, 3, 4, 5, 6});
    REQUIRE(r.diags.all().size() == 1);
    CHECK(plain(r.diags.all()[0].message).starts_with("champ entre guillemets de plus de 16 octets"));
  }

  TEST_CASE("a field over the cap is cut, with an error, and reading goes on") {
    CsvOptions options;
    options.max_field_bytes = 8;
    const auto r = read_csv("ref;objet\nL1;0123456789abcdef\nL2;ok\n", options);
    CHECK(r.rows == Rows{{"ref", "objet"}, {"L1", "01234567"}, {"L2", "ok"}});
    REQUIRE(r.diags.all().size() == 1);
    CHECK(r.diags.all()[0].location.line == 2);
    CHECK(r.diags.all()[0].location.column == "objet");
    CHECK(
        plain(r.diags.all()[0].message) ==
        "valeur de plus de 8 octets : la suite est ignorée ; vérifiez le fichier (un guillemet mal placé ?)");
  }

  TEST_CASE("too many fields on a line") {
    CsvOptions options;
    options.max_fields = 3;
    const auto r = read_csv("a;b;c;d;e\n1;2\n", options);
    CHECK(r.rows == Rows{{"a", "b", "c"}, {"1", "2"}});
    CHECK(r.diags.count(Severity::error) == 1);
  }

  TEST_CASE("chunk boundaries anywhere give the same records") {
    const std::string bytes =
        "\xEF\xBB\xBFRéf;Objet;Montant\r\n"
        "L1;\"Nettoyage ; vitrerie \"\"A\"\"\r\ndes crèches\";1\u202F234,50 €\r\n"
        "\r\n"
        "L2;œuvre;12\r\n"
        "L3;\"x\";\r\n";
    const auto expected = read_csv(bytes);
    REQUIRE(expected.rows.size() == 4);
    CHECK(expected.lines == Lines{1, 2, 5, 6});
    for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
      CsvOptions options;
      options.chunk_bytes = chunk;
      const auto r = read_csv(bytes, options);
      INFO("chunk ", chunk);
      CHECK(r.rows == expected.rows);
      CHECK(r.lines == expected.lines);
      CHECK(r.diags.all().empty());
    }
  }

  TEST_CASE("empty input") {
    const auto r = read_csv("");
    CHECK(r.rows.empty());
    CHECK(read_csv("\n\r\n").rows.empty());
    CHECK(read_csv("\xEF\xBB\xBF").rows.empty());
  }

  TEST_CASE("locate gives the file, the line and the column header") {
    std::istringstream in("a;b\n1;2\n");
    clausier::readers::CsvSource source(in, "prog.csv");
    clausier::readers::Record record;
    clausier::DiagnosticList diags;
    REQUIRE(source.next(record, diags));
    REQUIRE(source.next(record, diags));
    const auto where = source.locate(record, 1, "Montant");
    CHECK(where.file == "prog.csv");
    CHECK(where.line == 2);
    CHECK(where.column == "Montant");
    CHECK(plain(where.str()) == "prog.csv:2 (colonne « Montant »)");
  }
}
