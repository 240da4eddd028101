#pragma once
// Where a workspace lives, as the user writes it: "sqlite:PATH" or a libpq
// URI "postgresql://user[:password]@host[:port]/database[?…]".

#include <optional>
#include <string>
#include <string_view>

namespace clausier::store {

enum class Engine { sqlite, postgresql };

struct DatabaseUrl {
  Engine engine = Engine::sqlite;
  std::string target;   // SQLite: the file's path; PostgreSQL: the URI as given
  std::string display;  // the URL as shown in messages: the password hidden
};

// Parses `text`; on failure returns nothing and sets `error` (French, says
// what the accepted forms are).
[[nodiscard]] std::optional<DatabaseUrl> parse_database_url(std::string_view text, std::string& error);

}  // namespace clausier::store
