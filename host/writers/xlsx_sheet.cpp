#include "writers/xlsx_sheet.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <system_error>

#include "base/xml_escape.hpp"
#include "writers/zip_writer.hpp"

namespace clausier::writers::xlsx {
namespace {

constexpr std::string_view xml_declaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Style indexes in cellXfs of styles.xml (see styles_xml()).
constexpr int style_header = 1;
int style_of(Format f) {
  switch (f) {
    case Format::text: return 0;
    case Format::integer: return 2;
    case Format::euros: return 3;
    case Format::date: return 4;
  }
  return 0;
}

std::string column_letters(std::size_t index) {
  std::string out;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), char('A' + (n - 1) % 26));
  return out;
}

std::string content_types_xml() {
  return std::string(xml_declaration) +
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" "
         "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/xl/workbook.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
         "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
         "<Override PartName=\"/xl/styles.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
         "</Types>";
}

std::string root_rels_xml() {
  return std::string(xml_declaration) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
         "Target=\"xl/workbook.xml\"/></Relationships>";
}

std::string workbook_rels_xml() {
  return std::string(xml_declaration) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
         "Target=\"worksheets/sheet1.xml\"/>"
         "<Relationship Id=\"rId2\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
         "Target=\"styles.xml\"/></Relationships>";
}

// The sheet, and the hidden name Excel gives to a sheet's autofilter range.
std::string workbook_xml(const std::string& sheet, const std::string& filter_range) {
  std::string quoted = "'";
  for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  quoted += "'";
  return std::string(xml_declaration) + "<workbook xmlns=\"" + std::string(main_ns) + "\" xmlns:r=\"" +
         std::string(rel_ns) + "\"><sheets><sheet name=\"" + escape_xml(sheet) +
         "\" sheetId=\"1\" r:id=\"rId1\"/></sheets><definedNames>"
         "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">" +
         escape_xml(quoted + "!" + filter_range) + "</definedName></definedNames></workbook>";
}

// Number formats: 164 euros without decimals (`1 234 567 €` in a French
// locale, whose thousands separator is a space), 165 day/month/year; 3 is the
// built-in `#,##0`.
std::string styles_xml() {
  return std::string(xml_declaration) + "<styleSheet xmlns=\"" + std::string(main_ns) +
         "\">"
         "<numFmts count=\"2\">"
         "<numFmt numFmtId=\"164\" formatCode=\"#,##0 &quot;€&quot;\"/>"
         "<numFmt numFmtId=\"165\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
         "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
         "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
         "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>"
         "<fill><patternFill patternType=\"gray125\"/></fill>"
         "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/>"
         "</patternFill></fill></fills>"
         "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
         "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
         "borderId=\"0\"/></cellStyleXfs>"
         "<cellXfs count=\"5\">"
         "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
         "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" "
         "applyFill=\"1\"/>"
         "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
         "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
         "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
         "</cellXfs>"
         "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
         "</styleSheet>";
}

std::string inline_string(std::string_view s) {
  const bool keep_spaces = !s.empty() && (s.front() == ' ' || s.back() == ' ' || s.find('\n') != s.npos);
  return std::string(keep_spaces ? "<is><t xml:space=\"preserve\">" : "<is><t>") + escape_xml(s) +
         "</t></is>";
}

// A scratch file for the rows, removed from the file system at once: it
// disappears with the process whatever happens.
std::string open_scratch(std::fstream& scratch) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  std::string name = (dir / "clausier-xlsx-XXXXXX").string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return "impossible de créer un fichier de travail dans " + dir.string();
  ::close(fd);
  scratch.open(name, std::ios::in | std::ios::out | std::ios::binary | std::ios::trunc);
  std::filesystem::remove(name, ec);
  if (!scratch.is_open()) return "impossible d'ouvrir le fichier de travail " + name;
  return {};
}

}  // namespace

std::int64_t date_serial(Date d) { return static_cast<std::int64_t>(d.days()) + 25569; }

