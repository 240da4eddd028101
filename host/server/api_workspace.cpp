// The workspace over HTTP (docs/workspace.md, "HTTP routes"):
//
//   GET    /api/programmes                                          the programmes
//   POST   /api/programmes                                          import a file (multipart)
//   GET    /api/programmes/{name}                                   `workspace show --format json`
//   GET    /api/programmes/{name}/history[?lot=REFERENCE]           `workspace history --format json`
//   PUT    /api/programmes/{name}/lots/{reference}/clauses/{type}   the whole decision (JSON)
//   DELETE /api/programmes/{name}/lots/{reference}/clauses/{type}   withdraws it
//
// Path segments are split on the raw path, then percent-decoded: a reference
// may hold spaces ("%20") or even a slash ("%2F"), never a raw one. The
// app::Workspace does the work; this file checks and bounds what a request
// gives, and turns the workspace's errors into statuses (404 unknown
// programme, lot or clause; 422 invalid decision; 503 database unavailable).

#include <Poco/DeflatingStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "app/workspace.hpp"
#include "base/french.hpp"
#include "readers/columns.hpp"
#include "server/http.hpp"
#include "server/programme_input.hpp"
#include "server/routes.hpp"
#include "server/server.hpp"
#include "server/session.hpp"
#include "writers/evaluation_json.hpp"
#include "writers/json_writer.hpp"

