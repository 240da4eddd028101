#include "store/database.hpp"

#include <doctest/doctest.h>

#include <fstream>

#include "store/database_url.hpp"
#include "store/migrations.hpp"
#include "test_databases.hpp"

using namespace clausier;
using namespace Poco::Data::Keywords;

TEST_SUITE("store") {
  TEST_CASE("database URLs: SQLite files and libpq URIs, the password hidden in messages") {
    std::string error;
    auto url = store::parse_database_url("sqlite:clausier.db", error);
    REQUIRE(url);
    CHECK(url->engine == store::Engine::sqlite);
    CHECK(url->target == "clausier.db");
    url = store::parse_database_url("sqlite:///var/lib/clausier/ws.db", error);
    REQUIRE(url);
    CHECK(url->target == "/var/lib/clausier/ws.db");

    url = store::parse_database_url("postgresql://marie:s%40cret@db.local:5433/clausier?sslmode=require",
                                    error);
    REQUIRE(url);
    CHECK(url->engine == store::Engine::postgresql);
    CHECK(url->target ==
          "host=db.local port=5433 user=marie password=s@cret dbname=clausier sslmode=require");
    CHECK(url->display == "postgresql://marie:***@db.local:5433/clausier?sslmode=require");
    url = store::parse_database_url("postgres://[::1]/ws", error);
    REQUIRE(url);
    CHECK(url->target == "host=::1 dbname=ws");

    CHECK_FALSE(store::parse_database_url("mysql://root@localhost/x", error));
    CHECK(error.find("sqlite:CHEMIN") != std::string::npos);
    CHECK_FALSE(store::parse_database_url("postgresql://u@h:port/db", error));
    CHECK(error.find("n'est pas un nombre") != std::string::npos);
    CHECK_FALSE(store::parse_database_url("postgresql://u:a%2@h/db", error));
    CHECK_FALSE(store::parse_database_url("postgresql://u:deux mots@h/db", error));
    CHECK(error.find("u:***@h/db") != std::string::npos);
    CHECK(error.find("deux mots") == std::string::npos);
  }

  TEST_CASE("migrations: applied once, recorded, and a newer schema refused") {
    for (const auto& db : testing::test_databases("migrations")) {
      CAPTURE(db.engine);
      std::string error;
      const auto url = *store::parse_database_url(db.url, error);
      {
        auto first = store::Database::open(url);
        CHECK(first->schema_version() == store::Database::known_schema());
        CHECK(store::Database::known_schema() >= 1);
      }
      auto again = store::Database::open(url);
      CHECK(again->schema_version() == store::Database::known_schema());
      int rows = 0;
      again->read(
          [&](Poco::Data::Session& s) { s << "SELECT COUNT(*) FROM schema_version", into(rows), now; });
      // One row per migration (numbers may leave gaps: branches number theirs apart).
      CHECK(rows == static_cast<int>(store::embedded_files().size()));

      // A later program's migration: this one refuses the base rather than misread it.
      again->write([&](Poco::Data::Session& s) {
        s << "INSERT INTO schema_version (version, applied_at) VALUES (999, '2030-01-01T00:00:00Z')", now;
      });
      again.reset();
      try {
        (void)store::Database::open(url);
        FAIL("a newer schema was accepted");
      } catch (const store::StoreError& e) {
        CHECK(e.kind() == store::StoreError::Kind::schema);
        CHECK(std::string(e.what()).find("schéma 999") != std::string::npos);
        CHECK(std::string(e.what()).find("version plus récente de clausier") != std::string::npos);
      }
    }
  }

  TEST_CASE("a write that fails leaves nothing behind") {
    for (const auto& db : testing::test_databases("rollback")) {
      CAPTURE(db.engine);
      std::string error;
      auto database = store::Database::open(*store::parse_database_url(db.url, error));
      CHECK_THROWS_AS(database->write([](Poco::Data::Session& s) {
        s << "INSERT INTO programmes (name, structure, current_version, created_at) VALUES ('p', 'default', "
             "0, "
             "'2027-01-01T00:00:00Z')",
            now;
        throw std::runtime_error("refus en cours de transaction");
      }),
                      std::runtime_error);
      int count = -1;
      database->read(
          [&](Poco::Data::Session& s) { s << "SELECT COUNT(*) FROM programmes", into(count), now; });
      CHECK(count == 0);
    }
  }

  TEST_CASE("an unreachable or unreadable database is named in French") {
    std::string error;
    try {
      (void)store::Database::open(*store::parse_database_url("sqlite:/nonexistent-folder/x/ws.db", error));
      FAIL("opened");
    } catch (const store::StoreError& e) {
      CHECK(std::string(e.what()).find("sqlite:/nonexistent-folder/x/ws.db") != std::string::npos);
      CHECK(std::string(e.what()).find("dossier existe") != std::string::npos);
    }
    const auto not_a_db = testing::scratch_path("workspace/not-a-db.db");
    std::filesystem::create_directories(std::filesystem::path(not_a_db).parent_path());
    { std::ofstream(not_a_db) << "Référence;Objet\nceci n'est pas une base\n"; }
    CHECK_THROWS_AS((void)store::Database::open(*store::parse_database_url("sqlite:" + not_a_db, error)),
                    store::StoreError);
    try {
      (void)store::Database::open(*store::parse_database_url("postgresql://nobody@127.0.0.1:1/none", error));
      FAIL("opened");
    } catch (const store::StoreError& e) {
      CHECK(std::string(e.what()).find("impossible de joindre") != std::string::npos);
    }
  }
}
