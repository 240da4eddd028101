#include "lua/rules_loader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <lua.hpp>
#include <map>
#include <span>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "base/french.hpp"
#include "base/paths.hpp"
#include "base/territory.hpp"
#include "base/text.hpp"
#include "lua/lua_message.hpp"

namespace clausier::lua {
namespace {

namespace fs = std::filesystem;
using params::Kind;
using params::Status;

// ---------------------------------------------------------------------------
// Where problems go: one file, every problem reported, `failed` remembered.

struct Reporter {
  std::string file;  // as shown to users
  DiagnosticSink& diags;
  bool failed = false;
  // Path of the table being checked inside its file, put before every path
  // reported (a policy file holds several parameters: parametres["x"]).
  std::string prefix = {};

  [[nodiscard]] std::string full_path(const std::string& path) const {
    if (prefix.empty()) return path;
    if (path.empty()) return prefix;
    return prefix + (path.front() == '[' ? "" : ".") + path;
  }
  void error(const std::string& path, std::string_view message) {
    Location where;
    where.file = file;
    where.path = full_path(path);
    failed = true;
    diags.error(std::move(where), message);
  }
  void warning(const std::string& path, std::string_view message) {
    Location where;
    where.file = file;
    where.path = full_path(path);
    diags.warning(std::move(where), message);
  }
  void error_at_line(std::uint32_t line, std::string_view message) {
    Location where;
    where.file = file;
    where.line = line;
    failed = true;
    diags.error(std::move(where), message);
  }
};

Location in_file(std::string file) {
  Location where;
  where.file = std::move(file);
  return where;
}

std::string guillemets(std::string_view s) { return "« " + std::string(s) + " »"; }

// "5404000", "0.05", "1e+300": shortest text that reads back the same number.
std::string number_text(double x) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

// "a, b, c ou d"
template <class Range>
std::string or_list(const Range& items) {
  std::string out;
  std::size_t i = 0;
  for (const auto& item : items) {
    if (i > 0) out += i + 1 == std::size(items) ? " ou " : ", ";
    out += item;
    ++i;
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The choice closest to a misspelt word, when it is close enough to be a typo:
// one edit away, two for long words ("referense" -> "reference").
std::string_view closest(std::string_view word, std::span<const std::string_view> choices) {
  const std::size_t allowed = word.size() >= 8 ? 2 : 1;
  std::string_view best;
  std::size_t best_distance = allowed + 1;
  for (std::string_view c : choices) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

// "statut inconnu « verified » : vouliez-vous écrire « verifie » ?" or, when
// nothing is close, the list of what may be written.
std::string unknown_choice(std::string_view what, std::string_view found,
                           std::span<const std::string_view> choices, std::string_view list_intro) {
  std::string out = std::string(what) + " " + guillemets(found) + " : ";
  if (std::string_view guess = closest(found, choices); !guess.empty()) {
    return out + "vouliez-vous écrire " + guillemets(guess) + " ?";
  }
  return out + std::string(list_intro) + " " + or_list(choices);
}

bool is_identifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ---------------------------------------------------------------------------
// What a rule file returned, copied out of Lua: plain data only.

struct Key {
  bool named = false;
  std::int64_t index = 0;  // when !named
  std::string name;        // when named

  friend bool operator<(const Key& a, const Key& b) {
    if (a.named != b.named) return !a.named;  // indexes first
    return a.named ? a.name < b.name : a.index < b.index;
  }
};

struct Field;

struct Value {
  enum class Type { boolean, number, string, table, other };
  Type type = Type::other;
  bool boolean = false;
  double number = 0;
  std::string text;           // a string, or the Lua type name of an `other`
  std::vector<Field> fields;  // a table, sorted by key

  [[nodiscard]] const Value* get(std::string_view name) const;
  [[nodiscard]] const Value* at(std::int64_t index) const;
};

struct Field {
  Key key;
  Value value;
};

const Value* Value::get(std::string_view name) const {
  for (const Field& f : fields) {
    if (f.key.named && f.key.name == name) return &f.value;
  }
  return nullptr;
}

const Value* Value::at(std::int64_t index) const {
  for (const Field& f : fields) {
    if (!f.key.named && f.key.index == index) return &f.value;
  }
  return nullptr;
}

// How a field is named in messages, the way it is written in the file:
// "values[2].from", "values[1].value[\"45\"]".
std::string child_path(std::string_view parent, const Key& key) {
  if (!key.named) return std::string(parent) + "[" + std::to_string(key.index) + "]";
  if (is_identifier(key.name)) return parent.empty() ? key.name : std::string(parent) + "." + key.name;
  return std::string(parent) + "[\"" + key.name + "\"]";
}

std::string child_path(std::string_view parent, std::string_view name) {
  return child_path(parent, Key{true, 0, std::string(name)});
}

// "un nombre (1.5)", "un texte (« abc »)", "une table"...
std::string describe(const Value& v) {
  switch (v.type) {
    case Value::Type::boolean: return std::string("un booléen (") + (v.boolean ? "true" : "false") + ")";
    case Value::Type::number: return "un nombre (" + number_text(v.number) + ")";
    case Value::Type::string: return "un texte (" + guillemets(text::truncate(v.text, 40)) + ")";
    case Value::Type::table: return "une table";
    case Value::Type::other: break;
  }
  return "une valeur de type " + v.text;
}

// Copies a Lua value into a Value. Tables nest at most `max_depth` deep and a
// file holds at most `max_nodes` values, so a self-referencing table or a
// table built by a loop cannot exhaust the host.
class Reader {
 public:
  static constexpr int max_depth = 8;
  static constexpr std::size_t max_nodes = 100'000;

  Reader(lua_State* L, Reporter& rep) : L_(L), rep_(rep) {}

  // The value at `index` of the stack; false when the copy was abandoned.
  bool read(int index, Value& out, const std::string& path, int depth) {
    switch (lua_type(L_, index)) {
      case LUA_TBOOLEAN:
        out.type = Value::Type::boolean;
        out.boolean = lua_toboolean(L_, index) != 0;
        return true;
      case LUA_TNUMBER:
        out.type = Value::Type::number;
        out.number = lua_tonumber(L_, index);
        return true;
      case LUA_TSTRING: {
        std::size_t len = 0;
        const char* s = lua_tolstring(L_, index, &len);
        out.type = Value::Type::string;
        out.text.assign(s, len);
        return true;
      }
      case LUA_TTABLE: return read_table(lua_absindex(L_, index), out, path, depth);
      default:
        out.type = Value::Type::other;
        out.text = lua_typename(L_, lua_type(L_, index));
        return true;
    }
  }

 private:
  bool read_table(int index, Value& out, const std::string& path, int depth) {
    out.type = Value::Type::table;
    if (depth >= max_depth) {
      rep_.error(path,
                 "tables imbriquées trop profondément (plus de " + std::to_string(max_depth) +
                     " niveaux) : une règle n'a que quelques niveaux (paramètre, valeurs, table par clé)");
      return false;
    }
    lua_pushnil(L_);
    while (lua_next(L_, index) != 0) {  // key at -2, value at -1
      Field field;
      if (lua_type(L_, -2) == LUA_TSTRING) {
        std::size_t len = 0;
        const char* s = lua_tolstring(L_, -2, &len);
        field.key = Key{true, 0, std::string(s, len)};
      } else if (lua_isinteger(L_, -2)) {
        field.key = Key{false, lua_tointeger(L_, -2), {}};
      } else {
        rep_.error(path,
                   std::string("clé de type ") + luaL_typename(L_, -2) +
                       " non permise : écrivez nom = valeur, [\"texte\"] = valeur ou une liste { a, b }");
        lua_pop(L_, 1);
        continue;
      }
      if (++nodes_ > max_nodes) {
        rep_.error(path, "trop de valeurs (plus de " + std::to_string(max_nodes) +
                             ") : un fichier de règles ne décrit qu'un paramètre");
        lua_pop(L_, 2);
        return false;
      }
      const bool ok = read(-1, field.value, child_path(path, field.key), depth + 1);
      lua_pop(L_, 1);
      out.fields.push_back(std::move(field));
      if (!ok) {
        lua_pop(L_, 1);  // the key
        return false;
      }
    }
    std::sort(out.fields.begin(), out.fields.end(),
              [](const Field& a, const Field& b) { return a.key < b.key; });
    return true;
  }

  lua_State* L_;
  Reporter& rep_;
  std::size_t nodes_ = 0;
};

// ---------------------------------------------------------------------------
// Running a rule file: data only.

// The tokens of a rule file, enough to check what Lua itself does not: names,
// strings (their text between the delimiters), numbers and symbols.
struct Token {
  enum class Type { name, string, number, symbol };
  Type type;
  std::string text;
  std::uint32_t line;
};

// `source` has compiled, so strings and comments are well formed.
std::vector<Token> tokenize(std::string_view source) {
  std::vector<Token> out;
  std::uint32_t line = 1;
  auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  // Length of the long bracket opening at `i` ("[[", "[==["), or 0.
  auto long_bracket = [&](std::size_t i) -> std::size_t {
    std::size_t j = i + 1;
    while (j < source.size() && source[j] == '=') ++j;
    return j < source.size() && source[j] == '[' ? j - i + 1 : 0;
  };
  // Skips the long string or comment opening at `i`; returns its text.
  std::size_t i = 0;
  auto skip_long = [&](std::size_t open) {
    const std::string close = "]" + std::string(open - 2, '=') + "]";
    const std::size_t end = std::min(source.find(close, i + open), source.size());
    const std::string_view text = source.substr(i + open, end - (i + open));
    line += static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
    i = std::min(end + close.size(), source.size());
    return std::string(text);
  };
  while (i < source.size()) {
    const char c = source[i];
    const std::uint32_t at = line;
    if (c == '\n') {
      ++line;
      ++i;
    } else if (source.substr(i, 2) == "--") {
      i += 2;
      if (const std::size_t open = long_bracket(i); i < source.size() && source[i] == '[' && open > 0) {
        skip_long(open);
      } else {
        while (i < source.size() && source[i] != '\n') ++i;
      }
    } else if (c == '[' && long_bracket(i) > 0) {
      out.push_back({Token::Type::string, skip_long(long_bracket(i)), at});
    } else if (c == '"' || c == '\'') {
      const std::size_t start = ++i;
      for (; i < source.size() && source[i] != c; ++i) {
        if (source[i] == '\\') ++i;  // an escaped character, maybe a newline
        if (i < source.size() && source[i] == '\n') ++line;
      }
      out.push_back({Token::Type::string, std::string(source.substr(start, i - start)), at});
      ++i;
    } else if (is_word(c) ||
               (c == '.' && i + 1 < source.size() && source[i + 1] >= '0' && source[i + 1] <= '9')) {
      const bool digit = (c >= '0' && c <= '9') || c == '.';
      const std::size_t start = i;
      while (i < source.size() &&
             (is_word(source[i]) || (digit && source[i] == '.') ||
              (digit && (source[i] == '+' || source[i] == '-') &&
               std::string_view("eEpP").find(source[i - 1]) != std::string_view::npos))) {
        ++i;
      }
      out.push_back({digit ? Token::Type::number : Token::Type::name,
                     std::string(source.substr(start, i - start)), at});
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else {
      const bool pair = i + 1 < source.size() && source[i + 1] == '=' &&
                        std::string_view("=~<>").find(c) != std::string_view::npos;
      out.push_back({Token::Type::symbol, std::string(source.substr(i, pair ? 2 : 1)), at});
      i += pair ? 2 : 1;
    }
  }
  return out;
}

// Checks what Lua accepts but a rule file must not hold, reporting each with
// its line: a function (with no library, an empty environment and no function
// of its own, a rule file cannot call anything), and a key written twice in
// one table (Lua would silently keep the last one).
bool check_source(std::string_view source, Reporter& rep) {
  const std::vector<Token> tokens = tokenize(source);
  const auto is = [&](std::size_t i, std::string_view symbol) {
    return i < tokens.size() && tokens[i].type == Token::Type::symbol && tokens[i].text == symbol;
  };
  struct Frame {
    bool table;                                 // { } rather than ( ) or [ ]
    std::map<std::string, std::uint32_t> keys;  // key -> line
  };
  std::vector<Frame> open;
  bool clean = true;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const bool field_start =
        !open.empty() && open.back().table && i > 0 && (is(i - 1, "{") || is(i - 1, ",") || is(i - 1, ";"));
    const Token* key = nullptr;  // name = … or ["text"] = … or [1] = …
    if (field_start && t.type == Token::Type::name && is(i + 1, "=")) key = &t;
    if (field_start && is(i, "[") && i + 3 < tokens.size() && tokens[i + 1].type != Token::Type::symbol &&
        is(i + 2, "]") && is(i + 3, "=")) {
      key = &tokens[i + 1];
    }
    if (key != nullptr) {
      const std::string id = (key->type == Token::Type::number ? "#" : "") + key->text;
      if (auto [it, fresh] = open.back().keys.emplace(id, key->line); !fresh) {
        clean = false;
        rep.error_at_line(
            key->line, "clé " + guillemets(key->text) + " écrite deux fois dans la même table (déjà ligne " +
                           std::to_string(it->second) +
                           ") : seule la dernière compterait ; retirez ou corrigez l'une des deux");
      }
    }
    if (t.type == Token::Type::name && t.text == "function") {
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

// Reports an error message of Lua ("rules/x.lua:3: message") at its line, in
// French, saying what a rule file may hold when the file tried to do more.
void report_lua_error(Reporter& rep, std::string_view message, bool compiling) {
  const LuaMessage m = split_lua_message(message, rep.file);
  std::string out;
  if (m.line == 0) {
    out = m.text;  // the host's own messages (file too big, bytecode...) are French
  } else if (compiling) {
    out = "syntaxe Lua incorrecte (" + translate_syntax_message(m.text) +
          ") : vérifiez les accolades, les virgules entre les champs et les guillemets";
  } else if (const std::size_t g = m.text.find("(global '"); g != std::string::npos) {
    const std::string name = m.text.substr(g + 9, m.text.find('\'', g + 9) - (g + 9));
    out = guillemets(name) +
          " n'existe pas ici : un fichier de règles ne contient que des données, sans appel de fonction ni "
          "variable globale";
  } else if (m.text.starts_with("attempt to")) {
    out = translate_lua_message(m.text) + " : un fichier de règles ne contient que des données";
  } else {
    out = m.text;  // budget and memory kills
  }
  rep.error_at_line(m.line, out);
}

// Runs a rule file in a fresh state (no library, empty environment, load
// budget, memory cap) and copies the table it returns.
std::optional<Value> run_rule_file(std::string_view source, Reporter& rep, const Limits& limits) {
  Vm vm(limits);
  if (std::string error = vm.load_text(source, rep.file); !error.empty()) {
    report_lua_error(rep, error, true);
    return std::nullopt;
  }
  if (!check_source(source, rep)) return std::nullopt;
  lua_State* L = vm.state();
  lua_newtable(L);
  lua_setupvalue(L, -2, 1);  // the chunk's only upvalue, _ENV: an empty table
  const CallOutcome outcome = vm.call(0, 1, limits.load_instructions);
  if (!outcome.ok) {
    report_lua_error(rep, outcome.error, false);
    return std::nullopt;
  }
  std::optional<Value> out;
  if (!lua_istable(L, -1)) {
    Value found;
    Reader(L, rep).read(-1, found, "", 0);
    const bool nothing = lua_isnil(L, -1);
    rep.error("", "le fichier doit renvoyer une table, il renvoie " +
                      (nothing ? std::string("rien") : describe(found)) +
                      " : écrivez return { description = …, … }");
  } else if (!lua_checkstack(L, 3 * Reader::max_depth + 8)) {
    rep.error("", "mémoire épuisée en lisant le fichier");
  } else {
    out.emplace();
    if (!Reader(L, rep).read(-1, *out, "", 0)) out.reset();
  }
  lua_pop(L, 1);
  return out;
}

// ---------------------------------------------------------------------------
// The rule format: fields, units, kinds.

constexpr std::string_view parameter_fields[] = {"description", "unit", "kind", "key", "reference", "values"};
constexpr std::string_view value_fields[] = {"from", "value", "repealed", "reference", "status", "note"};
constexpr std::string_view entry_fields[] = {"status", "reference", "note"};  // besides [1], the value
constexpr std::string_view index_fields[] = {"description", "reference"};
// A directory entry: its structure, the details of params::directory_fields,
// and what is said of it.
constexpr std::string_view directory_entry_fields[] = {"structure", "institution", "site",   "courriel",
                                                       "telephone", "adresse",     "relais", "status",
                                                       "reference", "note"};

enum class ScalarType { number, boolean, text, date };

struct Unit {
  std::string_view id;
  ScalarType type;
};

constexpr Unit units[] = {
    {"EUR", ScalarType::number},    {"EUR/h", ScalarType::number}, {"ratio", ScalarType::number},
    {"heures", ScalarType::number}, {"mois", ScalarType::number},  {"jours", ScalarType::number},
    {"nombre", ScalarType::number}, {"date", ScalarType::date},    {"booleen", ScalarType::boolean},
    {"texte", ScalarType::text},    {"code", ScalarType::text}};
const Unit* find_unit(std::string_view id) {
  for (const Unit& u : units) {
    if (u.id == id) return &u;
  }
  return nullptr;
}

bool unit_fits(Kind kind, const Unit& unit) {
  switch (kind) {
    case Kind::number: return unit.type == ScalarType::number;
    case Kind::boolean: return unit.type == ScalarType::boolean;
    case Kind::text: return unit.type == ScalarType::text;
    case Kind::date: return unit.type == ScalarType::date;
    case Kind::cpv_list: return unit.id == "code";
    case Kind::directory: return unit.id == "texte";
    case Kind::map:
    case Kind::cpv_table: return true;
  }
  return false;
}

// The words a field accepts, for suggestions and messages.
std::vector<std::string_view> unit_ids() {
  std::vector<std::string_view> ids;
  for (const Unit& u : units) ids.push_back(u.id);
  return ids;
}

std::vector<std::string_view> kind_ids() {
  std::vector<std::string_view> ids;
  for (Kind k : params::all_kinds) ids.push_back(params::kind_id(k));
  return ids;
}

std::vector<std::string_view> status_ids() {
  std::vector<std::string_view> ids;
  for (Status s : params::all_statuses) ids.push_back(params::status_id(s));
  return ids;
}

// The units a kind accepts, for messages: "\"EUR\", \"EUR/h\", … ou \"mois\"".
std::string units_for(Kind kind) {
  std::vector<std::string> fitting;
  for (const Unit& u : units) {
    if (unit_fits(kind, u)) fitting.push_back("\"" + std::string(u.id) + "\"");
  }
  return or_list(fitting);
}

// Checks what a rule file returned against the format and builds the
// parameter. Reports every problem; the caller drops the parameter if any.
class RuleChecker {
 public:
  explicit RuleChecker(Reporter& rep) : rep_(rep) {}

  params::Parameter parameter(const Value& root, std::string_view name) {
    params::Parameter p;
    p.name = std::string(name);
    p.file = rep_.file;
    check_fields(root, "", parameter_fields, false);
    p.description =
        text_field(root, "", "description", "écrivez description = \"…\" (ce que le paramètre représente)")
            .value_or("");
    const Unit* unit = nullptr;
    if (auto id = text_field(root, "", "unit", "écrivez unit = \"EUR\", \"ratio\"…, selon la valeur")) {
      unit = find_unit(*id);
      if (unit == nullptr) rep_.error("unit", unknown_choice("unité inconnue", *id, unit_ids(), "écrivez"));
      p.unit = *id;
    }
    std::optional<Kind> kind;
    if (auto id =
            text_field(root, "", "kind", "écrivez kind = \"number\", \"map\"…, selon la forme des valeurs")) {
      kind = params::kind_from_id(*id);
      if (!kind)
        rep_.error("kind", unknown_choice("sorte de paramètre inconnue", *id, kind_ids(), "écrivez"));
    }
    if (unit != nullptr && kind && !unit_fits(*kind, *unit)) {
      rep_.error("unit", "l'unité " + guillemets(unit->id) + " ne convient pas à kind = \"" +
                             std::string(params::kind_id(*kind)) + "\" : écrivez unit = " + units_for(*kind));
      unit = nullptr;  // values cannot be checked against a wrong unit
    }
    if (kind == Kind::map) {
      p.key =
          text_field(root, "", "key",
                     "pour kind = \"map\", dites ce que sont les clés, par exemple key = \"type_acheteur\"")
              .value_or("");
    } else if (kind && root.get("key") != nullptr) {
      rep_.error("key", "key ne sert qu'aux tables par clé (kind = \"map\") : retirez ce champ");
    }
    p.reference = optional_text(root, "", "reference").value_or("");
    if (kind) p.kind = *kind;
    check_values(root, p, unit != nullptr && kind ? unit : nullptr);
    return p;
  }

  void index(const Value& root) {
    check_fields(root, "", index_fields, false);
    text_field(root, "", "description", "écrivez description = \"…\" (ce que contient ce dossier)");
    optional_text(root, "", "reference");
  }

 private:
  // Unknown fields, and (unless `first_index` allows [1]) items without a name.
  void check_fields(const Value& table, const std::string& path, std::span<const std::string_view> allowed,
                    bool first_index) {
    const std::string list = "les champs permis ici sont " + or_list(allowed);
    for (const Field& f : table.fields) {
      if (!f.key.named) {
        if (first_index && f.key.index == 1) continue;
        rep_.error(child_path(path, f.key),
                   "élément sans nom inattendu : écrivez nom = valeur (" + list + ")");
      } else if (std::find(allowed.begin(), allowed.end(), f.key.name) == allowed.end()) {
        std::string_view guess = closest(f.key.name, allowed);
        rep_.error(child_path(path, f.key),
                   "champ inconnu " + guillemets(f.key.name) + " : " +
                       (guess.empty() ? list : "vouliez-vous écrire " + guillemets(guess) + " ?"));
      }
    }
  }

  // Items [1]..[n] of a list; reports named fields and numbering gaps.
  std::vector<const Field*> list_items(const Value& list, const std::string& path) {
    std::vector<const Field*> items;
    for (const Field& f : list.fields) {
      if (f.key.named) {
        rep_.error(child_path(path, f.key),
                   "champ " + guillemets(f.key.name) +
                       " inattendu dans une liste : une liste s'écrit { élément, élément, … }");
      } else if (f.key.index != static_cast<std::int64_t>(items.size()) + 1) {
        rep_.error(child_path(path, f.key),
                   "élément hors séquence : numérotez à partir de 1 sans trou, "
                   "ou ne numérotez pas les éléments");
      } else {
        items.push_back(&f);
      }
    }
    return items;
  }

  std::optional<std::string> optional_text(const Value& table, const std::string& path,
                                           std::string_view name) {
    const Value* v = table.get(name);
    if (v == nullptr) return std::nullopt;
    auto text = text_value(*v, child_path(path, name));
    // References, notes and descriptions are shown to users as written, with
    // French typography (no-break spaces before ; : ! ?).
    if (text && (name == "reference" || name == "note" || name == "description"))
      *text = fr::typography(*text);
    return text;
  }

  std::optional<std::string> text_field(const Value& table, const std::string& path, std::string_view name,
                                        std::string_view what_to_write) {
    if (table.get(name) == nullptr) {
      rep_.error(path, "champ " + guillemets(name) + " manquant : " + std::string(what_to_write));
      return std::nullopt;
    }
    return optional_text(table, path, name);
  }

  std::optional<std::string> text_value(const Value& v, const std::string& path) {
    if (v.type != Value::Type::string) {
      rep_.error(path, "texte entre guillemets attendu, trouvé " + describe(v));
      return std::nullopt;
    }
    if (text::trim(v.text).empty()) {
      rep_.error(path, "texte vide : écrivez le texte, ou retirez le champ s'il est facultatif");
      return std::nullopt;
    }
    return v.text;
  }

  std::optional<Date> date_value(const Value& v, const std::string& path) {
    if (v.type != Value::Type::string) {
      rep_.error(path, "date entre guillemets attendue, au format AAAA-MM-JJ (\"2026-01-01\"), trouvé " +
                           describe(v));
      return std::nullopt;
    }
    std::optional<Date> d = Date::parse_iso(v.text);
    if (!d) rep_.error(path, "date invalide " + guillemets(v.text) + " : écrivez AAAA-MM-JJ");
    return d;
  }

  std::optional<Status> status_field(const Value& table, const std::string& path, bool required) {
    std::optional<std::string> id;
    if (required) {
      id = text_field(table, path, "status",
                      "écrivez status = \"verifie\", \"partiel\", \"a-verifier\" ou \"hypothese\"");
    } else {
      id = optional_text(table, path, "status");
    }
    if (!id) return std::nullopt;
    std::optional<Status> s = params::status_from_id(*id);
    if (!s)
      rep_.error(child_path(path, "status"), unknown_choice("statut inconnu", *id, status_ids(), "écrivez"));
    return s;
  }

  // One value of the parameter's unit.
  std::optional<params::Scalar> scalar(const Value& v, const std::string& path, const Unit& unit) {
    switch (unit.type) {
      case ScalarType::number: return number(v, path, unit);
      case ScalarType::boolean:
        if (v.type != Value::Type::boolean) {
          rep_.error(path, "booléen attendu (true ou false, sans guillemets), trouvé " + describe(v));
          return std::nullopt;
        }
        return v.boolean;
      case ScalarType::text:
        if (auto s = text_value(v, path)) return *s;
        return std::nullopt;
      case ScalarType::date:
        if (auto d = date_value(v, path)) return *d;
        return std::nullopt;
    }
    return std::nullopt;
  }

  std::optional<params::Scalar> number(const Value& v, const std::string& path, const Unit& unit) {
    if (v.type != Value::Type::number) {
      std::string message = "nombre attendu, trouvé " + describe(v);
      if (v.type == Value::Type::string)
        message += " : écrivez le nombre sans guillemets, avec un point décimal (0.05)";
      rep_.error(path, message);
      return std::nullopt;
    }
    if (!std::isfinite(v.number)) {
      rep_.error(path, "nombre infini ou indéfini : écrivez la valeur elle-même");
    } else if (v.number < 0) {
      rep_.error(path, "nombre négatif (" + number_text(v.number) +
                           ") : les montants, taux, heures et durées sont positifs ou nuls");
    } else if (unit.id == "ratio" && v.number > 1) {
      rep_.error(path,
                 "ratio " + number_text(v.number) +
                     " hors de l'intervalle 0 à 1 : écrivez une fraction, par exemple 0.05 pour 5\u202F%");
    } else {
      return v.number;
    }
    return std::nullopt;
  }

  // A value of a table entry: plain, or { value, status = …, reference = …, note = … }.
  std::optional<params::Leaf> leaf(const Value& v, const std::string& path, const Unit& unit) {
    params::Leaf out;
    if (v.type != Value::Type::table) {
      auto s = scalar(v, path, unit);
      if (!s) return std::nullopt;
      out.value = std::move(*s);
      return out;
    }
    check_fields(v, path, entry_fields, true);
    const Value* first = v.at(1);
    std::optional<params::Scalar> s;
    if (first == nullptr) {
      rep_.error(
          path,
          "valeur manquante : écrivez { valeur, status = \"…\", reference = \"…\" }, la valeur en premier");
    } else {
      s = scalar(*first, path + "[1]", unit);
    }
    out.status = status_field(v, path, false);
    out.reference = optional_text(v, path, "reference").value_or("");
    out.note = optional_text(v, path, "note").value_or("");
    if (!s) return std::nullopt;
    out.value = std::move(*s);
    return out;
  }

  // map and cpv_table: { key = value, … }, sorted by key.
  void entries(const Value& v, const std::string& path, Kind kind, const Unit& unit,
               params::DatedValue& out) {
    if (v.type != Value::Type::table) {
      rep_.error(path, "table attendue { clé = valeur, … }, trouvé " + describe(v));
      return;
    }
    if (v.fields.empty()) rep_.error(path, "table vide : indiquez au moins une entrée");
    for (const Field& f : v.fields) {
      const std::string entry_path = child_path(path, f.key);
      if (!f.key.named) {
        const std::string n = std::to_string(f.key.index);
        rep_.error(
            entry_path,
            kind == Kind::cpv_table
                ? "clé CPV écrite comme un nombre : écrivez-la entre guillemets, [\"" + n + "\"] = valeur"
                : "clé numérique : les clés d'une table sont des noms, écrivez nom = valeur");
        continue;
      }
      if (kind == Kind::cpv_table && (f.key.name.size() > 8 || !all_digits(f.key.name))) {
        rep_.error(entry_path,
                   "clé CPV invalide " + guillemets(f.key.name) +
                       " : écrivez un préfixe de code CPV de 0 à 8 chiffres, sans tiret ni chiffre de "
                       "contrôle (\"\" pour la valeur par défaut)");
        continue;
      }
      if (kind == Kind::map && text::trim(f.key.name).empty()) {
        rep_.error(entry_path, "clé vide : nommez l'entrée");
        continue;
      }
      if (auto l = leaf(f.value, entry_path, unit)) out.entries.emplace_back(f.key.name, std::move(*l));
    }
    std::sort(out.entries.begin(), out.entries.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
  }

  // cpv_list: { "75121", "8531", … }, sorted.
  void codes(const Value& v, const std::string& path, params::DatedValue& out) {
    if (v.type != Value::Type::table) {
      rep_.error(path, "liste de codes CPV attendue { \"75121\", \"8531\", … }, trouvé " + describe(v));
      return;
    }
    const std::vector<const Field*> items = list_items(v, path);
    if (v.fields.empty()) rep_.error(path, "liste vide : indiquez au moins un code CPV");
    std::map<std::string, std::string, std::less<>> seen;  // code -> where first written
    for (const Field* f : items) {
      const std::string item_path = child_path(path, f->key);
      const Value& item = f->value;
      if (item.type == Value::Type::number) {
        rep_.error(item_path, "code CPV écrit comme un nombre (" + number_text(item.number) +
                                  ") : écrivez-le entre guillemets, \"" + number_text(item.number) + "\"");
        continue;
      }
      auto code = text_value(item, item_path);
      if (!code) continue;
      if (code->size() < 2 || code->size() > 8 || !all_digits(*code)) {
        rep_.error(item_path,
                   "code CPV invalide " + guillemets(*code) +
                       " : écrivez un préfixe de 2 à 8 chiffres, sans tiret ni chiffre de contrôle");
        continue;
      }
      if (auto [it, fresh] = seen.emplace(*code, item_path); !fresh) {
        rep_.error(item_path, "code " + guillemets(*code) + " en double (déjà en " + it->second +
                                  ") : retirez l'un des deux");
        continue;
      }
      out.codes.push_back(*code);
    }
    std::sort(out.codes.begin(), out.codes.end());
  }

  // directory: { ["61"] = { structure = "…", institution = "…", site = "…",
  // status = "…", reference = "…" }, … }, sorted by département code. Each
  // entry says where it comes from and how sure it is; one without any
  // contact stays "a-verifier", and contacts are checked for their form (a
  // contact is copied from its source, never made up: rules/README.md).
  void directory(const Value& v, const std::string& path, params::DatedValue& out) {
    if (v.type != Value::Type::table) {
      rep_.error(path, "table attendue { [\"61\"] = { structure = \"…\", … }, … }, trouvé " + describe(v));
      return;
    }
    if (v.fields.empty()) rep_.error(path, "annuaire vide : indiquez au moins un département");
    for (const Field& f : v.fields) {
      const std::string entry_path = child_path(path, f.key);
      const std::string key = f.key.named ? f.key.name : std::to_string(f.key.index);
      if (!f.key.named || !is_departement_code(key)) {
        const std::optional<std::string> normal = departement_of(key);
        rep_.error(entry_path, "clé " + guillemets(key) + " : " +
                                   (normal ? "écrivez le code du département, [\"" + *normal + "\"]"
                                           : std::string("écrivez un code de département entre guillemets "
                                                         "et crochets, [\"61\"], [\"2A\"] ou [\"971\"]")));
        continue;
      }
      if (f.value.type != Value::Type::table) {
        rep_.error(entry_path,
                   "fiche attendue { structure = \"…\", institution = \"…\", status = \"…\", "
                   "reference = \"…\" }, trouvé " +
                       describe(f.value));
        continue;
      }
      std::vector<std::pair<std::string, std::string>> details;
      if (auto leaf = directory_entry(f.value, entry_path, details)) {
        out.entries.emplace_back(key, std::move(*leaf));
        out.details.emplace(key, std::move(details));
      }
    }
    std::sort(out.entries.begin(), out.entries.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
  }

  std::optional<params::Leaf> directory_entry(const Value& v, const std::string& path,
                                              std::vector<std::pair<std::string, std::string>>& details) {
    const bool failed_before = rep_.failed;
    rep_.failed = false;
    check_fields(v, path, directory_entry_fields, false);
    params::Leaf out;
    if (auto name = text_field(v, path, "structure",
                               "écrivez structure = \"…\", le nom de la structure "
                               "facilitatrice")) {
      out.value = *name;
    }
    text_field(v, path, "institution",
               "écrivez institution = \"…\", la collectivité, le groupement ou l'association qui la porte");
    bool has_contact = false;
    for (std::string_view field : params::directory_fields) {
      std::optional<std::string> text = optional_text(v, path, field);
      if (!text) continue;
      const std::string field_path = child_path(path, field);
      if (field == "site") check_site(*text, field_path);
      if (field == "courriel") check_mail(*text, field_path);
      if (field == "telephone") check_phone(*text, field_path);
      const auto& contacts = params::directory_contact_fields;
      if (std::find(std::begin(contacts), std::end(contacts), field) != std::end(contacts))
        has_contact = true;
      details.emplace_back(std::string(field), std::move(*text));
    }
    out.status = status_field(v, path, true);
    out.reference = text_field(v, path, "reference",
                               "écrivez reference = \"…\", la source de cette fiche (page, document)")
                        .value_or("");
    out.note = optional_text(v, path, "note").value_or("");
    if (!has_contact && out.status && *out.status != Status::a_verifier) {
      rep_.error(child_path(path, "status"),
                 "fiche sans coordonnée (site, courriel, telephone ou adresse) : elle garde le statut "
                 "\"a-verifier\" tant qu'aucune coordonnée n'a été relevée dans une source");
    }
    const bool ok = !rep_.failed;
    rep_.failed = failed_before || rep_.failed;
    if (!ok) return std::nullopt;
    return out;
  }

  void check_site(const std::string& site, const std::string& path) {
    const bool web = site.starts_with("https://") || site.starts_with("http://");
    if (!web || site.find(' ') != std::string::npos) {
      rep_.error(path, "adresse de page " + guillemets(site) +
                           " invalide : écrivez l'adresse complète, https://…, copiée de la source");
    }
  }

  void check_mail(const std::string& mail, const std::string& path) {
    const std::size_t at = mail.find('@');
    const bool ok = at != std::string::npos && at > 0 && mail.find('@', at + 1) == std::string::npos &&
                    mail.find('.', at) != std::string::npos && mail.back() != '.' &&
                    mail.find(' ') == std::string::npos;
    if (!ok) {
      rep_.error(path, "courriel " + guillemets(mail) +
                           " invalide : écrivez une adresse générique de la structure, nom@domaine.fr");
    }
  }

  // "02 33 81 60 00", "02.33.81.60.00", "+33 2 33 81 60 00".
  void check_phone(const std::string& phone, const std::string& path) {
    std::string digits;
    bool other = false;
    for (char c : phone) {
      if (c >= '0' && c <= '9') {
        digits += c;
      } else if (c != ' ' && c != '.' && c != '-' && !(c == '+' && digits.empty())) {
        other = true;
      }
    }
    const bool national = digits.size() == 10 && digits.front() == '0';
    const bool international = phone.starts_with("+33") && digits.size() == 11;
    if (other || !(national || international)) {
      rep_.error(path, "numéro de téléphone " + guillemets(phone) +
                           " invalide : écrivez les dix chiffres du standard, 02 33 00 00 00");
    }
  }

  // `values`: dated values in strictly ascending order. `unit` is null when
  // the kind or unit is wrong (the values are then checked for their dates,
  // status and references only).
  void check_values(const Value& root, params::Parameter& p, const Unit* unit) {
    const Value* values = root.get("values");
    if (values == nullptr) {
      rep_.error("",
                 "champ « values » manquant : écrivez values = { { from = \"AAAA-MM-JJ\", value = …, "
                 "status = \"…\", reference = \"…\" } }");
      return;
    }
    if (values->type != Value::Type::table) {
      rep_.error("values", "liste de valeurs datées attendue { { from = …, value = … }, … }, trouvé " +
                               describe(*values));
      return;
    }
    if (values->fields.empty()) rep_.error("values", "liste vide : indiquez au moins une valeur datée");
    std::optional<Date> previous;
    std::string previous_path;
    for (const Field* f : list_items(*values, "values")) {
      const std::string path = child_path("values", f->key);
      const Value& v = f->value;
      if (v.type != Value::Type::table) {
        rep_.error(path,
                   "valeur datée attendue { from = \"AAAA-MM-JJ\", value = …, status = \"…\" }, trouvé " +
                       describe(v));
        continue;
      }
      check_fields(v, path, value_fields, false);
      params::DatedValue d;
      d.path = path;
      if (const Value* from = v.get("from"); from == nullptr) {
        rep_.error(path,
                   "champ « from » manquant : écrivez from = \"AAAA-MM-JJ\", la date d'entrée en vigueur");
      } else if (std::optional<Date> date = date_value(*from, path + ".from")) {
        if (previous && *date <= *previous) {
          rep_.error(path + ".from", "la date " + guillemets(date->iso()) + " doit suivre celle de " +
                                         previous_path + " (" + guillemets(previous->iso()) +
                                         ") : classez les valeurs par date croissante, sans doublon");
        }
        d.from = *date;
        previous = date;
        previous_path = path;
      }
      if (const Value* r = v.get("repealed"); r != nullptr) {
        if (r->type != Value::Type::boolean || !r->boolean) {
          rep_.error(path + ".repealed",
                     "écrivez repealed = true pour mettre fin à la validité, ou retirez ce champ");
        } else if (f->key.index == 1) {
          rep_.error(
              path + ".repealed",
              "la première valeur ne peut pas être une abrogation : commencez par la valeur en vigueur");
        } else {
          d.repealed = true;
        }
      }
      const Value* value = v.get("value");
      if (d.repealed && value != nullptr) {
        rep_.error(path + ".value",
                   "une abrogation (repealed = true) n'a pas de valeur : retirez value ou repealed");
      } else if (!d.repealed && value == nullptr) {
        rep_.error(path,
                   "champ « value » manquant : écrivez la valeur en vigueur à partir de cette date "
                   "(ou repealed = true pour y mettre fin)");
      } else if (value != nullptr && unit != nullptr) {
        const std::string value_path = path + ".value";
        switch (p.kind) {
          case Kind::number:
          case Kind::boolean:
          case Kind::text:
          case Kind::date:
            if (auto s = scalar(*value, value_path, *unit)) d.scalar.value = std::move(*s);
            break;
          case Kind::map:
          case Kind::cpv_table: entries(*value, value_path, p.kind, *unit, d); break;
          case Kind::cpv_list: codes(*value, value_path, d); break;
          case Kind::directory: directory(*value, value_path, d); break;
        }
      }
      if (auto s = status_field(v, path, true)) d.status = *s;
      d.reference = optional_text(v, path, "reference").value_or("");
      if (d.reference.empty() && p.reference.empty() && v.get("reference") == nullptr) {
        rep_.error(path,
                   "référence manquante : ajoutez reference = \"…\" (article, décret, avis au JO, source) à "
                   "cette valeur, ou au paramètre pour toutes ses valeurs");
      }
      d.note = optional_text(v, path, "note").value_or("");
      p.values.push_back(std::move(d));
    }
  }

  Reporter& rep_;
};

// ---------------------------------------------------------------------------
// Folders.

// "seuils.ue.travaux" for seuils/ue/travaux.lua, or nothing (reported) when a
// folder or file name is not lower-case letters, digits and _.
std::optional<std::string> parameter_name(const fs::path& relative, Reporter& rep) {
  std::string name;
  for (auto it = relative.begin(); it != relative.end(); ++it) {
    const bool last = std::next(it) == relative.end();
    const std::string part = last ? it->stem().string() : it->string();
    const bool ok = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!ok) {
      rep.error(
          "", "nom invalide " + guillemets(relative.generic_string()) +
                  " : les noms de dossiers et de fichiers de règles forment le nom du paramètre, n'y mettez "
                  "que des minuscules sans accent, des chiffres et _");
      return std::nullopt;
    }
    if (!name.empty()) name += '.';
    name += part;
  }
  return name;
}

bool is_hidden(const fs::path& p) { return p.filename().string().starts_with("."); }

std::vector<fs::path> rule_files(const fs::path& dir, DiagnosticSink& diags) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (is_hidden(it->path())) {
      if (it->is_directory(type_ec)) it.disable_recursion_pending();
      continue;
    }
    // rules/tests/ holds the rule test cases (clausier rules test), not parameters.
    if (it.depth() == 0 && it->path().filename() == "tests" && it->is_directory(type_ec)) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->path().extension() == ".lua" && it->is_regular_file(type_ec)) files.push_back(it->path());
  }
  if (ec) {
    diags.error(in_file(display_path(dir)), "lecture du dossier de règles impossible (" + ec.message() + ")");
  }
  std::sort(files.begin(), files.end(), [&](const fs::path& a, const fs::path& b) {
    return a.lexically_relative(dir).generic_string() < b.lexically_relative(dir).generic_string();
  });
  return files;
}

std::optional<params::Parameter> load_file(const fs::path& dir, const fs::path& file, DiagnosticSink& diags,
                                           const Limits& limits) {
  Reporter rep{display_path(file), diags};
  const fs::path relative = file.lexically_relative(dir);
  std::string source;
  if (!read_file(file, source)) {
    rep.error("", "lecture du fichier impossible : vérifiez qu'il existe et qu'il est lisible");
    return std::nullopt;
  }
  if (file.filename() == "index.lua") {
    if (std::optional<Value> root = run_rule_file(source, rep, limits)) RuleChecker(rep).index(*root);
    return std::nullopt;
  }
  std::optional<std::string> name = parameter_name(relative, rep);
  if (!name) return std::nullopt;
  return load_rule_text(source, *name, rep.file, diags, limits);
}

}  // namespace

std::optional<params::Parameter> load_rule_text(std::string_view source, std::string_view name,
                                                std::string_view display, DiagnosticSink& diags,
                                                const Limits& limits) {
  Reporter rep{std::string(display), diags};
  std::optional<Value> root = run_rule_file(source, rep, limits);
  if (!root) return std::nullopt;
  params::Parameter p = RuleChecker(rep).parameter(*root, name);
  if (rep.failed) return std::nullopt;
  return p;
}

params::ParameterSet load_rules(const fs::path& dir, DiagnosticSink& diags, const Limits& limits) {
  params::ParameterSet out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    const bool exists = fs::exists(dir, ec);
    diags.error(in_file(display_path(dir)),
                exists ? "ce chemin n'est pas un dossier : donnez le dossier des règles (option --rules)"
                       : "dossier de règles introuvable : vérifiez le chemin donné (option --rules)");
    return out;
  }
  const std::vector<fs::path> files = rule_files(dir, diags);
  if (files.empty()) {
    diags.warning(in_file(display_path(dir)), "aucun fichier de règles (*.lua) dans ce dossier");
  }
  for (const fs::path& file : files) {
    if (std::optional<params::Parameter> p = load_file(dir, file, diags, limits)) out.put(std::move(*p));
  }
  return out;
}

void overlay_rules(params::ParameterSet& base, const fs::path& dir, DiagnosticSink& diags,
                   const Limits& limits) {
  const params::ParameterSet local = load_rules(dir, diags, limits);
  for (const auto& [name, p] : local.all()) {
    const params::Parameter* replaced = base.find(name);
    if (replaced == nullptr) {
      diags.warning(in_file(p.file), "le paramètre " + guillemets(name) +
                                         " n'existe pas dans les règles de base : il est ajouté ; vérifiez "
                                         "le nom et l'emplacement du fichier s'il devait en remplacer un");
    } else if (p.kind != replaced->kind || p.unit != replaced->unit || p.key != replaced->key) {
      const auto shape = [](const params::Parameter& q) {
        std::string s = "kind = \"" + std::string(params::kind_id(q.kind)) + "\", unit = \"" + q.unit + "\"";
        if (!q.key.empty()) s += ", key = \"" + q.key + "\"";
        return s;
      };
      diags.error(in_file(p.file), "ce paramètre local n'a pas la forme de celui qu'il remplace (" +
                                       shape(p) + " au lieu de " + shape(*replaced) +
                                       ") : gardez la même forme, les plugins le lisent ainsi ; il n'est "
                                       "pas appliqué");
      continue;
    }
    base.put(p);
  }
}

// ---------------------------------------------------------------------------
// Local policy files.

namespace {

constexpr std::string_view policy_fields[] = {"description", "reference", "parametres"};
constexpr std::string_view shape_fields[] = {"unit", "kind", "key"};

// "heures.taux_insertion": lower-case words, digits and _, joined by dots.
bool is_parameter_name(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.back() == '.') return false;
  char previous = '.';
  for (char c : name) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!word && c != '.') return false;
    if (c == '.' && previous == '.') return false;
    previous = c;
  }
  return true;
}

Value text_node(std::string s) {
  Value v;
  v.type = Value::Type::string;
  v.text = std::move(s);
  return v;
}

// The national parameter's value of a shape field ("unit", "kind", "key").
std::string shape_of(const params::Parameter& p, std::string_view field) {
  if (field == "unit") return p.unit;
  if (field == "kind") return std::string(params::kind_id(p.kind));
  return p.key;
}

// One entry of `parametres`: completed from the national parameter, checked.
std::optional<params::Parameter> policy_entry(const Field& f, const std::string& path,
                                              const params::ParameterSet& base,
                                              const std::string& default_reference, Reporter& rep) {
  const std::string& name = f.key.name;
  Value entry = f.value;
  const params::Parameter* national = base.find(name);
  bool shape_ok = true;
  if (national == nullptr) {
    std::vector<std::string_view> names;
    for (const auto& [n, p] : base.all()) names.push_back(n);
    std::string message = "le paramètre " + guillemets(name) + " n'existe pas dans les règles nationales : ";
    if (std::string_view guess = closest(name, names); !guess.empty()) {
      message += "vouliez-vous écrire " + guillemets(guess) + " ? ";
    }
    rep.warning(path,
                message + "il est ajouté tel quel (description, unit et kind doivent alors être donnés)");
  } else {
    if (entry.get("description") == nullptr)
      entry.fields.push_back({Key{true, 0, "description"}, text_node(national->description)});
    for (std::string_view field : shape_fields) {
      const std::string expected = shape_of(*national, field);
      const Value* given = entry.get(field);
      if (given == nullptr) {
        if (!expected.empty())
          entry.fields.push_back({Key{true, 0, std::string(field)}, text_node(expected)});
      } else if (given->type == Value::Type::string && given->text != expected) {
        const std::string written = given->text;
        shape_ok = false;
        // The values are checked against the national shape, so that one
        // mistake gives one message.
        for (Field& g : entry.fields) {
          if (g.key.named && g.key.name == field) g.value = text_node(expected);
        }
        if (expected.empty()) {
          std::erase_if(entry.fields, [&](const Field& g) { return g.key.named && g.key.name == field; });
        }
        rep.error(child_path(path, field),
                  std::string(field) + " = \"" + written + "\" au lieu de " +
                      (expected.empty() ? "rien" : "\"" + expected + "\"") +
                      " : un paramètre de la politique locale garde la forme (kind, unit, key) du "
                      "paramètre national qu'il remplace, les plugins le lisent ainsi ; retirez ce champ "
                      "ou corrigez-le");
      }
    }
  }
  if (entry.get("reference") == nullptr && !default_reference.empty())
    entry.fields.push_back({Key{true, 0, "reference"}, text_node(default_reference)});
  Reporter sub{rep.file, rep.diags};
  sub.prefix = path;
  params::Parameter p = RuleChecker(sub).parameter(entry, name);
  if (sub.failed || !shape_ok) {
    rep.failed = true;
    return std::nullopt;
  }
  return p;
}

}  // namespace

std::optional<LocalPolicy> load_policy_text(std::string_view source, std::string_view display,
                                            const params::ParameterSet& base, DiagnosticSink& diags,
                                            const Limits& limits) {
  Reporter rep{std::string(display), diags};
  std::optional<Value> root = run_rule_file(source, rep, limits);
  if (!root) return std::nullopt;
  LocalPolicy out;
  out.file = std::string(display);
  const std::string list = "les champs permis ici sont " + or_list(policy_fields);
  for (const Field& f : root->fields) {
    if (!f.key.named) {
      rep.error(child_path("", f.key), "élément sans nom inattendu : écrivez nom = valeur (" + list + ")");
    } else if (std::find(std::begin(policy_fields), std::end(policy_fields), f.key.name) ==
               std::end(policy_fields)) {
      std::string_view guess = closest(f.key.name, policy_fields);
      std::string hint = guess.empty() ? list : "vouliez-vous écrire " + guillemets(guess) + " ?";
      if (guess.empty() && is_parameter_name(f.key.name) && f.key.name.find('.') != std::string::npos) {
        hint = "les paramètres se placent dans parametres = { [\"" + f.key.name + "\"] = { … } }";
      }
      rep.error(child_path("", f.key), "champ inconnu " + guillemets(f.key.name) + " : " + hint);
    }
  }
  for (const char* field : {"description", "reference"}) {
    const Value* v = root->get(field);
    if (v == nullptr) continue;
    if (v->type != Value::Type::string || text::trim(v->text).empty()) {
      rep.error(field, "texte entre guillemets attendu, trouvé " + describe(*v));
    } else {
      (std::string_view(field) == "description" ? out.description : out.reference) = fr::typography(v->text);
    }
  }
  const Value* parameters = root->get("parametres");
  if (parameters == nullptr) {
    rep.error(
        "",
        "champ « parametres » manquant : écrivez parametres = { [\"heures.taux_insertion\"] = { values = "
        "{ { from = \"AAAA-MM-JJ\", value = …, status = \"…\" } } } }");
    return out;
  }
  if (parameters->type != Value::Type::table) {
    rep.error("parametres",
              "table attendue { [\"nom.du.parametre\"] = { … }, … }, trouvé " + describe(*parameters));
    return out;
  }
  if (parameters->fields.empty()) rep.warning("parametres", "aucun paramètre : la politique ne change rien");
  for (const Field& f : parameters->fields) {
    const std::string path = child_path("parametres", f.key);
    if (!f.key.named) {
      rep.error(path,
                "élément sans nom : écrivez le nom du paramètre entre crochets et guillemets, "
                "[\"heures.taux_insertion\"] = { values = { … } }");
      continue;
    }
    if (!is_parameter_name(f.key.name)) {
      rep.error(path,
                "nom de paramètre invalide " + guillemets(f.key.name) +
                    " : écrivez le nom du paramètre national, comme « heures.taux_insertion » (minuscules "
                    "sans accent, chiffres, _ et points)");
      continue;
    }
    if (f.value.type != Value::Type::table) {
      rep.error(path, "table attendue { values = { … } }, trouvé " + describe(f.value));
      continue;
    }
    if (auto p = policy_entry(f, path, base, out.reference, rep)) {
      p->file = out.file;
      out.parameters.push_back(std::move(*p));
    }
  }
  return out;
}

std::optional<LocalPolicy> load_policy(const fs::path& file, const params::ParameterSet& base,
                                       DiagnosticSink& diags, const Limits& limits) {
  std::string source;
  std::error_code ec;
  if (!fs::is_regular_file(file, ec) || !read_file(file, source)) {
    diags.error(in_file(display_path(file)),
                "fichier de politique locale introuvable ou illisible : vérifiez le chemin donné (option "
                "--policy)");
    return std::nullopt;
  }
  return load_policy_text(source, display_path(file), base, diags, limits);
}

}  // namespace clausier::lua
