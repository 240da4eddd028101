#include "lua/case_file.hpp"

#include <algorithm>
#include <lua.hpp>
#include <utility>

#include "lua/cfunction.hpp"
#include "lua/lua_message.hpp"

namespace clausier::lua {
namespace {

constexpr int max_depth = 8;
constexpr std::size_t max_nodes = 100'000;

struct Recorder {
  std::vector<CaseCall>* out;
  std::size_t nodes = 0;
};

// Copies the value at `index` into `out`; raises a Lua error (located at the
// calling line of `case`) when it is too deep, too big or has an odd key.
void copy(lua_State* L, int index, DataValue& out, int depth, Recorder& rec) {
  index = lua_absindex(L, index);
  switch (lua_type(L, index)) {
    case LUA_TBOOLEAN:
      out.type = DataValue::Type::boolean;
      out.boolean = lua_toboolean(L, index) != 0;
      return;
    case LUA_TNUMBER:
      out.type = DataValue::Type::number;
      out.integer = lua_isinteger(L, index) != 0;
      out.number = lua_tonumber(L, index);
      return;
    case LUA_TSTRING: {
      std::size_t n = 0;
      const char* s = lua_tolstring(L, index, &n);
      out.type = DataValue::Type::string;
      out.text.assign(s, n);
      return;
    }
    case LUA_TTABLE: break;
    default:
      out.type = DataValue::Type::other;
      out.text = luaL_typename(L, index);
      return;
  }
  out.type = DataValue::Type::table;
  if (depth >= max_depth) {
    luaL_error(L, "case : tables imbriquées trop profondément (plus de %d niveaux)", max_depth);
  }
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {  // key at -2, value at -1
    DataField field;
    if (lua_type(L, -2) == LUA_TSTRING) {
      std::size_t n = 0;
      const char* s = lua_tolstring(L, -2, &n);
      field.name.assign(s, n);
    } else if (lua_isinteger(L, -2) != 0) {
      field.named = false;
      field.index = lua_tointeger(L, -2);
    } else {
      luaL_error(L, "case : clé de type %s non permise : écrivez nom = valeur ou une liste { a, b }",
                 luaL_typename(L, -2));
    }
    if (++rec.nodes > max_nodes) {
      luaL_error(L, "case : trop de valeurs dans ce fichier (plus de %d)", static_cast<int>(max_nodes));
    }
    copy(L, -1, field.value, depth + 1, rec);
    lua_pop(L, 1);
    out.fields.push_back(std::move(field));
  }
  std::sort(out.fields.begin(), out.fields.end(), [](const DataField& a, const DataField& b) {
    if (a.named != b.named) return a.named;
    return a.named ? a.name < b.name : a.index < b.index;
  });
}

// case { … }: records the table and the line of the call.
int record_case(lua_State* L) {
  auto* rec = static_cast<Recorder*>(lua_touserdata(L, lua_upvalueindex(1)));
  if (lua_type(L, 1) != LUA_TTABLE) {
    return luaL_error(L,
                      "case attend une table : écrivez case { name = \"…\", lot = { … }, expect = { … } } "
                      "(reçu : %s)",
                      luaL_typename(L, 1));
  }
  if (lua_gettop(L) > 1) return luaL_error(L, "case ne prend qu'une table : case { … }");
  CaseCall call;
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar) != 0 && lua_getinfo(L, "l", &ar) != 0 && ar.currentline > 0) {
    call.line = static_cast<std::uint32_t>(ar.currentline);
  }
  if (lua_checkstack(L, 2 * max_depth + 8) == 0) return luaL_error(L, "case : pile Lua épuisée");
  copy(L, 1, call.table, 0, *rec);
  rec->out->push_back(std::move(call));
  return 0;
}

}  // namespace

const DataValue* DataValue::get(std::string_view name) const {
  for (const DataField& f : fields) {
    if (f.named && f.name == name) return &f.value;
  }
  return nullptr;
}

CaseFileRun run_case_file(std::string_view source, std::string_view display, DiagnosticSink& diags,
                          const Limits& limits) {
  CaseFileRun run;
  auto report = [&](std::string_view message, bool compiling) {
    const LuaMessage m = split_lua_message(message, display);
    std::string text;
    if (m.line == 0) {
      text = m.text;  // the host's own messages (file too big, bytecode…) are French
    } else if (compiling) {
      text = "syntaxe Lua incorrecte (" + translate_syntax_message(m.text) +
             ") : vérifiez les accolades, les virgules entre les champs et les guillemets";
    } else {
      text = translate_lua_message(m.text);
      if (m.text.find("(global '") != std::string::npos) {
        text += " : un fichier de cas ne connaît que la fonction case (aucune bibliothèque n'y est chargée)";
      }
    }
    diags.error(Location::in_file(std::string(display), m.line), text);
    run.ok = false;
  };

  Vm vm(limits);
  if (std::string error = vm.load_text(source, display); !error.empty()) {
    report(error, true);
    return run;
  }
  lua_State* L = vm.state();
  Recorder rec{&run.cases};
  lua_createtable(L, 0, 1);  // the file's _ENV: `case` and nothing else
  lua_pushlightuserdata(L, &rec);
  lua_pushcclosure(L, &guarded<record_case>, 1);
  lua_setfield(L, -2, "case");
  lua_setupvalue(L, -2, 1);  // a main chunk's only upvalue is _ENV
  const CallOutcome outcome = vm.call(0, 0, limits.load_instructions);
  if (!outcome.ok) report(outcome.error, false);
  return run;
}

}  // namespace clausier::lua
