#include "readers/values.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

using clausier::BuyerType;
using clausier::Date;
using clausier::Nature;
using clausier::readers::Cell;
namespace r = clausier::readers;

Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

Cell number(double x, bool percent = false, bool date = false) {
  Cell c;
  c.type = Cell::Type::number;
  c.number = x;
  c.is_percent = percent;
  c.is_date = date;
  return c;
}

std::int64_t cents(std::string_view text) {
  const auto p = r::parse_amount(text);
  INFO(std::string(text), " -> ", p.error());
  REQUIRE(p.ok());
  return p.value();
}

std::string amount_error(std::string_view text) {
  const auto p = r::parse_amount(text);
  REQUIRE_FALSE(p.ok());
  return p.error();
}

}  // namespace

TEST_SUITE("readers/values") {
  TEST_CASE("amounts in the forms buyers write them") {
    CHECK(cents("1 234 567,89 €") == 123456789);
    CHECK(cents("1234567.89") == 123456789);
    CHECK(cents("1234567,89") == 123456789);
    CHECK(cents("1 234 567") == 123456700);
    CHECK(cents("1.234.567,89") == 123456789);
    CHECK(cents("1,234,567.89") == 123456789);
    CHECK(cents("1.234.567") == 123456700);
    CHECK(cents("1 000 000,00 € HT") == 100000000);
    CHECK(cents("245000 EUR") == 24500000);
    CHECK(cents("245 000 euros HT") == 24500000);
    CHECK(cents("€ 1 500") == 150000);
    CHECK(cents("  12,5 ") == 1250);
    CHECK(cents("0") == 0);
    CHECK(cents("0,125") == 13);         // rounded half up to the cent
    CHECK(cents("1234,567") == 123457);  // three decimals, unambiguous: rounded
  }

  TEST_CASE("amounts with no-break spaces (U+00A0, U+202F) as group separators") {
    CHECK(cents("1\u00A0234\u00A0567,89\u00A0€") == 123456789);
    CHECK(cents("1\u202F234\u202F567,89\u00A0€") == 123456789);
    CHECK(cents("1\u202F000\u202F000") == 100000000);
  }

  TEST_CASE("unreadable, ambiguous and negative amounts are refused with what to write") {
    CHECK(amount_error("12,3,4") == "montant illisible « 12,3,4 » : écrivez par exemple 1 234 567,89 €");
    CHECK(amount_error("12,3,4 €") == "montant illisible « 12,3,4 € » : écrivez par exemple 1 234 567,89 €");
    CHECK(amount_error("environ 1 M€") ==
          "montant illisible « environ 1 M€ » : écrivez par exemple 1 234 567,89 €");
    CHECK(amount_error("12 34").starts_with("montant illisible"));
    CHECK(amount_error("1 234.567,89").starts_with("montant illisible"));  // two kinds of group separator
    CHECK(amount_error("1,234.567,8").starts_with("montant illisible"));
    CHECK(amount_error("1234 567").starts_with("montant illisible"));
    CHECK(amount_error("1 234,").starts_with("montant illisible"));
    CHECK(amount_error("abc").starts_with("montant illisible"));
    CHECK(
        amount_error("1.234") ==
        "montant ambigu « 1.234 » : milliers ou décimales ? Écrivez par exemple 1 234 pour des milliers, ou "
        "1,23 pour des décimales");
    CHECK(amount_error("1,234").starts_with("montant ambigu"));
    CHECK(amount_error("-5 000 €") ==
          "montant négatif « -5 000 € » : indiquez un montant positif, hors taxes");
    CHECK(amount_error("1 200 € TTC") ==
          "montant « 1 200 € TTC » toutes taxes comprises : indiquez le montant hors taxes (HT)");
    CHECK(amount_error("") == "montant vide : écrivez par exemple 1 234 567,89 €");
    CHECK(amount_error("1234567890123456").starts_with("montant trop grand"));
  }

  TEST_CASE("amounts from typed spreadsheet cells") {
    CHECK(r::parse_amount(number(1234567.89)).value() == 123456789);
    CHECK(r::parse_amount(number(1e6)).value() == 100000000);
    CHECK(r::parse_amount(number(-1)).error() ==
          "montant négatif « -1 » : indiquez un montant positif, hors taxes");
    Cell text;
    text.type = Cell::Type::text;
    text.text = "1 000 €";
    CHECK(r::parse_amount(text).value() == 100000);
  }

  TEST_CASE("hourly cost") {
    CHECK(r::parse_hourly_cost("25,50 €").value() == doctest::Approx(25.5));
    CHECK(r::parse_hourly_cost("25.5 €/h").value() == doctest::Approx(25.5));
    CHECK(r::parse_hourly_cost("30 € / heure").value() == doctest::Approx(30));
    CHECK(r::parse_hourly_cost(number(27.4)).value() == doctest::Approx(27.4));
    CHECK(r::parse_hourly_cost("trente").error() ==
          "coût horaire illisible « trente » : écrivez par exemple 25,50 €");
  }

  TEST_CASE("ratios and percentages") {
    CHECK(r::parse_ratio("50 %").value() == doctest::Approx(0.5));
    CHECK(r::parse_ratio("50%").value() == doctest::Approx(0.5));
    CHECK(r::parse_ratio("0,5").value() == doctest::Approx(0.5));
    CHECK(r::parse_ratio("0.5").value() == doctest::Approx(0.5));
    CHECK(r::parse_ratio("50").value() == doctest::Approx(0.5));  // above 1 without %: a percentage
    CHECK(r::parse_ratio("7,5 %").value() == doctest::Approx(0.075));
    CHECK(r::parse_ratio("100 %").value() == doctest::Approx(1.0));
    CHECK(r::parse_ratio("1").value() == doctest::Approx(1.0));
    CHECK(r::parse_ratio("0").value() == doctest::Approx(0.0));
    CHECK(r::parse_ratio(number(0.35, true)).value() == doctest::Approx(0.35));
    CHECK(r::parse_ratio(number(35)).value() == doctest::Approx(0.35));
    CHECK(r::parse_ratio("150 %").error() ==
          "pourcentage « 150 % » supérieur à 100 % : écrivez une part entre 0 et 100 %");
    CHECK(r::parse_ratio("101").error().starts_with("pourcentage « 101 » supérieur à 100 %"));
    CHECK(r::parse_ratio(number(1.5, true)).error().starts_with("pourcentage « 1,5 » supérieur"));
    CHECK(r::parse_ratio("la moitié").error() ==
          "pourcentage illisible « la moitié » : écrivez par exemple 50 % ou 0,5");
    CHECK_FALSE(r::parse_ratio("-5 %").ok());
  }

  TEST_CASE("dates: French, ISO, with a time, long form") {
    CHECK(r::parse_date("01/03/2027").value() == ymd(2027, 3, 1));
    CHECK(r::parse_date("1/3/2027").value() == ymd(2027, 3, 1));
    CHECK(r::parse_date("01-03-2027").value() == ymd(2027, 3, 1));
    CHECK(r::parse_date("01.03.2027").value() == ymd(2027, 3, 1));
    CHECK(r::parse_date("2027-03-01").value() == ymd(2027, 3, 1));
    CHECK(r::parse_date("2027-03-01T00:00:00").value() == ymd(2027, 3, 1));
    CHECK(r::parse_date("2027-03-01T00:00:00Z").value() == ymd(2027, 3, 1));
    CHECK(r::parse_date("2027-03-01 00:00").value() == ymd(2027, 3, 1));
    CHECK(r::parse_date("01/03/2027 00:00:00").value() == ymd(2027, 3, 1));
    CHECK(r::parse_date("1er mars 2027").value() == ymd(2027, 3, 1));
    CHECK(r::parse_date("15 Août 2026").value() == ymd(2026, 8, 15));
    CHECK(r::parse_date(" 29/02/2028 ").value() == ymd(2028, 2, 29));
  }

  TEST_CASE("dates: spreadsheet serial numbers") {
    CHECK(r::parse_date(number(45658, false, true)).value() == ymd(2025, 1, 1));
    CHECK(r::parse_date(number(46447)).value() == ymd(2027, 3, 1));
    CHECK(r::parse_date(number(46447.75, false, true)).value() == ymd(2027, 3, 1));  // with a time of day
    CHECK(r::parse_date("46447").value() == ymd(2027, 3, 1));                        // a serial as CSV text
    CHECK(r::parse_date("45658").value() == ymd(2025, 1, 1));
    CHECK_FALSE(r::parse_date("19999").ok());
    CHECK_FALSE(r::parse_date("80001").ok());
    CHECK_FALSE(r::parse_date(number(-3)).ok());
  }

  TEST_CASE("dates: impossible and unreadable dates are refused") {
    CHECK(r::parse_date("31/02/2027").error() ==
          "date inexistante « 31/02/2027 » : vérifiez le jour et le mois");
    CHECK(r::parse_date("2027-13-01").error().starts_with("date inexistante"));
    CHECK(r::parse_date("29/02/2027").error().starts_with("date inexistante"));
    CHECK(r::parse_date("01/03/27").error() ==
          "année sur deux chiffres « 01/03/27 » : écrivez l'année en entier, par exemple 01/03/2027");
    CHECK(r::parse_date("mars 2027").error() ==
          "date illisible « mars 2027 » : écrivez par exemple 01/03/2027 ou 2027-03-01");
    CHECK(r::parse_date("T1 2027").error().starts_with("date illisible"));
    CHECK(r::parse_date("2027/03/01 midi").error().starts_with("date illisible"));
    CHECK(r::parse_date("").error() == "date vide : écrivez par exemple 01/03/2027");
  }

  TEST_CASE("CPV codes") {
    CHECK(r::parse_cpv("45214200").value() == "45214200");
    CHECK(r::parse_cpv("45214200-2").value() == "45214200");
    CHECK(r::parse_cpv("45214200 2").value() == "45214200");
    CHECK(r::parse_cpv(" 45214200-2 Travaux de construction de bâtiments scolaires").value() == "45214200");
    CHECK(r::parse_cpv("45214200 - Travaux").value() == "45214200");
    CHECK(r::parse_cpv("45214200").warning().empty());
    CHECK(r::parse_cpv(number(45214200)).value() == "45214200");
    // Seven digits: the leading zero of divisions 03 and 09, dropped by a
    // spreadsheet, is put back with a warning; any other is an error.
    CHECK(r::parse_cpv("9310000").value() == "09310000");
    CHECK(r::parse_cpv("9310000").warning() ==
          "code CPV de 7 chiffres « 9310000 » lu 09310000 : un tableur a sans doute retiré le zéro initial ; "
          "vérifiez-le et écrivez les 8 chiffres dans une cellule au format texte");
    CHECK(r::parse_cpv(number(9310000)).value() == "09310000");
    CHECK_FALSE(r::parse_cpv(number(9310000)).warning().empty());
    CHECK(r::parse_cpv("3100000").value() == "03100000");
    CHECK(
        r::parse_cpv("4526250").error() ==
        "code CPV de 7 chiffres « 4526250 » : un code CPV en a 8 (par exemple 45214200) ; vérifiez le code");
    CHECK_FALSE(r::parse_cpv(number(4526250)).ok());
    CHECK(
        r::parse_cpv("452142").error() ==
        "code CPV illisible « 452142 » : écrivez les 8 chiffres du code, par exemple 45214200 ou 45214200-2");
    CHECK_FALSE(r::parse_cpv("452142001").ok());
    CHECK_FALSE(r::parse_cpv("45214200-23").ok());
    CHECK_FALSE(r::parse_cpv("CPV45214200").ok());
    CHECK_FALSE(r::parse_cpv("45214200/2").ok());
    CHECK_FALSE(r::parse_cpv(number(45214200.5)).ok());
  }

  TEST_CASE("natures") {
    for (const char* s : {"travaux", "Travaux", "TRAVAUX", "Marché de travaux", "works", "Travaux neufs"}) {
      CHECK(r::parse_nature(s).value() == Nature::travaux);
    }
    for (const char* s : {"fourniture", "Fournitures", "supplies", "Marché de fournitures", "FOURNITURES"}) {
      CHECK(r::parse_nature(s).value() == Nature::fournitures);
    }
    for (const char* s :
         {"services", "Service", "prestations de services", "Prestations intellectuelles", "services"}) {
      CHECK(r::parse_nature(s).value() == Nature::services);
    }
    CHECK(r::parse_nature("matériel").error() ==
          "nature inconnue « matériel » : écrivez travaux, fournitures ou services");
    CHECK(r::parse_nature("Fournitures et services").error() ==
          "nature ambiguë « Fournitures et services » : un lot n'a qu'une nature, celle de sa part "
          "principale ; "
          "écrivez travaux, fournitures ou services");
  }

  TEST_CASE("buyer types") {
    for (const char* s : {"etat", "État", "Etat", "autorité centrale", "ETAT"}) {
      CHECK(r::parse_buyer_type(s).value() == BuyerType::etat);
    }
    for (const char* s : {"", "  ", "collectivite", "Collectivité territoriale", "collectivité",
                          "Collectivité territoriale ou autre pouvoir adjudicateur"}) {
      CHECK(r::parse_buyer_type(s).value() == BuyerType::collectivite);
    }
    for (const char* s : {"entite-adjudicatrice", "Entité adjudicatrice", "EA"}) {
      CHECK(r::parse_buyer_type(s).value() == BuyerType::entite_adjudicatrice);
    }
    for (const char* s : {"defense", "Défense", "défense ou sécurité", "Marché de défense ou de sécurité"}) {
      CHECK(r::parse_buyer_type(s).value() == BuyerType::defense);
    }
    CHECK(r::parse_buyer_type("commune").error() ==
          "type d'acheteur inconnu « commune » : écrivez etat, collectivite, entite-adjudicatrice ou defense "
          "(vide : collectivite)");
  }

  TEST_CASE("place of performance: département and postal codes") {
    CHECK(r::parse_lieu("61").value() == "61");
    CHECK(r::parse_lieu("01").value() == "01");
    CHECK(r::parse_lieu("1").value() == "01");
    CHECK(r::parse_lieu("2A").value() == "2A");
    CHECK(r::parse_lieu("2b").value() == "2B");
    CHECK(r::parse_lieu("971").value() == "971");
    CHECK(r::parse_lieu("976").value() == "976");
    CHECK(r::parse_lieu("61000").value() == "61");
    CHECK(r::parse_lieu("97110").value() == "971");
    CHECK(r::parse_lieu("20000").value() == "2A");
    CHECK(r::parse_lieu("20167").value() == "2A");
    CHECK(r::parse_lieu("20200").value() == "2B");
    CHECK(r::parse_lieu("20600").value() == "2B");
    CHECK(r::parse_lieu("1000").value() == "01");  // a postal code that lost its leading zero
    CHECK(r::parse_lieu("Orne (61)").value() == "61");
    CHECK(r::parse_lieu("Alençon 61000").value() == "61");
    CHECK(r::parse_lieu(number(61)).value() == "61");
    CHECK(r::parse_lieu(number(61000)).value() == "61");
    CHECK(r::parse_lieu("20").error() ==
          "département « 20 » : la Corse a deux départements, écrivez 2A ou 2B");
    CHECK(
        r::parse_lieu("Alençon").error() ==
        "lieu d'exécution illisible « Alençon » : écrivez un numéro de département (61, 2A, 971) ou un code "
        "postal (61000)");
    for (const char* bad : {"0", "96", "977", "98000", "20700", "123456", "61 et 72", "2C"}) {
      INFO(bad);
      CHECK_FALSE(r::parse_lieu(bad).ok());
    }
  }

  TEST_CASE("yes/no values") {
    for (const char* s : {"oui", "Oui", "o", "yes", "vrai", "x", "X", "1", "true", "TRUE"}) {
      INFO(s);
      CHECK(r::parse_bool(s).value());
    }
    for (const char* s : {"non", "NON", "n", "no", "faux", "", "0", "false", "-"}) {
      INFO(s);
      CHECK_FALSE(r::parse_bool(s).value());
    }
    Cell boolean;
    boolean.type = Cell::Type::boolean;
    boolean.number = 1;
    CHECK(r::parse_bool(boolean).value());
    CHECK(r::parse_bool(number(0)).ok());
    CHECK(r::parse_bool("peut-être").error() == "valeur illisible « peut-être » : écrivez oui ou non");
    CHECK_FALSE(r::parse_bool("?").ok());
  }

  TEST_CASE("durations in months") {
    CHECK(r::parse_months("24").value() == 24);
    CHECK(r::parse_months("24 mois").value() == 24);
    CHECK(r::parse_months("24,0").value() == 24);
    CHECK(r::parse_months("2 ans").value() == 24);
    CHECK(r::parse_months(number(36)).value() == 36);
    CHECK(r::parse_months("24,5").error() ==
          "durée illisible « 24,5 » : écrivez un nombre entier de mois, par exemple 24");
    CHECK_FALSE(r::parse_months("0").ok());
    CHECK_FALSE(r::parse_months("mois").ok());
    CHECK_FALSE(r::parse_months("-3").ok());
  }

  TEST_CASE("long values are cut in messages") {
    const std::string long_value(100, '9');
    const std::string message = r::parse_cpv(long_value).error();
    CHECK(message.find(std::string(39, '9') + "…") != std::string::npos);
    CHECK(message.find(std::string(40, '9')) == std::string::npos);
  }

  TEST_CASE("blank cells and display of typed cells") {
    Cell spaces;
    spaces.type = Cell::Type::text;
    spaces.text = " \u00A0 ";
    CHECK(r::is_blank(spaces));
    CHECK(r::is_blank(Cell{}));
    CHECK_FALSE(r::is_blank(number(0)));
    CHECK(r::cell_display(number(0.5)) == "0,5");
    CHECK(r::cell_display(number(9310000)) == "9310000");
  }
}
