#pragma once
// How file paths are shown to users: relative to the working directory when
// the file is below it ("plugins/insertion.lua"), absolute otherwise.

#include <filesystem>
#include <string>

namespace clausier {

[[nodiscard]] std::string display_path(const std::filesystem::path& p);

// Reads a whole file; returns false (and leaves `out` empty) when it cannot.
[[nodiscard]] bool read_file(const std::filesystem::path& p, std::string& out);

}  // namespace clausier
