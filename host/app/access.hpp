#pragma once
// Who calls, and what each role may do: the one place that says it
// (docs/accounts.md). The server turns a session cookie or an API token into
// a Caller and asks `may` before each workspace or follow-up operation; the
// data of a programme, an award or a statement is then shown only when its
// structure is the caller's (`same_tenant`), else the route answers 404 as
// for an unknown name: nothing tells one tenant what another holds.

#include <optional>
#include <string>
#include <string_view>

namespace clausier::app {

enum class Role { admin, facilitateur, acheteur, entreprise };

// "admin" -> Role::admin; nullopt for an unknown name.
[[nodiscard]] std::optional<Role> role_from(std::string_view name);
[[nodiscard]] std::string_view role_name(Role role);
// "administrateur", "facilitateur"…, for messages.
[[nodiscard]] std::string_view role_label(Role role);

// The authenticated user of a request, or nobody (no role). `siret` is the
// company of an `entreprise` user (empty otherwise).
struct Caller {
  std::string login;
  std::optional<Role> role;
  std::string structure;
  std::string siret;
  std::string csrf;  // the session's anti-CSRF token (empty for an API token)
  bool by_cookie = false;

  [[nodiscard]] bool authenticated() const { return role.has_value(); }
};

// What a caller may ask. Workspace actions are about the programmes of the
// caller's structure; follow-up actions (issue 14) about its awards, and
// for an `entreprise` about its own contracts (SIRET) only.
enum class Action {
  programmes_read,     // list, show, history, documents and review with workspace=NAME
  programmes_import,   // import a (new version of a) programme
  decisions_write,     // decide, withdraw
  followup_read,       // every award, statement and participant line of the structure
  followup_aggregate,  // follow-up as totals only (no participant)
  followup_write,      // record awards, import statements for any company of the structure
  statements_send,     // send a statement for one's own contracts (entreprise)
  balance_read,        // one's own contracts' hours and balance (entreprise)
  users_manage,        // the users of one's structure
  audit_read,          // the audit trail of one's structure
};

// True when `role` may do `action` (on data of its own structure).
[[nodiscard]] bool may(Role role, Action action);
// The same for a caller; false when nobody is authenticated.
[[nodiscard]] bool may(const Caller& caller, Action action);
// True when data filed under `structure` may be shown to `caller`.
[[nodiscard]] bool same_tenant(const Caller& caller, std::string_view structure);

}  // namespace clausier::app
