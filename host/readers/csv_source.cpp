#include "readers/csv_source.hpp"

#include "base/french.hpp"

namespace clausier::readers {
namespace {

constexpr char quote = '"';

// Position of the end of the first non-blank line of `s`, outside quotes
// (npos when `s` holds no complete line).
std::size_t first_line_end(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == '\n' || s[i] == '\r')) ++i;
  bool quoted = false;
  for (; i < s.size(); ++i) {
    if (s[i] == quote) quoted = !quoted;  // a doubled quote toggles twice
    if (!quoted && (s[i] == '\n' || s[i] == '\r')) return i;
  }
  return std::string_view::npos;
}

// The separator used most often outside quotes on the header line; `;` wins
// ties (Excel's French export), then tab, then comma.
char detect_delimiter(std::string_view head) {
  std::size_t i = 0;
  while (i < head.size() && (head[i] == '\n' || head[i] == '\r')) ++i;
  std::size_t semicolons = 0, tabs = 0, commas = 0;
  bool quoted = false;
  for (; i < head.size(); ++i) {
    const char c = head[i];
    if (c == quote) quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    semicolons += c == ';' ? 1 : 0;
    tabs += c == '\t' ? 1 : 0;
    commas += c == ',' ? 1 : 0;
  }
  char best = ';';
  std::size_t best_count = semicolons;
  if (tabs > best_count) {
    best = '\t';
    best_count = tabs;
  }
  if (commas > best_count) best = ',';
  return best;
}

}  // namespace

CsvSource::CsvSource(std::istream& in, std::string display_name, CsvOptions options)
    : input_(in, options.chunk_bytes), name_(std::move(display_name)), options_(options) {}

CsvSource::CsvSource(std::unique_ptr<std::istream> in, std::string display_name, CsvOptions options)
    : owned_(std::move(in)),
      input_(*owned_, options.chunk_bytes),
      name_(std::move(display_name)),
      options_(options) {}

void CsvSource::start() {
  started_ = true;
  // Look at the first line whole, even when it is longer than a chunk.
  std::size_t wanted = options_.chunk_bytes;
  std::string_view head = input_.lookahead(wanted);
  while (first_line_end(head) == std::string_view::npos && head.size() >= wanted &&
         wanted < options_.max_field_bytes) {
    wanted *= 2;
    head = input_.lookahead(wanted);
  }
  if (input_.bom() == ChunkedInput::Bom::none) {
    decoder_.sniff(head);
  } else {
    decoder_.force(TextEncoding::utf8);
  }
  delimiter_ = detect_delimiter(head);
}

bool CsvSource::next(Record& out, DiagnosticSink& diags) {
  if (!started_) start();
  if (!skip_blank_lines()) return false;
  record_line_ = line_;
  out.line = line_;
  std::size_t count = 0;
  bool dropped = false;
  for (;;) {
    field_index_ = count;
    const FieldEnd end = read_field(field_, diags);
    if (count < options_.max_fields) {
      store_cell(out, count++, field_, diags);
    } else if (!dropped) {
      dropped = true;
      diags.error(here(record_line_, TabularSource::whole_record),
                  "plus de " + fr::integer(static_cast<std::int64_t>(options_.max_fields)) +
                      " valeurs sur cette ligne : les suivantes sont ignorées");
    }
    if (end != FieldEnd::delimiter) break;
  }
  out.cells.resize(count);
  if (headers_.empty()) {
    for (const Cell& cell : out.cells) headers_.push_back(cell.text);
  }
  return true;
}

Location CsvSource::locate(const Record& r, std::size_t /*column*/, std::string_view header) const {
  Location where;
  where.file = name_;
  where.line = r.line;
  where.column = std::string(header);
  return where;
}

Location CsvSource::here(std::uint32_t line, std::size_t column) const {
  Location where;
  where.file = name_;
  where.line = line;
  if (column < headers_.size()) where.column = headers_[column];
  return where;
}

bool CsvSource::skip_blank_lines() {
  for (;;) {
    const int c = input_.peek();
    if (c == -1) return false;
    if (c != '\n' && c != '\r') return true;
    end_line(input_.get());
  }
}

CsvSource::FieldEnd CsvSource::end_line(int c) {
  if (c == '\r' && input_.peek() == '\n') input_.get();
  ++line_;
  return FieldEnd::line;
}

CsvSource::FieldEnd CsvSource::read_field(std::string& field, DiagnosticSink& diags) {
  field.clear();
  field_cut_ = false;
  if (input_.peek() == quote) {
    input_.get();
    return read_quoted(field, diags);
  }
  return read_unquoted(field, diags);
}

