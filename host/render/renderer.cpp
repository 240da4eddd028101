#include "render/renderer.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <kainjow/mustache.hpp>
#include <stdexcept>
#include <unordered_map>

#include "base/french.hpp"
#include "base/key_set.hpp"
#include "base/xml_escape.hpp"
#include "render/markup.hpp"

namespace clausier::render {
namespace {

namespace mus = kainjow::mustache;

mus::data to_data(const View& v) {
  switch (v.type()) {
    case View::Type::text: return mus::data(v.str());
    case View::Type::boolean:
      return mus::data(v.flag() ? mus::data::type::bool_true : mus::data::type::bool_false);
    case View::Type::list: {
      mus::data out(mus::data::type::list);
      for (const auto& item : v.items()) out.push_back(to_data(item));
      return out;
    }
    case View::Type::object: {
      mus::data out(mus::data::type::object);
      // Mustache treats an empty string as true in sections: leave empty
      // texts out so that {{^x}}placeholder{{/x}} shows when x is empty.
      for (const auto& [k, field] : v.fields()) {
        if (field.type() == View::Type::text && field.str().empty()) continue;
        out.set(k, to_data(field));
      }
      return out;
    }
  }
  return mus::data();
}

std::string escape_markdown(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  // A value may land at the start of a line: keep it from opening a list.
  std::size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  const std::size_t list_marker =
      (!s.empty() && (s[0] == '-' || s[0] == '+'))                                  ? 0
      : (digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')')) ? digits
                                                                                    : std::string_view::npos;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '#':
      case '|':
        out += '\\';
        out += c;
        break;
      case '\n':
      case '\r':
      case '\t': out += ' '; break;
      default:
        if (i == list_marker) out += '\\';
        out += c;
    }
  }
  return out;
}

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Turns kainjow's "… at 123" byte offset into line and column.
Location locate_offset(const std::string& file, std::string_view source, std::string_view message) {
  Location where = Location::in_file(file);
  const auto at = message.rfind(" at ");
  if (at == std::string_view::npos) return where;
  std::size_t offset = 0;
  const auto digits = message.substr(at + 4);
  std::from_chars(digits.data(), digits.data() + digits.size(), offset);
  std::uint32_t line = 1;
  for (std::size_t i = 0; i < offset && i < source.size(); ++i) line += source[i] == '\n' ? 1 : 0;
  where.line = line;
  return where;
}

// A line holding only section tags ({{#a}}, {{^a}}, {{/a}}, {{! a}}), spaces
// aside: the Mustache specification makes it vanish whole when rendered.
bool standalone_line(std::string_view line) {
  std::string_view t = line;
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r')) t.remove_suffix(1);
  if (!t.starts_with("{{") || !t.ends_with("}}")) return false;
  for (std::size_t i = 0; i < t.size();) {
    if (t.compare(i, 2, "{{") != 0 || i + 2 >= t.size() ||
        std::string_view("#^/!").find(t[i + 2]) == std::string_view::npos) {
      return false;
    }
    const std::size_t close = t.find("}}", i);
    if (close == std::string_view::npos) return false;
    i = close + 2;
  }
  return true;
}

// kainjow keeps the line end of a standalone tag that closes a section it
// skipped ("{{#a}}\nx\n{{/a}}\n" with a false `a` gives "\n"): a blank line
// that ends a note or a list in the markup. So each standalone line is marked
// (the marker makes it an ordinary line for kainjow) and the marked line ends
// are removed from the output, which is what the specification prescribes.
constexpr char standalone_mark = '\x01';

std::string mark_standalone_lines(std::string_view source) {
  std::string out;
  out.reserve(source.size() + 64);
  std::size_t pos = 0;
  while (pos < source.size()) {
    const std::size_t nl = std::min(source.find('\n', pos), source.size());
    const std::string_view line = source.substr(pos, nl - pos);
    out += line;
    if (standalone_line(line)) out += standalone_mark;
    if (nl < source.size()) out += '\n';
    pos = nl + 1;
  }
  return out;
}

