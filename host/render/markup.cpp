#include "render/markup.hpp"

#include <algorithm>

namespace clausier::render::markup {
namespace {

struct Line {
  std::string_view text;
  std::uint32_t number = 0;  // 1-based, in the parsed text
};

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

std::size_t indent_of(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && s[n] == ' ') ++n;
  return n;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool blank(std::string_view s) { return trim(s).empty(); }

// "- x" -> bullet; "12. x" -> ordered (number); the content after the marker.
struct Marker {
  enum class Kind { none, bullet, ordered, bad_bullet, bad_ordered } kind = Kind::none;
  int number = 0;
  std::string_view content;
};

Marker list_marker(std::string_view s) {
  Marker m;
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') {
    m.kind = s[0] == '-' ? Marker::Kind::bullet : Marker::Kind::bad_bullet;
    m.content = trim(s.substr(2));
    return m;
  }
  if ((s == "-")) {
    m.kind = Marker::Kind::bullet;
    return m;
  }
  std::size_t d = 0;
  while (d < s.size() && d < 9 && s[d] >= '0' && s[d] <= '9') ++d;
  if (d > 0 && d + 1 < s.size() + 1 && d < s.size() && (s[d] == '.' || s[d] == ')') &&
      (d + 1 == s.size() || s[d + 1] == ' ')) {
    m.kind = s[d] == '.' ? Marker::Kind::ordered : Marker::Kind::bad_ordered;
    m.number = std::stoi(std::string(s.substr(0, d)));
    m.content = d + 1 < s.size() ? trim(s.substr(d + 2)) : std::string_view();
  }
  return m;
}

bool is_rule(std::string_view s, char c) {
  s = trim(s);
  if (s.size() < 3) return false;
  return std::all_of(s.begin(), s.end(), [c](char x) { return x == c || x == ' '; }) &&
         std::count(s.begin(), s.end(), c) >= 3;
}

int heading_level(std::string_view s) {
  int n = 0;
  while (static_cast<std::size_t>(n) < s.size() && s[static_cast<std::size_t>(n)] == '#') ++n;
  if (n == 0 || n > 6) return 0;
  if (static_cast<std::size_t>(n) == s.size() || s[static_cast<std::size_t>(n)] == ' ') return n;
  return 0;
}

bool is_table_row(std::string_view s) { return !s.empty() && s.front() == '|'; }

// Splits a table row on its unescaped pipes (escapes kept for the inline parser).
std::vector<std::string> split_row(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '|') s.remove_prefix(1);
  if (s.size() >= 2 && s.back() == '|' && s[s.size() - 2] != '\\')
    s.remove_suffix(1);
  else if (s.size() == 1 && s.back() == '|')
    s.remove_suffix(1);
  std::vector<std::string> cells;
  std::string cell;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      cell += s[i];
      cell += s[++i];
    } else if (s[i] == '|') {
      cells.emplace_back(trim(cell));
      cell.clear();
    } else {
      cell += s[i];
    }
  }
  cells.emplace_back(trim(cell));
  return cells;
}

bool separator_row(std::string_view s, std::vector<Align>& align) {
  if (!is_table_row(trim(s))) return false;
  align.clear();
  for (const auto& cell : split_row(s)) {
    std::string_view c = cell;
    if (c.empty()) return false;
    const bool left = c.front() == ':';
    const bool right = c.back() == ':';
    if (left) c.remove_prefix(1);
    if (right && !c.empty()) c.remove_suffix(1);
    if (c.empty() || !std::all_of(c.begin(), c.end(), [](char x) { return x == '-'; })) return false;
    align.push_back(left && right ? Align::center : left ? Align::left : right ? Align::right : Align::none);
  }
  return true;
}

class Parser {
 public:
  Parser(const SourceMap& source, DiagnosticSink& diags) : source_(source), diags_(diags) {}