namespace clausier::server {
namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

constexpr std::string_view prefix = "/api/programmes";
constexpr std::size_t max_segment = 256;         // bytes of a decoded name, reference or clause type
constexpr std::size_t max_decision = 16 * 1024;  // bytes of a PUT body

// The status of a workspace error.
Status status_of(app::WorkspaceError::Kind kind) {
  switch (kind) {
    case app::WorkspaceError::Kind::not_found: return Status::HTTP_NOT_FOUND;
    case app::WorkspaceError::Kind::invalid: return Status::HTTP_UNPROCESSABLE_ENTITY;
    case app::WorkspaceError::Kind::conflict: return Status::HTTP_CONFLICT;
    case app::WorkspaceError::Kind::unavailable: break;
  }
  return Status::HTTP_SERVICE_UNAVAILABLE;
}

void send_workspace_error(Response& response, const app::WorkspaceError& e) {
  if (e.kind() == app::WorkspaceError::Kind::unavailable) response.set("Retry-After", "5");
  // The workspace's "unknown programme" names the programmes it holds: of
  // every structure. With accounts, say less.
  if (e.kind() == app::WorkspaceError::Kind::not_found && current_caller().authenticated()) {
    send_json_error(
        response, Status::HTTP_NOT_FOUND,
        "programme inconnu : vérifiez son nom dans la liste des programmes (GET /api/programmes)");
    return;
  }
  send_json_error(response, status_of(e.kind()), e.what());
}

void send_json(Response& response, Status status, const std::string& body) {
  send(response, status, "application/json; charset=utf-8", body);
}

// True when the client takes gzip ("Accept-Encoding: gzip, deflate, br"),
// not refused by "gzip;q=0".
bool accepts_gzip(const Request& request) {
  std::string accepted = request.get("Accept-Encoding", "");
  accepted.erase(std::remove(accepted.begin(), accepted.end(), ' '), accepted.end());
  const auto at = accepted.find("gzip");
  if (at == std::string::npos) return false;
  const std::string rest = accepted.substr(at + 4, accepted.find(',', at) - (at + 4));
  return rest.rfind(";q=0", 0) != 0 || rest.rfind(";q=0.", 0) == 0;
}

// A large document (a programme's lots, its history): compressed when the
// client takes it, a tenth of its size or less.
void send_large_json(Request& request, Response& response, const std::string& body) {
  constexpr std::size_t worth_it = 32 * 1024;
  if (body.size() < worth_it || !accepts_gzip(request)) return send_json(response, Status::HTTP_OK, body);
  std::ostringstream compressed;
  {
    Poco::DeflatingOutputStream gzip(compressed, Poco::DeflatingStreamBuf::STREAM_GZIP);
    gzip.write(body.data(), static_cast<std::streamsize>(body.size()));
    gzip.close();
  }
  response.set("Content-Encoding", "gzip");
  response.set("Vary", "Accept-Encoding");
  send_json(response, Status::HTTP_OK, compressed.str());
}

// The route's segments after /api/programmes, decoded; nullopt (and `error`
// set) when one is empty, too long, badly encoded or holds a control
// character.
std::optional<std::vector<std::string>> segments(const std::string& uri, std::string& error) {
  std::string_view path(uri);
  path = path.substr(0, path.find_first_of("?#"));
  std::vector<std::string> out;
  if (path.size() <= prefix.size()) return out;
  path.remove_prefix(prefix.size() + 1);  // "/api/programmes/"
  while (true) {
    const auto slash = path.find('/');
    const std::string raw(path.substr(0, slash));
    std::string decoded;
    try {
      Poco::URI::decode(raw, decoded);
    } catch (const Poco::Exception&) {
      error = "adresse mal encodée : « " + raw + " »";
      return std::nullopt;
    }
    if (decoded.empty()) {
      error = "adresse incomplète : un segment est vide";
      return std::nullopt;
    }
    if (decoded.size() > max_segment) {
      error = "segment d'adresse trop long : " + std::to_string(max_segment) + " octets au plus";
      return std::nullopt;
    }
    for (const char c : decoded) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
        error = "caractère de contrôle dans l'adresse";
        return std::nullopt;
      }
    }
    out.push_back(std::move(decoded));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

// A query parameter of the request, decoded; empty when absent.
std::string query_parameter(const Request& request, const std::string& name) {
  try {
    for (const auto& [key, value] : Poco::URI(request.getURI()).getQueryParameters()) {
      if (key == name) return value;
    }
  } catch (const Poco::Exception&) {
  }
  return "";
}

void method_not_allowed(Request& request, Response& response, const std::string& allow) {
  response.set("Allow", allow);
  send_json_error(response, Status::HTTP_METHOD_NOT_ALLOWED,
                  "méthode " + request.getMethod() + " non prise en charge ici : utilisez " + allow);
}

// GET /api/programmes
void list_programmes(ServerContext& context, Response& response) {
  std::ostringstream out;
  writers::JsonWriter json(out);
  json.begin_object().key("programmes").begin_array();
  const app::Caller& caller = current_caller();
  for (const auto& p : context.workspace.list()) {
    if (caller.authenticated() && !app::same_tenant(caller, p.structure)) continue;  // another tenant's
    json.begin_object().field("name", p.name).field("structure", p.structure);
    json.key("version").value(static_cast<std::int64_t>(p.version));
    json.field("source", p.source).field("imported_at", p.imported_at);
    json.key("lots").value(static_cast<std::int64_t>(p.lots));
    json.key("decisions").value(static_cast<std::int64_t>(p.decisions));
    json.end_object();
  }
  json.end_array().end_object();
  out << '\n';
  send_json(response, Status::HTTP_OK, out.str());
}

// A programme's name as the user gave it: trimmed, bounded, printable, no
// slash (it is a segment of the programme's address). Empty when valid.
std::string name_problem(const std::string& name) {
  if (name.size() > 120) return "nom trop long : 120 caractères au plus";
  for (const char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return "caractère de contrôle dans le nom";
    if (c == '/' || c == '\\') return "le nom ne peut pas contenir de barre oblique";
  }
  return "";
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// POST /api/programmes: multipart `programme` (the file), optional `name`
// (else the file's stem).
void import_programme(ServerContext& context, Request& request, Response& response) {
  const Body body = read_body(request, context.options.max_upload);
  if (body.too_large) {
    response.set("Connection", "close");
    send_json_error(response, Status::HTTP_REQUEST_ENTITY_TOO_LARGE,
                    "envoi trop volumineux : " + size_label(context.options.max_upload) +
                        " au plus ; découpez la programmation ou relancez le serveur avec --max-upload");
    return;
  }
  if (request.getContentType().rfind("multipart/form-data", 0) != 0) {
    send_json_error(response, Status::HTTP_UNSUPPORTED_MEDIA_TYPE,
                    "envoyez la programmation en multipart/form-data, dans le champ « programme »");
    return;
  }
  DiagnosticList diags;
  ProgrammeInput input = read_programme_input(request, body.bytes, diags);
  if (input.from_json || input.source_name.empty()) {
    send_json_error(response, Status::HTTP_BAD_REQUEST,
                    input.error.rfind("formulaire illisible", 0) == 0
                        ? input.error
                        : "aucun fichier : joignez la programmation dans le champ « programme »");
    return;
  }
  if (!input.programme) {
    send_json_error(response, Status::HTTP_UNPROCESSABLE_ENTITY, input.error, diags.all());
    return;
  }
  app::ImportRequest what;
  if (const auto it = input.fields.find("name"); it != input.fields.end()) what.name = trimmed(it->second);
  if (what.name.empty()) what.name = trimmed(std::filesystem::path(input.source_name).stem().string());
  if (const std::string problem = name_problem(what.name); !problem.empty()) {
    send_json_error(response, Status::HTTP_BAD_REQUEST, problem);
    return;
  }
  what.author = request_author();
  if (const app::Caller& caller = current_caller(); caller.authenticated()) {
    // Filed under the caller's structure; a name another structure uses is
    // refused without saying whose it is.
    const auto owner = context.workspace.structure_of(what.name);
    if (owner && *owner != caller.structure) {
      send_json_error(
          response, Status::HTTP_CONFLICT,
          "ce nom de programme est déjà pris dans l'espace de travail : choisissez-en un autre (champ "
          "« name »)");
      return;
    }
    what.structure = caller.structure;
  }
  const ToolkitSnapshot snapshot = context.store.current();
  // One import at a time: an import evaluates its lots with the toolkit's
  // own plugins (one Lua state, which two threads may not share); the
  // other requests use their worker's evaluator and are not held.
  static std::mutex importing;
  const std::lock_guard lock(importing);
  const app::ImportOutcome outcome = context.workspace.import_programme(
      *snapshot.toolkit, *input.programme, input.source_name, input.source_sha256, what, diags);
  if (!outcome.written && !outcome.unchanged) {
    send_json_error(response, Status::HTTP_UNPROCESSABLE_ENTITY,
                    "aucun lot n'a pu être lu : rien n'a été enregistré ; corrigez les erreurs signalées",
                    diags.all());
    return;
  }
  std::ostringstream out;
  writers::JsonWriter json(out);
  json.begin_object().key("programme").begin_object().field("name", outcome.name);
  json.key("version").value(static_cast<std::int64_t>(outcome.version));
  json.key("lots").value(static_cast<std::int64_t>(outcome.lots)).end_object();
  json.key("unchanged").value(outcome.unchanged);
  json.key("added").begin_array();
  for (const auto& r : outcome.added) json.value(r);
  json.end_array().key("removed").begin_array();
  for (const auto& r : outcome.removed) json.value(r);
  json.end_array().key("changed").begin_array();
  for (const auto& c : outcome.changed) {
    json.begin_object().field("reference", c.reference).key("fields").begin_array();
    for (const auto& f : c.fields)
      json.begin_object()
          .field("field", f.field)
          .field("before", f.before)
          .field("after", f.after)
          .end_object();
    json.end_array().end_object();
  }
  json.end_array().key("decisions_on_changed").begin_array();
  for (const auto& d : outcome.decisions_on_changed)
    json.begin_object().field("reference", d.reference).field("clause", d.clause).end_object();
  json.end_array().key("diagnostics").begin_array();
  for (const auto& d : diags.all()) writers::write_diagnostic(json, d);
  json.end_array().end_object();
  out << '\n';
  // 201 for a new version; 200 when the file is the current version's
  // under the same rules (nothing written).
  std::string encoded;
  Poco::URI::encode(outcome.name, "/?#%", encoded);
  response.set("Location", std::string(prefix) + "/" + encoded);
  send_json(response, outcome.written ? Status::HTTP_CREATED : Status::HTTP_OK, out.str());
}

// GET /api/programmes/{name}
void show_programme(ServerContext& context, const std::string& name, Request& request, Response& response) {
  const ToolkitSnapshot snapshot = context.store.current();
  std::ostringstream out;
  context.workspace.show(*snapshot.toolkit, name, app::WorkspaceFormat::json, out);
  send_large_json(request, response, out.str());
}

// GET /api/programmes/{name}/history[?lot=REFERENCE]
void programme_history(ServerContext& context, const std::string& name, Request& request,
                       Response& response) {
  const std::string lot = query_parameter(request, "lot");
  if (lot.size() > max_segment) {
    send_json_error(response, Status::HTTP_BAD_REQUEST, "référence de lot trop longue");
    return;
  }
  std::ostringstream out;
  context.workspace.history(name, app::WorkspaceFormat::json, out, lot);
  send_large_json(request, response, out.str());
}

// One field of a decision: a string, null or absent; hours may also be a
// whole number. The text is checked by the workspace.
struct Field {
  std::optional<std::string> value;
  std::string error;
};

Field decision_field(const Poco::JSON::Object& object, const std::string& key) {
  Field f;
  if (!object.has(key)) return f;
  const Poco::Dynamic::Var v = object.get(key);
  if (v.isEmpty()) return f;
  if (v.isString()) {
    f.value = v.convert<std::string>();
    return f;
  }
  if (key == "hours" && v.isNumeric()) {
    const double d = v.convert<double>();
    char text[64];
    if (std::nearbyint(d) == d && std::fabs(d) < 1e15) {
      std::snprintf(text, sizeof text, "%lld", static_cast<long long>(d));
    } else {
      std::snprintf(text, sizeof text, "%.12g", d);
    }
    f.value = text;  // "3.5" or "-3": refused with its location by the workspace
    return f;
  }
  f.error = key == "hours" ? "un nombre entier d'heures, ou null" : "un texte, ou null";
  return f;
}

// What the decision a request describes, or the errors found in its JSON.
struct ParsedDecision {
  app::DecisionInput input;
  std::vector<Diagnostic> errors;
  std::string error;  // the body is not a JSON object
};

Diagnostic body_error(const std::string& key, const std::string& message) {
  Diagnostic d;
  d.location = Location::in_table("requête", key);
  d.message = message;
  return d;
}

ParsedDecision parse_decision(const std::string& body) {
  ParsedDecision parsed;
  Poco::JSON::Object::Ptr root;
  try {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    const Poco::Dynamic::Var v = parser.parse(body);
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) root = v.extract<Poco::JSON::Object::Ptr>();
  } catch (const std::exception&) {
  }
  if (!root) {
    parsed.error =
        "le corps de la requête n'est pas un objet JSON : envoyez {\"verdict\": …, \"hours\": …, "
        "\"motif\": …, \"comment\": …}";
    return parsed;
  }
  static const std::vector<std::string> keys = {"verdict", "hours", "motif", "comment"};
  for (const auto& key : root->getNames()) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      parsed.errors.push_back(
          body_error(key, "champ inconnu « " + key + " » : seuls verdict, hours, motif et comment sont lus"));
    }
  }
  std::optional<std::string>* targets[] = {&parsed.input.verdict, &parsed.input.hours, &parsed.input.motif,
                                           &parsed.input.comment};
  for (std::size_t i = 0; i < keys.size(); ++i) {
    Field f = decision_field(*root, keys[i]);
    if (!f.error.empty()) {
      parsed.errors.push_back(body_error(keys[i], "valeur invalide pour « " + keys[i] + " » : " + f.error));
    } else {
      *targets[i] = std::move(f.value);
    }
  }
  parsed.input.replace = true;  // the whole decision: absent fields are cleared
  return parsed;
}

