#include "readers/xlsx_book.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "base/french.hpp"
#include "base/quoted.hpp"
#include "base/text.hpp"
#include "readers/values.hpp"
#include "readers/xml_reader.hpp"
#include "readers/xml_scanner.hpp"

namespace clausier::readers::sheet {
namespace {

constexpr const char* save_again = " : enregistrez de nouveau le classeur depuis votre tableur";
constexpr std::size_t max_styles = 1'000'000;
constexpr double days_1904 = 1462;  // 1904-01-01 is serial 1462 of the 1900 system

// ---------------------------------------------------------------------------
// Relationships and part names

struct Relationship {
  std::string id;
  std::string type;
  std::string target;
  bool external = false;
};

std::string directory_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A relationship target made a part name: "worksheets/sheet1.xml" from
// "xl/", "/xl/styles.xml", "../xl/x.xml", "%20" decoded.
std::string resolve(std::string_view base, std::string_view target) {
  std::string decoded;
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '%' && i + 2 < target.size() && hex_value(target[i + 1]) >= 0 &&
        hex_value(target[i + 2]) >= 0) {
      decoded += static_cast<char>(hex_value(target[i + 1]) * 16 + hex_value(target[i + 2]));
      i += 2;
    } else {
      decoded += target[i] == '\\' ? '/' : target[i];
    }
  }
  const std::string path = decoded.starts_with('/') ? decoded.substr(1) : std::string(base) + decoded;
  std::vector<std::string> segments;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= path.size(); ++i) {
    if (i < path.size() && path[i] != '/') continue;
    const std::string segment = path.substr(start, i - start);
    start = i + 1;
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
      continue;
    }
    segments.push_back(segment);
  }
  std::string out;
  for (const std::string& s : segments) out += (out.empty() ? "" : "/") + s;
  return out;
}

std::string rels_part_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  const std::string_view dir =
      slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
  const std::string_view name = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return std::string(dir) + "_rels/" + std::string(name) + ".rels";
}