  void error(std::uint32_t line, const std::string& message) {
    Location where = Location::in_file(source_.file);
    if (!source_.context.empty()) {
      diags_.error(where, message + source_.context + ", ligne " + std::to_string(line));
      return;
    }
    where.line = line != 0 && line <= source_.lines.size() ? source_.lines[line - 1] : line;
    diags_.error(where, message);
  }

  std::vector<Block> blocks(const std::vector<Line>& lines, bool in_note) {
    std::vector<Block> out;
    std::size_t i = 0;
    while (i < lines.size()) {
      const Line& line = lines[i];
      if (blank(line.text)) {
        ++i;
        continue;
      }
      const std::size_t indent = indent_of(line.text);
      const std::string_view s = line.text.substr(indent);
      if (indent >= 4) {
        error(line.number,
              "ligne indentée de quatre espaces ou plus hors d'une liste (bloc de code, non pris en "
              "charge) : retirez l'indentation");
        out.push_back(paragraph(lines, i));
        continue;
      }
      if (s.starts_with("```") || s.starts_with("~~~")) {
        error(line.number, "les blocs de code (```) ne sont pas pris en charge : écrivez un paragraphe");
        ++i;
        continue;
      }
      if (const int level = heading_level(s); level > 0) {
        if (level > 4)
          error(line.number, "titre de niveau " + std::to_string(level) + " : utilisez # à ####");
        Block b;
        b.kind = Block::Kind::heading;
        b.line = line.number;
        b.level = std::min(level, 4);
        std::string_view text = trim(s.substr(static_cast<std::size_t>(level)));
        // An optional closing sequence of #.
        const auto last = text.find_last_not_of('#');
        if (last != std::string_view::npos && last + 1 < text.size() && text[last] == ' ')
          text = trim(text.substr(0, last));
        b.content = inlines(text, line.number);
        if (b.content.empty()) error(line.number, "titre vide : écrivez son texte après les #");
        out.push_back(std::move(b));
        ++i;
        continue;
      }
      if (is_rule(s, '-')) {
        if (in_note) error(line.number, "filet (---) dans une note : sortez-le de la note");
        Block b;
        b.kind = Block::Kind::rule;
        b.line = line.number;
        out.push_back(std::move(b));
        ++i;
        continue;
      }
      if (is_rule(s, '*') || is_rule(s, '_')) {
        error(line.number, "filet écrit « " + std::string(trim(s)) + " » : écrivez ---");
        ++i;
        continue;
      }
      if (s.starts_with(">")) {
        if (in_note) error(line.number, "note dans une note : une seule profondeur de « > »");
        out.push_back(note(lines, i));
        continue;
      }
      if (is_table_row(s)) {
        out.push_back(table(lines, i));
        continue;
      }
      const Marker m = list_marker(s);
      if (m.kind != Marker::Kind::none) {
        out.push_back(list(lines, i, in_note));
        continue;
      }
      out.push_back(paragraph(lines, i));
    }
    return out;
  }

  // A line that ends a paragraph without a blank line.
  bool interrupts(std::string_view raw) {
    if (indent_of(raw) >= 4) return false;
    const std::string_view s = trim(raw);
    return heading_level(s) > 0 || s.starts_with(">") || s.starts_with("```") || is_table_row(s) ||
           list_marker(s).kind != Marker::Kind::none || is_rule(s, '*') || is_rule(s, '_');
  }

  Block paragraph(const std::vector<Line>& lines, std::size_t& i) {
    Block b;
    b.kind = Block::Kind::paragraph;
    b.line = lines[i].number;
    std::string text(trim(lines[i].text));
    ++i;
    while (i < lines.size() && !blank(lines[i].text) && !interrupts(lines[i].text)) {
      const std::string_view s = trim(lines[i].text);
      if (is_rule(s, '-') || is_rule(s, '=')) {
        error(lines[i].number,
              "« " + std::string(s) +
                  " » juste sous un paragraphe (titre souligné, non pris en charge) : laissez une "
                  "ligne vide avant le filet, ou écrivez le titre avec #");
        ++i;
        break;
      }
      text += '\n';
      text += s;
      ++i;
    }
    b.content = inlines(text, b.line);
    return b;
  }

