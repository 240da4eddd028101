#pragma once
// Accounts of a shared deployment (docs/accounts.md): users of a structure
// (the tenant) with a role, passwords hashed with argon2id (libsodium's
// crypto_pwhash_str), server-side sessions and API tokens kept only as their
// BLAKE2b hash, failed logins slowed then refused per login and per address,
// and the audit trail. The CLI (`clausier user …`, `clausier audit`) and the
// server (/api/session, every authenticated request) are thin over this.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/access.hpp"
#include "store/accounts_store.hpp"
#include "writers/json_writer.hpp"

namespace clausier::store {
class Database;
}

namespace clausier::app {

struct UserInput {
  std::string login;
  std::string name;
  std::string role;
  std::string structure;
  std::string siret;  // required for (and only for) `entreprise`
  std::string password;
};

// Counts failed logins per login and per address in a sliding window:
// each failure makes the next answer slower, and past the limit the login
// (or the address) is refused until the window has passed.
class LoginThrottle {
 public:
  struct Limits {
    int per_login = 5;
    int per_address = 20;
    std::chrono::seconds window{15 * 60};
    std::chrono::milliseconds step{250};  // delay per failure already counted, up to 4 steps
  };
  LoginThrottle() = default;
  explicit LoginThrottle(Limits limits) : limits_(limits) {}

  // Seconds to wait before trying again, or 0 when an attempt may be made.
  [[nodiscard]] int refused_for(const std::string& login, const std::string& address);
  // Records a failure; returns how long to hold the answer.
  std::chrono::milliseconds failed(const std::string& login, const std::string& address);
  void succeeded(const std::string& login);

 private:
  struct Count {
    int failures = 0;
    std::chrono::steady_clock::time_point first;
  };
  int check(Count& c, int limit, std::chrono::steady_clock::time_point now) const;

  Limits limits_;
  std::mutex mutex_;
  std::map<std::string, Count> logins_;
  std::map<std::string, Count> addresses_;
};

struct LoginResult {
  enum class Status { ok, wrong, throttled };
  Status status = Status::wrong;
  std::string session_id;              // the cookie's value (only its hash is kept)
  Caller caller;                       // with the session's csrf
  int retry_after = 0;                 // seconds, when throttled
  std::chrono::milliseconds delay{0};  // hold the answer this long (a failure)
};

class Accounts {
 public:
  explicit Accounts(store::Database& db);

  // True once the workspace has a user: from then on every workspace route
  // needs a session. Cached once true (users are disabled, never deleted).
  [[nodiscard]] bool has_users() const;

  // Each throws WorkspaceError: invalid (a French message saying which value
  // and what to give), not_found (unknown login), conflict (login taken),
  // unavailable (database).
  void add_user(const UserInput& input, const std::string& author);
  [[nodiscard]] std::vector<store::UserRow> users() const;
  // The user `login` (its password hash cleared), or nothing.
  [[nodiscard]] std::optional<store::UserRow> user(const std::string& login) const;
  void disable(const std::string& login, const std::string& author);
  void set_password(const std::string& login, const std::string& password, const std::string& author);
  // A new API token for `login` (shown once; only its hash is kept).
  [[nodiscard]] std::string new_token(const std::string& login, const std::string& author);
  // The structure `workspace import` files a programme under when none is
  // given: the only structure that has users, else "default".
  [[nodiscard]] std::string default_structure() const;

  // A login attempt from `address`. A success opens a new session (a new
  // id, whatever the client sent) that expires after `lifetime`.
  LoginResult login(const std::string& login, const std::string& password, const std::string& address,
                    std::chrono::seconds lifetime);
  // The caller of a session cookie or an API token; nothing when unknown,
  // expired, or its user disabled.
  [[nodiscard]] std::optional<Caller> session(const std::string& id) const;
  [[nodiscard]] std::optional<Caller> token(const std::string& token) const;
  void logout(const std::string& id, const Caller& caller, const std::string& address);

  void record(const store::AuditRow& entry);
  // The latest `limit` entries, oldest first: of `structure`, or all when
  // `structure` is empty.
  [[nodiscard]] std::vector<store::AuditRow> audit(const std::string& structure, std::size_t limit) const;

  // Problems of a password, in French; empty when it is acceptable.
  [[nodiscard]] static std::string password_problem(const std::string& password);
  // True when both strings are equal, compared in constant time.
  [[nodiscard]] static bool same_secret(const std::string& a, const std::string& b);

 private:
  store::Database& db_;
  mutable std::atomic<bool> known_users_{false};
  LoginThrottle throttle_;
};

// {"users": [{"login", "name", "role", "structure", "siret" (null but for a
// company), "disabled", "created_at"}]} and {"audit": [{"at", "structure",
// "author", "action", "target", "detail", "address"}]}: as `clausier user
// list --format json`, `clausier audit --format json` and the server write them.
void write_users_json(writers::JsonWriter& json, const std::vector<store::UserRow>& users);
void write_audit_json(writers::JsonWriter& json, const std::vector<store::AuditRow>& entries);

}  // namespace clausier::app
