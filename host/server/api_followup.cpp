// The follow-up's HTTP routes (docs/followup.md), under /api/programmes/{name}:
//   GET  …/followup             the status, for the caller's audience
//   POST …/followup/statements  a statement (multipart field "releve"),
//                               imported whole or refused with every error
// and the page GET /suivi/{name}. Thin over app::Followup.

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <ctime>
#include <map>
#include <sstream>

#include "app/followup.hpp"
#include "app/workspace.hpp"
#include "base/french.hpp"
#include "server/http.hpp"
#include "server/routes.hpp"
#include "server/server.hpp"
#include "server/session.hpp"
#include "server/toolkit_store.hpp"
#include "writers/html_style.hpp"
#include "writers/json_writer.hpp"
#include "writers/output_format.hpp"
#include "writers/pdf_converter.hpp"

namespace clausier::server {
namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

Date today() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return *Date::from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

// The caller's audience, the one place that decides it from the session's
// role (docs/accounts.md): an admin or a facilitator sees everything, a
// buyer the totals, a company its own contracts; an open workspace (no
// account yet) is the facilitator's.
app::Audience caller_audience(const Request& /*request*/) {
  const app::Caller& caller = current_caller();
  if (!caller.authenticated()) return app::Audience::facilitator();
  switch (*caller.role) {
    case app::Role::admin:
    case app::Role::facilitateur: return app::Audience::facilitator();
    case app::Role::acheteur: return app::Audience::buyer();
    case app::Role::entreprise: return app::Audience::company(caller.siret);
  }
  return app::Audience::buyer();
}

// What the caller asks of the follow-up, as the roles table names it:
// reading (the whole follow-up, its totals, or one's own balance) or
// sending a statement (any company's, or one's own).
app::Action followup_action(bool writes) {
  const app::Caller& caller = current_caller();
  const bool company = caller.authenticated() && *caller.role == app::Role::entreprise;
  const bool buyer = caller.authenticated() && *caller.role == app::Role::acheteur;
  if (writes) return company ? app::Action::statements_send : app::Action::followup_write;
  if (company) return app::Action::balance_read;
  return buyer ? app::Action::followup_aggregate : app::Action::followup_read;
}

class StatementPart final : public Poco::Net::PartHandler {
 public:
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
    if (params.get("name", "") != "releve") return;
    file_name = params.get("filename", "releve.csv");
    Poco::StreamCopier::copyToString(stream, content);
    found = true;
  }
  bool found = false;
  std::string file_name;
  std::string content;
};

void write_diagnostics(writers::JsonWriter& w, const std::vector<Diagnostic>& items) {
  w.begin_array();
  for (const auto& d : items)
    w.begin_object().field("location", d.location.str()).field("message", d.message).end_object();
  w.end_array();
}

void send_status(ServerContext& context, const std::string& name, Request& request, Response& response) {
  const ToolkitSnapshot snapshot = context.store.current();
  const app::Followup followup = app::Followup::over(context.workspace);
  std::ostringstream out;
  app::Followup::write_status(
      followup.status(snapshot.toolkit->params(), caller_audience(request), today(), name),
      app::FollowupFormat::json, out);
  send(response, Status::HTTP_OK, "application/json; charset=utf-8", out.str());
}

