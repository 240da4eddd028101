#include "readers/sheet_source.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <optional>
#include <set>

#include "base/quoted.hpp"
#include "base/text.hpp"
#include "readers/lot_reader.hpp"
#include "readers/ods_book.hpp"
#include "readers/values.hpp"
#include "readers/xlsx_book.hpp"
#include "readers/zip_package.hpp"

namespace clausier::readers {
namespace {

constexpr std::string_view ole2_signature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr const char* save_as = "enregistrez le programme en .xlsx, .ods ou .csv depuis votre tableur";

// ---------------------------------------------------------------------------
// Bytes

std::string read_range(const sheet::Bytes& bytes, std::uint64_t offset, std::size_t size) {
  if (bytes.content) {
    if (offset >= bytes.content->size()) return {};
    return bytes.content->substr(static_cast<std::size_t>(offset), size);
  }
  std::ifstream in(bytes.path, std::ios::binary);
  if (!in) return {};
  in.seekg(static_cast<std::streamoff>(offset));
  std::string out(size, '\0');
  in.read(out.data(), static_cast<std::streamsize>(size));
  out.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return out;
}

std::uint32_t le32(std::string_view b, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 4; i-- > 0;) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

// An OLE2 compound file holding "EncryptedPackage": an Office file
// (xlsx…) saved with a password. Its directory is followed through the
// first 109 FAT sectors, which covers any file of a reasonable size.
bool ole2_encrypted(const sheet::Bytes& bytes) {
  const std::string header = read_range(bytes, 0, 512);
  if (header.size() < 512) return false;
  const unsigned shift =
      static_cast<unsigned char>(header[0x1E]) | (static_cast<unsigned char>(header[0x1F]) << 8);
  if (shift != 9 && shift != 12) return false;
  const std::size_t sector = std::size_t{1} << shift;
  const auto sector_at = [&](std::uint32_t n) {
    return read_range(bytes, (std::uint64_t{n} + 1) << shift, sector);
  };
  const auto fat_next = [&](std::uint32_t n) -> std::uint32_t {
    const std::size_t per_sector = sector / 4;
    const std::size_t fat_index = n / per_sector;
    if (fat_index >= 109) return 0xFFFFFFFE;
    const std::uint32_t fat_sector = le32(header, 0x4C + fat_index * 4);
    const std::string fat = sector_at(fat_sector);
    if (fat.size() < sector) return 0xFFFFFFFE;
    return le32(fat, (n % per_sector) * 4);
  };
  static constexpr std::array<std::string_view, 2> names = {"EncryptedPackage", "EncryptionInfo"};
  std::uint32_t current = le32(header, 0x30);
  for (int steps = 0; steps < 256 && current < 0xFFFFFFFA; ++steps) {
    const std::string dir = sector_at(current);
    if (dir.size() < sector) return false;
    for (std::size_t at = 0; at + 128 <= dir.size(); at += 128) {
      const std::size_t length =
          static_cast<unsigned char>(dir[at + 64]) | (static_cast<unsigned char>(dir[at + 65]) << 8);
      std::string name;
      for (std::size_t i = 0; i + 1 < std::min<std::size_t>(length, 64); i += 2) {
        if (dir[at + i + 1] == '\0' && dir[at + i] != '\0') name += dir[at + i];
      }
      if (std::find(names.begin(), names.end(), name) != names.end()) return true;
    }
    current = fat_next(current);
  }
  return false;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

// "XLSX", "ODS": what the file's extension promised, for messages.
std::string expected_format(const std::string& file) {
  const std::string extension = lower_ascii(std::filesystem::path(file).extension().string());
  if (extension == ".xlsx" || extension == ".xlsm") return "classeur XLSX";
  if (extension == ".ods") return "classeur ODS";
  if (extension == ".xls") return "classeur XLS";
  return "classeur";
}

// Why bytes that are not a zip archive are not a workbook.
std::string not_a_workbook(const sheet::Bytes& bytes, std::string_view head, const std::string& file) {
  const std::string expected = expected_format(file);
  if (head.empty()) return "fichier vide : il ne contient aucun classeur";
  if (head.starts_with("PK\x05\x06")) {
    return "archive zip vide : le fichier ne contient aucune feuille ; enregistrez de nouveau le classeur "
           "depuis "
           "votre tableur";
  }
  if (head.starts_with(ole2_signature)) {
    if (ole2_encrypted(bytes)) {
      return "classeur protégé par un mot de passe : ouvrez-le dans votre tableur, enregistrez-le sans mot "
             "de "
             "passe et donnez ce fichier";
    }
    return "ancien format Excel 97-2003 : enregistrez le fichier en .xlsx ou .csv";
  }
  if (head.starts_with("%PDF")) return "ce fichier est un PDF, pas un " + expected + " : " + save_as;
  std::string_view start = head;
  if (start.starts_with("\xEF\xBB\xBF")) start.remove_prefix(3);
  const std::string lowered = lower_ascii(text::trim(start.substr(0, 512)));
  if (lowered.starts_with("<!doctype html") || lowered.starts_with("<html") ||
      lowered.find("<table") != std::string::npos) {
    return "ce fichier est une page HTML, pas un " + expected + " : ouvrez-le dans votre tableur et " +
           save_as;
  }
  if (lowered.starts_with("<")) {
    return "ce fichier est un document XML, pas un " + expected +
           " (un classeur « XML 2003 » ou .fods ?) : " + save_as;
  }
  if (head.find('\0') == std::string_view::npos) {
    return "ce fichier est un fichier texte (un CSV renommé ?), pas un " + expected +
           " : donnez-lui l'extension .csv, ou " + save_as;
  }
  return "ce fichier n'est pas un " + expected + " (contenu non reconnu) : " + save_as;
}

// What a zip archive holds, when it is not a workbook read here.
std::optional<std::string> other_zip_kind(const sheet::ZipPackage& package) {
  if (package.has("xl/workbook.bin")) {
    return "classeur Excel binaire (.xlsb), non lu : enregistrez-le en .xlsx ou .csv depuis Excel";
  }
  if (package.has("word/document.xml"))
    return "ce fichier est un document Word, pas un classeur : " + std::string(save_as);
  if (package.has("ppt/presentation.xml")) {
    return "ce fichier est une présentation PowerPoint, pas un classeur : " + std::string(save_as);
  }
  return std::nullopt;
}

// Whatever else stops the reading (memory exhausted…): said, never a crash.
std::string unexpected(const std::exception& e) {
  return "le classeur n'a pas pu être lu jusqu'au bout (" + text::truncate(e.what(), 120) +
         ") : enregistrez le programme en CSV et donnez ce fichier";
}

// ---------------------------------------------------------------------------
// Sheets

struct SheetScan {
  std::string name;
  bool hidden = false;
  bool scanned = false;
  bool empty = true;
  std::uint32_t first_row = 0;   // first non-empty row
  std::uint32_t header_row = 0;  // 0: none found
  HeaderMatch match;
};

void scan_rows(sheet::RowReader& rows, const SpreadsheetLimits& limits, SheetScan& scan) {
  scan.scanned = true;
  Record record;
  for (std::uint32_t n = 0; n < limits.header_search_rows; ++n) {
    if (!rows.next(record, discard_diagnostics())) return;
    scan.empty = false;
    if (scan.first_row == 0) scan.first_row = record.line;
    const HeaderMatch match = match_header(record);
    if (match.is_header()) {
      scan.header_row = record.line;
      scan.match = match;
      return;
    }
  }
}

std::string column_list(const std::vector<Column>& columns) {
  std::string out;
  for (const Column c : columns) out += (out.empty() ? "" : ", ") + fr::quoted(column_header(c));
  return out;
}

std::string required_list() {
  std::string out;
  for (std::size_t i = 0; i < column_count; ++i) {
    const auto c = static_cast<Column>(i);
    if (column_required(c)) out += (out.empty() ? "" : ", ") + std::string(column_header(c));
  }
  return out;
}

std::string sheet_list(const std::vector<SheetScan>& scans, const SpreadsheetLimits& limits) {
  std::string out;
  for (const SheetScan& s : scans) {
    out += (out.empty() ? "" : ", ") + fr::quoted(s.name) + " (";
    if (s.hidden && !s.scanned) {
      out += "masquée, ignorée";
    } else if (!s.scanned) {
      out += "non lue";
    } else if (s.empty) {
      out += "vide";
    } else if (s.header_row == 0) {
      out += "pas de ligne d'en-têtes dans ses " + std::to_string(limits.header_search_rows) +
             " premières lignes";
    } else {
      out += "ligne " + std::to_string(s.header_row) + " : il manque " + column_list(s.match.missing);
    }
    out += ")";
  }
  return out;
}

// The index of the sheet `wanted` names, if any.
std::optional<std::size_t> find_sheet(const std::vector<SheetScan>& scans, std::string_view wanted) {
  for (std::size_t i = 0; i < scans.size(); ++i) {
    if (scans[i].name == wanted) return i;
  }
  const std::string key = text::fold_key(wanted);
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < scans.size(); ++i) {
    if (!key.empty() && text::fold_key(scans[i].name) == key) {
      if (found) return std::nullopt;  // ambiguous
      found = i;
    }
  }
  if (found) return found;
  const std::string_view trimmed = text::trim(wanted);
  if (!trimmed.empty() && trimmed.size() <= 4 &&
      std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const std::size_t position = std::stoul(std::string(trimmed));
    if (position >= 1 && position <= scans.size()) return position - 1;
  }
  return std::nullopt;
}

// Visits the sheets of a workbook in order: `visit(index, info, rows)`
// returns false to stop.
template <typename Visit>
void visit_sheets(SpreadsheetPlan& plan, const std::shared_ptr<sheet::ZipPackage>& package, Visit visit) {
  Location where;
  where.file = plan.file;
  if (plan.format == SpreadsheetFormat::xlsx) {
    for (std::size_t i = 0; i < plan.xlsx->sheets.size(); ++i) {
      where.sheet = plan.xlsx->sheets[i].name;
      auto open = [&]() {
        return std::make_unique<sheet::XlsxRows>(package, plan.xlsx, i, where, plan.limits);
      };
      if (!visit(i, plan.xlsx->sheets[i], open)) return;
    }
    return;
  }
  sheet::OdsReader reader(package, where, plan.limits);
  sheet::SheetInfo info;
  for (std::size_t i = 0; reader.next_sheet(info); ++i) {
    auto open = [&]() { return &reader.rows(); };
    if (!visit(i, info, open)) return;
  }
}

bool choose_sheet(SpreadsheetPlan& plan, const std::shared_ptr<sheet::ZipPackage>& package,
                  std::string_view wanted, DiagnosticSink& diags) {
  Location at_file;
  at_file.file = plan.file;
  std::vector<SheetScan> scans;
  std::optional<std::size_t> chosen;
  const bool named = !text::trim(wanted).empty();
  visit_sheets(plan, package, [&](std::size_t index, const sheet::SheetInfo& info, auto open) {
    SheetScan scan;
    scan.name = info.name;
    scan.hidden = info.hidden;
    scans.push_back(scan);
    if (named) {
      const auto match = find_sheet(scans, wanted);
      if (!match || *match != index) return true;
      auto rows = open();
      scan_rows(*rows, plan.limits, scans.back());
      chosen = index;
      return false;
    }
    if (info.hidden) return true;
    auto rows = open();
    scan_rows(*rows, plan.limits, scans.back());
    if (scans.back().match.complete()) {
      chosen = index;
      return false;
    }
    return true;
  });
  if (scans.empty()) {
    diags.error(at_file, "le classeur ne contient aucune feuille de calcul : " + std::string(save_as));
    return false;
  }
  if (named) {
    if (!chosen) {
      std::string names;
      for (const SheetScan& s : scans)
        names += (names.empty() ? "" : ", ") + fr::quoted(s.name) + (s.hidden ? " (masquée)" : "");
      diags.error(at_file, "feuille " + fr::quoted(text::trim(wanted)) +
                               " introuvable dans le classeur ; ses feuilles : " + names);
      return false;
    }
    const SheetScan& scan = scans[*chosen];
    if (scan.empty) {
      Location where = at_file;
      where.sheet = scan.name;
      diags.error(where, "la feuille " + fr::quoted(scan.name) +
                             " est vide : indiquez la feuille qui porte le programme");
      return false;
    }
    plan.sheet_index = *chosen;
    plan.sheet_name = scan.name;
    plan.header_row = scan.header_row != 0 ? scan.header_row : scan.first_row;
    return true;
  }
  if (!chosen) {
    diags.error(
        at_file,
        "aucune feuille visible du classeur ne porte la ligne d'en-têtes du programme (il faut au moins les "
        "colonnes " +
            required_list() + ") ; feuilles lues : " + sheet_list(scans, plan.limits) +
            " ; ajoutez les colonnes manquantes ou indiquez la feuille à lire (option --sheet)");
    return false;
  }
  plan.sheet_index = *chosen;
  plan.sheet_name = scans[*chosen].name;
  plan.header_row = scans[*chosen].header_row;
  return true;
}

// ---------------------------------------------------------------------------
// The source

class SheetSource final : public TabularSource {
 public:
  SheetSource(std::shared_ptr<const SpreadsheetPlan> plan, std::shared_ptr<sheet::ZipPackage> package)
      : plan_(std::move(plan)), package_(std::move(package)) {
    Location where;
    where.file = plan_->file;
    where.sheet = plan_->sheet_name;
    if (plan_->format == SpreadsheetFormat::xlsx) {
      xlsx_ =
          std::make_unique<sheet::XlsxRows>(package_, plan_->xlsx, plan_->sheet_index, where, plan_->limits);
      rows_ = xlsx_.get();
    } else {
      where.sheet.clear();
      ods_ = std::make_unique<sheet::OdsReader>(package_, where, plan_->limits);
      sheet::SheetInfo info;
      for (std::size_t i = 0; i <= plan_->sheet_index; ++i) {
        if (!ods_->next_sheet(info))
          throw sheet::Error("la feuille " + fr::quoted(plan_->sheet_name) + " a disparu du classeur");
      }
      rows_ = &ods_->rows();
    }
    for (const sheet::Merge& m : plan_->merges) fill_.add(m);
  }

