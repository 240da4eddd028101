#include "model/sentence.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "base/date.hpp"
#include "base/french.hpp"
#include "base/quoted.hpp"

namespace clausier {
namespace {

struct FormatName {
  std::string_view name;
  BlankFormat format;
};
constexpr std::array<FormatName, 5> format_names = {{{"euros", BlankFormat::euros},
                                                     {"percent", BlankFormat::percent},
                                                     {"number", BlankFormat::number},
                                                     {"hours", BlankFormat::hours},
                                                     {"date", BlankFormat::date}}};

constexpr std::string_view format_list = "euros, percent, number, number:N, hours, date";

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Reads the blank "name[:format[:N]]" (between braces) into `out`.
std::string read_blank(std::string_view spec, Blank& out) {
  const std::size_t colon = spec.find(':');
  const std::string_view name = spec.substr(0, colon);
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) {
    return "blanc " + fr::quoted("{" + std::string(spec) + "}") +
           " sans nom : écrivez {nom} ou {nom:format}, le nom en lettres, chiffres et _";
  }
  for (const char c : name) {
    if (!name_char(c)) {
      return "blanc " + fr::quoted("{" + std::string(spec) + "}") +
             " : le nom ne prend que des lettres sans accent, des chiffres et _";
    }
  }
  out.name = std::string(name);
  if (colon == std::string_view::npos) return {};
  std::string_view format = spec.substr(colon + 1);
  std::string_view decimals;
  if (const std::size_t second = format.find(':'); second != std::string_view::npos) {
    decimals = format.substr(second + 1);
    format = format.substr(0, second);
  }
  const auto known = std::find_if(format_names.begin(), format_names.end(),
                                  [&](const FormatName& f) { return f.name == format; });
  const bool decimals_ok =
      decimals.empty() || (known != format_names.end() && known->format == BlankFormat::number &&
                           decimals.size() == 1 && decimals[0] >= '0' && decimals[0] <= '6');
  if (known == format_names.end() || !decimals_ok) {
    return "blanc " + fr::quoted("{" + std::string(spec) + "}") +
           " : format inconnu (formats : " + std::string(format_list) + ", N de 0 à 6)";
  }
  out.format = known->format;
  if (!decimals.empty()) out.decimals = decimals[0] - '0';
  return {};
}

std::string number_needed(const Blank& b, const ScalarValue& value) {
  const char* given = std::holds_alternative<bool>(value) ? "un booléen" : "du texte";
  return "le blanc " + fr::quoted(b.name) + " attend un nombre, pas " + given;
}

}  // namespace

std::optional<Message> Message::parse(std::string source, std::string& problem) {
  Message m;
  m.text_ = std::move(source);
  const std::string_view text = m.text_;
  std::string raw;
  std::vector<std::string> markers;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '}') {
      problem = "accolade fermante sans blanc ouvert (position " + std::to_string(i + 1) + ")";
      return std::nullopt;
    }
    if (c != '{') {
      raw += c;
      continue;
    }
    const std::size_t close = text.find('}', i + 1);
    const std::size_t next_open = text.find('{', i + 1);
    if (close == std::string_view::npos || next_open < close) {
      problem = "blanc non fermé (position " + std::to_string(i + 1) + ") : écrivez {nom} ou {nom:format}";
      return std::nullopt;
    }
    Blank blank;
    if (problem = read_blank(text.substr(i + 1, close - i - 1), blank); !problem.empty()) return std::nullopt;
    if (m.blank(blank.name)) {
      problem = "le blanc " + fr::quoted(blank.name) + " figure deux fois : donnez un nom à chaque blanc";
      return std::nullopt;
    }
    markers.push_back("{" + blank.name + "}");
    raw += markers.back();
    m.blanks_.push_back(std::move(blank));
    i = close;
  }
  // Typography sees the blanks as words; the names, letters and digits, are
  // left as they are, so each marker is found again in the pattern.
  m.pattern_ = fr::typography(raw);
  std::size_t from = 0;
  for (const auto& marker : markers) {
    const std::size_t at = m.pattern_.find(marker, from);
    m.pieces_.push_back(m.pattern_.substr(from, at - from));
    from = at + marker.size();
  }
  m.pieces_.push_back(m.pattern_.substr(from));
  return m;
}

std::optional<std::size_t> Message::blank(std::string_view name) const {
  for (std::size_t i = 0; i < blanks_.size(); ++i) {
    if (blanks_[i].name == name) return i;
  }
  return std::nullopt;
}

std::string Message::check(std::size_t index, const ScalarValue& value) const {
  const Blank& b = blanks_.at(index);
  switch (b.format) {
    case BlankFormat::text: return {};
    case BlankFormat::date: {
      const auto* iso = std::get_if<std::string>(&value);
      if (iso == nullptr || !Date::parse_iso(*iso))
        return "le blanc " + fr::quoted(b.name) + " attend une date AAAA-MM-JJ";
      return {};
    }
    default: break;
  }
  const auto* x = std::get_if<double>(&value);
  if (x == nullptr) return number_needed(b, value);
  if (!std::isfinite(*x)) return "le blanc " + fr::quoted(b.name) + " attend un nombre fini";
  if (b.format == BlankFormat::hours && std::fabs(*x) > fr::max_whole_number)
    return "le blanc " + fr::quoted(b.name) + " attend un nombre d'heures plausible";
  return {};
}

std::string Message::write(std::size_t index, const ScalarValue& value) const {
  const Blank& b = blanks_.at(index);
  if (b.format == BlankFormat::text) {
    if (const auto* s = std::get_if<std::string>(&value)) return fr::typography(*s);
    if (const auto* f = std::get_if<bool>(&value)) return *f ? "oui" : "non";
    return fr::decimal(std::get<double>(value), b.decimals);
  }
  if (!check(index, value).empty()) return "?";
  switch (b.format) {
    case BlankFormat::euros: return fr::euros(std::get<double>(value));
    case BlankFormat::percent: return fr::percent(std::get<double>(value));
    case BlankFormat::hours: return fr::hours(std::llround(std::get<double>(value)));
    case BlankFormat::date: return fr::date_long(*Date::parse_iso(std::get<std::string>(value)));
    default: return fr::decimal(std::get<double>(value), b.decimals);
  }
}

std::string Message::fill(const std::vector<ScalarValue>& values) const {
  return assemble(write_all(values));
}

std::vector<std::string> Message::write_all(const std::vector<ScalarValue>& values) const {
  std::vector<std::string> out;
  out.reserve(blanks_.size());
  for (std::size_t i = 0; i < blanks_.size() && i < values.size(); ++i) out.push_back(write(i, values[i]));
  return out;
}

std::string Message::assemble(const std::vector<std::string>& written) const {
  std::string out = pieces_.front();
  for (std::size_t i = 0; i < blanks_.size(); ++i) {
    if (i < written.size()) out += written[i];
    out += pieces_[i + 1];
  }
  return out;
}

std::vector<std::string> texts(const std::vector<Sentence>& sentences) {
  std::vector<std::string> out;
  out.reserve(sentences.size());
  for (const auto& s : sentences) out.push_back(s.text());
  return out;
}

}  // namespace clausier