void receive_statement(ServerContext& context, const std::string& name, Request& request,
                       Response& response) {
  const Body body = read_body(request, context.options.max_upload);
  if (body.too_large) {
    response.set("Connection", "close");
    send_json_error(response, Status::HTTP_REQUEST_ENTITY_TOO_LARGE,
                    "envoi trop volumineux : " + size_label(context.options.max_upload) + " au plus");
    return;
  }
  if (request.getContentType().rfind("multipart/form-data", 0) != 0) {
    send_json_error(response, Status::HTTP_UNSUPPORTED_MEDIA_TYPE,
                    "envoyez l'état mensuel en multipart/form-data, dans le champ « releve »");
    return;
  }
  StatementPart part;
  std::string company;
  try {
    std::istringstream in(body.bytes);
    Poco::Net::HTMLForm form;
    form.setFieldLimit(16);
    form.load(request, in, part);
    company = form.get("company", "");
  } catch (const Poco::Exception& e) {
    send_json_error(response, Status::HTTP_BAD_REQUEST, "formulaire illisible (" + e.displayText() + ")");
    return;
  }
  if (!part.found) {
    send_json_error(response, Status::HTTP_BAD_REQUEST,
                    "aucun fichier : joignez l'état mensuel dans le champ « releve »");
    return;
  }
  const app::Audience audience = caller_audience(request);
  if (audience.role == app::Audience::Role::acheteur) {
    send_json_error(response, Status::HTTP_FORBIDDEN, "un acheteur ne transmet pas d'état mensuel");
    return;
  }
  if (audience.role == app::Audience::Role::entreprise) company = audience.siret;
  const std::string file = std::filesystem::path(part.file_name).filename().string();
  const ToolkitSnapshot snapshot = context.store.current();
  app::Followup followup = app::Followup::over(context.workspace);
  if (!context.workspace.exists(name)) {
    send_json_error(response, Status::HTTP_NOT_FOUND, "programme « " + name + " » inconnu");
    return;
  }
  const auto outcome =
      followup.import_statement_content(snapshot.toolkit->params(), std::move(part.content),
                                        file.empty() ? "releve.csv" : file, company, "web", today());
  std::ostringstream out;
  writers::JsonWriter w(out);
  if (!outcome.errors.empty()) {
    w.begin_object().field("error",
                           fr::typography("état refusé : rien n'a été importé ; corrigez les erreurs et "
                                          "envoyez-le de nouveau"));
    w.key("errors");
    write_diagnostics(w, outcome.errors);
    w.end_object();
    send(response, Status::HTTP_UNPROCESSABLE_ENTITY, "application/json; charset=utf-8", out.str());
    return;
  }
  w.begin_object()
      .field("imported", outcome.imported)
      .field("unchanged", outcome.unchanged)
      .field("lines", static_cast<std::int64_t>(outcome.lines))
      .field("lots", static_cast<std::int64_t>(outcome.lots))
      .field("months", static_cast<std::int64_t>(outcome.months));
  w.key("warnings");
  write_diagnostics(w, outcome.warnings);
  w.end_object();
  send(response, outcome.imported ? Status::HTTP_CREATED : Status::HTTP_OK, "application/json; charset=utf-8",
       out.str());
}

// The buyer's report: ?format=html|md|docx|odt|pdf (html by default), &lot=REF.
void send_report(ServerContext& context, const std::string& name, Request& request, Response& response) {
  std::string format = "html";
  std::string lot;
  try {
    for (const auto& [key, value] : Poco::URI(request.getURI()).getQueryParameters()) {
      if (key == "format") format = value;
      if (key == "lot") lot = value;
    }
  } catch (const Poco::Exception&) {
    send_json_error(response, Status::HTTP_BAD_REQUEST, "adresse mal encodée");
    return;
  }
  const std::map<std::string, std::string> types = {
      {"html", "text/html; charset=utf-8"},
      {"md", "text/markdown; charset=utf-8"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"odt", "application/vnd.oasis.opendocument.text"},
      {"pdf", "application/pdf"}};
  const auto type = types.find(format);
  if (type == types.end()) {
    send_json_error(response, Status::HTTP_BAD_REQUEST,
                    "format « " + format + " » inconnu : choisissez html, md, docx, odt ou pdf");
    return;
  }
  // PDF: the DOCX report, converted by LibreOffice (absent: said, nothing sent).
  const std::string made_from(writers::output_format(format)->made_from);
  if (!made_from.empty() && !writers::find_soffice()) {
    send_json_error(response, Status::HTTP_SERVICE_UNAVAILABLE, writers::soffice_missing_message());
    return;
  }
  const ToolkitSnapshot snapshot = context.store.current();
  const app::Followup followup = app::Followup::over(context.workspace);
  std::ostringstream out;
  DiagnosticList diags;
  if (!followup.write_report(snapshot.toolkit->params(), snapshot.toolkit->templates(),
                             caller_audience(request), name, lot, made_from.empty() ? format : made_from,
                             today(), out, diags)) {
    send_json_error(response, Status::HTTP_NOT_FOUND, "aucun état de réalisation à écrire", diags.all());
    return;
  }
  std::string body = out.str();
  if (!made_from.empty()) {
    std::string error;
    auto bytes = writers::convert_to_pdf(body, writers::output_format(made_from)->extension, error);
    if (!bytes) {
      send_json_error(response, Status::HTTP_INTERNAL_SERVER_ERROR, error);
      return;
    }
    body = std::move(*bytes);
  }
  const std::string file =
      "etat-realisation-" + (lot.empty() ? std::string("programme") : std::string("lot")) + "." + format;
  response.set("Content-Disposition", "attachment; filename=\"" + file + "\"");
  if (format == "html") response.set("Content-Security-Policy", document_policy(body));
  send(response, Status::HTTP_OK, type->second, body);
}

}  // namespace

