#pragma once
// Accounts over HTTP (docs/accounts.md): who calls, and whether it may.
//
//   POST   /api/session   JSON {"login", "password"}: a new session; sets the
//                         HttpOnly, SameSite=Strict cookie (Secure under TLS),
//                         answers {"csrf": "…", "login", "role", "structure"}
//   GET    /api/session   the session's caller and its csrf (401 without one)
//   DELETE /api/session   ends the session (with X-CSRF-Token)
//   GET    /connexion     the login page
//   GET    /healthz       "ok" for supervisors (no authentication)
//   GET    /api/audit     the audit trail of the admin's structure
//   GET    /api/users     the users of the admin's structure
//   POST   /api/users     JSON {"login", "role", "password", "name", "siret"}: a user of that structure
//   DELETE /api/users/{login}   disables a user of that structure
//
// The router authenticates every request once (session cookie, or
// "Authorization: Bearer" with a user's API token), checks X-CSRF-Token on
// every state-changing request authenticated by cookie, and makes the
// caller known to the handlers through `current_caller()`. A handler of the
// workspace or the follow-up asks `allow` (role) and `allow_programme`
// (role and tenant) before it reads or writes anything.

#include <string>
#include <string_view>

#include "app/access.hpp"
#include "server/routes.hpp"

namespace clausier::server {

inline constexpr std::string_view session_cookie = "clausier_session";

// The caller of the request this thread is handling (nobody outside a
// request, or when it carries no valid session or token).
[[nodiscard]] const app::Caller& current_caller();

// Sets the thread's caller for the scope of a request.
class CallerScope {
 public:
  explicit CallerScope(app::Caller caller);
  ~CallerScope();
  CallerScope(const CallerScope&) = delete;
  CallerScope& operator=(const CallerScope&) = delete;

 private:
  app::Caller caller_;
};

// The caller a request's cookie or bearer token names (nobody otherwise).
[[nodiscard]] app::Caller authenticate(ServerContext& context, const Request& request);

// True when the workspace has accounts: its routes then need a session.
[[nodiscard]] bool accounts_required(ServerContext& context);

// The author a change made by this request is signed with: the caller's
// login, or "web" on an open workspace.
[[nodiscard]] std::string request_author();

// True when the current caller may do `action`; otherwise answers 401 (no
// session while the workspace has accounts) or 403, and returns false. An
// open workspace (no account yet) allows everything, as before accounts.
[[nodiscard]] bool allow(ServerContext& context, Response& response, app::Action action);

// `allow`, then the programme's tenant: a programme of another structure
// is answered 404 exactly as an unknown one. True when `name` may be used
// (it may not exist: the handler says so).
[[nodiscard]] bool allow_programme(ServerContext& context, Response& response, const std::string& name,
                                   app::Action action);

// The client's address, for the audit and the login throttle.
[[nodiscard]] std::string client_address(const Request& request);

void serve_api_session(ServerContext& context, Request& request, Response& response);
void serve_api_audit(ServerContext& context, Request& request, Response& response);
void serve_api_users(ServerContext& context, Request& request, Response& response);
void serve_login_page(ServerContext& context, Request& request, Response& response);
void serve_healthz(ServerContext& context, Request& request, Response& response);

}  // namespace clausier::server
