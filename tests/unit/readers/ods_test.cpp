#include <doctest/doctest.h>

#include <chrono>

#include "csv_test_support.hpp"
#include "readers/values.hpp"
#include "workbook_test_support.hpp"

namespace {

using clausier::Date;
using clausier::readers::Cell;
using clausier::readers::SpreadsheetLimits;
using clausier::testing::make_ods;
using clausier::testing::ods_float;
using clausier::testing::ods_header;
using clausier::testing::ods_lot;
using clausier::testing::ods_text;
using clausier::testing::plain;
using clausier::testing::read_lots;
using clausier::testing::read_records;

const Cell& at(const clausier::readers::Record& r, std::size_t column) {
  static const Cell empty;
  return column < r.cells.size() ? r.cells[column] : empty;
}

std::string table(const std::string& name, const std::string& rows, const std::string& style = "") {
  return "<table:table table:name=\"" + name + "\"" +
         (style.empty() ? "" : " table:style-name=\"" + style + "\"") +
         "><table:table-column table:number-columns-repeated=\"16384\"/>" + rows + "</table:table>";
}

const std::string hidden_style =
    "<style:style style:name=\"ta2\" style:family=\"table\"><style:table-properties table:display=\"false\"/>"
    "</style:style><style:style style:name=\"ce1\" style:family=\"table-cell\"/>";

}  // namespace

