#include "readers/ods_book.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <unordered_set>

#include "base/french.hpp"
#include "base/quoted.hpp"
#include "base/text.hpp"
#include "readers/values.hpp"
#include "readers/xml_reader.hpp"
#include "readers/xml_scanner.hpp"

namespace clausier::readers::sheet {
namespace {

constexpr std::string_view office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr std::string_view text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view style_ns = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr std::string_view spreadsheet_mimetype = "application/vnd.oasis.opendocument.spreadsheet";
constexpr const char* save_again = " : enregistrez de nouveau le classeur depuis votre tableur";
constexpr std::uint64_t max_spaces = 1024;  // text:s c="..." in one place

std::uint64_t parse_count(std::string_view s, std::uint64_t fallback) {
  s = text::trim(s);
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v == 0) return fallback;
  return v;
}

// The bytes of names the plain-cell reader accepts (ASCII names: anything
// else goes through the scanner), and the bytes that end its look at an
// attribute value: the quote, or what it leaves to the scanner (a
// reference, '<', control characters).
constexpr std::array<bool, 256> name_chars = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                     (c >= '0' && c <= '9') || c == '_' || c == ':' || c == '.' || c == '-';
  }
  return t;
}();
constexpr std::array<bool, 256> value_stops = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
  for (const char c : {'"', '&', '<'}) t[static_cast<unsigned char>(c)] = true;
  return t;
}();
bool is_name_char(char c) { return name_chars[static_cast<unsigned char>(c)]; }

// `b` at `at` in `a`.
bool has_at(std::string_view a, std::size_t at, std::string_view b) {
  return a.size() >= at && a.size() - at >= b.size() && a.compare(at, b.size(), b) == 0;
}
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

// office:value-type, read once per cell.
enum class ValueType { none, number, percentage, date, boolean, string, other };
ValueType value_type_of(std::string_view v) {
  if (v == "float" || v == "currency") return ValueType::number;
  if (v == "percentage") return ValueType::percentage;
  if (v == "date") return ValueType::date;
  if (v == "boolean") return ValueType::boolean;
  if (v == "string") return ValueType::string;
  return ValueType::other;
}

std::optional<double> parse_number(std::string_view s) {
  s = text::trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// The qualified names content.xml is matched with, made of the prefixes its
// root element declares for the OpenDocument namespaces (the conventional
// ones when it declares none): elements and attributes are told apart by
// namespace, as the specification wants, without resolving each name.
struct Names {
  std::string table, table_row, table_cell, covered_cell, header_rows, row_group, rows;
  std::string rows_repeated, columns_repeated, rows_spanned, columns_spanned, table_name, table_style,
      display;
  std::string value_type, value, date_value, boolean_value, string_value;
  std::string p, h, s, c, tab, line_break, note, ruby_text, text_prefix;
  std::string p_open, p_cell_close;   // "<text:p>", "</text:p></table:table-cell>"
  std::string cell_open, cell_close;  // "<table:table-cell", "</table:table-cell>"
  std::string automatic_styles, style, style_name, family, table_properties;

  void set(std::string_view office, std::string_view tbl, std::string_view txt, std::string_view sty) {
    const auto q = [](std::string_view prefix, std::string_view local) {
      return prefix.empty() ? std::string(local) : std::string(prefix) + ":" + std::string(local);
    };
    table = q(tbl, "table");
    table_row = q(tbl, "table-row");
    table_cell = q(tbl, "table-cell");
    covered_cell = q(tbl, "covered-table-cell");
    header_rows = q(tbl, "table-header-rows");
    row_group = q(tbl, "table-row-group");
    rows = q(tbl, "table-rows");
    rows_repeated = q(tbl, "number-rows-repeated");
    columns_repeated = q(tbl, "number-columns-repeated");
    rows_spanned = q(tbl, "number-rows-spanned");
    columns_spanned = q(tbl, "number-columns-spanned");
    table_name = q(tbl, "name");
    table_style = q(tbl, "style-name");
    display = q(tbl, "display");
    value_type = q(office, "value-type");
    value = q(office, "value");
    date_value = q(office, "date-value");
    boolean_value = q(office, "boolean-value");
    string_value = q(office, "string-value");
    automatic_styles = q(office, "automatic-styles");
    p = q(txt, "p");
    p_open = "<" + p + ">";
    p_cell_close = "</" + p + "></" + table_cell + ">";
    cell_open = "<" + table_cell;
    cell_close = "</" + table_cell + ">";
    h = q(txt, "h");
    s = q(txt, "s");
    c = q(txt, "c");
    tab = q(txt, "tab");
    line_break = q(txt, "line-break");
    note = q(txt, "note");
    ruby_text = q(txt, "ruby-text");
    text_prefix = txt.empty() ? std::string() : std::string(txt) + ":";
    style = q(sty, "style");
    style_name = q(sty, "name");
    family = q(sty, "family");
    table_properties = q(sty, "table-properties");
  }
  // An element of the text namespace (any local name).
  [[nodiscard]] bool is_text(std::string_view qname) const {
    return text_prefix.empty() ? qname.find(':') == std::string_view::npos : qname.starts_with(text_prefix);
  }
};

}  // namespace

