#include "readers/xlsx_book.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "base/french.hpp"
#include "base/text.hpp"
#include "readers/values.hpp"
#include "readers/xml_reader.hpp"

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

std::optional<std::uint64_t> parse_index(std::string_view s) {
  s = text::trim(s);
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::optional<double> parse_number(std::string_view s) {
  s = text::trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || !std::isfinite(v)) return std::nullopt;
  return v;
}

bool is_true(std::string_view v) { return v == "1" || v == "true" || v == "on"; }

// ---------------------------------------------------------------------------
// Reading helpers over the XML reader

// The text inside the current element (which has just started), up to its end.
void read_text(XmlReader& xml, std::string& out, std::size_t cap, bool& cut) {
  if (xml.is_empty_element()) return;
  const int depth = xml.depth();
  while (xml.next()) {
    if (xml.node() == XmlReader::Node::end && xml.depth() == depth) return;
    if (xml.node() == XmlReader::Node::text) append_capped(out, xml.value(), cap, cut);
    if (xml.node() == XmlReader::Node::start) xml.skip();
  }
}

// A rich or plain string (<si> or <is>): its <t> texts, runs <r> included,
// phonetic runs <rPh> and their properties left out.
void read_string_item(XmlReader& xml, std::string& out, std::size_t cap, bool& cut) {
  if (xml.is_empty_element()) return;
  const int depth = xml.depth();
  while (xml.next()) {
    if (xml.node() == XmlReader::Node::end && xml.depth() == depth) return;
    if (xml.node() != XmlReader::Node::start) continue;
    const std::string_view name = xml.local_name();
    if (name == "t") {
      read_text(xml, out, cap, cut);
    } else if (name != "r") {
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
  XmlReader xml(*entry);
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

// ---------------------------------------------------------------------------
// Merged cells: a scan of the bytes for <mergeCell ref="..."/> (any prefix),
// comments, CDATA sections and processing instructions skipped.

class MergeScanner {
 public:
  explicit MergeScanner(std::uint32_t max) : max_(max) {}

  void feed(std::string_view bytes) {
    const char* p = bytes.data();
    const char* const end = p + bytes.size();
    while (p < end) {
      switch (state_) {
        case State::text: {
          const void* lt = std::memchr(p, '<', static_cast<std::size_t>(end - p));
          if (lt == nullptr) return;
          p = static_cast<const char*>(lt) + 1;
          state_ = State::name;
          tag_.clear();
          break;
        }
        case State::name: {
          // The first bytes of the markup decide what it is.
          const char c = *p++;
          if (tag_.empty() && c == '?') {
            enter(State::pi);
            break;
          }
          tag_ += c;
          if (tag_[0] == '!') {
            if (tag_.size() == 3 && tag_[1] == '-' && tag_[2] == '-') {
              enter(State::comment);
            } else if (tag_.size() == 8 && std::string_view(tag_) == "![CDATA[") {
              enter(State::cdata);
            } else if (c == '>' || tag_.size() > 8) {
              state_ = c == '>' ? State::text : State::markup;  // a declaration
              quote_ = 0;
            }
          } else if (c == '>') {
            state_ = State::text;
          } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || tag_.size() > 24) {
            std::string_view name(tag_.data(), tag_.size() - 1);
            if (const std::size_t colon = name.find(':'); colon != std::string_view::npos) {
              name.remove_prefix(colon + 1);
            }
            quote_ = 0;
            state_ = name == "mergeCell" ? State::merge : State::markup;
          }
          break;
        }
        case State::markup:
        case State::merge: {
          const char c = *p++;
          if (state_ == State::merge && tag_.size() < 512) tag_ += c;
          if (quote_ != 0) {
            if (c == quote_) quote_ = 0;
          } else if (c == '"' || c == '\'') {
            quote_ = c;
          } else if (c == '>') {
            if (state_ == State::merge) merge_tag();
            state_ = State::text;
          }
          break;
        }
        case State::comment:
        case State::cdata: {
          const char c = *p++;
          if (c == '>' && run_ >= 2) state_ = State::text;
          run_ = c == (state_ == State::comment ? '-' : ']') ? run_ + 1 : 0;
          break;
        }
        case State::pi: {
          const char c = *p++;
          if (c == '>' && run_ >= 1) state_ = State::text;
          run_ = c == '?' ? 1 : 0;
          break;
        }
      }
    }
  }

  std::vector<Merge> take() { return std::move(merges_); }
  [[nodiscard]] bool overflow() const { return overflow_; }

 private:
  enum class State { text, name, markup, merge, comment, cdata, pi };

  void enter(State s) {
    state_ = s;
    run_ = 0;
  }

  void merge_tag() {
    const std::size_t ref = find_ref(tag_);
    if (ref == std::string::npos) return;
    const std::string_view rest = std::string_view(tag_).substr(ref);
    const std::size_t close = rest.find(rest[0], 1);
    if (close == std::string_view::npos) return;
    Merge m;
    if (!parse_range(rest.substr(1, close - 1), m)) return;
    if (merges_.size() >= max_) {
      overflow_ = true;
      return;
    }
    merges_.push_back(m);
  }

  // Position of the opening quote of the ref attribute's value.
  static std::size_t find_ref(std::string_view attrs) {
    for (std::size_t at = attrs.find("ref"); at != std::string_view::npos; at = attrs.find("ref", at + 3)) {
      const char before = at == 0 ? ' ' : attrs[at - 1];
      if (before != ' ' && before != '\t' && before != '\r' && before != '\n') continue;
      std::size_t i = at + 3;
      while (i < attrs.size() && (attrs[i] == ' ' || attrs[i] == '\t')) ++i;
      if (i >= attrs.size() || attrs[i] != '=') continue;
      ++i;
      while (i < attrs.size() && (attrs[i] == ' ' || attrs[i] == '\t')) ++i;
      if (i < attrs.size() && (attrs[i] == '"' || attrs[i] == '\'')) return i;
    }
    return std::string_view::npos;
  }

  std::uint32_t max_;
  State state_ = State::text;
  std::string tag_;
  char quote_ = 0;
  int run_ = 0;
  std::vector<Merge> merges_;
  bool overflow_ = false;
};

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
  if (!stored) throw Error("le classeur n'a pas de partie " + in_quotes(workbook) + save_again, workbook);
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
  auto entry = package.open(part);
  MergeScanner scanner(limits.max_merged_ranges);
  std::vector<char> buf(64 * 1024);
  for (;;) {
    const std::size_t got = entry->read(buf.data(), buf.size());
    if (got == 0) break;
    scanner.feed(std::string_view(buf.data(), got));
  }
  overflow = scanner.overflow();
  return scanner.take();
}

// ---------------------------------------------------------------------------
// Rows

struct XlsxRows::Impl {
  std::shared_ptr<ZipPackage> package;
  std::shared_ptr<const XlsxData> data;
  Location where;
  SpreadsheetLimits limits;
  std::unique_ptr<ZipEntry> entry;
  std::unique_ptr<XmlReader> xml;
  bool in_data = false;
  bool finished = false;
  bool warned_columns = false;
  std::uint32_t last_row = 0;
  std::string value;
  std::string inline_text;
  std::string ref;
  std::string type;
  // Element names, interned once (the hot loop compares pointers).
  XmlReader::Name name_sheet_data;
  XmlReader::Name name_row;
  XmlReader::Name name_c;
  XmlReader::Name name_v;
  XmlReader::Name name_is;

  void read_row(Record& out, DiagnosticSink& diags);
  void read_cell(Record& out, std::uint32_t& next_column, DiagnosticSink& diags);
  void place(Record& out, std::size_t column, Cell cell, DiagnosticSink& diags);
};

XlsxRows::XlsxRows(std::shared_ptr<ZipPackage> package, std::shared_ptr<const XlsxData> data,
                   std::size_t sheet, Location where, const SpreadsheetLimits& limits)
    : impl_(std::make_unique<Impl>()) {
  impl_->package = std::move(package);
  impl_->data = std::move(data);
  impl_->where = std::move(where);
  impl_->limits = limits;
  impl_->entry = impl_->package->open(impl_->data->parts.at(sheet));
  impl_->xml = std::make_unique<XmlReader>(*impl_->entry);
  XmlReader& xml = *impl_->xml;
  impl_->name_sheet_data = xml.name("sheetData");
  impl_->name_row = xml.name("row");
  impl_->name_c = xml.name("c");
  impl_->name_v = xml.name("v");
  impl_->name_is = xml.name("is");
}

XlsxRows::~XlsxRows() = default;

bool XlsxRows::next(Record& out, DiagnosticSink& diags) {
  Impl& m = *impl_;
  while (!m.finished && m.xml->next()) {
    if (!m.in_data) {
      if (m.xml->is_start(m.name_sheet_data)) {
        if (m.xml->is_empty_element()) break;
        m.in_data = true;
      }
      continue;
    }
    if (m.xml->is_end(m.name_sheet_data)) break;
    if (!m.xml->is_start(m.name_row)) continue;
    std::uint32_t row = m.last_row + 1;
    m.xml->attributes([&row](std::string_view local, std::string_view ns, std::string_view value) {
      if (!ns.empty() || local != "r") return;
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
    out.cells.clear();
    m.read_row(out, diags);
    if (!is_blank_row(out)) return true;
  }
  m.finished = true;
  return false;
}

void XlsxRows::Impl::read_row(Record& out, DiagnosticSink& diags) {
  if (xml->is_empty_element()) return;
  std::uint32_t next_column = 0;
  while (xml->next()) {
    if (xml->is_end(name_row)) return;
    if (xml->node() != XmlReader::Node::start) continue;
    if (xml->local_is(name_c)) {
      read_cell(out, next_column, diags);
    } else {
      xml->skip();
    }
  }
}

void XlsxRows::Impl::read_cell(Record& out, std::uint32_t& next_column, DiagnosticSink& diags) {
  ref.clear();
  type.clear();
  std::size_t style = 0;
  xml->attributes([&](std::string_view local, std::string_view ns, std::string_view v) {
    if (!ns.empty()) return;
    if (local == "r") ref = v;
    if (local == "t") type = v;
    if (local == "s") style = static_cast<std::size_t>(parse_index(v).value_or(0));
  });
  std::uint32_t column = next_column;
  std::uint32_t ref_row = 0;
  std::uint32_t ref_column = 0;
  if (!ref.empty() && parse_cell_ref(ref, ref_row, ref_column)) column = ref_column;
  next_column = column + 1;

  value.clear();
  inline_text.clear();
  bool has_inline = false;
  bool cut = false;
  if (!xml->is_empty_element()) {
    const int depth = xml->depth();
    while (xml->next()) {
      if (xml->node() == XmlReader::Node::end && xml->depth() == depth) break;
      if (xml->node() != XmlReader::Node::start) continue;
      if (xml->local_is(name_v)) {
        read_text(*xml, value, limits.max_cell_bytes, cut);
      } else if (xml->local_is(name_is)) {
        has_inline = true;
        read_string_item(*xml, inline_text, limits.max_cell_bytes, cut);
      } else {
        xml->skip();  // <f> formula, extensions
      }
    }
  }
  const auto at = [&]() { return cell_location(where, column, out.line); };
  if (cut) diags.warning(at(), cut_message(limits.max_cell_bytes));

  Cell cell;
  const auto as_text = [&cell](std::string s) {
    cell.type = Cell::Type::text;
    cell.text = std::move(s);
  };
  if (type == "s") {
    const auto index = parse_index(value);
    if (index && *index < data->string_count()) {
      as_text(std::string(data->shared_string(static_cast<std::size_t>(*index))));
    } else if (!text::trim(value).empty()) {
      diags.error(at(), "cellule illisible : elle renvoie au texte partagé n° " +
                            std::string(text::trim(value)) + ", absent du classeur" + save_again);
    }
  } else if (type == "inlineStr" || (has_inline && value.empty())) {
    as_text(std::move(inline_text));
  } else if (type == "str" || type == "e") {
    as_text(std::move(value));
  } else if (type == "b") {
    const std::string_view v = text::trim(value);
    if (v == "1" || v == "true" || v == "0" || v == "false") {
      cell.type = Cell::Type::boolean;
      cell.number = v == "1" || v == "true" ? 1 : 0;
    } else if (!v.empty()) {
      as_text(std::string(v));
    }
  } else if (type == "d") {
    if (const auto serial = iso_to_serial(text::trim(value))) {
      cell.type = Cell::Type::number;
      cell.number = *serial;
      cell.is_date = true;
    } else if (!text::trim(value).empty()) {
      as_text(std::move(value));
    }
  } else if (!text::trim(value).empty()) {
    if (const auto number = parse_number(value)) {
      cell.type = Cell::Type::number;
      cell.number = *number;
      const NumberKind kind = style < data->styles.size() ? data->styles[style] : NumberKind::plain;
      cell.is_percent = kind == NumberKind::percent;
      cell.is_date = kind == NumberKind::date;
      if (cell.is_date && data->date1904) {
        cell.number += days_1904;
      } else if (cell.is_date && cell.number >= 1 && cell.number < 60) {
        cell.number += 1;  // 1900-01-01..1900-02-28: Excel counts a 1900-02-29 after them
      }
    } else {
      as_text(std::move(value));
    }
  }
  place(out, column, std::move(cell), diags);
}

void XlsxRows::Impl::place(Record& out, std::size_t column, Cell cell, DiagnosticSink& diags) {
  if (is_blank(cell)) return;
  if (column >= limits.max_columns) {
    if (!warned_columns) {
      warned_columns = true;
      diags.warning(cell_location(where, column, out.line), "cellules au-delà de la colonne " +
                                                                column_letters(limits.max_columns - 1) +
                                                                " : elles sont ignorées");
    }
    return;
  }
  if (column >= out.cells.size()) out.cells.resize(column + 1);
  out.cells[column] = std::move(cell);
}

}  // namespace clausier::readers::sheet
