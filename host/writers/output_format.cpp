#include "writers/output_format.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace clausier::writers {
namespace {

using render::Escaping;

constexpr std::array<OutputFormat, 11> formats = {{
    {"table", ".txt", "text/plain; charset=utf-8", std::nullopt, false, ""},
    {"json", ".json", "application/json; charset=utf-8", std::nullopt, false, ""},
    {"jsonl", ".jsonl", "application/x-ndjson; charset=utf-8", std::nullopt, false, ""},
    {"csv", ".csv", "text/csv; charset=utf-8", std::nullopt, false, ""},
    {"xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Escaping::xml,
     true, ""},
    {"docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     Escaping::xml, true, ""},
    {"odt", ".odt", "application/vnd.oasis.opendocument.text", Escaping::xml, true, ""},
    {"html", ".html", "text/html; charset=utf-8", Escaping::html, false, ""},
    {"md", ".md", "text/markdown; charset=utf-8", Escaping::markdown, false, ""},
    {"xml", ".xml", "application/xml; charset=utf-8", Escaping::xml, false, ""},
    {"pdf", ".pdf", "application/pdf", std::nullopt, true, "docx"},
}};

const std::vector<std::string>& names_of(Output output) {
  static const std::vector<std::string> evaluation = {"table", "json", "jsonl", "csv", "xlsx"};
  static const std::vector<std::string> documents = {"docx", "odt", "html", "md", "pdf"};
  static const std::vector<std::string> review = {"html", "md", "docx", "odt", "pdf"};
  static const std::vector<std::string> diff = {"table", "json"};
  static const std::vector<std::string> rules_doc = {"md", "html"};
  static const std::vector<std::string> export_decp = {"json", "csv"};
  static const std::vector<std::string> export_eforms = {"xml"};
  switch (output) {
    case Output::evaluation: return evaluation;
    case Output::documents: return documents;
    case Output::review: return review;
    case Output::diff: return diff;
    case Output::rules_doc: return rules_doc;
    case Output::export_decp: return export_decp;
    case Output::export_eforms: return export_eforms;
  }
  return evaluation;
}

}  // namespace

const OutputFormat* output_format(std::string_view name) {
  const auto* it =
      std::find_if(formats.begin(), formats.end(), [&](const OutputFormat& f) { return f.name == name; });
  return it == formats.end() ? nullptr : it;
}

const OutputFormat* format_of_file(std::string_view file) {
  const auto dot = file.rfind('.');
  const auto slash = file.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return nullptr;
  std::string extension(file.substr(dot));
  for (char& c : extension) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  const auto* it = std::find_if(formats.begin(), formats.end(),
                                [&](const OutputFormat& f) { return f.extension == extension; });
  return it == formats.end() ? nullptr : it;
}

const std::vector<std::string>& format_names(Output output) { return names_of(output); }

bool offers(Output output, std::string_view name) {
  const auto& names = names_of(output);
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string format_choices(Output output) {
  const auto& names = names_of(output);
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " ou " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace clausier::writers
