#include "readers/programme.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <system_error>

#include "base/paths.hpp"
#include "base/quoted.hpp"
#include "base/text.hpp"
#include "readers/csv_source.hpp"
#include "readers/decp_reader.hpp"
#include "readers/eforms_reader.hpp"
#include "readers/fiche.hpp"
#include "readers/memory_stream.hpp"
#include "readers/sheet_source.hpp"
#include "readers/spool.hpp"

namespace clausier::readers {
namespace {

constexpr const char* stdin_name = "(entrée standard)";

enum class Format { csv, xlsx, xls, ods, json, xml, unknown };

std::string lower(std::string s) {
  for (char& c : s) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return s;
}

Format format_of_extension(const std::string& extension) {
  const std::string e = lower(extension);
  if (e.empty() || e == ".csv" || e == ".tsv" || e == ".txt") return Format::csv;
  if (e == ".xlsx" || e == ".xlsm") return Format::xlsx;
  if (e == ".xls") return Format::xls;
  if (e == ".ods") return Format::ods;
  if (e == ".json") return Format::json;
  if (e == ".xml") return Format::xml;
  return Format::unknown;
}

// What text content starts as, past a byte-order mark (UTF-16 too) and white
// space: JSON, XML or else CSV.
Format format_of_text(std::string_view content) {
  std::string start;
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  const bool utf16 = content.starts_with("\xFF\xFE") || content.starts_with("\xFE\xFF");
  if (utf16) content.remove_prefix(2);
  for (const char c : content.substr(0, 512)) {
    if (!(utf16 && c == '\0')) start += c;
  }
  const std::string_view trimmed = text::trim(start);
  if (trimmed.starts_with('{') || trimmed.starts_with('[')) return Format::json;
  if (trimmed.starts_with('<')) return Format::xml;
  return Format::csv;
}

Format format_of_content(std::string_view content) {
  if (content.starts_with("PK\x03\x04")) return Format::xlsx;  // a zip: xlsx or ods
  if (content.starts_with("\xD0\xCF\x11\xE0")) return Format::xls;
  return format_of_text(content);
}

Location file_location(const std::string& name) {
  Location where;
  where.file = name;
  return where;
}

// The first bytes of a file, to recognise a workbook, JSON, XML or a fiche
// de consultation whatever its extension.
std::string head_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return head;
}

// The reader for a file: a workbook when the content is one (or the
// extension promises one); JSON or XML when the content starts as such
// (DECP files are often renamed, or downloaded without an extension); else
// from the extension (or the content when there is none).
Format choose_format(const std::string& extension, std::string_view head) {
  if (looks_like_workbook(head)) return Format::xlsx;
  const Format by_extension = extension.empty() ? format_of_content(head) : format_of_extension(extension);
  if (by_extension == Format::ods || by_extension == Format::xls) return Format::xlsx;
  if (by_extension == Format::unknown) return by_extension;
  const Format by_content = format_of_text(head);
  if (by_content == Format::json || by_content == Format::xml) return by_content;
  return by_extension;
}

// A fiche de consultation (docs/fiche.md) rather than a table: its first
// line that is neither blank nor a comment is a "[lot …]" section or a
// "clé : valeur" line with no semicolon nor tab, and no comma or quote in
// its key (a CSV header line has separators, or no colon).
bool looks_like_fiche(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  while (!head.empty()) {
    const std::size_t end = std::min(head.find('\n'), head.size());
    const std::string_view line = text::trim(head.substr(0, end));
    head.remove_prefix(std::min(end + 1, head.size()));
    if (line.empty() || line.starts_with('#')) continue;
    if (line.starts_with('[')) return lower(std::string(line.substr(1, 3))) == "lot";
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || line.find_first_of(";\t") != std::string_view::npos) return false;
    const std::string_view key = text::trim(line.substr(0, colon));
    return !key.empty() && key.find_first_of(",\"|") == std::string_view::npos;
  }
  return false;
}

// Reports a format that is not read (yet); true when `format` is read.
bool check_format(Format format, const std::string& extension, const std::string& name,
                  DiagnosticSink& diags) {
  if (format != Format::unknown) return true;
  diags.error(
      file_location(name),
      "extension " + fr::quoted(extension) +
          " non reconnue : donnez un programme au format CSV (.csv, .tsv ou .txt), XLSX (.xlsx), ODS "
          "(.ods), un fichier des données essentielles de la commande publique (DECP, .json ou .xml) ou un "
          "avis eForms (.xml)");
  return false;
}

}  // namespace

Programme::Programme(std::filesystem::path path, std::string name, std::shared_ptr<const std::string> content,
                     std::shared_ptr<const SpreadsheetPlan> sheet, Kind kind)
    : path_(std::move(path)),
      name_(std::move(name)),
      content_(std::move(content)),
      sheet_(std::move(sheet)),
      kind_(kind) {}

const std::string& Programme::sheet_name() const {
  static const std::string none;
  return sheet_ ? sheet_->sheet_name : none;
}

std::uint32_t Programme::header_row() const { return sheet_ ? sheet_->header_row : 1; }