std::vector<Relationship> read_relationships(ZipPackage& package, std::string_view part) {
  std::vector<Relationship> out;
  const auto stored = package.find(part);
  if (!stored) return out;
  auto entry = package.open(*stored);
  XmlReader xml(*entry);
  while (xml.next()) {
    if (!xml.is_start("Relationship")) continue;
    Relationship r;
    xml.attributes([&r](std::string_view local, std::string_view ns, std::string_view value) {
      if (!ns.empty()) return;
      if (local == "Id") r.id = value;
      if (local == "Type") r.type = value;
      if (local == "Target") r.target = value;
      if (local == "TargetMode") r.external = value == "External";
    });
    if (!r.external && out.size() < 100'000) out.push_back(std::move(r));
  }
  return out;
}

bool type_is(std::string_view type, std::string_view last) {
  return type.size() > last.size() && type.ends_with(last) && type[type.size() - last.size() - 1] == '/';
}

const Relationship* find_type(const std::vector<Relationship>& rels, std::string_view last) {
  for (const Relationship& r : rels) {
    if (type_is(r.type, last)) return &r;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Numbers

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// text::trim(s).empty(), without decoding the usual text that starts with a
// visible ASCII character.
bool is_blank_text(std::string_view s) {
  if (s.empty()) return true;
  const auto c = static_cast<unsigned char>(s.front());
  if (c > 0x20 && c < 0x80) return false;
  return text::trim(s).empty();
}

std::optional<std::uint64_t> parse_index(std::string_view s) {
  // Digits alone need no trimming (the usual case, on every cell).
  if (s.empty() || !is_ascii_digit(s.front()) || !is_ascii_digit(s.back())) s = text::trim(s);
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::optional<double> parse_number(std::string_view s) {
  if (s.empty() || !is_ascii_digit(s.back()) || !(is_ascii_digit(s.front()) || s.front() == '-')) {
    s = text::trim(s);
  }
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || !std::isfinite(v)) return std::nullopt;
  return v;
}

bool is_true(std::string_view v) { return v == "1" || v == "true" || v == "on"; }

// ---------------------------------------------------------------------------
// Strings read by the scanner

// A rich or plain string (<si> or <is>, just started): its <t> texts, runs
// <r> included, phonetic runs <rPh> and their properties left out.
void read_string_item(XmlScanner& xml, std::string& out, std::size_t cap, bool& cut) {
  if (xml.is_empty_element()) return;
  const std::size_t depth = xml.depth();
  while (xml.next()) {
    if (xml.is_end()) {
      if (xml.depth() == depth) return;
      continue;  // the end of a run
    }
    if (xml.name() == "t") {
      xml.read_text(out, cap, cut);
    } else if (xml.name() != "r") {
      xml.skip();  // rPh, rPr, phoneticPr, extensions
    }
  }
}

Location cell_location(const Location& where, std::size_t column, std::uint32_t row) {
  Location l = where;
  l.cell = cell_name(column, row);
  l.line = row;
  return l;
}

std::string cut_message(std::uint32_t cap) {
  return "texte de plus de " + megabytes(cap) + " : seul le début est lu";
}

// ---------------------------------------------------------------------------
// Workbook, styles, shared strings

void read_workbook(ZipPackage& package, const std::string& part, XlsxData& data,
                   std::vector<std::string>& sheet_ids, const SpreadsheetLimits& limits) {
  auto entry = package.open(part);
  XmlReader xml(*entry);
  while (xml.next()) {
    if (xml.node() != XmlReader::Node::start) continue;
    const std::string_view name = xml.local_name();
    if (name == "workbookPr") {
      xml.attributes([&data](std::string_view local, std::string_view ns, std::string_view value) {
        if (ns.empty() && local == "date1904") data.date1904 = is_true(value);
      });
    } else if (name == "sheet") {
      SheetInfo info;
      std::string id;
      xml.attributes([&](std::string_view local, std::string_view ns, std::string_view value) {
        if (ns.empty() && local == "name") info.name = value;
        if (ns.empty() && local == "state") info.hidden = value == "hidden" || value == "veryHidden";
        if (!ns.empty() && local == "id") id = value;
      });
      if (data.sheets.size() >= limits.max_sheets) {
        throw Error("classeur de plus de " + fr::integer(limits.max_sheets) + " feuilles : il n'est pas lu",
                    part);
      }
      data.sheets.push_back(std::move(info));
      sheet_ids.push_back(std::move(id));
    } else if (name == "definedNames" || name == "extLst" || name == "fileVersion" || name == "bookViews") {
      xml.skip();
    }
  }
}

void read_styles(ZipPackage& package, const std::string& part, XlsxData& data) {
  auto entry = package.open(part);
  XmlReader xml(*entry);
  std::unordered_map<int, std::string> formats;
  bool in_cell_xfs = false;
  while (xml.next()) {
    if (xml.node() == XmlReader::Node::end && xml.local_name() == "cellXfs") in_cell_xfs = false;
    if (xml.node() != XmlReader::Node::start) continue;
    const std::string_view name = xml.local_name();
    if (name == "numFmt") {
      int id = -1;
      std::string code;
      xml.attributes([&](std::string_view local, std::string_view ns, std::string_view value) {
        if (!ns.empty()) return;
        if (local == "numFmtId") id = static_cast<int>(parse_index(value).value_or(0) & 0xFFFFF);
        if (local == "formatCode") code = value;
      });
      if (id >= 0 && formats.size() < max_styles) formats[id] = std::move(code);
    } else if (name == "cellXfs") {
      in_cell_xfs = !xml.is_empty_element();
    } else if (name == "xf" && in_cell_xfs) {
      int id = 0;
      xml.attributes([&](std::string_view local, std::string_view ns, std::string_view value) {
        if (ns.empty() && local == "numFmtId")
          id = static_cast<int>(parse_index(value).value_or(0) & 0xFFFFF);
      });
      if (data.styles.size() >= max_styles)
        throw Error("styles du classeur trop nombreux" + std::string(save_again), part);
      const auto custom = formats.find(id);
      data.styles.push_back(
          number_format_kind(id, custom == formats.end() ? std::string_view() : custom->second));
      xml.skip();
    } else if (name == "cellStyleXfs" || name == "dxfs" || name == "fonts" || name == "fills" ||
               name == "borders" || name == "extLst") {
      xml.skip();
    }
  }
}

void read_shared_strings(ZipPackage& package, const std::string& part, XlsxData& data,
                         const SpreadsheetLimits& limits, const Location& file, DiagnosticSink& diags) {
  auto entry = package.open(part);
  XmlScanner xml(*entry);
  std::string item;
  bool reported_cut = false;
  while (xml.next()) {
    if (!xml.is_start("si")) continue;
    item.clear();
    bool cut = false;
    read_string_item(xml, item, limits.max_cell_bytes, cut);
    if (cut && !reported_cut) {
      reported_cut = true;
      Location where = file;
      diags.warning(where, "un texte du classeur fait plus de " + megabytes(limits.max_cell_bytes) +
                               " : seul son début est lu");
    }
    if (data.string_ends.size() >= limits.max_shared_strings) {
      throw Error("classeur de plus de " + fr::integer(limits.max_shared_strings) +
                      " textes différents : il n'est pas lu ; enregistrez le programme en CSV",
                  part);
    }
    if (data.strings.size() + item.size() > limits.max_shared_string_bytes) {
      throw Error("les textes du classeur dépassent " + megabytes(limits.max_shared_string_bytes) +
                      " : il n'est pas lu ; enregistrez le programme en CSV",
                  part);
    }
    data.strings += item;
    data.string_ends.push_back(data.strings.size());
  }
}

}  // namespace

NumberKind number_format_kind(int id, std::string_view code) {
  if (id == 9 || id == 10) return NumberKind::percent;
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) {
    return NumberKind::date;
  }
  if (id < 164 && code.empty()) return NumberKind::plain;  // other built-in formats
  // The first section (positive numbers) of a custom format decides.
  bool percent = false;
  bool date = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') break;
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // an escaped character, a space the width of one, a fill character
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      // Elapsed time [h], [mm], [ss] is a time; colours, conditions, locales are not.
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) date = true;
      i = close;
    } else if (c == '%') {
      percent = true;
    } else {
      const char lc = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      if (lc == 'd' || lc == 'm' || lc == 'y' || lc == 'h' || lc == 's') date = true;
    }
  }
  // "General" and "Standard" hold letters but are the plain format.
  const std::string key = text::fold_key(code);
  if (key == "general" || key == "standard") return NumberKind::plain;
  if (date) return NumberKind::date;
  return percent ? NumberKind::percent : NumberKind::plain;
}

