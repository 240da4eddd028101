#include "lua/data_file.hpp"

#include <algorithm>
#include <lua.hpp>
#include <map>
#include <utility>

#include "lua/lua_message.hpp"
#include "lua/lua_tokens.hpp"

namespace clausier::lua {

bool DataCopier::copy(int index, DataValue& out, const std::string& path) {
  return copy_at(lua_absindex(L_, index), out, path, 0);
}

bool DataCopier::copy_at(int index, DataValue& out, const std::string& path, int depth) {
  switch (lua_type(L_, index)) {
    case LUA_TBOOLEAN:
      out.type = DataValue::Type::boolean;
      out.boolean = lua_toboolean(L_, index) != 0;
      return true;
    case LUA_TNUMBER:
      out.type = DataValue::Type::number;
      out.integer = lua_isinteger(L_, index) != 0;
      out.number = lua_tonumber(L_, index);
      return true;
    case LUA_TSTRING: {
      std::size_t len = 0;
      const char* s = lua_tolstring(L_, index, &len);
      out.type = DataValue::Type::string;
      out.text.assign(s, len);
      return true;
    }
    case LUA_TTABLE: return copy_table(index, out, path, depth);
    default:
      out.type = DataValue::Type::other;
      out.text = lua_typename(L_, lua_type(L_, index));
      return true;
  }
}

bool DataCopier::copy_table(int index, DataValue& out, const std::string& path, int depth) {
  out.type = DataValue::Type::table;
  if (depth >= max_depth) {
    problems_.push_back(
        {Problem::too_deep, path,
         "tables imbriquées trop profondément (plus de " + std::to_string(max_depth) + " niveaux)"});
    return false;
  }
  lua_pushnil(L_);
  while (lua_next(L_, index) != 0) {  // key at -2, value at -1
    DataField field;
    if (lua_type(L_, -2) == LUA_TSTRING) {
      std::size_t len = 0;
      const char* s = lua_tolstring(L_, -2, &len);
      field.name.assign(s, len);
    } else if (lua_isinteger(L_, -2) != 0) {
      field.named = false;
      field.index = lua_tointeger(L_, -2);
    } else {
      problems_.push_back(
          {Problem::odd_key, path,
           std::string("clé de type ") + luaL_typename(L_, -2) +
               " non permise : écrivez nom = valeur, [\"texte\"] = valeur ou une liste { a, b "
               "}"});
      lua_pop(L_, 1);
      continue;
    }
    if (++nodes_ > max_nodes) {
      problems_.push_back(
          {Problem::too_many, path, "trop de valeurs (plus de " + std::to_string(max_nodes) + ")"});
      lua_pop(L_, 2);
      return false;
    }
    const bool ok = copy_at(lua_absindex(L_, -1), field.value, child_path(path, field), depth + 1);
    lua_pop(L_, 1);
    out.fields.push_back(std::move(field));
    if (!ok) {
      lua_pop(L_, 1);  // the key
      return false;
    }
  }
  std::sort(out.fields.begin(), out.fields.end());
  return true;
}

namespace {

// Checks what Lua accepts but a data file must not hold, reporting each with
// its line: a function (with no library, an empty environment and no function
// of its own, a data file cannot call anything), and a key written twice in
// one table (Lua would silently keep the last one).
bool check_source(std::string_view source, DataReporter& rep) {
  const std::vector<LuaToken> tokens = lua_tokens(source);
  const auto is = [&](std::size_t i, std::string_view symbol) {
    return i < tokens.size() && tokens[i].is(symbol);
  };
  struct Frame {
    bool table;                                 // { } rather than ( ) or [ ]
    std::map<std::string, std::uint32_t> keys;  // key -> line
  };
  std::vector<Frame> open;
  bool clean = true;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const LuaToken& t = tokens[i];
    const bool field_start =
        !open.empty() && open.back().table && i > 0 && (is(i - 1, "{") || is(i - 1, ",") || is(i - 1, ";"));
    const LuaToken* key = nullptr;  // name = … or ["text"] = … or [1] = …
    if (field_start && t.type == LuaToken::Type::name && is(i + 1, "=")) key = &t;
    if (field_start && is(i, "[") && i + 3 < tokens.size() && tokens[i + 1].type != LuaToken::Type::symbol &&
        is(i + 2, "]") && is(i + 3, "=")) {
      key = &tokens[i + 1];
    }
    if (key != nullptr) {
      const std::string id = (key->type == LuaToken::Type::number ? "#" : "") + key->text;
      if (auto [it, fresh] = open.back().keys.emplace(id, key->line); !fresh) {
        clean = false;
        rep.error_at_line(key->line,
                          "clé « " + key->text + " » écrite deux fois dans la même table (déjà ligne " +
                              std::to_string(it->second) +
                              ") : seule la dernière compterait ; retirez ou corrigez l'une des deux");
      }
    }
    if (t.type == LuaToken::Type::name && t.text == "function") {
      clean = false;
      rep.error_at_line(t.line,
                        "fonction interdite : un fichier de règles ne contient que des données (tables, "
                        "nombres, textes, booléens) ; écrivez la valeur elle-même");
    } else if (is(i, "{") || is(i, "(") || is(i, "[")) {
      open.push_back(Frame{is(i, "{"), {}});
    } else if ((is(i, "}") || is(i, ")") || is(i, "]")) && !open.empty()) {
      open.pop_back();
    }
  }
  return clean;
}

constexpr DataFileHints rule_file_hints{
    "un fichier de règles ne contient que des données, sans appel de fonction ni variable globale",
    "un fichier de règles ne contient que des données"};

// What a data file is told when its table is too big, after the problem.
std::string_view hint(DataCopier::Problem problem) {
  switch (problem) {
    case DataCopier::Problem::too_deep:
      return " : une règle n'a que quelques niveaux (paramètre, valeurs, table par clé)";
    case DataCopier::Problem::too_many: return " : un fichier de règles ne décrit qu'un paramètre";
    case DataCopier::Problem::odd_key: break;
  }
  return "";
}

}  // namespace

