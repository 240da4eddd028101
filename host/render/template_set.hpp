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
  // When not empty, the entry matches only a clause whose verdict was decided
  // in the workspace over one of these proposed verdicts (value
  // "proposed_verdict", app/workspace.hpp).
  std::vector<Verdict> proposed_verdicts = {};
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

// The markers a format skeleton's parts hold where the writer puts what it
// makes from the document: its body, and (DOCX) its list instances.
inline constexpr std::string_view body_marker = "<!--clausier:corps-->";
inline constexpr std::string_view numbering_marker = "<!--clausier:numeros-->";

// One file of a format skeleton (templates/_formats/<format>/…), a Mustache
// text rendered with the document's view (values escaped for XML).
struct SkeletonFile {
  std::string path;  // inside the skeleton, '/'-separated: "word/document.xml"
  std::string text;
  std::string file;  // display path
};

struct FormatSkeleton {
  std::string format;               // "html", "docx", "odt"
  std::vector<SkeletonFile> files;  // sorted by path
  [[nodiscard]] const SkeletonFile* find(std::string_view path) const;
};

class TemplateSet {
 public:
  // Loads every template folder of `dir` (not those starting with "_");
  // problems are reported (located) and the faulty template skipped, the
  // others loaded. The format skeletons come from dir/_formats/, or when
  // `dir` has none (a jurist's own templates folder), from `fallback_formats`.
  static TemplateSet load(const std::filesystem::path& dir, DiagnosticSink& diags,
                          const std::filesystem::path& fallback_formats = {});

  [[nodiscard]] const std::vector<DocumentTemplate>& all() const { return templates_; }
  [[nodiscard]] const DocumentTemplate* find(std::string_view id) const;
  // The skeleton of a format (templates/_formats/<format>/), null when absent.
  [[nodiscard]] const FormatSkeleton* skeleton(std::string_view format) const;
  [[nodiscard]] const std::vector<FormatSkeleton>& skeletons() const { return skeletons_; }

 private:
  std::vector<DocumentTemplate> templates_;
  std::vector<FormatSkeleton> skeletons_;
};

// Reads and validates one manifest text (shown as `file`) into `t` (its id is
// the folder name, already set). Every problem is reported, located by line;
// false when the manifest is unusable.
bool parse_manifest(std::string_view text, const std::string& file, DocumentTemplate& t,
                    DiagnosticSink& diags);

}  // namespace clausier::render
