#include "server/pages.hpp"

#include <Poco/URI.h>

#include <ctime>
#include <sstream>

#include "base/build_info.hpp"
#include "base/french.hpp"
#include "model/evaluation.hpp"
#include "model/lot.hpp"
#include "readers/columns.hpp"
#include "render/renderer.hpp"
#include "server/assets.hpp"
#include "server/http.hpp"
#include "server/routes.hpp"
#include "server/server.hpp"
#include "writers/documents.hpp"
#include "writers/html_style.hpp"
#include "writers/json_writer.hpp"
#include "writers/output_format.hpp"
#include "writers/rules_doc.hpp"

namespace clausier::server {
namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

std::string esc(std::string_view s) { return render::escape(render::Escaping::html, s); }

enum class Tab { programme, draft, rules, none };

struct Page {
  std::string title;
  Tab tab = Tab::none;
  std::string script;  // "/static/programme.js", or empty
  std::string head;    // more head elements (a hashed <style>)
  std::string body;
};

std::string layout(const Page& page) {
  const auto link = [&](Tab tab, const char* href, const char* label) {
    return std::string("<a href=\"") + href + "\"" + (tab == page.tab ? " aria-current=\"page\"" : "") + ">" +
           label + "</a>";
  };
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      esc(page.title) + " – clausier</title>\n" + page.head +
      "<link rel=\"stylesheet\" href=\"/static/revue.css\">\n<link rel=\"stylesheet\" "
      "href=\"/static/app.css\">\n"
      "<link rel=\"icon\" href=\"/static/logo.svg\" type=\"image/svg+xml\">\n";
  if (!page.script.empty()) {
    out += "<script src=\"/static/common.js\" defer></script>\n<script src=\"" + page.script +
           "\" defer></script>\n";
  }
  out +=
      "</head>\n<body>\n<header class=\"bandeau\">\n<a class=\"marque\" href=\"/\"><img "
      "src=\"/static/logo.svg\" "
      "alt=\"\" width=\"28\" height=\"28\">clausier</a>\n<nav aria-label=\"Navigation principale\">" +
      link(Tab::programme, "/", "Programme") + link(Tab::draft, "/rediger", "Rédiger une consultation") +
      link(Tab::rules, "/regles", "Règles") + "</nav>\n</header>\n<main id=\"contenu\">\n" + page.body +
      "</main>\n<footer>clausier " + std::string(build::version) +
      " – clauses sociales des marchés publics. Les résultats s'appuient sur les règles datées et "
      "sourcées de la page « Règles »" +
      fr::semicolon + " ils ne remplacent pas l'analyse de l'acheteur.</footer>\n</body>\n</html>\n";
  return out;
}

void send_page(Response& response, const Page& page, std::string_view csp = page_policy) {
  set_security_headers(response, csp);
  send(response, Status::HTTP_OK, "text/html; charset=utf-8", layout(page));
}

std::string config_block(const ServerContext& context, const ToolkitSnapshot& snapshot) {
  return "<script type=\"application/json\" id=\"config\">" +
         page_config(*snapshot.toolkit, context.options.max_upload) + "</script>\n";
}

std::string diagnostics_list(const std::vector<Diagnostic>& diagnostics) {
  std::string out = "<ul class=\"diagnostics\">\n";
  for (const auto& d : diagnostics) {
    out += "<li class=\"" + std::string(severity_name(d.severity)) + "\"><code>" + esc(d.location.str()) +
           "</code> " + esc(d.message) + "</li>\n";
  }
  return out + "</ul>\n";
}

}  // namespace

