#include "writers/atomic_folder.hpp"

#include <doctest/doctest.h>

#include "base/paths.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace clausier;

namespace {

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("atomic folder: a new folder appears with every file") {
  const fs::path root = testing::scratch_path("atomic-folder-new");
  fs::remove_all(root);
  const fs::path folder = root / "consultation-X";
  const std::string error =
      writers::write_folder_atomic(folder / "", {{"L1/a.md", "a"}, {"L2/b.md", "b"}, {"c.md", "c"}});
  CHECK(error.empty());
  std::string content;
  REQUIRE(read_file(folder / "L2" / "b.md", content));
  CHECK(content == "b");
  CHECK(entries(folder) == 3);
  CHECK(entries(root) == 1);  // no temporary folder left beside it
}

TEST_CASE("atomic folder: in an existing folder, files are replaced and others kept") {
  const fs::path folder = testing::scratch_path("atomic-folder-existing");
  fs::remove_all(folder);
  fs::create_directories(folder / "L1");
  REQUIRE(writers::write_folder_atomic(folder, {{"L1/a.md", "ancien"}}).empty());
  REQUIRE(writers::write_folder_atomic(folder / "autre", {{"notes.txt", "à garder"}}).empty());
  CHECK(writers::write_folder_atomic(folder, {{"L1/a.md", "nouveau"}}).empty());
  std::string content;
  REQUIRE(read_file(folder / "L1" / "a.md", content));
  CHECK(content == "nouveau");
  REQUIRE(read_file(folder / "autre" / "notes.txt", content));
  CHECK(content == "à garder");
  CHECK(entries(folder.parent_path()) >= 1);
  for (const auto& e : fs::directory_iterator(folder.parent_path()))
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("atomic folder: a failure leaves nothing") {
  const fs::path root = testing::scratch_path("atomic-folder-failure");
  fs::remove_all(root);
  fs::create_directories(root);
  // The second file cannot be written (its folder would be a file): none is.
  const std::string error = writers::write_folder_atomic(root / "out", {{"a.md", "a"}, {"a.md/b.md", "b"}});
  CHECK(error.find("impossible de créer") != std::string::npos);
  CHECK_FALSE(fs::exists(root / "out"));
  CHECK(entries(root) == 0);
  // A target that is a file is refused.
  REQUIRE(writers::write_folder_atomic(root, {{"fichier", "x"}}).empty());
  CHECK(writers::write_folder_atomic(root / "fichier", {{"a.md", "a"}}).find("n'est pas un dossier") !=
        std::string::npos);
}
