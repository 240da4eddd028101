#pragma once
// The fields of a lot as a programme, a fiche de consultation, a plugin, the
// evaluate JSON and a rule test case name them: the one table of the
// programme columns (docs/programme.md). Readers match headers against it,
// the Lua layer and the writers take their field names from it.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

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
  part_main_oeuvre,
  taux_insertion,
  cout_horaire,
};
inline constexpr std::size_t lot_field_count = 16;

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
};

// Every field, in the order of LotField.
[[nodiscard]] const std::array<LotFieldInfo, lot_field_count>& lot_fields();
[[nodiscard]] const LotFieldInfo& lot_field(LotField f);
[[nodiscard]] inline std::string_view lot_field_key(LotField f) { return lot_field(f).key; }
// The field whose key is `key` ("montant_ht"), exactly.
[[nodiscard]] std::optional<LotField> lot_field_from_key(std::string_view key);

}  // namespace clausier