std::string page_config(const app::Toolkit& toolkit, std::size_t max_upload) {
  std::ostringstream out;
  writers::JsonWriter json(out, 0);
  json.begin_object();
  json.key("clauses").begin_array();
  for (const auto& c : toolkit.clause_infos())
    json.begin_object().field("id", c.id).field("title", c.title).end_object();
  json.end_array();
  json.key("documents").begin_array();
  for (const auto& t : toolkit.templates().all()) {
    json.begin_object().field("id", t.id).field("title", t.title);
    json.key("applies").begin_array();
    for (const auto& a : t.applies) {
      json.begin_object().field("clause", a.clause).key("verdicts").begin_array();
      for (const auto v : a.verdicts) json.value(verdict_id(v));
      json.end_array().end_object();
    }
    json.end_array().key("formats").begin_array();
    // PDF too: converted by LibreOffice on the server (a 503 says how to install it).
    for (const auto& f : writers::format_names(writers::Output::documents)) json.value(f);
    json.end_array().end_object();
  }
  json.end_array();
  // What a person reads for the ids of the vocabularies (model/): verdicts,
  // and the values of the buyer type and nature columns.
  json.key("labels").begin_object();
  json.key("verdicts").begin_object();
  for (const Verdict v : all_verdicts) json.field(verdict_id(v), verdict_label(v));
  json.end_object().key("type_acheteur").begin_object();
  for (const BuyerType t : all_buyer_types) json.field(buyer_type_id(t), buyer_type_label(t));
  json.end_object().key("nature").begin_object();
  for (const Nature n : all_natures) json.field(nature_id(n), nature_label(n));
  json.end_object().end_object();
  // The programme columns by key, for the names of changed fields.
  json.key("columns").begin_object();
  for (std::size_t i = 0; i < readers::column_count; ++i) {
    const auto c = static_cast<readers::Column>(i);
    json.field(readers::column_key(c), readers::column_header(c));
  }
  json.end_object();
  json.field("max_upload", static_cast<std::int64_t>(max_upload));
  json.field("max_upload_label", size_label(max_upload));
  json.end_object();
  // A data block ends at "</script": never let a value close it.
  std::string text = out.str();
  for (std::size_t at = 0; (at = text.find("</", at)) != std::string::npos;) text.replace(at, 2, "<\\/");
  return text;
}

std::string error_page(Status status, const std::string& message) {
  Page page;
  page.title = "Erreur " + std::to_string(static_cast<int>(status));
  page.body = "<h1>" + esc(page.title) + "</h1>\n<p class=\"erreur\">" + esc(fr::typography(message)) +
              "</p>\n<p><a href=\"/\">Retour à l'accueil</a></p>\n";
  return layout(page);
}

void serve_programme_page(ServerContext& context, Request& /*request*/, Response& response) {
  const ToolkitSnapshot snapshot = context.store.current();
  Page page;
  page.title = "Programme";
  page.tab = Tab::programme;
  page.script = "/static/programme.js";
  page.body = config_block(context, snapshot) + R"(<h1>Programmations d'achats</h1>
<p class="chapeau">Importez la programmation d'un acheteur (une ligne par lot)&#8239;: chaque lot est évalué avec les règles en vigueur à sa date de lancement, puis vous décidez lot par lot avec l'acheteur. Programmations et décisions sont gardées dans l'espace de travail.</p>
<div id="erreurs" class="alerte" role="alert" tabindex="-1" hidden></div>
<div class="colonnes">
<section class="carte" aria-labelledby="titre-import">
<h2 id="titre-import">Importer une programmation</h2>
<form id="envoi" enctype="multipart/form-data">
<label for="fichier">Fichier (CSV, XLSX ou ODS, )" +
              esc(size_label(context.options.max_upload)) + R"( au plus)</label>
<input type="file" id="fichier" name="programme" accept=".csv,.tsv,.txt,.xlsx,.xlsm,.ods" required>
<label for="nom">Nom dans l'espace de travail <span class="aide">(facultatif&#8239;; par défaut, celui du fichier&#8239;; le même nom importe une nouvelle version)</span></label>
<input id="nom" name="name" maxlength="120" autocomplete="off">
<p class="actions"><button type="submit">Importer</button> <a id="modele" href="/modele-programmation.csv" download>Télécharger un modèle vierge (CSV)</a></p>
</form>
<p id="etat" class="etat" role="status" aria-live="polite"></p>
<div id="bilan"></div>
</section>
<section class="carte" aria-labelledby="titre-liste">
<h2 id="titre-liste">Dans l'espace de travail</h2>
<ul id="programmes" class="programmes"><li>Chargement…</li></ul>
</section>
</div>
<section id="atelier" hidden aria-labelledby="titre-programme">
<h2 id="titre-programme"></h2>
<p id="resume-programme" class="resume"></p>
<div id="telecharger-revue" class="telechargements"><span>La revue, avec vos décisions&#8239;:</span>
<button type="button" class="secondaire" data-revue="html">Revue HTML</button>
<button type="button" class="secondaire" data-revue="docx">Revue DOCX</button>
<button type="button" class="secondaire" data-revue="odt">Revue ODT</button>
<button type="button" class="secondaire" data-revue="pdf">Revue PDF</button>
<button type="button" class="secondaire" id="tout-telecharger">Tous les documents (zip)</button></div>
<div id="revue" class="revue"></div>
<h3>Lots</h3>
<form id="filtres" class="filtres" role="search">
<label>Type de clause <select id="filtre-clause"><option value="">tous</option></select></label>
<label>Verdict <select id="filtre-verdict"><option value="">tous</option><option value="obligatoire">obligatoire</option><option value="recommandee">recommandée</option><option value="possible">possible</option><option value="exclue">exclue</option></select></label>
<label>Décision <select id="filtre-decision"><option value="">toutes</option><option value="a-decider">à décider</option><option value="decide">décidé</option><option value="conflit">en conflit</option></select></label>
<label>Consultation <select id="filtre-consultation"><option value="">toutes</option></select></label>
<label>Recherche <input type="search" id="filtre-texte" placeholder="référence, objet, acheteur…"></label>
</form>
<p id="compte"></p>
<div id="lots" class="lots"></div>
<form id="apercu-form" method="post" action="/api/render" target="apercu" hidden>
<input type="hidden" name="workspace"><input type="hidden" name="reference"><input type="hidden" name="document"><input type="hidden" name="format" value="html"><input type="hidden" name="disposition" value="inline">
</form>
</section>
)";
  send_page(response, page);
}

