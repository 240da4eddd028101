#pragma once
// How the headers of a file are matched to the columns of a programme (the
// lot fields of model/lot_field.hpp, docs/programme.md): without regard to
// case, accents, spaces or punctuation, by the usual French header, the key
// or an obvious synonym.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "model/lot_field.hpp"
#include "readers/tabular.hpp"

namespace clausier::readers {

using Column = LotField;
inline constexpr std::size_t column_count = lot_field_count;

[[nodiscard]] inline std::string_view column_key(Column c) { return lot_field(c).key; }  // "montant_ht"
// "Montant estimé HT", the usual header.
[[nodiscard]] inline std::string_view column_header(Column c) { return lot_field(c).header; }
[[nodiscard]] inline bool column_required(Column c) { return lot_field(c).required; }
// The column a header names ("Montant HT", "MONTANT ESTIMÉ (HT)"), if any.
[[nodiscard]] std::optional<Column> column_for_header(std::string_view header);

// Where each column is in a file.
class ColumnMap {
 public:
  [[nodiscard]] std::optional<std::size_t> index(Column c) const;
  [[nodiscard]] bool has(Column c) const { return index(c).has_value(); }
  // The header as written in the file (empty when the column is absent).
  [[nodiscard]] std::string_view header(Column c) const;
  // False when a required column is missing or a column appears twice.
  [[nodiscard]] bool ok() const { return ok_; }

 private:
  friend ColumnMap map_columns(const Record&, const TabularSource&, DiagnosticSink&);
  static constexpr std::size_t absent = static_cast<std::size_t>(-1);
  std::array<std::size_t, column_count> index_{};
  std::vector<std::string> headers_;  // every header of the file, as written
  bool ok_ = false;
};

// Matches the header row of `src` and reports: a note listing the columns it
// does not know (they are ignored), an error for a column found twice, an
// error for each required column missing (with the headers found).
[[nodiscard]] ColumnMap map_columns(const Record& header_row, const TabularSource& src,
                                    DiagnosticSink& diags);

}  // namespace clausier::readers
