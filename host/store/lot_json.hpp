#pragma once
// A lot as the workspace keeps it: its values, the place of its row in the
// source file and its consultation's totals, as compact JSON; and back.
// Every field of model/lot_field.hpp is kept under its key (amounts in cents,
// dates ISO), with the considerations a DECP record declared, so that a
// stored lot evaluates as the row it came from.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/lot.hpp"

namespace clausier::store {

[[nodiscard]] std::string lot_to_json(const Lot& lot, const ConsultationTotals& totals);

// Throws std::runtime_error when `json` is not a stored lot.
[[nodiscard]] std::pair<Lot, ConsultationTotals> lot_from_json(const std::string& json);

// The values that make the lot what it is (not where its row was, nor the
// totals of its consultation), hashed: two versions of a lot with the same
// fingerprint are the same lot.
[[nodiscard]] std::string lot_fingerprint(const Lot& lot);

// The values of a lot as shown to a user, field by field ("montant_ht",
// "1 200 000 €"), in a fixed order: what a re-import compares.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> shown_values(const Lot& lot);

}  // namespace clausier::store