std::shared_ptr<const XlsxData> read_xlsx(ZipPackage& package, const SpreadsheetLimits& limits,
                                          const Location& file, DiagnosticSink& diags) {
  auto data = std::make_shared<XlsxData>();
  std::string workbook = "xl/workbook.xml";
  for (const Relationship& r : read_relationships(package, "_rels/.rels")) {
    if (type_is(r.type, "officeDocument")) {
      workbook = resolve("", r.target);
      break;
    }
  }
  const auto stored = package.find(workbook);
  if (!stored) throw Error("le classeur n'a pas de partie " + fr::quoted(workbook) + save_again, workbook);
  workbook = *stored;
  std::vector<std::string> sheet_ids;
  read_workbook(package, workbook, *data, sheet_ids, limits);

  const std::string base = directory_of(workbook);
  const auto rels = read_relationships(package, rels_part_of(workbook));
  std::vector<SheetInfo> sheets;
  for (std::size_t i = 0; i < data->sheets.size(); ++i) {
    for (const Relationship& r : rels) {
      if (r.id != sheet_ids[i]) continue;
      // Chart, dialog and macro sheets hold no cells to read.
      if (type_is(r.type, "worksheet")) {
        if (auto part = package.find(resolve(base, r.target))) {
          sheets.push_back(data->sheets[i]);
          data->parts.push_back(*part);
        }
      }
      break;
    }
  }
  data->sheets = std::move(sheets);

  if (const Relationship* r = find_type(rels, "styles")) {
    if (auto part = package.find(resolve(base, r->target))) read_styles(package, *part, *data);
  }
  if (const Relationship* r = find_type(rels, "sharedStrings")) {
    if (auto part = package.find(resolve(base, r->target))) {
      read_shared_strings(package, *part, *data, limits, file, diags);
    }
  }
  return data;
}

std::vector<Merge> read_xlsx_merges(ZipPackage& package, const std::string& part,
                                    const SpreadsheetLimits& limits, bool& overflow) {
  std::vector<Merge> merges;
  overflow = false;
  auto entry = package.open(part);
  XmlScanner xml(*entry);
  try {
    while (xml.next()) {
      if (xml.is_start("sheetData")) xml.skip();  // the cells: counted, not read
      if (!xml.is_start("mergeCell")) continue;
      Merge m;
      bool found = false;
      xml.attributes([&](std::string_view name, std::string_view value) {
        if (name == "ref") found = parse_range(value, m);
      });
      if (!found) continue;
      if (merges.size() >= limits.max_merged_ranges) {
        overflow = true;
        break;
      }
      merges.push_back(m);
    }
  } catch (const Error&) {
    // Damaged XML: the ranges before it stand, and reading the rows reports
    // it at the sheet, after the rows before it. A damaged archive (checksum,
    // sizes) is the file's problem: said now.
    if (xml.entry_failed()) throw;
  }
  return merges;
}