void check_ods(ZipPackage& package) {
  if (const auto mimetype = package.find("mimetype")) {
    const std::string type(text::trim(package.read_small(*mimetype, 1024)));
    if (type != spreadsheet_mimetype && type != std::string(spreadsheet_mimetype) + "-template") {
      const std::string prefix = "application/vnd.oasis.opendocument.";
      if (type.starts_with(prefix)) {
        throw Error(
            "ce fichier est un document OpenDocument de type " + fr::quoted(type.substr(prefix.size())) +
            ", pas un classeur : donnez le programme enregistré par votre tableur (.ods, .xlsx ou .csv)");
      }
      throw Error("ce fichier zip n'est pas un classeur OpenDocument (type " +
                  fr::quoted(text::truncate(type, 60)) +
                  ") : donnez le programme enregistré par votre tableur (.ods, .xlsx ou .csv)");
    }
  }
  if (const auto manifest = package.find("META-INF/manifest.xml")) {
    auto entry = package.open(*manifest);
    XmlReader xml(*entry);
    while (xml.next()) {
      if (xml.node() == XmlReader::Node::start && xml.local_name() == "encryption-data") {
        throw Error(
            "classeur protégé par un mot de passe : ouvrez-le dans votre tableur, enregistrez-le sans mot de "
            "passe et donnez ce fichier");
      }
    }
  }
  if (!package.has("content.xml")) {
    throw Error("le classeur n'a pas de partie « content.xml »" + std::string(save_again), "content.xml");
  }
}

struct OdsReader::Impl final : RowReader {
  std::shared_ptr<ZipPackage> package;
  Location where;
  SpreadsheetLimits limits;
  std::unique_ptr<ZipEntry> entry;
  std::unique_ptr<XmlScanner> xml;
  Names names;
  bool root_read = false;
  std::unordered_set<std::string> hidden_styles;
  std::uint32_t sheets = 0;
  bool in_table = false;
  std::size_t table_depth = 0;
  std::uint64_t row = 0;  // rows of the current table gone by, repeats included
  Record repeat;          // a non-empty row still to be given again
  std::uint64_t repeat_left = 0;
  std::vector<Merge> merges;
  std::uint64_t copies = 0;
  bool warned_columns = false;
  // The cell being read: its attributes and the text shown.
  std::uint64_t repeated = 1;
  std::uint64_t rows_spanned = 1;
  std::uint64_t columns_spanned = 1;
  std::string shown;
  std::string string_value;
  bool has_string_value = false;
  std::string value;
  std::string date_value;
  ValueType value_type = ValueType::none;
  std::string boolean_value;

  bool next(Record& out, DiagnosticSink& diags) override;
  void take_merges(std::vector<Merge>& out) override {
    out.insert(out.end(), merges.begin(), merges.end());
    merges.clear();
  }

  void read_root();
  void read_automatic_styles();
  void leave_table();
  void read_row(Record& out, std::uint32_t number, DiagnosticSink& diags);
  void read_cell(Record& out, bool covered, std::uint64_t& column, std::uint32_t number,
                 DiagnosticSink& diags);
  void read_paragraph(bool& cut);
  bool read_plain_paragraph(bool& cut);
  bool read_plain_cell(Record& out, std::uint64_t& column, std::uint32_t number, DiagnosticSink& diags);
  void start_cell();
  void cell_attribute(std::string_view name, std::string_view v);
  void store_cell(Record& out, bool covered, std::uint64_t& column, std::uint32_t number, bool cut,
                  DiagnosticSink& diags);
  void count_copies(std::uint64_t n) {
    copies += n;
    if (copies > limits.max_repeated_cells) {
      throw Error("le classeur répète des cellules plus de " +
                      fr::integer(static_cast<std::int64_t>(limits.max_repeated_cells)) +
                      " fois : il n'est pas lu ; enregistrez le programme en CSV",
                  "content.xml");
    }
  }
  [[nodiscard]] Location at(std::uint64_t column, std::uint32_t number) const {
    Location l = where;
    l.cell = cell_name(static_cast<std::size_t>(column), number);
    l.line = number;
    return l;
  }
};