SheetWriter::SheetWriter(std::string sheet_name, std::vector<Column> columns, std::uint32_t max_rows)
    : sheet_name_(std::move(sheet_name)), columns_(std::move(columns)), max_rows_(max_rows) {
  error_ = open_scratch(scratch_);
  // Everything before the rows depends only on the columns: the frozen header
  // row, the widths, then the header row itself.
  buffer_ = std::string(xml_declaration) + "<worksheet xmlns=\"" + std::string(main_ns) + "\" xmlns:r=\"" +
            std::string(rel_ns) +
            "\"><sheetViews><sheetView workbookViewId=\"0\">"
            "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
            "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>";
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    std::ostringstream width;
    width << columns_[i].width;
    buffer_ += "<col min=\"" + std::to_string(i + 1) + "\" max=\"" + std::to_string(i + 1) + "\" width=\"" +
               width.str() + "\" customWidth=\"1\"/>";
  }
  buffer_ += "</cols><sheetData><row r=\"1\">";
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    buffer_ += "<c r=\"" + column_letters(i) + "1\" s=\"" + std::to_string(style_header) +
               "\" t=\"inlineStr\">" + inline_string(columns_[i].title) + "</c>";
  }
  buffer_ += "</row>";
  if (ok()) scratch_ << buffer_;
  buffer_.clear();
}

void SheetWriter::begin_row() {
  ++row_;
  column_ = 0;
  buffer_ = "<row r=\"" + std::to_string(row_) + "\">";
}

void SheetWriter::cell_ref() { buffer_ += "<c r=\"" + column_letters(column_) + std::to_string(row_) + "\""; }

void SheetWriter::text(std::string_view s) {
  if (s.empty()) return blank();
  cell_ref();
  buffer_ += " t=\"inlineStr\">" + inline_string(s) + "</c>";
  ++column_;
}

void SheetWriter::number_cell(std::string_view value, Format format) {
  cell_ref();
  if (const int style = style_of(format); style != 0) buffer_ += " s=\"" + std::to_string(style) + "\"";
  buffer_ += "><v>";
  buffer_ += value;
  buffer_ += "</v></c>";
  ++column_;
}

void SheetWriter::integer(std::int64_t n) { number_cell(std::to_string(n), Format::integer); }

void SheetWriter::euros_cents(std::int64_t cents) {
  std::string value = cents < 0 ? "-" : "";
  const std::uint64_t magnitude =
      cents < 0 ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  value += std::to_string(magnitude / 100);
  if (magnitude % 100 != 0) {
    const std::string fraction = std::to_string(magnitude % 100 + 100);
    value += "." + fraction.substr(1);
  }
  number_cell(value, Format::euros);
}

void SheetWriter::date(Date d) { number_cell(std::to_string(date_serial(d)), Format::date); }

void SheetWriter::blank() { ++column_; }

void SheetWriter::end_row() {
  buffer_ += "</row>";
  if (ok() && row_ > max_rows_) {
    error_ =
        "le tableau dépasse " + std::to_string(max_rows_) +
        " lignes, le maximum d'une feuille de classeur (Excel, LibreOffice) : le classeur n'est pas écrit ; "
        "choisissez --format csv, ou évaluez le programme par parties";
    scratch_.close();
  }
  if (ok()) scratch_ << buffer_;
  buffer_.clear();
}

std::string SheetWriter::write(std::ostream& out) {
  if (!ok()) return error_;
  const std::string last_column = column_letters(columns_.empty() ? 0 : columns_.size() - 1);
  const std::string last_row = std::to_string(row_);
  scratch_ << "</sheetData><autoFilter ref=\"A1:" << last_column << last_row
           << "\"/><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" "
              "footer=\"0.3\"/></worksheet>";
  scratch_.flush();
  if (!scratch_.good()) return "écriture impossible dans le fichier de travail (disque plein ?)";
  scratch_.seekg(0);

  // A fixed date: the same programme gives the same bytes.
  ZipWriter zip(*Date::from_ymd(2020, 1, 1), out);
  const bool added =
      zip.add("[Content_Types].xml", content_types_xml(), false) &&
      zip.add("_rels/.rels", root_rels_xml(), false) &&
      zip.add("xl/workbook.xml", workbook_xml(sheet_name_, "$A$1:$" + last_column + "$" + last_row), false) &&
      zip.add("xl/_rels/workbook.xml.rels", workbook_rels_xml(), false) &&
      zip.add("xl/styles.xml", styles_xml(), false) && zip.add("xl/worksheets/sheet1.xml", scratch_);
  if (added) (void)zip.finish();
  if (!zip.error().empty()) return "écriture du classeur impossible : " + zip.error();
  out.flush();
  if (!out.good()) return "écriture du classeur interrompue (disque plein ?)";
  return {};
}

}  // namespace clausier::writers::xlsx
