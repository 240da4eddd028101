#include "lua/ctx_format.hpp"

#include <cmath>
#include <string>

#include "base/french.hpp"
#include "lua/cfunction.hpp"
#include "lua/read_only.hpp"

namespace clausier::lua {
namespace {

// A finite number argument.
double finite_argument(lua_State* L, int arg, const char* function) {
  const double x = number_argument(L, arg, function);
  if (!std::isfinite(x)) argument_error(L, function, arg, "un nombre fini");
  return x;
}

void push_whole(lua_State* L, double x) {
  if (std::fabs(x) <= fr::max_whole_number) {
    lua_pushinteger(L, static_cast<lua_Integer>(x));
  } else {
    lua_pushnumber(L, x);
  }
}

int ctx_round(lua_State* L) {
  const double x = finite_argument(L, 1, "ctx.round");
  const auto mode = rounding_from_id(string_argument(L, 2, "ctx.round"));
  if (!mode) {
    return luaL_error(L,
                      "ctx.round : mode d'arrondi « %s » inconnu (modes admis : inferieur, superieur, "
                      "plus_proche)",
                      lua_tostring(L, 2));
  }
  push_whole(L, round_whole(x, *mode));
  return 1;
}

int fmt_euros(lua_State* L) {
  push(L, fr::euros(finite_argument(L, 1, "ctx.fmt.euros")));
  return 1;
}

int fmt_date(lua_State* L) {
  const auto iso = string_argument(L, 1, "ctx.fmt.date");
  const auto d = Date::parse_iso(iso);
  if (!d) return luaL_error(L, "ctx.fmt.date : « %s » n'est pas une date AAAA-MM-JJ", lua_tostring(L, 1));
  push(L, fr::date_long(*d));
  return 1;
}

int fmt_percent(lua_State* L) {
  push(L, fr::percent(finite_argument(L, 1, "ctx.fmt.percent")));
  return 1;
}

int fmt_number(lua_State* L) {
  const double x = finite_argument(L, 1, "ctx.fmt.number");
  lua_Integer decimals = 2;
  if (!lua_isnoneornil(L, 2)) {
    const double d = number_argument(L, 2, "ctx.fmt.number");
    if (d < 0 || d > 6 || d != std::floor(d)) argument_error(L, "ctx.fmt.number", 2, "un entier de 0 à 6");
    decimals = static_cast<lua_Integer>(d);
  }
  push(L, fr::decimal(x, static_cast<int>(decimals)));
  return 1;
}

int fmt_hours(lua_State* L) {
  const double n = finite_argument(L, 1, "ctx.fmt.hours");
  if (std::fabs(n) > fr::max_whole_number)
    argument_error(L, "ctx.fmt.hours", 1, "un nombre d'heures plausible");
  push(L, fr::hours(std::llround(n)));
  return 1;
}

}  // namespace

std::optional<Rounding> rounding_from_id(std::string_view id) {
  if (id == "inferieur") return Rounding::inferieur;
  if (id == "superieur") return Rounding::superieur;
  if (id == "plus_proche") return Rounding::plus_proche;
  return std::nullopt;
}

double round_whole(double x, Rounding mode) {
  const double nearest = std::round(x);  // half away from zero
  if (std::fabs(x - nearest) <= 1e-9 * std::fmax(1.0, std::fabs(x))) return nearest;
  switch (mode) {
    case Rounding::inferieur: return std::floor(x);
    case Rounding::superieur: return std::ceil(x);
    case Rounding::plus_proche: return nearest;
  }
  return nearest;
}

void push_round_function(lua_State* L) { lua_pushcfunction(L, &guarded<ctx_round>); }

void push_format_table(lua_State* L) {
  lua_createtable(L, 0, 5);
  const luaL_Reg functions[] = {{"euros", &guarded<fmt_euros>},     {"date", &guarded<fmt_date>},
                                {"percent", &guarded<fmt_percent>}, {"number", &guarded<fmt_number>},
                                {"hours", &guarded<fmt_hours>},     {nullptr, nullptr}};
  luaL_setfuncs(L, functions, 0);
  make_read_only(L, "ctx.fmt est en lecture seule");
}

}  // namespace clausier::lua
