#include "server/session.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/URI.h>

#include <sstream>
#include <thread>

#include "app/accounts.hpp"
#include "app/workspace.hpp"
#include "base/french.hpp"
#include "server/http.hpp"
#include "server/server.hpp"
#include "writers/json_writer.hpp"

namespace clausier::server {
namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

thread_local const app::Caller* thread_caller = nullptr;
const app::Caller nobody;

constexpr std::size_t max_login_body = 8 * 1024;

void send_json(Response& response, Status status, const std::string& body) {
  send(response, status, "application/json; charset=utf-8", body);
}

std::string caller_json(const app::Caller& c, bool with_csrf) {
  std::ostringstream out;
  writers::JsonWriter json(out);
  json.begin_object();
  if (with_csrf) json.field("csrf", c.csrf);
  json.field("login", c.login)
      .field("role", std::string(c.role ? app::role_name(*c.role) : ""))
      .field("structure", c.structure);
  json.key("siret");
  c.siret.empty() ? json.null() : json.value(c.siret);
  json.end_object();
  out << '\n';
  return out.str();
}

void set_session_cookie(ServerContext& context, Response& response, const std::string& value, int max_age) {
  Poco::Net::HTTPCookie cookie(std::string(session_cookie), value);
  cookie.setPath("/");
  cookie.setHttpOnly(true);
  cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  cookie.setSecure(context.options.tls);
  cookie.setMaxAge(max_age);
  response.addCookie(cookie);
}

std::string cookie_value(const Request& request) {
  Poco::Net::NameValueCollection cookies;
  request.getCookies(cookies);
  return cookies.get(std::string(session_cookie), "");
}

// POST /api/session
void open_session(ServerContext& context, Request& request, Response& response) {
  const Body body = read_body(request, max_login_body);
  if (body.too_large) {
    send_json_error(response, Status::HTTP_REQUEST_ENTITY_TOO_LARGE, "requête trop volumineuse");
    return;
  }
  if (request.getContentType().rfind("application/json", 0) != 0) {
    send_json_error(response, Status::HTTP_UNSUPPORTED_MEDIA_TYPE,
                    "envoyez {\"login\": …, \"password\": …} en JSON (Content-Type: application/json)");
    return;
  }
  std::string login;
  std::string password;
  try {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    const auto root = parser.parse(body.bytes).extract<Poco::JSON::Object::Ptr>();
    if (root && root->has("login") && root->get("login").isString() && root->has("password") &&
        root->get("password").isString()) {
      login = root->getValue<std::string>("login");
      password = root->getValue<std::string>("password");
    }
  } catch (const std::exception&) {
  }
  if (login.empty() || password.empty() || login.size() > 64 || password.size() > 1024) {
    send_json_error(response, Status::HTTP_BAD_REQUEST,
                    "identifiant et mot de passe attendus : {\"login\": …, \"password\": …}");
    return;
  }
  app::LoginResult result = context.workspace.accounts().login(login, password, client_address(request),
                                                               context.options.session_lifetime);
  switch (result.status) {
    case app::LoginResult::Status::throttled:
      response.set("Retry-After", std::to_string(result.retry_after));
      send_json_error(response, Status::HTTP_TOO_MANY_REQUESTS,
                      "trop d'essais de connexion : réessayez dans " + std::to_string(result.retry_after) +
                          " secondes, ou demandez à l'administrateur de votre structure de changer le mot de "
                          "passe");
      return;
    case app::LoginResult::Status::wrong:
      std::this_thread::sleep_for(result.delay);  // slows guessing
      send_json_error(
          response, Status::HTTP_UNAUTHORIZED,
          "identifiant ou mot de passe incorrect : vérifiez-les, ou demandez à l'administrateur de "
          "votre structure");
      return;
    case app::LoginResult::Status::ok: break;
  }
  // A new id, whatever cookie came with the request: a session id set
  // before the login is never kept (session fixation).
  set_session_cookie(context, response, result.session_id,
                     static_cast<int>(context.options.session_lifetime.count()));
  send_json(response, Status::HTTP_OK, caller_json(result.caller, true));
}

}  // namespace

const app::Caller& current_caller() { return thread_caller != nullptr ? *thread_caller : nobody; }

CallerScope::CallerScope(app::Caller caller) : caller_(std::move(caller)) { thread_caller = &caller_; }
CallerScope::~CallerScope() { thread_caller = nullptr; }

app::Caller authenticate(ServerContext& context, const Request& request) {
  app::Accounts& accounts = context.workspace.accounts();
  const std::string auth = request.get("Authorization", "");
  if (auth.rfind("Bearer ", 0) == 0) {
    const std::string token = auth.substr(7);
    if (token.size() == 64 && !token_matches(token, context.options.token)) {
      if (auto c = accounts.token(token)) return *c;
    }
  }
  const std::string id = cookie_value(request);
  if (!id.empty()) {
    if (auto c = accounts.session(id)) return *c;
  }
  return {};
}