CsvSource::FieldEnd CsvSource::read_unquoted(std::string& field, DiagnosticSink& diags) {
  for (;;) {
    const int c = input_.get();
    if (c == -1) return FieldEnd::input;
    if (c == delimiter_) return FieldEnd::delimiter;
    if (c == '\n' || c == '\r') return end_line(c);
    append(field, c, diags);  // a quote inside an unquoted field is kept as is
  }
}

// Reads a field after its opening quote. The bytes read are kept (up to the
// field size cap) so that a stray opening quote can be dropped and its line
// read again without it, instead of swallowing the rows that follow.
CsvSource::FieldEnd CsvSource::read_quoted(std::string& field, DiagnosticSink& diags) {
  quote_line_ = line_;
  quoted_raw_.clear();
  bool keep_raw = true;
  bool spans_lines = false;
  for (;;) {
    const int c = input_.get();
    if (c == -1) return reread_without_quote(field, QuoteProblem::unclosed, diags);
    if (keep_raw) {
      quoted_raw_ += static_cast<char>(c);
      if (quoted_raw_.size() > options_.max_field_bytes) {
        if (spans_lines) return reread_without_quote(field, QuoteProblem::too_long, diags);
        keep_raw = false;  // one huge line: it is cut, there is nothing to read again
        quoted_raw_.clear();
      }
    }
    if (c == quote) {
      const int after = input_.peek();
      if (after == quote) {  // a doubled quote stands for one
        input_.get();
        if (keep_raw) quoted_raw_ += quote;
        append(field, quote, diags);
        continue;
      }
      // In a well-formed file a closing quote ends the field. Text right after
      // a quote that closed a field spanning lines means that the opening quote
      // was a stray one, and this quote opened the next quoted field.
      if (spans_lines && keep_raw && !ends_field(after)) {
        return reread_without_quote(field, QuoteProblem::unclosed, diags);
      }
      return read_unquoted(field, diags);  // lenient, as Excel: "abc"def is abcdef
    }
    if (c == '\n' || c == '\r') {
      if (c == '\r' && input_.peek() == '\n') {
        input_.get();
        if (keep_raw) quoted_raw_ += '\n';
      }
      ++line_;
      spans_lines = true;
      append(field, '\n', diags);
      continue;
    }
    append(field, c, diags);
  }
}

bool CsvSource::ends_field(int c) const {
  return c == -1 || c == delimiter_ || c == '\n' || c == '\r' || c == ' ' || c == '\t';
}

CsvSource::FieldEnd CsvSource::reread_without_quote(std::string& field, QuoteProblem problem,
                                                    DiagnosticSink& diags) {
  const std::string what = problem == QuoteProblem::unclosed
                               ? "guillemet ouvrant sans guillemet fermant"
                               : "champ entre guillemets de plus de " +
                                     fr::integer(static_cast<std::int64_t>(options_.max_field_bytes)) +
                                     " octets";
  diags.error(
      here(quote_line_, field_index_),
      what +
          " : ce guillemet est ignoré et la ligne est lue sans lui ; refermez le champ ou doublez les "
          "guillemets qui en font partie (\"\")");
  input_.unread(quoted_raw_);
  quoted_raw_.clear();
  line_ = quote_line_;
  field.clear();
  field_cut_ = false;
  return read_unquoted(field, diags);
}

void CsvSource::append(std::string& field, int c, DiagnosticSink& diags) {
  if (field.size() < options_.max_field_bytes) {
    field += static_cast<char>(c);
    return;
  }
  if (field_cut_) return;
  field_cut_ = true;
  diags.error(here(line_, field_index_),
              "valeur de plus de " + fr::integer(static_cast<std::int64_t>(options_.max_field_bytes)) +
                  " octets : la suite est ignorée ; vérifiez le fichier (un guillemet mal placé ?)");
}

void CsvSource::store_cell(Record& out, std::size_t index, std::string& field, DiagnosticSink& diags) {
  if (index == out.cells.size()) out.cells.emplace_back();
  if (decoder_.decode(field) == FieldDecoder::Outcome::not_utf8 && !reported_not_utf8_) {
    reported_not_utf8_ = true;
    diags.warning(here(record_line_, index),
                  "texte qui n'est pas de l'UTF-8 dans un fichier UTF-8 : il est lu comme du Windows-1252 ; "
                  "enregistrez le fichier au format « CSV UTF-8 »");
  }
  Cell& cell = out.cells[index];
  cell.type = field.empty() ? Cell::Type::empty : Cell::Type::text;
  cell.text.swap(field);  // the field buffer takes the old cell text's capacity
  cell.number = 0;
  cell.is_percent = false;
  cell.is_date = false;
}

}  // namespace clausier::readers