void serve_api_followup(ServerContext& context, const std::string& name, const std::vector<std::string>& rest,
                        Request& request, Response& response) {
  const std::string& method = request.getMethod();
  // The role for what is asked (the buyer's report is the totals of every
  // company: not for a company), then the programme's tenant (404 for
  // another structure's, as for an unknown name).
  const bool report = rest.size() == 1 && rest[0] == "report";
  if (!allow_programme(context, response, name,
                       report ? app::Action::followup_aggregate : followup_action(method == "POST")))
    return;
  if (!context.workspace.exists(name))
    return send_json_error(response, Status::HTTP_NOT_FOUND, "programme « " + name + " » inconnu");
  if (rest.empty()) {
    if (method == "GET" || method == "HEAD") return send_status(context, name, request, response);
    response.set("Allow", "GET");
    send_json_error(response, Status::HTTP_METHOD_NOT_ALLOWED, "méthode non permise : GET");
    return;
  }
  if (rest.size() == 1 && rest[0] == "report") {
    if (method == "GET" || method == "HEAD") return send_report(context, name, request, response);
    response.set("Allow", "GET");
    send_json_error(response, Status::HTTP_METHOD_NOT_ALLOWED, "méthode non permise : GET");
    return;
  }
  if (rest.size() == 1 && rest[0] == "statements") {
    if (method == "POST") return receive_statement(context, name, request, response);
    response.set("Allow", "POST");
    send_json_error(response, Status::HTTP_METHOD_NOT_ALLOWED, "méthode non permise : POST");
    return;
  }
  send_json_error(response, Status::HTTP_NOT_FOUND,
                  "adresse inconnue : /api/programmes/{nom}/followup ou …/followup/statements");
}

