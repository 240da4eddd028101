#pragma once
// The parts of the plugin ctx that read no parameter: ctx.round and ctx.fmt
// (French text through base/french.hpp). See host_api.hpp for the whole ctx.

#include <optional>
#include <string_view>

struct lua_State;

namespace clausier::lua {

enum class Rounding { inferieur, superieur, plus_proche };

[[nodiscard]] std::optional<Rounding> rounding_from_id(std::string_view id);

// Rounds `x` to a whole number. A value within 1e-9 (relative) of a whole
// number counts as that number, so that 0.7 * 0.05 * 1e6 / 35 (999.9999…
// in binary floating point) rounds down to 1000, as on paper.
[[nodiscard]] double round_whole(double x, Rounding mode);

// Pushes ctx.round(x, mode).
void push_round_function(lua_State* L);

// Pushes the read-only ctx.fmt table: euros, date, percent, number, hours.
void push_format_table(lua_State* L);

}  // namespace clausier::lua
