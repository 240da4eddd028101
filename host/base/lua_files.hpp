#pragma once
// The Lua files of one folder (plugins, rule test cases): its regular *.lua
// files, hidden ones (".x.lua") left out, sorted by path. Not recursive.

#include <filesystem>
#include <system_error>
#include <vector>

namespace clausier {

// `ec` is set when the folder cannot be listed; what was listed is returned.
[[nodiscard]] std::vector<std::filesystem::path> lua_files(const std::filesystem::path& dir,
                                                           std::error_code& ec);

}  // namespace clausier
