#pragma once
// Paths of the source tree and test data, for tests.
#include <string>

namespace clausier::testing {
inline std::string source_path(const std::string& rel) {
  return std::string(CLAUSIER_SOURCE_DIR) + "/" + rel;
}
inline std::string test_path(const std::string& rel) { return std::string(CLAUSIER_TEST_DIR) + "/" + rel; }
inline std::string scratch_path(const std::string& rel) {
  return std::string(CLAUSIER_BINARY_TEST_DIR) + "/scratch/" + rel;
}
}  // namespace clausier::testing
