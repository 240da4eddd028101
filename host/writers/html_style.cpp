#include "writers/html_style.hpp"

#include "render/renderer.hpp"

namespace clausier::writers::html {

std::string escape(std::string_view text) { return render::escape(render::Escaping::html, text); }

const std::string& review_stylesheet() {
  static const std::string css =
      R"CSS(.revue { --ink: #1a1a1a; --muted: #555555; --rule: #c8c8c8; --accent: #1f5f8b; color: var(--ink); }
.revue h1 { font-size: 1.6em; margin-bottom: 0.2em; }
.revue h2 { font-size: 1.3em; border-bottom: 2px solid var(--accent); margin-top: 2em; padding-bottom: 0.15em; }
.revue h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
.revue p.meta, .revue .muted { color: var(--muted); }
.revue .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(13em, 1fr)); gap: 0.8em;
  margin: 1em 0; }
.revue .card { border: 1px solid var(--rule); border-left: 5px solid var(--accent); border-radius: 4px;
  padding: 0.6em 0.8em; break-inside: avoid; }
.revue .card .value { font-size: 1.5em; font-weight: bold; display: block; }
.revue .card .label { display: block; }
.revue .card .detail { display: block; color: var(--muted); font-size: 0.88em; }
.revue .card.alert { border-left-color: #a63d00; }
.revue table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.2em; font-size: 0.92em; }
.revue th, .revue td { border: 1px solid var(--rule); padding: 0.25em 0.45em; vertical-align: top;
  text-align: left; }
.revue thead th { background: #e8eef3; hyphens: none; overflow-wrap: normal; word-break: normal; }
.revue thead th.num { white-space: normal; }
.revue table.figures tbody th { min-width: 10em; }
.revue table.lots .badge { white-space: normal; } .revue table.lots tbody th { white-space: nowrap; }
.revue table.lots a { text-decoration: none; }
.revue .annexe ul { padding-left: 1.2em; } .revue .annexe li { margin-bottom: 0.25em; }
.revue td.num, .revue th.num { text-align: right; white-space: nowrap; }
.revue tr.consultation th { background: #f3f3f3; font-weight: normal; }
.revue tr.consultation strong { font-weight: bold; }
.revue figure { margin: 1em 0 1.6em; break-inside: avoid; }
.revue figcaption { font-weight: bold; margin-bottom: 0.3em; }
.revue svg.chart { max-width: 100%; height: auto; }
.badge { display: inline-block; border-radius: 3px; padding: 0 0.35em; margin: 0.1em 0.15em 0.1em 0;
  font-size: 0.85em; white-space: nowrap; border: 1px solid #777777; }
.v-obligatoire { background: #a63d00; color: #ffffff; } .v-recommandee { background: #00705a; color: #ffffff; }
.v-possible { background: #9fd0ef; color: #1a1a1a; } .v-exclue { background: #e0e0e0; color: #1a1a1a; }
.v-erreur { background: #1a1a1a; color: #ffffff; }
.revue .flag { display: inline-block; font-size: 0.8em; border: 1px solid #a63d00; color: #a63d00;
  border-radius: 3px; padding: 0 0.3em; margin-top: 0.15em; }
.revue details summary { cursor: pointer; color: var(--accent); }
.revue details ul { margin: 0.2em 0 0.4em; padding-left: 1.2em; }
.revue .diagnostics li { margin-bottom: 0.2em; } .revue .sev { font-weight: bold; }
.revue .definition { border-left: 3px solid var(--rule); padding-left: 0.8em; color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; }
@media print {
  .revue section.page { break-before: page; } .revue h2 { margin-top: 0; }
  .revue nav { display: none; } .revue a { color: inherit; text-decoration: none; }
  .revue .cards { grid-template-columns: repeat(4, 1fr); gap: 0.5em; }
  .revue figure { margin: 0.6em 0 1em; } .revue svg.chart { max-height: 8cm; }
  .revue h2, .revue h3, .revue figcaption { break-after: avoid-page; }
  .revue thead { display: table-header-group; } .revue tr { break-inside: avoid; }
  .revue details::details-content { content-visibility: visible; display: block; height: auto; }
  .revue details > summary { list-style: none; color: var(--ink); font-weight: bold; }
  .revue details > summary::-webkit-details-marker { display: none; }
  .badge, .v-obligatoire, .v-recommandee, .v-possible, .v-exclue, .v-erreur, .revue thead th, .revue .card {
    print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
)CSS";
  return css;
}

const std::string& stylesheet() {
  static const std::string css =
      R"CSS(body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 75em; margin: 1.5em auto;
  padding: 0 1em; line-height: 1.4; font-size: 15px; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print { body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; } }
)CSS" +
      review_stylesheet();
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
