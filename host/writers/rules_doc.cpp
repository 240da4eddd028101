#include "writers/rules_doc.hpp"

#include <algorithm>

#include "base/french.hpp"
#include "base/text.hpp"
#include "render/renderer.hpp"

namespace clausier::writers {
namespace {

// ---------------------------------------------------------------------------
// A small document model, written out as Markdown or HTML.

struct Span {
  std::string text;
  bool code = false;
  std::string link;  // anchor it points to (HTML only), or empty
};
using Text = std::vector<Span>;

Text plain(std::string s) { return {Span{std::move(s), false, {}}}; }
Text code(std::string s, std::string link = {}) { return {Span{std::move(s), true, std::move(link)}}; }
Text operator+(Text a, const Text& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}
Text operator+(Text a, std::string b) { return a + plain(std::move(b)); }

// "Unité : " with the no-break space French wants before the colon.
std::string label(std::string_view s) { return std::string(s) + fr::colon + " "; }

struct Block {
  enum class Kind { heading, paragraph, list, table };
  Kind kind = Kind::paragraph;
  int level = 0;                        // heading
  std::string anchor;                   // heading
  Text text;                            // heading, paragraph
  std::vector<Text> items;              // list
  std::vector<std::string> header;      // table
  std::vector<std::vector<Text>> rows;  // table
};

class Document {
 public:
  void heading(int level, Text t, std::string anchor = {}) {
    blocks_.push_back({Block::Kind::heading, level, std::move(anchor), std::move(t), {}, {}, {}});
  }
  void paragraph(Text t) { blocks_.push_back({Block::Kind::paragraph, 0, {}, std::move(t), {}, {}, {}}); }
  void list(std::vector<Text> items) {
    blocks_.push_back({Block::Kind::list, 0, {}, {}, std::move(items), {}, {}});
  }
  void table(std::vector<std::string> header, std::vector<std::vector<Text>> rows) {
    blocks_.push_back({Block::Kind::table, 0, {}, {}, {}, std::move(header), std::move(rows)});
  }

  [[nodiscard]] std::string markdown() const {
    std::string out;
    for (const Block& b : blocks_) {
      switch (b.kind) {
        case Block::Kind::heading:
          out += std::string(static_cast<std::size_t>(b.level), '#') + " " + md(b.text) + "\n\n";
          break;
        case Block::Kind::paragraph: out += md(b.text) + "\n\n"; break;
        case Block::Kind::list:
          for (const Text& item : b.items) out += "- " + md(item) + "\n";
          out += "\n";
          break;
        case Block::Kind::table: {
          out += "|";
          for (const auto& h : b.header) out += " " + render::escape(render::Escaping::markdown, h) + " |";
          out += "\n|";
          for (std::size_t i = 0; i < b.header.size(); ++i) out += "---|";
          out += "\n";
          for (const auto& row : b.rows) {
            out += "|";
            for (const Text& cell : row) out += " " + md(cell) + " |";
            out += "\n";
          }
          out += "\n";
          break;
        }
      }
    }
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
  }

  [[nodiscard]] std::string html(const std::string& title) const {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
        "content=\"width=device-width, initial-scale=1\">\n<title>" +
        render::escape(render::Escaping::html, title) + "</title>\n<style>\n" + css() +
        "</style>\n</head>\n<body>\n";
    for (const Block& b : blocks_) {
      switch (b.kind) {
        case Block::Kind::heading: {
          const std::string h = "h" + std::to_string(b.level);
          out += "<" + h + (b.anchor.empty() ? std::string() : " id=\"" + b.anchor + "\"") + ">" +
                 html(b.text) + "</" + h + ">\n";
          break;
        }
        case Block::Kind::paragraph: out += "<p>" + html(b.text) + "</p>\n"; break;
        case Block::Kind::list:
          out += "<ul>\n";
          for (const Text& item : b.items) out += "<li>" + html(item) + "</li>\n";
          out += "</ul>\n";
          break;
        case Block::Kind::table:
          out += "<table>\n<thead><tr>";
          for (const auto& h : b.header) out += "<th>" + render::escape(render::Escaping::html, h) + "</th>";
          out += "</tr></thead>\n<tbody>\n";
          for (const auto& row : b.rows) {
            out += "<tr>";
            for (const Text& cell : row) out += "<td>" + html(cell) + "</td>";
            out += "</tr>\n";
          }
          out += "</tbody>\n</table>\n";
          break;
      }
    }
    return out + "</body>\n</html>\n";
  }

 private:
  static std::string md(const Text& t) {
    std::string out;
    for (const Span& s : t) {
      const std::string one_line = text::single_line(s.text);
      out += s.code ? "`" + one_line + "`" : render::escape(render::Escaping::markdown, one_line);
    }
    return out;
  }

