#include "writers/json_writer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace clausier::writers {

void JsonWriter::newline() {
  if (indent_ <= 0) return;
  // The line break and the indentation in one write (a put per space was a
  // tenth of the server's time answering a large evaluation).
  static constexpr std::string_view spaces =
      "\n                                                                ";
  std::size_t width = stack_.size() * static_cast<std::size_t>(indent_) + 1;
  out_.write(spaces.data(), static_cast<std::streamsize>(std::min(width, spaces.size())));
  for (width = width > spaces.size() ? width - spaces.size() : 0; width > 0;) {
    const std::size_t n = std::min(width, spaces.size() - 1);
    out_.write(spaces.data() + 1, static_cast<std::streamsize>(n));
    width -= n;
  }
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  if (!stack_.back().empty) out_ << ',';
  stack_.back().empty = false;
  newline();
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ << '{';
  stack_.push_back({true, true});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline();
  out_ << '}';
  if (stack_.empty() && indent_ > 0) out_ << '\n';
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ << '[';
  stack_.push_back({false, true});
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline();
  out_ << ']';
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  write_string(k);
  out_ << (indent_ > 0 ? ": " : ":");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  write_string(s);
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  before_value();
  if (!std::isfinite(d)) {
    out_ << "null";
  } else if (d == std::floor(d) && std::fabs(d) < 1e15) {
    out_ << static_cast<std::int64_t>(d);
  } else {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", d);
    out_ << buf;
  }
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
  before_value();
  out_ << n;
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  out_ << (b ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  out_ << json;
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ << "null";
  return *this;
}

JsonWriter& JsonWriter::cents(std::int64_t c) {
  before_value();
  if (c < 0) {
    out_ << '-';
    c = -c;
  }
  out_ << c / 100;
  if (c % 100 != 0) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02d", static_cast<int>(c % 100));
    out_ << '.' << buf;
  }
  return *this;
}

void JsonWriter::write_string(std::string_view s) {
  out_ << '"';
  std::size_t run = 0;  // start of the bytes not written yet, which need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    if (u >= 0x20 && u != '"' && u != '\\') continue;
    out_.write(s.data() + run, static_cast<std::streamsize>(i - run));
    run = i + 1;
    switch (u) {
      case '"': out_ << "\\\""; break;
      case '\\': out_ << "\\\\"; break;
      case '\n': out_ << "\\n"; break;
      case '\r': out_ << "\\r"; break;
      case '\t': out_ << "\\t"; break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", u);
        out_ << buf;
      }
    }
  }
  out_.write(s.data() + run, static_cast<std::streamsize>(s.size() - run));
  out_ << '"';
}

}  // namespace clausier::writers