void remove_marked_line_ends(std::string& text) {
  std::size_t w = 0;
  for (std::size_t r = 0; r < text.size(); ++r) {
    if (text[r] == standalone_mark) {
      if (r + 1 < text.size() && text[r + 1] == '\n') ++r;
      continue;
    }
    text[w++] = text[r];
  }
  text.resize(w);
}

std::string french_template_error(std::string_view message) {
  std::string m(message.substr(0, message.rfind(" at ")));
  if (m.starts_with("Unclosed section")) return "section ouverte mais jamais fermée " + m.substr(16);
  if (m.starts_with("Unopened section")) return "fermeture d'une section jamais ouverte " + m.substr(16);
  if (m.starts_with("Unclosed tag")) return "balise {{ non refermée par }}";
  return "modèle invalide : " + m;
}

}  // namespace

std::string escape(Escaping escaping, std::string_view value) {
  switch (escaping) {
    case Escaping::markdown: return escape_markdown(value);
    case Escaping::html: return escape_html(value);
    case Escaping::xml: return escape_xml(value);
  }
  throw std::logic_error("render::escape: unknown escaping");
}

struct PreparedView::Data {
  mus::data value;
};

PreparedView::PreparedView(const View& view) : data_(std::make_unique<Data>(Data{to_data(view)})) {}
PreparedView::~PreparedView() = default;

namespace {

// The compiled templates of this thread, by their source text; null for a
// text with an error. Bounded: a long-running server whose templates are
// edited again and again starts over past `capacity` texts.
mus::mustache* compiled(std::string_view source) {
  constexpr std::size_t capacity = 256;
  thread_local std::unordered_map<std::string, std::unique_ptr<mus::mustache>, KeyHash, std::equal_to<>>
      cache;
  if (const auto it = cache.find(source); it != cache.end()) return it->second.get();
  if (cache.size() >= capacity) cache.clear();
  auto tmpl = std::make_unique<mus::mustache>(mark_standalone_lines(source));
  if (!tmpl->is_valid()) return nullptr;  // not kept: errors are rare, and reported from the text
  return cache.emplace(std::string(source), std::move(tmpl)).first->second.get();
}

Rendered render_data(std::string_view source, const std::string& file, Escaping escaping,
                     const mus::data& data) {
  Rendered out;
  if (source.find("{{") == std::string_view::npos) {
    out.text = source;
    out.ok = true;
    return out;
  }
  mus::mustache* tmpl = compiled(source);
  if (tmpl == nullptr) {
    // Located in the source as written (the marks shift the offsets).
    const mus::mustache marked{mark_standalone_lines(source)};
    const mus::mustache plain{std::string(source)};
    const std::string& message = plain.is_valid() ? marked.error_message() : plain.error_message();
    out.problems.push_back(
        {Severity::error, locate_offset(file, source, message), french_template_error(message)});
    return out;
  }
  tmpl->set_custom_escape([escaping](const std::string& s) { return escape(escaping, s); });
  out.text.reserve(source.size() + source.size() / 2);
  tmpl->render(data, [&out](const std::string& s) { out.text += s; });
  remove_marked_line_ends(out.text);
  out.ok = true;
  return out;
}

}  // namespace

Rendered render_text(std::string_view source, const std::string& file, Escaping escaping, const View& view) {
  if (source.find("{{") == std::string_view::npos) return render_data(source, file, escaping, mus::data());
  return render_data(source, file, escaping, to_data(view));
}

Rendered render_text(std::string_view source, const std::string& file, Escaping escaping,
                     const PreparedView& view) {
  return render_data(source, file, escaping, view.data().value);
}

Rendered render_document(const DocumentTemplate& t, const View& view) {
  return render_document(t, view, PreparedView(view));
}

Rendered render_document(const DocumentTemplate& t, const View& view, const PreparedView& prepared) {
  Rendered out;
  for (const auto& path : t.required) {
    const View* v = view.find(path);
    if (v == nullptr || v->is_blank()) {
      out.problems.push_back({Severity::error, Location::in_file(t.file),
                              "champ obligatoire vide « " + path + " » : le document n'est pas produit"});
    }
  }
  if (!out.problems.empty()) return out;
  return render_text(t.source, t.file, Escaping::markdown, prepared);
}

