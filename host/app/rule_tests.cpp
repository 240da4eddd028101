#include "app/rule_tests.hpp"

#include <algorithm>
#include <cmath>
#include <system_error>

#include "base/french.hpp"
#include "base/paths.hpp"
#include "base/suggest.hpp"
#include "base/text.hpp"
#include "lua/case_file.hpp"
#include "lua/data_schema.hpp"
#include "model/lot_field.hpp"

namespace clausier::app {
namespace fs = std::filesystem;

namespace {

using lua::DataField;
using lua::DataValue;
using lua::describe;

// What a case must say of its lot (the other fields have defaults: the
// reference "cas ligne N", the objet the case's name), and how to write it.
struct CaseRequirement {
  std::string_view key;
  std::string_view when_missing;
};
constexpr CaseRequirement case_requirements[] = {
    {"nature", "écrivez nature = \"travaux\", \"fournitures\" ou \"services\""},
    {"cpv", "écrivez cpv = \"45262500\""},
    {"montant_ht", "écrivez montant_ht = 1000000 (en euros)"},
    {"date_lancement", "écrivez date_lancement = \"2027-03-01\""},
};

// The fields of a case's lot: every lot field of model/lot_field.hpp (rule
// parameters included: plugins read them with ctx.override), and the totals
// of its consultation.
const std::vector<lua::SchemaField> lot_fields = [] {
  std::vector<lua::SchemaField> fields;
  for (const LotFieldInfo& field : clausier::lot_fields()) {
    lua::SchemaField f{.name = field.key};
    for (const CaseRequirement& r : case_requirements) {
      if (r.key == field.key) {
        f.required = true;
        f.when_missing = r.when_missing;
      }
    }
    fields.push_back(f);
  }
  fields.push_back({.name = "total_consultation_ht"});
  fields.push_back({.name = "lots_consultation"});
  return fields;
}();
const lua::DataSchema lot_schema{lot_fields};

const lua::SchemaField case_fields[] = {
    {.name = "name",
     .kind = lua::DataKind::text,
     .required = true,
     .when_missing = "donnez un nom au cas, name = \"…\""},
    {.name = "as_of", .kind = lua::DataKind::date},
    {.name = "lot",
     .kind = lua::DataKind::table,
     .required = true,
     .when_missing = "décrivez le lot, lot = { nature = …, cpv = …, montant_ht = …, date_lancement = … }",
     .nested = &lot_schema},
    {.name = "expect",
     .kind = lua::DataKind::table,
     .required = true,
     .when_missing = "dites ce qui est attendu, expect = { insertion = { verdict = \"obligatoire\" } }"},
};
const lua::DataSchema case_schema{case_fields};

// What is expected of one clause; `values` is checked with its items.
const lua::SchemaField expectation_fields[] = {{.name = "verdict"},   {.name = "hours"},   {.name = "reason"},
                                               {.name = "no_reason"}, {.name = "warning"}, {.name = "basis"},
                                               {.name = "values"}};
const lua::DataSchema expectation_schema{expectation_fields};

const std::vector<std::string_view> verdicts = [] {
  std::vector<std::string_view> ids;
  for (Verdict v : all_verdicts) ids.push_back(verdict_id(v));
  return ids;
}();

std::string q(std::string_view s) { return fr::guillemet_open + std::string(s) + fr::guillemet_close; }

// Checks one case { … } table and builds the case; reports every problem.
class CaseReader {
 public:
  CaseReader(std::string file, std::uint32_t line, const std::vector<std::string>& clause_ids,
             DiagnosticSink& diags)
      : rep_{std::move(file), diags, line}, clause_ids_(clause_ids) {}

  std::optional<RuleCase> read(const DataValue& root) {
    RuleCase out;
    out.where = Location::in_file(rep_.file, rep_.line);
    lua::check_table(root, "", case_schema, rep_);
    if (const std::string* name = lua::valid_text(root, "name")) out.name = *name;
    if (const std::string* as_of = lua::valid_text(root, "as_of")) out.as_of = Date::parse_iso(*as_of);
    if (const DataValue* lot = root.get("lot"); lot != nullptr && lot->type == DataValue::Type::table) {
      read_lot(*lot, out);
    }
    if (const DataValue* expect = root.get("expect");
        expect != nullptr && expect->type == DataValue::Type::table) {
      read_expect(*expect, out);
    }
    if (rep_.failed) return std::nullopt;
    return out;
  }