// The lot `reference` of a `show` document, and its clause `type`.
struct Found {
  Poco::JSON::Object::Ptr lot;
  Poco::JSON::Object::Ptr clause;
};

Found find_clause(const std::string& show_json, const std::string& reference, const std::string& type) {
  Found found;
  Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
  const auto root = parser.parse(show_json).extract<Poco::JSON::Object::Ptr>();
  const auto lots = root ? root->getArray("lots") : nullptr;
  if (!lots) return found;
  for (std::size_t i = 0; i < lots->size(); ++i) {
    const auto lot = lots->getObject(static_cast<unsigned>(i));
    if (!lot || lot->optValue<std::string>("reference", "") != reference) continue;
    found.lot = lot;
    const auto clauses = lot->getArray("clauses");
    for (std::size_t j = 0; clauses && j < clauses->size(); ++j) {
      const auto clause = clauses->getObject(static_cast<unsigned>(j));
      if (clause && clause->optValue<std::string>("type", "") == type) found.clause = clause;
    }
    break;
  }
  return found;
}

// The `show` document of the lot `reference` alone.
std::string show_json(ServerContext& context, const app::Toolkit& toolkit, const std::string& name,
                      const std::string& reference) {
  std::ostringstream out;
  context.workspace.show(toolkit, name, app::WorkspaceFormat::json, out, reference);
  return out.str();
}

