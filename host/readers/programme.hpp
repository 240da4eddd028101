#pragma once
// A programme file, opened once and read as many times as needed: the app
// makes two passes, one for the totals of each consultation (thresholds are
// tested on the sum of its lots), one to evaluate and report each lot.
//
// The reader is chosen by the file's extension: .csv, .tsv, .txt (and no
// extension) are read as CSV. Standard input ("-") and pipes are read once
// into memory so that they can be read twice: a known limit for very large
// programmes given that way (files are streamed at each pass).

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "base/diagnostic.hpp"
#include "readers/lot_reader.hpp"

namespace clausier::readers {

class Programme {
 public:
  // The file as shown in diagnostics ("prog.csv", "(entrée standard)").
  [[nodiscard]] const std::string& display_name() const { return name_; }

  // A reader from the first row. Diagnostics of the pass go to `diags` (use
  // discard_diagnostics() for a silent pass). Null when the file can no
  // longer be opened (reported).
  [[nodiscard]] std::unique_ptr<LotReader> open(DiagnosticSink& diags) const;

 private:
  friend std::optional<Programme> open_programme(const std::filesystem::path&, DiagnosticSink&);
  friend std::optional<Programme> programme_from_memory(std::string, std::string, DiagnosticSink&);
  Programme(std::filesystem::path path, std::string name, std::shared_ptr<const std::string> content);

  std::filesystem::path path_;
  std::string name_;
  std::shared_ptr<const std::string> content_;  // held in memory; null: read path_ at each pass
};

// Opens a programme file ("-" is standard input). On failure (missing or
// unreadable file, a format not read yet), reports why and returns nothing.
[[nodiscard]] std::optional<Programme> open_programme(const std::filesystem::path& path,
                                                      DiagnosticSink& diags);

// A programme held in memory (standard input, uploads). The format comes from
// the extension of `name` when it has one, else from the content.
[[nodiscard]] std::optional<Programme> programme_from_memory(std::string content, std::string name,
                                                             DiagnosticSink& diags);

}  // namespace clausier::readers
