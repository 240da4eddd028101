#pragma once
// The per-lot overrides of rule parameters that a plugin reads with
// ctx.override(name) (the programme columns of the same names): the one list,
// which the Lua host, the rule test cases and `clausier rules check` read.

#include <optional>
#include <string_view>

#include "model/lot.hpp"

namespace clausier::lua {

struct LotOverride {
  std::string_view name;
  std::optional<double> LotOverrides::*member;
  std::string_view unit;  // "ratio" (0 to 1) or "EUR/h"
};

inline constexpr LotOverride lot_overrides[] = {
    {"part_main_oeuvre", &LotOverrides::part_main_oeuvre, "ratio"},
    {"taux_insertion", &LotOverrides::taux_insertion, "ratio"},
    {"cout_horaire", &LotOverrides::cout_horaire, "EUR/h"},
};

inline constexpr std::string_view override_names[] = {lot_overrides[0].name, lot_overrides[1].name,
                                                      lot_overrides[2].name};
static_assert(std::size(override_names) == std::size(lot_overrides), "one name per override");

[[nodiscard]] constexpr const LotOverride* find_lot_override(std::string_view name) {
  for (const LotOverride& o : lot_overrides) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

}  // namespace clausier::lua
