// Followup::import_statement: a company's monthly statement (CSV or XLSX),
// checked whole, then imported whole or not at all (docs/followup.md).

#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "app/followup.hpp"
#include "app/followup_detail.hpp"
#include "app/workspace.hpp"
#include "app/workspace_records.hpp"
#include "base/french.hpp"
#include "base/quoted.hpp"
#include "base/suggest.hpp"
#include "base/text.hpp"
#include "readers/csv_source.hpp"
#include "readers/sheet_source.hpp"
#include "readers/values.hpp"
#include "store/accounts_store.hpp"
#include "store/database.hpp"
#include "store/workspace_store.hpp"

namespace clausier::app {

using Poco::Data::Session;
using namespace workspace_detail;
using namespace followup_detail;

namespace {

enum Col : std::size_t {
  c_lot,
  c_month,
  c_participant,
  c_category,
  c_validated_on,
  c_route,
  c_contract,
  c_worked,
  c_training,
  c_validated_by,
  c_employer,
  c_sex,
  c_age,
  c_qualification,
  c_qpv,
  c_outcome,
  c_count
};
constexpr std::size_t required_columns = c_training + 1;

// Short forms also accepted for a header, folded.
std::optional<std::size_t> column_of(std::string_view header) {
  const std::string key = text::fold_key(header);
  if (key.empty()) return std::nullopt;
  const auto& headers = statement_headers();
  for (std::size_t i = 0; i < headers.size(); ++i) {
    if (text::fold_key(headers[i]) == key) return i;
  }
  static const std::vector<std::pair<std::string_view, std::size_t>> synonyms = {
      {"reference", c_lot},
      {"lot", c_lot},
      {"mois", c_month},
      {"categorie", c_category},
      {"datevalidation", c_validated_on},
      {"modalite", c_route},
      {"contrat", c_contract},
      {"heures", c_worked},
      {"heuresformation", c_training},
      {"age", c_age},
      {"trancheage", c_age},
      {"qualification", c_qualification},
      {"niveau", c_qualification},
      {"employeurlegal", c_employer},
  };
  for (const auto& [s, i] : synonyms)
    if (s == key) return i;
  return std::nullopt;
}

std::string cell_text(const readers::Cell& c) {
  if (c.type == readers::Cell::Type::number && c.text.empty()) {
    std::ostringstream out;
    out << c.number;
    return out.str();
  }
  return std::string(text::trim(c.text));
}

// Hours: "12", "12,5", "12.5", a number cell; empty is 0.
std::optional<double> parse_hours(const readers::Cell& c) {
  if (c.type == readers::Cell::Type::number && !c.is_date) return c.number;
  std::string t(text::trim(c.text));
  if (t.empty()) return 0.0;
  std::replace(t.begin(), t.end(), ',', '.');
  if (t.find_first_not_of("0123456789.-") != std::string::npos) return std::nullopt;
  if (std::count(t.begin(), t.end(), '.') > 1) return std::nullopt;
  try {
    std::size_t used = 0;
    const double v = std::stod(t, &used);
    if (used != t.size() || !std::isfinite(v)) return std::nullopt;
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool blank(const readers::Record& r) {
  return std::all_of(r.cells.begin(), r.cells.end(), [](const readers::Cell& c) {
    return c.type == readers::Cell::Type::empty ||
           (c.type == readers::Cell::Type::text && text::trim(c.text).empty());
  });
}

bool pseudonymous(const std::string& id) {
  if (id.empty() || id.size() > 40) return false;
  bool digit = false;
  for (const unsigned char c : id) {
    if (std::isdigit(c) != 0) digit = true;
    if (std::isalnum(c) == 0 && c != '-' && c != '_' && c != '.') return false;
  }
  return digit;
}

std::string sha256(const std::string& content) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(content);
  return Poco::DigestEngine::digestToHex(sha.digest());
}

std::vector<std::string> ids_of(const std::vector<Term>& terms) {
  std::vector<std::string> out;
  for (const auto& t : terms) out.emplace_back(t.id);
  return out;
}

// A value of a closed list of the optional columns, or nullopt.
std::optional<std::string> one_of(
    const std::string& typed, const std::vector<std::pair<std::string, std::vector<std::string>>>& choices) {
  const std::string key = text::fold_key(typed);
  for (const auto& [id, forms] : choices) {
    for (const auto& f : forms)
      if (text::fold_key(f) == key) return id;
  }
  return std::nullopt;
}

const std::vector<std::pair<std::string, std::vector<std::string>>> sexes = {
    {"F", {"F", "femme", "féminin"}}, {"H", {"H", "M", "homme", "masculin"}}};
const std::vector<std::pair<std::string, std::vector<std::string>>> age_bands = {
    {"moins-26", {"moins-26", "moins de 26 ans", "-26", "<26"}},
    {"26-49", {"26-49", "26-49 ans", "26 à 49 ans"}},
    {"50-plus", {"50-plus", "50 ans et plus", "50+", "plus de 50 ans"}}};
const std::vector<std::pair<std::string, std::vector<std::string>>> yes_no = {
    {"oui", {"oui", "o", "1", "vrai"}}, {"non", {"non", "n", "0", "faux"}}};

struct ParsedLine {
  std::uint32_t line = 0;
  Location where;
  const store::AwardRow* award = nullptr;
  std::string month;
  std::string participant;  // empty: a month declared without hours
  std::string category;
  std::string validated_on;
  std::string validated_by;
  std::string employer;
  std::string route;
  std::string contract;
  double worked = 0;
  double training = 0;
  std::string sex, age, qualification, qpv, outcome;
};

}  // namespace

StatementOutcome Followup::import_statement(const params::ParameterSet& params,
                                            const std::filesystem::path& file, const std::string& company,
                                            const std::string& author, Date today) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    StatementOutcome out;
    out.errors.push_back({Severity::error, Location::in_file(file.filename().string()),
                          fr::typography("le fichier ne peut pas être lu : vérifiez son chemin")});
    return out;
  }
  std::ostringstream content;
  content << in.rdbuf();
  return import_statement_content(params, std::move(content).str(), file.filename().string(), company, author,
                                  today);
}

