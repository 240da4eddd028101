#include "writers/html_style.hpp"

#include "render/renderer.hpp"

namespace clausier::writers::html {

std::string escape(std::string_view text) { return render::escape("html", text); }

const std::string& stylesheet() {
  static const std::string css =
      R"CSS(:root { --ink: #1a1a1a; --muted: #555555; --rule: #c8c8c8; --accent: #1f5f8b; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: var(--ink); max-width: 75em; margin: 1.5em auto;
  padding: 0 1em; line-height: 1.4; font-size: 15px; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.3em; border-bottom: 2px solid var(--accent);
  margin-top: 2em; padding-bottom: 0.15em; } h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
p.meta, .muted { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(13em, 1fr)); gap: 0.8em; margin: 1em 0; }
.card { border: 1px solid var(--rule); border-left: 5px solid var(--accent); border-radius: 4px; padding: 0.6em 0.8em;
  break-inside: avoid; }
.card .value { font-size: 1.5em; font-weight: bold; display: block; }
.card .label { display: block; } .card .detail { display: block; color: var(--muted); font-size: 0.88em; }
.card.alert { border-left-color: #a63d00; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.2em; font-size: 0.92em; }
th, td { border: 1px solid var(--rule); padding: 0.25em 0.45em; vertical-align: top; text-align: left; }
thead th { background: #e8eef3; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.consultation th { background: #f3f3f3; font-weight: normal; }
tr.consultation strong { font-weight: bold; }
figure { margin: 1em 0 1.6em; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 0.3em; }
svg.chart { max-width: 100%; height: auto; }
.badge { display: inline-block; border-radius: 3px; padding: 0 0.35em; margin: 0.1em 0.15em 0.1em 0;
  font-size: 0.85em; white-space: nowrap; border: 1px solid #777777; }
.v-obligatoire { background: #a63d00; color: #ffffff; } .v-recommandee { background: #00705a; color: #ffffff; }
.v-possible { background: #9fd0ef; color: #1a1a1a; } .v-exclue { background: #e0e0e0; color: #1a1a1a; }
.v-erreur { background: #1a1a1a; color: #ffffff; }
.flag { display: inline-block; font-size: 0.8em; border: 1px solid #a63d00; color: #a63d00; border-radius: 3px;
  padding: 0 0.3em; margin-top: 0.15em; }
details summary { cursor: pointer; color: var(--accent); }
details ul { margin: 0.2em 0 0.4em; padding-left: 1.2em; }
.diagnostics li { margin-bottom: 0.2em; } .sev { font-weight: bold; }
.definition { border-left: 3px solid var(--rule); padding-left: 0.8em; color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  section.page { break-before: page; } h2 { margin-top: 0; }
  h2, h3, figcaption { break-after: avoid-page; }
  thead { display: table-header-group; } tr { break-inside: avoid; }
  details::details-content { content-visibility: visible; display: block; height: auto; }
  details > summary { list-style: none; color: var(--ink); font-weight: bold; }
  details > summary::-webkit-details-marker { display: none; }
  .badge, .v-obligatoire, .v-recommandee, .v-possible, .v-exclue, .v-erreur, thead th, .card {
    print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
)CSS";
  return css;
}

std::string page_head(std::string_view title) {
  return "<!DOCTYPE html>\n<html lang=\"fr\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n"
         "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\"/>\n"
         "<title>" +
         escape(title) + "</title>\n<style>\n" + stylesheet() + "</style>\n</head>\n";
}

Colours verdict_colours(std::optional<Verdict> verdict) {
  if (!verdict) return {"#1a1a1a", "#ffffff"};
  switch (*verdict) {
    case Verdict::obligatoire: return {"#a63d00", "#ffffff"};
    case Verdict::recommandee: return {"#00705a", "#ffffff"};
    case Verdict::possible: return {"#9fd0ef", "#1a1a1a"};
    case Verdict::exclue: return {"#e0e0e0", "#1a1a1a"};
  }
  return {"#1a1a1a", "#ffffff"};
}

std::string verdict_class(std::optional<Verdict> verdict) {
  return verdict ? "v-" + std::string(verdict_id(*verdict)) : std::string("v-erreur");
}

std::string verdict_badge(std::optional<Verdict> verdict, std::string_view text) {
  return "<span class=\"badge " + verdict_class(verdict) + "\">" + escape(text) + "</span>";
}

}  // namespace clausier::writers::html
