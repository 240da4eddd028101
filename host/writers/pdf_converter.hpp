#pragma once
// PDF through LibreOffice: office documents (DOCX, ODT) converted by one
// headless `soffice` process for a whole batch, in a temporary folder of its
// own (the sources, the PDFs, and its own profile, so that it runs beside a
// LibreOffice the user has open and beside other conversions). A fresh
// profile's first start may end with status 81 (LibreOffice restarts itself
// once set up): the conversion is then run again. The process is bounded in
// time and killed with its children beyond it. The CLI and the server use it
// for `--format pdf` / `format=pdf`; nothing is written until every PDF is
// made.
//
// LibreOffice is found as CLAUSIER_SOFFICE when set, else `soffice` or
// `libreoffice` on PATH. When absent, the batch says in French how to
// install it and converts nothing.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clausier::writers {

// The program that converts, or nullopt when LibreOffice is not installed.
[[nodiscard]] std::optional<std::filesystem::path> find_soffice();

// "LibreOffice est nécessaire pour écrire du PDF : installez-le (Debian,
// Ubuntu : sudo apt install libreoffice-writer-nogui)…".
[[nodiscard]] std::string soffice_missing_message();

class PdfBatch {
 public:
  // Sets error() when LibreOffice is absent or no temporary folder can be made.
  PdfBatch();
  ~PdfBatch();  // removes the temporary folder
  PdfBatch(const PdfBatch&) = delete;
  PdfBatch& operator=(const PdfBatch&) = delete;

  // Adds a document to convert (`extension`: ".docx" or ".odt"); its bytes go
  // to the temporary folder at once (memory stays flat). Returns its number.
  std::size_t add(std::string_view bytes, std::string_view extension);
  [[nodiscard]] std::size_t size() const { return count_; }

  // Converts every document added, in one soffice process. False with
  // error() set (French) when it failed, timed out, or left a PDF unmade.
  bool convert(std::chrono::seconds timeout);
  bool convert() { return convert(default_timeout()); }
  // The PDF of document `n`, after convert().
  [[nodiscard]] std::filesystem::path pdf(std::size_t n) const;
  // Its bytes; empty when it cannot be read.
  [[nodiscard]] std::string pdf_bytes(std::size_t n) const;

  [[nodiscard]] const std::string& error() const { return error_; }

  // 120 s, and 5 s more per document beyond the first 10.
  [[nodiscard]] std::chrono::seconds default_timeout() const;

 private:
  std::optional<std::filesystem::path> soffice_;
  std::filesystem::path folder_;  // in/, out/, profile/, soffice.log
  std::vector<std::string> extensions_;
  std::size_t count_ = 0;
  std::string error_;
};

// One document to PDF: its bytes, or nullopt with `error` set.
[[nodiscard]] std::optional<std::string> convert_to_pdf(std::string_view bytes, std::string_view extension,
                                                        std::string& error);

}  // namespace clausier::writers
