#include "readers/eforms_reader.hpp"

#include <array>
#include <vector>

#include "base/quoted.hpp"
#include "base/text.hpp"
#include "readers/decp_record.hpp"
#include "readers/xml_reader.hpp"
#include "readers/xml_record.hpp"
#include "readers/zip_package.hpp"

namespace clausier::readers {
namespace {

constexpr std::size_t max_organisations = 10'000;
constexpr std::size_t max_organisation_name = 400;

// The notices read, by root element, with what they are called in messages.
struct NoticeKind {
  std::string_view root;
  std::string_view label;
};
constexpr std::array<NoticeKind, 3> notice_kinds = {{
    {"ContractNotice", "avis de marché"},
    {"PriorInformationNotice", "avis de préinformation"},
    {"ContractAwardNotice", "avis d'attribution"},
}};

// The namespace of each root is the UBL document's: this prefix, then the
// root's name and "-2".
constexpr std::string_view ubl_namespace = "urn:oasis:names:specification:ubl:schema:xsd:";

std::string_view label_of(std::string_view root) {
  for (const NoticeKind& k : notice_kinds) {
    if (k.root == root) return k.label;
  }
  return {};
}

bool is_name_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':' ||
         c == '.' || c == '-';
}

}  // namespace

bool looks_like_eforms(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  std::size_t i = 0;
  for (;;) {
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
    if (i + 1 >= head.size() || head[i] != '<') return false;
    if (head[i + 1] == '?' || head.substr(i, 4) == "<!--") {
      const std::size_t end = head.find(head[i + 1] == '?' ? "?>" : "-->", i + 2);
      if (end == std::string_view::npos) return false;
      i = end + (head[i + 1] == '?' ? 2 : 3);
      continue;
    }
    // A DOCTYPE names the root element (the reader refuses it, as an eForms
    // notice).
    if (head.substr(i, 9) == "<!DOCTYPE") {
      i += 9;
      while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        ++i;
      --i;
    }
    std::size_t end = i + 1;
    while (end < head.size() && is_name_byte(head[end])) ++end;
    std::string_view name = head.substr(i + 1, end - i - 1);
    if (const std::size_t colon = name.rfind(':'); colon != std::string_view::npos)
      name.remove_prefix(colon + 1);
    return !label_of(name).empty();
  }
}

// The file as the byte source the XML reader reads from.
struct EformsReader::Input final : sheet::ZipEntry {
  Input(std::istream& stream, std::string name) : in(&stream), name_(std::move(name)) {}
  std::size_t read(char* out, std::size_t size) override {
    in->read(out, static_cast<std::streamsize>(size));
    return static_cast<std::size_t>(in->gcount());
  }
  [[nodiscard]] const std::string& name() const override { return name_; }

  std::istream* in;
  std::string name_;
};

EformsReader::EformsReader(std::unique_ptr<std::istream> in, std::string name, DiagnosticSink& diags)
    : in_(std::move(in)), name_(std::move(name)), diags_(&diags) {
  input_ = std::make_unique<Input>(*in_, name_);
}

EformsReader::~EformsReader() = default;

// Reads the current element into `out`, one field per leaf element (see
// readers/eforms_lot.hpp for the paths).
void EformsReader::flatten(DecpRecord& out) {
  std::string list;
  std::string currency;
  flatten_xml_element(
      *xml_, out, [](std::string_view, int) { return false; },
      // A code's list (or scheme, unit) qualifies its path ("...ProcurementTypeCode[strategic-procurement]");
      // an amount's currency is a field of its own ("...@currencyID").
      [&](std::string& path, DecpRecord& record, std::uint32_t line) {
        list.clear();
        currency.clear();
        xml_->attributes([&](std::string_view local, std::string_view, std::string_view v) {
          if (v.size() > max_xml_name_bytes) return;
          if (local == "listName" || (list.empty() && (local == "schemeName" || local == "unitCode")))
            list = v;
          if (local == "currencyID") currency = v;
        });
        if (!list.empty()) path += "[" + list + "]";
        if (!currency.empty()) {
          if (DecpField* f = record.add(path + "@currencyID", line)) {
            f->text = currency;
            record.account(*f);
          }
        }
      });
}

// The text of the current element (a leaf), capped; the reader is then at
// its end.
std::string EformsReader::read_text() {
  std::string value;
  bool cut = false;
  if (xml_->is_empty_element()) return value;
  const int depth = xml_->depth();
  while (xml_->next()) {
    if (xml_->node() == sheet::XmlReader::Node::end && xml_->depth() == depth) break;
    if (xml_->node() == sheet::XmlReader::Node::text) {
      sheet::append_capped(value, xml_->value(), max_xml_value_bytes, cut);
    } else if (xml_->node() == sheet::XmlReader::Node::start) {
      xml_->skip();
    }
  }
  return std::string(text::trim(value));
}