  static std::string html(const Text& t) {
    std::string out;
    for (const Span& s : t) {
      std::string piece = render::escape(render::Escaping::html, s.text);
      if (s.code) piece = "<code>" + piece + "</code>";
      if (!s.link.empty()) piece = "<a href=\"#" + s.link + "\">" + piece + "</a>";
      out += piece;
    }
    return out;
  }

  static std::string css() {
    return "body { font-family: Georgia, 'Times New Roman', serif; max-width: 60em; margin: 2em auto; "
           "padding: 0 1em; line-height: 1.45; color: #111; }\n"
           "h1 { font-size: 1.6em; } h2 { font-size: 1.35em; border-bottom: 1px solid #999; margin-top: 2em; "
           "}\n"
           "h3 { font-size: 1.15em; margin-top: 1.6em; } h4 { font-size: 1em; }\n"
           "table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1.2em; font-size: 0.9em; }\n"
           "th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; vertical-align: top; text-align: left; "
           "}\n"
           "th { background: #eee; } code { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.9em; }\n"
           "a { color: inherit; }\n"
           "@media print { body { margin: 0; max-width: none; font-size: 10pt; } h2 { break-before: page; } "
           "tr, h3, h4 { break-inside: avoid; break-after: avoid-page; } a { text-decoration: none; } }\n";
  }

