#pragma once
// What the commands share: options, help, usage errors, diagnostics, the
// resources and local policy a command uses, and atomic output files.

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/resources.hpp"
#include "app/toolkit.hpp"
#include "base/date.hpp"
#include "base/diagnostic.hpp"
#include "cli/args.hpp"
#include "writers/atomic_file.hpp"
#include "writers/output_format.hpp"

namespace clausier::cli {

inline constexpr int exit_usage = 2;

// --rules, --plugins, --templates (as listed in `which`), --as-of, --policy,
// --no-policy, --sheet, --help: appended to a command's own options.
struct CommonOptions {
  bool rules = true;
  bool templates = true;
  bool as_of = true;
  bool policy = true;     // --policy
  bool no_policy = true;  // --no-policy (commands that read a programme)
  bool sheet = true;      // --sheet (commands that read a programme)
};
[[nodiscard]] std::vector<OptionSpec> with_common(std::vector<OptionSpec> specific, CommonOptions which = {});

// Prints "clausier : erreur : message" and where to find help; returns 2.
int usage_error(const std::string& message, const std::string& command);

// Every diagnostic on standard error, then the count of errors.
void print_diagnostics(const DiagnosticList& diags);

// "Usage : synopsis", the description, the options; returns 0.
int command_help(const std::string& synopsis, const std::string& description,
                 const std::vector<OptionSpec>& specs);

// The date printed on documents: today, or SOURCE_DATE_EPOCH for reproducible outputs.
[[nodiscard]] Date generation_date();

struct CommonSetup {
  app::ResourcePaths paths;
  std::optional<Date> as_of;
  std::string sheet;           // --sheet: the sheet of a workbook to read (empty: found by its headers)
  bool policy_beside = false;  // the policy was found beside the programme, not given
  std::string error;           // a usage error, when not empty
};

// Resources and dates of the common options. The local policy is --policy, or
// without it (and without --no-policy) politique-locale.lua beside `programme`.
[[nodiscard]] CommonSetup common_setup(const ParsedArgs& args,
                                       const std::optional<std::filesystem::path>& programme = {});

// Says on standard error which local policy the toolkit applies, if any.
void announce_policy(const app::Toolkit& toolkit, const CommonSetup& setup);

// Standard output, or FILE written aside and renamed when complete.
class Output {
 public:
  // Empty or "-": standard output.
  explicit Output(const std::optional<std::string>& file);
  [[nodiscard]] bool ok() const;  // false: the file cannot be written (reported)
  [[nodiscard]] std::ostream& stream();
  // Renames the file into place; false (reported) on failure.
  bool commit();

 private:
  std::optional<std::string> name_;
  std::optional<writers::AtomicFile> file_;
};

// A binary format (a workbook) needs a file: without -o, or with "-o -" on a
// terminal, a French usage message naming `what` and `extension`; else "".
[[nodiscard]] std::string binary_output_error(const std::optional<std::string>& output, std::string_view what,
                                              std::string_view extension);

// The format of a command that writes one file: --format when given, else the
// one -o's extension names (revue.docx: docx), else the output's default.
// Returns "" with `error` set (a French usage message) for a format `output`
// does not offer, whether named by --format or by the extension, and for a
// --format that -o's extension contradicts (--format docx -o revue.html).
// Extensions no format has (-o revue.txt for a review) name no format.
[[nodiscard]] std::string chosen_format(const ParsedArgs& args, writers::Output output, std::string& error);

// "md,html" -> {"md", "html"}; a format outside `allowed` is an error message.
[[nodiscard]] std::optional<std::vector<std::string>> format_list(const std::string& value,
                                                                  const std::vector<std::string>& allowed,
                                                                  std::string& error);

// The commands.
int run_evaluate(const std::vector<std::string>& argv);
int run_render(const std::vector<std::string>& argv);
int run_draft(const std::vector<std::string>& argv);
int run_diff(const std::vector<std::string>& argv);
int run_review(const std::vector<std::string>& argv);
int run_rules(const std::vector<std::string>& argv);
int run_export(const std::vector<std::string>& argv);
int run_serve(const std::vector<std::string>& argv);
int run_workspace(const std::vector<std::string>& argv);
int run_user(const std::vector<std::string>& argv);
int run_audit(const std::vector<std::string>& argv);
int run_followup(const std::vector<std::string>& argv);

}  // namespace clausier::cli