// 404 for an unknown lot or clause type; true when it was sent.
bool refuse_unknown(Response& response, const Found& found, const std::string& reference,
                    const std::string& type) {
  if (!found.lot) {
    send_json_error(response, Status::HTTP_NOT_FOUND, "lot inconnu « " + reference + " » dans ce programme");
    return true;
  }
  if (!found.clause) {
    send_json_error(response, Status::HTTP_NOT_FOUND,
                    "type de clause inconnu « " + type + " » pour le lot « " + reference + " »");
    return true;
  }
  return false;
}

void send_decision_errors(Response& response, const std::vector<Diagnostic>& errors) {
  std::ostringstream out;
  writers::JsonWriter json(out);
  std::string first = errors.empty() ? std::string() : errors.front().message;
  json.begin_object().field("error", fr::typography("Décision refusée, rien n'a été enregistré : " + first));
  json.key("errors").begin_array();
  for (const auto& e : errors) {
    json.begin_object().field("location", e.location.str()).field("message", fr::typography(e.message));
    json.end_object();
  }
  json.end_array().end_object();
  out << '\n';
  send(response, Status::HTTP_UNPROCESSABLE_ENTITY, "application/json; charset=utf-8", out.str());
}

// PUT and DELETE /api/programmes/{name}/lots/{reference}/clauses/{type}
void decide(ServerContext& context, const std::string& name, const std::string& reference,
            const std::string& type, Request& request, Response& response) {
  const bool withdraw = request.getMethod() == "DELETE";
  app::DecisionInput input;
  if (!withdraw) {
    const Body body = read_body(request, max_decision);
    if (body.too_large) {
      response.set("Connection", "close");
      send_json_error(response, Status::HTTP_REQUEST_ENTITY_TOO_LARGE,
                      "décision trop volumineuse : " + size_label(max_decision) + " au plus");
      return;
    }
    if (request.getContentType().rfind("application/json", 0) != 0) {
      send_json_error(response, Status::HTTP_UNSUPPORTED_MEDIA_TYPE,
                      "envoyez la décision en JSON (Content-Type: application/json)");
      return;
    }
    ParsedDecision parsed = parse_decision(body.bytes);
    if (!parsed.error.empty()) {
      send_json_error(response, Status::HTTP_BAD_REQUEST, parsed.error);
      return;
    }
    if (!parsed.errors.empty()) {
      send_decision_errors(response, parsed.errors);
      return;
    }
    input = std::move(parsed.input);
  } else {
    input.withdraw = true;
  }
  input.reference = reference;
  input.clause = type;

  const ToolkitSnapshot snapshot = context.store.current();
  const app::DecideOutcome outcome =
      context.workspace.decide(*snapshot.toolkit, name, input, request_author());
  const Found found = find_clause(show_json(context, *snapshot.toolkit, name, reference), reference, type);
  if (refuse_unknown(response, found, reference, type)) return;
  if (!outcome.errors.empty()) {
    send_decision_errors(response, outcome.errors);
    return;
  }
  std::ostringstream out;
  found.clause->stringify(out, 2);
  out << '\n';
  send_json(response, Status::HTTP_OK, out.str());
}

}  // namespace

