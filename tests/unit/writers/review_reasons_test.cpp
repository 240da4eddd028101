#include "writers/review_reasons.hpp"

#include <doctest/doctest.h>

using namespace clausier;
using writers::review::ReasonAnnex;

namespace {

ClauseResult clause(std::string type, std::optional<Verdict> v, std::vector<std::string> reasons) {
  ClauseResult c;
  c.type = std::move(type);
  c.verdict = v;
  c.reasons.assign(reasons.begin(), reasons.end());
  return c;
}

LotEvaluation lot(std::string reference, std::vector<ClauseResult> clauses) {
  LotEvaluation e;
  e.lot.reference = std::move(reference);
  e.clauses = std::move(clauses);
  return e;
}

std::vector<engine::ClauseInfo> types() {
  engine::ClauseInfo insertion;
  insertion.id = "insertion";
  insertion.title = "Clause d'insertion";
  engine::ClauseInfo siae;
  siae.id = "reserve-siae";
  siae.title = "Marché réservé aux SIAE";
  return {insertion, siae};
}

}  // namespace

TEST_CASE("review annex: a reason given for many lots is printed once, with the lots it applies to") {
  ReasonAnnex annex(types());
  annex.add(
      lot("L1", {clause("reserve-siae", Verdict::possible, {"Réserver est un choix."}),
                 clause("insertion", Verdict::obligatoire, {"Obligation L2112-2-1.", "Montant de 1 M€."})}));
  annex.add(
      lot("L2", {clause("insertion", Verdict::obligatoire, {"Obligation L2112-2-1.", "Montant de 2 M€."}),
                 clause("reserve-siae", Verdict::exclue, {"Secteur sans SIAE."})}));
  annex.add(lot("L3", {clause("insertion", Verdict::possible, {"Sous le seuil."}),
                       clause("reserve-siae", Verdict::possible, {"Réserver est un choix."})}));

  const auto groups = annex.groups();
  // The plugins' order, then the verdicts' order; excluded types left out.
  REQUIRE(groups.size() == 3);
  CHECK(groups[0]->type == "insertion");
  CHECK(groups[0]->verdict == Verdict::obligatoire);
  CHECK(groups[1]->type == "insertion");
  CHECK(groups[1]->verdict == Verdict::possible);
  CHECK(groups[2]->type == "reserve-siae");
  CHECK(annex.references(groups[0]->lots) == "L1 et L2");
  CHECK(annex.references(groups[2]->lots) == "L1 et L3");

  // The shared sentence once, for both lots; each lot's own sentence with its lot.
  REQUIRE(groups[0]->sentences.size() == 3);
  CHECK(groups[0]->sentences[0].text == "Obligation L2112-2-1.");
  CHECK(groups[0]->sentences[0].lots.size() == 2);
  CHECK(annex.references(groups[0]->sentences[1].lots) == "L1");
  CHECK(annex.references(groups[0]->sentences[2].lots) == "L2");
  CHECK(groups[2]->sentences.size() == 1);
  CHECK(writers::review::annex_heading(*groups[0]) == "Clause d\u2019insertion\u00a0: obligatoire (2 lots)");
  CHECK(groups[0]->anchor() == "motifs-insertion-obligatoire");
  CHECK(annex.left_out() == 0);
}

TEST_CASE("review annex: past its limit, the annex stops growing and counts the lots it lacks") {
  ReasonAnnex annex(types(), 2);
  for (const char* reference : {"L1", "L2", "L3", "L4"}) {
    annex.add(
        lot(reference, {clause("insertion", Verdict::obligatoire, {std::string("Motif de ") + reference})}));
  }
  REQUIRE(annex.groups().size() == 1);
  CHECK(annex.groups()[0]->lots.size() == 2);
  CHECK(annex.groups()[0]->sentences.size() == 2);
  CHECK(annex.left_out() == 2);
}

TEST_CASE("review annex: a failed plugin's message names its file alone") {
  ReasonAnnex annex(types());
  ClauseResult failed = clause("insertion", std::nullopt, {});
  Diagnostic error;
  error.location = Location::in_file("/un/dossier/plugins/insertion.lua", 12);
  error.message = "le plugin a échoué";
  failed.error = error;
  annex.add(lot("L1", {failed}));
  REQUIRE(annex.groups().size() == 1);
  CHECK(annex.groups()[0]->anchor() == "motifs-insertion-erreur");
  REQUIRE(annex.groups()[0]->sentences.size() == 1);
  const std::string& text = annex.groups()[0]->sentences[0].text;
  CHECK(text.find("insertion.lua:12") != std::string::npos);
  CHECK(text.find("/un/dossier") == std::string::npos);
}
