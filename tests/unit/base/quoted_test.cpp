#include "base/quoted.hpp"

#include <doctest/doctest.h>

using namespace clausier;

TEST_CASE("quoted: a value between French quotes, cut when asked") {
  CHECK(fr::quoted("Lot 3") == "« Lot 3 »");
  CHECK(fr::quoted("") == "«  »");
  CHECK(fr::quoted("abcdefghij", 4) == "« abc… »");
  CHECK(fr::quoted("abc", 4) == "« abc »");
}

TEST_CASE("quoted_list: commas, and the last separator when given") {
  CHECK(fr::quoted_list({}).empty());
  CHECK(fr::quoted_list({"a"}) == "« a »");
  CHECK(fr::quoted_list({"a", "b", "c"}) == "« a », « b », « c »");
  CHECK(fr::quoted_list({"a", "b", "c"}, " ou ") == "« a », « b » ou « c »");
}