void serve_draft_page(ServerContext& context, Request& /*request*/, Response& response) {
  const ToolkitSnapshot snapshot = context.store.current();
  Page page;
  page.title = "Rédiger une consultation";
  page.tab = Tab::draft;
  page.script = "/static/rediger.js";
  page.body = config_block(context, snapshot) + R"(<h1>Rédiger une consultation</h1>
<p class="chapeau">Décrivez la consultation et ses lots&#8239;: les clauses sont évaluées à mesure que vous écrivez, et les documents s'affichent et se téléchargent lot par lot.</p>
<form id="consultation" class="carte grille" autocomplete="off">
<fieldset><legend>Consultation</legend>
<label>Référence de la consultation <input name="consultation" required value="C2027-100"></label>
<label>Objet <input name="objet" required placeholder="Réhabilitation du gymnase…"></label>
<label>Acheteur <input name="acheteur" placeholder="Commune de…"></label>
<label>Type d'acheteur <select name="type_acheteur"><option value="collectivite">Collectivité territoriale</option><option value="etat">État</option><option value="entite-adjudicatrice">Entité adjudicatrice</option><option value="defense">Défense</option></select></label>
<label>Nature <select name="nature"><option value="travaux">Travaux</option><option value="fournitures">Fournitures</option><option value="services">Services</option></select></label>
<label>Date prévisionnelle de lancement <input name="date_lancement" type="date" required></label>
<label>Lieu d'exécution (département ou code postal) <input name="lieu" placeholder="61"></label>
<label>Durée (mois) <input name="duree_mois" type="number" min="1" step="1"></label>
<label class="case"><input name="anru" type="checkbox"> Opération ANRU (NPNRU)</label>
</fieldset>
<fieldset><legend>Lots</legend>
<table id="lots-saisie"><thead><tr><th>Lot</th><th>Objet du lot</th><th>Code CPV</th><th>Montant estimé HT (€)</th><th><span class="visuellement-cache">Retirer</span></th></tr></thead><tbody></tbody></table>
<button type="button" id="ajouter-lot">Ajouter un lot</button>
</fieldset>
</form>
<section aria-labelledby="titre-resultats">
<h2 id="titre-resultats">Évaluation</h2>
<p id="etat" class="etat" role="status" aria-live="polite"></p>
<div id="resultats"></div>
<div id="diagnostics"></div>
</section>
<section aria-labelledby="titre-apercu">
<h2 id="titre-apercu">Aperçu du document</h2>
<form id="apercu-form" method="post" action="/api/render" target="apercu" hidden>
<input type="hidden" name="request"><input type="hidden" name="reference"><input type="hidden" name="document"><input type="hidden" name="format" value="html"><input type="hidden" name="disposition" value="inline">
</form>
<iframe name="apercu" id="apercu" title="Aperçu du document" sandbox></iframe>
</section>
)";
  send_page(response, page);
}

