#include "app/rules_fingerprint.hpp"

#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

namespace clausier::app {
namespace {

void add_file(Poco::SHA2Engine& sha, const std::string& name, const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  sha.update(name + '\n' + std::to_string(content.size()) + '\n');
  sha.update(content);
}

// The .lua files under `folder`, but those of its tests/ (rule test cases
// change no evaluation).
void add_folder(Poco::SHA2Engine& sha, const std::string& label, const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::recursive_directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it.depth() == 0 && it->is_directory(ec) && it->path().filename() == "tests") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && it->path().extension() == ".lua") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) add_file(sha, label + '/' + f.lexically_relative(folder).generic_string(), f);
}

}  // namespace

std::string rules_fingerprint(const ResourcePaths& paths) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  add_folder(sha, "rules", paths.rules);
  add_folder(sha, "plugins", paths.plugins);
  if (!paths.policy.empty()) add_file(sha, "policy", paths.policy);
  return Poco::DigestEngine::digestToHex(sha.digest());
}

}  // namespace clausier::app
