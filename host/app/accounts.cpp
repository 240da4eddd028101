#include "app/accounts.hpp"

#include <sodium.h>

#include <algorithm>
#include <ctime>

#include "app/workspace.hpp"
#include "app/workspace_records.hpp"
#include "base/quoted.hpp"
#include "model/siret.hpp"
#include "store/database.hpp"

namespace clausier::app {

using Poco::Data::Session;
using workspace_detail::guarded;

namespace {

void init_sodium() {
  static const int ready = sodium_init();
  if (ready < 0) throw std::runtime_error("libsodium n'a pas pu s'initialiser");
}

std::string hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

// 32 random bytes, as 64 hex digits.
std::string random_secret() {
  init_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return hex(bytes, sizeof bytes);
}

// What is kept of a session id or a token: its BLAKE2b-256 hash.
std::string secret_hash(const std::string& secret) {
  init_sodium();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size(), nullptr, 0);
  return hex(digest, sizeof digest);
}

std::string hash_password(const std::string& password) {
  init_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw WorkspaceError(WorkspaceError::Kind::unavailable,
                         "mémoire insuffisante pour chiffrer le mot de passe : réessayez");
  }
  return out;
}

bool password_matches(const std::string& hash, const std::string& password) {
  init_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

// The hash checked for an unknown login, so that it takes as long as a
// known one.
const std::string& decoy_hash() {
  static const std::string hash = hash_password(random_secret());
  return hash;
}

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

Caller caller_of(const store::UserRow& u) {
  Caller c;
  c.login = u.login;
  c.role = role_from(u.role);
  c.structure = u.structure;
  c.siret = u.siret;
  return c;
}

[[noreturn]] void invalid(const std::string& message) {
  throw WorkspaceError(WorkspaceError::Kind::invalid, message);
}

std::string login_problem(const std::string& login) {
  if (login.empty() || login.size() > 64) return "identifiant invalide : de 1 à 64 caractères";
  for (const char c : login) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '-' || c == '_' || c == '@';
    if (!ok) return "identifiant invalide " + fr::quoted(login) + " : lettres sans accent, chiffres, . - _ @";
  }
  return "";
}

std::string text_problem(const std::string& what, const std::string& text, bool required) {
  if (required && text.empty()) return what + " manquant";
  if (text.size() > 120) return what + " trop long : 120 caractères au plus";
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return "caractère de contrôle dans " + what;
  }
  return "";
}

store::UserRow require_user(const store::AccountsStore& store, Session& s, const std::string& login) {
  auto u = store.user(s, login);
  if (!u) {
    throw WorkspaceError(WorkspaceError::Kind::not_found,
                         "utilisateur inconnu " + fr::quoted(login) + " : voyez « clausier user list »");
  }
  return *u;
}

}  // namespace

// --- LoginThrottle -------------------------------------------------------------

int LoginThrottle::check(Count& c, int limit, std::chrono::steady_clock::time_point now) const {
  if (c.failures == 0) return 0;
  if (now - c.first >= limits_.window) {
    c = Count{};
    return 0;
  }
  if (c.failures < limit) return 0;
  const auto left =
      std::chrono::duration_cast<std::chrono::seconds>(limits_.window - (now - c.first)).count();
  return static_cast<int>(std::max<std::int64_t>(left, 1));
}

int LoginThrottle::refused_for(const std::string& login, const std::string& address) {
  const auto now = std::chrono::steady_clock::now();
  const std::lock_guard lock(mutex_);
  int wait = 0;
  if (auto it = logins_.find(login); it != logins_.end()) wait = check(it->second, limits_.per_login, now);
  if (auto it = addresses_.find(address); it != addresses_.end())
    wait = std::max(wait, check(it->second, limits_.per_address, now));
  return wait;
}

std::chrono::milliseconds LoginThrottle::failed(const std::string& login, const std::string& address) {
  const auto now = std::chrono::steady_clock::now();
  const std::lock_guard lock(mutex_);
  // Bounded memory: a flood of distinct logins forgets the oldest counts.
  constexpr std::size_t max_keys = 100000;
  if (logins_.size() > max_keys) logins_.clear();
  if (addresses_.size() > max_keys) addresses_.clear();
  int counted = 0;
  for (auto* map : {&logins_, &addresses_}) {
    Count& c = (*map)[map == &logins_ ? login : address];
    check(c, 0, now);  // restarts an expired window
    if (c.failures == 0) c.first = now;
    ++c.failures;
    counted = std::max(counted, map == &logins_ ? c.failures : 0);
  }
  return limits_.step * std::min(counted, 4);
}

void LoginThrottle::succeeded(const std::string& login) {
  const std::lock_guard lock(mutex_);
  logins_.erase(login);
}