 private:
  void error(const std::string& path, std::string_view message) { rep_.error(path, message); }

  bool table(const DataValue& v, const std::string& path) {
    return lua::check_kind(v, path, lua::DataKind::table, rep_);
  }

  std::optional<std::string> text(const DataValue& v, const std::string& path) {
    if (!lua::check_kind(v, path, lua::DataKind::text, rep_)) return std::nullopt;
    return v.text;
  }

  // A text, or a whole number written without quotes (lot = 3, lieu = 61).
  std::optional<std::string> text_or_integer(const DataValue& v, const std::string& path) {
    if (v.type == DataValue::Type::number && v.number >= 0 && v.number == std::floor(v.number) &&
        v.number < 1e15) {
      return std::to_string(static_cast<std::int64_t>(v.number));
    }
    return text(v, path);
  }

  std::optional<double> number(const DataValue& v, const std::string& path) {
    if (v.type != DataValue::Type::number || !std::isfinite(v.number)) {
      std::string message = "nombre attendu, trouvé " + describe(v);
      if (v.type == DataValue::Type::string)
        message += " : écrivez le nombre sans guillemets ni espace, avec un point décimal (1000000, 0.05)";
      error(path, message);
      return std::nullopt;
    }
    if (v.number < 0) {
      error(path, "nombre négatif : les montants, taux, heures et durées sont positifs ou nuls");
      return std::nullopt;
    }
    return v.number;
  }

  std::optional<std::int64_t> whole(const DataValue& v, const std::string& path) {
    const auto n = number(v, path);
    if (!n) return std::nullopt;
    if (*n != std::floor(*n) || *n > 1e15) {
      error(path, "nombre entier attendu, trouvé " + describe(v));
      return std::nullopt;
    }
    return static_cast<std::int64_t>(*n);
  }

  std::optional<double> ratio(const DataValue& v, const std::string& path) {
    const auto n = number(v, path);
    if (n && *n > 1) {
      error(path, "fraction de 0 à 1 attendue (0.05 pour 5 %), trouvé " + describe(v));
      return std::nullopt;
    }
    return n;
  }

  std::optional<Date> date(const DataValue& v, const std::string& path) {
    if (!lua::check_kind(v, path, lua::DataKind::date, rep_)) return std::nullopt;
    return Date::parse_iso(v.text);
  }

  std::optional<bool> boolean(const DataValue& v, const std::string& path) {
    if (!lua::check_kind(v, path, lua::DataKind::boolean, rep_)) return std::nullopt;
    return v.boolean;
  }

  // "45262500", "45262500-1", or 9310000 written as a number ("09310000").
  std::optional<std::string> cpv(const DataValue& v, const std::string& path) {
    std::string code;
    if (v.type == DataValue::Type::number && v.number >= 0 && v.number < 1e8 &&
        v.number == std::floor(v.number)) {
      code = std::to_string(static_cast<std::int64_t>(v.number));
      code.insert(0, 8 - code.size(), '0');
    } else if (v.type == DataValue::Type::string) {
      code = std::string(text::trim(v.text));
      if (code.size() == 10 && code[8] == '-') code.resize(8);
    }
    const bool digits = std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (code.size() != 8 || !digits) {
      const std::string found = v.type == DataValue::Type::string ? q(v.text) : "(" + describe(v) + ")";
      error(path, "code CPV invalide " + found + " : écrivez les 8 chiffres entre guillemets, \"45262500\"");
      return std::nullopt;
    }
    return code;
  }

