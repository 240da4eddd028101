#include "writers/markup_office.hpp"

#include <algorithm>
#include <cstdio>

#include "render/renderer.hpp"

namespace clausier::writers {
namespace {

using render::markup::Align;
using render::markup::Block;
using render::markup::Inline;
using render::markup::Inlines;

std::string xml(std::string_view s) { return render::escape(render::Escaping::xml, s); }

// Characters (code points) of a cell's text: its mean length, its longest word.
struct CellMeasure {
  std::size_t length = 0;
  std::size_t longest_word = 0;
};

CellMeasure measure(const Inlines& cell) {
  const std::string text = render::markup::plain_text(cell);
  CellMeasure m;
  std::size_t word = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    ++m.length;
    if (c == ' ' || c == '\t' || c == '\n') {
      word = 0;
    } else {
      m.longest_word = std::max(m.longest_word, ++word);
    }
  }
  return m;
}

// Twips of an average character of the table text (9.5 pt, in the widest
// common fallback font, DejaVu) and of a cell's margins.
constexpr int table_char_twips = 120;
constexpr int table_cell_padding_twips = 230;

// --- DOCX -------------------------------------------------------------------

constexpr int text_width_twips = 9638;  // A4 (11906) less the skeleton's 2 cm margins

struct RunStyle {
  bool bold = false;
  bool italic = false;
};

class Docx {
 public:
  DocxBody result;

  void blocks(const std::vector<Block>& blocks, bool in_note) {
    for (const auto& b : blocks) block(b, in_note);
  }

 private:
  int next_num_ = 1;
  int titles_ = 0;  // level-1 headings written

  static std::string runs(const Inlines& inlines, RunStyle style) {
    std::string out;
    for (const auto& i : inlines) {
      switch (i.kind) {
        case Inline::Kind::text: {
          std::string props;
          if (style.bold) props += "<w:b/>";
          if (style.italic) props += "<w:i/>";
          out += "<w:r>" + (props.empty() ? "" : "<w:rPr>" + props + "</w:rPr>") +
                 "<w:t xml:space=\"preserve\">" + xml(i.text) + "</w:t></w:r>";
          break;
        }
        case Inline::Kind::strong: out += runs(i.children, {true, style.italic}); break;
        case Inline::Kind::emphasis: out += runs(i.children, {style.bold, true}); break;
        case Inline::Kind::line_break: out += "<w:r><w:br/></w:r>"; break;
      }
    }
    return out;
  }

  void paragraph(const std::string& style, const std::string& extra_props, const std::string& content) {
    result.body +=
        "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>" + extra_props + "</w:pPr>" + content + "</w:p>\n";
  }

  // A list instance of abstract numbering 1 (bullets) or 2 (decimal) that
  // starts at `start`: each list gets its own, so that numbering restarts.
  int list_instance(bool ordered, int start) {
    const int id = next_num_++;
    result.numbering += "<w:num w:numId=\"" + std::to_string(id) + "\"><w:abstractNumId w:val=\"" +
                        (ordered ? "2" : "1") + "\"/>";
    for (int level = 0; level < 2; ++level) {
      result.numbering += "<w:lvlOverride w:ilvl=\"" + std::to_string(level) +
                          "\"><w:startOverride w:val=\"" + std::to_string(level == 0 ? start : 1) +
                          "\"/></w:lvlOverride>";
    }
    result.numbering += "</w:num>\n";
    return id;
  }

  void list(const Block& b, int level, bool in_note) {
    const int id = list_instance(b.kind == Block::Kind::ordered_list, b.start);
    const std::string numbering = "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) +
                                  "\"/><w:numId w:val=\"" + std::to_string(id) + "\"/></w:numPr>";
    for (const auto& item : b.items) {
      paragraph(in_note ? "Note" : "Liste", numbering, runs(item.content, {}));
      for (const auto& child : item.children) list(child, level + 1, in_note);
    }
  }