StatementOutcome Followup::import_statement_content(const params::ParameterSet& params, std::string content,
                                                    const std::string& name, const std::string& company,
                                                    const std::string& author, Date today) {
  StatementOutcome out;
  DiagnosticList diags;
  const std::string checksum = sha256(content);
  store::FollowupStore fs(*db_);

  // The same statement as one already imported: nothing to do.
  bool seen = false;
  guarded([&] { db_->read([&](Session& s) { seen = fs.statement(s, checksum).has_value(); }); });
  if (seen) {
    out.unchanged = true;
    return out;
  }

  std::unique_ptr<readers::TabularSource> src;
  if (readers::looks_like_workbook(std::string_view(content).substr(0, 8))) {
    readers::sheet::Bytes bytes;
    bytes.content = std::make_shared<const std::string>(content);
    auto plan = readers::plan_spreadsheet(bytes, name, "1", {}, diags);
    if (plan) src = readers::open_spreadsheet(plan, diags);
  } else {
    src = std::make_unique<readers::CsvSource>(std::make_unique<std::istringstream>(content), name);
  }

  std::vector<store::AwardRow> awards;
  std::map<std::string, store::ParticipantRow> known;
  guarded([&] {
    db_->read([&](Session& s) {
      awards = fs.awards(s);
      for (auto& p : fs.participants(s)) known.emplace(p.pseudonym, std::move(p));
    });
  });
  std::map<std::string, const store::AwardRow*> by_reference;
  for (const auto& a : awards) by_reference[a.reference] = &a;

  std::vector<ParsedLine> lines;
  std::vector<std::optional<std::size_t>> columns;  // by cell index
  std::vector<std::string> headers;
  std::array<std::optional<std::size_t>, c_count> cell_of{};
  readers::Record record;
  bool header_done = false;
  std::map<std::tuple<std::string, std::string, std::string>, std::uint32_t> seen_lines;
  const bool before_validation_counts = [&] {
    const RuleValue r = rule(params, before_validation_parameter, today);
    return r.found && r.flag;
  }();
  const std::string this_month = month_of(today);
  // The categories in force each month, and the routes and contract types,
  // by their folded id and label.
  struct CategoryIndex {
    std::vector<std::string> ids;
    std::unordered_map<std::string, std::string> by_key;
  };
  std::map<std::string, CategoryIndex> category_months;
  const auto categories_for = [&](const std::string& month) -> const CategoryIndex& {
    auto [it, inserted] = category_months.try_emplace(month);
    if (inserted) {
      for (const auto& c : categories_in_force(params, month.empty() ? today : month_first(month))) {
        it->second.ids.push_back(c.id);
        it->second.by_key.emplace(text::fold_key(c.id), c.id);
        it->second.by_key.emplace(text::fold_key(c.label), c.id);
      }
    }
    return it->second;
  };
  const auto index_of = [](const std::vector<Term>& terms) {
    std::unordered_map<std::string, std::string> index;
    for (const auto& t : terms) {
      index.emplace(text::fold_key(t.id), std::string(t.id));
      index.emplace(text::fold_key(t.label), std::string(t.id));
    }
    return index;
  };
  const auto routes = index_of(followup_routes());
  const auto contract_types = index_of(followup_contract_types());

  while (src && src->next(record, diags)) {
    if (blank(record)) continue;
    if (!header_done) {
      header_done = true;
      for (std::size_t i = 0; i < record.cells.size(); ++i) {
        headers.push_back(record.cells[i].text);
        const auto c = column_of(record.cells[i].text);
        if (c && !cell_of[*c]) cell_of[*c] = i;
      }
      std::vector<std::string> missing;
      for (std::size_t c = 0; c < required_columns; ++c)
        if (!cell_of[c]) missing.emplace_back(statement_headers()[c]);
      if (!missing.empty()) {
        diags.error(src->locate(record, readers::TabularSource::whole_record, ""),
                    "colonne" + std::string(missing.size() > 1 ? "s" : "") + " absente" +
                        (missing.size() > 1 ? "s" : "") + " de l'état : " + fr::quoted_list(missing) +
                        " ; partez du modèle (clausier followup template) qui porte toutes les colonnes");
        break;
      }
      continue;
    }
    ParsedLine l;
    l.line = record.line;
    const auto cell = [&](std::size_t c) -> readers::Cell {
      if (!cell_of[c] || *cell_of[c] >= record.cells.size()) return {};
      return record.cells[*cell_of[c]];
    };
    const auto text = [&](std::size_t c) { return cell_text(cell(c)); };
    const auto at = [&](std::size_t c) {
      const std::size_t i = cell_of[c].value_or(readers::TabularSource::whole_record);
      return src->locate(record, i, i < headers.size() ? headers[i] : std::string());
    };
    l.where = src->locate(record, readers::TabularSource::whole_record, "");
    const std::size_t errors_before = diags.count(Severity::error);

    // Lot.
    const std::string reference = text(c_lot);
    if (reference.empty()) {
      diags.error(at(c_lot), "référence du lot absente : recopiez celle du modèle");
    } else if (const auto it = by_reference.find(reference); it == by_reference.end()) {
      std::vector<std::string> refs;
      for (const auto& a : awards) refs.push_back(a.reference);
      const std::string close = closest_word(reference, refs);
      diags.error(at(c_lot), "lot " + fr::quoted(reference) +
                                 " inconnu : aucun lot attribué ne porte cette référence" +
                                 (close.empty() ? std::string(" ; recopiez celle du modèle")
                                                : " ; vouliez-vous écrire " + fr::quoted(close) + " ?"));
    } else if (!company.empty() && it->second->siret != company) {
      diags.error(at(c_lot), "le lot " + fr::quoted(reference) +
                                 " n'est pas attribué à l'entreprise de SIRET " + company +
                                 " : retirez cette ligne ou vérifiez la référence");
    } else {
      l.award = it->second;
    }

    // Month.
    const readers::Cell month_cell = cell(c_month);
    std::optional<std::string> month;
    if (month_cell.type == readers::Cell::Type::number && month_cell.is_date) {
      if (const auto d = readers::parse_date(month_cell)) month = month_of(d.value());
    } else {
      month = parse_month(text(c_month));
    }
    if (!month) {
      diags.error(at(c_month), "mois " + fr::quoted(text(c_month)) +
                                   " illisible : écrivez AAAA-MM, par exemple " + this_month);
    } else if (*month > this_month) {
      diags.error(at(c_month),
                  "mois " + *month + " à venir : un état ne déclare que des mois échus ou en cours");
    } else if (l.award != nullptr && !l.award->start_date.empty() &&
               (*month < l.award->start_date.substr(0, 7) || *month > l.award->end_date.substr(0, 7))) {
      diags.error(at(c_month), "mois " + *month + " hors de la durée du marché du lot " +
                                   fr::quoted(reference) + " (du " +
                                   fr::date_short(*Date::parse_iso(l.award->start_date)) + " au " +
                                   fr::date_short(*Date::parse_iso(l.award->end_date)) +
                                   ") : corrigez le mois ou les dates de l'attribution");
    } else {
      l.month = *month;
    }

    // Participant.
    l.participant = text(c_participant);
    const bool declares_nothing = l.participant.empty() && text(c_category).empty() && text(c_route).empty();
    if (l.participant.empty() && !declares_nothing) {
      diags.error(at(c_participant),
                  "identifiant du participant absent : chaque ligne porte l'identifiant "
                  "pseudonyme que le facilitateur a donné (par exemple P-0042)");
    } else if (!l.participant.empty() && !pseudonymous(l.participant)) {
      diags.error(
          at(c_participant),
          "identifiant de participant " + fr::quoted(l.participant) +
              " refusé : écrivez l'identifiant pseudonyme donné par le facilitateur (lettres sans "
              "accent, chiffres, tirets, au moins un chiffre, par exemple P-0042), jamais le nom de la "
              "personne");
    }
    const store::ParticipantRow* before = nullptr;
    if (const auto it = known.find(l.participant); it != known.end()) before = &it->second;

    if (!l.participant.empty()) {
      // Category: by id or label, among those in force on the month.
      const CategoryIndex& categories = categories_for(l.month);
      std::string typed = text(c_category);
      if (typed.empty() && before != nullptr) typed = before->category;
      if (typed.empty()) {
        diags.error(at(c_category),
                    "catégorie d'éligibilité absente : écrivez l'identifiant ou le libellé de la "
                    "catégorie validée par le facilitateur");
      } else if (const auto it = categories.by_key.find(text::fold_key(typed));
                 it != categories.by_key.end()) {
        l.category = it->second;
      } else {
        diags.error(at(c_category),
                    unknown_word("catégorie", typed, categories.ids, "écrivez l'une des catégories"));
      }
      // Validation.
      std::string validated = text(c_validated_on);
      const readers::Cell vcell = cell(c_validated_on);
      if (validated.empty() && before != nullptr) validated = before->validated_on;
      if (validated.empty()) {
        diags.error(at(c_validated_on),
                    "participant " + fr::quoted(l.participant) +
                        " pas encore validé : ses heures ne comptent qu'une fois son éligibilité "
                        "validée par le facilitateur ; indiquez la date de validation");
      } else {
        const auto d = vcell.type == readers::Cell::Type::number ? readers::parse_date(vcell)
                                                                 : readers::parse_date(validated);
        if (!d) {
          diags.error(at(c_validated_on), "date de validation " + fr::quoted(validated) + " : " + d.error());
        } else {
          l.validated_on = d.value().iso();
          if (d.value() > today) {
            diags.error(at(c_validated_on), "date de validation " + fr::date_short(d.value()) +
                                                " à venir : le participant n'est pas encore validé");
          } else if (!l.month.empty() && !before_validation_counts && month_last(l.month) < d.value()) {
            diags.error(at(c_validated_on), "participant " + fr::quoted(l.participant) +
                                                " pas encore validé en " + l.month + " (validé le " +
                                                fr::date_short(d.value()) +
                                                ") : les heures d'avant la validation ne comptent pas (règle "
                                                "suivi.heures_avant_validation) ; retirez cette ligne");
          }
        }
      }
      l.validated_by = text(c_validated_by);
      if (l.validated_by.empty())
        l.validated_by = before != nullptr && !before->validated_by.empty() ? before->validated_by
                                                                            : std::string("facilitateur");
      // Route and contract.
      if (const auto t = routes.find(text::fold_key(text(c_route))); t != routes.end()) {
        l.route = t->second;
      } else {
        diags.error(at(c_route), text(c_route).empty()
                                     ? std::string("modalité absente : écrivez l'une de ") +
                                           quoted_or_list(ids_of(followup_routes()))
                                     : unknown_word("modalité", text(c_route), ids_of(followup_routes()),
                                                    "écrivez l'une de"));
      }
      if (const auto t = contract_types.find(text::fold_key(text(c_contract))); t != contract_types.end()) {
        l.contract = t->second;
      } else {
        diags.error(at(c_contract), text(c_contract).empty()
                                        ? std::string("type de contrat absent : écrivez l'un de ") +
                                              quoted_or_list(ids_of(followup_contract_types()))
                                        : unknown_word("type de contrat", text(c_contract),
                                                       ids_of(followup_contract_types()), "écrivez l'un de"));
      }
      l.employer = text(c_employer);
      // Attributes for the indicators (optional).
      const auto attribute = [&](std::size_t c, const auto& choices, std::string& value, const char* what,
                                 const std::string& previous) {
        const std::string typed_value = text(c);
        if (typed_value.empty()) {
          value = previous;
          return;
        }
        if (const auto v = one_of(typed_value, choices)) {
          value = *v;
          return;
        }
        std::vector<std::string> ids;
        for (const auto& [id, forms] : choices) ids.push_back(id);
        diags.error(at(c), unknown_word(what, typed_value, ids, "écrivez l'une des valeurs"));
      };
      attribute(c_sex, sexes, l.sex, "sexe", before != nullptr ? before->sex : "");
      attribute(c_age, age_bands, l.age, "tranche d'âge", before != nullptr ? before->age_band : "");
      attribute(c_qpv, yes_no, l.qpv, "valeur QPV", before != nullptr ? before->qpv : "");
      l.qualification = text(c_qualification);
      if (l.qualification.empty() && before != nullptr) l.qualification = before->qualification;
      l.outcome = text(c_outcome);
      if (l.outcome.empty() && before != nullptr) l.outcome = before->outcome;
    }

    // Hours.
    const auto hours = [&](std::size_t c, double& out_hours, const char* what) {
      const auto h = parse_hours(cell(c));
      if (!h) {
        diags.error(at(c), std::string(what) + " " + fr::quoted(text(c)) +
                               " : écrivez un nombre d'heures, par exemple 35 ou 7,5");
      } else if (*h < 0) {
        diags.error(at(c),
                    std::string(what) + " négatives (" + text(c) + ") : écrivez un nombre positif ou nul");
      } else if (*h > 744) {
        diags.error(at(c), std::string(what) + " " + text(c) +
                               " : plus d'heures qu'un mois n'en compte ; vérifiez le nombre");
      } else {
        out_hours = *h;
      }
    };
    hours(c_worked, l.worked, "heures travaillées");
    hours(c_training, l.training, "heures de formation");
    if (declares_nothing && (l.worked > 0 || l.training > 0)) {
      diags.error(at(c_participant), "des heures sans participant : indiquez l'identifiant du participant");
    }

    // The same participant twice in a month on a lot.
    if (l.award != nullptr && !l.month.empty() && !l.participant.empty()) {
      const auto key = std::make_tuple(l.award->reference, l.month, l.participant);
      if (const auto [it, inserted] = seen_lines.emplace(key, l.line); !inserted) {
        diags.error(at(c_participant), "participant " + fr::quoted(l.participant) +
                                           " déjà déclaré sur le lot " + fr::quoted(reference) + " en " +
                                           l.month + " (ligne " + std::to_string(it->second) +
                                           ") : regroupez ses heures du mois sur une seule ligne");
      }
    }
    if (diags.count(Severity::error) == errors_before) lines.push_back(std::move(l));
  }
  if (src && !header_done)
    diags.error(Location::in_file(name), "l'état est vide : partez du modèle (clausier followup template)");
  if (!src && !diags.has_errors()) diags.error(Location::in_file(name), "l'état ne peut pas être lu");
  if (src && header_done && lines.empty() && !diags.has_errors())
    diags.error(Location::in_file(name), "l'état n'a aucune ligne : une ligne par participant, lot et mois");

  for (const auto& d : diags.all()) (d.severity == Severity::error ? out.errors : out.warnings).push_back(d);
  if (!out.errors.empty()) return out;

  // Written whole: the lines of each (lot, month) the statement carries
  // replace those kept.
  std::set<std::pair<std::int64_t, std::string>> lot_months;
  for (const auto& l : lines) lot_months.emplace(l.award->id, l.month);
  std::set<std::int64_t> lots;
  for (const auto& [a, m] : lot_months) lots.insert(a);

  std::int64_t statement = 0;
  guarded([&] {
    db_->write([&](Session& s) {
      // The same content under another name: nothing changes either.
      std::map<std::tuple<std::int64_t, std::string, std::int64_t>, store::LineRow> kept;
      std::set<std::pair<std::int64_t, std::string>> declared;
      std::map<std::int64_t, std::string> pseudonyms;
      for (const auto& p : fs.participants(s)) pseudonyms[p.id] = p.pseudonym;
      for (auto& m : fs.months(s)) declared.insert(std::move(m));
      std::size_t same = 0;
      std::size_t kept_in_scope = 0;
      std::set<std::string> statement_months;
      for (const auto& lm : lot_months) statement_months.insert(lm.second);
      std::vector<store::LineRow> in_scope;
      for (const auto& m : statement_months)
        for (auto& l : fs.month_lines(s, m)) in_scope.push_back(std::move(l));
      // The statement's lines by (award, month, participant), to compare.
      std::map<std::tuple<std::int64_t, std::string, std::string>, const ParsedLine*> incoming;
      for (const auto& n : lines)
        if (!n.participant.empty()) incoming[{n.award->id, n.month, n.participant}] = &n;
      for (auto& l : in_scope) {
        if (!lot_months.contains({l.award_id, l.month})) continue;
        ++kept_in_scope;
        const auto it = incoming.find({l.award_id, l.month, pseudonyms[l.participant_id]});
        if (it == incoming.end()) continue;
        const ParsedLine& n = *it->second;
        if (n.route == l.route && n.contract == l.contract && n.employer == l.employer &&
            n.worked == l.hours_worked && n.training == l.hours_training)
          ++same;
      }
      std::size_t with_people = 0;
      for (const auto& l : lines)
        if (!l.participant.empty()) ++with_people;
      bool all_declared = true;
      for (const auto& lm : lot_months)
        if (!declared.contains(lm)) all_declared = false;
      if (all_declared && same == with_people && kept_in_scope == with_people) {
        out.unchanged = true;
        return;
      }

      statement = fs.insert_statement(
          s, {0, checksum, name, company, static_cast<int>(lines.size()), store::utc_now(), author});
      std::vector<std::int64_t> month_awards;
      std::vector<std::string> month_names;
      for (const auto& [a, m] : lot_months) {
        month_awards.push_back(a);
        month_names.push_back(m);
      }
      fs.replace_months(s, month_awards, month_names, statement);
      std::vector<store::LineRow> rows;
      std::map<std::string, store::ParticipantRow> participants;
      for (const auto& l : lines) {
        if (l.participant.empty()) continue;
        auto [it, inserted] = participants.try_emplace(l.participant);
        store::ParticipantRow& p = it->second;
        if (inserted) {
          if (const auto k = known.find(l.participant); k != known.end()) p = k->second;
          p.pseudonym = l.participant;
        }
        p.category = l.category;
        p.validated_on = l.validated_on;
        p.validated_by = l.validated_by;
        p.sex = l.sex;
        p.age_band = l.age;
        p.qualification = l.qualification;
        p.qpv = l.qpv;
        p.outcome = l.outcome;
        if (l.month > p.last_month) p.last_month = l.month;
      }
      std::vector<store::ParticipantRow> changed;
      changed.reserve(participants.size());
      for (auto& [pseudonym, p] : participants) changed.push_back(std::move(p));
      std::map<std::string, std::int64_t> ids = fs.put_participants(s, changed);
      for (const auto& l : lines) {
        if (l.participant.empty()) continue;
        rows.push_back({l.award->id, l.month, ids[l.participant], l.route, l.contract, l.employer, l.worked,
                        l.training, statement});
      }
      fs.insert_lines(s, rows);
      std::map<std::int64_t, std::pair<std::set<std::string>, double>> per_lot;
      for (const auto& l : lines) {
        auto& [months, total] = per_lot[l.award->id];
        months.insert(l.month);
        total += l.worked + l.training;
      }
      std::vector<store::EventRow> events;
      for (const auto& [a, v] : per_lot) {
        std::string months;
        for (const auto& m : v.first) months += (months.empty() ? "" : ", ") + m;
        events.push_back({0, a, today.iso(), "etat",
                          fr::typography("État de " + months + " (" + name +
                                         ") : " + fr::decimal(v.second, 2) + " heures"),
                          author});
      }
      fs.insert_events(s, events);
      // The statement in the audit trail (docs/accounts.md), once per
      // programme it touches, under that programme's structure.
      std::map<std::string, std::size_t> per_programme;
      for (const auto& l : lines) ++per_programme[l.award->programme];
      const store::WorkspaceStore ws(*db_);
      const store::AccountsStore audit(*db_);
      for (const auto& [programme, count] : per_programme) {
        const auto row = ws.find_programme(s, programme);
        audit.append_audit(s, {store::utc_now(), row ? row->structure : std::string(), author, "statement",
                               programme + "/" + company,
                               fr::typography(name + " : " + std::to_string(count) + " ligne(s)"), ""});
      }
      out.imported = true;
      out.lines = lines.size();
      out.lots = lots.size();
      out.months = lot_months.size();
    });
  });
  if (!out.imported) return out;
  // Hours well above the pace: said, not refused.
  std::set<std::string> references;
  for (const auto& l : lines) references.insert(l.award->reference);
  const RuleValue alert = rule(params, pace_alert_parameter, today);
  if (!alert.found) return out;
  for (const auto& l : status_of(params, Audience::facilitator(), today, "", &references, statement).lots) {
    if (!references.contains(l.reference) || !l.expected_to_date || *l.expected_to_date <= 0) continue;
    if (l.hours_realised > alert.number * *l.expected_to_date) {
      out.warnings.push_back(
          {Severity::warning, Location::in_file(name),
           fr::typography("lot " + fr::quoted(l.reference) + " : " + fr::decimal(l.hours_realised, 1) +
                          " heures réalisées pour " + fr::decimal(*l.expected_to_date, 1) +
                          " attendues à cette date, bien au-delà du rythme du marché (plus de " +
                          fr::decimal(alert.number, 2) + " fois) ; vérifiez les heures déclarées")});
    }
  }
  return out;
}

}  // namespace clausier::app
