#include "base/lua_files.hpp"

#include <doctest/doctest.h>

#include <fstream>

#include "test_paths.hpp"

using namespace clausier;
namespace fs = std::filesystem;

TEST_CASE("lua_files: the folder's *.lua files, sorted, hidden ones and sub-folders left out") {
  const fs::path dir = testing::scratch_path("lua_files");
  fs::remove_all(dir);
  fs::create_directories(dir / "sub.lua");
  for (const char* name : {"b.lua", "a.lua", ".hidden.lua", "notes.txt"}) std::ofstream(dir / name) << "x";
  std::ofstream(dir / "sub.lua" / "c.lua") << "x";
  std::error_code ec;
  const auto files = lua_files(dir, ec);
  CHECK_FALSE(ec);
  REQUIRE(files.size() == 2);
  CHECK(files[0].filename() == "a.lua");
  CHECK(files[1].filename() == "b.lua");

  CHECK(lua_files(dir / "absent", ec).empty());
  CHECK(ec);
}
