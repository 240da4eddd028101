#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "readers/eforms_lot.hpp"
#include "readers/eforms_reader.hpp"
#include "readers/programme.hpp"
#include "test_messages.hpp"
#include "test_paths.hpp"

namespace {

using clausier::BuyerType;
using clausier::Date;
using clausier::Diagnostic;
using clausier::DiagnosticList;
using clausier::Lot;
using clausier::Nature;
using clausier::Severity;
using clausier::testing::plain;
using clausier::testing::test_path;
using Strings = std::vector<std::string>;

struct Read {
  std::vector<Lot> lots;
  DiagnosticList diags;
  std::uint32_t rows = 0;
  std::uint32_t rejected = 0;
  std::vector<clausier::readers::RecordKeys> keys;
  [[nodiscard]] Strings messages(Severity s) const {
    Strings out;
    for (const Diagnostic& d : diags.all()) {
      if (d.severity == s) out.push_back(d.location.str() + " " + plain(d.message));
    }
    return out;
  }
};

Read read_programme(const clausier::readers::Programme& programme) {
  Read r;
  auto reader = programme.open(r.diags);
  REQUIRE(reader);
  Lot lot;
  while (reader->next(lot)) r.lots.push_back(lot);
  r.rows = reader->stats().rows;
  r.rejected = reader->rejected_rows();
  DiagnosticList silent;
  auto first = programme.open(silent);
  clausier::readers::RecordKeys keys;
  while (first->next_keys(keys)) r.keys.push_back(keys);
  CHECK(silent.all().empty());
  return r;
}

Read read_bytes(const std::string& bytes, const std::string& name = "avis.xml") {
  DiagnosticList open;
  const auto programme = clausier::readers::programme_from_memory(bytes, name, open);
  REQUIRE(programme);
  return read_programme(*programme);
}

Read read_fixture(const std::string& rel) {
  DiagnosticList open;
  const auto programme = clausier::readers::open_programme(test_path(rel), open);
  REQUIRE(programme);
  CHECK(open.all().empty());
  return read_programme(*programme);
}

const std::string ns =
    "xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2\" "
    "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\" "
    "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\" "
    "xmlns:ext=\"urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2\" "
    "xmlns:efext=\"http://data.europa.eu/p27/eforms-ubl-extensions/1\" "
    "xmlns:efac=\"http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1\"";

// A contract notice of a French département in three lots: the first with
// its value and social codes, the second without a value (the procedure's
// is used) and reserved, the third without a CPV code.
std::string notice() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ContractNotice " + ns +
         ">\n"
         "<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><efext:EformsExtension>\n"
         "<efac:Organizations><efac:Organization><efac:Company>\n"
         "<cac:PartyIdentification><cbc:ID "
         "schemeName=\"organization\">ORG-0001</cbc:ID></cac:PartyIdentification>\n"
         "<cac:PartyName><cbc:Name languageID=\"FRA\">Département de l'Orne</cbc:Name></cac:PartyName>\n"
         "</efac:Company></efac:Organization></efac:Organizations>\n"
         "</efext:EformsExtension></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>\n"
         "<cbc:ID schemeName=\"notice-id\">n-1</cbc:ID>\n"
         "<cbc:ContractFolderID>proc-61</cbc:ContractFolderID>\n"
         "<cbc:IssueDate>2027-03-01+01:00</cbc:IssueDate>\n"
         "<cac:ContractingParty><cac:ContractingPartyType>"
         "<cbc:PartyTypeCode "
         "listName=\"buyer-legal-type\">la</cbc:PartyTypeCode></cac:ContractingPartyType>\n"
         "<cac:Party><cac:PartyIdentification><cbc:ID schemeName=\"organization\">ORG-0001</cbc:ID>"
         "</cac:PartyIdentification></cac:Party></cac:ContractingParty>\n"
         "<cac:ProcurementProject><cbc:Name>Collège de Flers</cbc:Name>\n"
         "<cbc:ProcurementTypeCode listName=\"contract-nature\">works</cbc:ProcurementTypeCode>\n"
         "<cac:RequestedTenderTotal><cbc:EstimatedOverallContractAmount currencyID=\"EUR\">6000000"
         "</cbc:EstimatedOverallContractAmount></cac:RequestedTenderTotal>\n"
         "<cac:MainCommodityClassification><cbc:ItemClassificationCode listName=\"cpv\">45214200"
         "</cbc:ItemClassificationCode></cac:MainCommodityClassification></cac:ProcurementProject>\n"
         // lot 1, line 18
         "<cac:ProcurementProjectLot><cbc:ID schemeName=\"Lot\">LOT-0001</cbc:ID>\n"
         "<cac:ProcurementProject><cbc:Name>Gros œuvre</cbc:Name>\n"
         "<cbc:ProcurementTypeCode listName=\"contract-nature\">works</cbc:ProcurementTypeCode>\n"
         "<cac:ProcurementAdditionalType><cbc:ProcurementTypeCode listName=\"strategic-procurement\">soc-obj"
         "</cbc:ProcurementTypeCode></cac:ProcurementAdditionalType>\n"
         "<cac:ProcurementAdditionalType><cbc:ProcurementTypeCode listName=\"social-objective\">opp"
         "</cbc:ProcurementTypeCode></cac:ProcurementAdditionalType>\n"
         "<cac:RequestedTenderTotal><cbc:EstimatedOverallContractAmount currencyID=\"EUR\">2500000.50"
         "</cbc:EstimatedOverallContractAmount></cac:RequestedTenderTotal>\n"
         "<cac:MainCommodityClassification><cbc:ItemClassificationCode listName=\"cpv\">45262500"
         "</cbc:ItemClassificationCode></cac:MainCommodityClassification>\n"
         "<cac:PlannedPeriod><cbc:DurationMeasure "
         "unitCode=\"MONTH\">18</cbc:DurationMeasure></cac:PlannedPeriod>\n"
         "<cac:RealizedLocation><cac:Address><cbc:PostalZone>61100</cbc:PostalZone><cac:Country>"
         "<cbc:IdentificationCode "
         "listName=\"country\">FRA</cbc:IdentificationCode></cac:Country></cac:Address>"
         "</cac:RealizedLocation>\n"
         "</cac:ProcurementProject></cac:ProcurementProjectLot>\n"
         // lot 2, line 28
         "<cac:ProcurementProjectLot><cbc:ID schemeName=\"Lot\">LOT-0002</cbc:ID>\n"
         "<cac:TenderingTerms><cac:TendererQualificationRequest><cac:SpecificTendererRequirement>"
         "<cbc:TendererRequirementTypeCode "
         "listName=\"reserved-procurement\">res-ws</cbc:TendererRequirementTypeCode>"
         "</cac:SpecificTendererRequirement></cac:TendererQualificationRequest></cac:TenderingTerms>\n"
         "<cac:ProcurementProject><cbc:Name>Espaces verts</cbc:Name>\n"
         "<cbc:ProcurementTypeCode listName=\"contract-nature\">services</cbc:ProcurementTypeCode>\n"
         "<cac:MainCommodityClassification><cbc:ItemClassificationCode listName=\"cpv\">77310000"
         "</cbc:ItemClassificationCode></cac:MainCommodityClassification>\n"
         "</cac:ProcurementProject></cac:ProcurementProjectLot>\n"
         // lot 3, line 34: no CPV of its own, takes the procedure's
         "<cac:ProcurementProjectLot><cbc:ID schemeName=\"Lot\">LOT-0003</cbc:ID>\n"
         "<cac:ProcurementProject><cbc:Name>Peinture</cbc:Name>\n"
         "<cac:RequestedTenderTotal><cbc:EstimatedOverallContractAmount currencyID=\"CHF\">1000"
         "</cbc:EstimatedOverallContractAmount></cac:RequestedTenderTotal>\n"
         "</cac:ProcurementProject></cac:ProcurementProjectLot>\n"
         "<cac:ProcurementProjectLot><cbc:ID "
         "schemeName=\"LotsGroup\">GLO-0001</cbc:ID></cac:ProcurementProjectLot>\n"
         "</ContractNotice>\n";
}

