#include "app/resources.hpp"

#include <system_error>

#include "base/build_info.hpp"

namespace clausier::app {
namespace fs = std::filesystem;

fs::path default_data_dir() {
  std::error_code ec;
  // An installed program finds its data beside it: <prefix>/bin/clausier ->
  // <prefix>/share/clausier.
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "clausier";
    if (fs::is_directory(installed / "rules", ec)) return installed;
  }
  if (fs::is_directory(fs::path(build::install_data_dir) / "rules", ec)) {
    // Installed elsewhere than the running binary's prefix (rare); prefer the
    // source tree when it exists, as a developer build does.
    if (!fs::is_directory(fs::path(build::source_data_dir) / "rules", ec)) return build::install_data_dir;
  }
  return build::source_data_dir;
}

ResourcePaths resolve_resources(const ResourceOverrides& overrides) {
  const fs::path base = default_data_dir();
  return ResourcePaths{overrides.rules.value_or(base / "rules"), overrides.plugins.value_or(base / "plugins"),
                       overrides.templates.value_or(base / "templates"),
                       overrides.policy.value_or(fs::path())};
}

}  // namespace clausier::app
