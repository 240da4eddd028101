// `clausier export eforms`: for each lot, the eForms fields of its social
// considerations, as a cac:ProcurementProjectLot fragment to merge into the
// lot of a notice. Names, XPaths and codes are those of the eForms SDK 1.14
// (github.com/OP-TED/eForms-SDK, fields/fields.json, codelists/ and
// examples/notices/cn-social_24.xml), relative to
// /*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']:
//
//   BT-06-Lot  Strategic Procurement   cac:ProcurementProject/cac:ProcurementAdditionalType/
//              cbc:ProcurementTypeCode[@listName='strategic-procurement']: soc-obj, or none
//   BT-775-Lot Social Procurement      cac:ProcurementProject/cac:ProcurementAdditionalType/
//              cbc:ProcurementTypeCode[@listName='social-objective']: opp (employment of people
//              far from work: insertion, reservations to EA/ESAT/SIAE), other
//   BT-71-Lot  Reserved Participation  cac:TenderingTerms/cac:TendererQualificationRequest/
//              cac:SpecificTendererRequirement/cbc:TendererRequirementTypeCode
//              [@listName='reserved-procurement']: res-ws (L2113-12, L2113-13),
//              res-pub-ser (L2113-15), or none
//   BT-70-Lot  Terms Performance       cac:TenderingTerms/cac:ContractExecutionRequirement
//              [cbc:ExecutionRequirementCode/@listName='conditions']/cbc:Description, with the
//              code `performance`: a French summary of the execution condition
//
// Elements are in the order of the UBL schema (cbc:ID, cac:TenderingTerms,
// cac:ProcurementProject; in cac:TenderingTerms the qualification request
// before the execution requirement). Each fragment sits in a clausier:Lot
// element naming the programme's lot (its reference is not an eForms lot
// identifier: cbc:ID is LOT-nnnn from the lot number, LOT-0000 for a
// consultation without lots).

#include <cctype>
#include <string_view>

#include "base/french.hpp"
#include "base/xml_escape.hpp"
#include "writers/export_sink.hpp"

namespace clausier::writers {
namespace {

constexpr std::string_view cac_ns =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
constexpr std::string_view cbc_ns = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
constexpr std::string_view clausier_ns = "urn:clausier:export:eforms:1";

// "LOT-0002" for lot "2", "LOT-0000" for a consultation without lots, nothing
// for a lot label that is not a number.
std::string lot_identifier(const Lot& lot) {
  if (lot.lot.empty()) return "LOT-0000";
  if (lot.lot.size() > 4) return {};
  for (char c : lot.lot) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return {};
  }
  return "LOT-" + std::string(4 - lot.lot.size(), '0') + lot.lot;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

// BT-70: what the execution condition asks of the contractor, in French.
std::string terms_of_performance(const SocialConsiderations& s) {
  std::string text;
  auto sentence = [&text](const std::string& part) { text += (text.empty() ? "" : " ") + part; };
  if (s.insertion_clause) {
    std::string part =
        "Clause d'insertion (condition d'exécution à caractère social) : le titulaire réserve ";
    part += s.insertion_hours
                ? "au moins " + fr::hours(*s.insertion_hours)
                : "le nombre d'heures fixé par le cahier des clauses administratives particulières";
    part +=
        " de travail à des personnes rencontrant des difficultés sociales ou professionnelles "
        "particulières, par embauche directe, mise à disposition par une structure d'insertion ou "
        "sous-traitance, avec l'appui du facilitateur.";
    sentence(part);
  }
  if (s.anru_charter) {
    sentence(
        "Opération de renouvellement urbain (charte nationale d'insertion de l'ANRU) : " +
        (s.anru_hours ? "au moins " + fr::hours(*s.anru_hours)
                      : std::string("les heures fixées par la charte")) +
        " d'insertion, au bénéfice en priorité des habitants des quartiers prioritaires de la politique de "
        "la ville.");
  }
  if (s.insertion_service) {
    sentence(
        "Marché de services d'insertion et de qualification professionnelles : l'insertion des personnes "
        "est l'objet même du marché, les prestations en sont le support.");
  }
  if (!text.empty() && !s.performance_basis.empty())
    sentence("Fondement : " + join(s.performance_basis, ", ") + ".");
  return fr::typography(text);
}

class EformsSink final : public ExportSink {
 public:
  explicit EformsSink(std::ostream& out) : out_(out) {}

