#pragma once
// The fields of a lot as a programme, a fiche de consultation, a plugin, the
// evaluate JSON, the workspace and a rule test case name them: the one table
// of the programme columns (docs/programme.md). Each entry says how the field
// is named, what kind of value it holds and how that value is read from and
// written to a Lot; readers, the Lua lot table, the JSON writers, the store
// and the rule test cases loop over the table and dispatch on the kind, so a
// new column of an existing kind is one entry (and its member of Lot).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

#include "base/date.hpp"
#include "model/lot.hpp"

namespace clausier {

enum class LotField {
  reference,
  consultation,
  lot,
  objet,
  acheteur,
  type_acheteur,
  nature,
  cpv,
  montant_ht,
  duree_mois,
  date_lancement,
  lieu,
  anru,
  marche_defense,
  concession,
  reprise_heures_mois,
  part_main_oeuvre,
  taux_insertion,
  cout_horaire,
};
inline constexpr std::size_t lot_field_count = 19;

// What a field holds. The kind decides the readers' parser, the Lua and
// JSON types and how the value is shown.
enum class LotValueKind {
  text,            // free text
  buyer_type,      // a BuyerType, by its id ("entite-adjudicatrice")
  nature,          // a Nature, by its id ("travaux")
  cpv,             // 8 digits, check digit removed
  amount,          // euros, kept in cents (a whole number)
  months,          // a whole number of months
  date,            // a calendar date
  departement,     // a département code ("61", "2A", "971")
  flag,            // yes or no
  ratio,           // 0 to 1 (a programme may write 35 %)
  euros_per_hour,  // a positive amount per hour
  monthly_hours,   // a number of hours per month, decimal, 0 or more
};

// A field's value as it is in a Lot: absent, a text (ids of buyer types and
// natures, codes, free text), a whole number (cents of an amount, months), a
// decimal, a flag or a date. Texts refer to the Lot (or to static ids): a
// LotValue does not outlive the Lot it was read from.
using LotValue = std::variant<std::monostate, std::string_view, std::int64_t, double, bool, Date>;

struct LotFieldInfo {
  LotField field;
  std::string_view key;     // "montant_ht": in Lua, JSON, rule test cases, the server's forms
  std::string_view header;  // "Montant estimé HT": the usual header of a programme
  std::string_view name;    // "montant": the key of a fiche de consultation, in messages
  bool required;            // a programme without the column is refused
  // What a required field holds, for "missing value" messages; empty: the header.
  std::string_view content;
  // Other headers naming the field, folded with text::fold_key. The usual
  // header and the key are matched too (the name folds to one of them or to
  // a synonym).
  std::vector<std::string_view> synonyms;
  LotValueKind kind = LotValueKind::text;
  // A rule parameter set per lot by the facilitator (part_main_oeuvre…):
  // plugins read it with ctx.override(key), not in their lot table, and the
  // evaluation JSON does not repeat it in its lots.
  bool parameter = false;
  // The value in `lot` (std::monostate when absent), and its setter, which
  // takes a value of the field's kind (std::monostate clears it) and returns
  // false, leaving the lot as it is, for any other (an unknown id).
  LotValue (*get)(const Lot& lot) = nullptr;
  bool (*set)(Lot& lot, const LotValue& value) = nullptr;
};

// Every field, in the order of LotField.
[[nodiscard]] const std::array<LotFieldInfo, lot_field_count>& lot_fields();
[[nodiscard]] const LotFieldInfo& lot_field(LotField f);
[[nodiscard]] inline std::string_view lot_field_key(LotField f) { return lot_field(f).key; }
// The field whose key is `key` ("montant_ht"), exactly.
[[nodiscard]] std::optional<LotField> lot_field_from_key(std::string_view key);

// The ids a field of kind buyer_type or nature accepts, in the program's order
// (empty for other kinds): for messages that list them.
[[nodiscard]] std::vector<std::string_view> lot_value_ids(LotValueKind kind);
// The value as a reader sees it in a table or a history: "1 234 567,89 €",
// "01/03/2027", "oui", "0,35"; empty when absent.
[[nodiscard]] std::string lot_value_display(const LotFieldInfo& field, const LotValue& value);

}  // namespace clausier
