#pragma once
// A workspace database: SQLite (a file, the default) or PostgreSQL (shared),
// both through Poco::Data, with one pool of connections and the schema
// migrated at open (docs/workspace.md). Statements are written once with "?"
// placeholders; sql() gives each engine its own form.

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "store/database_url.hpp"

namespace clausier::store {

// A database problem a user can act on, in French, naming the database.
class StoreError : public std::runtime_error {
 public:
  enum class Kind { unavailable, locked, schema, invalid };
  StoreError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  [[nodiscard]] Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

class Database {
 public:
  // Opens the database (an SQLite file is created when missing) and applies
  // the migrations it has not seen, each in its own transaction. Throws
  // StoreError: unreachable or unreadable database, a schema newer than this
  // program knows.
  static std::unique_ptr<Database> open(const DatabaseUrl& url);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  [[nodiscard]] Engine engine() const { return url_.engine; }
  [[nodiscard]] const std::string& display() const { return url_.display; }
  [[nodiscard]] int schema_version() const { return schema_version_; }
  // The newest schema the migrations compiled into this program bring.
  [[nodiscard]] static int known_schema();

  // The statement for this engine: on PostgreSQL, the "?" placeholders become
  // "$1", "$2"… (no "?" may appear elsewhere in a statement).
  [[nodiscard]] std::string sql(std::string_view text) const;

  // Runs `work` in a transaction on one connection: committed when it
  // returns, rolled back when it throws. SQLite takes the write lock at
  // once (BEGIN IMMEDIATE), so two writers wait for each other (busy
  // timeout) instead of failing halfway. Database errors are rethrown as
  // StoreError.
  void write(const std::function<void(Poco::Data::Session&)>& work);
  // Runs `work` on one connection for reading; errors as StoreError.
  void read(const std::function<void(Poco::Data::Session&)>& work) const;

  // Inserts rows given as columns of equal length (std::vectors), after
  // `head` ("INSERT INTO texts (evaluation_id, id, text) VALUES "). SQLite
  // runs one prepared statement per row, in process; PostgreSQL takes up to
  // rows_per_statement rows in one multi-row INSERT: one round trip for
  // them instead of one a row.
  template <typename... Columns>
  void insert_rows(Poco::Data::Session& s, std::string_view head, Columns&... columns) const;

  // A Poco::Data exception as the user should read it.
  [[nodiscard]] StoreError translate(const std::exception& e) const;

 private:
  class Pool;
  explicit Database(DatabaseUrl url);

  void migrate();

  DatabaseUrl url_;
  std::unique_ptr<Pool> pool_;
  int schema_version_ = 0;
};

template <typename... Columns>
void Database::insert_rows(Poco::Data::Session& s, std::string_view head, Columns&... columns) const {
  using Poco::Data::Keywords::use;
  constexpr std::size_t width = sizeof...(Columns);
  const std::size_t rows = std::min({columns.size()...});
  if (rows == 0) return;
  std::string one_row = "(";
  for (std::size_t c = 0; c < width; ++c) one_row += c == 0 ? "?" : ", ?";
  one_row += ")";
  if (engine() != Engine::postgresql) {
    Poco::Data::Statement st(s);
    st << sql(std::string(head) + one_row);
    (st, ..., use(columns));
    st.execute();
    return;
  }
  constexpr std::size_t rows_per_statement = 500;  // 500 × width parameters, far below PostgreSQL's 65 535
  for (std::size_t start = 0; start < rows; start += rows_per_statement) {
    const std::size_t end = std::min(rows, start + rows_per_statement);
    std::string text(head);
    for (std::size_t r = start; r < end; ++r) text += (r == start ? "" : ", ") + one_row;
    Poco::Data::Statement st(s);
    st << sql(text);
    for (std::size_t r = start; r < end; ++r) (st, ..., use(columns[r]));
    st.execute();
  }
}

}  // namespace clausier::store
