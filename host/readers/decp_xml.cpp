#include "readers/decp_xml.hpp"

#include <array>
#include <vector>

#include "base/text.hpp"
#include "readers/xml_reader.hpp"
#include "readers/xml_record.hpp"
#include "readers/zip_package.hpp"

namespace clausier::readers {
namespace {

bool skipped_element(std::string_view name) {
  static constexpr std::array<std::string_view, 6> names = {
      "titulaires",       "modifications",   "actesSousTraitance", "modificationsActesSousTraitance",
      "donneesExecution", "concessionnaires"};
  for (const auto n : names) {
    if (name == n) return true;
  }
  return false;
}

}  // namespace

// The file as the byte source the XML reader reads from.
struct DecpXmlRecords::Input final : sheet::ZipEntry {
  Input(std::istream& stream, std::string name) : in(&stream), name_(std::move(name)) {}
  std::size_t read(char* out, std::size_t size) override {
    in->read(out, static_cast<std::streamsize>(size));
    return static_cast<std::size_t>(in->gcount());
  }
  [[nodiscard]] const std::string& name() const override { return name_; }

  std::istream* in;
  std::string name_;
};

DecpXmlRecords::DecpXmlRecords(std::istream& in, std::string name)
    : input_(std::make_unique<Input>(in, std::move(name))) {}

DecpXmlRecords::~DecpXmlRecords() = default;

bool DecpXmlRecords::next(DecpRecord& out) {
  try {
    return step(out);
  } catch (const sheet::Error& e) {
    where_ = Where::failed;
    throw DecpError(e.message(), xml_ ? xml_line(xml_->error_line()) : 0);
  } catch (const DecpError&) {
    where_ = Where::failed;
    throw;
  }
}

bool DecpXmlRecords::step(DecpRecord& out) {
  if (where_ == Where::failed || where_ == Where::end) return false;
  if (where_ == Where::start) {
    xml_ = std::make_unique<sheet::XmlReader>(*input_, sheet::XmlReader::Source::file);
    while (xml_->next() && xml_->node() != sheet::XmlReader::Node::start) {
    }
    if (xml_->node() != sheet::XmlReader::Node::start) {
      throw DecpError("ce fichier XML ne contient aucun élément : ce n'est pas un fichier DECP", 0);
    }
    if (xml_->local_name() != "marches") {
      throw DecpError("l'élément racine de ce fichier XML est « " + text::truncate(xml_->local_name(), 40) +
                          " » : un fichier DECP commence par <marches>, un avis eForms par <ContractNotice>, "
                          "<PriorInformationNotice> ou <ContractAwardNotice>",
                      xml_line(xml_->node_line()));
    }
    where_ = Where::root;
    if (xml_->is_empty_element()) where_ = Where::end;
  }
  while (where_ == Where::root && xml_->next()) {
    if (xml_->node() == sheet::XmlReader::Node::end && xml_->depth() == 0) {
      where_ = Where::end;
      break;
    }
    if (xml_->node() != sheet::XmlReader::Node::start) continue;
    const std::string_view name = xml_->local_name();
    if (name == "marche" || name == "contrat-concession") {
      read_contract(out);
      out.set_concession(name == "contrat-concession" || is_concession(out));
      if (out.concession()) ++concessions_;
      return true;
    }
    xml_->skip();
  }
  // Whatever follows the root element (comments, white space) is read, so
  // that a damaged end is still reported.
  while (xml_->next()) {
  }
  where_ = Where::end;
  return false;
}

void DecpXmlRecords::read_contract(DecpRecord& out) {
  flatten_xml_element(
      *xml_, out, [](std::string_view name, int level) { return level == 1 && skipped_element(name); },
      [](const std::string&, DecpRecord&, std::uint32_t) {});
}

}  // namespace clausier::readers
