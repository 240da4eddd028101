#pragma once
// Messages as tests compare them: on one line, no-break spaces (French
// typography) read as plain spaces.
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"

namespace clausier::testing {

inline std::string plain(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::string_view rest = s.substr(i);
    const std::size_t space = rest.starts_with("\u00A0") ? 2 : rest.starts_with("\u202F") ? 3 : 0;
    out += space > 0 ? ' ' : s[i];
    i += space > 0 ? space : 1;
  }
  return out;
}

// Every diagnostic of `diags`, formatted as the CLI prints it, plain.
inline std::vector<std::string> messages(const DiagnosticList& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.all()) out.push_back(plain(format_diagnostic(d)));
  return out;
}

}  // namespace clausier::testing
