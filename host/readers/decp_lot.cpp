#include "readers/decp_lot.hpp"

#include <array>
#include <charconv>

#include "base/french.hpp"
#include "base/quoted.hpp"
#include "base/text.hpp"
#include "readers/decp_text.hpp"
#include "readers/values.hpp"

namespace clausier::readers {
namespace {

// A value of the file, on one line and cut short.
std::string quoted(std::string_view s) { return fr::quoted(text::single_line(s), 40); }

bool is_blank(const DecpField* f) {
  return f == nullptr || f->kind == DecpField::Kind::null || text::trim(f->text).empty();
}

// "1234", "1234.5": what a JSON or XSD decimal looks like.
bool is_plain_decimal(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == 0) return false;
  if (i == s.size()) return true;
  if (s[i] != '.' || i + 1 == s.size()) return false;
  for (++i; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// A number as a spreadsheet cell, so that the programme's value parsers
// check it the same way (sign, range, whole months).
std::optional<Cell> number_cell(std::string_view s) {
  double x = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  Cell cell;
  cell.type = Cell::Type::number;
  cell.number = x;
  cell.text.assign(s);
  return cell;
}

// What the mapping of one contract gathers while it reads the fields.
class Mapper {
 public:
  explicit Mapper(const DecpRecord& record) : record_(record) {}

  DecpMapping& result() { return result_; }

  [[nodiscard]] std::uint32_t line_of(const DecpField* f) const {
    return f != nullptr ? f->line : record_.line();
  }

  void error(const DecpField* f, DecpGap gap, std::string message) {
    result_.errors.push_back({line_of(f), std::move(message), gap});
  }
  void repair(std::string what) { result_.repairs.push_back(std::move(what)); }
  void unknown(const DecpField* f, DecpGap gap, std::string message) {
    result_.unknowns.push_back({line_of(f), std::move(message), gap});
  }

  // The text of a field, repaired (mojibake, Windows-1252) and trimmed; the
  // field's name goes to the list of repaired ones.
  std::string text_of(const DecpField* f) {
    if (f == nullptr || f->kind == DecpField::Kind::null) return {};
    std::string s(text::trim(f->text));
    if (f->recoded) note_once(recoded_, f->path);
    if (repair_mojibake(s)) note_once(mojibake_, f->path);
    if (f->cut) error(f, DecpGap::record, "valeur de « " + f->path + " » démesurée : le marché est ignoré");
    return s;
  }

  void finish() {
    if (!mojibake_.empty()) {
      repair("caractères mal encodés réparés (« Ã© » pour « é »…) dans " + join(mojibake_));
    }
    if (!recoded_.empty()) repair("texte en Windows-1252 converti en UTF-8 dans " + join(recoded_));
  }

 private:
  static void note_once(std::vector<std::string>& list, const std::string& path) {
    for (const auto& p : list) {
      if (p == path) return;
    }
    list.push_back(path);
  }
  static std::string join(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& p : list) out += (out.empty() ? "" : ", ") + p;
    return out;
  }

  const DecpRecord& record_;
  DecpMapping result_;
  std::vector<std::string> mojibake_;
  std::vector<std::string> recoded_;
};

// Amounts: JSON numbers and XSD decimals as they should be; text the way
// buyers type amounts ("1 234,50") is read and named a repair.
struct Amount {
  std::optional<std::int64_t> cents;
  bool unknown = false;  // absent or 0: evaluated under hypotheses, `error` says so
  std::string error;
  std::string repair;
};

// What the evaluation of a lot without a given value does (engine/hypotheses.hpp).
constexpr std::string_view amount_hypotheses =
    "le marché est évalué aux montants que comparent les règles (seuils) et le verdict retenu est le plus "
    "fort";

Amount read_amount(const DecpField* f, bool typed) {
  Amount a;
  if (is_blank(f)) {
    a.unknown = true;
    a.error = "montant absent : " + std::string(amount_hypotheses) + " ; indiquez son montant hors taxes";
    return a;
  }
  const std::string_view s = text::trim(f->text);
  Parsed<std::int64_t> parsed = Parsed<std::int64_t>::failure("");
  if (f->kind == DecpField::Kind::number || is_plain_decimal(s)) {
    const auto cell = number_cell(s);
    parsed = cell ? parse_amount(*cell) : parse_amount(s);
    if (typed && f->kind != DecpField::Kind::number && parsed) {
      a.repair = "montant écrit en texte " + quoted(s) + " lu " + fr::euros_cents(parsed.value());
    }
  } else {
    parsed = parse_amount(s);
    if (parsed) a.repair = "montant " + quoted(s) + " lu " + fr::euros_cents(parsed.value());
  }
  if (!parsed) {
    a.error = parsed.error();
    return a;
  }
  if (parsed.value() <= 0) {
    a.unknown = true;
    a.error = "montant nul " + quoted(s) + " : " + std::string(amount_hypotheses) +
              " ; indiquez le montant hors taxes du marché (pour un accord-cadre sans maximum, sa valeur "
              "estimée)";
    a.repair.clear();
    return a;
  }
  a.cents = parsed.value();
  return a;
}

// dateNotification: "2024-03-01"; with a time or a time zone
// ("2024-03-01+01:00", "2024-03-01T00:00:00Z") or day first, a repair.
struct DateRead {
  std::optional<Date> date;
  std::string error;
  std::string repair;
};

DateRead read_date(std::string_view raw) {
  DateRead d;
  const std::string_view s = text::trim(raw);
  if (auto iso = Date::parse_iso(s)) {
    d.date = *iso;
    return d;
  }
  if (s.size() > 10) {
    const std::string_view rest = s.substr(10);
    const bool time_or_zone =
        rest.find_first_not_of("0123456789:.+-TZ ") == std::string_view::npos &&
        (rest[0] == 'T' || rest[0] == 'Z' || rest[0] == '+' || rest[0] == '-' || rest[0] == ' ');
    if (time_or_zone) {
      if (auto iso = Date::parse_iso(s.substr(0, 10))) {
        d.date = *iso;
        d.repair = "date " + quoted(s) + " lue " + iso->iso() + " (heure et fuseau horaire ignorés)";
        return d;
      }
    }
  }
  const auto parsed = parse_date(s);
  if (!parsed) {
    d.error = "date de notification illisible " + quoted(s) + " : la date attendue s'écrit AAAA-MM-JJ";
    return d;
  }
  d.date = parsed.value();
  d.repair = "date " + quoted(s) + " lue " + parsed.value().iso();
  return d;
}

struct Known {
  std::string_view key;    // fold_key of the label
  std::string_view label;  // as the schema writes it
};

constexpr std::array<Known, 5> social_labels = {{
    {"clausesociale", "Clause sociale"},
    {"criteresocial", "Critère social"},
    {"marchereserve", "Marché réservé"},
    {"concessionreservee", "Concession réservée"},
    {"pasdeconsiderationsociale", "Pas de considération sociale"},
}};
constexpr std::array<Known, 3> environmental_labels = {{
    {"clauseenvironnementale", "Clause environnementale"},
    {"critereenvironnemental", "Critère environnemental"},
    {"pasdeconsiderationenvironnementale", "Pas de considération environnementale"},
}};

// The considerations recorded for a contract: the schema's values, whatever
// their case or accents. Nothing when the field is absent, empty or "NC"
// (unknown); "Sans objet" is read as "Pas de considération…".
template <std::size_t N>
std::optional<std::vector<std::string>> read_considerations(Mapper& m, const DecpRecord& record,
                                                            std::string_view group, std::string_view item,
                                                            const std::array<Known, N>& labels,
                                                            std::string_view none_label,
                                                            std::string_view noun) {
  std::vector<const DecpField*> fields = record.all(std::string(group) + "." + std::string(item));
  for (const DecpField* f : record.all(group)) fields.push_back(f);
  std::vector<std::string> values;
  for (const DecpField* f : fields) {
    const std::string value = m.text_of(f);
    if (value.empty()) continue;
    const std::string key = text::fold_key(value);
    if (key == "nc" || key == "noncommunique" || key == "nonrenseigne") continue;
    std::string_view label;
    if (key == "sansobjet") {
      label = none_label;
      m.repair(std::string(noun) + " " + quoted(value) + " lue " + quoted(none_label));
    }
    for (const Known& k : labels) {
      if (k.key == key) label = k.label;
    }
    if (label.empty()) {
      m.repair(std::string(noun) + " inconnue " + quoted(value) + " ignorée");
      continue;
    }
    bool seen = false;
    for (const auto& v : values) seen = seen || v == label;
    if (!seen) values.emplace_back(label);
  }
  if (values.empty()) return std::nullopt;
  return values;
}

}  // namespace

std::optional<Nature> nature_of_cpv_division(std::string_view cpv) {
  if (cpv.size() < 2 || cpv[0] < '0' || cpv[0] > '9' || cpv[1] < '0' || cpv[1] > '9') return std::nullopt;
  const int division = (cpv[0] - '0') * 10 + (cpv[1] - '0');
  if (division == 45) return Nature::travaux;
  if ((division >= 1 && division <= 44) || division == 48) return Nature::fournitures;
  if (division >= 49 && division <= 98) return Nature::services;
  return std::nullopt;
}

std::optional<std::string> decp_departement(std::string_view code_in, std::string_view type_code) {
  std::string code(text::trim(code_in));
  for (char& c : code) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  if (code.empty()) return std::nullopt;
  const std::string type = text::fold_key(type_code);
  const auto check = [](std::string_view dep) -> std::optional<std::string> {
    const auto parsed = parse_lieu(dep);
    if (!parsed) return std::nullopt;
    return parsed.value();
  };
  // INSEE codes start with the département: 2 characters, 3 overseas (97x);
  // a commune code has 5 characters in all.
  const auto insee_prefix = [&](std::size_t tail) -> std::optional<std::string> {
    const std::size_t dep = code.starts_with("97") ? 3 : 2;
    if (code.size() != dep + tail) return std::nullopt;
    return check(code.substr(0, dep));
  };
  if (type.find("region") != std::string::npos || type.find("pays") != std::string::npos) return std::nullopt;
  if (type.find("commune") != std::string::npos) return insee_prefix(code.starts_with("97") ? 2 : 3);
  if (type.find("arrondissement") != std::string::npos) return insee_prefix(1);
  if (type.find("canton") != std::string::npos) return insee_prefix(2);
  // "Code postal", "Code département", or no type: what the programme reader
  // understands (a postal code or a département).
  return check(code);
}

namespace {

// The buyer of a contract, the granting authority of a concession.
const DecpField* buyer_field(const DecpRecord& record, std::string_view member) {
  return record.find(std::string(record.concession() ? "autoriteConcedante." : "acheteur.") +
                     std::string(member));
}

// A concession's overall value; a contract's amount.
const DecpField* amount_field(const DecpRecord& record) {
  return record.find(record.concession() ? "valeurGlobale" : "montant");
}

// The nature of a concession from DECP's own "nature": works for a works
// concession, services for the others (service, public service, delegation).
Nature nature_of_concession(std::string_view nature) {
  return text::fold_key(nature).find("travaux") != std::string::npos ? Nature::travaux : Nature::services;
}

}  // namespace

std::string_view decp_gap_label(DecpGap gap) {
  switch (gap) {
    case DecpGap::record: return "illisibles ou démesurés";
    case DecpGap::objet: return "sans objet";
    case DecpGap::cpv: return "sans code CPV lisible";
    case DecpGap::amount: return "sans montant lisible";
    case DecpGap::date: return "sans date lisible";
  }
  return "illisibles";
}

std::string decp_reference(const DecpRecord& record) {
  const DecpField* id = record.find("id");
  if (is_blank(id)) return {};
  std::string reference;
  const DecpField* buyer = buyer_field(record, "id");
  if (!is_blank(buyer)) reference = text::trim(buyer->text);
  reference += text::trim(id->text);
  return reference;
}

std::string decp_reference_at_line(std::string_view base, std::uint32_t line) {
  return std::string(base) + "#" + std::to_string(line);
}

std::string decp_award_key(const DecpRecord& record) {
  const DecpField* date = record.find(record.concession() ? "dateSignature" : "dateNotification");
  const DecpField* amount = amount_field(record);
  std::string key = decp_reference(record);
  key += '\x1f';
  // The day, whatever time or zone follows it; the amount in cents when it
  // reads ("30000.00" and 30000 are one amount), else as written.
  if (!is_blank(date)) key += text::trim(date->text).substr(0, 10);
  key += '\x1f';
  if (const auto cents = read_amount(amount, record.typed()).cents) {
    key += std::to_string(*cents);
  } else if (!is_blank(amount)) {
    key += text::trim(amount->text);
  }
  return key;
}

std::optional<std::int64_t> decp_amount(const DecpRecord& record) {
  return read_amount(amount_field(record), record.typed()).cents;
}

DecpMapping decp_lot(const DecpRecord& record, Lot& out) {
  Mapper m(record);
  out = Lot{};
  out.source = Location::in_file("", record.line());
  if (!record.problem().empty()) {
    m.error(nullptr, DecpGap::record, record.problem());
    return std::move(m.result());
  }
  if (record.overflowed()) {
    m.error(nullptr, DecpGap::record,
            "marché démesuré (plus de " + std::to_string(DecpRecord::max_fields) +
                " valeurs ou de 4 Mio) : il est ignoré");
    return std::move(m.result());
  }

  const bool concession = record.concession();
  const std::string contract = concession ? "du contrat de concession" : "du marché";
  const std::string buyer_key = concession ? "autoriteConcedante" : "acheteur";
  if (concession) out.concession = true;

  const DecpField* id = record.find("id");
  if (is_blank(id)) {
    // The evaluation does not need the id: the contract is named by its
    // buyer and its line, so that it can be found in the file.
    const DecpField* buyer = buyer_field(record, "id");
    out.reference = decp_reference_at_line(is_blank(buyer) ? "" : text::trim(buyer->text), record.line());
    out.consultation = out.reference;
    m.repair("identifiant " + contract + " (« id ») absent : il est désigné par son acheteur et sa ligne");
  } else {
    m.text_of(id);
    const DecpField* buyer = buyer_field(record, "id");
    if (is_blank(buyer)) {
      m.repair("« " + buyer_key + ".id » absent : la référence est l'identifiant " + contract + " seul");
    }
    out.reference = decp_reference(record);
    out.consultation = out.reference;
  }

  const DecpField* buyer_name = buyer_field(record, "nom");
  out.acheteur = m.text_of(is_blank(buyer_name) ? buyer_field(record, "id") : buyer_name);

  const DecpField* objet = record.find("objet");
  out.objet = text::single_line(m.text_of(objet));
  if (out.objet.empty()) {
    m.error(objet, DecpGap::objet,
            "objet " + contract + " (« objet ») absent : écrivez-le pour qu'il soit évalué");
  }

  const DecpField* cpv = record.find("codeCPV");
  if (concession && is_blank(cpv)) {
    // The concessions' schema has no CPV code: the nature comes from its own.
    out.nature = nature_of_concession(m.text_of(record.find("nature")));
  } else if (is_blank(cpv)) {
    out.unknown.nature = true;
    m.unknown(
        cpv, DecpGap::cpv,
        "code CPV (« codeCPV ») absent : la nature du marché n'est pas connue ; il est évalué comme marché "
        "de travaux, de fournitures et de services et le verdict retenu est le plus fort ; indiquez ses 8 "
        "chiffres, par exemple 45214200");
  } else {
    const std::string raw = m.text_of(cpv);
    auto parsed = parse_cpv(raw);
    // "66516 000": the digits typed with a space among them.
    std::string digits = raw;
    if (!parsed && raw.find(' ') != std::string::npos) {
      std::erase(digits, ' ');
      if (auto compact = parse_cpv(digits)) {
        parsed = std::move(compact);
        m.repair("code CPV " + quoted(raw) + " lu " + parsed.value() + " (espaces retirés)");
      }
    }
    if (!parsed) {
      m.error(cpv, DecpGap::cpv, parsed.error());
    } else {
      out.cpv = parsed.value();
      if (digits.find_first_not_of("0123456789") == 7 ||
          (digits.size() == 7 && digits.find_first_not_of("0123456789") == std::string::npos)) {
        m.repair("code CPV " + quoted(raw) + " lu " + out.cpv + " (zéro de tête perdu)");
      }
      if (const auto nature = nature_of_cpv_division(out.cpv)) {
        out.nature = *nature;
      } else {
        m.error(
            cpv, DecpGap::cpv,
            "code CPV " + quoted(raw) + " : la division " + out.cpv.substr(0, 2) +
                " n'existe pas dans le vocabulaire commun (règlement (CE) n° 213/2008) : corrigez le code");
      }
    }
  }

  const Amount amount = read_amount(amount_field(record), record.typed());
  if (amount.cents) {
    out.montant_ht_cents = *amount.cents;
    if (!amount.repair.empty()) m.repair(amount.repair);
  } else if (amount.unknown) {
    out.unknown.montant = true;
    m.unknown(amount_field(record), DecpGap::amount, amount.error);
  } else {
    m.error(amount_field(record), DecpGap::amount, amount.error);
  }

  // A contract's date is its notification; a concession has its signature.
  const char* date_name = concession ? "dateSignature" : "dateNotification";
  const DecpField* notified = record.find(date_name);
  if (is_blank(notified)) {
    // Many published records lack it (half of a 2019 file): the rules are
    // applied at the date the data were published, else the earliest other
    // date the record has, and the repair says which.
    std::optional<Date> fallback;
    std::string used;
    for (const char* name : {"datePublicationDonnees", "dateSignature", "dateDebutExecution"}) {
      if (std::string_view(name) == date_name) continue;
      const DecpField* field = record.find(name);
      if (is_blank(field)) continue;
      const DateRead date = read_date(m.text_of(field));
      if (!date.date || (fallback && *fallback <= *date.date)) continue;
      fallback = date.date;
      used = name;
      if (used == "datePublicationDonnees") break;
    }
    const std::string what = concession ? "date de signature" : "date de notification";
    if (fallback) {
      out.date_lancement = *fallback;
      m.repair(what + " absente : règles appliquées au " + fallback->iso() + " (« " + used + " »)");
    } else {
      m.error(notified, DecpGap::date,
              what + " (« " + date_name + " ») absente, et aucune autre date (« datePublicationDonnees », " +
                  (concession ? "" : "« dateSignature », ") +
                  "« dateDebutExecution ») : c'est la date à laquelle les règles sont appliquées ; "
                  "indiquez-la (AAAA-MM-JJ)");
    }
  } else {
    const DateRead date = read_date(m.text_of(notified));
    if (date.date) {
      out.date_lancement = *date.date;
      if (!date.repair.empty()) m.repair(date.repair);
    } else {
      m.error(notified, DecpGap::date, date.error);
    }
  }

  if (const DecpField* months = record.find("dureeMois"); !is_blank(months)) {
    const std::string raw = m.text_of(months);
    const auto cell = number_cell(raw);
    const auto parsed = cell ? parse_months(*cell) : parse_months(raw);
    if (parsed) {
      out.duree_mois = parsed.value();
      if (!cell || (record.typed() && months->kind != DecpField::Kind::number)) {
        m.repair("durée " + quoted(raw) + " lue " + std::to_string(parsed.value()) + " mois");
      }
    } else {
      m.repair("durée illisible " + quoted(raw) + " ignorée");
    }
  }

  // "Marché de défense ou de sécurité" is a kind of contract (L1113-1), not of
  // buyer: it sets the lot's flag, and the buyer type stays as DECP leaves it.
  if (const std::string nature = text::fold_key(m.text_of(record.find("nature")));
      !nature.empty() && !concession) {
    out.marche_defense =
        nature.find("defense") != std::string::npos || nature.find("securite") != std::string::npos;
  }

  if (const DecpField* place = record.find("lieuExecution.code"); !is_blank(place)) {
    const std::string code = m.text_of(place);
    const std::string type = m.text_of(record.find("lieuExecution.typeCode"));
    const std::string key = text::fold_key(type);
    if (auto dep = decp_departement(code, type)) {
      out.lieu = *dep;
    } else if (key.find("region") == std::string::npos && key.find("pays") == std::string::npos) {
      m.repair("lieu d'exécution " + quoted(code) + (type.empty() ? "" : " (" + type + ")") +
               " non reconnu : ignoré");
    }
  }

  out.recorded_social_considerations =
      read_considerations(m, record, "considerationsSociales", "considerationSociale", social_labels,
                          "Pas de considération sociale", "considération sociale");
  out.recorded_environmental_considerations = read_considerations(
      m, record, "considerationsEnvironnementales", "considerationEnvironnementale", environmental_labels,
      "Pas de considération environnementale", "considération environnementale");
  m.finish();
  return std::move(m.result());
}

}  // namespace clausier::readers
