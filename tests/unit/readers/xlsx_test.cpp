#include <doctest/doctest.h>

#include "csv_test_support.hpp"
#include "readers/spreadsheet.hpp"
#include "readers/values.hpp"
#include "readers/xlsx_book.hpp"
#include "workbook_test_support.hpp"

namespace {

using clausier::Date;
using clausier::Severity;
using clausier::readers::Cell;
using clausier::readers::SpreadsheetLimits;
using clausier::readers::sheet::number_format_kind;
using clausier::readers::sheet::NumberKind;
using clausier::testing::header_row;
using clausier::testing::is;
using clausier::testing::lot_row;
using clausier::testing::make_xlsx;
using clausier::testing::num;
using clausier::testing::plain;
using clausier::testing::read_lots;
using clausier::testing::read_records;

const Cell& at(const clausier::readers::Record& r, std::size_t column) {
  static const Cell empty;
  return column < r.cells.size() ? r.cells[column] : empty;
}

}  // namespace

TEST_SUITE("readers/xlsx") {
  TEST_CASE("cell references and ranges") {
    using namespace clausier::readers::sheet;
    CHECK(column_letters(0) == "A");
    CHECK(column_letters(25) == "Z");
    CHECK(column_letters(26) == "AA");
    CHECK(column_letters(1023) == "AMJ");
    CHECK(column_letters(16383) == "XFD");
    std::uint32_t row = 0;
    std::uint32_t column = 0;
    CHECK(parse_cell_ref("D12", row, column));
    CHECK(row == 12);
    CHECK(column == 3);
    CHECK(parse_cell_ref("$xfd$1048576", row, column));
    CHECK(column == 16383);
    CHECK(row == 1048576);
    CHECK_FALSE(parse_cell_ref("D", row, column));
    CHECK_FALSE(parse_cell_ref("12", row, column));
    CHECK_FALSE(parse_cell_ref("D0", row, column));
    CHECK_FALSE(parse_cell_ref("ABCD1", row, column));
    CHECK_FALSE(parse_cell_ref("D1x", row, column));
    Merge m;
    CHECK(parse_range("B5:A2", m));
    CHECK(m.first_row == 2);
    CHECK(m.last_row == 5);
    CHECK(m.first_column == 0);
    CHECK(m.last_column == 1);
    CHECK_FALSE(parse_range("A2:", m));
  }

  TEST_CASE("number formats: which numbers are dates or percentages") {
    CHECK(number_format_kind(0, "") == NumberKind::plain);
    CHECK(number_format_kind(9, "") == NumberKind::percent);
    CHECK(number_format_kind(10, "") == NumberKind::percent);
    for (int id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47})
      CHECK(number_format_kind(id, "") == NumberKind::date);
    CHECK(number_format_kind(4, "") == NumberKind::plain);
    CHECK(number_format_kind(164, "dd/mm/yyyy") == NumberKind::date);
    CHECK(number_format_kind(164, "[$-40C]d mmmm yyyy") == NumberKind::date);
    CHECK(number_format_kind(164, "mm/dd/yy") == NumberKind::date);
    CHECK(number_format_kind(164, "[h]:mm") == NumberKind::date);
    CHECK(number_format_kind(164, "0.0%") == NumberKind::percent);
    CHECK(number_format_kind(164, "#,##0.00\\ [$€-40C]") == NumberKind::plain);
    CHECK(number_format_kind(164, "#,##0.00_);\\(#,##0.00\\)") == NumberKind::plain);
    CHECK(number_format_kind(164, "0\" jours\"") == NumberKind::plain);
    CHECK(number_format_kind(164, "[Red]0.00;[Blue]-0.00") == NumberKind::plain);
    CHECK(number_format_kind(164, "General") == NumberKind::plain);
    CHECK(number_format_kind(164, "Standard") == NumberKind::plain);
    CHECK(number_format_kind(164, "0\\ \\m\\o\\i\\s") == NumberKind::plain);
    CHECK(number_format_kind(164, "\"%\"0") == NumberKind::plain);
  }

  TEST_CASE("cells: shared, inline and rich strings, numbers, booleans, errors, formulas, sparse cells") {
    const std::string rows =
        "<row r=\"1\">" + is("A1", "x") +
        "</row>"
        "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c>"
        "<c r=\"C2\" t=\"inlineStr\"><is><r><t>Voi</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">rie "
        "</t></r>"
        "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></is></c>"
        "<c r=\"D2\"><v>9310000</v></c><c r=\"E2\" t=\"b\"><v>1</v></c><c r=\"F2\" t=\"e\"><v>#N/A</v></c>"
        "<c r=\"G2\" t=\"str\"><f>LOWER(\"X\")</f><v>x</v></c><c r=\"H2\"><f>1+1</f><v>2</v></c>"
        "<c r=\"K2\" s=\"3\"><v>1234567.89</v></c><c r=\"L2\" s=\"0\"/>"
        "<c t=\"inlineStr\"><is><t>after L</t></is></c></row>"
        "<row r=\"3\"></row><row r=\"4\"><c r=\"B4\" s=\"0\"/></row>"
        "<row r=\"7\"><c r=\"C7\"><v>-1.5E3</v></c></row>";
    const auto r =
        read_records(make_xlsx({{"Feuil1", rows}}, {"<t>Référence</t>", "<r><t>a</t></r><r><t>b</t></r>"}),
                     "t.xlsx", "Feuil1");
    INFO(r.messages());
    REQUIRE(r.opened);
    REQUIRE(r.records.size() == 3);  // rows 1, 2 and 7: empty rows are skipped
    const auto& row2 = r.records[1];
    CHECK(row2.line == 2);
    CHECK(at(row2, 0).type == Cell::Type::text);
    CHECK(at(row2, 0).text == "Référence");
    CHECK(at(row2, 1).text == "ab");
    CHECK(at(row2, 2).text == "Voirie ");
    CHECK(at(row2, 3).type == Cell::Type::number);
    CHECK(at(row2, 3).number == 9310000);
    CHECK(at(row2, 3).text.empty());
    CHECK(at(row2, 4).type == Cell::Type::boolean);
    CHECK(at(row2, 4).number == 1);
    CHECK(at(row2, 5).text == "#N/A");
    CHECK(at(row2, 6).text == "x");
    CHECK(at(row2, 7).number == 2);
    CHECK(at(row2, 8).type == Cell::Type::empty);  // I2, J2: absent
    CHECK(at(row2, 10).number == doctest::Approx(1234567.89));
    CHECK_FALSE(at(row2, 10).is_date);
    CHECK(at(row2, 11).type == Cell::Type::empty);
    CHECK(at(row2, 12).text == "after L");  // no reference: the next column
    CHECK(r.records[2].line == 7);
    CHECK(at(r.records[2], 2).number == -1500);
    CHECK(r.diags.all().empty());
  }

  TEST_CASE("dates: 1900 system with its 1900-02-29, 1904 system, ISO dates, percentages") {
    const std::string rows = "<row r=\"1\">" + is("A1", "x") + "</row><row r=\"2\">" + num("A2", "46447", 1) +
                             num("B2", "46447.75", 4) + num("C2", "59", 1) + num("D2", "61", 1) +
                             num("E2", "0.05", 2) + num("F2", "0.5", 5) + num("G2", "46447") +
                             "<c r=\"H2\" t=\"d\"><v>2027-03-01T12:00:00</v></c></row>";
    const auto r1900 = read_records(make_xlsx({{"Feuil1", rows}}), "t.xlsx", "Feuil1");
    REQUIRE(r1900.records.size() == 2);
    const auto& c = r1900.records[1].cells;
    CHECK(c[0].is_date);
    CHECK(clausier::readers::parse_date(c[0]).value() == *Date::from_ymd(2027, 3, 1));
    CHECK(c[1].is_date);
    CHECK(clausier::readers::parse_date(c[1]).value() == *Date::from_ymd(2027, 3, 1));
    CHECK(c[2].number == 60);  // 1900-02-28, one day after Excel's serial 59 counted from 1899-12-30
    CHECK(c[3].number == 61);  // 1900-03-01: after the day that never was, serials are right
    CHECK(c[4].is_percent);
    CHECK(clausier::readers::parse_ratio(c[4]).value() == doctest::Approx(0.05));
    CHECK(c[5].is_percent);
    CHECK_FALSE(c[6].is_date);
    CHECK(c[7].is_date);
    CHECK(c[7].number == doctest::Approx(46447.5));

    const std::string rows1904 = "<row r=\"1\">" + is("A1", "x") + "</row><row r=\"2\">" +
                                 num("A2", "44985", 1) + num("B2", "44985") + "</row>";
    const auto r1904 = read_records(make_xlsx({{"Feuil1", rows1904}}, {}, true), "t.xlsx", "Feuil1");
    REQUIRE(r1904.records.size() == 2);
    CHECK(clausier::readers::parse_date(r1904.records[1].cells[0]).value() == *Date::from_ymd(2027, 3, 1));
    CHECK(r1904.records[1].cells[1].number == 44985);  // not a date: left as it is
  }

  TEST_CASE("CPV and département codes stored as numbers get their digits back") {
    const std::string rows =
        header_row() + "<row r=\"2\">" + is("A2", "L1") + is("B2", "Nettoyage") + is("C2", "services") +
        num("D2", "9310000") + num("E2", "1000") + num("F2", "46447", 1) + num("G2", "61") +
        "</row><row r=\"3\">" + is("A3", "L2") + is("B3", "Nettoyage") + is("C3", "services") +
        num("D3", "90919200") + num("E3", "1000") + num("F3", "46447", 1) + is("G3", "2A") +
        "</row><row r=\"4\">" + is("A4", "L3") + is("B4", "Nettoyage") + is("C4", "services") +
        num("D4", "90919200") + num("E4", "1000") + num("F4", "46447", 1) + num("G4", "1000") + "</row>";
    std::string with_lieu = rows;
    with_lieu.replace(with_lieu.find("</row>"), 6, is("G1", "Lieu d'exécution") + "</row>");
    const auto r = read_lots(make_xlsx({{"Programme", with_lieu}}), "p.xlsx");
    INFO(r.messages());
    REQUIRE(r.lots.size() == 3);
    CHECK(r.lots[0].cpv == "09310000");
    CHECK(r.lots[0].lieu == "61");
    CHECK(r.lots[1].lieu == "2A");
    CHECK(r.lots[2].lieu == "01");  // postal code 01000 that lost its zero
  }

  TEST_CASE("problems are located file!Sheet!D12") {
    const std::string rows = header_row(3) + "<row r=\"12\">" + is("A12", "L1") + is("B12", "Voirie") +
                             is("C12", "travaux") + is("D12", "4523") + num("E12", "1000") +
                             num("F12", "46447", 1) + "</row>";
    const auto r = read_lots(
        make_xlsx({{"Programme 2027", "<row r=\"1\">" + is("A1", "Titre") + "</row>" + rows}}), "prog.xlsx");
    REQUIRE(r.opened);
    CHECK(r.header_row == 3);
    REQUIRE(r.diags.all().size() == 1);
    const auto& d = r.diags.all()[0];
    CHECK(d.location.str() == "prog.xlsx!Programme 2027!D12");
    CHECK(d.location.sheet == "Programme 2027");
    CHECK(d.location.cell == "D12");
    CHECK(d.location.line == 12);
    CHECK(d.location.column == "Code CPV");
    CHECK(plain(d.message).starts_with("code CPV illisible « 4523 »"));
  }

  TEST_CASE("the sheet: the first visible one with the header — hidden ones only when named") {
    const std::string notice = "<row r=\"1\">" + is("A1", "Notice : Référence, Objet, Nature…") + "</row>";
    const std::string hidden = header_row() + lot_row(2, "CACHÉ-1");
    const std::string programme = "<row r=\"1\">" + is("A1", "Programme 2027") + "</row><row r=\"2\"/>" +
                                  header_row(3) + lot_row(4, "L1") + lot_row(5, "L2");
    const std::string book =
        make_xlsx({{"Notice", notice}, {"Ancien", hidden, true}, {"Programme 2027", programme}});
    const auto found = read_lots(book, "p.xlsx");
    INFO(found.messages());
    CHECK(found.sheet == "Programme 2027");
    CHECK(found.header_row == 3);
    REQUIRE(found.lots.size() == 2);
    CHECK(found.lots[0].source.str() == "p.xlsx!Programme 2027:4");

    const auto named_hidden = read_lots(book, "p.xlsx", "Ancien");
    REQUIRE(named_hidden.lots.size() == 1);
    CHECK(named_hidden.lots[0].reference == "CACHÉ-1");
    CHECK(read_lots(book, "p.xlsx", "programme 2027").sheet == "Programme 2027");  // case aside
    CHECK(read_lots(book, "p.xlsx", "3").sheet == "Programme 2027");               // by position

    const auto missing = read_lots(book, "p.xlsx", "Budget");
    CHECK_FALSE(missing.opened);
    REQUIRE(missing.diags.all().size() == 1);
    CHECK(
        plain(missing.diags.all()[0].message) ==
        "feuille « Budget » introuvable dans le classeur ; ses feuilles : « Notice », « Ancien » (masquée), "
        "« Programme 2027 »");
  }

  TEST_CASE("a workbook without the programme header: the sheets and what each lacks") {
    std::string partial = header_row();
    partial.replace(partial.find(is("D1", "Code CPV")), is("D1", "Code CPV").size(), is("D1", "Famille"));
    const std::string book = make_xlsx({{"Notice", "<row r=\"1\">" + is("A1", "Lisez-moi") + "</row>"},
                                        {"Vide", ""},
                                        {"Programme", partial + lot_row(2, "L1")},
                                        {"Archive", header_row(), true}});
    const auto r = read_lots(book, "p.xlsx");
    CHECK_FALSE(r.opened);
    REQUIRE(r.diags.all().size() == 1);
    CHECK(r.diags.all()[0].location.str() == "p.xlsx");
    CHECK(
        plain(r.diags.all()[0].message) ==
        "aucune feuille visible du classeur ne porte la ligne d'en-têtes du programme (il faut au moins les "
        "colonnes Référence, Objet, Nature, Code CPV, Montant estimé HT, Date prévisionnelle de lancement) ; "
        "feuilles lues : « Notice » (pas de ligne d'en-têtes dans ses 50 premières lignes), « Vide » (vide), "
        "« Programme » (ligne 1 : il manque « Code CPV »), « Archive » (masquée, ignorée) ; ajoutez les "
        "colonnes "
        "manquantes ou indiquez la feuille à lire (option --sheet)");

    // Named, the sheet is read as it is: the missing column is reported by the lot reader.
    const auto named = read_lots(book, "p.xlsx", "Programme");
    CHECK(named.opened);
    CHECK(named.lots.empty());
    CHECK(plain(named.messages()).find("colonne obligatoire « Code CPV » absente") != std::string::npos);
    const auto empty = read_lots(book, "p.xlsx", "Vide");
    CHECK_FALSE(empty.opened);
    CHECK(plain(empty.messages()).find("la feuille « Vide » est vide") != std::string::npos);
  }

  TEST_CASE("merged cells: a value merged down fills its rows — across columns it does not repeat") {
    const std::string rows = header_row() + "<row r=\"2\">" + is("A2", "L1") + is("B2", "Voirie lot 1") +
                             is("C2", "travaux") + num("D2", "45233140") + num("E2", "1000") +
                             num("F2", "46447", 1) + is("G2", "C1") + is("H2", "note") + "</row>" +
                             "<row r=\"3\">" + is("A3", "L2") + is("B3", "Voirie lot 2") +
                             "<c r=\"C3\" s=\"0\"/>" + num("D3", "45233140") + num("E3", "2000") + "</row>" +
                             "<row r=\"4\"><c r=\"C4\" s=\"0\"/></row>" + "<row r=\"5\">" + is("A5", "L3") +
                             is("B5", "Voirie lot 3") + num("D5", "45233140") + num("E5", "3000") + "</row>";
    std::string with_consultation = rows;
    with_consultation.replace(with_consultation.find("</row>"), 6, is("G1", "Consultation") + "</row>");
    const std::string merges =
        "<mergeCells count=\"4\"><mergeCell ref=\"C2:C5\"/><mergeCell ref=\"F2:F5\"/><mergeCell "
        "ref=\"G2:H5\"/>"
        "<mergeCell ref=\"A1:A1\"/></mergeCells>";
    const auto r = read_lots(make_xlsx({{"Programme", with_consultation, false, merges}}), "p.xlsx");
    INFO(r.messages());
    REQUIRE(r.lots.size() == 3);  // row 4, covered cells only, stays empty and skipped
    for (const auto& lot : r.lots) {
      CHECK(lot.nature == clausier::Nature::travaux);
      CHECK(lot.date_lancement == *Date::from_ymd(2027, 3, 1));
      CHECK(lot.consultation == "C1");
    }
    const auto records =
        read_records(make_xlsx({{"Programme", with_consultation, false, merges}}), "p.xlsx", "Programme");
    REQUIRE(records.records.size() == 4);
    CHECK(at(records.records[2], 7).type == Cell::Type::empty);  // H: across columns, not repeated
  }

  TEST_CASE("merged ranges are found by their element only: prefixes yes, text, comments and CDATA no") {
    const std::string rows =
        header_row() + lot_row(2, "L1") + "<row r=\"3\">" + is("A3", "L2") +
        "<c r=\"B3\" t=\"inlineStr\"><is><t><![CDATA[<mergeCell ref=\"E2:E3\"/>]]> &lt;mergeCell "
        "ref=\"E2:E3\"/&gt;</t></is></c>" +
        num("D3", "45233140") + "<!-- <mergeCell ref=\"E2:E3\"/> --></row>";
    const std::string after =
        "<x:mergeCells xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"2\">"
        "<x:mergeCell ref='C2:C3'/><x:mergeCell  ref = \"F2:F3\" /></x:mergeCells>";
    const auto r = read_lots(make_xlsx({{"Programme", rows, false, after}}), "p.xlsx");
    INFO(r.messages());
    REQUIRE(r.lots.size() == 1);
    CHECK(r.lots[0].reference == "L1");
    // L2 has its nature and date from the merges, but no amount: E2:E3 was not a merge.
    CHECK(plain(r.messages()).find("p.xlsx!Programme!E3 : erreur : valeur manquante") != std::string::npos);
    CHECK(plain(r.messages()).find("!C3") == std::string::npos);
    CHECK(plain(r.messages()).find("!F3") == std::string::npos);
  }

  TEST_CASE("a header merged down or across is not copied into the rows below") {
    const std::string rows = header_row() + "<row r=\"2\"/>" + lot_row(3, "L1");
    const auto r = read_lots(make_xlsx({{"Programme", rows, false,
                                         "<mergeCells><mergeCell ref=\"A1:A2\"/><mergeCell ref=\"B1:B3\"/>"
                                         "</mergeCells>"}}),
                             "p.xlsx");
    INFO(r.messages());
    REQUIRE(r.lots.size() == 1);
    CHECK(r.lots[0].objet == "Voirie");
  }

  TEST_CASE("a bad shared string index is reported at its cell") {
    const std::string rows = header_row() + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c>" +
                             is("B2", "Voirie") + is("C2", "travaux") + num("D2", "45233140") +
                             num("E2", "1000") + num("F2", "46447", 1) + "</row>";
    const auto r = read_lots(make_xlsx({{"Programme", rows}}, {"<t>seul</t>"}), "p.xlsx");
    CHECK(r.lots.empty());
    REQUIRE(r.diags.count(Severity::error) >= 1);
    CHECK(r.diags.all()[0].location.str() == "p.xlsx!Programme!A2");
    CHECK(plain(r.diags.all()[0].message)
              .starts_with("cellule illisible : elle renvoie au texte partagé n° 7"));
  }

  TEST_CASE("notes beside the table are noted once, not warned on each row") {
    std::string rows = header_row();
    for (int i = 2; i <= 5; ++i) {
      rows += lot_row(i, "L" + std::to_string(i));
      rows.insert(rows.size() - 6, is("J" + std::to_string(i), "à revoir"));
    }
    const auto r = read_lots(make_xlsx({{"Programme", rows}}), "p.xlsx");
    CHECK(r.lots.size() == 4);
    REQUIRE(r.diags.all().size() == 1);
    CHECK(r.diags.all()[0].severity == Severity::note);
    CHECK(r.diags.all()[0].location.str() == "p.xlsx!Programme!J2");
  }

  TEST_CASE("caps: cell text, columns, rows, shared strings, entries, part size, merged ranges") {
    SpreadsheetLimits limits;
    limits.max_cell_bytes = 8;
    auto r = read_records(make_xlsx({{"Feuil1", "<row r=\"1\">" + is("A1", "abcdéfghijkl") + "</row>"}}),
                          "t.xlsx", "Feuil1", limits);
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].cells[0].text == "abcdéfg");  // 8 bytes, é whole
    CHECK(plain(r.messages())
              .find("t.xlsx!Feuil1!A1 : avertissement : texte de plus de 1 Mo : seul le début est lu") !=
          std::string::npos);

    limits = {};
    limits.max_columns = 3;
    r = read_records(make_xlsx({{"Feuil1", "<row r=\"1\">" + is("A1", "a") + is("XFD1", "far") + "</row>"}}),
                     "t.xlsx", "Feuil1", limits);
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].cells.size() == 1);
    CHECK(plain(r.messages()).find("cellules au-delà de la colonne C : elles sont ignorées") !=
          std::string::npos);

    limits = {};
    limits.max_rows = 3;
    r = read_records(make_xlsx({{"Feuil1", "<row r=\"1\">" + is("A1", "a") + "</row><row r=\"4\">" +
                                               is("A4", "b") + "</row>"}}),
                     "t.xlsx", "Feuil1", limits);
    CHECK(r.records.size() == 1);
    CHECK(plain(r.messages()).find("ligne 4 au-delà de la limite de 3 lignes") != std::string::npos);

    limits = {};
    limits.max_shared_strings = 1;
    r = read_records(make_xlsx({{"Feuil1", header_row()}}, {"<t>a</t>", "<t>b</t>"}), "t.xlsx", "", limits);
    CHECK_FALSE(r.opened);
    CHECK(plain(r.messages()).find("classeur de plus de 1 textes différents") != std::string::npos);

    limits = {};
    limits.max_entries = 3;
    r = read_records(make_xlsx({{"Feuil1", header_row()}}), "t.xlsx", "", limits);
    CHECK_FALSE(r.opened);
    CHECK(plain(r.messages()).find("archive de 10 éléments (au plus 3)") != std::string::npos);

    limits = {};
    limits.max_entry_bytes = 100;
    r = read_records(make_xlsx({{"Feuil1", header_row()}}), "t.xlsx", "", limits);
    CHECK_FALSE(r.opened);
    CHECK(plain(r.messages()).find("une fois décompressé (au plus 1 Mo)") != std::string::npos);

    limits = {};
    limits.max_total_bytes = 1000;
    r = read_records(make_xlsx({{"Feuil1", header_row() + lot_row(2, "L1") + lot_row(3, "L2")}}), "t.xlsx",
                     "", limits);
    CHECK(plain(r.messages()).find("le classeur décompressé dépasse") != std::string::npos);

    limits = {};
    limits.max_merged_ranges = 1;
    r = read_records(
        make_xlsx({{"Feuil1", header_row() + lot_row(2, "L1"), false,
                    "<mergeCells><mergeCell ref=\"A3:A4\"/><mergeCell ref=\"B3:B4\"/></mergeCells>"}}),
        "t.xlsx", "", limits);
    CHECK(r.opened);
    CHECK(plain(r.messages()).find("plus de 1 plages de cellules fusionnées") != std::string::npos);
  }

  TEST_CASE("cells off the common shape read as the common ones: quotes, spaces, prefixes, formulas") {
    // Column A holds cells of the shape most writers write; B the same values written otherwise.
    const std::string rows =
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
        "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>46447</v></c><c r='B2' s='1'><v>46447</v></c></row>"
        "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r = \"B3\" t = \"s\" ><v> 0 </v></c></row>"
        "<row r=\"4\"><c r=\"A4\"><v>1.5</v></c>\n  <c r=\"B4\"><f>1+0.5</f><v>1.5</v></c></row>"
        "<row r=\"5\"><c r=\"A5\" t=\"b\"><v>1</v></c><c r=\"B5\" t=\"b\"><!-- v --><v>1</v></c></row>"
        "<row r=\"6\"><c r=\"A6\" t=\"str\"><v>a &amp; b</v></c><c r=\"B6\" t=\"str\"><v>a &amp; "
        "b</v></c></row>";
    const auto r = read_records(make_xlsx({{"Feuil1", rows}}, {"<t>Référence</t>"}), "t.xlsx", "Feuil1");
    INFO(r.messages());
    REQUIRE(r.records.size() == 6);
    for (std::size_t i = 1; i < 6; ++i) {
      INFO("row " << r.records[i].line);
      const Cell& a = at(r.records[i], 0);
      const Cell& b = at(r.records[i], 1);
      CHECK(a.type != Cell::Type::empty);
      CHECK(a.type == b.type);
      CHECK(a.text == b.text);
      CHECK(a.number == b.number);
      CHECK(a.is_date == b.is_date);
    }
    CHECK(at(r.records[1], 0).is_date);
    CHECK(at(r.records[2], 0).text == "Référence");
    CHECK(at(r.records[5], 0).text == "a & b");

    const std::string prefixed =
        std::string("<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"") + clausier::testing::main_ns +
        "\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>x</x:t></x:is></x:c>"
        "<x:c r=\"B1\"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>";
    auto entries = clausier::testing::xlsx_entries({{"Feuil1", ""}});
    for (auto& [name, data] : entries) {
      if (name == "xl/worksheets/sheet1.xml") data = prefixed;
    }
    const auto p = read_records(clausier::testing::make_zip(entries), "t.xlsx", "Feuil1");
    INFO(p.messages());
    REQUIRE(p.records.size() == 1);
    CHECK(at(p.records[0], 0).text == "x");
    CHECK(at(p.records[0], 1).number == 2);
  }

  TEST_CASE("inline strings: entities and character references decoded, line ends made \\n") {
    const std::string rows = "<row r=\"1\">" + is("A1", "Voirie &amp; r&#233;seaux &#x2013; &lt;lot&gt;") +
                             is("B1", "&quot;été&quot;") +
                             "<c r=\"C1\" t=\"inlineStr\"><is><t>deux\r\nlignes</t></is></c></row>";
    const auto r = read_records(make_xlsx({{"Feuil1", rows}}), "t.xlsx", "Feuil1");
    INFO(r.messages());
    REQUIRE(r.records.size() == 1);
    CHECK(at(r.records[0], 0).text == "Voirie & réseaux – <lot>");
    CHECK(at(r.records[0], 1).text == "\"été\"");
    CHECK(at(r.records[0], 2).text == "deux\nlignes");
  }

  TEST_CASE("cells out of order, and cells and rows without r=") {
    const std::string rows =
        "<row r=\"1\"><c r=\"C1\"><v>3</v></c><c r=\"A1\"><v>1</v></c><c><v>2</v></c></row>"
        "<row><c><v>4</v></c><c t=\"inlineStr\"><is><t>5</t></is></c></row>"
        "<row r=\"7\"><c r=\"zz\"><v>6</v></c></row>";
    const auto r = read_records(make_xlsx({{"Feuil1", rows}}), "t.xlsx", "Feuil1");
    INFO(r.messages());
    REQUIRE(r.records.size() == 3);
    CHECK(at(r.records[0], 0).number == 1);
    CHECK(at(r.records[0], 1).number == 2);  // after A1: the next column
    CHECK(at(r.records[0], 2).number == 3);
    CHECK(r.records[1].line == 2);  // after row 1
    CHECK(at(r.records[1], 0).number == 4);
    CHECK(at(r.records[1], 1).text == "5");
    CHECK(r.records[2].line == 7);
    CHECK(at(r.records[2], 0).number == 6);  // a reference that is none: the next column
  }

  TEST_CASE("a huge cell is cut at the cap with a warning, and the rows after it are read") {
    const std::string big(3'000'000, 'x');
    const std::string rows = header_row() + "<row r=\"2\">" + is("A2", "L1") + is("B2", big) +
                             is("C2", "travaux") + num("D2", "45233140") + num("E2", "1000") +
                             num("F2", "46447", 1) + "</row>" + lot_row(3, "L2");
    const auto r = read_lots(make_xlsx({{"Programme", rows}}), "p.xlsx");
    REQUIRE(r.lots.size() == 2);
    CHECK(r.lots[0].objet.size() == 1U << 20);
    CHECK(r.lots[1].reference == "L2");
    CHECK(plain(r.messages()).find("p.xlsx!Programme!B2 : avertissement : texte de plus de 1 Mo") !=
          std::string::npos);
  }

  TEST_CASE("a damaged sheet: the rows before the damage are read, the damage is said with its line") {
    const std::string lines = header_row() + "\n" + lot_row(2, "L1") + "\n" + lot_row(3, "L2");
    const auto check = [&](const std::string& damage, const std::string& line) {
      INFO(damage);
      const auto r =
          read_lots(make_xlsx({{"Programme", lines + "\n" + damage + lot_row(5, "L5")}}), "p.xlsx");
      CHECK(r.lots.size() == 2);
      CHECK(plain(r.messages())
                .find("p.xlsx!Programme : erreur : le contenu XML de « xl/worksheets/sheet1.xml » est "
                      "endommagé (ligne " +
                      line + ") : le fichier est tronqué ou n'a pas été écrit par un tableur") !=
            std::string::npos);
    };
    check("<row r=\"4\"><c r=\"A4\"><v>1</v></row>", "4");  // a cell not closed
    check("<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>&eacute;</t></is></c></row>", "4");  // an entity
    check("<row r=\"4\"><c r=\"A4\"><v>1</v></c><row>", "4");                // a row in a row, never closed
    check("<row r=\"4\"><c r=A4><v>1</v></c></row>", "4");                   // an attribute without quotes
    check("<row r=\"4\"><c r=\"A4\" t=\"str\"><v>\xFF</v></c></row>", "4");  // not UTF-8
  }

  TEST_CASE("a workbook can be read twice, from a file or from memory") {
    const std::string book = make_xlsx({{"Programme", header_row() + lot_row(2, "L1") + lot_row(3, "L2")}});
    clausier::DiagnosticList diags;
    const auto programme = clausier::readers::programme_from_memory(book, "upload.xlsx", diags);
    REQUIRE(programme);
    for (int pass = 0; pass < 2; ++pass) {
      auto reader = programme->open(diags);
      REQUIRE(reader);
      clausier::readers::RecordKeys keys;
      int n = 0;
      while (reader->next_keys(keys)) ++n;
      CHECK(n == 2);
    }
    CHECK(diags.all().empty());
    // Without an extension, the content says it is a workbook.
    CHECK(clausier::readers::programme_from_memory(book, "(entrée standard)", diags));
  }

  TEST_CASE("a sheet option given for a CSV file is ignored with a warning") {
    clausier::readers::ProgrammeOptions options;
    options.sheet = "Programme";
    clausier::DiagnosticList diags;
    CHECK(clausier::readers::programme_from_memory("Référence;Objet\n", "p.csv", diags, options));
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].severity == Severity::warning);
    CHECK(plain(diags.all()[0].message) ==
          "le choix de la feuille « Programme » ne vaut que pour un classeur (xlsx, ods) : il est ignoré "
          "pour ce "
          "fichier texte");
  }
}