  void read_lot(const DataValue& t, RuleCase& out) {
    Lot& lot = out.lot;
    lot.source = out.where;
    for (const LotFieldInfo& field : clausier::lot_fields()) {
      if (const DataValue* v = t.get(std::string(field.key))) read_field(field, *v, lot);
    }
    if (!t.get("reference")) lot.reference = "cas ligne " + std::to_string(rep_.line);
    if (lot.consultation.empty()) lot.consultation = lot.reference;
    if (!t.get("objet")) lot.objet = out.name;
    out.totals.montant_ht_cents = lot.montant_ht_cents;
    out.totals.lots = 1;
    if (const auto* v = t.get("total_consultation_ht")) {
      if (auto total = number(*v, "lot.total_consultation_ht")) {
        out.totals.montant_ht_cents = std::llround(*total * 100.0);
        if (t.get("montant_ht") && out.totals.montant_ht_cents < lot.montant_ht_cents) {
          error("lot.total_consultation_ht",
                "le total de la consultation est inférieur au montant du lot : il comprend ce lot et les "
                "autres");
        }
      }
    }
    if (const auto* v = t.get("lots_consultation")) {
      if (auto n = whole(*v, "lot.lots_consultation")) {
        if (*n < 1) {
          error("lot.lots_consultation", "au moins 1 lot");
        } else {
          out.totals.lots = static_cast<std::uint32_t>(std::min<std::int64_t>(*n, 1'000'000));
        }
      }
    }
  }

