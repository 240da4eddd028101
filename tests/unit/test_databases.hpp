#pragma once
// The databases the workspace's tests run against, each one new and empty:
// an SQLite file in the scratch folder always, and a database of the
// PostgreSQL server named by CLAUSIER_TEST_POSTGRES when it is set (the ctest
// entry store.postgresql starts one with tests/postgres/with-postgres.sh and
// runs the test suite "store" under it). Every test of the suite loops over
// test_databases(), so both engines pass the same tests.

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "test_paths.hpp"

namespace clausier::testing {

struct TestDatabase {
  std::string engine;  // "sqlite" or "postgresql"
  std::string url;
};

inline std::vector<TestDatabase> test_databases(const std::string& name) {
  static std::atomic<int> counter{0};
  const std::string unique = name + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  std::vector<TestDatabase> out;
  const std::filesystem::path file = scratch_path("workspace/" + unique + ".db");
  std::filesystem::create_directories(file.parent_path());
  std::filesystem::remove(file);
  out.push_back({"sqlite", "sqlite:" + file.string()});
  if (const char* server = std::getenv("CLAUSIER_TEST_POSTGRES"); server != nullptr && *server != '\0') {
    // postgresql://postgres@127.0.0.1:PORT/clausier_test -> a new database beside it.
    const std::string base(server);
    const auto slash = base.rfind('/');
    const auto authority = base.substr(base.find("://") + 3, slash - base.find("://") - 3);
    const auto at = authority.find('@');
    const auto colon = authority.rfind(':');
    const std::string user = authority.substr(0, at);
    const std::string host = authority.substr(at + 1, colon - at - 1);
    const std::string port = authority.substr(colon + 1);
    Poco::Data::PostgreSQL::Connector::registerConnector();
    Poco::Data::Session admin("PostgreSQL", "host=" + host + " port=" + port + " user=" + user +
                                                " dbname=" + base.substr(slash + 1));
    std::string db = unique;
    for (auto& c : db) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    admin << "CREATE DATABASE " + db, Poco::Data::Keywords::now;
    out.push_back({"postgresql", base.substr(0, slash + 1) + db});
  }
  return out;
}

}  // namespace clausier::testing
