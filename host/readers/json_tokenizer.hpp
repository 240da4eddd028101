#pragma once
// A pull tokenizer for JSON files from anywhere, over ChunkedInput: one token
// at a time, so a file of gigabytes is read with the memory of one string.
// It checks the grammar as it goes (RFC 8259) and knows the line of each
// token, for messages. Hostile input is stopped with a French JsonError
// naming the line: nesting deeper than a cap, a number longer than any real
// one, a file cut short; a string longer than a cap is kept cut (cut() says
// so) and reading goes on.
//
// Leniencies for files written by hand or by old exporters, each visible to
// the caller: a string that is not UTF-8 is read as Windows-1252 (recoded()),
// raw control characters inside strings are kept.

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "readers/chunked_input.hpp"

namespace clausier::readers {

// A problem that stops the reading of a JSON file: `message` is a French
// sentence, `line` the line where it was found.
class JsonError final : public std::exception {
 public:
  JsonError(std::string message, std::uint32_t line) : message_(std::move(message)), line_(line) {}
  [[nodiscard]] const char* what() const noexcept override { return message_.c_str(); }
  [[nodiscard]] const std::string& message() const { return message_; }
  [[nodiscard]] std::uint32_t line() const { return line_; }

 private:
  std::string message_;
  std::uint32_t line_;
};

struct JsonLimits {
  std::size_t max_depth = 64;                 // nested objects and arrays
  std::size_t max_string_bytes = 256 * 1024;  // longer strings (and keys) are cut
};

class JsonTokenizer {
 public:
  enum class Token {
    object_begin,
    object_end,
    array_begin,
    array_end,
    key,  // a member name; the value follows
    string,
    number,
    literal_true,
    literal_false,
    literal_null,
    end,  // after the single top-level value, and at each call after
  };

  // Reads `in`, which must outlive the tokenizer.
  explicit JsonTokenizer(ChunkedInput& in, JsonLimits limits = {});

  // The next token. Throws JsonError on anything that is not JSON.
  Token next();

  // Keys and strings: the text, unescaped, UTF-8. Numbers: as written.
  [[nodiscard]] const std::string& text() const { return text_; }
  // The current string went over max_string_bytes: text() holds its start.
  [[nodiscard]] bool cut() const { return cut_; }
  // The current string was not UTF-8 and was read as Windows-1252.
  [[nodiscard]] bool recoded() const { return recoded_; }
  // The line where the current token starts (1-based).
  [[nodiscard]] std::uint32_t line() const { return token_line_; }
  // Objects and arrays open around the current token (a begin token counts its own).
  [[nodiscard]] std::size_t depth() const { return stack_.size(); }
  // The line where the innermost open object or array started (0 at top level).
  [[nodiscard]] std::uint32_t open_line() const { return stack_.empty() ? 0 : stack_.back().line; }

  // Skips the value that starts with the current token: for an object or
  // array begin, everything up to its end; nothing for a scalar.
  void skip_value();

 private:
  enum class Expect { value, first_key, key, colon, first_value, comma };
  struct Open {
    bool object = false;
    std::uint32_t line = 0;
  };

  int get();
  int skip_space();
  [[noreturn]] void fail(const std::string& message) const;
  [[noreturn]] void fail_unexpected(int c) const;
  [[noreturn]] void fail_end() const;
  Token value_token(int c);
  Token after_value(Token t);
  void read_string();
  void read_escape();
  char32_t read_hex4();
  void read_number(int first);
  void read_literal(int first);
  void append(char c);
  void append_code_point(char32_t cp);

  ChunkedInput* in_;
  JsonLimits limits_;
  Token current_ = Token::end;
  std::vector<Open> stack_;
  Expect expect_ = Expect::value;
  bool done_ = false;
  std::string text_;
  bool cut_ = false;
  bool recoded_ = false;
  std::uint32_t line_ = 1;  // line of the next byte
  std::uint32_t token_line_ = 1;
};

}  // namespace clausier::readers
