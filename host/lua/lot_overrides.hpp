#pragma once
// The per-lot overrides of rule parameters that a plugin reads with
// ctx.override(name): the lot fields of model/lot_field.hpp marked
// `parameter` (the programme columns of the same names). The Lua host, the
// rule test cases and `clausier rules check` read them from here.

#include <string_view>
#include <vector>

#include "model/lot_field.hpp"

namespace clausier::lua {

// "part_main_oeuvre", "taux_insertion", "cout_horaire", in the table's order.
[[nodiscard]] const std::vector<std::string_view>& override_names();
// The field a plugin names, or null when it is not a per-lot override.
[[nodiscard]] const LotFieldInfo* find_lot_override(std::string_view name);
// The unit of params::format_value for the override's value: "ratio" or "EUR/h".
[[nodiscard]] std::string_view override_unit(const LotFieldInfo& field);

}  // namespace clausier::lua
