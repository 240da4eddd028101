#include "base/diagnostic.hpp"

#include "base/french.hpp"

namespace clausier {

std::string Location::str() const {
  std::string out = file;
  if (!sheet.empty()) out += "!" + sheet;
  if (!cell.empty()) {
    out += "!" + cell;
  } else if (line > 0) {
    out += ":" + std::to_string(line);
  }
  if (!path.empty()) out += ": " + path;
  if (!column.empty() && cell.empty()) {
    out += " (colonne " + std::string(fr::guillemet_open) + column + fr::guillemet_close + ")";
  }
  return out;
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

void DiagnosticSink::error(Location where, std::string_view message) {
  report({Severity::error, std::move(where), fr::typography(message)});
}
void DiagnosticSink::warning(Location where, std::string_view message) {
  report({Severity::warning, std::move(where), fr::typography(message)});
}
void DiagnosticSink::note(Location where, std::string_view message) {
  report({Severity::note, std::move(where), fr::typography(message)});
}

void DiagnosticList::report(Diagnostic d) { items_.push_back(std::move(d)); }

std::size_t DiagnosticList::count(Severity s) const {
  std::size_t n = 0;
  for (const auto& d : items_) n += d.severity == s ? 1 : 0;
  return n;
}

void DiagnosticList::drain_into(DiagnosticSink& other) {
  for (auto& d : items_) other.report(std::move(d));
  items_.clear();
}

std::string format_diagnostic(const Diagnostic& d) {
  const char* label = "erreur";
  if (d.severity == Severity::warning) label = "avertissement";
  if (d.severity == Severity::note) label = "note";
  std::string out;
  if (!d.location.empty()) out = d.location.str() + fr::colon + " ";
  out += label;
  out += fr::colon;
  out += " ";
  out += d.message;
  return out;
}

}  // namespace clausier