  void table(const Block& b) {
    const std::vector<int> widths =
        column_widths(b, text_width_twips, table_char_twips, table_cell_padding_twips);
    std::string& out = result.body;
    out +=
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"Tableau\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders>"
        "<w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
        "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>\n<w:tblGrid>";
    for (const int width : widths) out += "<w:gridCol w:w=\"" + std::to_string(width) + "\"/>";
    out += "</w:tblGrid>\n";
    for (std::size_t r = 0; r < b.rows.size(); ++r) {
      const bool header = r == 0;
      // Header rows repeat on each page; no row is split across two.
      out += header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                    : "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
      for (std::size_t c = 0; c < b.rows[r].size(); ++c) {
        const int width = c < widths.size() ? widths[c] : widths.back();
        out += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>" +
               (header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>" : "") + "</w:tcPr>";
        const Align a = c < b.align.size() ? b.align[c] : Align::none;
        const std::string jc = a == Align::center  ? "<w:jc w:val=\"center\"/>"
                               : a == Align::right ? "<w:jc w:val=\"right\"/>"
                                                   : "";
        out += "<w:p><w:pPr><w:pStyle w:val=\"TableauTexte\"/>" + jc + "</w:pPr>" +
               runs(b.rows[r][c], {header, false}) + "</w:p></w:tc>";
      }
      out += "</w:tr>\n";
    }
    out += "</w:tbl>\n";
    // Word needs a paragraph between two tables; one after each keeps them apart.
    paragraph("Paragraphe", "", "");
  }

  void block(const Block& b, bool in_note) {
    switch (b.kind) {
      case Block::Kind::heading:
        if (in_note) {
          paragraph("Note", "<w:keepNext/>", runs(b.content, {true, false}));
        } else {
          // A level-1 heading after the first (an annex) starts a page.
          const bool new_page = b.level == 1 && titles_++ > 0;
          paragraph(b.level == 1 ? "Titre" : "Titre" + std::to_string(b.level - 1),
                    new_page ? "<w:pageBreakBefore/>" : "", runs(b.content, {}));
        }
        break;
      case Block::Kind::paragraph: paragraph(in_note ? "Note" : "Paragraphe", "", runs(b.content, {})); break;
      case Block::Kind::bullet_list:
      case Block::Kind::ordered_list: list(b, 0, in_note); break;
      case Block::Kind::rule: paragraph("Filet", "", ""); break;
      case Block::Kind::note: blocks(b.children, true); break;
      case Block::Kind::table: table(b); break;
    }
  }
};

// --- ODT --------------------------------------------------------------------

// ODF collapses runs of spaces: the second and following are <text:s/>.
std::string odt_text(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' && i + 1 < s.size() && s[i + 1] == ' ') {
      std::size_t n = 0;
      while (i + 1 + n < s.size() && s[i + 1 + n] == ' ') ++n;
      out += " <text:s text:c=\"" + std::to_string(n) + "\"/>";
      i += n + 1;
      continue;
    }
    if (s[i] == '\t') {
      out += "<text:tab/>";
      ++i;
      continue;
    }
    const std::size_t next = std::min(s.find_first_of(" \t", i + 1), s.size());
    out += xml(s.substr(i, next - i));
    i = next;
  }
  return out;
}

std::string odt_inlines(const Inlines& inlines) {
  std::string out;
  for (const auto& i : inlines) {
    switch (i.kind) {
      case Inline::Kind::text: out += odt_text(i.text); break;
      case Inline::Kind::strong:
        out += "<text:span text:style-name=\"Gras\">" + odt_inlines(i.children) + "</text:span>";
        break;
      case Inline::Kind::emphasis:
        out += "<text:span text:style-name=\"Italique\">" + odt_inlines(i.children) + "</text:span>";
        break;
      case Inline::Kind::line_break: out += "<text:line-break/>"; break;
    }
  }
  return out;
}

struct Odt {
  OdtBody result;
  int tables = 0;
  int titles = 0;  // level-1 headings written
  bool page_break_style = false;
};

void odt_blocks(const std::vector<Block>& blocks, bool in_note, Odt& odt);

