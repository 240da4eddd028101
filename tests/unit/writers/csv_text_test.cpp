#include "writers/csv_text.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <sstream>

using namespace clausier::writers;

namespace {

std::string field(std::string_view s) {
  std::string out = "x;";
  append_csv_field(out, s);
  return out;
}

std::string cents(std::int64_t c) {
  std::string out;
  append_plain_cents(out, c);
  return out;
}

}  // namespace

TEST_CASE("csv text: a field is quoted only when it holds a separator, a quote or a line break") {
  CHECK(field("") == "x;");
  CHECK(field("Maçonnerie, enduits") == "x;Maçonnerie, enduits");
  CHECK(field("a;b") == "x;\"a;b\"");
  CHECK(field("dit \"oui\"") == "x;\"dit \"\"oui\"\"\"");
  CHECK(field("\"") == "x;\"\"\"\"");
  CHECK(field("ligne\nsuite") == "x;\"ligne\nsuite\"");
  CHECK(field("fin\r") == "x;\"fin\r\"");
  std::ostringstream out;
  write_csv_field(out, "a;\"b\"");
  CHECK(out.str() == "\"a;\"\"b\"\"\"");
}

TEST_CASE("csv text: a text a spreadsheet would run as a formula is made text again") {
  CHECK(field("=HYPERLINK(\"http://x\";\"clic\")") == "x;\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\"");
  CHECK(field("+33 1 23") == "x;\"'+33 1 23\"");
  CHECK(field("-2+3") == "x;\"'-2+3\"");
  CHECK(field("@SUM(A1)") == "x;\"'@SUM(A1)\"");
  CHECK(field("\t=1") == "x;\"'\t=1\"");
  CHECK(field("Lot 1 = gros œuvre") == "x;Lot 1 = gros œuvre");  // only a leading sign counts
}

TEST_CASE("csv text: amounts in cents as plain numbers with a decimal comma") {
  CHECK(cents(0) == "0");
  CHECK(cents(120000) == "1200");
  CHECK(cents(123456789) == "1234567,89");
  CHECK(cents(5) == "0,05");
  CHECK(cents(-50) == "-0,50");
  CHECK(cents(-120000) == "-1200");
  CHECK(cents(std::numeric_limits<std::int64_t>::max()) == "92233720368547758,07");
  CHECK(cents(std::numeric_limits<std::int64_t>::min()) == "-92233720368547758,08");
  std::ostringstream out;
  write_plain_cents(out, 700019);
  CHECK(out.str() == "7000,19");
}

TEST_CASE("csv text: lists joined into a reused buffer") {
  std::string buffer = "ancien contenu";
  CHECK(join_into(std::vector<std::string>{"a", "b", "c"}, ", ", buffer) == "a, b, c");
  CHECK(join_into(std::vector<std::string>{}, ", ", buffer).empty());
  CHECK(join_into(std::vector<std::string>{"seul"}, " ", buffer) == "seul");
}
