#pragma once
// The schema migrations compiled into the program (host/store/migrations/,
// embedded at build time by cmake/EmbedFiles.cmake), in name order:
// "0001_workspace.sql", "0002_…". The number before the first "_" is the
// schema version the migration brings the database to.

#include <string_view>
#include <vector>

namespace clausier::store {

struct EmbeddedFile {
  std::string_view url;  // the file's name, "0001_workspace.sql"
  std::string_view content;
};

[[nodiscard]] const std::vector<EmbeddedFile>& embedded_files();

}  // namespace clausier::store