TEST_CASE("eForms: a contract notice's lots, with what they declare") {
  const Read r = read_bytes(notice());
  REQUIRE(r.lots.size() == 3);
  CHECK(r.rows == 3);
  CHECK(r.rejected == 0);

  const Lot& a = r.lots[0];
  CHECK(a.reference == "proc-61/LOT-0001");
  CHECK(a.consultation == "proc-61");
  CHECK(a.lot == "LOT-0001");
  CHECK(a.objet == "Gros œuvre");
  CHECK(a.acheteur == "Département de l'Orne");
  CHECK(a.type_acheteur == BuyerType::collectivite);
  CHECK(a.nature == Nature::travaux);
  CHECK(a.cpv == "45262500");
  CHECK(a.montant_ht_cents == 250'000'050);
  CHECK(a.duree_mois == 18);
  CHECK(a.lieu == "61");
  CHECK(a.date_lancement == *Date::parse_iso("2027-03-01"));
  CHECK(a.recorded_social_considerations == Strings{"Clause sociale"});
  CHECK(a.source.str() == "avis.xml:18");

  const Lot& b = r.lots[1];
  CHECK(b.montant_ht_cents == 600'000'000);  // the procedure's
  CHECK(b.nature == Nature::services);
  CHECK(b.recorded_social_considerations == Strings{"Marché réservé"});

  CHECK(r.messages(Severity::warning) ==
        Strings{
            "avis.xml:28 lot « LOT-0002 » : valeur estimée du lot (BT-27) absente : celle de toute la "
            "procédure (6 000 000 €) est retenue ; les heures d'insertion calculées sur ce montant sont "
            "un majorant",
            "avis.xml:34 lot « LOT-0003 » : code CPV de la procédure (45214200) retenu pour le lot ; valeur "
            "estimée en « CHF » : seul un montant en euros se compare aux seuils ; le lot est évalué aux "
            "montants que comparent les règles (seuils) et le verdict retenu est le plus fort"});
  CHECK(r.messages(Severity::error).empty());
  // A value in another currency is not converted: the amount is unknown.
  CHECK(r.lots[2].unknown.montant);
  const Strings notes = r.messages(Severity::note);
  REQUIRE(notes.size() == 1);
  CHECK(
      notes[0].starts_with("avis.xml:2 avis eForms (avis de marché) : chaque lot est évalué avec les règles "
                           "en vigueur à la date d'envoi de l'avis (BT-05)"));

  // First pass: the consultation's total is the procedure's value, once.
  REQUIRE(r.keys.size() == 3);
  CHECK(r.keys[0].consultation == "proc-61");
  CHECK(r.keys[0].cents == 600'000'000);
  CHECK(r.keys[1].cents == 0);
  CHECK(r.keys[2].reference == "proc-61/LOT-0003");
}