// ext:UBLExtensions: the organisations (efac:Organizations), by their id;
// the results of an award notice (efac:NoticeResult) are skipped unread.
void EformsReader::read_extensions() {
  if (xml_->is_empty_element()) return;
  const int depth = xml_->depth();
  while (xml_->next()) {
    if (xml_->node() == sheet::XmlReader::Node::end && xml_->depth() == depth) return;
    if (xml_->node() != sheet::XmlReader::Node::start) continue;
    const std::string_view name = xml_->local_name();
    if (name == "Company") {
      read_company();
    } else if (name == "NoticeResult" || name == "UltimateBeneficialOwner" || name == "Changes") {
      xml_->skip();
    }
  }
}

void EformsReader::read_company() {
  DecpRecord company;
  flatten(company);
  const DecpField* id = company.find("PartyIdentification.ID[organization]");
  const DecpField* name = company.find("PartyName.Name");
  if (id == nullptr || name == nullptr || organisations_.size() >= max_organisations) return;
  organisations_.emplace(std::string(text::trim(id->text)),
                         text::truncate(text::single_line(name->text), max_organisation_name));
}

// cac:ContractingParty (the first one: a joint procurement names the first
// buyer): BT-11, the activity's list, the organisation's id.
void EformsReader::read_contracting_party() {
  DecpRecord party;
  flatten(party);
  if (party_read_) return;
  party_read_ = true;
  if (const DecpField* f = party.find("ContractingPartyType.PartyTypeCode[buyer-legal-type]")) {
    notice_.buyer_legal_type = text::trim(f->text);
  }
  for (std::size_t i = 0; i < party.size(); ++i) {
    const std::string& p = party[i].path;
    if (p.starts_with("ContractingActivity.ActivityTypeCode[")) {
      notice_.buyer_activity_list = p.substr(p.find('[') + 1, p.size() - p.find('[') - 2);
      break;
    }
  }
  if (const DecpField* id = party.find("Party.PartyIdentification.ID[organization]")) {
    buyer_id_ = text::trim(id->text);
    if (const auto it = organisations_.find(buyer_id_); it != organisations_.end())
      notice_.buyer = it->second;
  }
}

void EformsReader::open_root() {
  xml_ = std::make_unique<sheet::XmlReader>(*input_, sheet::XmlReader::Source::file);
  while (xml_->next() && xml_->node() != sheet::XmlReader::Node::start) {
  }
  if (xml_->node() != sheet::XmlReader::Node::start) {
    throw DecpError("ce fichier XML ne contient aucun élément : ce n'est pas un avis eForms", 0);
  }
  const std::string root(xml_->local_name());
  const std::string_view ns = xml_->namespace_uri();
  const std::uint32_t line = xml_line(xml_->node_line());
  if (label_of(root).empty()) {
    throw DecpError("l'élément racine de ce fichier XML est « " + text::truncate(root, 40) +
                        " » : un avis eForms commence par <ContractNotice>, <PriorInformationNotice> ou "
                        "<ContractAwardNotice>",
                    line);
  }
  const std::string expected = std::string(ubl_namespace) + root + "-2";
  if (ns != expected) {
    throw DecpError("l'élément racine <" + root + "> est dans l'espace de noms " +
                        fr::quoted(text::truncate(ns.empty() ? std::string_view("(aucun)") : ns, 80)) +
                        " : un avis eForms est dans l'espace de noms UBL « " + expected +
                        " » ; donnez l'avis tel que publié (XML eForms)",
                    line);
  }
  notice_.kind = root;
  notice_.line = line;
  where_ = xml_->is_empty_element() ? Where::end : Where::root;
}

// Reads the notice's elements up to the next lot (into lot_); false at the
// end of the notice.
bool EformsReader::step() {
  if (where_ == Where::failed || where_ == Where::end) return false;
  if (where_ == Where::start) open_root();
  while (where_ == Where::root && xml_->next()) {
    if (xml_->node() == sheet::XmlReader::Node::end && xml_->depth() == 0) {
      where_ = Where::end;
      break;
    }
    if (xml_->node() != sheet::XmlReader::Node::start || xml_->depth() != 1) continue;
    const std::string_view name = xml_->local_name();
    if (name == "UBLExtensions") {
      read_extensions();
    } else if (name == "ID") {
      std::string scheme;
      xml_->attributes([&](std::string_view local, std::string_view, std::string_view v) {
        if (local == "schemeName") scheme = v;
      });
      const std::string id = read_text();
      if (scheme == "notice-id") notice_.notice_id = text::truncate(id, 200);
    } else if (name == "ContractFolderID") {
      notice_.folder_id = text::truncate(read_text(), 200);
    } else if (name == "IssueDate") {
      notice_.issued = eforms_date(read_text());
    } else if (name == "PlannedDate") {
      notice_.planned = eforms_date(read_text());
    } else if (name == "ContractingParty") {
      read_contracting_party();
    } else if (name == "ProcurementProject") {
      flatten(notice_.procedure);
    } else if (name == "ProcurementProjectLot") {
      flatten(lot_);
      if (!eforms_lot_id(lot_).empty()) return true;  // a group of lots is not a lot
    } else {
      xml_->skip();
    }
  }
  // Whatever follows the root element is read, so that a damaged end is
  // still reported.
  while (xml_->next()) {
  }
  where_ = Where::end;
  return false;
}

