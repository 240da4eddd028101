#include "readers/lot_reader.hpp"

#include <stdexcept>

#include "base/quoted.hpp"
#include "base/text.hpp"
#include "readers/values.hpp"

namespace clausier::readers {
namespace {

const Cell& empty_cell() {
  static const Cell empty;
  return empty;
}

bool is_blank_record(const Record& r) {
  for (const Cell& cell : r.cells) {
    if (!is_blank(cell)) return false;
  }
  return true;
}

// What a required column holds, for "missing value" messages.
std::string what(Column c) {
  const LotFieldInfo& field = lot_field(c);
  return field.content.empty() ? fr::quoted(field.header) : std::string(field.content);
}

}  // namespace

DiagnosticSink& discard_diagnostics() {
  static DiscardDiagnostics sink;
  return sink;
}

LotReader::LotReader(TabularSource& src, DiagnosticSink& diags) : src_(&src), diags_(&diags) {
  read_header();
}

LotReader::LotReader(std::unique_ptr<TabularSource> src, DiagnosticSink& diags)
    : owned_(std::move(src)), src_(owned_.get()), diags_(&diags) {
  read_header();
}

void LotReader::read_header() {
  if (!src_->next(record_, *diags_)) {
    diags_->error(src_->locate(record_, TabularSource::whole_record, ""),
                  "fichier vide : la première ligne doit porter les en-têtes des colonnes (Référence, Objet, "
                  "Nature, Code CPV, Montant estimé HT, Date prévisionnelle de lancement…)");
    return;
  }
  columns_ = map_columns(record_, *src_, *diags_);
  header_ok_ = columns_.ok();
  header_width_ = record_.cells.size();
}

bool LotReader::next(Lot& out) {
  if (!header_ok_) return false;
  while (src_->next(record_, *diags_)) {
    if (is_blank_record(record_)) continue;
    ++stats_.rows;
    if (read_lot(out)) {
      ++stats_.lots;
      return true;
    }
    ++stats_.rejected;
  }
  return false;
}

bool LotReader::next_keys(RecordKeys& out) {
  if (!header_ok_) return false;
  while (src_->next(record_, discard_diagnostics())) {
    if (is_blank_record(record_)) continue;
    out.reference = is_blank(cell(Column::reference)) ? std::string() : text(Column::reference);
    out.consultation = text(Column::consultation);
    if (out.consultation.empty()) out.consultation = out.reference;
    const auto amount = parse_amount(cell(Column::montant_ht));
    out.cents = amount ? std::optional<std::int64_t>(amount.value()) : std::nullopt;
    return true;
  }
  return false;
}

const Cell& LotReader::cell(Column c) const {
  const auto i = columns_.index(c);
  if (!i || *i >= record_.cells.size()) return empty_cell();
  return record_.cells[*i];
}

std::string LotReader::text(Column c) const { return std::string(text::trim(cell_display(cell(c)))); }

Location LotReader::where(Column c) const {
  return src_->locate(record_, columns_.index(c).value_or(TabularSource::whole_record), columns_.header(c));
}

void LotReader::problem(Column c, std::string_view message) {
  diags_->error(where(c), message);
  row_ok_ = false;
}

const Cell* LotReader::required(Column c) {
  const Cell& value = cell(c);
  if (!is_blank(value)) return &value;
  problem(c, "valeur manquante : indiquez " + what(c) + " (" + src_->required_value_hint(columns_.header(c)) +
                 ")");
  return nullptr;
}

void LotReader::check_extra_cells() {
  for (std::size_t i = header_width_; i < record_.cells.size(); ++i) {
    if (is_blank(record_.cells[i])) continue;
    if (src_->is_sheet()) {
      // Once per sheet: notes beside a table are common and harmless.
      if (extra_cells_noted_) return;
      extra_cells_noted_ = true;
      diags_->note(
          src_->locate(record_, i, ""),
          "des cellules à droite de la dernière colonne d'en-tête sont ignorées (première : celle-ci) : "
          "donnez un en-tête à leur colonne si elles doivent être lues");
      return;
    }
    diags_->warning(src_->locate(record_, TabularSource::whole_record, ""),
                    "cette ligne a plus de valeurs que l'en-tête n'a de colonnes : les valeurs en trop sont "
                    "ignorées ; vérifiez les séparateurs et les guillemets");
    return;
  }
}

bool LotReader::read_lot(Lot& out) {
  row_ok_ = true;
  out = Lot{};
  check_extra_cells();
  for (const LotFieldInfo& field : lot_fields()) {
    read_field(field, out);
    if (field.field == Column::reference && !out.reference.empty()) {
      if (const std::uint32_t first = references_.insert(out.reference, record_.line)) {
        problem(Column::reference, "référence " + fr::quoted(out.reference, 40) + " déjà utilisée ligne " +
                                       std::to_string(first) +
                                       " : chaque ligne doit avoir sa propre référence");
      }
    }
  }
  if (out.consultation.empty()) out.consultation = out.reference;
  out.source = src_->locate(record_, TabularSource::whole_record, "");
  return row_ok_;
}

// Parses the cell of `field` with the parser of its kind and sets the value.
// A blank cell leaves the field as Lot{} has it (a required one is reported).
void LotReader::read_field(const LotFieldInfo& field, Lot& out) {
  const Column c = field.field;
  const Cell* value = field.required ? required(c) : &cell(c);
  if (value == nullptr || is_blank(*value)) return;
  const auto keep = [&](const auto& parsed, auto to_value) {
    if (!parsed) {
      problem(c, parsed.error());
      return;
    }
    if (!parsed.warning().empty()) diags_->warning(where(c), parsed.warning());
    if (!field.set(out, to_value(parsed.value()))) {
      throw std::logic_error("lot field " + std::string(field.key) +
                             ": its setter refuses a value of its kind");
    }
  };
  const auto as_is = [](const auto& v) { return LotValue(v); };
  const auto as_text = [](const std::string& s) { return LotValue(std::string_view(s)); };
  const auto as_whole = [](auto n) { return LotValue(static_cast<std::int64_t>(n)); };
  switch (field.kind) {
    case LotValueKind::text: {
      const std::string s = text(c);
      field.set(out, std::string_view(s));
      break;
    }
    case LotValueKind::buyer_type:
      keep(parse_buyer_type(*value), [](BuyerType t) { return LotValue(buyer_type_id(t)); });
      break;
    case LotValueKind::nature:
      keep(parse_nature(*value), [](Nature n) { return LotValue(nature_id(n)); });
      break;
    case LotValueKind::cpv: keep(parse_cpv(*value), as_text); break;
    case LotValueKind::amount: keep(parse_amount(*value), as_whole); break;
    case LotValueKind::months: keep(parse_months(*value), as_whole); break;
    case LotValueKind::date: keep(parse_date(*value), as_is); break;
    case LotValueKind::departement: keep(parse_lieu(*value), as_text); break;
    case LotValueKind::flag: keep(parse_bool(*value), as_is); break;
    case LotValueKind::ratio: keep(parse_ratio(*value), as_is); break;
    case LotValueKind::euros_per_hour: keep(parse_hourly_cost(*value), as_is); break;
    case LotValueKind::monthly_hours: keep(parse_monthly_hours(*value), as_is); break;
  }
}

}  // namespace clausier::readers
