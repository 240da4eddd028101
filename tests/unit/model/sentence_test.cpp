// Sentences with blanks: a pattern parsed once, values written when shown.
#include "model/sentence.hpp"

#include <doctest/doctest.h>

using namespace clausier;

namespace {

Message parse(const std::string& text) {
  std::string problem;
  auto m = Message::parse(text, problem);
  REQUIRE_MESSAGE(m, problem);
  return *m;
}

std::string problem_of(const std::string& text) {
  std::string problem;
  CHECK_FALSE(Message::parse(text, problem));
  return problem;
}

}  // namespace

TEST_CASE("a pattern gets French typography around its blanks, as the whole sentence would") {
  const Message m = parse("Seuil : {seuil:euros} ; total {total:euros} !");
  CHECK(m.pattern() == "Seuil\u00A0: {seuil}\u202F; total {total}\u202F!");
  REQUIRE(m.blanks().size() == 2);
  CHECK(m.blanks()[0].name == "seuil");
  CHECK(m.blanks()[0].format == BlankFormat::euros);
  CHECK(m.blank("total") == 1);
  CHECK_FALSE(m.blank("autre"));
  // The filled sentence is what typography gives on the sentence written whole.
  CHECK(m.fill({216000.0, 1500000.5}) ==
        "Seuil\u00A0: 216\u202F000\u00A0€\u202F; total 1\u202F500\u202F000,50\u00A0€\u202F!");
  CHECK(m.text() == "Seuil : {seuil:euros} ; total {total:euros} !");
}

TEST_CASE("each format writes its value as ctx.fmt does") {
  const Message m = parse("{a} {b} {c} {d:percent} {e:number} {f:number:4} {g:hours} {h:date} {i:number:0}");
  CHECK(m.fill({std::string("l'acheteur : oui"), true, 2.5, 0.125, 3.14159, 3.14159, 1.0,
                std::string("2027-01-01"), 2.5}) ==
        "l'acheteur\u00A0: oui oui 2,5 12,5\u202F% 3,14 3,1416 1 heure 1er janvier 2027 3");
  CHECK(m.write(1, false) == "non");
  // Checked when read: the value must suit the blank.
  CHECK(m.check(3, std::string("5 %")) == "le blanc « d » attend un nombre, pas du texte");
  CHECK(m.check(3, true) == "le blanc « d » attend un nombre, pas un booléen");
  CHECK(m.check(7, std::string("01/01/2027")) == "le blanc « h » attend une date AAAA-MM-JJ");
  CHECK(m.check(6, 1e300) == "le blanc « g » attend un nombre d'heures plausible");
  CHECK(m.check(0, 1.0).empty());
}

TEST_CASE("a malformed pattern is refused, saying what to write") {
  CHECK(problem_of("Montant {m") == "blanc non fermé (position 9) : écrivez {nom} ou {nom:format}");
  CHECK(problem_of("Montant {m {n}") == "blanc non fermé (position 9) : écrivez {nom} ou {nom:format}");
  CHECK(problem_of("Montant m}") == "accolade fermante sans blanc ouvert (position 10)");
  CHECK(problem_of("{}") ==
        "blanc « {} » sans nom : écrivez {nom} ou {nom:format}, le nom en lettres, chiffres et _");
  CHECK(problem_of("{é}") ==
        "blanc « {é} » : le nom ne prend que des lettres sans accent, des chiffres et _");
  CHECK(problem_of("{m:euro}") ==
        "blanc « {m:euro} » : format inconnu (formats : euros, percent, number, number:N, hours, date, N de "
        "0 à 6)");
  CHECK(problem_of("{m:number:7}").starts_with("blanc « {m:number:7} » : format inconnu"));
  CHECK(problem_of("{m:euros:2}").starts_with("blanc « {m:euros:2} » : format inconnu"));
  CHECK(problem_of("{a} {a}") == "le blanc « a » figure deux fois : donnez un nom à chaque blanc");
}

TEST_CASE("a sentence is a text, or a message and its values") {
  const Sentence plain("Texte.");
  CHECK(plain.message() == nullptr);
  CHECK(plain.text() == "Texte.");
  auto m = std::make_shared<const Message>(parse("{n:hours} proposées."));
  const Sentence filled(m, {833.0});
  CHECK(filled.message() == m.get());
  CHECK(filled.text() == "833 heures proposées.");
  CHECK(filled == Sentence("833 heures proposées."));
  CHECK(texts({plain, filled}) == std::vector<std::string>{"Texte.", "833 heures proposées."});
}
