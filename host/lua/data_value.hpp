#pragma once
// A value copied out of a Lua data file (rules, local policy, rule test
// cases): plain data only, tables with their keys, so that what a file says
// can be checked after its Lua state is gone. Paths name a value the way it
// is written in the file: values[2].from, values[1].value["45"].

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clausier::lua {

struct DataField;

struct DataValue {
  enum class Type { boolean, number, string, table, other };
  Type type = Type::other;
  bool boolean = false;
  double number = 0;
  bool integer = false;           // the number was a Lua integer
  std::string text;               // a string, or the Lua type name of an `other`
  std::vector<DataField> fields;  // a table: list items by index, then named keys by name

  [[nodiscard]] const DataValue* get(std::string_view name) const;
  [[nodiscard]] const DataValue* at(std::int64_t index) const;
};

struct DataField {
  bool named = true;
  std::string name;        // when named
  std::int64_t index = 0;  // when not named (an integer key)
  DataValue value;

  friend bool operator<(const DataField& a, const DataField& b) {
    if (a.named != b.named) return !a.named;
    return a.named ? a.name < b.name : a.index < b.index;
  }
};

[[nodiscard]] DataValue text_value(std::string text);

// "values[2]", "values.from", "parametres[\"heures.taux_insertion\"]": the
// path of a field of the table at `parent` ("" for the file's table).
[[nodiscard]] std::string child_path(std::string_view parent, const DataField& field);
[[nodiscard]] std::string child_path(std::string_view parent, std::string_view name);

// "un nombre (1.5)", "un texte (« abc »)", "une table"… for messages.
[[nodiscard]] std::string describe(const DataValue& v);

// "5404000", "0.05", "1e+300": the shortest text that reads back the same number.
[[nodiscard]] std::string number_text(double x);

}  // namespace clausier::lua
