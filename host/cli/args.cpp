#include "cli/args.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace clausier::cli {

bool ParsedArgs::has(std::string_view name) const {
  return values.count(std::string(name)) != 0 || std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::optional<std::string> ParsedArgs::value(std::string_view name) const {
  auto it = values.find(std::string(name));
  if (it == values.end()) return std::nullopt;
  return it->second;
}

ParseResult parse_args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs) {
  ParseResult out;
  auto find_spec = [&specs](std::string_view name) -> const OptionSpec* {
    for (const auto& s : specs) {
      if (s.name == name || (!s.short_name.empty() && s.short_name == name)) return &s;
    }
    return nullptr;
  };
  bool only_positional = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (only_positional || arg == "-" || arg.empty() || arg[0] != '-') {
      out.args.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (const auto eq = arg.find('='); eq != std::string::npos && arg.starts_with("--")) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    const OptionSpec* spec = find_spec(name);
    if (spec == nullptr) {
      out.error = "option inconnue « " + name + " »";
      return out;
    }
    if (!spec->takes_value) {
      if (inline_value) {
        out.error = "l'option « " + spec->name + " » ne prend pas de valeur";
        return out;
      }
      out.args.flags.push_back(spec->name);
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= argv.size()) {
        out.error = "l'option « " + spec->name + " » attend une valeur (" + spec->value_name + ")";
        return out;
      }
      inline_value = argv[++i];
    }
    out.args.values[spec->name] = *inline_value;
  }
  return out;
}

std::string describe_options(const std::vector<OptionSpec>& specs) {
  std::vector<std::string> left;
  std::size_t width = 0;
  for (const auto& s : specs) {
    std::string l = "  " + (s.short_name.empty() ? std::string("    ") : s.short_name + ", ") + s.name;
    if (s.takes_value) l += " " + s.value_name;
    width = std::max(width, text::display_width(l));
    left.push_back(std::move(l));
  }
  std::string out;
  for (std::size_t i = 0; i < specs.size(); ++i) out += text::pad(left[i], width + 3) + specs[i].help + "\n";
  return out;
}

}  // namespace clausier::cli
