#include "writers/evaluation_jsonl.hpp"

#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <unordered_map>

#include "writers/evaluation_json.hpp"

namespace clausier::writers {
namespace {

// Numbers given to texts or trace entries in the order they are numbered, up
// to `capacity` of them.
class Numbering {
 public:
  explicit Numbering(std::size_t capacity) : capacity_(capacity) {}

  struct Found {
    std::uint32_t number;
    bool is_new;
  };
  // The number of `key`, given now when `add` (new); nothing when it has none
  // and is not added, or the table is full.
  std::optional<Found> number(const std::string& key, bool add) {
    if (auto it = numbers_.find(key); it != numbers_.end()) return Found{it->second, false};
    if (!add || numbers_.size() >= capacity_) return std::nullopt;
    const auto n = static_cast<std::uint32_t>(numbers_.size() + 1);
    numbers_.emplace(key, n);
    return Found{n, true};
  }

 private:
  std::size_t capacity_;
  std::unordered_map<std::string, std::uint32_t> numbers_;
};

// Whether a text was met before: a direct-mapped table of hashes (8 MiB). A
// text is numbered the second time it is met, so that the sentences proper to
// one lot (its amounts, its hours) are written in place and never kept.
class SeenBefore {
 public:
  SeenBefore() : slots_(std::size_t{1} << 20, 0) {}
  // True when `text` was met before; remembers it otherwise.
  bool check(const std::string& text) {
    const std::uint64_t h = std::hash<std::string>{}(text) | 1;  // 0 marks an empty slot
    std::uint64_t& slot = slots_[h & (slots_.size() - 1)];
    if (slot == h) return true;
    slot = h;
    return false;
  }

 private:
  std::vector<std::uint64_t> slots_;
};

// In the lot's numbers, a pattern's number (the rest are texts' and trace
// entries').
constexpr std::uint32_t pattern_bit = 0x8000'0000u;

// Distinct texts and trace entries numbered at most. Programmes use a few
// hundred general sentences and parameters; beyond, texts go in place.
constexpr std::size_t max_numbered = 20'000;

// A trace entry's parts joined, as the key of its number.
void entry_key(const TraceEntry& t, std::string& out) {
  out.clear();
  for (const std::string* part :
       {&t.parameter, &t.key, &t.matched, &t.value, &t.from, &t.reference, &t.status, &t.source}) {
    out += *part;
    out += '\x1f';
  }
}

class JsonlSink final : public EvaluationSink {
 public:
  JsonlSink(std::ostream& out, ReasonsMode reasons)
      : out_(out),
        reasons_(reasons),
        texts_(max_numbered),
        entries_(max_numbered),
        patterns_(max_numbered),
        value_sets_numbers_(max_numbered) {}

  void begin(const std::vector<engine::ClauseInfo>& types) override { types_ = types; }

  void lot(const LotEvaluation& e) override {
    if (reasons_ == ReasonsMode::full) {
      JsonWriter json(out_, 0);
      write_lot(json, e);
      out_ << '\n';
      return;
    }
    header();
    // The definitions this lot needs come first, each on its line; the
    // numbers found are kept, in the order the lot's line writes them.
    numbers_.clear();
    next_ = 0;
    written_.clear();
    next_written_ = 0;
    value_sets_.resize(e.clauses.size());
    for (std::size_t i = 0; i < e.clauses.size(); ++i) define_values(e.clauses[i], value_sets_[i]);
    for (const ClauseResult& c : e.clauses) {
      for (const auto& b : c.basis) define_text(b);
      if (reasons_ == ReasonsMode::brief) {
        for (const auto& r : c.reasons) define_sentence(r);
      }
      for (const auto& w : c.warnings) define_sentence(w);
      for (const auto& t : c.trace) define_entry(t);
    }
    JsonWriter json(out_, 0);
    json.begin_object();
    write_lot_fields(json, e);
    json.key("clauses").begin_array();
    for (std::size_t i = 0; i < e.clauses.size(); ++i)
      write_numbered_clause(json, e.clauses[i], value_sets_[i]);
    json.end_array();
    json.end_object();
    out_ << '\n';
  }

