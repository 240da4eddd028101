#pragma once
// The accounts' tables (migrations/0002_accounts.sql), one function per
// query, each inside the caller's transaction (Database::write or read), as
// WorkspaceStore. Secrets never reach this layer: session ids and API tokens
// arrive hashed, passwords as their argon2id string (app/accounts.cpp).

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace clausier::store {

struct UserRow {
  std::int64_t id = 0;
  std::string login;
  std::string name;
  std::string role;
  std::string structure;
  std::string siret;
  std::string password_hash;
  bool disabled = false;
  std::string created_at;
};

struct SessionRow {
  UserRow user;
  std::string csrf;
  std::int64_t expires_at = 0;  // Unix seconds
};

struct AuditRow {
  std::string at;
  std::string structure;
  std::string author;
  std::string action;  // "login", "login-failed", "logout", "user-add", "user-disable", "decision"…
  std::string target;
  std::string detail;
  std::string address;
};

class AccountsStore {
 public:
  explicit AccountsStore(const Database& db) : db_(db) {}

  [[nodiscard]] bool any_user(Poco::Data::Session& s) const;
  [[nodiscard]] std::optional<UserRow> user(Poco::Data::Session& s, const std::string& login) const;
  [[nodiscard]] std::vector<UserRow> users(Poco::Data::Session& s) const;
  // The structures that have a user, sorted.
  [[nodiscard]] std::vector<std::string> structures(Poco::Data::Session& s) const;
  std::int64_t insert_user(Poco::Data::Session& s, const UserRow& u) const;
  void set_password(Poco::Data::Session& s, std::int64_t user, const std::string& hash) const;
  void set_disabled(Poco::Data::Session& s, std::int64_t user, bool disabled) const;

  // Sessions: the one of `id_hash` when it has not expired at `now` and its
  // user is enabled.
  void insert_session(Poco::Data::Session& s, const std::string& id_hash, std::int64_t user,
                      const std::string& csrf, std::int64_t expires_at) const;
  [[nodiscard]] std::optional<SessionRow> session(Poco::Data::Session& s, const std::string& id_hash,
                                                  std::int64_t now) const;
  void delete_session(Poco::Data::Session& s, const std::string& id_hash) const;
  void delete_sessions_of(Poco::Data::Session& s, std::int64_t user) const;
  void delete_expired_sessions(Poco::Data::Session& s, std::int64_t now) const;

  void insert_token(Poco::Data::Session& s, const std::string& token_hash, std::int64_t user) const;
  // The enabled user of a token.
  [[nodiscard]] std::optional<UserRow> token_user(Poco::Data::Session& s,
                                                  const std::string& token_hash) const;

  void append_audit(Poco::Data::Session& s, const AuditRow& a) const;
  // The latest `limit` entries, oldest first; of one structure unless `all`.
  [[nodiscard]] std::vector<AuditRow> audit(Poco::Data::Session& s, const std::string& structure, bool all,
                                            std::size_t limit) const;

 private:
  const Database& db_;
};

}  // namespace clausier::store
