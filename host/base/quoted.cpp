#include "base/quoted.hpp"

#include "base/text.hpp"

namespace clausier::fr {

std::string quoted(std::string_view s) { return "« " + std::string(s) + " »"; }

std::string quoted(std::string_view s, std::size_t width) { return quoted(text::truncate(s, width)); }

std::string quoted_list(const std::vector<std::string>& items, std::string_view last_separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? last_separator : ", ";
    out += quoted(items[i]);
  }
  return out;
}

}  // namespace clausier::fr
