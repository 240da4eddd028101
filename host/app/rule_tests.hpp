#pragma once
// `clausier rules test`: the rule test cases a jurist writes beside the rules
// (rules/tests/*.lua, format in rules/tests/README.md), checked and run.
//
//   case {
//     name = "…", as_of = "2027-03-01",            -- as_of optional
//     lot = { nature = "travaux", cpv = "45262500", montant_ht = 1000000, date_lancement = "2027-03-01", … },
//     expect = { insertion = { verdict = "obligatoire", hours = 833, reason = "833 heures" } },
//   }
//
// Each case is one lot (with its consultation total, default: the lot's own
// amount, and number of lots, default 1), evaluated by the toolkit's plugins
// with the rules in force on `as_of` (default: the lot's launch date), and
// compared with `expect`: only the keys given are checked.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/toolkit.hpp"
#include "base/diagnostic.hpp"
#include "model/evaluation.hpp"

namespace clausier::app {

// What a case expects of one clause type.
struct CaseExpectation {
  std::string clause;              // clause type id
  std::optional<Verdict> verdict;  // checked when set
  bool check_hours = false;
  std::optional<std::int64_t> hours;  // when check_hours: the hours, or none (hours = false)
  std::vector<std::string> reasons;   // texts that some reason must contain
  std::vector<std::string> absent;    // texts that no reason may contain (no_reason)
  std::vector<std::string> basis;     // articles the basis must cite ("CCP L3114-2-1")
  std::vector<std::string> warnings;  // texts that some warning must contain
  bool no_warning = false;            // warning = false: the result must have no warning
  std::vector<NamedValue> values;     // computed values (values = { seuil = 5404000 })
};

struct RuleCase {
  Location where;  // file and line of the case { … } call
  std::string name;
  std::optional<Date> as_of;
  Lot lot;
  ConsultationTotals totals;
  std::vector<CaseExpectation> expect;
};

struct CaseFile {
  std::string file;  // as shown to users
  std::vector<RuleCase> cases;
  std::size_t invalid_cases = 0;  // case { … } calls with errors (reported)
  bool file_error = false;        // the file could not be read or run to its end (reported)
};

// The folder of the shipped cases: <rules>/tests.
[[nodiscard]] std::filesystem::path default_case_dir(const ResourcePaths& paths);

// The case files of `inputs` (files, or folders whose *.lua files are taken,
// in name order); without inputs, those of default_case_dir(), a folder that
// may not exist yet. An input that does not exist is reported.
[[nodiscard]] std::vector<std::filesystem::path> case_files(const std::vector<std::filesystem::path>& inputs,
                                                            const ResourcePaths& paths,
                                                            DiagnosticSink& diags);

// Runs one case file and checks each case against the format, and its clause
// ids against `clauses`; every problem is reported, located
// ("rules/tests/insertion.lua:12: lot.montant_ht : …"), and the valid cases kept.
[[nodiscard]] CaseFile read_case_file(const std::filesystem::path& file,
                                      const std::vector<engine::ClauseInfo>& clauses, DiagnosticSink& diags);

// One difference between what a case expects and what the evaluation gave.
struct CaseMismatch {
  std::string clause;
  std::string message;  // "verdict attendu « recommandee », obtenu « obligatoire »"
  // When an expected text is missing: the reasons, or the warnings, obtained.
  std::vector<std::string> obtained;
  bool obtained_warnings = false;
};

// The differences between `rule_case`'s expectations and `evaluation`.
[[nodiscard]] std::vector<CaseMismatch> compare_case(const RuleCase& rule_case,
                                                     const LotEvaluation& evaluation);

struct RuleTestSummary {
  std::size_t files = 0;
  std::size_t cases = 0;  // valid and invalid
  std::size_t passed = 0;
  std::size_t failed = 0;      // mismatches, and invalid cases
  bool input_errors = false;   // a case file or a case is invalid
  bool plugin_errors = false;  // a plugin failed on a case
};

// Reads and runs every case of `files`; `on_failure` receives each failing
// case as soon as it is known. Invalid files and cases go to `diags`.
RuleTestSummary run_rule_tests(
    const Toolkit& toolkit, const std::vector<std::filesystem::path>& files, DiagnosticSink& diags,
    const std::function<void(const RuleCase&, const std::vector<CaseMismatch>&)>& on_failure);

// 0 every case passed, 1 a case failed or is invalid, 3 a rule or plugin failed.
[[nodiscard]] int exit_status(const RuleTestSummary& summary, const Toolkit& toolkit);

}  // namespace clausier::app
