#include "base/text.hpp"

#include <doctest/doctest.h>

namespace text = clausier::text;

TEST_CASE("text: UTF-8 validity and Windows-1252") {
  CHECK(text::is_valid_utf8("Référence"));
  CHECK_FALSE(
      text::is_valid_utf8("R\xE9"
                          "f\xE9rence"));
  CHECK_FALSE(text::is_valid_utf8("\xC0\x80"));  // overlong
  CHECK_FALSE(text::is_valid_utf8("\xE2\x82"));  // truncated
  CHECK(text::has_utf8_multibyte("é"));
  CHECK_FALSE(text::has_utf8_multibyte("abc"));
  CHECK(text::cp1252_to_utf8("R\xE9"
                             "f\xE9rence") == "Référence");
  CHECK(text::cp1252_to_utf8("1\xA0"
                             "000 \x80") == "1\u00A0000 €");
  CHECK(text::cp1252_to_utf8("\x9C"
                             "uvre") == "œuvre");
}

TEST_CASE("text: header keys fold case, accents and punctuation") {
  CHECK(text::fold_key("Date prévisionnelle de lancement") == "dateprevisionnelledelancement");
  CHECK(text::fold_key("Montant estimé HT (€)") == "montantestimeht");
  CHECK(text::fold_key("Part main-d'œuvre") == "partmaindoeuvre");
  CHECK(text::fold_key("N° LOT") == "nolot");
  CHECK(text::fold_key("Type d’acheteur") == "typedacheteur");
}

TEST_CASE("text: trimming and widths") {
  CHECK(text::trim("  a b \u00A0") == "a b");
  CHECK(text::trim("\u202F12\t") == "12");
  CHECK(text::trim("   ").empty());
  CHECK(text::display_width("été") == 3);
  CHECK(text::truncate("Construction", 6) == "Const…");
  CHECK(text::truncate("abc", 6) == "abc");
  CHECK(text::pad("é", 3) == "é  ");
  CHECK(text::pad("é", 3, true) == "  é");
}

TEST_CASE("text: single line") {
  CHECK(text::single_line("Nettoyage ;\r\nvitrerie\t(3 sites)") == "Nettoyage ; vitrerie (3 sites)");
}
