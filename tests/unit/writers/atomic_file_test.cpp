#include "writers/atomic_file.hpp"

#include <doctest/doctest.h>

#include "base/paths.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace clausier;

TEST_CASE("atomic file: all or nothing") {
  const fs::path dir = testing::scratch_path("atomic");
  fs::remove_all(dir);
  const fs::path target = dir / "sous-dossier" / "doc.md";
  CHECK(writers::write_file_atomic(target, "version 1").empty());
  std::string content;
  REQUIRE(read_file(target, content));
  CHECK(content == "version 1");
  {
    writers::AtomicFile file(target);
    file.stream() << "version 2 interrompue";
    // destroyed without commit: the old content stays, no temporary is left
  }
  REQUIRE(read_file(target, content));
  CHECK(content == "version 1");
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(target.parent_path())) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("atomic file: an unwritable place gives a French message") {
  const std::string error = writers::write_file_atomic("/proc/clausier-interdit/doc.md", "x");
  CHECK(error.find("impossible") != std::string::npos);
}