// --- Accounts --------------------------------------------------------------------

Accounts::Accounts(store::Database& db) : db_(db) {}

bool Accounts::has_users() const {
  if (known_users_.load(std::memory_order_relaxed)) return true;
  bool any = false;
  guarded([&] { db_.read([&](Session& s) { any = store::AccountsStore(db_).any_user(s); }); });
  if (any) known_users_.store(true, std::memory_order_relaxed);
  return any;
}

std::string Accounts::password_problem(const std::string& password) {
  if (password.size() < 10) return "mot de passe trop court : 10 caractères au moins";
  if (password.size() > 1024) return "mot de passe trop long : 1024 caractères au plus";
  return "";
}

bool Accounts::same_secret(const std::string& a, const std::string& b) {
  init_sodium();
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void Accounts::add_user(const UserInput& input, const std::string& author) {
  if (auto p = login_problem(input.login); !p.empty()) invalid(p);
  const auto role = role_from(input.role);
  if (!role) {
    invalid("rôle inconnu " + fr::quoted(input.role) + " : admin, facilitateur, acheteur ou entreprise");
  }
  if (auto p = text_problem("nom de structure", input.structure, true); !p.empty()) invalid(p);
  if (auto p = text_problem("nom", input.name, false); !p.empty()) invalid(p);
  if (*role == Role::entreprise) {
    if (!valid_siret(input.siret)) {
      invalid("SIRET manquant ou invalide " + fr::quoted(input.siret) +
              " : un compte entreprise donne les 14 chiffres de son SIRET, clé de Luhn comprise (--siret)");
    }
  } else if (!input.siret.empty()) {
    invalid("--siret ne vaut que pour le rôle entreprise");
  }
  if (auto p = password_problem(input.password); !p.empty()) invalid(p);
  store::UserRow u;
  u.login = input.login;
  u.name = input.name.empty() ? input.login : input.name;
  u.role = input.role;
  u.structure = input.structure;
  u.siret = input.siret;
  u.password_hash = hash_password(input.password);
  store::AccountsStore store(db_);
  guarded([&] {
    db_.write([&](Session& s) {
      if (store.user(s, u.login)) {
        throw WorkspaceError(WorkspaceError::Kind::conflict, "l'identifiant " + fr::quoted(u.login) +
                                                                 " est déjà pris : choisissez-en un autre");
      }
      store.insert_user(s, u);
      store.append_audit(s, {"", u.structure, author, "user-add", u.login,
                             "rôle " + u.role + (u.siret.empty() ? "" : ", SIRET " + u.siret), ""});
    });
  });
  known_users_.store(true);
}

std::vector<store::UserRow> Accounts::users() const {
  std::vector<store::UserRow> out;
  guarded([&] { db_.read([&](Session& s) { out = store::AccountsStore(db_).users(s); }); });
  for (auto& u : out) u.password_hash.clear();
  return out;
}

std::optional<store::UserRow> Accounts::user(const std::string& login) const {
  std::optional<store::UserRow> out;
  guarded([&] { db_.read([&](Session& s) { out = store::AccountsStore(db_).user(s, login); }); });
  if (out) out->password_hash.clear();
  return out;
}

void Accounts::disable(const std::string& login, const std::string& author) {
  store::AccountsStore store(db_);
  guarded([&] {
    db_.write([&](Session& s) {
      const auto u = require_user(store, s, login);
      store.set_disabled(s, u.id, true);
      store.delete_sessions_of(s, u.id);  // its sessions end at once
      store.append_audit(s, {"", u.structure, author, "user-disable", u.login, "", ""});
    });
  });
}

void Accounts::set_password(const std::string& login, const std::string& password,
                            const std::string& author) {
  if (auto p = password_problem(password); !p.empty()) invalid(p);
  const std::string hash = hash_password(password);
  store::AccountsStore store(db_);
  guarded([&] {
    db_.write([&](Session& s) {
      const auto u = require_user(store, s, login);
      store.set_password(s, u.id, hash);
      store.delete_sessions_of(s, u.id);  // a changed password ends the sessions opened with the old one
      store.append_audit(s, {"", u.structure, author, "user-password", u.login, "", ""});
    });
  });
}

std::string Accounts::new_token(const std::string& login, const std::string& author) {
  const std::string token = random_secret();
  store::AccountsStore store(db_);
  guarded([&] {
    db_.write([&](Session& s) {
      const auto u = require_user(store, s, login);
      if (u.disabled) invalid("l'utilisateur " + fr::quoted(login) + " est désactivé");
      store.insert_token(s, secret_hash(token), u.id);
      store.append_audit(s, {"", u.structure, author, "user-token", u.login, "", ""});
    });
  });
  return token;
}

std::string Accounts::default_structure() const {
  std::vector<std::string> structures;
  guarded([&] { db_.read([&](Session& s) { structures = store::AccountsStore(db_).structures(s); }); });
  return structures.size() == 1 ? structures.front() : std::string("default");
}

LoginResult Accounts::login(const std::string& login, const std::string& password, const std::string& address,
                            std::chrono::seconds lifetime) {
  LoginResult result;
  if (const int wait = throttle_.refused_for(login, address); wait > 0) {
    result.status = LoginResult::Status::throttled;
    result.retry_after = wait;
    record({"", "", login, "login-refused", login,
            "trop d'échecs : refusé pendant " + std::to_string(wait) + " s", address});
    return result;
  }
  store::AccountsStore store(db_);
  std::optional<store::UserRow> user;
  guarded([&] { db_.read([&](Session& s) { user = store.user(s, login); }); });
  const bool known = user && !user->disabled;
  const bool match = password_matches(known ? user->password_hash : decoy_hash(), password) && known;
  if (!match) {
    result.status = LoginResult::Status::wrong;
    result.delay = throttle_.failed(login, address);
    record({"", user ? user->structure : "", login, "login-failed", login,
            user && user->disabled ? "compte désactivé" : "", address});
    return result;
  }
  throttle_.succeeded(login);
  result.status = LoginResult::Status::ok;
  result.session_id = random_secret();
  result.caller = caller_of(*user);
  result.caller.csrf = random_secret();
  result.caller.by_cookie = true;
  const std::int64_t now = unix_now();
  guarded([&] {
    db_.write([&](Session& s) {
      store.delete_expired_sessions(s, now);
      store.insert_session(s, secret_hash(result.session_id), user->id, result.caller.csrf,
                           now + static_cast<std::int64_t>(lifetime.count()));
      store.append_audit(s, {"", user->structure, user->login, "login", user->login, "", address});
    });
  });
  return result;
}

std::optional<Caller> Accounts::session(const std::string& id) const {
  if (id.empty() || id.size() > 128) return std::nullopt;
  std::optional<store::SessionRow> row;
  guarded([&] {
    db_.read([&](Session& s) { row = store::AccountsStore(db_).session(s, secret_hash(id), unix_now()); });
  });
  if (!row) return std::nullopt;
  Caller c = caller_of(row->user);
  c.csrf = row->csrf;
  c.by_cookie = true;
  return c;
}

std::optional<Caller> Accounts::token(const std::string& token) const {
  if (token.empty() || token.size() > 128) return std::nullopt;
  std::optional<store::UserRow> row;
  guarded([&] {
    db_.read([&](Session& s) { row = store::AccountsStore(db_).token_user(s, secret_hash(token)); });
  });
  if (!row) return std::nullopt;
  return caller_of(*row);
}

void Accounts::logout(const std::string& id, const Caller& caller, const std::string& address) {
  store::AccountsStore store(db_);
  guarded([&] {
    db_.write([&](Session& s) {
      store.delete_session(s, secret_hash(id));
      store.append_audit(s, {"", caller.structure, caller.login, "logout", caller.login, "", address});
    });
  });
}

void Accounts::record(const store::AuditRow& entry) {
  guarded([&] { db_.write([&](Session& s) { store::AccountsStore(db_).append_audit(s, entry); }); });
}

std::vector<store::AuditRow> Accounts::audit(const std::string& structure, std::size_t limit) const {
  std::vector<store::AuditRow> out;
  guarded([&] {
    db_.read(
        [&](Session& s) { out = store::AccountsStore(db_).audit(s, structure, structure.empty(), limit); });
  });
  return out;
}

void write_users_json(writers::JsonWriter& json, const std::vector<store::UserRow>& users) {
  json.begin_object().key("users").begin_array();
  for (const auto& u : users) {
    json.begin_object().field("login", u.login).field("name", u.name).field("role", u.role);
    json.field("structure", u.structure).key("siret");
    u.siret.empty() ? json.null() : json.value(u.siret);
    json.field("disabled", u.disabled).field("created_at", u.created_at).end_object();
  }
  json.end_array().end_object();
}

void write_audit_json(writers::JsonWriter& json, const std::vector<store::AuditRow>& entries) {
  json.begin_object().key("audit").begin_array();
  for (const auto& a : entries) {
    json.begin_object()
        .field("at", a.at)
        .field("structure", a.structure)
        .field("author", a.author)
        .field("action", a.action)
        .field("target", a.target)
        .field("detail", a.detail)
        .field("address", a.address)
        .end_object();
  }
  json.end_array().end_object();
}

}  // namespace clausier::app
