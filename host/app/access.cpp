#include "app/access.hpp"

namespace clausier::app {

std::optional<Role> role_from(std::string_view name) {
  if (name == "admin") return Role::admin;
  if (name == "facilitateur") return Role::facilitateur;
  if (name == "acheteur") return Role::acheteur;
  if (name == "entreprise") return Role::entreprise;
  return std::nullopt;
}

std::string_view role_name(Role role) {
  switch (role) {
    case Role::admin: return "admin";
    case Role::facilitateur: return "facilitateur";
    case Role::acheteur: return "acheteur";
    case Role::entreprise: return "entreprise";
  }
  return "";
}

std::string_view role_label(Role role) {
  switch (role) {
    case Role::admin: return "administrateur";
    case Role::facilitateur: return "facilitateur";
    case Role::acheteur: return "acheteur";
    case Role::entreprise: return "entreprise";
  }
  return "";
}

// The roles table of docs/accounts.md.
bool may(Role role, Action action) {
  switch (action) {
    case Action::programmes_read: return role != Role::entreprise;
    case Action::programmes_import:
    case Action::decisions_write:
    case Action::followup_read:
    case Action::followup_write: return role == Role::admin || role == Role::facilitateur;
    case Action::followup_aggregate: return role != Role::entreprise;
    case Action::statements_send:
    case Action::balance_read: return role == Role::entreprise;
    case Action::users_manage:
    case Action::audit_read: return role == Role::admin;
  }
  return false;
}

bool may(const Caller& caller, Action action) { return caller.role && may(*caller.role, action); }

bool same_tenant(const Caller& caller, std::string_view structure) {
  return caller.authenticated() && caller.structure == structure;
}

}  // namespace clausier::app
