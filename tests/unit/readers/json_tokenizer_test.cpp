#include "readers/json_tokenizer.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "csv_test_support.hpp"

namespace {

using clausier::readers::ChunkedInput;
using clausier::readers::JsonError;
using clausier::readers::JsonLimits;
using clausier::readers::JsonTokenizer;
using Token = JsonTokenizer::Token;
using clausier::testing::plain;

// Every token of `json` as "kind:text@line", or "ERROR@line: message".
std::string tokens(const std::string& json, JsonLimits limits = {}, std::size_t chunk = 3) {
  std::istringstream in(json);
  ChunkedInput input(in, chunk);
  JsonTokenizer t(input, limits);
  std::string out;
  try {
    for (Token k = t.next(); k != Token::end; k = t.next()) {
      const char* kind = "";
      switch (k) {
        case Token::object_begin: kind = "{"; break;
        case Token::object_end: kind = "}"; break;
        case Token::array_begin: kind = "["; break;
        case Token::array_end: kind = "]"; break;
        case Token::key: kind = "key"; break;
        case Token::string: kind = "str"; break;
        case Token::number: kind = "num"; break;
        case Token::literal_true:
        case Token::literal_false:
        case Token::literal_null: kind = "lit"; break;
        case Token::end: break;
      }
      out += kind;
      if (k == Token::key || k == Token::string || k == Token::number || k == Token::literal_true ||
          k == Token::literal_false || k == Token::literal_null) {
        out += ":" + t.text();
      }
      if (t.cut()) out += "(cut)";
      if (t.recoded()) out += "(1252)";
      out += "@" + std::to_string(t.line()) + " ";
    }
  } catch (const JsonError& e) {
    out += "ERROR@" + std::to_string(e.line()) + ": " + plain(e.message());
  }
  return out;
}

}  // namespace

