#include "lua/lot_overrides.hpp"

namespace clausier::lua {

const std::vector<std::string_view>& override_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const LotFieldInfo& field : lot_fields()) {
      if (field.parameter) out.push_back(field.key);
    }
    return out;
  }();
  return names;
}

const LotFieldInfo* find_lot_override(std::string_view name) {
  for (const LotFieldInfo& field : lot_fields()) {
    if (field.parameter && field.key == name) return &field;
  }
  return nullptr;
}

std::string_view override_unit(const LotFieldInfo& field) {
  return field.kind == LotValueKind::ratio ? "ratio" : "EUR/h";
}

}  // namespace clausier::lua
