#pragma once
// The sentences of a result (reasons, warnings): a text, or a message with
// blanks and the values that fill them, written into French only when an
// output shows it (plugin api 2, docs/plugin-api.md).
//
// A message is a pattern a plugin writes once in its code:
//
//   "Le montant de la consultation ({total:euros}) {compare} seuil de {seuil:euros}."
//
// Each blank is {name} or {name:format}; the formats are those of ctx.fmt:
//
//   (none)     text as given (with French typography); a number as
//              ctx.fmt.number writes it (2 decimals at most); a boolean
//              « oui » or « non »
//   euros      "1 746 102,07 €"          percent  "5 %"
//   number     "29,0002" (number:N: N decimals at most, 0 to 6; 2 by default)
//   hours      "29 heures"               date     "21 août 2026" (an ISO date)
//
// The sentence is the message's pattern, with French typography, whose
// blanks are replaced by their values written as above: a consumer given the
// pattern and the written values rebuilds the sentence exactly.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace clausier {

using ScalarValue = std::variant<double, bool, std::string>;

enum class BlankFormat { text, euros, percent, number, hours, date };

struct Blank {
  std::string name;
  BlankFormat format = BlankFormat::text;
  int decimals = 2;  // number
};

class Message {
 public:
  // Parses `text`; nullopt with `problem` set (in French) when a blank is
  // malformed or names an unknown format.
  [[nodiscard]] static std::optional<Message> parse(std::string text, std::string& problem);

  // The pattern as written, with the blanks' formats.
  [[nodiscard]] const std::string& text() const { return text_; }
  [[nodiscard]] const std::vector<Blank>& blanks() const { return blanks_; }
  // The text with French typography and every blank written {name}.
  [[nodiscard]] const std::string& pattern() const { return pattern_; }
  // The index of the blank called `name`, or nullopt.
  [[nodiscard]] std::optional<std::size_t> blank(std::string_view name) const;

  // Why `value` does not suit the blank (a text for euros, a date that is
  // not ISO...), in French; empty when it does.
  [[nodiscard]] std::string check(std::size_t blank, const ScalarValue& value) const;
  // A value as its blank shows it (a value check() refused: "?").
  [[nodiscard]] std::string write(std::size_t blank, const ScalarValue& value) const;
  // The sentence: one value per blank, in the order of blanks().
  [[nodiscard]] std::string fill(const std::vector<ScalarValue>& values) const;
  // The same in two steps, for a writer that also shows the values alone:
  // each value as its blank shows it, then the sentence made of them.
  [[nodiscard]] std::vector<std::string> write_all(const std::vector<ScalarValue>& values) const;
  [[nodiscard]] std::string assemble(const std::vector<std::string>& written) const;

 private:
  std::string text_;
  std::vector<Blank> blanks_;
  std::string pattern_;
  std::vector<std::string> pieces_;  // the pattern around the blanks: blanks_.size() + 1 of them
};

// One sentence of a result.
class Sentence {
 public:
  Sentence() = default;
  // A text as it is shown.
  Sentence(std::string text) : text_(std::move(text)) {}  // NOLINT(google-explicit-constructor)
  Sentence(const char* text) : text_(text) {}             // NOLINT(google-explicit-constructor)
  // A message and the value of each of its blanks, in order.
  Sentence(std::shared_ptr<const Message> message, std::vector<ScalarValue> values)
      : message_(std::move(message)), values_(std::move(values)) {}

  // The sentence in French.
  [[nodiscard]] std::string text() const { return message_ ? message_->fill(values_) : text_; }
  // The message, or null for a text.
  [[nodiscard]] const Message* message() const { return message_.get(); }
  [[nodiscard]] const std::vector<ScalarValue>& values() const { return values_; }

  friend bool operator==(const Sentence& a, const Sentence& b) { return a.text() == b.text(); }

 private:
  std::string text_;
  std::shared_ptr<const Message> message_;
  std::vector<ScalarValue> values_;
};

// The texts of `sentences`, in order.
[[nodiscard]] std::vector<std::string> texts(const std::vector<Sentence>& sentences);

}  // namespace clausier