  void end(const std::vector<Diagnostic>&, const RunSummary& summary) override {
    if (reasons_ != ReasonsMode::full && !summary.unreadable) header();
    out_.flush();
  }

 private:
  // The first line: the format, its version, and the clause types.
  void header() {
    if (header_done_) return;
    header_done_ = true;
    JsonWriter json(out_, 0);
    json.begin_object();
    json.field("format", "clausier-evaluation");
    json.key("version").value(std::int64_t{2});
    json.field("reasons", reasons_mode_name(reasons_));
    write_clause_types(json, types_);
    json.end_object();
    out_ << '\n';
  }

  void define_text(const std::string& text) {
    const bool repeated = seen_.check(text);
    const auto found = texts_.number(text, repeated);
    numbers_.push_back(found ? found->number : 0);
    if (found && found->is_new) write_text_definition(found->number, text);
  }

  void write_text_definition(std::uint32_t number, const std::string& text) {
    JsonWriter json(out_, 0);
    json.begin_object();
    json.key("text").value(static_cast<std::int64_t>(number));
    json.field("value", text);
    json.end_object();
    out_ << '\n';
  }

  // A text: as define_text. A sentence with blanks: the same, when it comes
  // back whole (its values the same from lot to lot: a rule's text, a date);
  // otherwise its pattern, numbered at its first use, and the lot's line
  // writes its values.
  void define_sentence(const Sentence& s) {
    const Message* m = s.message();
    if (m == nullptr) {
      define_text(s.text());
      return;
    }
    // The values are written once: for the sentence, and kept for the lot's
    // line (written_, one entry per sentence with blanks, in order).
    const std::vector<std::string>& written = written_.emplace_back(m->write_all(s.values()));
    const std::string text = m->assemble(written);
    const bool repeated = seen_.check(text);
    if (const auto found = texts_.number(text, repeated)) {
      numbers_.push_back(found->number);
      if (found->is_new) write_text_definition(found->number, text);
      return;
    }
    if (const auto it = message_numbers_.find(m); it != message_numbers_.end()) {
      numbers_.push_back(it->second | pattern_bit);
      return;
    }
    // Each evaluation thread parses its own copy of a pattern: the same text
    // keeps its number.
    const auto found = patterns_.number(m->pattern(), true);
    numbers_.push_back(found ? found->number | pattern_bit : 0);
    if (!found) return;
    if (message_numbers_.size() < max_numbered) message_numbers_.emplace(m, found->number);
    if (!found->is_new) return;
    JsonWriter json(out_, 0);
    json.begin_object();
    json.key("pattern").value(static_cast<std::int64_t>(found->number));
    json.key("value").begin_object();
    json.field("text", m->pattern());
    json.key("blanks").begin_array();
    for (const auto& b : m->blanks()) json.value(b.name);
    json.end_array();
    json.end_object();
    json.end_object();
    out_ << '\n';
  }

  // A clause's values, as JSON, numbered the second time the same values are
  // met (the reservations' parameters repeat from lot to lot).
  struct ValueSet {
    std::string json;
    std::uint32_t number = 0;
  };
  void define_values(const ClauseResult& c, ValueSet& out) {
    out.json.clear();
    out.number = 0;
    if (c.values.empty()) return;
    scratch_.str({});
    JsonWriter json(scratch_, 0);
    json.begin_object();
    for (const auto& [name, v] : c.values) {
      json.key(name);
      std::visit([&json](const auto& x) { json.value(x); }, v);
    }
    json.end_object();
    out.json = scratch_.str();
    const bool repeated = seen_.check(out.json);  // shared with the texts: values are JSON objects
    const auto found = value_sets_numbers_.number(out.json, repeated);
    if (!found) return;
    out.number = found->number;
    if (!found->is_new) return;
    out_ << "{\"values\":" << found->number << ",\"value\":" << out.json << "}\n";
  }

