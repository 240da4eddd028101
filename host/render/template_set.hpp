#pragma once
// The document templates: one folder per document in templates/, each with a
// manifest.json and one Mustache file per output format.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "model/evaluation.hpp"

namespace clausier::render {

struct DocumentTemplate {
  std::string id;                              // "ccap-insertion" (the folder name)
  std::string title;                           // "Article du CCAP : clause d'insertion"
  std::string clause;                          // clause type the document belongs to
  std::vector<Verdict> verdicts;               // verdicts of that clause that call for the document
  std::vector<std::string> formats;            // "md", "html"
  std::string basename;                        // output file name without extension
  std::vector<std::string> required;           // view paths that must not be empty
  std::map<std::string, std::string> sources;  // format -> template text
  std::map<std::string, std::string> files;    // format -> template file (display path)

  [[nodiscard]] bool applies_to(const ClauseResult& r) const;
};

class TemplateSet {
 public:
  // Loads every template folder of `dir`; problems are reported (located) and
  // the faulty template skipped, the others loaded.
  static TemplateSet load(const std::filesystem::path& dir, DiagnosticSink& diags);

  [[nodiscard]] const std::vector<DocumentTemplate>& all() const { return templates_; }
  [[nodiscard]] const DocumentTemplate* find(std::string_view id) const;

 private:
  std::vector<DocumentTemplate> templates_;
};

}  // namespace clausier::render
