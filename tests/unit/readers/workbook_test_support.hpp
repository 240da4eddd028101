#pragma once
// Helpers for the workbook reader tests: build xlsx and ods files in memory
// (Poco::Zip writes the archive) and read them back through the readers API.

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.hpp"
#include "readers/lot_reader.hpp"
#include "readers/programme.hpp"
#include "readers/sheet_source.hpp"

namespace clausier::testing {

using ZipEntries = std::vector<std::pair<std::string, std::string>>;

inline std::string make_zip(const ZipEntries& entries) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, data] : entries) {
    std::istringstream in(data);
    zip.addFile(in, Poco::DateTime(2026, 11, 2), Poco::Path(name, Poco::Path::PATH_UNIX));
  }
  zip.close();
  return out.str();
}

inline const char* const main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

struct TestSheet {
  TestSheet(std::string name_, std::string rows_, bool hidden_ = false, std::string after_ = {})
      : name(std::move(name_)), rows(std::move(rows_)), hidden(hidden_), after(std::move(after_)) {}
  std::string name;
  std::string rows;  // the content of <sheetData>
  bool hidden = false;
  std::string after;  // after </sheetData>: <mergeCells>…
};

// Cell formats of make_xlsx: s="0" plain, "1" date (dd/mm/yyyy), "2" percent
// (0%), "3" amount with a currency, "4" built-in date 14, "5" built-in percent 10.
inline std::string test_styles() {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"") + main_ns +
         "\"><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
         "<numFmt numFmtId=\"165\" formatCode=\"#,##0.00\\ [$€-40C]\"/></numFmts>"
         "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs>"
         "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"9\"/>"
         "<xf numFmtId=\"165\"/><xf numFmtId=\"14\"/><xf numFmtId=\"10\"/></cellXfs></styleSheet>";
}

inline ZipEntries xlsx_entries(const std::vector<TestSheet>& sheets,
                               const std::vector<std::string>& shared = {}, bool date1904 = false) {
  const std::string rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const std::string pkg_ns = "http://schemas.openxmlformats.org/package/2006/relationships";
  std::string workbook = std::string("<?xml version=\"1.0\"?><workbook xmlns=\"") + main_ns +
                         "\" xmlns:r=\"" + rel_ns + "\">" + (date1904 ? "<workbookPr date1904=\"1\"/>" : "") +
                         "<sheets>";
  std::string rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"" + pkg_ns + "\">";
  ZipEntries entries;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    workbook += "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"" +
                (sheets[i].hidden ? " state=\"hidden\"" : "") + "/>";
    rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + rel_ns + "/worksheet\" Target=\"worksheets/sheet" +
            n + ".xml\"/>";
    entries.emplace_back("xl/worksheets/sheet" + n + ".xml",
                         std::string("<?xml version=\"1.0\"?><worksheet xmlns=\"") + main_ns +
                             "\"><sheetData>" + sheets[i].rows + "</sheetData>" + sheets[i].after +
                             "</worksheet>");
  }
  workbook += "</sheets></workbook>";
  rels += "<Relationship Id=\"rS\" Type=\"" + rel_ns + "/styles\" Target=\"styles.xml\"/>";
  rels += "<Relationship Id=\"rT\" Type=\"" + rel_ns + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
  rels += "</Relationships>";
  std::string sst = std::string("<?xml version=\"1.0\"?><sst xmlns=\"") + main_ns + "\">";
  for (const std::string& s : shared) sst += "<si>" + s + "</si>";
  sst += "</sst>";
  entries.emplace_back("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>");
  entries.emplace_back("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"" + pkg_ns +
                                          "\"><Relationship Id=\"rId1\" Type=\"" + rel_ns +
                                          "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
  entries.emplace_back("xl/workbook.xml", workbook);
  entries.emplace_back("xl/_rels/workbook.xml.rels", rels);
  entries.emplace_back("xl/styles.xml", test_styles());
  entries.emplace_back("xl/sharedStrings.xml", sst);
  return entries;
}

inline std::string make_xlsx(const std::vector<TestSheet>& sheets,
                             const std::vector<std::string>& shared = {}, bool date1904 = false) {
  return make_zip(xlsx_entries(sheets, shared, date1904));
}

// An inline string cell.
inline std::string is(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}
// A number cell, with an optional style.
inline std::string num(const std::string& ref, const std::string& value, int style = -1) {
  return "<c r=\"" + ref + "\"" + (style >= 0 ? " s=\"" + std::to_string(style) + "\"" : "") + "><v>" +
         value + "</v></c>";
}

