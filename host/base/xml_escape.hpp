#pragma once

#include <string>
#include <string_view>

namespace clausier {
// `s` for XML text or a quoted attribute: & < > " escaped, and the characters
// XML 1.0 forbids (control characters other than tab, line feed and carriage
// return) left out.
[[nodiscard]] std::string escape_xml(std::string_view s);
}  // namespace clausier