// ---------------------------------------------------------------------------
// Rows

namespace {

// The cell most writers write, and almost every cell of a programme:
//   <c r="B2" s="3" t="s"><v>12</v></c>   or   <c r="B2" s="3"/>
// unprefixed, one space before each attribute, values of letters, digits and
// '$' in double quotes, a value of printable ASCII without '&' or '<'. It is
// recognised in the bytes ahead without going through the scanner's general
// path; anything else (a formula, an inline string, a reference, a comment,
// white space elsewhere, a prefix) is left to the general path, which reads
// every cell the same way.
struct PlainCell {
  std::string_view ref;
  std::string_view type;
  std::string_view style;
  std::string_view value;
};

constexpr std::array<bool, 256> plain_value_bytes = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x7F; ++c) t[static_cast<std::size_t>(c)] = c != '<' && c != '&';
  return t;
}();

bool is_plain_attribute_byte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '$';
}

// The length of the plain cell at the start of `bytes` (after white space),
// 0 when they hold something else or not all of it.
std::size_t plain_cell(std::string_view bytes, PlainCell& cell) {
  const char* const begin = bytes.data();
  const char* const end = begin + bytes.size();
  const char* p = begin;
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\t')) ++p;
  if (end - p < 4 || p[0] != '<' || p[1] != 'c') return 0;
  p += 2;
  cell = {};
  for (;;) {
    if (p == end) return 0;
    if (*p == '>') {
      ++p;
      break;
    }
    if (*p == '/') {
      if (p + 1 == end || p[1] != '>') return 0;
      return static_cast<std::size_t>(p + 2 - begin);
    }
    if (*p != ' ') return 0;
    const char* const name = ++p;
    while (p < end && *p >= 'a' && *p <= 'z') ++p;
    if (p == name || end - p < 2 || p[0] != '=' || p[1] != '"') return 0;
    const std::string_view attribute(name, static_cast<std::size_t>(p - name));
    const char* const value = p += 2;
    while (p < end && is_plain_attribute_byte(*p)) ++p;
    if (p == end || *p != '"') return 0;
    const std::string_view v(value, static_cast<std::size_t>(p - value));
    ++p;
    if (attribute == "r") {
      cell.ref = v;
    } else if (attribute == "s") {
      cell.style = v;
    } else if (attribute == "t") {
      cell.type = v;
    }
  }
  if (end - p >= 3 && p[0] == '<' && p[1] == 'v' && p[2] == '>') {
    const char* const value = p += 3;
    while (p < end && plain_value_bytes[static_cast<unsigned char>(*p)]) ++p;
    if (end - p < 8 || std::memcmp(p, "</v></c>", 8) != 0) return 0;
    cell.value = std::string_view(value, static_cast<std::size_t>(p - value));
    return static_cast<std::size_t>(p + 8 - begin);
  }
  if (end - p >= 4 && std::memcmp(p, "</c>", 4) == 0) return static_cast<std::size_t>(p + 4 - begin);
  return 0;
}

constexpr std::size_t plain_cell_window = 1024;  // bytes looked at for a plain cell

}  // namespace

struct XlsxRows::Impl {
  std::shared_ptr<ZipPackage> package;
  std::shared_ptr<const XlsxData> data;
  Location where;
  SpreadsheetLimits limits;
  std::unique_ptr<ZipEntry> entry;
  std::unique_ptr<XmlScanner> xml;
  bool in_data = false;
  bool finished = false;
  bool warned_columns = false;
  std::uint32_t last_row = 0;
  std::size_t used = 0;  // columns of the record up to its last non-blank cell
  // The cell being read, kept from cell to cell (no allocation once warm).
  std::string value;
  std::string inline_text;
  std::string type;

