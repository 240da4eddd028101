#pragma once
// One DECP contract made a lot (see docs/decp.md for the mapping and its
// reasons):
//   reference    acheteur.id followed by id (the "uid" of the consolidated
//                DECP: a contract's id is unique only for its buyer)
//   consultation the reference (DECP does not link the lots of one
//                consultation, nor should a framework agreement be summed
//                with its subsequent contracts: it is published with its
//                own maximum amount)
//   nature       from the CPV division (Regulation (EC) No 213/2008, annex I:
//                45 works; 01-44 and 48 supplies; 49-98 services); DECP's
//                own "nature" only says whether it is a defence or security
//                contract (type_acheteur "defense")
//   date         dateNotification: DECP has no launch date
//   lieu         lieuExecution {code, typeCode} made a département code
//   recorded_*   considerationsSociales / considerationsEnvironnementales
// Dirty values are repaired when the repair is unambiguous (amounts and
// durations as text, dates with a time zone, mojibake, text in
// Windows-1252), and each repair is named; a contract without an id is
// named by its buyer and its line ("<acheteur.id>#<line>"), the evaluation
// not needing the id; a contract without what a lot needs (objet, CPV,
// amount, notification date) gets errors instead, except that a contract
// without a CPV code (no nature) or with an amount absent or 0 is evaluated
// under hypotheses (Lot::unknown, engine/hypotheses.hpp), each said where it is.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/lot.hpp"
#include "readers/decp_record.hpp"

namespace clausier::readers {

// What a contract that cannot be a lot lacks, for the summary of a file.
enum class DecpGap { record, objet, cpv, amount, date };
inline constexpr std::size_t decp_gap_count = 5;
// "sans code CPV lisible": how the summary says it.
[[nodiscard]] std::string_view decp_gap_label(DecpGap gap);

struct DecpProblem {
  std::uint32_t line = 0;
  std::string message;  // French, a full sentence
  DecpGap gap = DecpGap::record;
};

struct DecpMapping {
  std::vector<DecpProblem> errors;    // the contract cannot be a lot
  std::vector<std::string> repairs;   // what was repaired, one phrase each
  std::vector<DecpProblem> unknowns;  // values left unknown (Lot::unknown): evaluated under hypotheses
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

// Fills `out` from `record`, a public contract or a concession (then marked
// Lot::concession, with autoriteConcedante, valeurGlobale, dateSignature and
// no CPV: the nature follows DECP's "Concession de travaux" or services).
[[nodiscard]] DecpMapping decp_lot(const DecpRecord& record, Lot& out);

// The reference of a contract (see above); empty without an id.
[[nodiscard]] std::string decp_reference(const DecpRecord& record);
// The reference the reader makes for a contract it cannot name by its id
// alone (no id, or an id another contract of the same buyer already has):
// `base` (the buyer, or the reference) followed by "#" and the record's line.
[[nodiscard]] std::string decp_reference_at_line(std::string_view base, std::uint32_t line);
// What tells one award from another under the same reference: the day of
// notification (a concession's signature) and the amount.
// A record with the same reference and the same award is the contract
// published again; another date or amount under the same id is another
// contract (placeholder ids such as "0000000000000000", the lots of one
// consultation given the consultation's id).
[[nodiscard]] std::string decp_award_key(const DecpRecord& record);
// The amount in cents, when it can be read (silent, for the totals pass).
[[nodiscard]] std::optional<std::int64_t> decp_amount(const DecpRecord& record);

// The nature of a lot from the division of its CPV code (8 digits); nothing
// for a division the nomenclature does not have (00, 46, 47, 99).
[[nodiscard]] std::optional<Nature> nature_of_cpv_division(std::string_view cpv);

// The département of a DECP place of performance: a postal code, an INSEE
// code of commune ("2B002", "97101"), arrondissement, canton or département.
// Nothing for a region or a country, or a code that does not read.
[[nodiscard]] std::optional<std::string> decp_departement(std::string_view code, std::string_view type_code);

}  // namespace clausier::readers
