#include "store/result_json.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

#include "store/lot_json.hpp"

using namespace clausier;

namespace {

ClauseResult sample_result(const std::string& reason) {
  ClauseResult c;
  c.type = "insertion";
  c.verdict = Verdict::obligatoire;
  c.hours = 833;
  c.values = {{"heures_brutes", 833.33}, {"note", std::string("texte")}, {"reserve", true}};
  c.reasons = {reason, "Phrase répétée de lot en lot."};
  c.basis = {"CCP L2112-2", "CCP L2112-2-1"};
  c.warnings = {"À vérifier."};
  c.trace = {{"heures.taux_insertion", "45262500", "45", "5 %", "2019-04-01", "Référence", "verifie",
              "rules/heures/taux_insertion.lua"}};
  return c;
}

}  // namespace

TEST_SUITE("store") {
  TEST_CASE("stored results come back as they were, repeated texts kept once and within a bound") {
    store::TextDictionary texts(4);
    const std::string first = store::results_to_json({sample_result("Motif du premier lot.")}, &texts);
    const std::string second = store::results_to_json({sample_result("Motif du second lot.")}, &texts);
    const auto numbered = texts.take_new();
    // Capacity 4: two reasons, the repeated sentence and one basis; the rest stays inline.
    REQUIRE(numbered.size() == 4);
    CHECK(numbered[0].second == "Motif du premier lot.");
    CHECK(numbered[1].second == "Phrase répétée de lot en lot.");
    CHECK(texts.take_new().empty());
    std::vector<std::string> table;
    for (const auto& [id, text] : numbered) table.push_back(text);

    const auto back = store::results_from_json(second, table);
    REQUIRE(back.size() == 1);
    const ClauseResult& c = back[0];
    CHECK(c.type == "insertion");
    CHECK(c.verdict == Verdict::obligatoire);
    CHECK(c.hours == 833);
    CHECK(clausier::texts(c.reasons) ==
          std::vector<std::string>{"Motif du second lot.", "Phrase répétée de lot en lot."});
    CHECK(c.basis == std::vector<std::string>{"CCP L2112-2", "CCP L2112-2-1"});
    REQUIRE(c.values.size() == 3);
    CHECK(std::get<double>(c.values[0].value) == doctest::Approx(833.33));
    CHECK(std::get<std::string>(c.values[1].value) == "texte");
    CHECK(std::get<bool>(c.values[2].value));
    REQUIRE(c.trace.size() == 1);
    CHECK(c.trace[0].reference == "Référence");
    CHECK(c.trace[0].source == "rules/heures/taux_insertion.lua");

    // Without a dictionary, everything inline; a missing text is an error, not an empty string.
    const auto plain = store::results_from_json(store::results_to_json({sample_result("x")}));
    CHECK(plain[0].trace[0].value == "5 %");
    CHECK_THROWS_AS((void)store::results_from_json(first, {}), std::runtime_error);
  }

  TEST_CASE("a stored lot keeps every value, its row's place and its consultation's totals") {
    Lot lot;
    lot.reference = "C1-L2";
    lot.consultation = "C1";
    lot.lot = "2";
    lot.objet = "Gros œuvre";
    lot.acheteur = "Département";
    lot.type_acheteur = BuyerType::etat;
    lot.nature = Nature::travaux;
    lot.cpv = "45223220";
    lot.montant_ht_cents = 235000000;
    lot.duree_mois = 26;
    lot.date_lancement = *Date::parse_iso("2027-03-01");
    lot.lieu = "61";
    lot.anru = true;
    lot.overrides.taux_insertion = 0.07;
    lot.recorded_social_considerations = std::vector<std::string>{"Clause sociale"};
    lot.source = Location::in_file("programme.csv", 3);
    const auto [back, totals] = store::lot_from_json(store::lot_to_json(lot, {823000000, 9}));
    CHECK(back.reference == "C1-L2");
    CHECK(back.type_acheteur == BuyerType::etat);
    CHECK(back.montant_ht_cents == 235000000);
    CHECK(back.duree_mois == 26);
    CHECK(back.date_lancement.iso() == "2027-03-01");
    CHECK(back.anru == true);
    CHECK(back.overrides.taux_insertion == doctest::Approx(0.07));
    CHECK_FALSE(back.overrides.cout_horaire);
    CHECK(back.recorded_social_considerations == std::vector<std::string>{"Clause sociale"});
    CHECK_FALSE(back.recorded_environmental_considerations);
    CHECK(back.source.str() == "programme.csv:3");
    CHECK(totals.montant_ht_cents == 823000000);
    CHECK(totals.lots == 9);
    // Where the row was is not what the lot is.
    Lot moved = lot;
    moved.source = Location::in_file("programme.csv", 40);
    CHECK(store::lot_fingerprint(moved) == store::lot_fingerprint(lot));
    moved.cpv = "45223200";
    CHECK(store::lot_fingerprint(moved) != store::lot_fingerprint(lot));
  }
}
