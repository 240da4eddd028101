#include "lua/data_value.hpp"

#include <algorithm>
#include <charconv>
#include <system_error>

#include "base/text.hpp"

namespace clausier::lua {
namespace {

bool is_identifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

const DataValue* DataValue::get(std::string_view name) const {
  for (const DataField& f : fields) {
    if (f.named && f.name == name) return &f.value;
  }
  return nullptr;
}

const DataValue* DataValue::at(std::int64_t index) const {
  for (const DataField& f : fields) {
    if (!f.named && f.index == index) return &f.value;
  }
  return nullptr;
}

DataValue text_value(std::string text) {
  DataValue v;
  v.type = DataValue::Type::string;
  v.text = std::move(text);
  return v;
}

std::string child_path(std::string_view parent, const DataField& field) {
  if (!field.named) return std::string(parent) + "[" + std::to_string(field.index) + "]";
  if (is_identifier(field.name)) return parent.empty() ? field.name : std::string(parent) + "." + field.name;
  return std::string(parent) + "[\"" + field.name + "\"]";
}

std::string child_path(std::string_view parent, std::string_view name) {
  DataField field;
  field.name = std::string(name);
  return child_path(parent, field);
}

std::string describe(const DataValue& v) {
  switch (v.type) {
    case DataValue::Type::boolean: return std::string("un booléen (") + (v.boolean ? "true" : "false") + ")";
    case DataValue::Type::number: return "un nombre (" + number_text(v.number) + ")";
    case DataValue::Type::string: return "un texte (« " + text::truncate(v.text, 40) + " »)";
    case DataValue::Type::table: return "une table";
    case DataValue::Type::other: break;
  }
  return "une valeur de type " + v.text;
}

std::string number_text(double x) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

}  // namespace clausier::lua
