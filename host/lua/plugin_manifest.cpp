#include "lua/plugin_manifest.hpp"

#include <cmath>
#include <lua.hpp>
#include <string>
#include <vector>

#include "base/french.hpp"
#include "base/quoted.hpp"
#include "lua/cfunction.hpp"
#include "lua/table_reader.hpp"

namespace clausier::lua {
namespace {

// Checks one manifest, field by field, reporting as it goes.
class ManifestReader {
 public:
  ManifestReader(lua_State* L, int index, const Location& where, DiagnosticSink& diags)
      : L_(L), index_(lua_absindex(L, index)), where_(where), diags_(diags) {}

  std::optional<PluginManifest> read(std::string_view expected_id, const params::ParameterSet& params) {
    read_id(expected_id);
    read_api();
    read_evaluate();
    read_optional_fields();
    check_params(params);
    for (const auto& name : unknown_fields(
             L_, index_, {"id", "api", "evaluate", "title", "label", "basis", "params", "units", "order"})) {
      diags_.warning(where_, "champ " + fr::quoted(name) +
                                 " inconnu, ignoré (champs admis : id, api, evaluate, title, label, basis, "
                                 "params, units, order)");
    }
    if (!ok_) return std::nullopt;
    if (out_.info.title.empty()) out_.info.title = out_.info.id;
    if (out_.info.label.empty()) out_.info.label = out_.info.id;
    out_.info.source = where_.file;
    return std::move(out_);
  }

 private:
  // "champ « api » invalide : <problem>".
  void invalid(std::string_view field, std::string_view problem) {
    diags_.error(where_, "champ " + fr::quoted(field) + " invalide : " + std::string(problem));
    ok_ = false;
  }

  // "champ « id » absent : <hint>".
  void missing(std::string_view field, std::string_view hint) {
    diags_.error(where_, "champ " + fr::quoted(field) + " absent : " + std::string(hint));
    ok_ = false;
  }

  // Pushes the field and returns its type; the caller pops it.
  int field(const char* name) { return raw_field(L_, index_, name); }

  void read_id(std::string_view expected) {
    const int type = field("id");
    if (type == LUA_TNIL) {
      missing("id", "il faut le nom du fichier sans .lua : id = \"" + std::string(expected) + "\"");
    } else if (type != LUA_TSTRING || string_at(L_, -1) != expected) {
      invalid("id", "il doit être le nom du fichier sans .lua : id = \"" + std::string(expected) + "\"");
    } else {
      out_.info.id = std::string(expected);
    }
    lua_pop(L_, 1);
  }

  void read_api() {
    std::vector<std::string> versions;
    for (int v = oldest_plugin_api; v <= plugin_api; ++v) versions.push_back(std::to_string(v));
    const std::string supported = "ce programme prend en charge les api " + fr::and_list(versions);
    const int type = field("api");
    if (type == LUA_TNIL) {
      missing("api",
              "il faut la version de l'API des plugins pour laquelle il est écrit (" + supported + ")");
    } else if (type != LUA_TNUMBER) {
      invalid("api", std::string("il faut un entier, pas ") + luaL_typename(L_, -1) + " (" + supported + ")");
    } else if (const double v = lua_tonumber(L_, -1);
               v != std::floor(v) || v < oldest_plugin_api || v > plugin_api) {
      invalid("api", "version " + fr::decimal(v, 3) + " non prise en charge : " + supported);
    } else {
      out_.info.api = static_cast<int>(v);
    }
    lua_pop(L_, 1);
  }

  void read_evaluate() {
    const int type = field("evaluate");
    if (type == LUA_TNIL) {
      missing("evaluate", "il faut evaluate = function(lot, ctx) ... end");
    } else if (type != LUA_TFUNCTION) {
      invalid("evaluate", std::string("il faut une fonction, pas ") + luaL_typename(L_, -1));
    }
    lua_pop(L_, 1);
  }

  void read_optional_fields() {
    const int title = field("title");
    if (title == LUA_TSTRING) {
      out_.info.title = std::string(string_at(L_, -1));
    } else if (title != LUA_TNIL) {
      invalid("title", std::string("il faut du texte, pas ") + luaL_typename(L_, -1));
    }
    lua_pop(L_, 1);
    const int label = field("label");
    if (label == LUA_TSTRING) {
      out_.info.label = std::string(string_at(L_, -1));
    } else if (label != LUA_TNIL) {
      invalid("label", std::string("il faut du texte, pas ") + luaL_typename(L_, -1));
    }
    lua_pop(L_, 1);
    read_list("basis", out_.info.basis);
    read_list("params", out_.info.params);
    if (field("units") != LUA_TNIL) {
      if (auto problem = read_string_map(L_, -1, out_.info.units); !problem.empty())
        invalid("units", problem);
    }
    lua_pop(L_, 1);
    const int order = field("order");
    if (order == LUA_TNUMBER && std::isfinite(lua_tonumber(L_, -1))) {
      out_.order = lua_tonumber(L_, -1);
    } else if (order != LUA_TNIL) {
      invalid("order", "il faut un nombre (100 par défaut)");
    }
    lua_pop(L_, 1);
  }

  void read_list(const char* name, std::vector<std::string>& out) {
    if (field(name) != LUA_TNIL) {
      if (auto problem = read_string_list(L_, -1, out); !problem.empty()) invalid(name, problem);
    }
    lua_pop(L_, 1);
  }

  void check_params(const params::ParameterSet& params) {
    for (const auto& name : out_.info.params) {
      if (params.find(name) == nullptr) {
        diags_.warning(where_, "champ " + fr::quoted("params") + " : le paramètre " + fr::quoted(name) +
                                   " n'existe pas dans les règles chargées");
      }
    }
  }

  lua_State* L_;
  int index_;
  const Location& where_;
  DiagnosticSink& diags_;
  PluginManifest out_;
  bool ok_ = true;
};

}  // namespace

std::optional<PluginManifest> read_manifest(lua_State* L, int index, std::string_view expected_id,
                                            const params::ParameterSet& params, const Location& where,
                                            DiagnosticSink& diags) {
  if (lua_type(L, index) != LUA_TTABLE) {
    diags.error(where, std::string("le plugin doit se terminer par return { id = ..., api = ..., evaluate = "
                                   "... } ; il renvoie ") +
                           luaL_typename(L, index));
    return std::nullopt;
  }
  return ManifestReader(L, index, where, diags).read(expected_id, params);
}

}  // namespace clausier::lua
