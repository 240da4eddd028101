#pragma once
// A CSV file as buyers really export it: UTF-8 with or without BOM, UTF-16
// with BOM, or Windows-1252; `;`, `,` or tab separated (detected from the
// header line); RFC 4180 quoting; CRLF, LF or CR line ends. Streams: only one
// chunk and the current record are held in memory.

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "readers/chunked_input.hpp"
#include "readers/field_decoder.hpp"
#include "readers/tabular.hpp"

namespace clausier::readers {

struct CsvOptions {
  std::size_t chunk_bytes = 64 * 1024;
  std::size_t max_field_bytes = 1024 * 1024;  // longer fields are cut, with an error
  std::size_t max_fields = 16 * 1024;         // cells per record; more are dropped, with an error
};

class CsvSource final : public TabularSource {
 public:
  // Reads `in`, which must outlive the source. `display_name` is the file as
  // shown in diagnostics.
  CsvSource(std::istream& in, std::string display_name, CsvOptions options = {});
  // Same, owning the stream.
  CsvSource(std::unique_ptr<std::istream> in, std::string display_name, CsvOptions options = {});

  bool next(Record& out, DiagnosticSink& diags) override;
  [[nodiscard]] Location locate(const Record& r, std::size_t column, std::string_view header) const override;

  // Known once the first record has been read.
  [[nodiscard]] char delimiter() const { return delimiter_; }
  [[nodiscard]] TextEncoding encoding() const { return decoder_.encoding(); }

 private:
  enum class FieldEnd { delimiter, line, input };
  enum class QuoteProblem { unclosed, too_long };

  void start();
  bool skip_blank_lines();
  FieldEnd read_field(std::string& field, DiagnosticSink& diags);
  FieldEnd read_unquoted(std::string& field, DiagnosticSink& diags);
  FieldEnd read_quoted(std::string& field, DiagnosticSink& diags);
  FieldEnd reread_without_quote(std::string& field, QuoteProblem problem, DiagnosticSink& diags);
  [[nodiscard]] bool ends_field(int c) const;
  FieldEnd end_line(int c);
  void append(std::string& field, int c, DiagnosticSink& diags);
  void store_cell(Record& out, std::size_t index, std::string& field, DiagnosticSink& diags);
  [[nodiscard]] Location here(std::uint32_t line, std::size_t column) const;

  std::unique_ptr<std::istream> owned_;
  ChunkedInput input_;
  std::string name_;
  CsvOptions options_;
  FieldDecoder decoder_;
  char delimiter_ = ';';
  bool started_ = false;

  std::uint32_t line_ = 1;         // physical line of the next byte
  std::uint32_t record_line_ = 0;  // line where the current record starts
  std::size_t field_index_ = 0;    // index of the field being read
  std::uint32_t quote_line_ = 0;   // line of the opening quote of the current field
  std::string quoted_raw_;         // bytes read since that quote, to read them again
  bool field_cut_ = false;         // current field went over max_field_bytes
  bool reported_not_utf8_ = false;
  std::string field_;
  std::vector<std::string> headers_;  // first record, to name columns in diagnostics
};

}  // namespace clausier::readers