  bool next(Record& out, DiagnosticSink& diags) override {
    if (done_) return false;
    try {
      while (rows_->next(out, diags)) {
        spans_.clear();
        rows_->take_merges(spans_);
        for (const sheet::Merge& m : spans_) {
          if (m.first_row > plan_->header_row) fill_.add(m);
        }
        if (out.line < plan_->header_row) continue;
        if (out.line > plan_->header_row && !fill_.empty()) fill_.apply(out);
        return true;
      }
    } catch (const sheet::Error& e) {
      diags.error(sheet_location(), e.message());
    } catch (const std::exception& e) {
      diags.error(sheet_location(), unexpected(e));
    }
    done_ = true;
    return false;
  }

  [[nodiscard]] Location locate(const Record& r, std::size_t column, std::string_view header) const override {
    Location where;
    where.file = plan_->file;
    where.sheet = plan_->sheet_name;
    where.line = r.line;
    where.column = std::string(header);
    if (column != whole_record) where.cell = sheet::cell_name(column, r.line);
    return where;
  }

  [[nodiscard]] bool is_sheet() const override { return true; }

 private:
  [[nodiscard]] Location sheet_location() const {
    Location where;
    where.file = plan_->file;
    where.sheet = plan_->sheet_name;
    return where;
  }

  std::shared_ptr<const SpreadsheetPlan> plan_;
  std::shared_ptr<sheet::ZipPackage> package_;
  std::unique_ptr<sheet::XlsxRows> xlsx_;
  std::unique_ptr<sheet::OdsReader> ods_;
  sheet::RowReader* rows_ = nullptr;
  sheet::FillDown fill_;
  std::vector<sheet::Merge> spans_;
  bool done_ = false;
};

}  // namespace

HeaderMatch match_header(const Record& row) {
  std::set<Column> found;
  for (const Cell& cell : row.cells) {
    if (cell.type != Cell::Type::text) continue;
    if (const auto c = column_for_header(text::trim(cell.text))) found.insert(*c);
  }
  HeaderMatch match;
  match.recognised = found.size();
  for (std::size_t i = 0; i < column_count; ++i) {
    const auto c = static_cast<Column>(i);
    if (column_required(c) && !found.contains(c)) match.missing.push_back(c);
  }
  return match;
}

bool looks_like_workbook(std::string_view head) {
  return head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06") || head.starts_with(ole2_signature);
}

std::shared_ptr<const SpreadsheetPlan> plan_spreadsheet(sheet::Bytes bytes, std::string file,
                                                        std::string_view wanted,
                                                        const SpreadsheetLimits& limits,
                                                        DiagnosticSink& diags) {
  auto plan = std::make_shared<SpreadsheetPlan>();
  plan->bytes = std::move(bytes);
  plan->file = std::move(file);
  plan->limits = limits;
  Location at_file;
  at_file.file = plan->file;
  try {
    const std::string head = read_range(plan->bytes, 0, 4096);
    if (!head.starts_with("PK\x03\x04")) {
      diags.error(at_file, not_a_workbook(plan->bytes, head, plan->file));
      return nullptr;
    }
    auto package = std::make_shared<sheet::ZipPackage>(plan->bytes, limits);
    if (package->has("mimetype") || (package->has("content.xml") && !package->has("xl/workbook.xml"))) {
      plan->format = SpreadsheetFormat::ods;
      sheet::check_ods(*package);
    } else if (auto other = other_zip_kind(*package)) {
      diags.error(at_file, *other);
      return nullptr;
    } else if (!package->has("[Content_Types].xml") && !package->has("xl/workbook.xml")) {
      diags.error(at_file, "cette archive zip ne contient pas de classeur : " + std::string(save_as));
      return nullptr;
    } else {
      plan->format = SpreadsheetFormat::xlsx;
      plan->xlsx = sheet::read_xlsx(*package, limits, at_file, diags);
    }
    if (!choose_sheet(*plan, package, wanted, diags)) return nullptr;
    if (plan->format == SpreadsheetFormat::xlsx) {
      bool overflow = false;
      for (const sheet::Merge& m :
           sheet::read_xlsx_merges(*package, plan->xlsx->parts[plan->sheet_index], limits, overflow)) {
        if (m.first_row > plan->header_row && m.first_column < limits.max_columns) plan->merges.push_back(m);
      }
      if (overflow) {
        Location where = at_file;
        where.sheet = plan->sheet_name;
        diags.warning(where,
                      "plus de " + std::to_string(limits.max_merged_ranges) +
                          " plages de cellules fusionnées : les suivantes sont lues comme non fusionnées");
      }
    }
  } catch (const sheet::Error& e) {
    diags.error(at_file, e.message());
    return nullptr;
  } catch (const std::exception& e) {
    diags.error(at_file, unexpected(e));
    return nullptr;
  }
  return plan;
}

std::unique_ptr<TabularSource> open_spreadsheet(std::shared_ptr<const SpreadsheetPlan> plan,
                                                DiagnosticSink& diags) {
  Location at_file;
  at_file.file = plan->file;
  try {
    auto package = std::make_shared<sheet::ZipPackage>(plan->bytes, plan->limits);
    return std::make_unique<SheetSource>(std::move(plan), std::move(package));
  } catch (const sheet::Error& e) {
    diags.error(at_file, e.message());
  } catch (const std::exception& e) {
    diags.error(at_file, unexpected(e));
  }
  return nullptr;
}

}  // namespace clausier::readers