std::vector<Tag> scan_tags(std::string_view source, const std::string& file, DiagnosticSink& diags) {
  std::vector<Tag> tags;
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\n') {
      ++line;
      line_start = i + 1;
      continue;
    }
    if (source.compare(i, 2, "{{") != 0) continue;
    const bool triple = source.compare(i, 3, "{{{") == 0;
    const std::size_t close = source.find(triple ? "}}}" : "}}", i + 2);
    Tag tag;
    tag.line = line;
    tag.column = static_cast<std::uint32_t>(i - line_start + 1);
    if (close == std::string_view::npos) {
      diags.error(Location::in_file(file, line), "balise {{ non refermée par }}");
      break;
    }
    std::string_view inner = source.substr(i + (triple ? 3 : 2), close - i - (triple ? 3 : 2));
    if (triple) {
      tag.kind = '{';
    } else if (!inner.empty() && std::string_view("#^/!>&=").find(inner.front()) != std::string_view::npos) {
      tag.kind = inner.front();
      inner.remove_prefix(1);
    }
    while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
    while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
    tag.name = std::string(inner);
    for (std::size_t k = i; k < close; ++k) {
      if (source[k] == '\n') ++line;
    }
    tags.push_back(std::move(tag));
    i = close + (triple ? 2 : 1);
  }
  return tags;
}

void lint_template(std::string_view source, const std::string& file, const View& sample,
                   DiagnosticSink& diags) {
  const std::vector<Tag> tags = scan_tags(source, file, diags);
  // Each open section narrows the context: a name resolves in the innermost
  // section's item first, then outwards, as Mustache does.
  std::vector<std::pair<std::string, const View*>> stack{{"", &sample}};
  auto resolve = [&stack](const std::string& name) -> const View* {
    if (name == ".") return stack.back().second;
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      if (it->second == nullptr) continue;
      if (const View* v = it->second->find(name)) return v;
    }
    return nullptr;
  };
  for (const auto& tag : tags) {
    const Location where = Location::in_file(file, tag.line);
    if (tag.kind == '!' || tag.kind == '=') continue;
    if (tag.kind == '>') {
      diags.error(where, "les modèles partiels ({{> …}}) ne sont pas pris en charge");
      continue;
    }
    if (tag.kind == '/') {
      if (stack.size() <= 1 || stack.back().first != tag.name) {
        diags.error(where, "fermeture {{/" + tag.name + "}} sans section ouverte correspondante");
      } else {
        stack.pop_back();
      }
      continue;
    }
    const View* v = resolve(tag.name);
    if (v == nullptr) {
      diags.error(where,
                  "variable inconnue « " + tag.name + " » : elle serait rendue vide (faute de frappe ?)");
    }
    if (tag.kind == '{' || tag.kind == '&') {
      diags.warning(where, "balise brute « " + tag.name +
                               " » : la valeur ne sera pas échappée ; préférez {{" + tag.name + "}}");
    }
    if (tag.kind == '#' || tag.kind == '^') {
      // Inside a list section, names resolve against the list's first item.
      const View* context = v;
      if (v != nullptr && v->type() == View::Type::list)
        context = v->items().empty() ? nullptr : &v->items().front();
      if (v != nullptr && v->type() != View::Type::object && v->type() != View::Type::list) context = nullptr;
      stack.emplace_back(tag.name, context);
    }
  }
  for (std::size_t i = 1; i < stack.size(); ++i) {
    diags.error(Location::in_file(file), "section « " + stack[i].first + " » ouverte mais jamais fermée");
  }
}

View with_template(View base, const DocumentTemplate& t, const DocumentContext& context) {
  View modele;
  modele.set("id", View::text(t.id));
  modele.set("titre", View::text(fr::print_typography(t.title)));
  base.set("modele", std::move(modele));
  View document;
  if (const View* existing = base.find("document")) document = *existing;
  document.set("date_iso", View::text(context.generated.iso()));
  base.set("document", std::move(document));
  return base;
}