  void define_entry(const TraceEntry& t) {
    entry_key(t, key_);
    const auto found = entries_.number(key_, true);
    numbers_.push_back(found ? found->number : 0);
    if (!found || !found->is_new) return;
    JsonWriter json(out_, 0);
    json.begin_object();
    json.key("trace").value(static_cast<std::int64_t>(found->number));
    json.key("value");
    write_trace_entry(json, t);
    json.end_object();
    out_ << '\n';
  }

  // A list of sentences: text numbers, [message number, the values of its
  // blanks as written], or the text itself when the table was full.
  void write_sentences(JsonWriter& json, std::string_view name, const std::vector<Sentence>& sentences) {
    json.key(name).begin_array();
    for (const auto& s : sentences) {
      const std::uint32_t n = numbers_[next_++];
      const Message* m = s.message();
      const std::vector<std::string>* written = m != nullptr ? &written_[next_written_++] : nullptr;
      if (n == 0) {
        json.value(written != nullptr ? m->assemble(*written) : s.text());
      } else if ((n & pattern_bit) != 0) {
        json.begin_array();
        json.value(static_cast<std::int64_t>(n & ~pattern_bit));
        for (const auto& value : *written) json.value(value);
        json.end_array();
      } else {
        json.value(static_cast<std::int64_t>(n));
      }
    }
    json.end_array();
  }

  // A list of texts: numbers, or the text itself when the table was full.
  void write_texts(JsonWriter& json, std::string_view name, const std::vector<std::string>& texts) {
    json.key(name).begin_array();
    for (const auto& text : texts) {
      if (const std::uint32_t n = numbers_[next_++]) {
        json.value(static_cast<std::int64_t>(n));
      } else {
        json.value(text);
      }
    }
    json.end_array();
  }

  void write_numbered_clause(JsonWriter& json, const ClauseResult& c, const ValueSet& values) {
    json.begin_object();
    json.field("type", c.type);
    if (c.verdict) {
      json.field("verdict", verdict_id(*c.verdict));
    } else {
      json.key("verdict").null();
    }
    if (c.verdict_assumed) json.key("verdict_assumed").value(true);
    if (c.hours) json.key("hours").value(*c.hours);
    write_texts(json, "basis", c.basis);
    if (reasons_ == ReasonsMode::brief) write_sentences(json, "reasons", c.reasons);
    if (!c.warnings.empty()) write_sentences(json, "warnings", c.warnings);
    if (values.number != 0) {
      json.key("values").value(static_cast<std::int64_t>(values.number));
    } else if (!values.json.empty()) {
      json.key("values").raw(values.json);
    }
    if (!c.trace.empty()) {
      json.key("trace").begin_array();
      for (const auto& t : c.trace) {
        if (const std::uint32_t n = numbers_[next_++]) {
          json.value(static_cast<std::int64_t>(n));
        } else {
          write_trace_entry(json, t);
        }
      }
      json.end_array();
    }
    if (c.error) {
      json.key("error");
      write_diagnostic(json, *c.error);
    }
    json.end_object();
  }

  std::ostream& out_;
  ReasonsMode reasons_;
  std::vector<engine::ClauseInfo> types_;
  Numbering texts_;
  SeenBefore seen_;
  Numbering entries_;
  Numbering patterns_;
  Numbering value_sets_numbers_;
  std::vector<ValueSet> value_sets_;  // the lot's clauses' values
  std::ostringstream scratch_;
  std::unordered_map<const Message*, std::uint32_t> message_numbers_;  // the numbers of patterns_, by message
  std::string key_;  // a trace entry's parts, joined, reused
  // The lot's texts and trace entries by number (0: written in place), in
  // the order the definitions met them and the lot's line writes them.
  std::vector<std::uint32_t> numbers_;
  std::size_t next_ = 0;
  // The written values of the lot's sentences with blanks, in the order the
  // lot's line writes them.
  std::vector<std::vector<std::string>> written_;
  std::size_t next_written_ = 0;
  bool header_done_ = false;
};

}  // namespace

std::unique_ptr<EvaluationSink> make_jsonl_sink(std::ostream& out, ReasonsMode reasons) {
  return std::make_unique<JsonlSink>(out, reasons);
}

}  // namespace clausier::writers
