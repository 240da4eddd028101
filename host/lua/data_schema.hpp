#pragma once
// A small declarative schema for the tables of Lua data files (rules, local
// policy, rule test cases): the fields a table may hold, each with its kind,
// whether it is required, the texts it may hold and, for a table, the schema
// of that table. Checking a table against its schema reports, located, what a
// user can get wrong in any of these files, with the same words everywhere;
// what only one kind of file checks (dates in order, units, lots) stays with
// its reader.

#include <span>
#include <string>
#include <string_view>

#include "lua/data_reporter.hpp"
#include "lua/data_value.hpp"

namespace clausier::lua {

enum class DataKind {
  any,      // checked by the reader
  text,     // a string, not blank
  date,     // a string AAAA-MM-JJ
  boolean,  // true or false
  table,    // a table (checked against `nested` when given)
};

struct DataSchema;

struct SchemaField {
  std::string_view name;
  DataKind kind = DataKind::any;
  bool required = false;
  std::string_view when_missing = {};              // "écrivez description = \"…\" (…)"
  std::span<const std::string_view> allowed = {};  // the texts a text field may hold; empty: any
  std::string_view unknown = {};                   // what a text not allowed is called: "unité inconnue"
  std::string_view expected = {};                  // what the wrong-kind message says is expected
  const DataSchema* nested = nullptr;              // a table field: the schema of its table
};

struct DataSchema {
  std::span<const SchemaField> fields;
  bool first_item = false;  // [1] allowed besides the named fields: { value, status = … }
  // When an unknown field resembles no field of the schema: a hint more
  // useful than the list of the fields, or empty.
  std::string (*unknown_hint)(std::string_view field) = nullptr;
};

// Reports every problem of `table`, the table at `path`: items without a
// name, unknown fields (with the closest field name), required fields
// missing, fields of the wrong kind or holding a text not allowed; then the
// tables of nested fields against their schemas. True when nothing was wrong.
bool check_table(const DataValue& table, const std::string& path, const DataSchema& schema,
                 DataReporter& rep);

// Reports `v`, the value at `path`, when it is not of `kind` (a text not
// blank, a date AAAA-MM-JJ…), the way check_table() does; true when it is.
bool check_kind(const DataValue& v, const std::string& path, DataKind kind, DataReporter& rep);

// "champ « x » manquant : <what_to_write>", at `path`.
void report_missing(DataReporter& rep, const std::string& path, std::string_view field,
                    std::string_view what_to_write);

// The field `name` of a checked table when it holds a valid text or date
// (else it was reported, or is absent): null otherwise.
[[nodiscard]] const std::string* valid_text(const DataValue& table, std::string_view name);

// The same, as shown to users (a description, a reference, a note): with
// French typography (no-break spaces before ; : ! ?); empty when not valid.
[[nodiscard]] std::string shown_text(const DataValue& table, std::string_view name);

}  // namespace clausier::lua
