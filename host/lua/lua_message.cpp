#include "lua/lua_message.hpp"

#include <array>
#include <charconv>
#include <utility>

namespace clausier::lua {
namespace {

using Rule = std::pair<std::string_view, std::string_view>;

// Messages of the Lua virtual machine, followed by "<type> value<details>".
constexpr std::array value_rules = {
    Rule{"attempt to index a ", "impossible d'indexer une valeur "},
    Rule{"attempt to call a ", "impossible d'appeler une valeur "},
    Rule{"attempt to perform arithmetic on a ", "calcul impossible sur une valeur "},
    Rule{"attempt to perform bitwise operation on a ", "opération bit à bit impossible sur une valeur "},
    Rule{"attempt to concatenate a ", "concaténation impossible d'une valeur "},
    Rule{"attempt to get length of a ", "longueur impossible à calculer pour une valeur "},
};

// Whole messages or message starts.
constexpr std::array prefix_rules = {
    Rule{"attempt to compare ", "comparaison impossible : "},
    Rule{"C stack overflow", "débordement de pile : récursion trop profonde"},
    Rule{"stack overflow", "débordement de pile : récursion trop profonde"},
    Rule{"table index is nil", "index de table nil"},
    Rule{"table index is NaN", "index de table NaN"},
    Rule{"number has no integer representation", "ce nombre n'a pas de représentation entière"},
    Rule{"invalid order function for sorting", "fonction d'ordre invalide pour le tri"},
    Rule{"resulting string too large", "chaîne résultante trop longue"},
};

// " (field 'x')" and the like, which name the variable involved.
constexpr std::array variable_rules = {
    Rule{"field", "champ"},      Rule{"global", "variable globale"}, Rule{"local", "variable locale"},
    Rule{"upvalue", "variable"}, Rule{"method", "méthode"},          Rule{"constant", "constante"},
};

// " (field 'x')" -> " (champ « x »)"; anything else is kept.
std::string translate_details(std::string_view details) {
  for (const auto& [en, fr] : variable_rules) {
    const std::string open = " (" + std::string(en) + " '";
    if (details.starts_with(open) && details.ends_with("')")) {
      const auto name = details.substr(open.size(), details.size() - open.size() - 2);
      return " (" + std::string(fr) + " « " + std::string(name) + " »)";
    }
  }
  return std::string(details);
}

// "bad argument #1 to 'rep' (number expected, got no value)".
bool translate_bad_argument(std::string_view text, std::string& out) {
  constexpr std::string_view start = "bad argument #";
  if (!text.starts_with(start)) return false;
  const auto to = text.find(" to '");
  const auto name_end = to == std::string_view::npos ? to : text.find('\'', to + 5);
  if (name_end == std::string_view::npos) return false;
  out = "argument n° " + std::string(text.substr(start.size(), to - start.size())) + " de « " +
        std::string(text.substr(to + 5, name_end - to - 5)) + " » invalide" +
        std::string(text.substr(name_end + 1));
  // "(string expected, got no value)"
  for (const auto& [en, fr] :
       {Rule{" expected, got no value", " attendu, rien reçu"}, Rule{" expected, got ", " attendu, reçu "}}) {
    if (const auto at = out.find(en); at != std::string::npos) {
      out.replace(at, en.size(), fr);
      break;
    }
  }
  return true;
}

// Fragments of the compiler's messages.
constexpr std::array syntax_rules = {
    Rule{"unexpected symbol near ", "symbole inattendu près de "},
    Rule{"unfinished string near ", "chaîne non terminée près de "},
    Rule{"unfinished long string", "chaîne longue non terminée"},
    Rule{"unfinished long comment", "commentaire long non terminé"},
    Rule{"malformed number near ", "nombre mal formé près de "},
    Rule{" expected near ", " attendu près de "},
    Rule{" expected (to close ", " attendu (pour fermer "},
    Rule{" at line ", " de la ligne "},
    Rule{") near ", ") près de "},
};

// Index of the colon that ends the source name: after `source` itself, or
// else the first one followed by "LINE:".
std::size_t location_end(std::string_view message, std::string_view source) {
  if (message.starts_with(source) && message.substr(source.size()).starts_with(":")) return source.size();
  for (std::size_t i = message.find(':'); i != std::string_view::npos; i = message.find(':', i + 1)) {
    std::size_t j = i + 1;
    while (j < message.size() && message[j] >= '0' && message[j] <= '9') ++j;
    if (j > i + 1 && j < message.size() && message[j] == ':') return i;
  }
  return std::string_view::npos;
}

}  // namespace

LuaMessage split_lua_message(std::string_view message, std::string_view source) {
  const std::size_t colon = location_end(message, source);
  if (colon == std::string_view::npos) return {0, std::string(message), {}};
  LuaMessage out;
  out.chunk = std::string(message.substr(0, colon));
  const char* end = message.data() + message.size();
  std::size_t rest = colon + 1;
  const auto [ptr, ec] = std::from_chars(message.data() + rest, end, out.line);
  if (ec == std::errc() && ptr != end && *ptr == ':') {
    rest = static_cast<std::size_t>(ptr - message.data()) + 1;
  } else {
    out.line = 0;
  }
  while (rest < message.size() && message[rest] == ' ') ++rest;
  out.text = std::string(message.substr(rest));
  return out;
}

std::string translate_lua_message(std::string_view text) {
  for (const auto& [en, fr] : value_rules) {
    if (!text.starts_with(en)) continue;
    const auto value = text.find(" value", en.size());
    if (value == std::string_view::npos) break;
    return std::string(fr) + std::string(text.substr(en.size(), value - en.size())) +
           translate_details(text.substr(value + 6));
  }
  for (const auto& [en, fr] : prefix_rules) {
    if (text.starts_with(en)) return std::string(fr) + std::string(text.substr(en.size()));
  }
  std::string out;
  if (translate_bad_argument(text, out)) return out;
  return std::string(text);
}

std::string translate_syntax_message(std::string_view text) {
  std::string out(text);
  for (const auto& [en, fr] : syntax_rules) {
    for (auto at = out.find(en); at != std::string::npos; at = out.find(en, at + fr.size())) {
      out.replace(at, en.size(), fr);
    }
  }
  return out;
}

}  // namespace clausier::lua