  // One field of the case's lot, read as its kind says.
  void read_field(const LotFieldInfo& field, const DataValue& v, Lot& lot) {
    const std::string path = "lot." + std::string(field.key);
    const auto set = [&](const LotValue& value) { return field.set(lot, value); };
    switch (field.kind) {
      case LotValueKind::text:
      case LotValueKind::departement:
        if (auto s = text_or_integer(v, path)) set(std::string_view(*s));
        break;
      case LotValueKind::buyer_type:
      case LotValueKind::nature:
        if (auto s = text(v, path); s && !set(std::string_view(*s))) {
          const bool nature = field.kind == LotValueKind::nature;
          error(path, unknown_word(nature ? "nature inconnue" : "type d'acheteur inconnu", *s,
                                   lot_value_ids(field.kind), "écrivez"));
        }
        break;
      case LotValueKind::cpv:
        if (auto code = cpv(v, path)) set(std::string_view(*code));
        break;
      case LotValueKind::amount:
        if (auto amount = number(v, path)) set(static_cast<std::int64_t>(std::llround(*amount * 100.0)));
        break;
      case LotValueKind::months:
        if (auto n = whole(v, path)) set(std::min<std::int64_t>(*n, 100'000));
        break;
      case LotValueKind::date:
        if (auto d = date(v, path)) set(*d);
        break;
      case LotValueKind::flag:
        if (auto b = boolean(v, path)) set(*b);
        break;
      case LotValueKind::ratio:
        if (auto x = ratio(v, path)) set(*x);
        break;
      case LotValueKind::monthly_hours:
        if (auto x = number(v, path)) {
          if (*x < 0.0) {
            error(path, "nombre d'heures négatif : écrivez un nombre d'heures par mois, 0 ou plus");
          } else {
            set(*x);
          }
        }
        break;
      case LotValueKind::euros_per_hour:
        if (auto x = number(v, path)) {
          if (*x == 0.0) {
            error(path, "coût horaire nul : écrivez un coût en euros par heure");
          } else {
            set(*x);
          }
        }
        break;
    }
  }

  void read_expect(const DataValue& t, RuleCase& out) {
    if (t.fields.empty()) {
      error("expect", "rien n'est attendu : écrivez au moins expect = { insertion = { verdict = \"…\" } }");
    }
    for (const DataField& f : t.fields) {
      if (!f.named) {
        error("expect",
              "élément sans nom : écrivez l'identifiant de la clause, expect = { insertion = { … } }");
        continue;
      }
      const std::string path = "expect." + f.name;
      if (std::find(clause_ids_.begin(), clause_ids_.end(), f.name) == clause_ids_.end()) {
        error(path,
              unknown_word("aucun plugin ne fournit la clause", f.name, clause_ids_, "clauses chargées :"));
        continue;
      }
      if (!table(f.value, path)) continue;
      CaseExpectation e;
      e.clause = f.name;
      read_expectation(f.value, path, e);
      out.expect.push_back(std::move(e));
    }
  }

  // `key = "…"` or `key = { "…", "…" }`: texts to find.
  void texts(const DataValue& v, const std::string& path, const std::string& key,
             std::vector<std::string>& out) {
    if (v.type != DataValue::Type::table) {
      if (auto s = text(v, path + "." + key)) out.push_back(*s);
      return;
    }
    for (const DataField& item : v.fields) {
      const std::string item_path =
          path + "." + key + (item.named ? "." + item.name : "[" + std::to_string(item.index) + "]");
      if (item.named) {
        error(item_path, "une liste de textes s'écrit " + key + " = { \"…\", \"…\" }");
      } else if (auto s = text(item.value, item_path)) {
        out.push_back(*s);
      }
    }
  }

  void read_expectation(const DataValue& t, const std::string& path, CaseExpectation& e) {
    lua::check_table(t, path, expectation_schema, rep_);
    if (t.fields.empty())
      error(path, "rien n'est attendu : écrivez verdict, hours, reason, no_reason, warning, basis ou values");
    if (const auto* v = t.get("verdict")) {
      if (auto s = text(*v, path + ".verdict")) {
        e.verdict = verdict_from_id(*s);
        for (Verdict label : all_verdicts) {
          if (!e.verdict && *s == verdict_label(label)) e.verdict = label;  // "recommandée", the French way
        }
        if (!e.verdict) error(path + ".verdict", unknown_word("verdict inconnu", *s, verdicts, "écrivez"));
      }
    }
    if (const auto* v = t.get("hours")) {
      e.check_hours = true;
      if (v->type == DataValue::Type::boolean && !v->boolean) {
        e.hours.reset();
      } else if (v->type == DataValue::Type::number) {
        e.hours = whole(*v, path + ".hours");
      } else {
        error(path + ".hours",
              "nombre d'heures attendu (hours = 833), ou false quand aucun nombre d'heures n'est attendu ; "
              "trouvé " +
                  describe(*v));
      }
    }
    if (const auto* v = t.get("reason")) texts(*v, path, "reason", e.reasons);
    if (const auto* v = t.get("no_reason")) texts(*v, path, "no_reason", e.absent);
    if (const auto* v = t.get("basis")) texts(*v, path, "basis", e.basis);
    if (const auto* v = t.get("warning")) {
      if (v->type == DataValue::Type::boolean && !v->boolean) {
        e.no_warning = true;
      } else {
        texts(*v, path, "warning", e.warnings);
      }
    }
    if (const auto* v = t.get("values")) {
      if (table(*v, path + ".values")) {
        for (const DataField& item : v->fields) {
          const std::string item_path = path + ".values" + (item.named ? "." + item.name : "");
          if (!item.named) {
            error(item_path, "écrivez values = { nom = valeur }");
            continue;
          }
          switch (item.value.type) {
            case DataValue::Type::number: e.values.push_back({item.name, item.value.number}); break;
            case DataValue::Type::boolean: e.values.push_back({item.name, item.value.boolean}); break;
            case DataValue::Type::string: e.values.push_back({item.name, item.value.text}); break;
            default: error(item_path, "nombre, booléen ou texte attendu, trouvé " + describe(item.value));
          }
        }
      }
    }
  }

  lua::DataReporter rep_;
  const std::vector<std::string>& clause_ids_;
};

// Text as compared: no-break spaces read as spaces, typographic apostrophes as '.
std::string comparable(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::string_view rest = s.substr(i);
    if (rest.starts_with("\u00A0") || rest.starts_with("\u202F") || rest.starts_with("\u2007")) {
      out += ' ';
      i += rest.starts_with("\u00A0") ? 2 : 3;
    } else if (rest.starts_with("\u2019")) {
      out += '\'';
      i += 3;
    } else {
      out += s[i++];
    }
  }
  return out;
}

std::string shown(const ScalarValue& v) {
  if (const auto* d = std::get_if<double>(&v)) return fr::decimal(*d, 6);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  return std::get<std::string>(v);
}

bool same(const ScalarValue& a, const ScalarValue& b) {
  const auto* x = std::get_if<double>(&a);
  const auto* y = std::get_if<double>(&b);
  if (x != nullptr && y != nullptr)
    return std::abs(*x - *y) <= 1e-9 * std::max({1.0, std::abs(*x), std::abs(*y)});
  return a == b;
}

std::string hours_text(const std::optional<std::int64_t>& h) { return h ? std::to_string(*h) : "aucune"; }

}  // namespace

fs::path default_case_dir(const ResourcePaths& paths) { return paths.rules / "tests"; }

std::vector<fs::path> case_files(const std::vector<fs::path>& inputs, const ResourcePaths& paths,
                                 DiagnosticSink& diags) {
  std::vector<fs::path> out;
  auto add_folder = [&out](const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code type_ec;
      const auto& p = it->path();
      if (p.extension() == ".lua" && !p.filename().string().starts_with(".") && it->is_regular_file(type_ec))
        files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    out.insert(out.end(), files.begin(), files.end());
  };
  if (inputs.empty()) {
    std::error_code ec;
    if (fs::is_directory(default_case_dir(paths), ec)) add_folder(default_case_dir(paths));
    return out;
  }
  for (const auto& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      add_folder(input);
    } else if (fs::is_regular_file(input, ec)) {
      out.push_back(input);
    } else {
      diags.error(Location::in_file(display_path(input)),
                  "fichier de cas introuvable : donnez un fichier .lua de cas de test, ou un dossier qui en "
                  "contient");
    }
  }
  return out;
}

CaseFile read_case_file(const fs::path& file, const std::vector<engine::ClauseInfo>& clauses,
                        DiagnosticSink& diags) {
  CaseFile out;
  out.file = display_path(file);
  std::string source;
  if (!read_file(file, source)) {
    diags.error(Location::in_file(out.file),
                "lecture du fichier impossible : vérifiez qu'il existe et qu'il est lisible");
    out.file_error = true;
    return out;
  }
  std::vector<std::string> ids;
  for (const auto& c : clauses) ids.push_back(c.id);
  // Problems of the file and of its cases, told in the order of the lines.
  DiagnosticList found;
  const lua::CaseFileRun run = lua::run_case_file(source, out.file, found);
  out.file_error = !run.ok;
  if (run.ok && run.cases.empty()) {
    found.warning(Location::in_file(out.file),
                  "aucun cas dans ce fichier : écrivez case { name = …, lot = { … }, expect = { … } }");
  }
  for (const auto& call : run.cases) {
    if (auto c = CaseReader(out.file, call.line, ids, found).read(call.table)) {
      out.cases.push_back(std::move(*c));
    } else {
      ++out.invalid_cases;
    }
  }
  std::vector<Diagnostic> sorted = found.all();
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.location.line < b.location.line;
  });
  for (auto& d : sorted) diags.report(std::move(d));
  return out;
}