  Block note(const std::vector<Line>& lines, std::size_t& i) {
    Block b;
    b.kind = Block::Kind::note;
    b.line = lines[i].number;
    std::vector<Line> inner;
    while (i < lines.size() && trim(lines[i].text).starts_with(">")) {
      std::string_view s = trim(lines[i].text);
      s.remove_prefix(1);
      if (!s.empty() && s.front() == ' ') s.remove_prefix(1);
      inner.push_back({s, lines[i].number});
      ++i;
    }
    b.children = blocks(inner, true);
    return b;
  }

  Block table(const std::vector<Line>& lines, std::size_t& i) {
    Block b;
    b.kind = Block::Kind::table;
    b.line = lines[i].number;
    const auto header = split_row(lines[i].text);
    if (i + 1 >= lines.size() || !separator_row(lines[i + 1].text, b.align)) {
      error(lines[i].number,
            "tableau sans ligne de séparation : écrivez sous la ligne d'en-tête une ligne « |---|---| » "
            "(un --- par colonne)");
      while (i < lines.size() && is_table_row(trim(lines[i].text))) ++i;
      b.kind = Block::Kind::paragraph;
      return b;
    }
    if (b.align.size() != header.size()) {
      error(lines[i + 1].number, "la ligne de séparation a " + std::to_string(b.align.size()) +
                                     " colonnes, l'en-tête " + std::to_string(header.size()) +
                                     " : mettez-les d'accord");
      b.align.resize(header.size(), Align::none);
    }
    const auto row_inlines = [&](const std::vector<std::string>& cells, std::uint32_t number) {
      std::vector<Inlines> row;
      for (const auto& c : cells) row.push_back(inlines(c, number));
      return row;
    };
    b.rows.push_back(row_inlines(header, lines[i].number));
    i += 2;
    while (i < lines.size() && is_table_row(trim(lines[i].text))) {
      auto cells = split_row(lines[i].text);
      if (cells.size() != header.size()) {
        error(lines[i].number, "ligne de tableau de " + std::to_string(cells.size()) + " cellules pour " +
                                   std::to_string(header.size()) + " colonnes : ajoutez ou retirez des |");
        cells.resize(header.size());
      }
      b.rows.push_back(row_inlines(cells, lines[i].number));
      ++i;
    }
    return b;
  }

  Block list(const std::vector<Line>& lines, std::size_t& i, bool in_note) {
    const Marker first = list_marker(trim(lines[i].text));
    Block b;
    b.line = lines[i].number;
    b.kind = first.kind == Marker::Kind::ordered || first.kind == Marker::Kind::bad_ordered
                 ? Block::Kind::ordered_list
                 : Block::Kind::bullet_list;
    b.start = first.number;
    const std::size_t base = indent_of(lines[i].text);
    while (i < lines.size()) {
      const Line& line = lines[i];
      if (blank(line.text)) {
        // A blank line ends the list unless another item of it follows.
        std::size_t j = i;
        while (j < lines.size() && blank(lines[j].text)) ++j;
        if (j < lines.size() && indent_of(lines[j].text) == base &&
            same_kind(b, list_marker(trim(lines[j].text)))) {
          i = j;
          continue;
        }
        break;
      }
      const std::size_t indent = indent_of(line.text);
      const Marker m = list_marker(line.text.substr(indent));
      if (indent == base && m.kind != Marker::Kind::none) {
        if (!same_kind(b, m)) break;  // another kind of list starts
        check_marker(m, line.number);
        ListItem item;
        std::string text(m.content);
        ++i;
        text += continuation(lines, i, base);
        item.content = inlines(text, line.number);
        b.items.push_back(std::move(item));
        continue;
      }
      if (indent > base && m.kind != Marker::Kind::none && !b.items.empty()) {
        if (base > 0) {
          error(line.number,
                "liste imbriquée sur plus d'un niveau : une seule imbrication (deux espaces) est prise en "
                "charge");
        }
        if (in_note && base > 0) {
          ++i;
          continue;
        }
        b.items.back().children.push_back(list(lines, i, in_note));
        continue;
      }
      break;
    }
    return b;
  }

