#pragma once
// The document templates: one folder per document in templates/, each with a
// manifest.json and ONE source, <id>.md.mustache: the document written in the
// markup of templates/README.md with Mustache tags. Every output format (md,
// html, docx, odt) is made from that one source. Folders whose name starts
// with "_" are not documents (templates/_formats/ holds the format skeletons).

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "model/evaluation.hpp"

namespace clausier::render {

// One entry of a manifest's "applies": the document is called for by a
// result of `clause` whose verdict is one of `verdicts`.
struct AppliesTo {
  std::string clause;
  std::vector<Verdict> verdicts;
};

struct DocumentTemplate {
  std::string id;                     // "ccap-insertion" (the folder name)
  std::string title;                  // "Article du CCAP : clause d'insertion"
  std::string basename;               // output file name without extension
  std::vector<AppliesTo> applies;     // any entry matching a clause result calls for the document
  std::vector<std::string> required;  // view paths that must not be empty
  std::string source;                 // the markup source with Mustache tags
  std::string file;                   // its display path (templates/<id>/<id>.md.mustache)

  // The results of `evaluation` that call for this document, each once, in
  // the order of `applies` entries. Empty: the lot gets no such document.
  [[nodiscard]] std::vector<const ClauseResult*> matches(const LotEvaluation& evaluation) const;
};

class TemplateSet {
 public:
  // Loads every template folder of `dir` (not those starting with "_");
  // problems are reported (located) and the faulty template skipped, the
  // others loaded.
  static TemplateSet load(const std::filesystem::path& dir, DiagnosticSink& diags);

  [[nodiscard]] const std::vector<DocumentTemplate>& all() const { return templates_; }
  [[nodiscard]] const DocumentTemplate* find(std::string_view id) const;

 private:
  std::vector<DocumentTemplate> templates_;
};

// Reads and validates one manifest text (shown as `file`) into `t` (its id is
// the folder name, already set). Every problem is reported, located by line;
// false when the manifest is unusable.
bool parse_manifest(std::string_view text, const std::string& file, DocumentTemplate& t,
                    DiagnosticSink& diags);

}  // namespace clausier::render
