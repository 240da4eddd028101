#include "lua/plugin_result.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <lua.hpp>

#include "base/french.hpp"
#include "base/quoted.hpp"
#include "lua/cfunction.hpp"
#include "lua/table_reader.hpp"

namespace clausier::lua {
namespace {

// "champ « hours » invalide : <problem>".
std::string invalid(std::string_view field, std::string_view problem) {
  return "champ " + fr::quoted(field) + " invalide : " + std::string(problem);
}

// "champ « verdict » absent : <hint>".
std::string missing(std::string_view field, std::string_view hint) {
  return "champ " + fr::quoted(field) + " absent : " + std::string(hint);
}

// The fields of a result, in the order they are checked.
enum Field { verdict, hours, values, reasons, warnings, basis, field_count };
constexpr std::array<std::string_view, field_count> field_names = {"verdict", "hours",    "values",
                                                                   "reasons", "warnings", "basis"};

// Where each field's value is on the stack; 0: absent.
using FieldSlots = std::array<int, field_count>;

int type_of(lua_State* L, int slot) { return slot == 0 ? LUA_TNIL : lua_type(L, slot); }

// The verdicts of model/evaluation.hpp: "obligatoire, recommandee, possible<last>exclue".
std::string verdict_list(std::string_view last_separator) {
  std::string out;
  for (std::size_t i = 0; i < all_verdicts.size(); ++i) {
    if (i > 0) out += i + 1 == all_verdicts.size() ? last_separator : ", ";
    out += verdict_id(all_verdicts[i]);
  }
  return out;
}

std::string read_verdict(lua_State* L, int slot, ClauseResult& out) {
  if (type_of(L, slot) != LUA_TSTRING) return missing("verdict", verdict_list(" ou "));
  const auto id = string_at(L, slot);
  out.verdict = verdict_from_id(id);
  if (out.verdict) return {};
  return invalid("verdict", fr::quoted(id) + " n'est pas un verdict (" + verdict_list(", ") + ")");
}

std::string read_basis(lua_State* L, int slot, const engine::ClauseInfo& info, ClauseResult& out) {
  if (type_of(L, slot) == LUA_TNIL) {
    out.basis = info.basis;
    return {};
  }
  std::string problem = read_string_list(L, slot, out.basis);
  return problem.empty() ? problem : invalid("basis", problem);
}

std::string read_hours(lua_State* L, int slot, ClauseResult& out) {
  const int type = type_of(L, slot);
  if (type == LUA_TNUMBER) {
    const double h = lua_tonumber(L, slot);
    if (!(h >= 0 && h <= fr::max_whole_number) || h != std::floor(h)) {
      return invalid("hours", "il faut un nombre entier d'heures positif ou nul (voir ctx.round), pas " +
                                  fr::decimal(h, 4));
    }
    out.hours = static_cast<std::int64_t>(h);
  } else if (type != LUA_TNIL) {
    return invalid("hours", std::string("il faut un nombre, pas ") + luaL_typename(L, slot));
  }
  return {};
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

std::string read_values(lua_State* L, int slot, ClauseResult& out) {
  std::string problem;
  const int type = type_of(L, slot);
  if (type == LUA_TTABLE) {
    const int values = slot;
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
    problem = invalid("values", std::string("il faut une table nom → valeur, pas ") + luaL_typename(L, slot));
  }
  return problem;
}

// "« x » n'est pas un blanc de la phrase (blancs : a, b)" for the key at `key`.
std::string not_a_blank(lua_State* L, int key, const Message& message) {
  std::string problem = fr::quoted(key_name(L, key)) + " n'est pas un blanc de la phrase (blancs : ";
  const auto& blanks = message.blanks();
  for (std::size_t i = 0; i < blanks.size(); ++i) problem += (i > 0 ? ", " : "") + blanks[i].name;
  return problem + (blanks.empty() ? "aucun)" : ")");
}

// The sentence with blanks at the top of the stack: { "pattern", name = value, ... }.
// One traversal: each key is matched to its blank by the address of its
// interned Lua string (by text only for a long name), no key is hashed again.
std::string read_pattern_sentence(lua_State* L, PatternCache& patterns, Sentence& out) {
  const int t = lua_gettop(L);
  if (lua_rawgeti(L, t, 1) != LUA_TSTRING) {
    lua_pop(L, 1);
    return "une phrase à blancs commence par son texte : { \"Le montant ({montant:euros})…\", montant = … }";
  }
  std::string problem;
  const PatternCache::Entry* pattern = patterns.find(L, lua_topointer(L, -1), string_at(L, -1), problem);
  lua_pop(L, 1);
  if (pattern == nullptr) return problem;
  const Message& message = *pattern->message;
  const std::size_t n = pattern->names.size();
  std::vector<ScalarValue> values(n);
  std::size_t filled = 0;
  lua_pushnil(L);
  while (lua_next(L, t) != 0) {
    std::size_t blank = n;
    if (lua_type(L, -2) == LUA_TSTRING) {
      const char* key = lua_tostring(L, -2);
      blank = static_cast<std::size_t>(std::find(pattern->names.begin(), pattern->names.end(), key) -
                                       pattern->names.begin());
      if (blank == n) blank = message.blank(string_at(L, -2)).value_or(n);
    } else if (lua_isinteger(L, -2) && lua_tointeger(L, -2) == 1) {
      lua_pop(L, 1);  // the pattern
      continue;
    }
    if (blank == n) {
      problem = not_a_blank(L, -2, message);
    } else if (problem = scalar_on_top(L, values[blank]); problem.empty()) {
      problem = message.check(blank, values[blank]);
      ++filled;
    }
    if (!problem.empty()) {
      lua_pop(L, 2);
      return blank == n ? problem : "blanc " + fr::quoted(message.blanks()[blank].name) + " : " + problem;
    }
    lua_pop(L, 1);
  }
  if (filled != n) {
    // A blank without a value: the first one, in the pattern's order.
    for (const auto& b : message.blanks()) {
      push(L, b.name);
      const bool absent = lua_rawget(L, t) == LUA_TNIL;
      lua_pop(L, 1);
      if (absent)
        return "le blanc " + fr::quoted(b.name) + " n'a pas de valeur (ajoutez " + b.name +
               " = … à la phrase)";
    }
  }
  out = Sentence(pattern->message, std::move(values));
  return {};
}

// A list of sentences: texts, with French typography, and (api 2) messages
// with the values of their blanks. `required`: present and not empty.
std::string read_sentences(lua_State* L, int slot, std::string_view field, bool required,
                           const engine::ClauseInfo& info, PatternCache& patterns,
                           std::vector<Sentence>& out) {
  const int type = type_of(L, slot);
  if (type == LUA_TNIL) {
    if (required) return missing(field, "donnez la liste des phrases qui expliquent le verdict");
    return {};
  }
  const char* expected = info.api >= 2 ? "une liste de phrases (textes ou { \"texte à {blancs}\", ... })"
                                       : "une liste de textes";
  if (type != LUA_TTABLE)
    return invalid(field, std::string("il faut ") + expected + ", pas " + luaL_typename(L, slot));
  const lua_Unsigned n = lua_rawlen(L, slot);
  out.clear();
  out.reserve(n);
  for (lua_Unsigned i = 1; i <= n; ++i) {
    const int item = lua_rawgeti(L, slot, static_cast<lua_Integer>(i));
    std::string problem;
    if (item == LUA_TSTRING) {
      out.emplace_back(fr::typography(string_at(L, -1)));
    } else if (item == LUA_TTABLE && info.api >= 2) {
      problem = read_pattern_sentence(L, patterns, out.emplace_back());
    } else {
      problem = "l'élément " + std::to_string(i) + " est " + luaL_typename(L, -1) + ", pas " +
                (info.api >= 2 ? "une phrase (texte ou { \"texte à {blancs}\", ... })" : "du texte");
    }
    lua_pop(L, 1);
    if (!problem.empty()) {
      return invalid(field, item == LUA_TTABLE && info.api >= 2
                                ? "élément " + std::to_string(i) + " : " + problem
                                : problem);
    }
  }
  std::size_t entries = 0;
  lua_pushnil(L);
  while (lua_next(L, slot) != 0) {
    ++entries;
    lua_pop(L, 1);
  }
  if (entries != n)
    return invalid(field, std::string("il faut ") + expected + " (indices 1, 2, 3… sans trou ni autre clé)");
  if (required && out.empty())
    return invalid(field, "la liste est vide, donnez au moins une phrase qui explique le verdict");
  return {};
}

// One traversal of the result at `index`: leaves the value of each known
// field on the stack (its place in `slots`) and returns the other keys,
// sorted, named as key_name() names them.
std::vector<std::string> take_fields(lua_State* L, int index, FieldSlots& slots) {
  luaL_checkstack(L, field_count + 2, "lecture du résultat");
  std::vector<std::string> unknown;
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    if (lua_type(L, -2) == LUA_TSTRING) {
      const auto name = std::find(field_names.begin(), field_names.end(), string_at(L, -2));
      if (name != field_names.end()) {
        lua_insert(L, -2);  // the value stays, below the key the traversal goes on from
        slots[static_cast<std::size_t>(name - field_names.begin())] = lua_gettop(L) - 1;
        continue;
      }
    }
    unknown.push_back(key_name(L, -2));
    lua_pop(L, 1);
  }
  std::sort(unknown.begin(), unknown.end());
  return unknown;
}

std::string read_fields(lua_State* L, const FieldSlots& slots, const engine::ClauseInfo& info,
                        PatternCache& patterns, ClauseResult& out) {
  if (auto problem = read_verdict(L, slots[verdict], out); !problem.empty()) return problem;
  if (auto problem = read_hours(L, slots[hours], out); !problem.empty()) return problem;
  if (auto problem = read_values(L, slots[values], out); !problem.empty()) return problem;
  if (auto problem = read_sentences(L, slots[reasons], "reasons", true, info, patterns, out.reasons);
      !problem.empty())
    return problem;
  if (auto problem = read_sentences(L, slots[warnings], "warnings", false, info, patterns, out.warnings);
      !problem.empty())
    return problem;
  return read_basis(L, slots[basis], info, out);
}

}  // namespace

const PatternCache::Entry* PatternCache::find(lua_State* L, const void* address, std::string_view pattern,
                                              std::string& problem) {
  if (const auto it = by_address_.find(address);
      it != by_address_.end() && it->second.message->text() == pattern)
    return &it->second;
  auto parsed = Message::parse(std::string(pattern), problem);
  if (!parsed) return nullptr;
  if (by_address_.size() >= capacity || anchors_ == LUA_NOREF) {
    by_address_.clear();
    if (anchors_ != LUA_NOREF) luaL_unref(L, LUA_REGISTRYINDEX, anchors_);
    lua_newtable(L);
    anchors_ = luaL_ref(L, LUA_REGISTRYINDEX);
  }
  Entry entry;
  entry.message = std::make_shared<const Message>(std::move(*parsed));
  // The names as Lua strings, kept alive by the anchors' table: a short
  // string is interned, so a key of the plugin's table with that name is the
  // same string, at the same address.
  lua_rawgeti(L, LUA_REGISTRYINDEX, anchors_);
  for (const auto& b : entry.message->blanks()) {
    push(L, b.name);
    entry.names.push_back(lua_tostring(L, -1));
    lua_rawseti(L, -2, static_cast<lua_Integer>(lua_rawlen(L, -2) + 1));
  }
  lua_pop(L, 1);
  return &by_address_.insert_or_assign(address, std::move(entry)).first->second;
}

std::string read_result(lua_State* L, int index, const engine::ClauseInfo& info, PatternCache& patterns,
                        ClauseResult& out) {
  if (lua_type(L, index) != LUA_TTABLE) {
    return std::string("evaluate doit renvoyer une table { verdict = ..., reasons = { ... } }, pas ") +
           luaL_typename(L, index);
  }
  index = lua_absindex(L, index);
  const int top = lua_gettop(L);
  FieldSlots slots{};
  const auto unknown = take_fields(L, index, slots);
  std::string problem;
  if (!unknown.empty()) {
    problem = "champ " + fr::quoted(unknown.front()) +
              " inconnu (champs admis : verdict, reasons, basis, hours, values, warnings)";
  } else {
    problem = read_fields(L, slots, info, patterns, out);
  }
  lua_settop(L, top);
  return problem;
}

}  // namespace clausier::lua
