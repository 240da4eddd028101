#include "readers/programme.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <streambuf>
#include <system_error>

#include "base/paths.hpp"
#include "base/text.hpp"
#include "readers/csv_source.hpp"

namespace clausier::readers {
namespace {

constexpr const char* stdin_name = "(entrée standard)";

// An input stream over a shared string, so that each pass over a programme
// held in memory reads it without copying it.
class MemoryStream final : public std::istream {
 public:
  explicit MemoryStream(std::shared_ptr<const std::string> data)
      : std::istream(nullptr), buf_(std::move(data)) {
    rdbuf(&buf_);
  }

 private:
  class Buffer final : public std::streambuf {
   public:
    explicit Buffer(std::shared_ptr<const std::string> data) : data_(std::move(data)) {
      char* begin = const_cast<char*>(data_->data());  // read only: no put area is set
      setg(begin, begin, begin + data_->size());
    }

   private:
    std::shared_ptr<const std::string> data_;
  };
  Buffer buf_;
};

enum class Format { csv, xlsx, xls, ods, json, xml, unknown };

const char* format_label(Format f) {
  switch (f) {
    case Format::xlsx: return "XLSX (Excel)";
    case Format::xls: return "XLS (Excel 97-2003)";
    case Format::ods: return "ODS (LibreOffice)";
    case Format::json: return "JSON (DECP)";
    case Format::xml: return "XML (eForms, DECP)";
    case Format::csv:
    case Format::unknown: break;
  }
  return "CSV";
}

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

Format format_of_content(std::string_view content) {
  if (content.starts_with("PK\x03\x04")) return Format::xlsx;  // a zip: xlsx or ods
  if (content.starts_with("\xD0\xCF\x11\xE0")) return Format::xls;
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  const std::string_view start = text::trim(content.substr(0, 256));
  if (start.starts_with('{') || start.starts_with('[')) return Format::json;
  if (start.starts_with('<')) return Format::xml;
  return Format::csv;
}

Location file_location(const std::string& name) {
  Location where;
  where.file = name;
  return where;
}

std::string quoted(const std::string& s) { return "« " + s + " »"; }

std::string read_all(std::istream& in) {
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Reports a format that is not read (yet); true when `format` is CSV.
bool check_format(Format format, const std::string& extension, const std::string& name,
                  DiagnosticSink& diags) {
  if (format == Format::csv) return true;
  if (format == Format::unknown) {
    diags.error(file_location(name),
                "extension " + quoted(extension) +
                    " non reconnue : donnez un programme au format CSV (.csv, .tsv ou .txt)");
    return false;
  }
  diags.error(file_location(name),
              std::string("le format ") + format_label(format) +
                  " n'est pas encore lu : exportez le programme au format CSV (séparateur "
                  "point-virgule, encodage UTF-8) et donnez ce fichier à la place");
  return false;
}

}  // namespace

Programme::Programme(std::filesystem::path path, std::string name, std::shared_ptr<const std::string> content)
    : path_(std::move(path)), name_(std::move(name)), content_(std::move(content)) {}

std::unique_ptr<LotReader> Programme::open(DiagnosticSink& diags) const {
  std::unique_ptr<std::istream> in;
  if (content_) {
    in = std::make_unique<MemoryStream>(content_);
  } else {
    auto file = std::make_unique<std::ifstream>(path_, std::ios::binary);
    if (!*file) {
      diags.error(file_location(name_), "le fichier " + quoted(name_) +
                                            " ne peut plus être lu : vérifiez qu'il n'a pas été déplacé");
      return nullptr;
    }
    in = std::move(file);
  }
  return std::make_unique<LotReader>(std::make_unique<CsvSource>(std::move(in), name_), diags);
}

std::optional<Programme> open_programme(const std::filesystem::path& path, DiagnosticSink& diags) {
  if (path == "-") return programme_from_memory(read_all(std::cin), stdin_name, diags);
  const std::string name = display_path(path);
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    diags.error(file_location(name), "le fichier " + quoted(name) + " est introuvable : vérifiez le chemin");
    return std::nullopt;
  }
  if (std::filesystem::is_directory(status)) {
    diags.error(file_location(name),
                quoted(name) + " est un dossier : donnez le chemin du fichier du programme");
    return std::nullopt;
  }
  const std::string extension = path.extension().string();
  if (!check_format(format_of_extension(extension), extension, name, diags)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error(file_location(name),
                "le fichier " + quoted(name) + " ne peut pas être lu : vérifiez les droits d'accès");
    return std::nullopt;
  }
  // A pipe ("<(commande)") can be read only once: keep it in memory.
  if (!std::filesystem::is_regular_file(status))
    return Programme({}, name, std::make_shared<const std::string>(read_all(in)));
  return Programme(path, name, nullptr);
}

std::optional<Programme> programme_from_memory(std::string content, std::string name, DiagnosticSink& diags) {
  const std::string extension = std::filesystem::path(name).extension().string();
  const Format format = extension.empty() ? format_of_content(content) : format_of_extension(extension);
  if (!check_format(format, extension, name, diags)) return std::nullopt;
  return Programme({}, std::move(name), std::make_shared<const std::string>(std::move(content)));
}

}  // namespace clausier::readers
