#pragma once
// A programme file, opened once and read as many times as needed: the app
// makes two passes, one for the totals of each consultation (thresholds are
// tested on the sum of its lots), one to evaluate and report each lot.
//
// The reader is chosen by the file's content and extension: a zip archive
// (.xlsx, .xlsm, .ods, whatever its extension) is read as a workbook, in the
// sheet found by readers/sheet_source.hpp or the one named in the options;
// .xls, .xlsx and .ods files that are not workbooks get a message saying
// what they are (Excel 97-2003, encrypted, a renamed CSV…); .json and .xml
// files, and files whose content starts as JSON ("{", "[") or XML ("<")
// whatever their extension, are read as DECP open data
// (readers/decp_reader.hpp), or as an eForms notice when the root element
// is one (readers/eforms_reader.hpp); .csv, .tsv, .txt (and no extension) are read as
// CSV. Standard input ("-") and pipes are copied once to a temporary file
// (readers/spool.hpp), then streamed at each pass like any file: memory stays
// flat whatever their size.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "base/diagnostic.hpp"
#include "readers/lot_reader.hpp"
#include "readers/spreadsheet.hpp"

namespace clausier::readers {

struct SpreadsheetPlan;
struct Fiche;
class SpoolFile;

struct ProgrammeOptions {
  // The sheet of a workbook (xlsx, ods) to read: its name (without regard to
  // case and accents) or its position ("1" is the first sheet, hidden ones
  // counted). Empty: the first visible sheet whose header row names the
  // required columns. Hidden sheets are read only when named. Ignored, with
  // a warning, for a CSV file.
  std::string sheet;
  // Caps for workbooks from anywhere (zip bombs, huge sheets).
  SpreadsheetLimits limits;
};

class Programme {
 public:
  // The file as shown in diagnostics ("prog.csv", "(entrée standard)").
  [[nodiscard]] const std::string& display_name() const { return name_; }
  // The sheet read in a workbook ("" for CSV) and the row of its headers.
  [[nodiscard]] const std::string& sheet_name() const;
  [[nodiscard]] std::uint32_t header_row() const;

  // A reader from the first row (or contract). Diagnostics of the pass go to
  // `diags` (use discard_diagnostics() for a silent pass). Null when the file
  // can no longer be opened (reported).
  [[nodiscard]] std::unique_ptr<LotSource> open(DiagnosticSink& diags) const;

 private:
  friend std::optional<Programme> open_programme(const std::filesystem::path&, DiagnosticSink&,
                                                 const ProgrammeOptions&);
  friend std::optional<Programme> open_spooled(std::istream&, const std::string&, DiagnosticSink&,
                                               const ProgrammeOptions&);
  friend std::optional<Programme> programme_from_memory(std::string, std::string, DiagnosticSink&,
                                                        const ProgrammeOptions&);
  friend Programme fiche_programme(std::shared_ptr<const Fiche>);
  friend Programme programme_from_source(std::string,
                                         std::function<std::unique_ptr<LotSource>(DiagnosticSink&)>);
  // A programme whose bytes are in `content`, or else in the file `path`.
  static std::optional<Programme> make(std::filesystem::path path, std::string name,
                                       std::shared_ptr<const std::string> content,
                                       const ProgrammeOptions& options, DiagnosticSink& diags);
  enum class Kind { table, decp_json, decp_xml, eforms, fiche, source };
  Programme(std::filesystem::path path, std::string name, std::shared_ptr<const std::string> content,
            std::shared_ptr<const SpreadsheetPlan> sheet, Kind kind);

  std::filesystem::path path_;
  std::string name_;
  std::shared_ptr<const std::string> content_;    // held in memory; null: read path_ at each pass
  std::shared_ptr<const SpreadsheetPlan> sheet_;  // workbooks: the sheet and header row found
  std::shared_ptr<const Fiche> fiche_;            // a fiche de consultation, already parsed
  // Kind::source: opens a reader over lots kept elsewhere (the workspace).
  std::function<std::unique_ptr<LotSource>(DiagnosticSink&)> source_;
  Kind kind_ = Kind::table;
  std::shared_ptr<const SpoolFile> spool_;  // standard input or a pipe: the copy path_ names
};

// Opens a programme file ("-" is standard input). On failure (missing or
// unreadable file, a format not read yet), reports why and returns nothing.
[[nodiscard]] std::optional<Programme> open_programme(const std::filesystem::path& path,
                                                      DiagnosticSink& diags,
                                                      const ProgrammeOptions& options = {});

// A programme held in memory (standard input, uploads). The format comes from
// the extension of `name` when it has one, else from the content.
[[nodiscard]] std::optional<Programme> programme_from_memory(std::string content, std::string name,
                                                             DiagnosticSink& diags,
                                                             const ProgrammeOptions& options = {});

// A fiche de consultation (readers/fiche.hpp), already parsed, as a programme:
// its lots are read by LotReader like the rows of a table.
[[nodiscard]] Programme fiche_programme(std::shared_ptr<const Fiche> fiche);

// A programme whose lots come from `open` at each pass (the lots a
// workspace keeps): `name` is how diagnostics show it.
[[nodiscard]] Programme programme_from_source(
    std::string name, std::function<std::unique_ptr<LotSource>(DiagnosticSink&)> open);

}  // namespace clausier::readers
