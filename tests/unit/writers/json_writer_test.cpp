#include "writers/json_writer.hpp"

#include <doctest/doctest.h>

#include <sstream>

using clausier::writers::JsonWriter;

TEST_CASE("json: nested values, escaping and amounts") {
  std::ostringstream out;
  JsonWriter json(out, 0);
  json.begin_object();
  json.field("texte", "Guillemets \" et \\ et\nligne");
  json.key("liste").begin_array().value(std::int64_t{1}).value(2.5).value(true).null().end_array();
  json.key("vide").begin_object().end_object();
  json.key("montant").cents(123456789);
  json.key("rond").cents(100000000);
  json.field("ctrl", std::string_view("\x01", 1));
  json.end_object();
  CHECK(
      out.str() ==
      R"({"texte":"Guillemets \" et \\ et\nligne","liste":[1,2.5,true,null],"vide":{},"montant":1234567.89,)"
      R"("rond":1000000,"ctrl":"\u0001"})");
}

TEST_CASE("json: indented output is stable") {
  std::ostringstream out;
  JsonWriter json(out, 2);
  json.begin_object().key("a").begin_array().value(std::int64_t{1}).end_array().end_object();
  CHECK(out.str() == "{\n  \"a\": [\n    1\n  ]\n}\n");
}