  // Lines that continue an item: indented, or lazy (CommonMark), up to a
  // blank line, a new item or another block.
  std::string continuation(const std::vector<Line>& lines, std::size_t& i, std::size_t base) {
    std::string text;
    while (i < lines.size() && !blank(lines[i].text)) {
      const std::size_t indent = indent_of(lines[i].text);
      const std::string_view s = trim(lines[i].text);
      if (list_marker(s).kind != Marker::Kind::none || (indent <= base && interrupts(lines[i].text))) break;
      if (is_rule(s, '-') && indent <= base) break;
      text += '\n';
      text += s;
      ++i;
    }
    return text;
  }

  static bool same_kind(const Block& b, const Marker& m) {
    const bool ordered = m.kind == Marker::Kind::ordered || m.kind == Marker::Kind::bad_ordered;
    const bool bullet = m.kind == Marker::Kind::bullet || m.kind == Marker::Kind::bad_bullet;
    return (b.kind == Block::Kind::ordered_list && ordered) || (b.kind == Block::Kind::bullet_list && bullet);
  }

  void check_marker(const Marker& m, std::uint32_t line) {
    if (m.kind == Marker::Kind::bad_bullet)
      error(line, "puce « * » ou « + » : les listes à puces s'écrivent « - » en début de ligne");
    if (m.kind == Marker::Kind::bad_ordered)
      error(line, "numéro suivi de « ) » : les listes numérotées s'écrivent « 1. »");
  }

  // Inline content; '\n' separates source lines (a soft break, or a hard one
  // after a backslash).
  Inlines inlines(std::string_view text, std::uint32_t line) {
    std::size_t pos = 0;
    std::uint32_t current = line;
    code_reported_ = false;
    return inline_run(text, pos, current, "");
  }

