#include "lua/plugin_result.hpp"

#include <algorithm>
#include <cmath>
#include <lua.hpp>

#include "base/french.hpp"
#include "lua/cfunction.hpp"
#include "lua/table_reader.hpp"

namespace clausier::lua {
namespace {

// Above this, a double no longer holds every whole number.
constexpr double max_hours = 9007199254740992.0;  // 2^53

// "champ « hours » invalide : <problem>".
std::string invalid(std::string_view field, std::string_view problem) {
  return "champ " + guillemets(field) + " invalide : " + std::string(problem);
}

// "champ « verdict » absent : <hint>".
std::string missing(std::string_view field, std::string_view hint) {
  return "champ " + guillemets(field) + " absent : " + std::string(hint);
}

std::string read_verdict(lua_State* L, int index, ClauseResult& out) {
  if (raw_field(L, index, "verdict") != LUA_TSTRING) {
    lua_pop(L, 1);
    return missing("verdict", "obligatoire, recommandee, possible ou exclue");
  }
  const auto id = string_at(L, -1);
  out.verdict = verdict_from_id(id);
  std::string problem;
  if (!out.verdict) {
    problem = invalid("verdict",
                      guillemets(id) + " n'est pas un verdict (obligatoire, recommandee, possible, exclue)");
  }
  lua_pop(L, 1);
  return problem;
}

// A list of texts, with French typography; `required`: present and not empty.
std::string read_prose(lua_State* L, int index, const char* field, bool required,
                       std::vector<std::string>& out) {
  std::string problem;
  if (raw_field(L, index, field) == LUA_TNIL) {
    if (required) problem = missing(field, "donnez la liste des phrases qui expliquent le verdict");
  } else if (problem = read_string_list(L, -1, out, &fr::typography); !problem.empty()) {
    problem = invalid(field, problem);
  } else if (required && out.empty()) {
    problem = invalid(field, "la liste est vide, donnez au moins une phrase qui explique le verdict");
  }
  lua_pop(L, 1);
  return problem;
}

std::string read_basis(lua_State* L, int index, const engine::ClauseInfo& info, ClauseResult& out) {
  std::string problem;
  if (raw_field(L, index, "basis") == LUA_TNIL) {
    out.basis = info.basis;
  } else if (problem = read_string_list(L, -1, out.basis); !problem.empty()) {
    problem = invalid("basis", problem);
  }
  lua_pop(L, 1);
  return problem;
}

std::string read_hours(lua_State* L, int index, ClauseResult& out) {
  std::string problem;
  const int type = raw_field(L, index, "hours");
  if (type == LUA_TNUMBER) {
    const double h = lua_tonumber(L, -1);
    if (!(h >= 0 && h <= max_hours) || h != std::floor(h)) {
      problem = invalid("hours", "il faut un nombre entier d'heures positif ou nul (voir ctx.round), pas " +
                                     fr::decimal(h, 4));
    } else {
      out.hours = static_cast<std::int64_t>(h);
    }
  } else if (type != LUA_TNIL) {
    problem = invalid("hours", std::string("il faut un nombre, pas ") + luaL_typename(L, -1));
  }
  lua_pop(L, 1);
  return problem;
}

// The value on top of the stack, or a problem.
std::string scalar_on_top(lua_State* L, ScalarValue& value) {
  switch (lua_type(L, -1)) {
    case LUA_TNUMBER:
      value = lua_tonumber(L, -1);
      return std::isfinite(std::get<double>(value)) ? std::string() : std::string("il faut un nombre fini");
    case LUA_TBOOLEAN: value = lua_toboolean(L, -1) != 0; return {};
    case LUA_TSTRING: value = std::string(string_at(L, -1)); return {};
    default: return std::string("il faut un nombre, un booléen ou du texte, pas ") + luaL_typename(L, -1);
  }
}

std::string read_values(lua_State* L, int index, ClauseResult& out) {
  std::string problem;
  const int type = raw_field(L, index, "values");
  if (type == LUA_TTABLE) {
    const int values = lua_gettop(L);
    lua_pushnil(L);
    while (problem.empty() && lua_next(L, values) != 0) {
      if (lua_type(L, -2) != LUA_TSTRING) {
        problem = invalid("values", "les clés doivent être des noms (values = { heures_brutes = 833.3 })");
      } else {
        NamedValue v{std::string(string_at(L, -2)), 0.0};
        if (auto p = scalar_on_top(L, v.value); !p.empty()) problem = invalid("values." + v.name, p);
        out.values.push_back(std::move(v));
      }
      lua_pop(L, 1);
    }
    if (!problem.empty()) lua_pop(L, 1);  // the key left by the interrupted traversal
    std::sort(out.values.begin(), out.values.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
  } else if (type != LUA_TNIL) {
    problem = invalid("values", std::string("il faut une table nom → valeur, pas ") + luaL_typename(L, -1));
  }
  lua_pop(L, 1);
  return problem;
}

}  // namespace

std::string read_result(lua_State* L, int index, const engine::ClauseInfo& info, ClauseResult& out) {
  if (lua_type(L, index) != LUA_TTABLE) {
    return std::string("evaluate doit renvoyer une table { verdict = ..., reasons = { ... } }, pas ") +
           luaL_typename(L, index);
  }
  index = lua_absindex(L, index);
  const auto unknown =
      unknown_fields(L, index, {"verdict", "reasons", "basis", "hours", "values", "warnings"});
  if (!unknown.empty()) {
    return "champ " + guillemets(unknown.front()) +
           " inconnu (champs admis : verdict, reasons, basis, hours, values, warnings)";
  }
  for (auto* read : {&read_verdict, &read_hours, &read_values}) {
    if (auto problem = read(L, index, out); !problem.empty()) return problem;
  }
  if (auto problem = read_prose(L, index, "reasons", true, out.reasons); !problem.empty()) return problem;
  if (auto problem = read_prose(L, index, "warnings", false, out.warnings); !problem.empty()) return problem;
  return read_basis(L, index, info, out);
}

}  // namespace clausier::lua