std::vector<CaseMismatch> compare_case(const RuleCase& rule_case, const LotEvaluation& evaluation) {
  std::vector<CaseMismatch> out;
  for (const auto& e : rule_case.expect) {
    const ClauseResult* r = evaluation.clause(e.clause);
    if (r == nullptr) {
      out.push_back({e.clause, "aucun résultat pour cette clause (plugin non chargé)", {}, false});
      continue;
    }
    if (r->error) {
      out.push_back({e.clause,
                     "le plugin a échoué (" + r->error->location.str() + ")" + std::string(fr::colon) + " " +
                         r->error->message,
                     {}});
      continue;
    }
    if (e.verdict && r->verdict != e.verdict) {
      out.push_back({e.clause,
                     "verdict attendu " + q(verdict_id(*e.verdict)) + ", obtenu " +
                         q(r->verdict ? verdict_id(*r->verdict) : "aucun"),
                     {}});
    }
    if (e.check_hours && r->hours != e.hours) {
      out.push_back({e.clause,
                     "heures attendues " + q(hours_text(e.hours)) + ", obtenues " + q(hours_text(r->hours)),
                     {}});
    }
    const std::vector<std::string> reasons = texts(r->reasons);
    const std::vector<std::string> warnings = texts(r->warnings);
    const auto contains = [](const std::vector<std::string>& texts, const std::string& wanted) {
      const std::string needle = comparable(wanted);
      return std::any_of(texts.begin(), texts.end(), [&](const std::string& text) {
        return comparable(text).find(needle) != std::string::npos;
      });
    };
    for (const auto& wanted : e.reasons) {
      if (!contains(reasons, wanted))
        out.push_back({e.clause, "aucun motif ne contient " + q(wanted), reasons, false});
    }
    for (const auto& unwanted : e.absent) {
      if (contains(reasons, unwanted))
        out.push_back(
            {e.clause, "un motif contient " + q(unwanted) + ", qui ne devait pas y être", reasons, false});
    }
    for (const auto& article : e.basis) {
      if (std::find(r->basis.begin(), r->basis.end(), article) != r->basis.end()) continue;
      std::string obtained;
      for (const auto& b : r->basis) obtained += (obtained.empty() ? "" : ", ") + b;
      out.push_back({e.clause,
                     "le fondement ne cite pas " + q(article) +
                         " (fondement obtenu : " + (obtained.empty() ? std::string("aucun") : obtained) + ")",
                     {}});
    }
    for (const auto& wanted : e.warnings) {
      if (!contains(warnings, wanted)) {
        out.push_back({e.clause,
                       r->warnings.empty()
                           ? "aucun avertissement, alors que l'un devait contenir " + q(wanted)
                           : "aucun avertissement ne contient " + q(wanted),
                       warnings, true});
      }
    }
    if (e.no_warning && !r->warnings.empty()) {
      out.push_back({e.clause,
                     "aucun avertissement attendu, " + std::to_string(r->warnings.size()) + " obtenu(s)",
                     warnings, true});
    }
    for (const auto& [name, wanted] : e.values) {
      const auto it = std::find_if(r->values.begin(), r->values.end(),
                                   [&](const NamedValue& v) { return v.name == name; });
      if (it == r->values.end()) {
        out.push_back(
            {e.clause, "valeur " + q(name) + " attendue " + q(shown(wanted)) + ", absente du résultat", {}});
      } else if (!same(it->value, wanted)) {
        out.push_back(
            {e.clause,
             "valeur " + q(name) + " attendue " + q(shown(wanted)) + ", obtenue " + q(shown(it->value)),
             {}});
      }
    }
  }
  return out;
}