std::unique_ptr<LotSource> Programme::open(DiagnosticSink& diags) const {
  if (kind_ == Kind::fiche) return std::make_unique<FicheReader>(fiche_, diags);
  if (kind_ == Kind::source) return source_(diags);
  if (sheet_) {
    auto source = open_spreadsheet(sheet_, diags);
    if (!source) return nullptr;
    return std::make_unique<LotReader>(std::move(source), diags);
  }
  std::unique_ptr<std::istream> in;
  if (content_) {
    in = std::make_unique<MemoryStream>(content_);
  } else {
    auto file = std::make_unique<std::ifstream>(path_, std::ios::binary);
    if (!*file) {
      diags.error(file_location(name_), "le fichier " + fr::quoted(name_) +
                                            " ne peut plus être lu : vérifiez qu'il n'a pas été déplacé");
      return nullptr;
    }
    in = std::move(file);
  }
  if (kind_ == Kind::eforms) return std::make_unique<EformsReader>(std::move(in), name_, diags);
  if (kind_ != Kind::table) {
    return std::make_unique<DecpReader>(
        std::move(in), name_, kind_ == Kind::decp_xml ? DecpReader::Syntax::xml : DecpReader::Syntax::json,
        diags);
  }
  return std::make_unique<LotReader>(std::make_unique<CsvSource>(std::move(in), name_), diags);
}

std::optional<Programme> Programme::make(std::filesystem::path path, std::string name,
                                         std::shared_ptr<const std::string> content,
                                         const ProgrammeOptions& options, DiagnosticSink& diags) {
  const std::string extension = std::filesystem::path(name).extension().string();
  const std::string head = content ? content->substr(0, 4096) : head_of(path);
  const Format format = choose_format(extension, head);
  if (!check_format(format, extension, name, diags)) return std::nullopt;
  if (format == Format::xlsx) {
    sheet::Bytes bytes;
    bytes.path = path;
    bytes.content = content;
    auto plan = plan_spreadsheet(std::move(bytes), name, options.sheet, options.limits, diags);
    if (!plan) return std::nullopt;
    return Programme(std::move(path), std::move(name), std::move(content), std::move(plan), Kind::table);
  }
  if (!text::trim(options.sheet).empty()) {
    diags.warning(file_location(name),
                  "le choix de la feuille " + fr::quoted(options.sheet) +
                      " ne vaut que pour un classeur (xlsx, ods) : il est ignoré pour ce "
                      "fichier texte");
  }
  if (format == Format::csv && looks_like_fiche(head)) {
    std::string bytes;
    if (content) {
      bytes = *content;
    } else {
      std::ifstream in(path, std::ios::binary);
      bytes.assign(max_fiche_bytes + 1, '\0');
      in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    }
    // A larger file is no fiche: read as a table, its errors will say why.
    if (bytes.size() <= max_fiche_bytes) {
      return fiche_programme(std::make_shared<const Fiche>(parse_fiche(bytes, name, diags)));
    }
  }
  Kind kind = Kind::table;
  if (format == Format::json) kind = Kind::decp_json;
  if (format == Format::xml) kind = looks_like_eforms(head) ? Kind::eforms : Kind::decp_xml;
  return Programme(std::move(path), std::move(name), std::move(content), nullptr, kind);
}

// Input that can be read only once, copied to a temporary file read at each pass.
std::optional<Programme> open_spooled(std::istream& in, const std::string& name, DiagnosticSink& diags,
                                      const ProgrammeOptions& options) {
  std::string error;
  auto spool = SpoolFile::copy(in, error);
  if (!spool) {
    diags.error(file_location(name), "lecture impossible : " + error);
    return std::nullopt;
  }
  auto programme = Programme::make(spool->path(), name, nullptr, options, diags);
  if (programme) programme->spool_ = std::move(spool);
  return programme;
}

std::optional<Programme> open_programme(const std::filesystem::path& path, DiagnosticSink& diags,
                                        const ProgrammeOptions& options) {
  if (path == "-") return open_spooled(std::cin, stdin_name, diags, options);
  const std::string name = display_path(path);
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    diags.error(file_location(name),
                "le fichier " + fr::quoted(name) + " est introuvable : vérifiez le chemin");
    return std::nullopt;
  }
  if (std::filesystem::is_directory(status)) {
    diags.error(file_location(name),
                fr::quoted(name) + " est un dossier : donnez le chemin du fichier du programme");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error(file_location(name),
                "le fichier " + fr::quoted(name) + " ne peut pas être lu : vérifiez les droits d'accès");
    return std::nullopt;
  }
  // A pipe ("<(commande)") can be read only once.
  if (!std::filesystem::is_regular_file(status)) return open_spooled(in, name, diags, options);
  return Programme::make(path, name, nullptr, options, diags);
}

std::optional<Programme> programme_from_memory(std::string content, std::string name, DiagnosticSink& diags,
                                               const ProgrammeOptions& options) {
  return Programme::make({}, std::move(name), std::make_shared<const std::string>(std::move(content)),
                         options, diags);
}

Programme fiche_programme(std::shared_ptr<const Fiche> fiche) {
  std::string name = fiche->name;
  Programme programme({}, std::move(name), nullptr, nullptr, Programme::Kind::fiche);
  programme.fiche_ = std::move(fiche);
  return programme;
}

Programme programme_from_source(std::string name,
                                std::function<std::unique_ptr<LotSource>(DiagnosticSink&)> open) {
  Programme programme({}, std::move(name), nullptr, nullptr, Programme::Kind::source);
  programme.source_ = std::move(open);
  return programme;
}

}  // namespace clausier::readers
