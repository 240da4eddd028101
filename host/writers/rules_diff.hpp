#pragma once
// What `clausier diff` prints: the lots of a programme whose verdict or hours
// change from one rule set to another, before and after, then the change in
// total hours per clause type. A sink receives each changed lot as soon as it
// is known, so the programme is never held in memory.

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "model/evaluation.hpp"

namespace clausier::writers {

// One clause type's result on one side of the comparison.
struct ClauseSide {
  bool present = false;            // the clause type exists in this rule set's plugins
  std::optional<Verdict> verdict;  // absent (and present) when the plugin failed
  std::optional<std::int64_t> hours;

  friend bool operator==(const ClauseSide&, const ClauseSide&) = default;
};

struct ClauseChange {
  std::string clause;  // clause type id
  ClauseSide before;
  ClauseSide after;
};

struct LotChange {
  std::string reference;
  std::string consultation;
  std::string objet;
  std::vector<ClauseChange> changes;  // only the clause types that change
};

// Total hours of a clause type, over the lots where it is mandatory or
// recommended (what the table of `evaluate` adds up).
struct HoursTotal {
  std::string clause;
  std::string title;
  std::int64_t before = 0;
  std::int64_t after = 0;
};

struct DiffHeader {
  std::string programme;     // as shown to users
  std::string rules_before;  // folders, as shown to users
  std::string rules_after;
  std::string policy;  // local policy applied to both sides, or empty
};

struct DiffSummary {
  bool unreadable = false;  // the programme could not be opened at all: the table shows nothing
  std::size_t lots_evaluated = 0;
  std::size_t lots_changed = 0;
  std::size_t rows_rejected = 0;
  std::size_t plugin_failures = 0;
  std::vector<HoursTotal> totals;
};

class DiffSink {
 public:
  virtual ~DiffSink() = default;
  virtual void begin(const DiffHeader& header) = 0;
  virtual void lot(const LotChange& change) = 0;
  virtual void end(const DiffSummary& summary, const std::vector<Diagnostic>& diagnostics) = 0;
};

enum class DiffFormat { table, json };

// table: a French table for a terminal; json: { "programme", "rules_before",
// "rules_after", "changes": [ { "reference", "consultation", "objet",
// "clause", "verdict_before", "verdict_after", "hours_before", "hours_after" } ],
// "totals": [ { "clause", "hours_before", "hours_after", "difference" } ],
// "lots_evaluated", "lots_changed", "diagnostics" }.
[[nodiscard]] std::unique_ptr<DiffSink> make_diff_sink(DiffFormat format, std::ostream& out);

}  // namespace clausier::writers