TEST_CASE("eForms: a lot that declares nothing social reads « Pas de considération sociale »") {
  std::string text = notice();
  const auto from = text.find("<cac:ProcurementAdditionalType>");
  const auto to = text.find("<cac:RequestedTenderTotal>", from);
  text.erase(from, to - from);
  const Read r = read_bytes(text);
  REQUIRE(!r.lots.empty());
  CHECK(r.lots[0].recorded_social_considerations == Strings{"Pas de considération sociale"});
}

TEST_CASE("eForms: code tables") {
  using clausier::readers::eforms_buyer_type;
  CHECK(eforms_buyer_type("cga", "authority-activity") == BuyerType::etat);
  CHECK(eforms_buyer_type("ra", "") == BuyerType::collectivite);
  CHECK(eforms_buyer_type("pub-undert", "entity-activity") == BuyerType::entite_adjudicatrice);
  CHECK_FALSE(eforms_buyer_type("body-pl", "authority-activity").has_value());
  CHECK(clausier::readers::looks_like_eforms(
      "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- x -->\n<ContractNotice "));
  CHECK(clausier::readers::looks_like_eforms("<can:ContractAwardNotice xmlns:can=\"x\">"));
  CHECK(clausier::readers::looks_like_eforms(
      "<?xml version=\"1.0\"?><!DOCTYPE ContractNotice [<!ENTITY x \"y\">]>"));
  CHECK(clausier::readers::looks_like_eforms(
      "<BusinessRegistrationInformationNotice xmlns=\"x\">"));  // refused
  CHECK_FALSE(clausier::readers::looks_like_eforms("<marches>"));
  CHECK_FALSE(clausier::readers::looks_like_eforms("<!DOCTYPE marches>"));
}

