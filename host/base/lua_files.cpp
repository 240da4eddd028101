#include "base/lua_files.hpp"

#include <algorithm>

namespace clausier {

std::vector<std::filesystem::path> lua_files(const std::filesystem::path& dir, std::error_code& ec) {
  ec.clear();
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto& p = it->path();
    std::error_code type_ec;
    if (p.extension() == ".lua" && !p.filename().string().starts_with(".") && it->is_regular_file(type_ec))
      files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace clausier