// The follow-up page: the lots of a programme, hours against owed and the
// pace, late statements, timelines, and the form that sends a statement
// (assets/suivi.js posts it and shows every error).
void serve_followup_page(ServerContext& context, Request& request, Response& response) {
  std::string name;
  try {
    const std::string path = Poco::URI(request.getURI()).getPath();
    name = path.substr(std::string_view("/suivi/").size());
  } catch (const Poco::Exception&) {
  }
  if (!allow_programme(context, response, name, followup_action(false))) return;
  if (name.empty() || !context.workspace.exists(name)) {
    send(response, Status::HTTP_NOT_FOUND, "text/html; charset=utf-8",
         writers::html::page_head("Suivi introuvable") +
             "<body><main><h1>Suivi introuvable</h1><p>Aucun programme « " + writers::html::escape(name) +
             " » dans l'espace de travail.</p></main></body></html>\n");
    return;
  }
  const ToolkitSnapshot snapshot = context.store.current();
  const app::Followup followup = app::Followup::over(context.workspace);
  const auto status = followup.status(snapshot.toolkit->params(), caller_audience(request), today(), name);
  using writers::html::escape;
  std::string path_name;  // the name as a path segment
  Poco::URI::encode(name, "/?#%&+;= ", path_name);
  std::ostringstream page;
  page << writers::html::page_head("Suivi de l'exécution – " + name)
       << "<body>\n<main class=\"revue\">\n<h1>Suivi de "
       << "l'exécution – " << escape(name) << "</h1>\n";
  if (status.lots.empty()) page << "<p>Aucun lot attribué dans ce programme.</p>\n";
  page << "<table id=\"suivi-lots\"><thead><tr><th>Lot</th><th>Titulaire</th><th>Heures "
          "dues</th><th>Réalisées</th>"
          "<th>Attendues à date</th><th>Participants</th><th>États en retard</th><th>À "
          "risque</th><th>Prochaine "
          "étape</th></tr></thead><tbody>\n";
  for (const auto& l : status.lots) {
    page << "<tr><td>" << escape(l.reference) << "</td><td>" << escape(l.company)
         << "</td><td class=\"nombre\">" << (l.hours_owed ? escape(fr::integer(*l.hours_owed)) : "–")
         << "</td><td class=\"nombre\">" << escape(fr::decimal(l.hours_realised, 1))
         << "</td><td class=\"nombre\">"
         << (l.expected_to_date ? escape(fr::decimal(*l.expected_to_date, 1)) : "–")
         << "</td><td class=\"nombre\">" << (l.participants ? std::to_string(*l.participants) : "–")
         << "</td><td>";
    for (std::size_t i = 0; i < l.missing_months.size(); ++i)
      page << (i ? ", " : "") << escape(l.missing_months[i]);
    page << (l.missing_months.empty() ? "aucun" : "") << "</td><td>" << (l.at_risk ? "oui" : "non")
         << "</td><td>"
         << escape(l.next.who.empty() ? std::string("–") : l.next.who + fr::colon + " " + l.next.what)
         << "</td></tr>\n";
  }
  // What the caller may do from here: the buyer's report is not for a
  // company; a buyer sends no statement; a company sends for its own SIRET.
  const app::Audience::Role role = caller_audience(request).role;
  if (role != app::Audience::Role::entreprise) {
    page << "</tbody></table>\n<p>État de réalisation pour l'acheteur\u00A0: ";
    for (const char* f : {"html", "docx", "odt", "md"})
      page << "<a href=\"/api/programmes/" << escape(path_name) << "/followup/report?format=" << f << "\">"
           << f << "</a> ";
    page << "</p>\n";
  } else {
    page << "</tbody></table>\n";
  }
  for (const auto& l : status.lots) {
    page << "<details><summary>Calendrier du lot " << escape(l.reference) << "</summary><ul>\n";
    for (const auto& e : l.timeline)
      page << "<li>" << escape(e.date) << " – " << escape(e.label) << fr::colon << " " << escape(e.note)
           << "</li>\n";
    page << "</ul></details>\n";
  }
  if (role != app::Audience::Role::acheteur) {
    page << "<h2>Envoyer un état mensuel</h2>\n<form id=\"form-releve\" method=\"post\" "
            "enctype=\"multipart/form-data\" action=\"/api/programmes/"
         << escape(path_name)
         << "/followup/statements\">\n<p><label>État mensuel (CSV ou XLSX) <input type=\"file\" "
            "name=\"releve\" id=\"releve\" required></label></p>\n";
    if (role != app::Audience::Role::entreprise) {
      page << "<p><label>SIRET de l'entreprise <input type=\"text\" name=\"company\" id=\"company\" "
              "inputmode=\"numeric\"></label></p>\n";
    }
    page << "<p><button type=\"submit\">Envoyer</button></p>\n</form>\n"
            "<div id=\"resultat-releve\" role=\"status\"></div>\n";
  }
  page << "</main>\n<script src=\"/static/suivi.js\"></script>\n"
          "</body>\n</html>\n";
  const std::string html = page.str();
  // The page's own <style> (the printed review's) is allowed by its hash.
  std::string policy(page_policy);
  policy.replace(policy.find("style-src 'self'"), std::string_view("style-src 'self'").size(),
                 "style-src 'self'" + style_hashes(html));
  response.set("Content-Security-Policy", policy);
  send(response, Status::HTTP_OK, "text/html; charset=utf-8", html);
}

}  // namespace clausier::server