  void read_row(Record& out, DiagnosticSink& diags);
  void read_cell(Record& out, std::uint32_t& next_column, DiagnosticSink& diags);
  void finish_cell(Record& out, std::uint32_t column, std::string_view kind, std::size_t style,
                   std::string_view raw, const std::string* inline_string, DiagnosticSink& diags);
  Cell* place(Record& out, std::size_t column, DiagnosticSink& diags);
};

XlsxRows::XlsxRows(std::shared_ptr<ZipPackage> package, std::shared_ptr<const XlsxData> data,
                   std::size_t sheet, Location where, const SpreadsheetLimits& limits)
    : impl_(std::make_unique<Impl>()) {
  impl_->package = std::move(package);
  impl_->data = std::move(data);
  impl_->where = std::move(where);
  impl_->limits = limits;
  // The rows stop at </sheetData>, before the end of the part where its
  // CRC-32 is checked: read_xlsx_merges, which reads it to the end, checks it.
  impl_->entry = impl_->package->open(impl_->data->parts.at(sheet), ZipPackage::Checksum::skip);
  impl_->xml = std::make_unique<XmlScanner>(*impl_->entry);
}

XlsxRows::~XlsxRows() = default;

bool XlsxRows::next(Record& out, DiagnosticSink& diags) {
  Impl& m = *impl_;
  XmlScanner& xml = *m.xml;
  while (!m.finished && xml.next()) {
    if (!m.in_data) {
      if (xml.is_start("sheetData")) {
        if (xml.is_empty_element()) break;
        m.in_data = true;
      }
      continue;
    }
    if (xml.is_end("sheetData")) break;
    if (!xml.is_start("row")) {
      xml.skip();
      continue;
    }
    std::uint32_t row = m.last_row + 1;
    xml.attributes([&row](std::string_view name, std::string_view value) {
      if (name != "r") return;
      if (const auto r = parse_index(value); r && *r > 0 && *r <= 0xFFFFFFFFULL)
        row = static_cast<std::uint32_t>(*r);
    });
    if (row > m.limits.max_rows) {
      Location l = m.where;
      l.line = row;
      diags.error(l, "ligne " + fr::integer(row) + " au-delà de la limite de " +
                         fr::integer(m.limits.max_rows) + " lignes : elle et les suivantes ne sont pas lues");
      break;
    }
    m.last_row = row;
    out.line = row;
    m.read_row(out, diags);
    if (m.used > 0) return true;  // only non-blank cells are placed
  }
  m.finished = true;
  return false;
}

// The cells of the record are emptied in place and filled again: their
// strings keep their capacity from row to row. Cells after the last one
// placed are dropped at the end, so the record ends at its last non-blank cell.
void XlsxRows::Impl::read_row(Record& out, DiagnosticSink& diags) {
  for (Cell& cell : out.cells) {
    cell.type = Cell::Type::empty;
    cell.text.clear();
    cell.number = 0;
    cell.is_percent = false;
    cell.is_date = false;
  }
  used = 0;
  if (!xml->is_empty_element()) {
    std::uint32_t next_column = 0;
    for (;;) {
      PlainCell plain;
      if (const std::size_t length = plain_cell(xml->ahead(plain_cell_window), plain);
          length > 0 && plain.value.size() <= limits.max_cell_bytes) {
        std::uint32_t column = next_column;
        std::uint32_t ref_row = 0;
        if (!plain.ref.empty() && !parse_cell_ref(plain.ref, ref_row, column)) column = next_column;
        next_column = column + 1;
        const std::size_t style = plain.style.empty() ? 0 : parse_index(plain.style).value_or(0);
        finish_cell(out, column, plain.type, style, plain.value, nullptr, diags);
        xml->consume(length);
        continue;
      }
      if (!xml->next() || xml->is_end()) break;  // the row's end: what is inside is read or skipped whole
      if (xml->name() == "c") {
        read_cell(out, next_column, diags);
      } else {
        xml->skip();
      }
    }
  }
  out.cells.resize(used);
}