void serve_api_programmes(ServerContext& context, Request& request, Response& response) {
  const std::string& method = request.getMethod();
  std::string error;
  const auto parts = segments(request.getURI(), error);
  if (!parts) {
    send_json_error(response, Status::HTTP_BAD_REQUEST, error);
    return;
  }
  try {
    const std::size_t n = parts->size();
    if (n == 0) {
      if (method == "GET" || method == "HEAD") {
        if (!allow(context, response, app::Action::programmes_read)) return;
        return list_programmes(context, response);
      }
      if (method == "POST") {
        if (!allow(context, response, app::Action::programmes_import)) return;
        return import_programme(context, request, response);
      }
      return method_not_allowed(request, response, "GET, POST");
    }
    const std::string& name = (*parts)[0];
    // The follow-up checks its own actions (a company reads its balance, not
    // the programme).
    if (n >= 2 && (*parts)[1] == "followup")
      return serve_api_followup(context, name, std::vector<std::string>(parts->begin() + 2, parts->end()),
                                request, response);
    // The programme's tenant first (404 for another structure's), then the
    // role for what is asked (docs/accounts.md).
    const bool writes = n == 5 && (method == "PUT" || method == "DELETE");
    if (!allow_programme(context, response, name,
                         writes ? app::Action::decisions_write : app::Action::programmes_read))
      return;
    if (n == 1) {
      if (method == "GET" || method == "HEAD") return show_programme(context, name, request, response);
      return method_not_allowed(request, response, "GET");
    }
    if (n == 2 && (*parts)[1] == "history") {
      if (method == "GET" || method == "HEAD") return programme_history(context, name, request, response);
      return method_not_allowed(request, response, "GET");
    }
    if (n == 5 && (*parts)[1] == "lots" && (*parts)[3] == "clauses") {
      if (method == "PUT" || method == "DELETE")
        return decide(context, name, (*parts)[2], (*parts)[4], request, response);
      return method_not_allowed(request, response, "PUT, DELETE");
    }
    send_json_error(response, Status::HTTP_NOT_FOUND,
                    "adresse inconnue : /api/programmes/{nom}, …/history ou "
                    "…/lots/{référence}/clauses/{type}");
  } catch (const app::WorkspaceError& e) {
    if (!response.sent()) send_workspace_error(response, e);
  }
}

// A blank programme to fill in: the usual headers of the programme columns
// separated by semicolons as Excel writes them in French, in UTF-8 with a BOM
// so that Excel reads the accents.
void serve_programme_template(ServerContext& /*context*/, Request& /*request*/, Response& response) {
  std::string csv = "\xEF\xBB\xBF";
  // The columns of the README, from Référence to Opération ANRU; the local
  // overrides after them (part de main-d'œuvre, taux, coût horaire) are for
  // the few who need them.
  for (std::size_t i = 0; i <= static_cast<std::size_t>(readers::Column::anru); ++i) {
    if (i > 0) csv += ';';
    csv += std::string(readers::column_header(static_cast<readers::Column>(i)));
  }
  csv += "\r\n";
  response.set("Content-Disposition", "attachment; filename=\"modele-programmation.csv\"");
  send(response, Status::HTTP_OK, "text/csv; charset=utf-8", csv);
}

}  // namespace clausier::server
