#pragma once
// A diagnostic is what the program tells a user about their input, rules or
// plugins: where (file, sheet, line, column), how serious, and what to do, in
// French. Every layer reports through a DiagnosticSink; none throws at a user.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clausier {

// Where a value or a problem comes from. Only `file` is always set.
//  - CSV:    file + line (+ column name)           "prog.csv:12 (colonne « Montant »)"
//  - sheets: file + sheet + cell                    "prog.xlsx!Programme!D12"
//  - code:   file + line, Lua style                 "plugins/insertion.lua:12"
//  - rules:  file + path inside the returned table  "rules/seuils/ue.lua: values[2].from"
struct Location {
  std::string file;
  std::string sheet;   // spreadsheets only
  std::string cell;    // spreadsheets only, e.g. "D12"
  std::string column;  // column header as written in the file, when known
  std::string path;    // path inside a data table (rules), when relevant
  std::uint32_t line = 0;

  // Shorthands that set only the members a kind of place has.
  [[nodiscard]] static Location in_file(std::string file, std::uint32_t line = 0) {
    Location l;
    l.file = std::move(file);
    l.line = line;
    return l;
  }
  [[nodiscard]] static Location in_table(std::string file, std::string path) {
    Location l;
    l.file = std::move(file);
    l.path = std::move(path);
    return l;
  }

  [[nodiscard]] std::string str() const;
  [[nodiscard]] bool empty() const { return file.empty(); }
};

enum class Severity { error, warning, note };

[[nodiscard]] const char* severity_name(Severity s);  // "error", "warning", "note"

struct Diagnostic {
  Severity severity = Severity::error;
  Location location;
  std::string message;  // French, a full sentence saying what is wrong and what to do
};

// Receives diagnostics as they are found. Implementations decide whether to
// keep, print or count them; producers never stop at the first one.
class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void report(Diagnostic d) = 0;

  // These apply French typography to the message (no-break spaces before
  // ; : ! ? and inside « »), so producers may write plain spaces.
  void error(Location where, std::string_view message);
  void warning(Location where, std::string_view message);
  void note(Location where, std::string_view message);
};

// Keeps every diagnostic in arrival order.
class DiagnosticList final : public DiagnosticSink {
 public:
  void report(Diagnostic d) override;
  [[nodiscard]] const std::vector<Diagnostic>& all() const { return items_; }
  [[nodiscard]] std::size_t count(Severity s) const;
  [[nodiscard]] bool has_errors() const { return count(Severity::error) > 0; }
  void clear() { items_.clear(); }
  // Moves every kept diagnostic into `other`, in order, and empties this list.
  void drain_into(DiagnosticSink& other);

 private:
  std::vector<Diagnostic> items_;
};

// "prog.csv:12 (colonne « Montant »): erreur : message" — one line, for terminals.
[[nodiscard]] std::string format_diagnostic(const Diagnostic& d);

}  // namespace clausier
