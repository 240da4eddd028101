#include "server/routes.hpp"

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/URI.h>

#include <optional>
#include <string_view>

#include "app/accounts.hpp"
#include "app/workspace.hpp"
#include "server/http.hpp"
#include "server/pages.hpp"
#include "server/server.hpp"
#include "server/session.hpp"

namespace clausier::server {
namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;
using Serve = void (*)(ServerContext&, Request&, Response&);

constexpr std::string_view token_cookie = "clausier_jeton";

struct Route {
  std::string_view method;  // "*": any (the handler answers 405 itself)
  std::string_view path;    // exact, or a prefix when it ends with '/'
  Serve serve;
};

constexpr Route routes[] = {
    {"GET", "/", serve_programme_page},
    {"GET", "/rediger", serve_draft_page},
    {"GET", "/regles", serve_rules_page},
    {"GET", "/static/", serve_static},
    {"POST", "/api/evaluate", serve_api_evaluate},
    {"POST", "/api/render", serve_api_render},
    {"POST", "/api/review", serve_api_review},
    {"GET", "/api/rules", serve_api_rules},
    {"*", "/api/programmes", serve_api_programmes},
    {"*", "/api/programmes/", serve_api_programmes},
    {"GET", "/modele-programmation.csv", serve_programme_template},
    {"*", "/api/session", serve_api_session},
    {"GET", "/api/audit", serve_api_audit},
    {"*", "/api/users", serve_api_users},
    {"*", "/api/users/", serve_api_users},
    {"GET", "/connexion", serve_login_page},
    {"GET", "/healthz", serve_healthz},
    {"GET", "/suivi/", serve_followup_page},
};

// Reachable without the shared token (--token) nor a session: logging in,
// the login page and its assets, the supervisor's probe.
bool always_open(std::string_view path) {
  return path == "/api/session" || path == "/connexion" || path == "/healthz" ||
         path.rfind("/static/", 0) == 0;
}

bool changes_state(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// The path of the request, decoded; empty when the URI cannot be parsed.
std::string request_path(const Request& request) {
  try {
    return Poco::URI(request.getURI()).getPath();
  } catch (const Poco::Exception&) {
    return "";
  }
}

bool is_api(std::string_view path) { return path.rfind("/api/", 0) == 0; }

void refuse(Response& response, std::string_view path, Status status, const std::string& message) {
  if (is_api(path)) {
    send_json_error(response, status, message);
  } else {
    send(response, status, "text/html; charset=utf-8", error_page(status, message));
  }
}

// Every request, whatever its route: headers, token, errors.
class Guarded final : public Poco::Net::HTTPRequestHandler {
 public:
  Guarded(ServerContext& context, const Route* route, bool method_ok)
      : context_(context), route_(route), method_ok_(method_ok) {}

  void handleRequest(Request& request, Response& response) override {
    set_security_headers(response);
    // Under TLS, browsers keep to HTTPS for this host.
    if (context_.options.tls) response.set("Strict-Transport-Security", "max-age=31536000");
    const std::string path = request_path(request);
    try {
      std::optional<Poco::URI> uri;
      try {
        uri.emplace(request.getURI());
      } catch (const Poco::Exception&) {
        // "%zz": the raw address tells whether the answer is JSON.
        refuse(response, request.getURI(), Status::HTTP_BAD_REQUEST,
               "adresse mal encodée : écrivez chaque caractère spécial en %XX");
        return;
      }
      // Who calls (session cookie or API token), checked once here.
      app::Caller caller;
      try {
        caller = authenticate(context_, request);
      } catch (const app::WorkspaceError& e) {  // the database is unavailable
        response.set("Retry-After", "5");
        refuse(response, path, Status::HTTP_SERVICE_UNAVAILABLE, e.what());
        return;
      }
      if (caller.by_cookie && changes_state(request.getMethod()) &&
          !(path == "/api/session" && request.getMethod() == "POST") &&
          !app::Accounts::same_secret(request.get("X-CSRF-Token", ""), caller.csrf)) {
        refuse(
            response, path, Status::HTTP_FORBIDDEN,
            "jeton anti-CSRF manquant ou invalide : envoyez l'en-tête « X-CSRF-Token » reçu à la connexion "
            "(POST /api/session), ou rechargez la page");
        return;
      }
      if (!caller.authenticated() && !always_open(path) && !authorized(request, response, *uri)) return;
      // The Programme page needs a session once the workspace has accounts.
      if (path == "/" && !caller.authenticated() && accounts_required(context_)) {
        response.redirect("/connexion", Status::HTTP_SEE_OTHER);
        return;
      }
      // A connection waiting behind this one: answer, then let it go
      // (round robin between keep-alive clients instead of starving them).
      if (context_.waiting && context_.waiting() > 0) response.setKeepAlive(false);
      const CallerScope scope(std::move(caller));
      if (route_ == nullptr) {
        refuse(response, path, Status::HTTP_NOT_FOUND, "page introuvable : « " + path + " »");
      } else if (!method_ok_) {
        response.set("Allow", std::string(route_->method));
        refuse(response, path, Status::HTTP_METHOD_NOT_ALLOWED,
               "méthode " + request.getMethod() + " non prise en charge ici : utilisez " +
                   std::string(route_->method));
      } else {
        route_->serve(context_, request, response);
      }
    } catch (const std::exception& e) {
      if (!response.sent()) {
        refuse(
            response, path, Status::HTTP_INTERNAL_SERVER_ERROR,
            std::string("erreur interne (") + e.what() + ") : réessayez, puis signalez-la si elle persiste");
      }
    }
  }

 private:
  // True when no token is required or the request carries it. A page
  // visited with ?token=T sets a cookie and reloads without the token in the
  // address (so it does not stay in the history).
  bool authorized(Request& request, Response& response, const Poco::URI& uri) {
    const std::string& token = context_.options.token;
    if (token.empty()) return true;
    const std::string auth = request.get("Authorization", "");
    if (auth.rfind("Bearer ", 0) == 0 && token_matches(std::string_view(auth).substr(7), token)) return true;
    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    if (token_matches(cookies.get(std::string(token_cookie), ""), token)) return true;
    for (const auto& [name, value] : uri.getQueryParameters()) {
      if (name == "token" && token_matches(value, token) && request.getMethod() == "GET") {
        Poco::Net::HTTPCookie cookie(std::string(token_cookie), token);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
        response.addCookie(cookie);
        response.redirect(uri.getPath(), Status::HTTP_SEE_OTHER);
        return false;
      }
    }
    response.set("WWW-Authenticate", "Bearer realm=\"clausier\"");
    refuse(response, uri.getPath(), Status::HTTP_UNAUTHORIZED,
           "accès réservé : ouvrez l'adresse donnée au lancement du serveur (avec ?token=…) ou envoyez "
           "l'en-tête « Authorization: Bearer … »");
    return false;
  }

  ServerContext& context_;
  const Route* route_;
  bool method_ok_;
};

class Router final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Router(ServerContext& context) : context_(context) {}

  Poco::Net::HTTPRequestHandler* createRequestHandler(const Request& request) override {
    const std::string path = request_path(request);
    const Route* found = nullptr;
    bool method_ok = false;
    for (const Route& r : routes) {
      const bool prefix = r.path.size() > 1 && r.path.back() == '/';
      if (prefix ? path.rfind(r.path, 0) == 0 : path == r.path) {
        if (found == nullptr) found = &r;
        if (r.method == "*" || r.method == request.getMethod() ||
            (r.method == "GET" && request.getMethod() == "HEAD")) {
          found = &r;
          method_ok = true;
          break;
        }
      }
    }
    return new Guarded(context_, found, method_ok);
  }

  void stopped() { serverStopped(this, false); }

 private:
  ServerContext& context_;
};

}  // namespace

Poco::Net::HTTPRequestHandlerFactory::Ptr make_router(ServerContext& context) { return new Router(context); }

void stop_connections(Poco::Net::HTTPRequestHandlerFactory& router) {
  static_cast<Router&>(router).stopped();
}

}  // namespace clausier::server
