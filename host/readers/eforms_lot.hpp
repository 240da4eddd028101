#pragma once
// One lot of an eForms notice made a lot of the programme (docs/eforms.md).
// The notice's parts are read flattened (readers/decp_record.hpp): each leaf
// element's path of local names from the element read, with the code list
// of a code in brackets (`listName`, else `schemeName`, else `unitCode`):
//   ID[Lot]                                                     BT-137 lot id
//   ProcurementProject.Name                                     BT-21 title
//   ProcurementProject.ProcurementTypeCode[contract-nature]     BT-23 nature
//   ProcurementProject.MainCommodityClassification.
//     ItemClassificationCode[cpv]                               BT-262 main CPV
//   ProcurementProject.RequestedTenderTotal.
//     EstimatedOverallContractAmount                            BT-27 estimated value
//     (and its `@currencyID` as a field of its own)
//   ProcurementProject.ProcurementAdditionalType.
//     ProcurementTypeCode[strategic-procurement]                BT-06
//     ProcurementTypeCode[social-objective]                     BT-775
//   TenderingTerms.TendererQualificationRequest.
//     SpecificTendererRequirement.
//     TendererRequirementTypeCode[reserved-procurement]         BT-71
//   ProcurementProject.RealizedLocation.Address.PostalZone      BT-5121 place
//   ProcurementProject.PlannedPeriod.DurationMeasure[MONTH]     BT-36 duration
// The procedure's cac:ProcurementProject uses the same paths without the
// leading "ProcurementProject.". An award notice's results (efac:NoticeResult)
// give the values awarded: BT-161 the notice's total, BT-720 each tender's.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/lot.hpp"
#include "readers/decp_record.hpp"

namespace clausier::readers {

// An amount of a notice: cents, and its currency as written (`currencyID`).
struct EformsAmount {
  std::int64_t cents = 0;
  std::string currency;
};

// What the notice says once for all its lots.
struct EformsNotice {
  std::string kind;              // root element: ContractNotice, PriorInformationNotice, ContractAwardNotice
  std::string notice_type;       // BT-02 (cn-standard, pin-only, pin-buyer, can-social…)
  std::string legal_basis;       // BT-01 cbc:RegulatoryDomain (32014L0024…)
  std::string notice_id;         // BT-701
  std::string folder_id;         // BT-04 procedure identifier
  std::optional<Date> issued;    // BT-05 dispatch date
  std::optional<Date> planned;   // BT-127 date of the future notice (prior information notices)
  std::string buyer;             // the buyer's name (efac:Organization named by cac:ContractingParty)
  std::string buyer_legal_type;  // BT-11 code
  std::string buyer_activity_list;  // listName of BT-10/BT-610: authority-activity or entity-activity
  DecpRecord procedure;             // the procedure's cac:ProcurementProject, flattened
  // Award notices (efac:NoticeResult): BT-161, the value of all the contracts
  // the notice awards; per lot id, the sum of BT-720 of the tenders its
  // results select (`selec-w`), when they are in one currency.
  std::optional<EformsAmount> awarded_total;
  std::unordered_map<std::string, EformsAmount> awarded;
  std::uint32_t line = 0;  // of the root element
};

struct EformsMapping {
  std::vector<std::string> errors;    // the lot cannot be evaluated (French sentences)
  std::vector<std::string> warnings;  // what was taken from elsewhere or left out
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

// The identifier of a lot (BT-137, "LOT-0001"), or of a part of a prior
// information notice ("PAR-0001"); empty when the element is neither (a
// group of lots).
[[nodiscard]] std::string eforms_lot_id(const DecpRecord& lot);

// The lot's own value in cents: its estimated value (BT-27), else, in an
// award notice, the value awarded for it (BT-720 of its selected tenders,
// in euros); nothing when neither reads.
[[nodiscard]] std::optional<std::int64_t> eforms_lot_amount(const EformsNotice& notice,
                                                            const DecpRecord& lot);
// The procedure's estimated value (BT-27).
[[nodiscard]] std::optional<std::int64_t> eforms_procedure_amount(const EformsNotice& notice);

// The amount of the notice's consultation for the thresholds: the
// procedure's estimated value (BT-27), else the value the notice awards
// (BT-161); nothing when neither reads.
[[nodiscard]] std::optional<std::int64_t> eforms_consultation_amount(const EformsNotice& notice);

// An amount as written in a notice ("123456.78"), in cents; nothing when it
// is not a positive number.
[[nodiscard]] std::optional<std::int64_t> eforms_amount(std::string_view text);

// A date of a notice: "2019-11-25+01:00", "2019-11-25Z" or "2019-11-25".
[[nodiscard]] std::optional<Date> eforms_date(std::string_view text);

// The consultation the lots of a notice belong to: the procedure identifier
// (BT-04), else the notice's.
[[nodiscard]] std::string eforms_consultation(const EformsNotice& notice);

// Fills `out` from one cac:ProcurementProjectLot of `notice`.
[[nodiscard]] EformsMapping eforms_lot(const EformsNotice& notice, const DecpRecord& lot, Lot& out);

// The programme's buyer type for a notice's BT-11 code and activity list;
// nothing when the code does not say (the default of the programme applies).
[[nodiscard]] std::optional<BuyerType> eforms_buyer_type(std::string_view legal_type,
                                                         std::string_view activity_list);

// The recorded social considerations (DECP labels, see model/lot.hpp) of the
// codes a lot declares: BT-06 `soc-obj` and BT-775 codes read "Clause
// sociale", BT-71 reservations "Marché réservé"; a lot that declares none
// of them reads "Pas de considération sociale" (the notice is the buyer's
// declaration: what it does not say is not there).
[[nodiscard]] std::vector<std::string> eforms_social_considerations(const DecpRecord& lot);
inline constexpr std::string_view eforms_nothing_social = "Pas de considération sociale";

}  // namespace clausier::readers