bool accounts_required(ServerContext& context) { return context.workspace.accounts().has_users(); }

std::string request_author() {
  const app::Caller& c = current_caller();
  return c.authenticated() ? c.login : std::string("web");
}

bool allow(ServerContext& context, Response& response, app::Action action) {
  const app::Caller& caller = current_caller();
  if (!caller.authenticated()) {
    if (!accounts_required(context)) return true;
    send_json_error(
        response, Status::HTTP_UNAUTHORIZED,
        "connexion requise : ouvrez /connexion, ou envoyez « Authorization: Bearer » avec un jeton "
        "d'API (clausier user token)");
    return false;
  }
  if (!app::may(caller, action)) {
    send_json_error(response, Status::HTTP_FORBIDDEN,
                    "accès refusé : le rôle " + std::string(app::role_label(*caller.role)) +
                        " ne le permet pas ; demandez à l'administrateur de votre structure");
    return false;
  }
  return true;
}

bool allow_programme(ServerContext& context, Response& response, const std::string& name,
                     app::Action action) {
  if (!allow(context, response, action)) return false;
  const app::Caller& caller = current_caller();
  if (!caller.authenticated()) return true;  // an open workspace
  const auto structure = context.workspace.structure_of(name);
  if (structure && *structure != caller.structure) {
    // Not even the name asked is echoed.
    send_json_error(
        response, Status::HTTP_NOT_FOUND,
        "programme inconnu : vérifiez son nom dans la liste des programmes (GET /api/programmes)");
    return false;
  }
  return true;
}

std::string client_address(const Request& request) {
  try {
    return request.clientAddress().host().toString();
  } catch (const Poco::Exception&) {
    return "";
  }
}

void serve_api_session(ServerContext& context, Request& request, Response& response) {
  const std::string& method = request.getMethod();
  if (method == "POST") return open_session(context, request, response);
  const app::Caller& caller = current_caller();
  if (method == "GET" || method == "HEAD") {
    if (!caller.authenticated() || !caller.by_cookie) {
      send_json_error(response, Status::HTTP_UNAUTHORIZED, "aucune session : connectez-vous sur /connexion");
      return;
    }
    send_json(response, Status::HTTP_OK, caller_json(caller, true));
    return;
  }
  if (method == "DELETE") {
    if (caller.authenticated() && caller.by_cookie) {
      context.workspace.accounts().logout(cookie_value(request), caller, client_address(request));
    }
    set_session_cookie(context, response, "", 0);
    response.setStatusAndReason(Status::HTTP_NO_CONTENT);
    response.setContentLength(0);
    response.send();
    return;
  }
  response.set("Allow", "GET, POST, DELETE");
  send_json_error(response, Status::HTTP_METHOD_NOT_ALLOWED,
                  "méthode " + method + " non prise en charge ici : utilisez GET, POST ou DELETE");
}

void serve_api_audit(ServerContext& context, Request& /*request*/, Response& response) {
  if (!allow(context, response, app::Action::audit_read)) return;
  const app::Caller& caller = current_caller();
  if (!caller.authenticated()) {  // an open workspace has no audit reader
    send_json_error(
        response, Status::HTTP_FORBIDDEN,
        "le journal d'audit se lit avec un compte admin (clausier user add … --role admin), ou par "
        "« clausier audit »");
    return;
  }
  std::ostringstream out;
  writers::JsonWriter json(out);
  app::write_audit_json(json, context.workspace.accounts().audit(caller.structure, 500));
  out << '\n';
  send_json(response, Status::HTTP_OK, out.str());
}

