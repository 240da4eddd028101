#pragma once
// Where the rules, plugins and templates are: given by options, else the
// installed copy (<prefix>/share/clausier), else the source tree the program
// was built from. The program runs with no option on these defaults.

#include <filesystem>
#include <optional>

namespace clausier::app {

struct ResourcePaths {
  std::filesystem::path rules;
  std::filesystem::path plugins;
  std::filesystem::path templates;
  // A local policy file applied over the rules (app/policy.hpp); empty: none.
  std::filesystem::path policy = {};
};

struct ResourceOverrides {
  std::optional<std::filesystem::path> rules;
  std::optional<std::filesystem::path> plugins;
  std::optional<std::filesystem::path> templates;
  std::optional<std::filesystem::path> policy = {};
};

[[nodiscard]] ResourcePaths resolve_resources(const ResourceOverrides& overrides);

// The folder holding the default rules/, plugins/ and templates/.
[[nodiscard]] std::filesystem::path default_data_dir();

}  // namespace clausier::app