  std::vector<Block> blocks_;
};

// ---------------------------------------------------------------------------
// The reference.

std::string anchor_of(std::string_view prefix, std::string_view name) {
  std::string out(prefix);
  for (char c : name) out += (c == '.' || c == '_') ? '-' : c;
  return out;
}

std::string status_text(params::Status s) { return std::string(params::status_label(s)); }

std::string or_dash(const std::string& s) { return s.empty() ? std::string("\u2014") : s; }

std::string key_shown(const params::Parameter& p, const std::string& key) {
  if (key.empty()) return p.kind == params::Kind::cpv_table ? "(tout autre code)" : "(vide)";
  return key;
}

// Who reads each parameter, by the `params` the plugins declare.
std::vector<std::string> readers_of(const std::string& name, const std::vector<engine::ClauseInfo>& clauses) {
  std::vector<std::string> out;
  for (const auto& c : clauses) {
    if (std::find(c.params.begin(), c.params.end(), name) != c.params.end()) out.push_back(c.id);
  }
  return out;
}

Text joined_codes(const std::vector<std::string>& items, std::string_view anchor_prefix) {
  Text out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back({", ", false, {}});
    out.push_back(
        {items[i], true, anchor_prefix.empty() ? std::string() : anchor_of(anchor_prefix, items[i])});
  }
  return out;
}

// A map whose entries say nothing of their own (no status, reference or
// note) reads best on one line: "etat : 143 000 € ; collectivite : 221 000 €".
bool plain_entries(const params::Parameter& p, const params::DatedValue& v) {
  return p.kind == params::Kind::map && v.entries.size() <= 8 &&
         std::all_of(v.entries.begin(), v.entries.end(), [](const auto& e) {
           return !e.second.status && e.second.reference.empty() && e.second.note.empty();
         });
}

std::string value_cell(const params::Parameter& p, const params::DatedValue& v) {
  if (v.repealed) return "abrogé (plus de valeur à partir de cette date)";
  if (plain_entries(p, v)) {
    std::string out;
    for (const auto& [key, leaf] : v.entries) {
      if (!out.empty()) out += std::string(fr::semicolon) + " ";
      out += key_shown(p, key) + fr::colon + " " + params::format_value(leaf.value, p.unit);
    }
    return out;
  }
  switch (p.kind) {
    case params::Kind::map:
    case params::Kind::cpv_table:
      return std::to_string(v.entries.size()) + (v.entries.size() > 1 ? " entrées" : " entrée") +
             " (ci-dessous)";
    case params::Kind::directory:
      return std::to_string(v.entries.size()) + (v.entries.size() > 1 ? " départements" : " département") +
             " (ci-dessous)";
    case params::Kind::cpv_list:
      return std::to_string(v.codes.size()) + (v.codes.size() > 1 ? " codes" : " code") + " (ci-dessous)";
    default: return params::format_value(v.scalar.value, p.unit);
  }
}

// "site : https://… ; courriel : …": the contacts of a directory entry.
std::string contacts_cell(const std::vector<std::pair<std::string, std::string>>& details) {
  std::string out;
  for (const auto& [field, text] : details) {
    if (field == "institution") continue;
    if (!out.empty()) out += std::string(fr::semicolon) + " ";
    out += field + fr::colon + " " + text;
  }
  return out.empty() ? "aucune coordonnée sourcée" : out;
}

void directory_table(Document& doc, const params::DatedValue& v) {
  doc.heading(4, plain("Annuaire à partir du " + fr::date_long(v.from)));
  std::vector<std::vector<Text>> rows;
  for (const auto& [key, entry] : v.entries) {
    const auto found = v.details.find(key);
    const std::vector<std::pair<std::string, std::string>> none;
    const auto& details = found != v.details.end() ? found->second : none;
    std::string institution;
    for (const auto& [field, text] : details) {
      if (field == "institution") institution = text;
    }
    rows.push_back({code(key), plain(params::format_value(entry.value, "texte")), plain(or_dash(institution)),
                    plain(contacts_cell(details)),
                    plain(entry.status ? status_text(*entry.status) : std::string("\u2014")),
                    plain(or_dash(entry.reference)), plain(or_dash(entry.note))});
  }
  doc.table({"Département", "Structure", "Portée par", "Coordonnées", "Statut", "Source", "Note"},
            std::move(rows));
}

void parameter_section(Document& doc, const params::Parameter& p,
                       const std::vector<engine::ClauseInfo>& clauses) {
  doc.heading(3, code(p.name), anchor_of("parametre-", p.name));
  if (!p.description.empty()) doc.paragraph(plain(p.description));
  std::vector<Text> facts;
  facts.push_back(plain(label("Unité") + unit_label(p.unit) + " (") + code(p.unit) + ")");
  facts.push_back(plain(label("Forme") + kind_label(p.kind) + " (") +
                  code(std::string(params::kind_id(p.kind))) + ")");
  if (!p.key.empty()) facts.push_back(plain(label("Clés")) + code(p.key));
  if (!p.labels.empty()) {
    Text labels = plain(label("Libellés"));
    for (std::size_t i = 0; i < p.labels.size(); ++i) {
      labels = std::move(labels) + code(p.labels[i].first) +
               plain(std::string(fr::colon) + " " + fr::guillemet_open +
                     fr::print_typography(p.labels[i].second) + fr::guillemet_close +
                     (i + 1 < p.labels.size() ? std::string(fr::semicolon) + " " : std::string()));
    }
    facts.push_back(std::move(labels));
  }
  if (!p.reference.empty()) facts.push_back(plain(label("Référence") + p.reference));
  facts.push_back(plain(label("Fichier")) + code(p.file));
  const auto readers = readers_of(p.name, clauses);
  facts.push_back(readers.empty() ? plain(label("Lu par") + "aucun plugin ne le déclare")
                                  : plain(label("Lu par")) + joined_codes(readers, "clause-"));
  doc.list(std::move(facts));

  std::vector<std::vector<Text>> rows;
  for (const auto& v : p.values) {
    rows.push_back({plain(fr::date_long(v.from)), plain(value_cell(p, v)),
                    plain(v.repealed ? std::string("\u2014") : status_text(v.status)),
                    plain(or_dash(v.reference.empty() ? p.reference : v.reference)), plain(or_dash(v.note))});
  }
  doc.table({"À partir du", "Valeur", "Statut", "Référence", "Note"}, std::move(rows));

  for (const auto& v : p.values) {
    if (v.repealed || plain_entries(p, v)) continue;
    if (p.kind == params::Kind::map || p.kind == params::Kind::cpv_table) {
      doc.heading(4, plain((p.kind == params::Kind::map ? "Valeurs par clé à partir du "
                                                        : "Valeurs par préfixe CPV "
                                                          "à partir du ") +
                           fr::date_long(v.from)));
      std::vector<std::vector<Text>> entries;
      for (const auto& [key, leaf] : v.entries) {
        entries.push_back(
            {p.kind == params::Kind::cpv_table && !key.empty() ? code(key) : plain(key_shown(p, key)),
             plain(params::format_value(leaf.value, p.unit)),
             plain(leaf.status ? status_text(*leaf.status) : std::string("\u2014")),
             plain(or_dash(leaf.reference)), plain(or_dash(leaf.note))});
      }
      doc.table(
          {p.kind == params::Kind::map ? "Clé" : "Préfixe CPV", "Valeur", "Statut", "Référence", "Note"},
          std::move(entries));
      doc.paragraph(plain("\u2014 : statut ou référence de la valeur datée."));
    } else if (p.kind == params::Kind::directory) {
      directory_table(doc, v);
    } else if (p.kind == params::Kind::cpv_list) {
      doc.paragraph(plain(label("Codes CPV à partir du " + fr::date_long(v.from))) +
                    joined_codes(v.codes, ""));
    }
  }
}

Document build(const RulesDocRequest& r) {
  Document doc;
  doc.heading(1, plain(label("Règles de clausier") + "types de clauses et paramètres"));
  doc.paragraph(plain("Référence générée le " + fr::date_long(r.context.generated) + " par " +
                      r.context.generator + ", à partir des règles de ") +
                code(r.rules) + " et des plugins de " + code(r.plugins) + ".");
  if (!r.policy.empty()) {
    doc.paragraph(
        plain(label("Politique locale appliquée")) + code(r.policy) +
        plain(fr::semicolon + std::string(" ses valeurs sont marquées « Politique locale » dans les "
                                          "références.")));
  }
  doc.paragraph(
      plain("Chaque valeur s'applique à partir de sa date et jusqu'à la suivante. Statuts" +
            std::string(fr::colon) +
            " vérifié (vu dans la source citée), partiellement vérifié (ou pour un cas plus étroit), "
            "à vérifier (de mémoire, à contrôler sur Légifrance), hypothèse de praticien (sans "
            "source publiée, à calibrer localement)."));

  doc.heading(2, plain("Types de clauses"), "clauses");
  if (r.clauses.empty()) {
    doc.paragraph(plain("Aucun plugin chargé."));
  } else {
    std::vector<std::vector<Text>> rows;
    for (const auto& c : r.clauses) {
      std::string basis;
      for (std::size_t i = 0; i < c.basis.size(); ++i) basis += (i > 0 ? ", " : "") + c.basis[i];
      rows.push_back({plain(fr::typography(c.title)), code(c.id, anchor_of("clause-", c.id)),
                      plain(or_dash(basis)), code(c.source)});
    }
    doc.table({"Type de clause", "Identifiant", "Fondement", "Fichier"}, std::move(rows));
    for (const auto& c : r.clauses) {
      doc.heading(3, plain(fr::typography(c.title) + " ") + code(c.id), anchor_of("clause-", c.id));
      std::vector<Text> facts;
      std::string basis;
      for (std::size_t i = 0; i < c.basis.size(); ++i) basis += (i > 0 ? ", " : "") + c.basis[i];
      facts.push_back(plain(label("Fondement") + or_dash(basis)));
      facts.push_back(plain(label("Fichier")) + code(c.source));
      facts.push_back(plain(label("Version de l'API des plugins") + std::to_string(c.api)));
      facts.push_back(c.params.empty()
                          ? plain(label("Paramètres lus") + "aucun déclaré")
                          : plain(label("Paramètres lus")) + joined_codes(c.params, "parametre-"));
      doc.list(std::move(facts));
    }
  }

  doc.heading(2, plain("Paramètres"), "parametres");
  if (r.params.empty()) {
    doc.paragraph(plain("Aucun paramètre chargé."));
    return doc;
  }
  std::vector<std::vector<Text>> rows;
  for (const auto& [name, p] : r.params.all()) {
    rows.push_back({code(name, anchor_of("parametre-", name)), plain(p.description),
                    plain(unit_label(p.unit)), joined_codes(readers_of(name, r.clauses), "clause-")});
  }
  doc.table({"Paramètre", "Description", "Unité", "Lu par"}, std::move(rows));
  for (const auto& [name, p] : r.params.all()) parameter_section(doc, p, r.clauses);
  return doc;
}

}  // namespace