namespace {

void send_users(ServerContext& context, Response& response, const std::string& structure,
                Status status = Status::HTTP_OK) {
  std::vector<store::UserRow> users = context.workspace.accounts().users();
  std::erase_if(users, [&](const store::UserRow& u) { return u.structure != structure; });
  std::ostringstream out;
  writers::JsonWriter json(out);
  app::write_users_json(json, users);
  out << '\n';
  send_json(response, status, out.str());
}

Status user_error_status(const app::WorkspaceError& e) {
  switch (e.kind()) {
    case app::WorkspaceError::Kind::invalid: return Status::HTTP_UNPROCESSABLE_ENTITY;
    case app::WorkspaceError::Kind::conflict: return Status::HTTP_CONFLICT;
    case app::WorkspaceError::Kind::not_found: return Status::HTTP_NOT_FOUND;
    case app::WorkspaceError::Kind::unavailable: break;
  }
  return Status::HTTP_SERVICE_UNAVAILABLE;
}

// POST /api/users: a user of the admin's own structure.
void add_user(ServerContext& context, Request& request, Response& response, const app::Caller& admin) {
  const Body body = read_body(request, max_login_body);
  if (body.too_large) {
    send_json_error(response, Status::HTTP_REQUEST_ENTITY_TOO_LARGE, "requête trop volumineuse");
    return;
  }
  if (request.getContentType().rfind("application/json", 0) != 0) {
    send_json_error(response, Status::HTTP_UNSUPPORTED_MEDIA_TYPE,
                    "envoyez {\"login\", \"role\", \"password\", \"name\", \"siret\"} en JSON");
    return;
  }
  app::UserInput input;
  try {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    const auto root = parser.parse(body.bytes).extract<Poco::JSON::Object::Ptr>();
    if (!root) throw std::runtime_error("not an object");
    input.login = root->optValue<std::string>("login", "");
    input.role = root->optValue<std::string>("role", "");
    input.password = root->optValue<std::string>("password", "");
    input.name = root->optValue<std::string>("name", "");
    input.siret = root->optValue<std::string>("siret", "");
  } catch (const std::exception&) {
    send_json_error(response, Status::HTTP_BAD_REQUEST,
                    "le corps n'est pas un objet JSON {\"login\", \"role\", \"password\", …}");
    return;
  }
  input.structure = admin.structure;  // never another structure
  try {
    context.workspace.accounts().add_user(input, admin.login);
  } catch (const app::WorkspaceError& e) {
    send_json_error(response, user_error_status(e), e.what());
    return;
  }
  send_users(context, response, admin.structure, Status::HTTP_CREATED);
}

}  // namespace

void serve_api_users(ServerContext& context, Request& request, Response& response) {
  if (!allow(context, response, app::Action::users_manage)) return;
  const app::Caller& caller = current_caller();
  if (!caller.authenticated()) {
    send_json_error(response, Status::HTTP_FORBIDDEN,
                    "les comptes se gèrent avec un compte admin, ou par « clausier user »");
    return;
  }
  std::string path;
  try {
    path = Poco::URI(request.getURI()).getPath();
  } catch (const Poco::Exception&) {
  }
  const std::string& method = request.getMethod();
  if (path == "/api/users") {
    if (method == "GET" || method == "HEAD") return send_users(context, response, caller.structure);
    if (method == "POST") return add_user(context, request, response, caller);
    response.set("Allow", "GET, POST");
    send_json_error(response, Status::HTTP_METHOD_NOT_ALLOWED,
                    "méthode non prise en charge ici : GET ou POST");
    return;
  }
  const std::string login = path.substr(std::string("/api/users/").size());
  if (method != "DELETE") {
    response.set("Allow", "DELETE");
    send_json_error(response, Status::HTTP_METHOD_NOT_ALLOWED,
                    "méthode non prise en charge ici : DELETE (désactive le compte)");
    return;
  }
  const auto user = context.workspace.accounts().user(login);
  if (!user || user->structure != caller.structure) {  // another structure's: as unknown
    send_json_error(response, Status::HTTP_NOT_FOUND, "compte inconnu dans votre structure");
    return;
  }
  context.workspace.accounts().disable(login, caller.login);
  send_users(context, response, caller.structure);
}

void serve_healthz(ServerContext& /*context*/, Request& /*request*/, Response& response) {
  send(response, Status::HTTP_OK, "text/plain; charset=utf-8", "ok\n");
}

void serve_login_page(ServerContext& /*context*/, Request& /*request*/, Response& response) {
  // The form is sent by /static/connexion.js as JSON to POST /api/session;
  // nothing inline (the page's CSP forbids it).
  static const std::string page = R"(<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connexion – clausier</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="icon" href="/static/logo.svg" type="image/svg+xml">
<script src="/static/connexion.js" defer></script>
</head>
<body>
<header class="bandeau"><a class="marque" href="/"><img src="/static/logo.svg" alt="" width="28" height="28">clausier</a></header>
<main id="contenu">
<h1>Connexion</h1>
<p class="chapeau">L'espace de travail de votre structure est réservé à ses comptes. Votre identifiant vous a été donné par l'administrateur de votre structure.</p>
<div id="erreurs" class="alerte" role="alert" tabindex="-1" hidden></div>
<section class="carte">
<form id="connexion">
<label for="login">Identifiant</label>
<input id="login" name="login" autocomplete="username" maxlength="64" required>
<label for="password">Mot de passe</label>
<input id="password" name="password" type="password" autocomplete="current-password" maxlength="1024" required>
<p class="actions"><button type="submit">Se connecter</button> <button type="button" id="deconnexion" class="secondaire">Se déconnecter</button></p>
</form>
<p id="etat" class="etat" role="status" aria-live="polite"></p>
</section>
</main>
</body>
</html>
)";
  send(response, Status::HTTP_OK, "text/html; charset=utf-8", page);
}

}  // namespace clausier::server