void odt_list(const Block& b, bool in_note, Odt& odt) {
  std::string& out = odt.result.body;
  const bool ordered = b.kind == Block::Kind::ordered_list;
  out += std::string("<text:list text:style-name=\"") + (ordered ? "Numeros" : "Puces") + "\">\n";
  bool first = true;
  for (const auto& item : b.items) {
    out += first && ordered && b.start != 1
               ? "<text:list-item text:start-value=\"" + std::to_string(b.start) + "\">"
               : std::string("<text:list-item>");
    first = false;
    out += std::string("<text:p text:style-name=\"") + (in_note ? "Note" : "Liste") + "\">" +
           odt_inlines(item.content) + "</text:p>";
    for (const auto& child : item.children) {
      out += "\n";
      odt_list(child, in_note, odt);
    }
    out += "</text:list-item>\n";
  }
  out += "</text:list>\n";
}

// The table's columns, each with its relative width (automatic styles
// TableauN.A, .B…, as office suites name them).
std::string odt_columns(const Block& b, Odt& odt) {
  // Relative widths, in twips of the 17 cm text width the Tableau style has.
  const std::vector<int> widths =
      column_widths(b, text_width_twips, table_char_twips, table_cell_padding_twips);
  const std::string table = "Tableau" + std::to_string(++odt.tables);
  std::string columns;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const std::string name = table + "." + std::string(1, static_cast<char>('A' + c % 26)) +
                             (c >= 26 ? std::to_string(c / 26) : std::string());
    // LibreOffice lays out by the absolute width; the relative one is ODF's.
    const int hundredths_mm = widths[c] * 2540 / 1440;
    char width[32];
    std::snprintf(width, sizeof width, "%d.%02dmm", hundredths_mm / 100, hundredths_mm % 100);
    odt.result.automatic_styles += "<style:style style:name=\"" + name +
                                   "\" style:family=\"table-column\"><style:table-column-properties "
                                   "style:column-width=\"" +
                                   width + "\" style:rel-width=\"" + std::to_string(widths[c]) +
                                   "*\"/></style:style>";
    columns += "<table:table-column table:style-name=\"" + name + "\"/>";
  }
  return columns;
}

void odt_blocks(const std::vector<Block>& blocks, bool in_note, Odt& odt) {
  std::string& out = odt.result.body;
  for (const auto& b : blocks) {
    switch (b.kind) {
      case Block::Kind::heading:
        if (in_note) {
          out += "<text:p text:style-name=\"Note\"><text:span text:style-name=\"Gras\">" +
                 odt_inlines(b.content) + "</text:span></text:p>\n";
        } else if (b.level == 1) {
          // A level-1 heading after the first (an annex) starts a page.
          if (odt.titles++ > 0 && !odt.page_break_style) {
            odt.result.automatic_styles +=
                "<style:style style:name=\"Titre_20_page\" style:family=\"paragraph\" "
                "style:parent-style-name=\"Titre\"><style:paragraph-properties fo:break-before=\"page\"/>"
                "</style:style>";
            odt.page_break_style = true;
          }
          out += std::string("<text:p text:style-name=\"") + (odt.titles > 1 ? "Titre_20_page" : "Titre") +
                 "\">" + odt_inlines(b.content) + "</text:p>\n";
        } else {
          const std::string level = std::to_string(b.level - 1);
          out += "<text:h text:style-name=\"Titre_20_" + level + "\" text:outline-level=\"" + level + "\">" +
                 odt_inlines(b.content) + "</text:h>\n";
        }
        break;
      case Block::Kind::paragraph:
        out += std::string("<text:p text:style-name=\"") + (in_note ? "Note" : "Paragraphe") + "\">" +
               odt_inlines(b.content) + "</text:p>\n";
        break;
      case Block::Kind::bullet_list:
      case Block::Kind::ordered_list: odt_list(b, in_note, odt); break;
      case Block::Kind::rule: out += "<text:p text:style-name=\"Filet\"/>\n"; break;
      case Block::Kind::note: odt_blocks(b.children, true, odt); break;
      case Block::Kind::table: {
        out += "<table:table table:style-name=\"Tableau\">\n" + odt_columns(b, odt) + "\n";
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
          if (r == 0) out += "<table:table-header-rows>";
          out += "<table:table-row>";
          for (std::size_t c = 0; c < b.rows[r].size(); ++c) {
            const Align a = c < b.align.size() ? b.align[c] : Align::none;
            const std::string style = a == Align::center  ? "Tableau_20_centre"
                                      : a == Align::right ? "Tableau_20_droite"
                                                          : "Tableau_20_texte";
            std::string content = odt_inlines(b.rows[r][c]);
            if (r == 0) content = "<text:span text:style-name=\"Gras\">" + content + "</text:span>";
            out += std::string("<table:table-cell table:style-name=\"") +
                   (r == 0 ? "Cellule_20_en-tete" : "Cellule") +
                   "\" office:value-type=\"string\"><text:p text:style-name=\"" + style + "\">" + content +
                   "</text:p></table:table-cell>";
          }
          out += "</table:table-row>";
          if (r == 0) out += "</table:table-header-rows>";
          out += "\n";
        }
        out += "</table:table>\n";
        break;
      }
    }
  }
}

}  // namespace

