// Accounts against both engines (test_databases.hpp; suite "store", so that
// store.postgresql runs them on PostgreSQL too): users and their checks,
// argon2id hashes, sessions (new id at each login, expiry, a disabled user),
// API tokens, the login throttle, the audit trail, and the roles table.

#include "app/accounts.hpp"

#include <doctest/doctest.h>

#include <thread>

#include "app/workspace.hpp"
#include "test_databases.hpp"

using namespace clausier;
using namespace std::chrono_literals;

namespace {

const std::string password = "mot-de-passe-solide-1";

app::UserInput user(const std::string& login, const std::string& role, const std::string& structure) {
  return {login, "", role, structure, role == "entreprise" ? "12345678900015" : "", password};
}

}  // namespace

TEST_SUITE("store") {
  TEST_CASE("accounts: users, sessions, tokens, disabling, on both engines") {
    for (const auto& db : testing::test_databases("accounts")) {
      CAPTURE(db.engine);
      app::Workspace ws = app::Workspace::open(db.url);
      app::Accounts& accounts = ws.accounts();
      CHECK_FALSE(accounts.has_users());
      CHECK(accounts.default_structure() == "default");
      accounts.add_user(user("marie", "admin", "mde-61"), "test");
      accounts.add_user(user("sarl", "entreprise", "mde-61"), "test");
      CHECK(accounts.has_users());
      CHECK(accounts.default_structure() == "mde-61");

      // Checks, in French, and nothing written.
      CHECK_THROWS_WITH_AS(accounts.add_user(user("marie", "admin", "x"), "t"),
                           doctest::Contains("déjà pris"), app::WorkspaceError);
      CHECK_THROWS_WITH_AS(accounts.add_user(user("paul", "chef", "x"), "t"),
                           doctest::Contains("rôle inconnu"), app::WorkspaceError);
      app::UserInput weak = user("paul", "admin", "x");
      weak.password = "court";
      CHECK_THROWS_WITH_AS(accounts.add_user(weak, "t"), doctest::Contains("10 caractères"),
                           app::WorkspaceError);
      app::UserInput no_siret = user("sa", "entreprise", "x");
      no_siret.siret = "123";
      CHECK_THROWS_WITH_AS(accounts.add_user(no_siret, "t"), doctest::Contains("SIRET"), app::WorkspaceError);
      CHECK_THROWS_AS(accounts.add_user(user("é", "admin", "x"), "t"), app::WorkspaceError);

      const auto users = accounts.users();
      REQUIRE(users.size() == 2);
      CHECK(users[1].siret == "12345678900015");
      CHECK(users[0].password_hash.empty());  // never handed out

      // A login opens a new session each time; the wrong password opens none.
      const auto a = accounts.login("marie", password, "127.0.0.1", 60s);
      const auto b = accounts.login("marie", password, "127.0.0.1", 60s);
      REQUIRE(a.status == app::LoginResult::Status::ok);
      CHECK(a.session_id.size() == 64);
      CHECK(a.session_id != b.session_id);
      CHECK(a.caller.csrf != b.caller.csrf);
      const auto caller = accounts.session(a.session_id);
      REQUIRE(caller);
      CHECK(caller->login == "marie");
      CHECK(caller->role == app::Role::admin);
      CHECK(caller->structure == "mde-61");
      CHECK(caller->csrf == a.caller.csrf);
      // One character changed (never the same: a random id starts with "0" one time in 16).
      CHECK_FALSE(accounts.session((a.session_id[0] == '0' ? "1" : "0") + a.session_id.substr(1)));
      CHECK(accounts.login("marie", "mauvais-mot-de-passe", "127.0.0.1", 60s).status ==
            app::LoginResult::Status::wrong);
      CHECK(accounts.login("personne", password, "127.0.0.1", 60s).status == app::LoginResult::Status::wrong);

      // Logout ends that session only.
      accounts.logout(a.session_id, *caller, "127.0.0.1");
      CHECK_FALSE(accounts.session(a.session_id));
      CHECK(accounts.session(b.session_id));

      // Expiry.
      const auto short_lived = accounts.login("marie", password, "127.0.0.1", 1s);
      REQUIRE(accounts.session(short_lived.session_id));
      std::this_thread::sleep_for(2100ms);
      CHECK_FALSE(accounts.session(short_lived.session_id));

      // Tokens: the user's while it is enabled.
      const std::string token = accounts.new_token("sarl", "test");
      const auto by_token = accounts.token(token);
      REQUIRE(by_token);
      CHECK(by_token->role == app::Role::entreprise);
      CHECK(by_token->siret == "12345678900015");
      CHECK(by_token->csrf.empty());

      // Disabling ends sessions and tokens at once, and refuses the login.
      const auto s = accounts.login("sarl", password, "10.0.0.1", 60s);
      REQUIRE(accounts.session(s.session_id));
      accounts.disable("sarl", "test");
      CHECK_FALSE(accounts.session(s.session_id));
      CHECK_FALSE(accounts.token(token));
      CHECK(accounts.login("sarl", password, "10.0.0.1", 60s).status == app::LoginResult::Status::wrong);
      CHECK_THROWS_AS(accounts.disable("inconnu", "test"), app::WorkspaceError);

      // A new password ends the sessions opened with the old one.
      accounts.set_password("marie", "un-autre-mot-de-passe", "test");
      CHECK_FALSE(accounts.session(b.session_id));
      CHECK(accounts.login("marie", "un-autre-mot-de-passe", "127.0.0.1", 60s).status ==
            app::LoginResult::Status::ok);

      // The audit trail, by structure.
      const auto audit = accounts.audit("mde-61", 100);
      const auto has = [&](const std::string& action) {
        for (const auto& e : audit)
          if (e.action == action) return true;
        return false;
      };
      for (const char* action :
           {"user-add", "login", "login-failed", "logout", "user-token", "user-disable", "user-password"}) {
        CHECK_MESSAGE(has(action), action);
      }
      CHECK(accounts.audit("plie-14", 100).empty());
    }
  }
}

