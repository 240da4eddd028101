#include "readers/columns.hpp"

#include <array>

#include "base/quoted.hpp"
#include "base/text.hpp"
#include "readers/values.hpp"

namespace clausier::readers {
namespace {

std::optional<Column> column_for_key(std::string_view key) {
  for (const LotFieldInfo& c : lot_fields()) {
    if (key == text::fold_key(c.key) || key == text::fold_key(c.header)) return c.field;
    for (const std::string_view synonym : c.synonyms) {
      if (key == synonym) return c.field;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Column> column_for_header(std::string_view header) {
  const std::string key = text::fold_key(header);
  if (key.empty()) return std::nullopt;
  if (auto c = column_for_key(key)) return c;
  // Units after the name: "Montant HT en euros", "Durée (en mois)" is listed.
  for (const std::string_view unit : {"eneuros", "euros", "eneur", "eur"}) {
    if (key.size() > unit.size() && key.ends_with(unit))
      return column_for_key(key.substr(0, key.size() - unit.size()));
  }
  return std::nullopt;
}

std::optional<std::size_t> ColumnMap::index(Column c) const {
  const std::size_t i = index_[static_cast<std::size_t>(c)];
  if (i == absent) return std::nullopt;
  return i;
}

std::string_view ColumnMap::header(Column c) const {
  const auto i = index(c);
  return i ? std::string_view(headers_[*i]) : std::string_view();
}

ColumnMap map_columns(const Record& header_row, const TabularSource& src, DiagnosticSink& diags) {
  ColumnMap map;
  map.index_.fill(ColumnMap::absent);
  std::vector<std::string> unknown;
  for (std::size_t i = 0; i < header_row.cells.size(); ++i) {
    const std::string header(text::trim(cell_display(header_row.cells[i])));
    map.headers_.push_back(header);
    if (header.empty()) continue;  // an unnamed column: nothing to read there
    const auto column = column_for_header(header);
    if (!column) {
      unknown.push_back(header);
      continue;
    }
    std::size_t& slot = map.index_[static_cast<std::size_t>(*column)];
    if (slot == ColumnMap::absent) {
      slot = i;
      continue;
    }
    diags.error(src.locate(header_row, i, header),
                "les en-têtes " + fr::quoted(map.headers_[slot]) + " et " + fr::quoted(header) +
                    " désignent tous deux la colonne " + fr::quoted(column_header(*column)) +
                    " : seul le premier est lu ; renommez ou supprimez l'autre");
  }
  const Location row = src.locate(header_row, TabularSource::whole_record, "");
  if (!unknown.empty()) {
    diags.note(row, std::string(unknown.size() == 1 ? "colonne non reconnue, ignorée : "
                                                    : "colonnes non reconnues, ignorées : ") +
                        fr::quoted_list(unknown));
  }
  map.ok_ = true;
  for (const LotFieldInfo& c : lot_fields()) {
    if (!c.required || map.has(c.field)) continue;
    map.ok_ = false;
    diags.error(row,
                "colonne obligatoire " + fr::quoted(c.header) +
                    " absente : ajoutez-la ou renommez l'en-tête qui en tient lieu ; en-têtes trouvés : " +
                    fr::quoted_list(map.headers_));
  }
  return map;
}

}  // namespace clausier::readers