DocxBody markup_to_docx(const render::markup::Document& doc) {
  Docx docx;
  docx.blocks(doc.blocks, false);
  return docx.result;
}

OdtBody markup_to_odt(const render::markup::Document& doc) {
  Odt odt;
  odt_blocks(doc.blocks, false, odt);
  return std::move(odt.result);
}

std::string with_automatic_styles(std::string content, const std::string& styles) {
  if (styles.empty()) return content;
  if (const auto end = content.find("</office:automatic-styles>"); end != std::string::npos) {
    content.insert(end, styles);
  } else if (const auto empty = content.find("<office:automatic-styles/>"); empty != std::string::npos) {
    content.replace(empty, std::string_view("<office:automatic-styles/>").size(),
                    "<office:automatic-styles>" + styles + "</office:automatic-styles>");
  } else if (const auto body = content.find("<office:body"); body != std::string::npos) {
    content.insert(body, "<office:automatic-styles>" + styles + "</office:automatic-styles>\n");
  }
  return content;
}

std::vector<int> column_widths(const Block& table, int total, int char_width, int padding) {
  constexpr std::size_t longest_word_cap = 24;
  const std::size_t columns = table.rows.empty() ? 1 : std::max<std::size_t>(1, table.rows[0].size());
  std::vector<int> least(columns, padding + char_width);
  std::vector<int> wanted(columns, 0);
  for (std::size_t c = 0; c < columns; ++c) {
    std::size_t sum = 0;
    std::size_t cells = 0;
    std::size_t word = 1;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto& row = table.rows[r];
      if (c >= row.size()) continue;
      const CellMeasure m = measure(row[c]);
      // The header row is bold: about a sixth wider.
      const std::size_t longest = r == 0 ? m.longest_word + (m.longest_word + 5) / 6 : m.longest_word;
      word = std::max(word, std::min(longest, longest_word_cap));
      sum += m.length;
      ++cells;
    }
    least[c] = padding + static_cast<int>(word) * char_width;
    const int mean = cells == 0 ? 0 : static_cast<int>((sum + cells - 1) / cells);
    wanted[c] = std::max(least[c], padding + mean * char_width);
  }
  const auto sum = [](const std::vector<int>& v) {
    long long s = 0;
    for (const int x : v) s += x;
    return s;
  };
  const long long least_sum = sum(least);
  const long long wanted_sum = sum(wanted);
  std::vector<int> widths(columns);
  for (std::size_t c = 0; c < columns; ++c) {
    long long w = 0;
    if (least_sum >= total) {
      w = least[c] * static_cast<long long>(total) / least_sum;  // too narrow anyway: shrink alike
    } else if (wanted_sum <= total) {
      w = wanted[c] * static_cast<long long>(total) / wanted_sum;  // room to spare: widen alike
    } else {
      w = least[c] + (wanted[c] - least[c]) * (total - least_sum) / (wanted_sum - least_sum);
    }
    widths[c] = static_cast<int>(w);
  }
  widths.back() += total - static_cast<int>(sum(widths));  // rounding: the sum is exact
  return widths;
}

}  // namespace clausier::writers
