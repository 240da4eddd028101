#include "readers/lot_reader.hpp"

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

// Parses column `c` into `out` with `parse` (a function of a Cell returning a
// Parsed value). A blank optional cell leaves `out` as it is.
template <typename Out, typename Parse>
void LotReader::read_value(Column c, Parse parse, Out& out) {
  const Cell* value = column_required(c) ? required(c) : &cell(c);
  if (value == nullptr || is_blank(*value)) return;
  const auto parsed = parse(*value);
  if (parsed) {
    out = parsed.value();
  } else {
    problem(c, parsed.error());
  }
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
  if (required(Column::reference) != nullptr) {
    out.reference = text(Column::reference);
    if (const std::uint32_t first = references_.insert(out.reference, record_.line)) {
      problem(Column::reference, "référence " + fr::quoted(out.reference, 40) + " déjà utilisée ligne " +
                                     std::to_string(first) +
                                     " : chaque ligne doit avoir sa propre référence");
    }
  }
  out.consultation = text(Column::consultation);
  if (out.consultation.empty()) out.consultation = out.reference;
  out.lot = text(Column::lot);
  if (required(Column::objet) != nullptr) out.objet = text(Column::objet);
  out.acheteur = text(Column::acheteur);
  read_value(
      Column::type_acheteur, [](const Cell& v) { return parse_buyer_type(v); }, out.type_acheteur);
  read_value(
      Column::nature, [](const Cell& v) { return parse_nature(v); }, out.nature);
  read_value(
      Column::cpv, [](const Cell& v) { return parse_cpv(v); }, out.cpv);
  read_value(
      Column::montant_ht, [](const Cell& v) { return parse_amount(v); }, out.montant_ht_cents);
  read_value(
      Column::duree_mois, [](const Cell& v) { return parse_months(v); }, out.duree_mois);
  read_value(
      Column::date_lancement, [](const Cell& v) { return parse_date(v); }, out.date_lancement);
  read_value(
      Column::lieu, [](const Cell& v) { return parse_lieu(v); }, out.lieu);
  read_value(
      Column::anru, [](const Cell& v) { return parse_bool(v); }, out.anru);
  const auto ratio = [](const Cell& v) { return parse_ratio(v); };
  read_value(Column::part_main_oeuvre, ratio, out.overrides.part_main_oeuvre);
  read_value(Column::taux_insertion, ratio, out.overrides.taux_insertion);
  read_value(
      Column::cout_horaire, [](const Cell& v) { return parse_hourly_cost(v); }, out.overrides.cout_horaire);
  out.source = src_->locate(record_, TabularSource::whole_record, "");
  return row_ok_;
}

}  // namespace clausier::readers