TEST_CASE("accounts: failed logins slowed, then refused per login and per address") {
  app::LoginThrottle throttle({3, 5, 60s, 10ms});
  CHECK(throttle.refused_for("marie", "a") == 0);
  CHECK(throttle.failed("marie", "a") == 10ms);
  CHECK(throttle.failed("marie", "a") == 20ms);
  CHECK(throttle.refused_for("marie", "a") == 0);
  throttle.failed("marie", "a");
  CHECK(throttle.refused_for("marie", "b") > 0);  // the login, from anywhere
  CHECK(throttle.refused_for("paul", "b") == 0);
  throttle.failed("paul", "a");
  throttle.failed("jean", "a");
  CHECK(throttle.refused_for("luc", "a") > 0);  // the address, for any login
  CHECK(throttle.refused_for("luc", "c") == 0);
  throttle.succeeded("paul");
  CHECK(throttle.refused_for("paul", "c") == 0);
}

TEST_CASE("access: the roles table") {
  using app::Action;
  using app::Role;
  CHECK(app::may(Role::admin, Action::users_manage));
  CHECK(app::may(Role::admin, Action::decisions_write));
  CHECK_FALSE(app::may(Role::facilitateur, Action::users_manage));
  CHECK(app::may(Role::facilitateur, Action::decisions_write));
  CHECK(app::may(Role::facilitateur, Action::followup_read));
  CHECK(app::may(Role::acheteur, Action::programmes_read));
  CHECK_FALSE(app::may(Role::acheteur, Action::decisions_write));
  CHECK_FALSE(app::may(Role::acheteur, Action::followup_read));
  CHECK(app::may(Role::acheteur, Action::followup_aggregate));
  CHECK_FALSE(app::may(Role::entreprise, Action::programmes_read));
  CHECK(app::may(Role::entreprise, Action::statements_send));
  CHECK(app::may(Role::entreprise, Action::balance_read));
  const app::Caller nobody;
  CHECK_FALSE(app::may(nobody, Action::programmes_read));
  app::Caller c;
  c.role = Role::acheteur;
  c.structure = "mde-61";
  CHECK(app::same_tenant(c, "mde-61"));
  CHECK_FALSE(app::same_tenant(c, "plie-14"));
  CHECK_FALSE(app::same_tenant(nobody, ""));
}