  Inlines inline_run(std::string_view s, std::size_t& pos, std::uint32_t& line, std::string_view closer) {
    Inlines out;
    std::string text;
    const auto flush = [&] {
      if (text.empty()) return;
      if (!out.empty() && out.back().kind == Inline::Kind::text) {
        out.back().text += text;
      } else {
        out.push_back({Inline::Kind::text, text, {}});
      }
      text.clear();
    };
    while (pos < s.size()) {
      const char c = s[pos];
      if (!closer.empty() && s.compare(pos, closer.size(), closer) == 0 && pos > 0 && s[pos - 1] != ' ' &&
          !(closer == "*" && s.compare(pos, 2, "**") == 0 && !closes_after(s, pos))) {
        pos += closer.size();
        flush();
        return out;
      }
      if (c == '\\') {
        if (pos + 1 < s.size() && s[pos + 1] == '\n') {
          flush();
          out.push_back({Inline::Kind::line_break, {}, {}});
          pos += 2;
          ++line;
          continue;
        }
        if (pos + 1 < s.size() && is_ascii_punct(s[pos + 1])) {
          text += s[pos + 1];
          pos += 2;
          continue;
        }
        if (pos + 1 == s.size()) {  // a hard break at the very end means nothing
          ++pos;
          continue;
        }
        text += c;
        ++pos;
        continue;
      }
      if (c == '\n') {
        text += ' ';
        ++pos;
        ++line;
        continue;
      }
      if (c == '*') {
        const bool strong = s.compare(pos, 2, "**") == 0;
        const std::size_t width = strong ? 2 : 1;
        const bool opener = pos + width < s.size() && s[pos + width] != ' ' && s[pos + width] != '\n';
        if (!opener) {
          error(line,
                "« * » isolé : échappez-le (\\*) pour l'écrire, ou collez-le au texte à mettre en valeur");
          text += std::string(width, '*');
          pos += width;
          continue;
        }
        const std::string_view want = strong ? "**" : "*";
        const std::size_t close = find_closer(s, pos + width, want);
        if (close == std::string_view::npos) {
          error(line, std::string("« ") + std::string(want) +
                          " » ouvert mais jamais fermé sur ce paragraphe : fermez-le, ou "
                          "échappez-le (\\*)");
          text += std::string(want);
          pos += width;
          continue;
        }
        flush();
        pos += width;
        Inline mark{
            strong ? Inline::Kind::strong : Inline::Kind::emphasis, {}, inline_run(s, pos, line, want)};
        out.push_back(std::move(mark));
        continue;
      }
      if (c == '`' && !code_reported_) {
        code_reported_ = true;  // once for the pair
        error(line, "« ` » (code) n'est pas pris en charge : échappez-le (\\`)");
      } else if (c == '<' && pos + 1 < s.size() &&
                 (std::isalpha(static_cast<unsigned char>(s[pos + 1])) != 0 || s[pos + 1] == '/' ||
                  s[pos + 1] == '!')) {
        error(line, "balise HTML : le HTML n'est pas pris en charge dans les modèles ; échappez « < » (\\<)");
      } else if (c == ']' && pos + 1 < s.size() && s[pos + 1] == '(') {
        error(line,
              "lien [texte](adresse) : les liens ne sont pas pris en charge ; écrivez l'adresse en clair");
      } else if (c == '_' && (pos == 0 || s[pos - 1] == ' ') && pos + 1 < s.size() && s[pos + 1] != ' ' &&
                 s.find('_', pos + 1) != std::string_view::npos) {
        error(line,
              "« _ » pour l'italique n'est pas pris en charge : écrivez *italique*, ou échappez-le (\\_)");
      }
      text += c;
      ++pos;
    }
    flush();
    return out;
  }

  // Whether a "**" at `pos` closes an emphasis opened with "*" (as in
  // "*a **b** c*", it does not).
  static bool closes_after(std::string_view s, std::size_t pos) {
    return pos + 2 >= s.size() || s[pos + 2] == ' ' || s[pos + 2] == '\n' || is_ascii_punct(s[pos + 2]);
  }

  // The position of the delimiter closing an emphasis that opens at `from`.
  static std::size_t find_closer(std::string_view s, std::size_t from, std::string_view want) {
    for (std::size_t i = from; i < s.size(); ++i) {
      if (s[i] == '\\') {
        ++i;
        continue;
      }
      if (s.compare(i, want.size(), want) != 0 || s[i - 1] == ' ' || s[i - 1] == '\n') {
        if (want == "*" && s.compare(i, 2, "**") == 0) ++i;  // a nested strong
        continue;
      }
      if (want == "*" && s.compare(i, 2, "**") == 0) {
        const std::size_t inner = find_closer(s, i + 2, "**");
        if (inner == std::string_view::npos) return i;
        i = inner + 1;
        continue;
      }
      return i;
    }
    return std::string_view::npos;
  }

 private:
  const SourceMap& source_;
  DiagnosticSink& diags_;
  bool code_reported_ = false;
};

}  // namespace

Document parse(std::string_view text, const SourceMap& source, DiagnosticSink& diags) {
  std::vector<Line> lines;
  std::uint32_t number = 0;
  while (!text.empty() || number == 0) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({line, ++number});
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  Parser parser(source, diags);
  Document d;
  d.blocks = parser.blocks(lines, false);
  return d;
}

std::string plain_text(const Inlines& inlines) {
  std::string out;
  for (const auto& i : inlines) {
    switch (i.kind) {
      case Inline::Kind::text: out += i.text; break;
      case Inline::Kind::line_break: out += ' '; break;
      default: out += plain_text(i.children);
    }
  }
  return out;
}

}  // namespace clausier::render::markup
