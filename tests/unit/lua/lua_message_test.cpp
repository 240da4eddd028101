#include "lua/lua_message.hpp"

#include <doctest/doctest.h>

using clausier::lua::split_lua_message;
using clausier::lua::translate_lua_message;
using clausier::lua::translate_syntax_message;

TEST_SUITE("lua.lua_message") {
  TEST_CASE("the location is split off the message") {
    auto m = split_lua_message("plugins/x.lua:12: attempt to call a nil value", "plugins/x.lua");
    CHECK(m.line == 12);
    CHECK(m.text == "attempt to call a nil value");
    m = split_lua_message("plugins/x.lua: fichier trop volumineux", "plugins/x.lua");
    CHECK(m.line == 0);
    CHECK(m.text == "fichier trop volumineux");
    // Lua shortens long chunk names.
    m = split_lua_message("...ures/plugins/escapes/x.lua:3: boom: bang",
                          "/a/very/long/path/fixtures/plugins/x.lua");
    CHECK(m.line == 3);
    CHECK(m.text == "boom: bang");
    m = split_lua_message("sans lieu: 12 fois", "plugins/x.lua");
    CHECK(m.line == 0);
    CHECK(m.text == "sans lieu: 12 fois");
  }

  TEST_CASE("Lua's runtime messages are put in French") {
    CHECK(translate_lua_message("attempt to index a nil value (field 'x')") ==
          "impossible d'indexer une valeur nil (champ « x »)");
    CHECK(translate_lua_message("attempt to call a nil value (global 'f')") ==
          "impossible d'appeler une valeur nil (variable globale « f »)");
    CHECK(translate_lua_message("attempt to perform arithmetic on a string value (local 's')") ==
          "calcul impossible sur une valeur string (variable locale « s »)");
    CHECK(translate_lua_message("attempt to concatenate a table value (upvalue 't')") ==
          "concaténation impossible d'une valeur table (variable « t »)");
    CHECK(translate_lua_message("attempt to compare number with nil") ==
          "comparaison impossible : number with nil");
    CHECK(translate_lua_message("stack overflow") == "débordement de pile : récursion trop profonde");
    CHECK(translate_lua_message("bad argument #2 to 'rep' (number expected, got string)") ==
          "argument n° 2 de « rep » invalide (number attendu, reçu string)");
    CHECK(translate_lua_message("bad argument #1 to 'find' (string expected, got no value)") ==
          "argument n° 1 de « find » invalide (string attendu, rien reçu)");
    CHECK(translate_lua_message("un message du plugin") == "un message du plugin");
  }

  TEST_CASE("the compiler's messages are put in French") {
    CHECK(translate_syntax_message("'=' expected near 'x'") == "'=' attendu près de 'x'");
    CHECK(translate_syntax_message("'end' expected (to close 'function' at line 2) near 'return'") ==
          "'end' attendu (pour fermer 'function' de la ligne 2) près de 'return'");
    CHECK(translate_syntax_message("unexpected symbol near '='") == "symbole inattendu près de '='");
  }
}