TEST_SUITE("readers/ods") {
  TEST_CASE("cells: numbers with their text, currency, percentage, date, boolean, rich text") {
    const std::string row =
        "<table:table-row>" + ods_float("1234567.89", "1 234 567,89 €") +
        "<table:table-cell office:value-type=\"currency\" office:currency=\"EUR\" office:value=\"25.5\">"
        "<text:p>25,50 €</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"percentage\" office:value=\"0.05\"><text:p>5 %</text:p>"
        "</table:table-cell>"
        "<table:table-cell office:value-type=\"date\" "
        "office:date-value=\"2027-03-01T00:00:00\"><text:p>01/03/27"
        "</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"><text:p>VRAI</text:p>"
        "</table:table-cell>"
        "<table:table-cell office:value-type=\"string\"><text:p>Nettoyage<text:s text:c=\"2\"/>des "
        "<text:span text:style-name=\"T1\">locaux</text:span><text:tab/>(2 sites)</text:p><text:p>ligne "
        "2<text:line-break/>"
        "ligne 3</text:p><office:annotation><text:p>un "
        "commentaire</text:p></office:annotation></table:table-cell>"
        "<table:table-cell table:formula=\"of:=1+1\" office:value-type=\"float\" "
        "office:value=\"2\"><text:p>2</text:p>"
        "</table:table-cell>"
        "<table:table-cell office:value-type=\"time\" "
        "office:time-value=\"PT12H00M00S\"><text:p>12:00</text:p>"
        "</table:table-cell>"
        "</table:table-row>";
    const auto r = read_records(
        make_ods(table("Feuille1", "<table:table-row>" + ods_text("x") + "</table:table-row>" + row)),
        "t.ods", "Feuille1");
    INFO(r.messages());
    REQUIRE(r.records.size() == 2);
    const auto& c = r.records[1];
    CHECK(c.line == 2);
    CHECK(at(c, 0).type == Cell::Type::number);
    CHECK(at(c, 0).number == doctest::Approx(1234567.89));
    CHECK(at(c, 0).text == "1 234 567,89 €");
    CHECK(clausier::readers::parse_amount(at(c, 0)).value() == 123456789);
    CHECK(at(c, 1).number == doctest::Approx(25.5));
    CHECK(at(c, 2).is_percent);
    CHECK(at(c, 2).number == doctest::Approx(0.05));
    CHECK(at(c, 3).is_date);
    CHECK(clausier::readers::parse_date(at(c, 3)).value() == *Date::from_ymd(2027, 3, 1));
    CHECK(at(c, 4).type == Cell::Type::boolean);
    CHECK(at(c, 4).number == 1);
    CHECK(at(c, 5).text == "Nettoyage  des locaux\t(2 sites)\nligne 2\nligne 3");
    CHECK(at(c, 6).number == 2);
    CHECK(at(c, 7).text == "12:00");
    CHECK(r.diags.all().empty());
  }

  TEST_CASE("repetitions: empty runs cost nothing, non-empty ones are expanded") {
    const std::string rows = "<table:table-row>" + ods_text("a") +
                             "<table:table-cell table:number-columns-repeated=\"3\"/>" +
                             ods_text("b", " table:number-columns-repeated=\"2\"") +
                             "<table:table-cell table:number-columns-repeated=\"16378\"/></table:table-row>"
                             "<table:table-row table:number-rows-repeated=\"2\">" +
                             ods_text("même") +
                             "</table:table-row>"
                             "<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell "
                             "table:number-columns-repeated=\"16384\"/></table:table-row>";
    const auto start = std::chrono::steady_clock::now();
    const auto r = read_records(make_ods(table("Feuille1", rows)), "t.ods", "Feuille1");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500));
    INFO(r.messages());
    REQUIRE(r.records.size() == 3);
    CHECK(r.records[0].cells.size() == 6);  // trailing empty cells are not kept
    CHECK(at(r.records[0], 4).text == "b");
    CHECK(at(r.records[0], 5).text == "b");
    CHECK(r.records[1].line == 2);
    CHECK(r.records[2].line == 3);
    CHECK(at(r.records[2], 0).text == "même");
  }

  TEST_CASE("the sheet: hidden sheets ignored, title rows skipped, rows in groups read") {
    const std::string notice =
        table("Notice", "<table:table-row>" + ods_text("Lisez-moi") + "</table:table-row>");
    const std::string hidden = table("Ancien", ods_header() + ods_lot("CACHÉ-1"), "ta2");
    const std::string programme =
        table("Programme", "<table:table-header-rows><table:table-row>" + ods_text("Programme 2027") +
                               "</table:table-row><table:table-row table:number-rows-repeated=\"2\">"
                               "<table:table-cell/></table:table-row>" +
                               ods_header() + "</table:table-header-rows><table:table-row-group>" +
                               ods_lot("L1") + ods_lot("L2") + "</table:table-row-group>");
    const std::string book = make_ods(notice + hidden + programme, hidden_style);
    const auto r = read_lots(book, "p.ods");
    INFO(r.messages());
    CHECK(r.sheet == "Programme");
    CHECK(r.header_row == 4);
    REQUIRE(r.lots.size() == 2);
    CHECK(r.lots[0].source.str() == "p.ods!Programme:5");
    CHECK(r.lots[0].date_lancement == *Date::from_ymd(2027, 3, 1));
    CHECK(r.diags.all().empty());

    const auto named = read_lots(book, "p.ods", "ancien");
    REQUIRE(named.lots.size() == 1);
    CHECK(named.lots[0].reference == "CACHÉ-1");

    const auto none = read_lots(make_ods(notice + hidden, hidden_style), "p.ods");
    CHECK_FALSE(none.opened);
    CHECK(plain(none.messages()).find("« Ancien » (masquée, ignorée)") != std::string::npos);
  }

  TEST_CASE("merged cells: a span down several rows fills them — covered cells are empty") {
    const std::string consultation_header =
        "<table:table-row>" + ods_text("Référence") + ods_text("Objet") + ods_text("Nature") +
        ods_text("Code CPV") + ods_text("Montant estimé HT") + ods_text("Date prévisionnelle de lancement") +
        ods_text("Consultation") + "</table:table-row>";
    const std::string first =
        "<table:table-row>" + ods_text("L1") + ods_text("Voirie") +
        ods_text("travaux", " table:number-rows-spanned=\"3\"") + ods_float("45233140") + ods_float("1000") +
        "<table:table-cell office:value-type=\"date\" office:date-value=\"2027-03-01\" "
        "table:number-rows-spanned=\"3\"><text:p>01/03/2027</text:p></table:table-cell>" +
        ods_text("C1", " table:number-rows-spanned=\"3\" table:number-columns-spanned=\"2\"") +
        "<table:covered-table-cell/></table:table-row>";
    const std::string next =
        "<table:table-row>" + ods_text("L2") + ods_text("Voirie 2") + "<table:covered-table-cell/>" +
        ods_float("45233140") + ods_float("2000") +
        "<table:covered-table-cell table:number-columns-repeated=\"3\"/></table:table-row>";
    const std::string covered_only =
        "<table:table-row><table:table-cell table:number-columns-repeated=\"2\"/>"
        "<table:covered-table-cell/></table:table-row>";
    const auto r =
        read_lots(make_ods(table("Programme", consultation_header + first + next + covered_only)), "p.ods");
    INFO(r.messages());
    REQUIRE(r.lots.size() == 2);
    CHECK(r.lots[1].nature == clausier::Nature::travaux);
    CHECK(r.lots[1].date_lancement == *Date::from_ymd(2027, 3, 1));
    CHECK(r.lots[1].consultation == "C1");
  }

  TEST_CASE("the content decides: an ods named .xlsx is read as ods") {
    const auto r = read_lots(make_ods(table("Programme", ods_header() + ods_lot("L1"))), "mal-nommé.xlsx");
    INFO(r.messages());
    REQUIRE(r.lots.size() == 1);
    CHECK(r.lots[0].source.str() == "mal-nommé.xlsx!Programme:2");
  }

  TEST_CASE("an OpenDocument file that is not a spreadsheet") {
    const auto r = read_lots(make_ods("", "", "application/vnd.oasis.opendocument.text"), "lettre.ods");
    CHECK_FALSE(r.opened);
    CHECK(plain(r.messages()) ==
          "lettre.ods : erreur : ce fichier est un document OpenDocument de type « text », pas un classeur : "
          "donnez le programme enregistré par votre tableur (.ods, .xlsx ou .csv)\n");
  }

  TEST_CASE("caps: cells made by repetition") {
    SpreadsheetLimits limits;
    limits.max_repeated_cells = 100;
    const std::string rows = ods_header() + "<table:table-row table:number-rows-repeated=\"1000\">" +
                             ods_text("x") + "</table:table-row>";
    const auto r = read_records(make_ods(table("Programme", rows)), "t.ods", "", limits);
    CHECK(r.records.size() == 102);  // the header, the row and its first 100 copies
    CHECK(plain(r.messages()).find("le classeur répète des cellules plus de 100 fois : il n'est pas lu") !=
          std::string::npos);
  }

  TEST_CASE("a cell reads the same whether written plainly, spread over lines or with other prefixes") {
    // The plain form is read whole from the bytes ahead; the others tag by
    // tag: the records must not tell them apart.
    const auto content = [](const std::string& o, const std::string& t, const std::string& x,
                            const std::string& gap) {
      const auto cell = [&](const std::string& attrs, const std::string& text) {
        return "<" + t + ":table-cell" + attrs + ">" + gap + "<" + x + ":p>" + text + "</" + x + ":p>" + gap +
               "</" + t + ":table-cell>" + gap;
      };
      const std::string header = "<" + t + ":table-row>" + gap + cell("", "Référence") + cell("", "Objet") +
                                 cell("", "Nature") + cell("", "Code CPV") + cell("", "Montant") +
                                 cell("", "Date de lancement") + "</" + t + ":table-row>" + gap;
      const std::string row =
          "<" + t + ":table-row " + t + ":number-rows-repeated=\"2\">" + gap +
          cell(" " + o + ":value-type=\"string\"", "L1 &amp; co") +
          cell(" " + o + ":value-type=\"string\" calcext:value-type=\"string\"", "Voirie") +
          cell("", "travaux") +
          cell(" " + o + ":value-type=\"float\" " + o + ":value=\"45233140\"", "45233140") +
          cell(" " + t + ":style-name=\"ce2\" " + o + ":value-type=\"currency\" " + o + ":currency=\"EUR\" " +
                   o + ":value=\"1000.5\"",
               "1 000,50 €") +
          cell(" " + o + ":value-type=\"date\" " + o + ":date-value=\"2027-03-01\"", "01/03/2027") + "<" + t +
          ":table-cell " + t + ":number-columns-repeated=\"1000\"/>" + gap + "</" + t + ":table-row>" + gap;
      const std::string xml =
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + o + ":document-content xmlns:" + o +
          "=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:" + t +
          "=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:" + x +
          "=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
          "xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\"><" +
          o + ":body><" + o + ":spreadsheet><" + t + ":table " + t + ":name=\"Programme\">" + gap + header +
          row + "</" + t + ":table></" + o + ":spreadsheet></" + o + ":body></" + o + ":document-content>";
      return clausier::testing::make_zip(
          {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", xml}});
    };
    const auto cells = [](const std::string& bytes) {
      const auto r = read_records(bytes, "p.ods");
      std::string out;
      for (const auto& record : r.records) {
        out += std::to_string(record.line) + ":";
        for (const auto& c : record.cells) {
          out += "[" + std::to_string(static_cast<int>(c.type)) + "|" + c.text + "|" +
                 std::to_string(c.number) + (c.is_date ? "|d" : "") + "]";
        }
        out += "\n";
      }
      return out + r.messages();
    };
    const std::string plain_form = cells(content("office", "table", "text", ""));
    CHECK(plain_form.find("[1|L1 & co|0.000000]") != std::string::npos);
    CHECK(plain_form.find("[2|1 000,50 €|1000.500000]") != std::string::npos);
    CHECK(plain_form.find("3:") != std::string::npos);  // the repeated row
    CHECK(cells(content("office", "table", "text", "\n  ")) == plain_form);
    CHECK(cells(content("o", "t", "x", "")) == plain_form);
  }
}
