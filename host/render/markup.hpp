#pragma once
// The document markup: a CommonMark subset (templates/README.md) parsed into
// a format-free block tree that every writer (md, html, docx, odt) walks.
// What is outside the subset, or malformed, is reported at its line rather
// than guessed.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"

namespace clausier::render::markup {

struct Inline {
  enum class Kind { text, strong, emphasis, line_break };
  Kind kind = Kind::text;
  std::string text;              // text: the characters, escapes resolved
  std::vector<Inline> children;  // strong, emphasis
};
using Inlines = std::vector<Inline>;

enum class Align { none, left, center, right };

struct Block;

struct ListItem {
  Inlines content;
  std::vector<Block> children;  // a nested list (one level), if any
};

struct Block {
  enum class Kind { heading, paragraph, bullet_list, ordered_list, table, rule, note };
  Kind kind = Kind::paragraph;
  std::uint32_t line = 0;                  // where it starts in the source
  int level = 0;                           // heading: 1..4
  int start = 1;                           // ordered_list: first number
  Inlines content;                         // heading, paragraph
  std::vector<ListItem> items;             // lists
  std::vector<Align> align;                // table: one per column
  std::vector<std::vector<Inlines>> rows;  // table: rows[0] is the header row
  std::vector<Block> children;             // note: its blocks
};

struct Document {
  std::vector<Block> blocks;
};

// Where each line of the parsed text comes from: `file`, and for line i
// (1-based) of the text, lines[i-1] in that file (empty: the same number).
// A rendered document names its template and says its lines are those of
// the rendered text.
struct SourceMap {
  std::string file;
  std::string context;               // appended to messages, e.g. " (texte rendu pour le lot C1-L1)"
  std::vector<std::uint32_t> lines;  // optional line translation
};

// Parses `text`. Every problem is reported to `diags` at its line; the parse
// goes on and keeps what it understood.
[[nodiscard]] Document parse(std::string_view text, const SourceMap& source, DiagnosticSink& diags);

// The plain text of inlines (marks dropped), e.g. for a title.
[[nodiscard]] std::string plain_text(const Inlines& inlines);

}  // namespace clausier::render::markup
