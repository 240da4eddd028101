#include "base/temp_file.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

using clausier::SpillFile;

TEST_SUITE("base/temp_file") {
  TEST_CASE("a temporary file: created empty, named after its prefix, in the temporary folder") {
    std::string error;
    const auto path = clausier::make_temp_file("clausier-test", error);
    REQUIRE(path);
    CHECK(error.empty());
    CHECK(path->filename().string().starts_with("clausier-test-"));
    CHECK(path->parent_path() == std::filesystem::temp_directory_path());
    CHECK(std::filesystem::file_size(*path) == 0);
    std::filesystem::remove(*path);
  }

  TEST_CASE("spill file: written, read back in order, again from a place tell() gave") {
    SpillFile spill;
    CHECK_FALSE(spill.in_memory());
    for (std::uint32_t i = 0; i < 100'000; ++i) spill.write(&i, sizeof i);
    spill.rewind();
    std::uint32_t v = 0;
    bool in_order = true;
    std::uint64_t mark = 0;
    for (std::uint32_t i = 0; i < 100'000; ++i) {
      if (i == 70'000) mark = spill.tell();
      in_order = in_order && spill.read(&v, sizeof v) && v == i;
    }
    CHECK(in_order);
    CHECK_FALSE(spill.read(&v, sizeof v));  // the end
    spill.seek(mark);
    REQUIRE(spill.read(&v, sizeof v));
    CHECK(v == 70'000);
    CHECK(spill.ok());
  }

  TEST_CASE("spill file without a usable temporary folder: kept in memory, same behaviour") {
    const char* old = std::getenv("TMPDIR");
    const std::string saved = old != nullptr ? old : "";
    ::setenv("TMPDIR", "/nonexistent/clausier", 1);
    {
      SpillFile spill;
      CHECK(spill.in_memory());
      const std::string text = "abcdef";
      spill.write(text.data(), text.size());
      spill.rewind();
      char c[3] = {};
      REQUIRE(spill.read(c, 3));
      CHECK(std::string(c, 3) == "abc");
      const auto mark = spill.tell();
      CHECK(spill.read(c, 3));
      CHECK_FALSE(spill.read(c, 1));
      spill.seek(mark);
      REQUIRE(spill.read(c, 3));
      CHECK(std::string(c, 3) == "def");
    }
    if (old != nullptr) {
      ::setenv("TMPDIR", saved.c_str(), 1);
    } else {
      ::unsetenv("TMPDIR");
    }
  }
}