namespace {

// The characters of an XML text outside markup, each with its offset in it.
struct TextProjection {
  std::string text;
  std::vector<std::size_t> offsets;
};

TextProjection project_text(std::string_view xml) {
  TextProjection p;
  bool in_markup = false;
  for (std::size_t i = 0; i < xml.size(); ++i) {
    if (xml[i] == '<') in_markup = true;
    if (!in_markup) {
      p.text += xml[i];
      p.offsets.push_back(i);
    }
    if (xml[i] == '>') in_markup = false;
  }
  return p;
}

std::uint32_t line_at(std::string_view text, std::size_t offset) {
  return static_cast<std::uint32_t>(
      std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n') + 1);
}

// Reports the Mustache tags of an XML part whose characters are not
// contiguous in the file (XML between them); true when there are some.
bool report_split_tags(std::string_view xml, const std::string& file, DiagnosticSink& diags) {
  const TextProjection p = project_text(xml);
  bool split = false;
  std::size_t from = 0;
  while ((from = p.text.find("{{", from)) != std::string::npos) {
    std::size_t close = p.text.find("}}", from + 2);
    const std::size_t end = close == std::string::npos ? p.text.size() - 1 : close + 1;
    if (p.offsets[end] - p.offsets[from] != end - from || close == std::string::npos) {
      std::string shown = p.text.substr(from, std::min<std::size_t>(end - from + 1, 60));
      std::replace(shown.begin(), shown.end(), '\n', ' ');
      diags.error(
          Location::in_file(file, line_at(xml, p.offsets[from])),
          "balise Mustache « " + shown +
              " » coupée par du XML (un traitement de texte l'a répartie sur plusieurs éléments) : "
              "retapez-la d'un seul tenant, sans mise en forme au milieu, dans un seul <w:t> ou <text:p>");
      split = true;
    }
    if (close == std::string::npos) break;
    from = close + 2;
  }
  return split;
}

}  // namespace

void lint_skeleton(const FormatSkeleton& skeleton, const View& sample, DiagnosticSink& diags) {
  std::size_t bodies = 0;
  for (const auto& f : skeleton.files) {
    bodies += f.text.find(body_marker) != std::string::npos ? 1 : 0;
    const bool xml = f.path.ends_with(".xml") || f.path.ends_with(".rels");
    if (xml && report_split_tags(f.text, f.file, diags)) continue;
    lint_template(f.text, f.file, sample, diags);
  }
  if (bodies != 1 && !skeleton.files.empty()) {
    diags.error(Location::in_file(skeleton.files.front().file.substr(
                    0, skeleton.files.front().file.size() - skeleton.files.front().path.size())),
                "le squelette « " + skeleton.format + " » doit contenir le repère " +
                    std::string(body_marker) + " dans un et un seul fichier (il y est " +
                    std::to_string(bodies) + " fois) : c'est là que va le corps du document");
  }
}

void lint_markup(std::string_view source, const std::string& file, DiagnosticSink& diags) {
  // Rebuild the text as Mustache would shape it, keeping each line's number.
  markup::SourceMap map;
  map.file = file;
  std::string text;
  std::uint32_t number = 0;
  std::size_t pos = 0;
  while (pos <= source.size()) {
    const std::size_t nl = std::min(source.find('\n', pos), source.size());
    std::string_view line = source.substr(pos, nl - pos);
    ++number;
    pos = nl + 1;
    // A line holding only section tags disappears when rendered.
    if (standalone_line(line)) continue;
    std::string out;
    for (std::size_t i = 0; i < line.size();) {
      if (line.compare(i, 2, "{{") == 0) {
        const std::size_t close = line.find("}}", i + 2);
        if (close == std::string_view::npos) break;  // reported by the tag lint
        const char kind = i + 2 < line.size() ? line[i + 2] : ' ';
        if (std::string_view("#^/!").find(kind) == std::string_view::npos) out += "x";
        i = close + 2 + (line.compare(close, 3, "}}}") == 0 ? 1 : 0);
        continue;
      }
      out += line[i++];
    }
    text += out;
    text += '\n';
    map.lines.push_back(number);
  }
  (void)markup::parse(text, map, diags);
}

}  // namespace clausier::render