TEST_SUITE("readers.json_tokenizer") {
  TEST_CASE("tokens, their text and their line, whatever the chunk size") {
    const std::string json = "{\"a\": [1, -2.5e3, true,\n false, null],\n \"b\": {\"c\": \"d\"}, \"e\": []}";
    const std::string expected =
        "{@1 key:a@1 [@1 num:1@1 num:-2.5e3@1 lit:true@1 lit:false@2 lit:null@2 ]@2 key:b@3 {@3 key:c@3 "
        "str:d@3 "
        "}@3 key:e@3 [@3 ]@3 }@3 ";
    CHECK(tokens(json) == expected);
    CHECK(tokens(json, {}, 1) == expected);
    CHECK(tokens(json, {}, 65536) == expected);
  }

  TEST_CASE("escapes, surrogate pairs, UTF-8 and a BOM") {
    CHECK(tokens("\xEF\xBB\xBF[\"\\\"\\\\\\/\\b\\n\\t\\u00e9\\ud83d\\ude00\", \"Marché\"]") ==
          "[@1 str:\"\\/\b\n\t\xC3\xA9\xF0\x9F\x98\x80@1 str:March\xC3\xA9@1 ]@1 ");
    // A lone surrogate and NUL become U+FFFD.
    CHECK(tokens("[\"\\ud83d x\", \"\\u0000\"]") == "[@1 str:\xEF\xBF\xBD x@1 str:\xEF\xBF\xBD@1 ]@1 ");
    // UTF-16 with a BOM is converted by the input.
    CHECK(tokens(std::string("\xFF\xFE[\0\"\0\xE9\0\"\0]\0", 12)) == "[@1 str:\xC3\xA9@1 ]@1 ");
  }

  TEST_CASE("a string that is not UTF-8 is read as Windows-1252, and says so") {
    CHECK(tokens("[\"March\xE9 \x80\"]") == "[@1 str:March\xC3\xA9 \xE2\x82\xAC(1252)@1 ]@1 ");
  }

  TEST_CASE("a string longer than the cap is cut, not refused, and reading goes on") {
    JsonLimits limits;
    limits.max_string_bytes = 4;
    CHECK(tokens("[\"abcdefgh\", \"ab\"]", limits) == "[@1 str:abcd(cut)@1 str:ab@1 ]@1 ");
    // Never in the middle of a character.
    CHECK(tokens("[\"abc\xC3\xA9\"]", limits) == "[@1 str:abc(cut)@1 ]@1 ");
  }

  TEST_CASE("grammar errors name the line and what is wrong") {
    CHECK(tokens("{\"a\" 1}")
              .ends_with("ERROR@1: caractère inattendu « 1 » : le fichier n'est pas un JSON valide à cet "
                         "endroit (virgule, "
                         "deux-points, guillemet ou accolade manquant ?)"));
    CHECK(tokens("[1,\n2\n3]")
              .ends_with("ERROR@3: caractère inattendu « 3 » : le fichier n'est pas un JSON valide "
                         "à cet endroit (virgule, deux-points, guillemet ou accolade manquant ?)"));
    CHECK(tokens("[1,]").find("ERROR@1: caractère inattendu « ] »") != std::string::npos);
    CHECK(tokens("{\"a\":1,}").find("ERROR@1: caractère inattendu « } »") != std::string::npos);
    CHECK(tokens("[01]").find("ERROR@1: nombre mal formé « 0 » suivi d'un chiffre") != std::string::npos);
    CHECK(tokens("[1.]").find("ERROR@1: nombre mal formé « 1. » : un chiffre est attendu") !=
          std::string::npos);
    CHECK(tokens("[tru]").find("ERROR@1: caractère inattendu « ] »") != std::string::npos);
    CHECK(tokens("[\"\\x\"]").find("ERROR@1: séquence d'échappement inconnue \\x") != std::string::npos);
    CHECK(tokens("[\"\\u12G4\"]").find("ERROR@1: séquence \\u mal formée") != std::string::npos);
    CHECK(tokens("[1] [2]").ends_with(
        "ERROR@1: données après la fin du document JSON (caractère « [ ») : le fichier est peut-être la "
        "concaténation de plusieurs fichiers"));
    CHECK(
        tokens("").ends_with("ERROR@1: le fichier ne contient aucune donnée JSON : vérifiez qu'il s'agit "
                             "bien du fichier téléchargé"));
    CHECK(tokens("[" + std::string(100, '9') + "]").find("ERROR@1: nombre de plus de 64 caractères") !=
          std::string::npos);
  }

  TEST_CASE("a truncated file says where the open structure started") {
    CHECK(tokens("{\"marches\":\n [\n {\"id\": \"1\"")
              .ends_with("ERROR@3: fin de fichier au milieu des données (objet ouvert ligne 3) : le fichier "
                         "JSON est tronqué ; "
                         "téléchargez-le de nouveau"));
    CHECK(tokens("[\"abc").ends_with(
        "ERROR@1: fin de fichier dans une chaîne commencée ligne 1 : le fichier JSON est tronqué ; "
        "téléchargez-le de nouveau"));
    CHECK(tokens("[1, 2").find("ERROR@1: fin de fichier au milieu des données (tableau ouvert ligne 1)") !=
          std::string::npos);
  }

  TEST_CASE("nesting deeper than the cap stops the reading, without deep recursion") {
    JsonLimits limits;
    limits.max_depth = 8;
    CHECK(tokens(std::string(8, '[') + std::string(8, ']'), limits).find("ERROR") == std::string::npos);
    CHECK(tokens(std::string(9, '['), limits)
              .ends_with("ERROR@1: plus de 8 niveaux d'objets et de tableaux imbriqués : ce fichier n'a pas "
                         "la forme de données "
                         "publiées, il n'est pas lu plus loin"));
    // The default cap holds against a million brackets.
    CHECK(tokens(std::string(1'000'000, '['), {}, 65536).find("ERROR@1: plus de 64 niveaux") !=
          std::string::npos);
  }

  TEST_CASE("skip_value skips a whole object or array, and nothing for a scalar") {
    std::istringstream in("{\"a\": {\"b\": [1, {\"c\": 2}]}, \"d\": 3, \"e\": 4}");
    ChunkedInput input(in, 2);
    JsonTokenizer t(input);
    CHECK(t.next() == Token::object_begin);
    CHECK(t.next() == Token::key);
    CHECK(t.next() == Token::object_begin);
    t.skip_value();
    CHECK(t.depth() == 1);
    CHECK(t.next() == Token::key);
    CHECK(t.text() == "d");
    CHECK(t.next() == Token::number);
    t.skip_value();
    CHECK(t.next() == Token::key);
    CHECK(t.text() == "e");
  }
}