// The required header in row `row`, columns A..F.
inline std::string header_row(int row = 1) {
  const std::string r = std::to_string(row);
  return "<row r=\"" + r + "\">" + is("A" + r, "Référence") + is("B" + r, "Objet") + is("C" + r, "Nature") +
         is("D" + r, "Code CPV") + is("E" + r, "Montant estimé HT") +
         is("F" + r, "Date prévisionnelle de lancement") + "</row>";
}

// A valid lot row in row `row` (columns A..F).
inline std::string lot_row(int row, const std::string& reference) {
  const std::string r = std::to_string(row);
  return "<row r=\"" + r + "\">" + is("A" + r, reference) + is("B" + r, "Voirie") + is("C" + r, "travaux") +
         num("D" + r, "45233140") + num("E" + r, "1000") + num("F" + r, "46447", 1) + "</row>";
}

inline const char* const ods_namespaces =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"";

inline std::string make_ods(const std::string& tables, const std::string& automatic_styles = "",
                            const std::string& mimetype = "application/vnd.oasis.opendocument.spreadsheet") {
  const std::string content =
      std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content ") + ods_namespaces +
      " office:version=\"1.3\"><office:automatic-styles>" + automatic_styles +
      "</office:automatic-styles><office:body><office:spreadsheet>" + tables +
      "</office:spreadsheet></office:body></office:document-content>";
  return make_zip({{"mimetype", mimetype}, {"content.xml", content}});
}

inline std::string ods_text(const std::string& text, const std::string& attrs = "") {
  return "<table:table-cell office:value-type=\"string\"" + attrs + "><text:p>" + text +
         "</text:p></table:table-cell>";
}
inline std::string ods_float(const std::string& value, const std::string& shown = "") {
  return "<table:table-cell office:value-type=\"float\" office:value=\"" + value + "\"><text:p>" +
         (shown.empty() ? value : shown) + "</text:p></table:table-cell>";
}
inline std::string ods_header() {
  return "<table:table-row>" + ods_text("Référence") + ods_text("Objet") + ods_text("Nature") +
         ods_text("Code CPV") + ods_text("Montant estimé HT") + ods_text("Date prévisionnelle de lancement") +
         "</table:table-row>";
}
inline std::string ods_lot(const std::string& reference) {
  return "<table:table-row>" + ods_text(reference) + ods_text("Voirie") + ods_text("travaux") +
         ods_float("45233140") + ods_float("1000") +
         "<table:table-cell office:value-type=\"date\" "
         "office:date-value=\"2027-03-01\"><text:p>01/03/2027</text:p>"
         "</table:table-cell></table:table-row>";
}

// What a workbook in memory gives: its records from the header row (as the
// source gives them) or its lots, and every diagnostic.
struct WorkbookRead {
  bool opened = false;
  std::string sheet;
  std::uint32_t header_row = 0;
  std::vector<readers::Record> records;
  std::vector<Lot> lots;
  DiagnosticList diags;

  [[nodiscard]] std::string messages() const {
    std::string out;
    for (const auto& d : diags.all()) out += format_diagnostic(d) + "\n";
    return out;
  }
};

inline WorkbookRead read_records(const std::string& bytes, const std::string& name,
                                 const std::string& sheet = "",
                                 const readers::SpreadsheetLimits& limits = {}) {
  WorkbookRead out;
  readers::sheet::Bytes b;
  b.content = std::make_shared<const std::string>(bytes);
  auto plan = readers::plan_spreadsheet(b, name, sheet, limits, out.diags);
  if (!plan) return out;
  out.opened = true;
  out.sheet = plan->sheet_name;
  out.header_row = plan->header_row;
  auto source = readers::open_spreadsheet(plan, out.diags);
  if (!source) return out;
  readers::Record record;
  while (source->next(record, out.diags)) out.records.push_back(record);
  return out;
}

inline WorkbookRead read_lots(const std::string& bytes, const std::string& name,
                              const std::string& sheet = "", const readers::SpreadsheetLimits& limits = {}) {
  WorkbookRead out;
  readers::ProgrammeOptions options;
  options.sheet = sheet;
  options.limits = limits;
  const auto programme = readers::programme_from_memory(bytes, name, out.diags, options);
  if (!programme) return out;
  out.opened = true;
  out.sheet = programme->sheet_name();
  out.header_row = programme->header_row();
  auto reader = programme->open(out.diags);
  if (!reader) return out;
  Lot lot;
  while (reader->next(lot)) out.lots.push_back(lot);
  return out;
}

}  // namespace clausier::testing