TEST_CASE("eForms: the SDK's example notices") {
  SUBCASE("prior information notice in ten parts, valued for the whole procedure") {
    const Read r = read_fixture("fixtures/eforms/sdk/pin-only_24_lots.xml");
    REQUIRE(r.lots.size() == 10);
    CHECK(r.rejected == 0);
    CHECK(r.lots[0].reference == "199b243b-4daf-4d7d-ba7c-f37f88102480/PAR-0001");
    CHECK(r.lots[0].acheteur == "Fusion21 Members Consortium");
    CHECK(r.lots[0].type_acheteur == BuyerType::collectivite);          // body-pl: the programme's default
    CHECK(r.lots[0].date_lancement == *Date::parse_iso("2020-06-30"));  // BT-127
    CHECK(r.lots[0].montant_ht_cents == 75'000'000'000);
    CHECK(r.lots[3].nature == Nature::travaux);
    CHECK(r.lots[3].cpv == "45213221");
    CHECK(r.lots[9].nature == Nature::fournitures);
    CHECK(r.lots[0].lieu.empty());
    CHECK(r.messages(Severity::warning).size() == 10);
    CHECK(r.messages(Severity::error).empty());
    CHECK(r.messages(Severity::note).at(0).find("date prévue de l'avis de mise en concurrence (BT-127)") !=
          std::string::npos);
  }
  SUBCASE("contract notice without any value: the amount unknown, said where") {
    const Read r = read_fixture("fixtures/eforms/sdk/cn-social_24.xml");
    REQUIRE(r.lots.size() == 1);
    CHECK(r.rejected == 0);
    CHECK(r.lots[0].unknown.montant);
    CHECK_FALSE(r.lots[0].unknown.nature);
    CHECK(r.messages(Severity::error).empty());
    const Strings warnings = r.messages(Severity::warning);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] ==
          "tests/fixtures/eforms/sdk/cn-social_24.xml:198 lot « LOT-0000 » : valeur estimée (BT-27) absente, "
          "pour le "
          "lot comme pour la procédure : le lot est évalué aux montants que comparent les règles (seuils) et "
          "le "
          "verdict retenu est le plus fort");
  }
  SUBCASE("a value in another currency: not converted, the amount in euros unknown") {
    const Read r = read_fixture("fixtures/eforms/sdk/can_25_ENG.xml");
    REQUIRE(r.lots.size() == 1);
    CHECK(r.lots[0].unknown.montant);
    CHECK(r.messages(Severity::error).empty());
    CHECK(r.messages(Severity::warning)
              .back()
              .find("valeur totale des marchés attribués (BT-161) en « GBP » : seul un montant en euros se "
                    "compare aux "
                    "seuils ; le lot est évalué aux montants") != std::string::npos);
  }
  SUBCASE("contract award notice: the lot valued by its selected tender (BT-720)") {
    const Read r = read_fixture("fixtures/eforms/sdk/can_24_minimal.xml");
    REQUIRE(r.lots.size() == 1);
    CHECK(r.rejected == 0);
    CHECK(r.lots[0].montant_ht_cents == 9'541'400);
    CHECK(r.messages(Severity::error).empty());
    const Strings warnings = r.messages(Severity::warning);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("valeur des offres retenues (BT-720)") != std::string::npos);
    CHECK(r.messages(Severity::note).at(0).find("(avis d'attribution)") != std::string::npos);
  }
  SUBCASE("contract award notice without tender values: the notice's total (BT-161) for each lot") {
    const Read r = read_fixture("fixtures/eforms/sdk/can-social_24.xml");
    REQUIRE(r.lots.size() == 3);
    for (const auto& lot : r.lots) CHECK(lot.montant_ht_cents == 12'345'678);
    CHECK(r.lots[0].type_acheteur == BuyerType::etat);  // cga
    CHECK(r.lots[2].nature == Nature::fournitures);
    CHECK(r.messages(Severity::warning).at(0).find("(BT-161, 123") != std::string::npos);
  }
  SUBCASE("organisations identified without their scheme (SDK 1.9 onwards)") {
    const Read r = read_fixture("fixtures/eforms/sdk/pin-rtl_24.xml");
    CHECK(r.rejected == 0);  // no value anywhere: evaluated under hypotheses
    CHECK(r.lots.at(0).unknown.montant);
    const Strings notes = r.messages(Severity::note);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].find("l'acheteur n'est pas nommé") == std::string::npos);
  }
  SUBCASE("a notice that only announces a prior information notice on the buyer profile") {
    const Read r = read_fixture("fixtures/eforms/sdk/pin-buyer_24.xml");
    CHECK(r.rows == 0);
    const Strings errors = r.messages(Severity::error);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("pin-buyer_24.xml:4 cet avis de préinformation (« pin-buyer »)") !=
          std::string::npos);
  }
}