void EformsReader::note_notice(DiagnosticSink& diags) {
  if (noted_) return;
  noted_ = true;
  std::string message = "avis eForms";
  if (!notice_.kind.empty()) message += " (" + std::string(label_of(notice_.kind)) + ")";
  message += " : chaque lot est évalué avec les règles en vigueur ";
  message += notice_.planned ? "à la date prévue de l'avis de mise en concurrence (BT-127)"
                             : "à la date d'envoi de l'avis (BT-05)";
  message +=
      " ; les lots d'un même avis forment une consultation, dont le montant est la valeur estimée de la "
      "procédure (BT-27) quand l'avis la donne ; les considérations sociales déclarées (BT-06, BT-775, "
      "BT-71) figurent à côté des verdicts";
  if (notice_.buyer.empty()) message += " ; l'acheteur n'est pas nommé";
  diags.note(at(notice_.line), message);
}

bool EformsReader::read(DiagnosticSink* diags) {
  try {
    if (step()) {
      if (diags != nullptr) note_notice(*diags);
      return true;
    }
    if (diags != nullptr && where_ == Where::end) {
      note_notice(*diags);
      if (lots_seen_ == 0) {
        diags->error(at(notice_.line),
                     "cet avis eForms ne contient aucun lot (cac:ProcurementProjectLot) : "
                     "rien n'est évalué");
      }
    }
    return false;
  } catch (const sheet::Error& e) {
    where_ = Where::failed;
    if (diags != nullptr) {
      diags->error(at(xml_ ? xml_line(xml_->error_line()) : 0),
                   e.message() + (stats_.rows > 0 ? " (les lots lus jusque-là sont évalués)" : ""));
    }
  } catch (const DecpError& e) {
    where_ = Where::failed;
    if (diags != nullptr) diags->error(at(e.line()), e.message());
  }
  return false;
}

bool EformsReader::next(Lot& out) {
  while (read(diags_)) {
    ++lots_seen_;
    ++stats_.rows;
    const std::string id = eforms_lot_id(lot_);
    const EformsMapping mapping = eforms_lot(notice_, lot_, out);
    out.source = at(lot_.line());
    const std::string label = "lot " + fr::quoted(id, 40);
    if (!out.reference.empty() && mapping.ok()) {
      if (const std::uint32_t first = references_.insert(out.reference, lot_.line())) {
        diags_->error(at(lot_.line()), label + " déjà lu ligne " + std::to_string(first) +
                                           " (même identifiant dans l'avis) : il est ignoré");
        ++stats_.rejected;
        continue;
      }
    }
    if (!mapping.warnings.empty()) {
      std::string message = label + " : ";
      for (std::size_t i = 0; i < mapping.warnings.size(); ++i)
        message += (i > 0 ? " ; " : "") + mapping.warnings[i];
      diags_->warning(at(lot_.line()), message);
    }
    for (const std::string& e : mapping.errors) diags_->error(at(lot_.line()), label + " : " + e);
    if (mapping.ok()) {
      ++stats_.lots;
      return true;
    }
    ++stats_.rejected;
  }
  return false;
}

// The first pass: a lot's amount for its consultation's total is its own
// value; when the notice gives the procedure's value, the consultation's
// total is that value, carried by its first lot (the others count 0).
bool EformsReader::next_keys(RecordKeys& out) {
  if (!read(nullptr)) return false;
  out = RecordKeys{};
  const std::string id = eforms_lot_id(lot_);
  const std::string consultation = eforms_consultation(notice_);
  out.reference = consultation.empty() ? id : consultation + "/" + id;
  out.consultation = out.reference.empty() ? std::string() : consultation;
  if (const auto total = eforms_procedure_amount(notice_)) {
    out.cents = lots_seen_ == 0 ? *total : 0;
  } else {
    out.cents = eforms_lot_amount(lot_);
  }
  ++lots_seen_;
  return true;
}

}  // namespace clausier::readers
