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
// The results of an award notice kept to value its lots: tenders and lots
// beyond these are left unvalued (their lots fall back on the procedure's
// value, or the notice's total).
constexpr std::size_t max_tenders = 100'000;
constexpr std::size_t max_id = 200;

// An identifier of the notice's own scheme (`schemeName="organization"`,
// `"tender"`…): the field at `path[scheme]`, else at `path` (the examples of
// the SDK from its version 1.9 leave the scheme out).
const DecpField* id_field(const DecpRecord& r, std::string_view path, std::string_view scheme) {
  if (const DecpField* f = r.find(std::string(path) + "[" + std::string(scheme) + "]")) return f;
  return r.find(path);
}

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

// The other document of the eForms SDK: the notices of European companies
// and groupings (subtypes X01, X02) are not procurement; recognised to be
// refused as what they are.
constexpr std::string_view registration_root = "BusinessRegistrationInformationNotice";

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
    return !label_of(name).empty() || name == registration_root;
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
    } else if (name == "NoticeResult") {
      read_notice_result();
    } else if (name == "UltimateBeneficialOwner" || name == "Changes") {
      xml_->skip();
    }
  }
}

void EformsReader::read_company() {
  DecpRecord company;
  flatten(company);
  const DecpField* id = id_field(company, "PartyIdentification.ID", "organization");
  const DecpField* name = company.find("PartyName.Name");
  if (id == nullptr || name == nullptr || organisations_.size() >= max_organisations) return;
  organisations_.emplace(std::string(text::trim(id->text)),
                         text::truncate(text::single_line(name->text), max_organisation_name));
}

