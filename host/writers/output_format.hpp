#pragma once
// Every output format of the program, stated once: its name (as `--format`
// and the server's `format` field take it), file extension, media type, how
// values are escaped in its texts, whether it is a binary package; and, for
// each output, the formats it offers in the order users see them, the first
// being the default. The CLI, the server and the document writer read it
// (docs/cli.md; docs/architecture.md, "Adding an output format").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/renderer.hpp"

namespace clausier::writers {

struct OutputFormat {
  std::string_view name;        // "docx"
  std::string_view extension;   // ".docx"
  std::string_view media_type;  // "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
  // How values are escaped in its texts (a document skeleton's parts, the
  // workbook's cells); none for the formats written by their own writer
  // alone (JsonWriter, CSV quoting, the terminal table).
  std::optional<render::Escaping> escaping;
  bool binary;  // a package (zip) or PDF: written to a file, never to a terminal
  // The format whose file LibreOffice converts into this one ("docx" for
  // pdf: writers/pdf_converter.hpp); empty for the formats written directly.
  std::string_view made_from;
};

// What the program writes.
enum class Output {
  evaluation,     // evaluate
  documents,      // render, draft, the server's documents
  review,         // review
  diff,           // diff
  rules_doc,      // rules doc
  export_decp,    // export decp
  export_eforms,  // export eforms
};

// The format named `name`, or nullptr.
[[nodiscard]] const OutputFormat* output_format(std::string_view name);
// The format whose extension `file` has ("revue.DOCX": docx), or nullptr.
[[nodiscard]] const OutputFormat* format_of_file(std::string_view file);
// The names of the formats `output` offers, in the order shown; the first is the default.
[[nodiscard]] const std::vector<std::string>& format_names(Output output);
[[nodiscard]] bool offers(Output output, std::string_view name);
// "table, json, jsonl, csv ou xlsx", for messages.
[[nodiscard]] std::string format_choices(Output output);

}  // namespace clausier::writers
