#pragma once
// What the evaluation says of a lot: one result per clause type.

#include <array>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/lot.hpp"
#include "model/sentence.hpp"

namespace clausier {

enum class Verdict { obligatoire, recommandee, possible, exclue };
// Every verdict, from the strongest.
inline constexpr std::array<Verdict, 4> all_verdicts = {Verdict::obligatoire, Verdict::recommandee,
                                                        Verdict::possible, Verdict::exclue};

[[nodiscard]] std::string_view verdict_id(Verdict v);     // "recommandee"
[[nodiscard]] std::string_view verdict_label(Verdict v);  // "recommandée", for readers
[[nodiscard]] std::optional<Verdict> verdict_from_id(std::string_view id);

// One rule parameter (or per-lot override) a result relied on.
struct TraceEntry {
  std::string parameter;  // "heures.taux_insertion"
  std::string key;        // the key looked up, e.g. a CPV code or buyer type; may be empty
  std::string matched;    // the key that matched (longest CPV prefix), may be empty
  std::string value;      // as shown to a user: "5 %", "5 404 000 €", "21 août 2026"
  std::string from;       // ISO date the value is in force from; empty for overrides
  std::string reference;  // legal or documentary reference
  std::string status;     // "verifie", "partiel", "a-verifier", "hypothese", "saisie"
  std::string source;     // rules file, or programme location for overrides
  // The value, when the parameter is an amount (unit EUR): a lot whose amount
  // is unknown is evaluated at the amounts its rules compare with
  // (engine/hypotheses.hpp).
  std::optional<double> euros = std::nullopt;
};

// The trace of a result: its entries are shared (the host makes a rule
// parameter's entry once, and every result that used it refers to it), and
// read as TraceEntry.
class Trace {
 public:
  using Entry = std::shared_ptr<const TraceEntry>;

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = TraceEntry;
    using difference_type = std::ptrdiff_t;
    using pointer = const TraceEntry*;
    using reference = const TraceEntry&;
    const_iterator() = default;
    explicit const_iterator(std::vector<Entry>::const_iterator it) : it_(it) {}
    reference operator*() const { return **it_; }
    pointer operator->() const { return it_->get(); }
    const_iterator& operator++() {
      ++it_;
      return *this;
    }
    const_iterator operator++(int) { return const_iterator(it_++); }
    const_iterator& operator--() {
      --it_;
      return *this;
    }
    const_iterator& operator+=(difference_type n) {
      it_ += n;
      return *this;
    }
    friend const_iterator operator+(const_iterator a, difference_type n) { return a += n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return a.it_ - b.it_;
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.it_ == b.it_; }

   private:
    std::vector<Entry>::const_iterator it_;
  };

  Trace() = default;
  Trace(std::initializer_list<TraceEntry> entries) {
    for (const auto& e : entries) push_back(e);
  }

  void push_back(TraceEntry entry) {
    entries_.push_back(std::make_shared<const TraceEntry>(std::move(entry)));
  }
  void push_back(Entry entry) { entries_.push_back(std::move(entry)); }
  void clear() { entries_.clear(); }
  void reserve(std::size_t n) { entries_.reserve(n); }
  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  [[nodiscard]] bool empty() const { return entries_.empty(); }
  [[nodiscard]] const TraceEntry& operator[](std::size_t i) const { return *entries_[i]; }
  [[nodiscard]] const TraceEntry& front() const { return *entries_.front(); }
  [[nodiscard]] const TraceEntry& back() const { return *entries_.back(); }
  [[nodiscard]] const_iterator begin() const { return const_iterator(entries_.begin()); }
  [[nodiscard]] const_iterator end() const { return const_iterator(entries_.end()); }
  [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
};

struct NamedValue {
  std::string name;
  ScalarValue value;
};

struct ClauseResult {
  std::string type;                // clause type id, e.g. "insertion"
  std::optional<Verdict> verdict;  // absent when the plugin failed
  // The verdict is the strongest of hypotheses that differ: it depends on a
  // value the source did not give (Lot::unknown, engine/hypotheses.hpp).
  bool verdict_assumed = false;
  std::optional<std::int64_t> hours;
  std::vector<NamedValue> values;  // other computed values, sorted by name
  std::vector<Sentence> reasons;
  std::vector<std::string> basis;
  std::vector<Sentence> warnings;
  Trace trace;
  std::optional<Diagnostic> error;  // set when the plugin failed for this lot
  // The plugin was stopped by its limits (instruction budget, memory, time).
  bool killed = false;
  // The clause type is suspended for the rest of the run (`error` says why):
  // its results are missing for every lot that follows, said once.
  bool suspended = false;
};

// The values a decision taken in the workspace adds to a clause result
// (app/workspace.hpp): the rules' proposal it replaced, and the motif it
// records. Templates may show them; `applies` entries may match on the first.
inline constexpr std::string_view proposed_verdict_value = "proposed_verdict";
inline constexpr std::string_view proposed_hours_value = "proposed_hours";
inline constexpr std::string_view decided_motif_value = "decided_motif";
inline constexpr std::string_view decision_values[] = {proposed_verdict_value, proposed_hours_value,
                                                       decided_motif_value};

struct LotEvaluation {
  Lot lot;
  ConsultationTotals consultation;
  std::vector<ClauseResult> clauses;

  [[nodiscard]] const ClauseResult* clause(std::string_view type) const;
};

}  // namespace clausier