TEST_CASE("eForms: hostile and wrong notices are refused, located") {
  SUBCASE("DOCTYPE and external entity") {
    const Read r = read_bytes(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE ContractNotice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        "<ContractNotice " +
        ns + ">&x;</ContractNotice>");
    CHECK(r.lots.empty());
    const Strings errors = r.messages(Severity::error);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("DOCTYPE") != std::string::npos);
    CHECK(errors[0].starts_with("avis.xml"));
  }
  SUBCASE("wrong namespace") {
    const Read r = read_bytes("<ContractNotice xmlns=\"urn:exemple\">\n</ContractNotice>");
    CHECK(
        r.messages(Severity::error) ==
        Strings{"avis.xml:1 l'élément racine <ContractNotice> est dans l'espace de noms « urn:exemple » : un "
                "avis eForms est dans l'espace de noms UBL "
                "« urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2 » ; donnez l'avis tel que "
                "publié (XML eForms)"});
  }
  SUBCASE("deep nesting") {
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<a>";
    const Read r = read_bytes("<ContractNotice " + ns + ">\n<cac:ProcurementProjectLot>" + deep);
    CHECK(r.lots.empty());
    const Strings errors = r.messages(Severity::error);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].starts_with("avis.xml:2 "));
  }
  SUBCASE("huge text") {
    constexpr std::size_t huge = 12'000'000;  // beyond libxml2's 10 MB for a text node
    const Read r =
        read_bytes("<ContractNotice " + ns + ">\n<cac:ProcurementProjectLot>" +
                   "<cbc:ID schemeName=\"Lot\">LOT-0001</cbc:ID><cac:ProcurementProject><cbc:Name>" +
                   std::string(huge, 'x') + "</cbc:Name></cac:ProcurementProject>" +
                   "</cac:ProcurementProjectLot></ContractNotice>");
    CHECK(r.lots.empty());
    const Strings errors = r.messages(Severity::error);
    REQUIRE(!errors.empty());
    CHECK(errors[0].starts_with("avis.xml:2 "));
  }
  SUBCASE("truncated after a lot: the lots before stand") {
    std::string text = notice();
    // Cut well after the first lot: the parser reads ahead by chunks.
    text.resize(text.find("<cac:TenderingTerms><cac:TendererQualificationRequest>"));
    text += "<cbc:Note>" + std::string(200'000, 'x');
    const Read r = read_bytes(text);
    CHECK(r.lots.size() == 1);
    const Strings errors = r.messages(Severity::error);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("(les lots lus jusque-là sont évalués)") != std::string::npos);
  }
  SUBCASE("a notice without lots") {
    const Read r =
        read_bytes("<ContractNotice " + ns + "><cbc:ID schemeName=\"notice-id\">n</cbc:ID></ContractNotice>");
    CHECK(r.messages(Severity::error) ==
          Strings{"avis.xml:1 cet avis eForms ne contient aucun lot (cac:ProcurementProjectLot) : rien n'est "
                  "évalué"});
  }
}

}  // namespace

TEST_CASE("eForms: the legal basis (BT-01) marks concessions and defence contracts") {
  const std::string date = "<cbc:IssueDate>2027-03-01+01:00</cbc:IssueDate>\n";
  const auto with_basis = [&](const std::string& celex) {
    std::string text = notice();
    const std::size_t at = text.find(date);
    REQUIRE(at != std::string::npos);
    text.insert(at + date.size(), "<cbc:RegulatoryDomain>" + celex + "</cbc:RegulatoryDomain>\n");
    return read_bytes(text);
  };
  const Read concession = with_basis("32014L0023");
  REQUIRE_FALSE(concession.lots.empty());
  for (const Lot& lot : concession.lots) {
    CHECK(lot.concession == std::optional<bool>(true));
    CHECK_FALSE(lot.marche_defense.has_value());
  }
  const Read defence = with_basis("32009L0081");
  REQUIRE_FALSE(defence.lots.empty());
  CHECK(defence.lots[0].marche_defense == std::optional<bool>(true));
  const Read contract = with_basis("32014L0024");
  REQUIRE_FALSE(contract.lots.empty());
  CHECK_FALSE(contract.lots[0].concession.has_value());
  CHECK_FALSE(contract.lots[0].marche_defense.has_value());
}
