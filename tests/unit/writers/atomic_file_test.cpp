#include "writers/atomic_file.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

TEST_CASE("atomic file: a pipe or a device is written in place, never replaced by a file") {
  // `-o /dev/null` run as root once renamed a file over /dev/null; a named
  // pipe stands for any such target here.
  const fs::path dir = testing::scratch_path("atomic-fifo");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path fifo = dir / "sortie";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // The reading end, opened first without waiting, so that opening the
  // writing end does not block (and a regression fails instead of hanging).
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  CHECK(writers::write_file_atomic(fifo, "contenu").empty());
  char buffer[64] = {};
  const ssize_t n = ::read(reader, buffer, sizeof buffer);
  ::close(reader);
  CHECK(std::string(buffer, n > 0 ? static_cast<std::size_t>(n) : 0) == "contenu");
  CHECK(fs::is_fifo(fs::symlink_status(fifo)));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  CHECK(entries == 1);  // no temporary file left beside it
}