OdsReader::OdsReader(std::shared_ptr<ZipPackage> package, Location where, const SpreadsheetLimits& limits)
    : impl_(std::make_unique<Impl>()) {
  impl_->package = std::move(package);
  impl_->where = std::move(where);
  impl_->limits = limits;
  impl_->entry = impl_->package->open("content.xml");
  impl_->xml = std::make_unique<XmlScanner>(*impl_->entry);
}

OdsReader::~OdsReader() = default;

RowReader& OdsReader::rows() { return *impl_; }

// The prefixes of the OpenDocument namespaces, from the root element.
void OdsReader::Impl::read_root() {
  root_read = true;
  std::string_view office = "office";
  std::string_view tbl = "table";
  std::string_view txt = "text";
  std::string_view sty = "style";
  xml->namespace_declarations([&](std::string_view prefix, std::string_view uri) {
    if (uri == office_ns) office = prefix;
    if (uri == table_ns) tbl = prefix;
    if (uri == text_ns) txt = prefix;
    if (uri == style_ns) sty = prefix;
  });
  names.set(office, tbl, txt, sty);
}

void OdsReader::Impl::read_automatic_styles() {
  if (xml->is_empty_element()) return;
  const std::size_t depth = xml->depth();
  std::string style;
  while (xml->next()) {
    if (xml->is_end()) {
      if (xml->depth() == depth) return;
      continue;
    }
    const std::string_view qname = xml->qualified_name();
    if (qname == names.style) {
      style.clear();
      bool table_family = false;
      xml->attributes([&](std::string_view name, std::string_view v) {
        if (name == names.style_name) style = v;
        if (name == names.family) table_family = v == "table";
      });
      if (!table_family) xml->skip();
    } else if (qname == names.table_properties) {
      bool hidden = false;
      xml->attributes([&](std::string_view name, std::string_view v) {
        if (name == names.display) hidden = v == "false";
      });
      if (hidden && !style.empty() && hidden_styles.size() < 100'000) hidden_styles.insert(style);
      xml->skip();
    } else {
      xml->skip();
    }
  }
}

void OdsReader::Impl::leave_table() {
  repeat_left = 0;
  merges.clear();
  if (!in_table) return;
  in_table = false;
  while (xml->next()) {
    if (xml->is_end() && xml->depth() == table_depth) return;
  }
}

bool OdsReader::next_sheet(SheetInfo& info) {
  Impl& m = *impl_;
  m.leave_table();
  while (m.xml->next()) {
    if (!m.xml->is_start()) continue;
    if (!m.root_read) {
      m.read_root();
      continue;  // the way down to the tables
    }
    const std::string_view qname = m.xml->qualified_name();
    const std::string_view name = m.xml->name();
    if (qname == m.names.automatic_styles) {
      m.read_automatic_styles();
    } else if (qname == m.names.table) {
      if (++m.sheets > m.limits.max_sheets) {
        throw Error("classeur de plus de " + fr::integer(m.limits.max_sheets) + " feuilles : il n'est pas lu",
                    "content.xml");
      }
      info = SheetInfo{};
      std::string style;
      m.xml->attributes([&](std::string_view attr, std::string_view v) {
        if (attr == m.names.table_name) info.name = v;
        if (attr == m.names.table_style) style = v;
      });
      info.hidden = !style.empty() && m.hidden_styles.contains(style);
      m.where.sheet = info.name;
      m.in_table = !m.xml->is_empty_element();
      m.table_depth = m.xml->depth();
      m.row = 0;
      m.repeat_left = 0;
      return true;
    } else if (name == "body" || name == "spreadsheet") {
      continue;  // the way down to the tables
    } else {
      m.xml->skip();  // fonts, scripts, named ranges, validations, settings
    }
  }
  return false;
}

bool OdsReader::Impl::next(Record& out, DiagnosticSink& diags) {
  merges.clear();
  if (repeat_left > 0) {
    --repeat_left;
    ++row;
    count_copies(repeat.cells.size());
    out = repeat;
    out.line = static_cast<std::uint32_t>(row);
    return true;
  }
  while (in_table && xml->next()) {
    if (xml->is_end()) {
      if (xml->depth() == table_depth) {
        in_table = false;
        break;
      }
      continue;
    }
    const std::string_view qname = xml->qualified_name();
    if (qname == names.header_rows || qname == names.row_group || qname == names.rows)
      continue;  // rows inside
    if (qname != names.table_row) {
      xml->skip();  // columns, shapes, sources, scenarios, other namespaces
      continue;
    }
    std::uint64_t row_repeats = 1;
    xml->attributes([&](std::string_view name, std::string_view v) {
      if (name == names.rows_repeated) row_repeats = parse_count(v, 1);
    });
    const std::uint64_t number = row + 1;
    const auto shown_number = static_cast<std::uint32_t>(std::min<std::uint64_t>(number, 0xFFFFFFFFULL));
    out.cells.clear();
    out.line = shown_number;
    read_row(out, shown_number, diags);
    if (is_blank_row(out)) {
      merges.clear();
      row += row_repeats;
      continue;
    }
    if (number > limits.max_rows) {
      Location l = where;
      l.line = shown_number;
      diags.error(l, "ligne au-delà de la limite de " + fr::integer(limits.max_rows) +
                         " lignes : elle et les suivantes ne sont pas lues");
      leave_table();
      return false;
    }
    row = number;
    if (row_repeats > 1) {
      repeat = out;
      repeat_left = std::min<std::uint64_t>(row_repeats - 1, limits.max_rows - number);
    }
    return true;
  }
  return false;
}

void OdsReader::Impl::read_row(Record& out, std::uint32_t number, DiagnosticSink& diags) {
  if (xml->is_empty_element()) return;
  const std::size_t depth = xml->depth();
  std::uint64_t column = 0;
  for (;;) {
    if (read_plain_cell(out, column, number, diags)) continue;
    if (!xml->next()) return;
    if (xml->is_end()) {
      if (xml->depth() == depth) return;
      continue;
    }
    const std::string_view qname = xml->qualified_name();
    if (qname == names.table_cell || qname == names.covered_cell) {
      read_cell(out, qname == names.covered_cell, column, number, diags);
    } else {
      xml->skip();
    }
  }
}

// A paragraph's text, its spans, links and fields included, in order; the
// text of notes, ruby text and elements of other namespaces (annotations,
// drawings) left out.
void OdsReader::Impl::read_paragraph(bool& cut) {
  if (xml->is_empty_element()) return;
  const std::size_t depth = xml->depth();
  while (xml->next_in_text(shown, limits.max_cell_bytes, cut)) {
    if (xml->is_end()) {
      if (xml->depth() == depth) return;
      continue;
    }
    const std::string_view qname = xml->qualified_name();
    if (qname == names.s) {
      std::uint64_t count = 1;
      xml->attributes([&](std::string_view name, std::string_view v) {
        if (name == names.c) count = parse_count(v, 1);
      });
      append_capped(shown, std::string(std::min(count, max_spaces), ' '), limits.max_cell_bytes, cut);
      xml->skip();
    } else if (qname == names.tab) {
      append_capped(shown, "\t", limits.max_cell_bytes, cut);
      xml->skip();
    } else if (qname == names.line_break) {
      append_capped(shown, "\n", limits.max_cell_bytes, cut);
      xml->skip();
    } else if (qname == names.note || qname == names.ruby_text || !names.is_text(qname)) {
      xml->skip();  // annotations, drawings, anything else
    }
    // Other text elements (span, a, bookmarks…): their text is read as it comes.
  }
}

// The usual content of a cell, one paragraph of plain text
// (<text:p>TEXT</text:p></table:table-cell>), read in one go from the bytes
// ahead; false (nothing read) for anything else: references, spans, several
// paragraphs, comments, which read_paragraph reads.
bool OdsReader::Impl::read_plain_paragraph(bool& cut) {
  const std::string_view ahead = xml->ahead(4096);
  if (!ahead.starts_with(names.p_open)) return false;
  const std::size_t text_begin = names.p_open.size();
  const std::size_t lt = ahead.find('<', text_begin);
  if (lt == std::string_view::npos || ahead.compare(lt, names.p_cell_close.size(), names.p_cell_close) != 0) {
    return false;
  }
  const std::string_view text = ahead.substr(text_begin, lt - text_begin);
  for (const char c : text) {
    if (c == '&' || c == '\r') return false;  // references and line ends: read_paragraph decodes them
  }
  if (!XmlScanner::is_valid_text(text)) return false;
  append_capped(shown, text, limits.max_cell_bytes, cut);
  xml->consume_to_end(lt + names.p_cell_close.size());
  return true;
}

void OdsReader::Impl::read_cell(Record& out, bool covered, std::uint64_t& column, std::uint32_t number,
                                DiagnosticSink& diags) {
  start_cell();
  xml->attributes([&](std::string_view name, std::string_view v) { cell_attribute(name, v); });
  bool cut = false;
  if (!xml->is_empty_element() && !read_plain_paragraph(cut)) {
    const std::size_t depth = xml->depth();
    bool first = true;
    while (xml->next()) {
      if (xml->is_end()) {
        if (xml->depth() == depth) break;
        continue;
      }
      const std::string_view qname = xml->qualified_name();
      if (qname == names.p || qname == names.h) {
        if (!first) append_capped(shown, "\n", limits.max_cell_bytes, cut);
        first = false;
        read_paragraph(cut);
      } else {
        xml->skip();  // office:annotation, drawings
      }
    }
  }
  store_cell(out, covered, column, number, cut, diags);
}

void OdsReader::Impl::start_cell() {
  repeated = 1;
  rows_spanned = 1;
  columns_spanned = 1;
  value_type = ValueType::none;
  value.clear();
  date_value.clear();
  boolean_value.clear();
  string_value.clear();
  has_string_value = false;
  shown.clear();
}

void OdsReader::Impl::cell_attribute(std::string_view name, std::string_view v) {
  if (name == names.columns_repeated) {
    repeated = parse_count(v, 1);
  } else if (name == names.rows_spanned) {
    rows_spanned = parse_count(v, 1);
  } else if (name == names.columns_spanned) {
    columns_spanned = parse_count(v, 1);
  } else if (name == names.value_type) {
    value_type = value_type_of(v);
  } else if (name == names.value) {
    value = v;
  } else if (name == names.date_value) {
    date_value = v;
  } else if (name == names.boolean_value) {
    boolean_value = v;
  } else if (name == names.string_value) {
    string_value = v;
    has_string_value = true;
  }
}

// The usual cell, read whole from the bytes ahead when it is written the
// plain way: <table:table-cell ATTRIBUTES/>, or with one paragraph of plain
// text (<text:p>TEXT</text:p>) or nothing inside; attributes double-quoted,
// one space apart, without references. False (nothing read) for anything
// else, which the scanner reads tag by tag (and reports when damaged).
bool OdsReader::Impl::read_plain_cell(Record& out, std::uint64_t& column, std::uint32_t number,
                                      DiagnosticSink& diags) {
  const std::string_view a = xml->ahead(4096);
  const std::string& open = names.cell_open;
  if (!has_at(a, 0, open)) return false;
  std::size_t i = open.size();
  start_cell();
  bool empty = false;
  for (;;) {
    if (i >= a.size()) return false;
    if (a[i] == '>') {
      ++i;
      break;
    }
    if (a[i] == '/') {
      if (i + 1 >= a.size() || a[i + 1] != '>') return false;
      i += 2;
      empty = true;
      break;
    }
    if (a[i] != ' ') return false;
    const std::size_t name_begin = ++i;
    if (i >= a.size() || !is_name_start(a[i])) return false;
    while (i < a.size() && is_name_char(a[i])) ++i;
    if (i + 1 >= a.size() || a[i] != '=' || a[i + 1] != '"') return false;
    const std::string_view name = a.substr(name_begin, i - name_begin);
    i += 2;
    std::size_t quote = i;
    while (quote < a.size() && !value_stops[static_cast<unsigned char>(a[quote])]) ++quote;
    if (quote >= a.size() || a[quote] != '"') return false;
    const std::string_view v = a.substr(i, quote - i);
    i = quote + 1;
    if (name == names.rows_spanned || name == names.columns_spanned) return false;  // merges: tag by tag
    cell_attribute(name, v);
  }
  if (!empty) {
    if (has_at(a, i, names.cell_close)) {
      i += names.cell_close.size();
    } else {
      if (!has_at(a, i, names.p_open)) return false;
      const std::size_t text_begin = i + names.p_open.size();
      const std::size_t lt = a.find('<', text_begin);
      if (lt == std::string_view::npos || !has_at(a, lt, names.p_cell_close)) return false;
      const std::string_view text = a.substr(text_begin, lt - text_begin);
      for (const char c : text) {
        if (c == '&' || c == '\r') return false;
      }
      if (!XmlScanner::is_valid_text(text)) return false;
      bool cut = false;
      append_capped(shown, text, limits.max_cell_bytes, cut);
      i = lt + names.p_cell_close.size();
      xml->consume(i);
      store_cell(out, false, column, number, cut, diags);
      return true;
    }
  }
  xml->consume(i);
  store_cell(out, false, column, number, false, diags);
  return true;
}

void OdsReader::Impl::store_cell(Record& out, bool covered, std::uint64_t& column, std::uint32_t number,
                                 bool cut, DiagnosticSink& diags) {
  const std::uint64_t first_column = column;
  column = std::min<std::uint64_t>(column + repeated, 1ULL << 40);
  if (covered) return;

  Cell cell;
  const auto as_text = [&cell](std::string s) {
    cell.type = Cell::Type::text;
    cell.text = std::move(s);
  };
  if (value_type == ValueType::number || value_type == ValueType::percentage) {
    if (const auto n = parse_number(value)) {
      cell.type = Cell::Type::number;
      cell.number = *n;
      cell.is_percent = value_type == ValueType::percentage;
      cell.text = shown;
    } else {
      as_text(shown);
    }
  } else if (value_type == ValueType::date) {
    if (const auto serial = iso_to_serial(text::trim(date_value))) {
      cell.type = Cell::Type::number;
      cell.number = *serial;
      cell.is_date = true;
      cell.text = shown;
    } else {
      as_text(shown);
    }
  } else if (value_type == ValueType::boolean) {
    const std::string_view b = text::trim(boolean_value);
    if (b == "true" || b == "false" || b == "1" || b == "0") {
      cell.type = Cell::Type::boolean;
      cell.number = b == "true" || b == "1" ? 1 : 0;
      cell.text = shown;
    } else {
      as_text(shown);
    }
  } else {
    as_text(value_type == ValueType::string && has_string_value ? string_value : shown);
  }
  // Text that starts with a visible ASCII character is not blank, without
  // trimming it (most cells).
  const bool visible = cell.type == Cell::Type::text && !cell.text.empty() &&
                       static_cast<unsigned char>(cell.text[0]) > 0x20 &&
                       static_cast<unsigned char>(cell.text[0]) < 0x7F;
  if (!visible && is_blank(cell)) return;
  if (cut)
    diags.warning(at(first_column, number),
                  "texte de plus de " + megabytes(limits.max_cell_bytes) + " : seul le début est lu");
  // The columns the cell fills, within the limit; the last one takes the
  // cell itself, the others a copy.
  const std::uint64_t max_columns = limits.max_columns;
  const std::uint64_t room = first_column < max_columns ? max_columns - first_column : 0;
  const std::uint64_t stored_end = first_column + std::min(repeated, room);
  for (std::uint64_t c = first_column; c < stored_end; ++c) {
    if (c > first_column) count_copies(1);
    if (c >= out.cells.size()) out.cells.resize(static_cast<std::size_t>(c) + 1);
    if (c + 1 < stored_end) out.cells[static_cast<std::size_t>(c)] = cell;
  }
  if (stored_end > first_column) out.cells[static_cast<std::size_t>(stored_end - 1)] = std::move(cell);
  if (repeated > room && !warned_columns) {
    warned_columns = true;
    diags.warning(at(std::max(first_column, max_columns), number),
                  "cellules au-delà de la colonne " + column_letters(limits.max_columns - 1) +
                      " : elles sont ignorées");
  }
  if (rows_spanned > 1 && first_column < limits.max_columns) {
    Merge m;
    m.first_row = number;
    m.first_column = static_cast<std::uint32_t>(first_column);
    m.last_row =
        static_cast<std::uint32_t>(std::min<std::uint64_t>(number + rows_spanned - 1, limits.max_rows));
    m.last_column = static_cast<std::uint32_t>(
        std::min<std::uint64_t>(first_column + columns_spanned - 1, limits.max_columns - 1));
    if (merges.size() < limits.max_columns) merges.push_back(m);
  }
}

}  // namespace clausier::readers::sheet