void XlsxRows::Impl::read_cell(Record& out, std::uint32_t& next_column, DiagnosticSink& diags) {
  type.clear();
  std::size_t style = 0;
  std::uint32_t column = next_column;
  xml->attributes([&](std::string_view name, std::string_view v) {
    if (name == "r") {
      std::uint32_t ref_row = 0;
      std::uint32_t ref_column = 0;
      column = !v.empty() && parse_cell_ref(v, ref_row, ref_column) ? ref_column : next_column;
    } else if (name == "t") {
      type = v;
    } else if (name == "s") {
      style = static_cast<std::size_t>(parse_index(v).value_or(0));
    }
  });
  next_column = column + 1;

  value.clear();
  inline_text.clear();
  bool has_inline = false;
  bool cut = false;
  if (!xml->is_empty_element()) {
    while (xml->next()) {
      if (xml->is_end()) break;  // the cell's
      if (xml->name() == "v") {
        xml->read_text(value, limits.max_cell_bytes, cut);
      } else if (xml->name() == "is") {
        has_inline = true;
        read_string_item(*xml, inline_text, limits.max_cell_bytes, cut);
      } else {
        xml->skip();  // <f> formula, extensions
      }
    }
  }
  if (cut) diags.warning(cell_location(where, column, out.line), cut_message(limits.max_cell_bytes));
  finish_cell(out, column, type, style, value, has_inline ? &inline_text : nullptr, diags);
}

// Types the cell read (`inline_text` when it had an inline string) and places it.
void XlsxRows::Impl::finish_cell(Record& out, std::uint32_t column, std::string_view kind, std::size_t style,
                                 std::string_view raw, const std::string* inline_string,
                                 DiagnosticSink& diags) {
  const auto as_text = [&](std::string_view s) {
    if (is_blank_text(s)) return;  // blank: not placed
    if (Cell* cell = place(out, column, diags)) {
      cell->type = Cell::Type::text;
      cell->text.assign(s);
      cell->number = 0;
      cell->is_date = false;
      cell->is_percent = false;
    }
  };
  const auto as_number = [&](double number, bool is_date, bool is_percent, Cell::Type cell_type) {
    if (Cell* cell = place(out, column, diags)) {
      cell->type = cell_type;
      cell->text.clear();
      cell->number = number;
      cell->is_date = is_date;
      cell->is_percent = is_percent;
    }
  };
  if (kind == "s") {
    const auto index = parse_index(raw);
    if (index && *index < data->string_count()) {
      as_text(data->shared_string(static_cast<std::size_t>(*index)));
    } else if (!text::trim(raw).empty()) {
      diags.error(cell_location(where, column, out.line),
                  "cellule illisible : elle renvoie au texte partagé n° " + std::string(text::trim(raw)) +
                      ", absent du classeur" + save_again);
    }
  } else if (kind == "inlineStr" || (inline_string != nullptr && raw.empty())) {
    if (inline_string != nullptr) as_text(*inline_string);
  } else if (kind == "str" || kind == "e") {
    as_text(raw);
  } else if (kind == "b") {
    const std::string_view v = text::trim(raw);
    if (v == "1" || v == "true" || v == "0" || v == "false") {
      as_number(v == "1" || v == "true" ? 1 : 0, false, false, Cell::Type::boolean);
    } else {
      as_text(v);
    }
  } else if (kind == "d") {
    if (const auto serial = iso_to_serial(text::trim(raw))) {
      as_number(*serial, true, false, Cell::Type::number);
    } else {
      as_text(raw);
    }
  } else if (!is_blank_text(raw)) {
    if (const auto number = parse_number(raw)) {
      const NumberKind format = style < data->styles.size() ? data->styles[style] : NumberKind::plain;
      const bool is_date = format == NumberKind::date;
      double serial = *number;
      if (is_date && data->date1904) {
        serial += days_1904;
      } else if (is_date && serial >= 1 && serial < 60) {
        serial += 1;  // 1900-01-01..1900-02-28: Excel counts a 1900-02-29 after them
      }
      as_number(serial, is_date, format == NumberKind::percent, Cell::Type::number);
    } else {
      as_text(raw);
    }
  }
}

// The cell of `out` at `column`, for a non-blank value; null beyond the
// column cap (warned once).
Cell* XlsxRows::Impl::place(Record& out, std::size_t column, DiagnosticSink& diags) {
  if (column >= limits.max_columns) {
    if (!warned_columns) {
      warned_columns = true;
      diags.warning(cell_location(where, column, out.line), "cellules au-delà de la colonne " +
                                                                column_letters(limits.max_columns - 1) +
                                                                " : elles sont ignorées");
    }
    return nullptr;
  }
  if (column >= out.cells.size()) out.cells.resize(column + 1);
  used = std::max(used, column + 1);
  return &out.cells[column];
}

}  // namespace clausier::readers::sheet
