#include "writers/markup_text.hpp"

#include "render/renderer.hpp"

namespace clausier::writers {
namespace {

using render::markup::Align;
using render::markup::Block;
using render::markup::Inline;
using render::markup::Inlines;

// --- Markdown ---------------------------------------------------------------

std::string md_text(std::string_view s, bool in_table) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool next_alpha = i + 1 < s.size() && (std::isalpha(static_cast<unsigned char>(s[i + 1])) != 0 ||
                                                 s[i + 1] == '/' || s[i + 1] == '!');
    if (c == '\\' || c == '*' || c == '_' || c == '`' || (c == '|' && in_table) || (c == '<' && next_alpha) ||
        (c == ']' && i + 1 < s.size() && (s[i + 1] == '(' || s[i + 1] == '['))) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string md_inlines(const Inlines& inlines, bool in_table) {
  std::string out;
  for (const auto& i : inlines) {
    switch (i.kind) {
      case Inline::Kind::text: out += md_text(i.text, in_table); break;
      case Inline::Kind::strong: out += "**" + md_inlines(i.children, in_table) + "**"; break;
      case Inline::Kind::emphasis: out += "*" + md_inlines(i.children, in_table) + "*"; break;
      case Inline::Kind::line_break: out += "\\\n"; break;
    }
  }
  return out;
}

// A line that would open a block is escaped at its start.
std::string md_line_start(std::string s) {
  if (s.empty()) return s;
  std::size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (s[0] == '#' || s[0] == '>' || s[0] == '|' ||
      ((s[0] == '-' || s[0] == '+') && (s.size() == 1 || s[1] == ' '))) {
    return "\\" + s;
  }
  if (digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')')) s.insert(digits, "\\");
  return s;
}

void md_blocks(const std::vector<Block>& blocks, const std::string& prefix, std::string& out);

void md_list(const Block& b, const std::string& indent, const std::string& prefix, std::string& out) {
  int n = b.start;
  for (const auto& item : b.items) {
    const std::string marker = b.kind == Block::Kind::ordered_list ? std::to_string(n++) + ". " : "- ";
    std::string text = md_inlines(item.content, false);
    // Continuation lines of a hard break keep the item's indentation.
    std::string body;
    for (char c : text) {
      body += c;
      if (c == '\n') body += prefix + indent + std::string(marker.size(), ' ');
    }
    out += prefix + indent + marker + md_line_start(body) + "\n";
    for (const auto& child : item.children)
      md_list(child, indent + std::string(marker.size(), ' '), prefix, out);
  }
}

void md_blocks(const std::vector<Block>& blocks, const std::string& prefix, std::string& out) {
  bool first = true;
  for (const auto& b : blocks) {
    if (!first) out += prefix.empty() ? "\n" : ">\n";
    first = false;
    switch (b.kind) {
      case Block::Kind::heading:
        out += prefix + std::string(static_cast<std::size_t>(b.level), '#') + " " +
               md_inlines(b.content, false) + "\n";
        break;
      case Block::Kind::paragraph: {
        std::string text = md_line_start(md_inlines(b.content, false));
        std::string lines;
        for (char c : text) {
          lines += c;
          if (c == '\n') lines += prefix;
        }
        out += prefix + lines + "\n";
        break;
      }
      case Block::Kind::bullet_list:
      case Block::Kind::ordered_list: md_list(b, "", prefix, out); break;
      case Block::Kind::rule: out += prefix + "---\n"; break;
      case Block::Kind::note: md_blocks(b.children, prefix + "> ", out); break;
      case Block::Kind::table: {
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
          std::string line = prefix + "|";
          for (const auto& cell : b.rows[r]) line += " " + md_inlines(cell, true) + " |";
          out += line + "\n";
          if (r == 0) {
            std::string sep = prefix + "|";
            for (const Align a : b.align) {
              sep += a == Align::center  ? ":---:|"
                     : a == Align::left  ? ":---|"
                     : a == Align::right ? "---:|"
                                         : "---|";
            }
            out += sep + "\n";
          }
        }
        break;
      }
    }
  }
}

// --- HTML -------------------------------------------------------------------

std::string html_inlines(const Inlines& inlines) {
  std::string out;
  for (const auto& i : inlines) {
    switch (i.kind) {
      case Inline::Kind::text: out += render::escape(render::Escaping::html, i.text); break;
      case Inline::Kind::strong: out += "<strong>" + html_inlines(i.children) + "</strong>"; break;
      case Inline::Kind::emphasis: out += "<em>" + html_inlines(i.children) + "</em>"; break;
      case Inline::Kind::line_break: out += "<br>\n"; break;
    }
  }
  return out;
}

void html_blocks(const std::vector<Block>& blocks, std::string& out);

void html_list(const Block& b, std::string& out) {
  const bool ordered = b.kind == Block::Kind::ordered_list;
  out += ordered ? (b.start != 1 ? "<ol start=\"" + std::to_string(b.start) + "\">\n" : "<ol>\n") : "<ul>\n";
  for (const auto& item : b.items) {
    out += "<li>" + html_inlines(item.content);
    if (!item.children.empty()) {
      out += "\n";
      for (const auto& child : item.children) html_list(child, out);
    }
    out += "</li>\n";
  }
  out += ordered ? "</ol>\n" : "</ul>\n";
}

const char* align_style(Align a) {
  switch (a) {
    case Align::left: return " style=\"text-align:left\"";
    case Align::center: return " style=\"text-align:center\"";
    case Align::right: return " style=\"text-align:right\"";
    case Align::none: break;
  }
  return "";
}

void html_blocks(const std::vector<Block>& blocks, std::string& out) {
  for (const auto& b : blocks) {
    switch (b.kind) {
      case Block::Kind::heading: {
        const std::string tag = "h" + std::to_string(b.level);
        out += "<" + tag + ">" + html_inlines(b.content) + "</" + tag + ">\n";
        break;
      }
      case Block::Kind::paragraph: out += "<p>" + html_inlines(b.content) + "</p>\n"; break;
      case Block::Kind::bullet_list:
      case Block::Kind::ordered_list: html_list(b, out); break;
      case Block::Kind::rule: out += "<hr>\n"; break;
      case Block::Kind::note:
        out += "<aside class=\"note\">\n";
        html_blocks(b.children, out);
        out += "</aside>\n";
        break;
      case Block::Kind::table: {
        out += "<table>\n<thead>\n<tr>";
        for (std::size_t c = 0; c < b.rows[0].size(); ++c)
          out += "<th" + std::string(align_style(b.align[c])) + ">" + html_inlines(b.rows[0][c]) + "</th>";
        out += "</tr>\n</thead>\n<tbody>\n";
        for (std::size_t r = 1; r < b.rows.size(); ++r) {
          out += "<tr>";
          for (std::size_t c = 0; c < b.rows[r].size(); ++c)
            out += "<td" + std::string(align_style(b.align[c])) + ">" + html_inlines(b.rows[r][c]) + "</td>";
          out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
        break;
      }
    }
  }
}

}  // namespace

std::string markup_to_markdown(const render::markup::Document& doc) {
  std::string out;
  md_blocks(doc.blocks, "", out);
  return out;
}

std::string markup_to_html(const render::markup::Document& doc) {
  std::string out;
  html_blocks(doc.blocks, out);
  return out;
}

}  // namespace clausier::writers
