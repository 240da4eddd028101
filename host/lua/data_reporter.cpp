#include "lua/data_reporter.hpp"

#include <utility>

namespace clausier::lua {

Location DataReporter::where(const std::string& path) const {
  Location at = Location::in_file(file, line);
  if (prefix.empty()) {
    at.path = path;
  } else if (path.empty()) {
    at.path = prefix;
  } else {
    at.path = prefix + (path.front() == '[' ? "" : ".") + path;
  }
  return at;
}

void DataReporter::error(const std::string& path, std::string_view message) {
  failed = true;
  diags.error(where(path), message);
}

void DataReporter::warning(const std::string& path, std::string_view message) {
  diags.warning(where(path), message);
}

void DataReporter::error_at_line(std::uint32_t at, std::string_view message) {
  failed = true;
  diags.error(Location::in_file(file, at), message);
}

DataReporter DataReporter::nested(const std::string& path) const {
  DataReporter out{file, diags, line};
  out.prefix = where(path).path;
  return out;
}

}  // namespace clausier::lua