void serve_rules_page(ServerContext& context, Request& /*request*/, Response& response) {
  const ToolkitSnapshot snapshot = context.store.current();
  const app::Toolkit& toolkit = *snapshot.toolkit;
  Page page;
  page.title = "Règles";
  page.tab = Tab::rules;
  std::string status =
      "<section class=\"carte\" id=\"etat-regles\">\n<h1>Règles en vigueur</h1>\n<p>Règles, plugins "
      "et modèles chargés le " +
      esc(snapshot.loaded_at) + " depuis <code>" + esc(toolkit.paths().rules.string()) + "</code>, <code>" +
      esc(toolkit.paths().plugins.string()) + "</code> et <code>" + esc(toolkit.paths().templates.string()) +
      "</code>. Ils sont rechargés dès qu'un fichier change.</p>\n";
  const auto errors = context.store.last_error();
  if (errors.empty()) {
    status += "<p class=\"ok\" id=\"rechargement\">Dernier rechargement réussi.</p>\n";
  } else {
    for (const auto& e : errors) {
      status +=
          "<div class=\"alerte\" id=\"rechargement\" role=\"alert\"><p><strong>Le rechargement du " +
          esc(e.at) + " a échoué</strong>" + fr::colon +
          " les règles précédentes restent en service tant que ces erreurs ne sont pas corrigées.</p>\n" +
          diagnostics_list(e.diagnostics) + "</div>\n";
    }
  }
  status += "</section>\n";
  const writers::RulesDocRequest request{
      toolkit.params(),
      toolkit.clause_infos(),
      toolkit.paths().rules.string(),
      toolkit.paths().plugins.string(),
      toolkit.policy_file(),
      {Date::from_days(static_cast<std::int32_t>(std::time(nullptr) / 86400)),
       std::string("clausier ") + build::version}};
  const std::string doc = writers::rules_doc_html(request);
  // The reference's body, and its <style> allowed by hash.
  const auto body_at = doc.find("<body>\n");
  const auto body_end = doc.rfind("</body>");
  const auto style_at = doc.find("<style>");
  const auto style_end = doc.find("</style>");
  std::string csp(page_policy);
  if (style_at != std::string::npos && style_end != std::string::npos) {
    const std::string style = doc.substr(style_at, style_end + 8 - style_at);
    page.head = style + "\n";
    csp.replace(csp.find("style-src 'self'"), 16, "style-src 'self'" + style_hashes(style));
  }
  page.body = status + "<div class=\"reference-regles\">\n" +
              (body_at != std::string::npos && body_end != std::string::npos
                   ? doc.substr(body_at + 7, body_end - body_at - 7)
                   : std::string()) +
              "</div>\n";
  send_page(response, page, csp);
}

void serve_static(ServerContext& /*context*/, Request& request, Response& response) {
  std::string path;
  try {
    path = Poco::URI(request.getURI()).getPath();
  } catch (const Poco::Exception&) {
  }
  if (path == "/static/revue.css") {
    // The review's own styles, so that its charts look as they print.
    response.set("Cache-Control", "no-cache");
    send(response, Status::HTTP_OK, content_type_for(path), writers::html::review_stylesheet());
    return;
  }
  const EmbeddedFile* file = find_asset(path);
  if (file == nullptr) {
    send(response, Status::HTTP_NOT_FOUND, "text/html; charset=utf-8",
         error_page(Status::HTTP_NOT_FOUND, "fichier introuvable : « " + path + " »"));
    return;
  }
  response.set("Cache-Control", "no-cache");
  send(response, Status::HTTP_OK, content_type_for(path), file->content);
}

}  // namespace clausier::server