// efac:NoticeResult of an award notice: BT-161 (cbc:TotalAmount), and each
// lot's awarded value, the sum of BT-720 (efac:LotTender/
// cac:LegalMonetaryTotal/cbc:PayableAmount) of its tenders that are awarded:
// selected by a result (efac:LotResult with BT-142 `selec-w`) or settled in
// a contract (efac:SettledContract, as a modification notice gives the
// contract it changes). Each result, tender and contract is flattened alone
// (bounded like a lot), the rest skipped.
void EformsReader::read_notice_result() {
  if (xml_->is_empty_element()) return;
  struct Tender {
    std::string lot;
    std::int64_t cents = 0;
    std::string currency;
  };
  std::unordered_map<std::string, Tender> tenders;
  std::unordered_map<std::string, std::string>
      awarded;  // tender id -> lot id ("" when its result names none)
  const auto award = [&](const DecpRecord& r, const std::string& lot) {
    for (const char* path : {"LotTender.ID[tender]", "LotTender.ID"}) {
      for (const DecpField* f : r.all(path)) {
        if (awarded.size() < max_tenders) awarded.emplace(text::truncate(text::trim(f->text), max_id), lot);
      }
    }
  };
  DecpRecord part;
  const int depth = xml_->depth();
  while (xml_->next()) {
    if (xml_->node() == sheet::XmlReader::Node::end && xml_->depth() == depth) break;
    if (xml_->node() != sheet::XmlReader::Node::start) continue;
    const std::string_view name = xml_->local_name();
    if (name == "TotalAmount") {
      std::string currency;
      xml_->attributes([&](std::string_view local, std::string_view, std::string_view v) {
        if (local == "currencyID" && v.size() <= max_id) currency = v;
      });
      if (const auto cents = eforms_amount(read_text()))
        notice_.awarded_total = EformsAmount{*cents, currency};
    } else if (name == "LotResult") {
      flatten(part);
      const DecpField* code = part.find("TenderResultCode[winner-selection-status]");
      if (code == nullptr || text::trim(code->text) != "selec-w") continue;
      const DecpField* lot = part.find("TenderLot.ID[Lot]");
      award(part, lot == nullptr ? std::string() : text::truncate(text::trim(lot->text), max_id));
    } else if (name == "SettledContract") {
      flatten(part);
      award(part, std::string());
    } else if (name == "LotTender") {
      flatten(part);
      const DecpField* id = id_field(part, "ID", "tender");
      const DecpField* value = part.find("LegalMonetaryTotal.PayableAmount");
      if (id == nullptr || value == nullptr || tenders.size() >= max_tenders) continue;
      if (const auto cents = eforms_amount(value->text)) {
        const DecpField* lot = part.find("TenderLot.ID[Lot]");
        const DecpField* currency = part.find("LegalMonetaryTotal.PayableAmount@currencyID");
        tenders.emplace(
            text::truncate(text::trim(id->text), max_id),
            Tender{lot == nullptr ? std::string() : text::truncate(text::trim(lot->text), max_id), *cents,
                   currency == nullptr ? std::string() : text::truncate(currency->text, max_id)});
      }
    } else {
      xml_->skip();
    }
  }
  // Each awarded tender counted once, for the lot its result names, else
  // its own; a lot whose tenders are in several currencies is left unvalued.
  std::unordered_map<std::string, bool> mixed;
  for (const auto& [id, result_lot] : awarded) {
    const auto t = tenders.find(id);
    if (t == tenders.end()) continue;
    const std::string& lot = result_lot.empty() ? t->second.lot : result_lot;
    if (lot.empty()) continue;
    auto [it, inserted] = notice_.awarded.emplace(lot, EformsAmount{0, t->second.currency});
    if (it->second.currency != t->second.currency) mixed[lot] = true;
    it->second.cents += t->second.cents;
  }
  for (const auto& [lot, _] : mixed) notice_.awarded.erase(lot);
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
  if (const DecpField* id = id_field(party, "Party.PartyIdentification.ID", "organization")) {
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
  if (root == registration_root) {
    throw DecpError(
        "ce fichier est un avis eForms d'immatriculation d'une société européenne ou d'un "
        "groupement européen d'intérêt économique (<" +
            root +
            ">), pas un avis de marché : il n'a pas de lot à évaluer ; donnez un avis de marché, de "
            "préinformation ou d'attribution",
        line);
  }
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
    } else if (name == "RegulatoryDomain") {
      notice_.legal_basis = text::truncate(read_text(), 40);
    } else if (name == "NoticeTypeCode") {
      notice_.notice_type = text::truncate(read_text(), 40);
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
      "procédure (BT-27) quand l'avis la donne";
  if (notice_.kind == "ContractAwardNotice") message += ", sinon la valeur totale qu'il attribue (BT-161)";
  message += " ; les considérations sociales déclarées (BT-06, BT-775, BT-71) figurent à côté des verdicts";
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
      if (lots_seen_ == 0 && notice_.notice_type == "pin-buyer") {
        // Subtypes 1 to 3: the notice only says that a prior information
        // notice is published on the buyer profile.
        diags->error(
            at(notice_.line),
            "cet avis de préinformation (« pin-buyer ») annonce seulement la publication d'un avis "
            "sur le profil d'acheteur : il ne contient aucun lot, rien n'est évalué ; évaluez l'avis "
            "publié sur le profil d'acheteur, ou l'avis de marché qui suivra");
      } else if (lots_seen_ == 0) {
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
    // A lot that cannot be evaluated still says what its notice declares.
    std::string declared;
    if (out.recorded_social_considerations) {
      for (const std::string& c : *out.recorded_social_considerations) {
        if (c == eforms_nothing_social) continue;
        declared += (declared.empty() ? " (considérations sociales déclarées : " : ", ") + c;
      }
      if (!declared.empty()) declared += ")";
    }
    for (const std::string& e : mapping.errors) diags_->error(at(lot_.line()), label + declared + " : " + e);
    if (mapping.ok()) {
      ++stats_.lots;
      return true;
    }
    ++stats_.rejected;
  }
  return false;
}

// The first pass: a lot's amount for its consultation's total is its own
// value; when the notice gives the procedure's value (or, for an award
// notice, the total it awards), the consultation's total is that value,
// carried by its first lot (the others count 0).
bool EformsReader::next_keys(RecordKeys& out) {
  if (!read(nullptr)) return false;
  out = RecordKeys{};
  const std::string id = eforms_lot_id(lot_);
  const std::string consultation = eforms_consultation(notice_);
  out.reference = consultation.empty() ? id : consultation + "/" + id;
  out.consultation = out.reference.empty() ? std::string() : consultation;
  if (const auto total = eforms_consultation_amount(notice_)) {
    out.cents = lots_seen_ == 0 ? *total : 0;
  } else {
    out.cents = eforms_lot_amount(notice_, lot_);
  }
  ++lots_seen_;
  return true;
}

}  // namespace clausier::readers