void report_lua_error(DataReporter& rep, std::string_view message, bool compiling,
                      const DataFileHints& hints) {
  const LuaMessage m = split_lua_message(message, rep.file);
  std::string out;
  if (m.line == 0) {
    out = m.text;  // the host's own messages (file too big, bytecode...) are French
  } else if (compiling) {
    out = "syntaxe Lua incorrecte (" + translate_syntax_message(m.text) +
          ") : vérifiez les accolades, les virgules entre les champs et les guillemets";
  } else if (const std::size_t g = m.text.find("(global '"); g != std::string::npos) {
    const std::string name = m.text.substr(g + 9, m.text.find('\'', g + 9) - (g + 9));
    out = "« " + name + " » n'existe pas ici : " + std::string(hints.unknown_name);
  } else if (m.text.starts_with("attempt to") && !hints.refused_operation.empty()) {
    out = translate_lua_message(m.text) + " : " + std::string(hints.refused_operation);
  } else {
    out = translate_lua_message(m.text);  // budget and memory kills are the host's, already French
  }
  rep.error_at_line(m.line, out);
}

std::optional<DataValue> run_data_file(std::string_view source, DataReporter& rep, const Limits& limits) {
  Vm vm(limits);
  if (std::string error = vm.load_text(source, rep.file); !error.empty()) {
    report_lua_error(rep, error, true, rule_file_hints);
    return std::nullopt;
  }
  if (!check_source(source, rep)) return std::nullopt;
  lua_State* L = vm.state();
  lua_newtable(L);
  lua_setupvalue(L, -2, 1);  // the chunk's only upvalue, _ENV: an empty table
  const CallOutcome outcome = vm.call(0, 1, limits.load_instructions);
  if (!outcome.ok) {
    report_lua_error(rep, outcome.error, false, rule_file_hints);
    return std::nullopt;
  }
  std::optional<DataValue> out;
  if (!lua_istable(L, -1)) {
    DataValue found;
    (void)DataCopier(L).copy(-1, found);
    const bool nothing = lua_isnil(L, -1);
    rep.error("", "le fichier doit renvoyer une table, il renvoie " +
                      (nothing ? std::string("rien") : describe(found)) +
                      " : écrivez return { description = …, … }");
  } else if (!lua_checkstack(L, 3 * DataCopier::max_depth + 8)) {
    rep.error("", "mémoire épuisée en lisant le fichier");
  } else {
    DataCopier copier(L);
    out.emplace();
    if (!copier.copy(-1, *out)) out.reset();
    for (const DataCopier::Found& f : copier.problems())
      rep.error(f.path, f.message + std::string(hint(f.problem)));
  }
  lua_pop(L, 1);
  return out;
}

}  // namespace clausier::lua