RuleTestSummary run_rule_tests(
    const Toolkit& toolkit, const std::vector<fs::path>& files, DiagnosticSink& diags,
    const std::function<void(const RuleCase&, const std::vector<CaseMismatch>&)>& on_failure) {
  RuleTestSummary summary;
  for (const auto& file : files) {
    const CaseFile cases = read_case_file(file, toolkit.clause_infos(), diags);
    ++summary.files;
    summary.cases += cases.cases.size() + cases.invalid_cases;
    summary.failed += cases.invalid_cases;
    if (cases.file_error || cases.invalid_cases > 0) summary.input_errors = true;
    for (const auto& rule_case : cases.cases) {
      // Only the clause types the case checks: a plugin that cannot evaluate
      // this lot is no concern of a case about another clause.
      std::vector<std::string> ids;
      for (const auto& e : rule_case.expect) ids.push_back(e.clause);
      engine::Evaluator evaluator = toolkit.evaluator(rule_case.as_of, ids);
      const LotEvaluation evaluation = evaluator.evaluate(rule_case.lot, rule_case.totals);
      for (const auto& clause : evaluation.clauses) {
        if (clause.error) summary.plugin_errors = true;  // shown with the failing case
      }
      const std::vector<CaseMismatch> mismatches = compare_case(rule_case, evaluation);
      if (mismatches.empty()) {
        ++summary.passed;
      } else {
        ++summary.failed;
        if (on_failure) on_failure(rule_case, mismatches);
      }
    }
  }
  return summary;
}

int exit_status(const RuleTestSummary& summary, const Toolkit& toolkit) {
  if (summary.plugin_errors || toolkit.failed()) return 3;
  if (summary.failed > 0 || summary.input_errors) return 1;
  return 0;
}

}  // namespace clausier::app