  void begin() override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<!-- clausier: eForms fields of the social considerations of each lot (eForms SDK 1.14: "
            "BT-06-Lot, BT-775-Lot, BT-71-Lot, BT-70-Lot), to merge into the cac:ProcurementProjectLot of "
            "a notice. -->\n"
         << "<clausier:Lots xmlns:clausier=\"" << clausier_ns << "\" xmlns:cac=\"" << cac_ns
         << "\" xmlns:cbc=\"" << cbc_ns << "\">\n";
  }

  void lot(const ExportLot& x) override {
    const Lot& lot = x.evaluation.lot;
    const SocialConsiderations& s = x.social;
    out_ << "  <clausier:Lot reference=\"" << escape_xml(lot.reference) << "\" consultation=\""
         << escape_xml(lot.consultation) << "\"";
    if (!lot.lot.empty()) out_ << " lot=\"" << escape_xml(lot.lot) << "\"";
    out_ << ">\n    <cac:ProcurementProjectLot>\n";
    if (const std::string id = lot_identifier(lot); !id.empty()) {
      out_ << "      <cbc:ID schemeName=\"Lot\">" << id << "</cbc:ID>\n";
    }
    out_ << "      <cac:TenderingTerms>\n";
    std::vector<std::string_view> reserved;
    if (s.reserved_sheltered || s.reserved_penitentiary) reserved.emplace_back("res-ws");
    if (s.reserved_public_service) reserved.emplace_back("res-pub-ser");
    if (reserved.empty()) reserved.emplace_back("none");
    for (auto code : reserved) {
      out_ << "        <cac:TendererQualificationRequest>\n"
              "          <cac:SpecificTendererRequirement>\n"
              "            <cbc:TendererRequirementTypeCode listName=\"reserved-procurement\">"
           << code
           << "</cbc:TendererRequirementTypeCode>\n"
              "          </cac:SpecificTendererRequirement>\n"
              "        </cac:TendererQualificationRequest>\n";
    }
    if (const std::string terms = terms_of_performance(s); !terms.empty()) {
      out_ << "        <cac:ContractExecutionRequirement>\n"
              "          <cbc:ExecutionRequirementCode listName=\"conditions\">performance"
              "</cbc:ExecutionRequirementCode>\n"
              "          <cbc:Description languageID=\"FRA\">"
           << escape_xml(terms)
           << "</cbc:Description>\n"
              "        </cac:ContractExecutionRequirement>\n";
    }
    out_ << "      </cac:TenderingTerms>\n      <cac:ProcurementProject>\n";
    additional_type("strategic-procurement", s.any() ? "soc-obj" : "none");
    // Employment of people far from work: insertion in every form, and the
    // reservations to EA/ESAT, SIAE and operators of prison work; the ESS
    // reservation serves another aim.
    if (s.execution_clause() || s.award_criterion || s.reserved_sheltered || s.reserved_penitentiary)
      additional_type("social-objective", "opp");
    if (s.reserved_public_service) additional_type("social-objective", "other");
    out_ << "      </cac:ProcurementProject>\n    </cac:ProcurementProjectLot>\n  </clausier:Lot>\n";
  }

  void end() override {
    out_ << "</clausier:Lots>\n";
    out_.flush();
  }

 private:
  void additional_type(std::string_view list, std::string_view code) {
    out_ << "        <cac:ProcurementAdditionalType>\n"
            "          <cbc:ProcurementTypeCode listName=\""
         << list << "\">" << code
         << "</cbc:ProcurementTypeCode>\n"
            "        </cac:ProcurementAdditionalType>\n";
  }

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ExportSink> make_eforms_sink(std::ostream& out) { return std::make_unique<EformsSink>(out); }

}  // namespace clausier::writers
