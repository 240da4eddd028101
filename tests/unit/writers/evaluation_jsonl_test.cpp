// JSON lines with short reasons: a sentence with blanks gives its pattern
// once, then each lot's values, written the French way.
#include "writers/evaluation_jsonl.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace clausier;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

LotEvaluation lot_with(const std::shared_ptr<const Message>& m, double amount) {
  LotEvaluation e;
  e.lot.reference = "L" + std::to_string(static_cast<int>(amount));
  e.lot.nature = Nature::services;
  e.lot.date_lancement = *Date::parse_iso("2027-03-01");
  ClauseResult c;
  c.type = "insertion";
  c.verdict = Verdict::possible;
  c.reasons = {Sentence(m, {amount}), "Phrase en clair."};
  e.clauses = {c};
  return e;
}

}  // namespace

TEST_CASE("jsonl short: a pattern once, then [number, values] in each lot") {
  std::string problem;
  auto m = std::make_shared<const Message>(*Message::parse("Montant : {m:euros}.", problem));
  std::ostringstream out;
  auto sink = writers::make_jsonl_sink(out, writers::ReasonsMode::brief);
  sink->begin({});
  sink->lot(lot_with(m, 1000));
  sink->lot(lot_with(m, 2500.5));
  sink->end({}, {});
  const auto lines = lines_of(out.str());
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].starts_with("{\"format\":\"clausier-evaluation\",\"version\":2,\"reasons\":\"short\""));
  CHECK(lines[1] == "{\"pattern\":1,\"value\":{\"text\":\"Montant\u00A0: {m}.\",\"blanks\":[\"m\"]}}");
  CHECK(lines[2].find("\"reasons\":[[1,\"1\u202F000\u00A0€\"],\"Phrase en clair.\"]") != std::string::npos);
  // The plain sentence met a second time is numbered; the pattern is not given again.
  CHECK(lines[3] == "{\"text\":1,\"value\":\"Phrase en clair.\"}");
  CHECK(lines[4].find("\"reasons\":[[1,\"2\u202F500,50\u00A0€\"],1]") != std::string::npos);
}

TEST_CASE("jsonl short: a sentence with blanks that comes back whole is numbered as a text") {
  std::string problem;
  auto m = std::make_shared<const Message>(*Message::parse("En vigueur depuis le {d:date}.", problem));
  const auto lot = [&](const std::string& reference) {
    LotEvaluation e;
    e.lot.reference = reference;
    e.lot.nature = Nature::services;
    e.lot.date_lancement = *Date::parse_iso("2027-03-01");
    ClauseResult c;
    c.type = "insertion";
    c.verdict = Verdict::possible;
    c.reasons = {Sentence(m, {std::string("2026-08-21")})};
    e.clauses = {c};
    return e;
  };
  std::ostringstream out;
  auto sink = writers::make_jsonl_sink(out, writers::ReasonsMode::brief);
  sink->begin({});
  sink->lot(lot("L1"));
  sink->lot(lot("L2"));
  sink->lot(lot("L3"));
  sink->end({}, {});
  const auto lines = lines_of(out.str());
  REQUIRE(lines.size() == 6);
  CHECK(lines[1].starts_with("{\"pattern\":1,"));
  CHECK(lines[2].find("\"reasons\":[[1,\"21 août 2026\"]]") != std::string::npos);
  CHECK(lines[3] == "{\"text\":1,\"value\":\"En vigueur depuis le 21 août 2026.\"}");
  CHECK(lines[4].find("\"reasons\":[1]") != std::string::npos);
  CHECK(lines[5].find("\"reasons\":[1]") != std::string::npos);
}
