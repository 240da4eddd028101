#pragma once
// A streaming JSON emitter: values are written as they come, so a million
// lots never sit in memory. Indentation makes outputs reviewable in diffs.

#include <cstdint>
#include <ostream>
#include <string_view>
#include <vector>

namespace clausier::writers {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out, int indent = 2) : out_(out), indent_(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(double d);
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(bool b);
  JsonWriter& null();
  // A value already written as JSON elsewhere (a stored document), as is.
  JsonWriter& raw(std::string_view json);
  // A euro amount given in cents: 1000000 or 1234567.89 (no float error).
  JsonWriter& cents(std::int64_t c);

  template <typename T>
  JsonWriter& field(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }

 private:
  void before_value();
  void newline();
  void write_string(std::string_view s);

  std::ostream& out_;
  int indent_;
  struct Level {
    bool is_object;
    bool empty;
  };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

}  // namespace clausier::writers
