#include "base/paths.hpp"

#include <fstream>
#include <iterator>
#include <system_error>

namespace clausier {

std::string display_path(const std::filesystem::path& p) {
  std::error_code ec;
  const auto cwd = std::filesystem::current_path(ec);
  const auto abs = std::filesystem::weakly_canonical(std::filesystem::absolute(p, ec), ec);
  if (!ec && !cwd.empty()) {
    const auto rel = abs.lexically_relative(cwd);
    if (!rel.empty() && rel.native().rfind("..", 0) != 0) return rel.generic_string();
  }
  return ec ? p.generic_string() : abs.generic_string();
}

bool read_file(const std::filesystem::path& p, std::string& out) {
  out.clear();
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace clausier