std::string unit_label(std::string_view unit) {
  if (unit == "EUR") return "euros hors taxes";
  if (unit == "EUR/h") return "euros par heure";
  if (unit == "ratio") return "fraction de 0 à 1, en pourcentage";
  if (unit == "heures") return "heures";
  if (unit == "mois") return "mois";
  if (unit == "jours") return "jours calendaires";
  if (unit == "nombre") return "nombre (sans unité)";
  if (unit == "date") return "date";
  if (unit == "booleen") return "oui ou non";
  if (unit == "texte") return "texte";
  if (unit == "code") return "code";
  return std::string(unit);
}

std::string kind_label(params::Kind kind) {
  switch (kind) {
    case params::Kind::number: return "nombre";
    case params::Kind::boolean: return "oui ou non";
    case params::Kind::text: return "texte";
    case params::Kind::date: return "date";
    case params::Kind::map: return "table par clé";
    case params::Kind::cpv_table: return "table par préfixe de code CPV (le plus long préfixe l'emporte)";
    case params::Kind::cpv_list: return "liste de codes CPV (préfixes)";
    case params::Kind::directory: return "annuaire par département";
  }
  return "";
}

std::string rules_doc_markdown(const RulesDocRequest& request) { return build(request).markdown(); }

std::string rules_doc_html(const RulesDocRequest& request) {
  return build(request).html("Règles de clausier" + std::string(fr::colon) +
                             " types de clauses et paramètres");
}

}  // namespace clausier::writers
