#include "store/accounts_store.hpp"

#include <Poco/Data/Statement.h>

#include <algorithm>

#include "store/workspace_store.hpp"

namespace clausier::store {

using Poco::Data::Session;
using Poco::Data::Statement;
using namespace Poco::Data::Keywords;

namespace {

constexpr const char* user_columns =
    "u.id, u.login, u.name, u.role, u.structure, u.siret, u.password_hash, u.disabled, u.created_at";

// Binds the columns of user_columns into `row` (disabled through `flag`).
void into_user(Statement& st, UserRow& row, int& flag) {
  st, into(row.id), into(row.login), into(row.name), into(row.role), into(row.structure), into(row.siret),
      into(row.password_hash), into(flag), into(row.created_at);
}

}  // namespace

bool AccountsStore::any_user(Session& s) const {
  std::int64_t n = 0;
  s << "SELECT COUNT(*) FROM (SELECT 1 FROM users LIMIT 1) AS any_user", into(n), now;
  return n > 0;
}

std::optional<UserRow> AccountsStore::user(Session& s, const std::string& login) const {
  UserRow row;
  int flag = 0;
  std::string l = login;
  Statement st(s);
  st << db_.sql(std::string("SELECT ") + user_columns + " FROM users u WHERE u.login = ?"), use(l);
  into_user(st, row, flag);
  if (st.execute() == 0) return std::nullopt;
  row.disabled = flag != 0;
  return row;
}

std::vector<UserRow> AccountsStore::users(Session& s) const {
  std::vector<UserRow> out;
  UserRow row;
  int flag = 0;
  Statement st(s);
  st << std::string("SELECT ") + user_columns + " FROM users u ORDER BY u.structure, u.login";
  into_user(st, row, flag);
  st, range(0, 1);
  while (!st.done()) {
    if (st.execute() > 0) {
      row.disabled = flag != 0;
      out.push_back(row);
    }
  }
  return out;
}

std::vector<std::string> AccountsStore::structures(Session& s) const {
  std::vector<std::string> out;
  s << "SELECT DISTINCT structure FROM users ORDER BY structure", into(out), now;
  return out;
}

std::int64_t AccountsStore::insert_user(Session& s, const UserRow& u) const {
  UserRow v = u;
  int flag = u.disabled ? 1 : 0;
  std::string at = utc_now();
  std::int64_t id = 0;
  s << db_.sql(
      "INSERT INTO users (login, name, role, structure, siret, password_hash, disabled, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
      use(v.login), use(v.name), use(v.role), use(v.structure), use(v.siret), use(v.password_hash), use(flag),
      use(at), into(id), now;
  return id;
}

void AccountsStore::set_password(Session& s, std::int64_t user, const std::string& hash) const {
  std::string h = hash;
  s << db_.sql("UPDATE users SET password_hash = ? WHERE id = ?"), use(h), use(user), now;
}

void AccountsStore::set_disabled(Session& s, std::int64_t user, bool disabled) const {
  int flag = disabled ? 1 : 0;
  s << db_.sql("UPDATE users SET disabled = ? WHERE id = ?"), use(flag), use(user), now;
}

void AccountsStore::insert_session(Session& s, const std::string& id_hash, std::int64_t user,
                                   const std::string& csrf, std::int64_t expires_at) const {
  std::string h = id_hash;
  std::string c = csrf;
  std::string at = utc_now();
  s << db_.sql(
      "INSERT INTO sessions (id_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"),
      use(h), use(user), use(c), use(at), use(expires_at), now;
}

std::optional<SessionRow> AccountsStore::session(Session& s, const std::string& id_hash,
                                                 std::int64_t now_seconds) const {
  SessionRow row;
  int flag = 0;
  std::string h = id_hash;
  Statement st(s);
  st << db_.sql(std::string("SELECT ") + user_columns +
                ", x.csrf, x.expires_at FROM sessions x JOIN users u ON u.id = x.user_id "
                "WHERE x.id_hash = ? AND x.expires_at > ? AND u.disabled = 0"),
      use(h), use(now_seconds);
  into_user(st, row.user, flag);
  st, into(row.csrf), into(row.expires_at);
  if (st.execute() == 0) return std::nullopt;
  row.user.disabled = flag != 0;
  return row;
}

void AccountsStore::delete_session(Session& s, const std::string& id_hash) const {
  std::string h = id_hash;
  s << db_.sql("DELETE FROM sessions WHERE id_hash = ?"), use(h), now;
}

void AccountsStore::delete_sessions_of(Session& s, std::int64_t user) const {
  s << db_.sql("DELETE FROM sessions WHERE user_id = ?"), use(user), now;
}

void AccountsStore::delete_expired_sessions(Session& s, std::int64_t now_seconds) const {
  s << db_.sql("DELETE FROM sessions WHERE expires_at <= ?"), use(now_seconds), now;
}

void AccountsStore::insert_token(Session& s, const std::string& token_hash, std::int64_t user) const {
  std::string h = token_hash;
  std::string at = utc_now();
  s << db_.sql("INSERT INTO api_tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)"), use(h),
      use(user), use(at), now;
}

std::optional<UserRow> AccountsStore::token_user(Session& s, const std::string& token_hash) const {
  UserRow row;
  int flag = 0;
  std::string h = token_hash;
  Statement st(s);
  st << db_.sql(
      std::string("SELECT ") + user_columns +
      " FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND u.disabled = 0"),
      use(h);
  into_user(st, row, flag);
  if (st.execute() == 0) return std::nullopt;
  return row;
}

void AccountsStore::append_audit(Session& s, const AuditRow& a) const {
  AuditRow v = a;
  if (v.at.empty()) v.at = utc_now();
  s << db_.sql(
      "INSERT INTO audit (at, structure, author, action, target, detail, address) VALUES (?, ?, ?, ?, ?, ?, "
      "?)"),
      use(v.at), use(v.structure), use(v.author), use(v.action), use(v.target), use(v.detail), use(v.address),
      now;
}

std::vector<AuditRow> AccountsStore::audit(Session& s, const std::string& structure, bool all,
                                           std::size_t limit) const {
  std::vector<AuditRow> out;
  AuditRow row;
  std::string st_name = structure;
  auto n = static_cast<std::int64_t>(limit);
  Statement st(s);
  if (all) {
    st << db_.sql(
        "SELECT at, structure, author, action, target, detail, address FROM audit ORDER BY id DESC "
        "LIMIT ?"),
        use(n);
  } else {
    st << db_.sql(
        "SELECT at, structure, author, action, target, detail, address FROM audit WHERE structure = ? "
        "ORDER BY id DESC LIMIT ?"),
        use(st_name), use(n);
  }
  st, into(row.at), into(row.structure), into(row.author), into(row.action), into(row.target),
      into(row.detail), into(row.address), range(0, 1);
  while (!st.done()) {
    if (st.execute() > 0) out.push_back(row);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace clausier::store
