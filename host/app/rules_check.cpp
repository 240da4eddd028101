#include "app/rules_check.hpp"

#include <algorithm>
#include <set>
#include <system_error>

#include "app/rule_tests.hpp"
#include "app/toolkit.hpp"
#include "base/lua_files.hpp"
#include "base/paths.hpp"
#include "base/suggest.hpp"
#include "lua/lot_overrides.hpp"
#include "lua/parameter_uses.hpp"
#include "render/renderer.hpp"

namespace clausier::app {
namespace fs = std::filesystem;

namespace {

// A complete lot, every field present.
Lot sample_lot() {
  Lot lot;
  lot.reference = "C2027-01-L3";
  lot.consultation = "C2027-01";
  lot.lot = "3";
  lot.objet = "Maçonnerie (exemple)";
  lot.acheteur = "Acheteur (exemple)";
  lot.nature = Nature::travaux;
  lot.cpv = "45262500";
  lot.montant_ht_cents = 1'000'000'00;
  lot.duree_mois = 20;
  lot.date_lancement = *Date::parse_iso("2027-03-01");
  lot.lieu = "61";
  lot.anru = true;
  return lot;
}

// The names of the values each clause type computes on a few typical lots.
std::map<std::string, std::set<std::string>> computed_value_names(const Toolkit& toolkit) {
  struct Sample {
    Nature nature;
    const char* cpv;
    std::int64_t euros;
    std::int64_t total;
    int months;
    bool anru;
  };
  const Sample samples[] = {
      {Nature::travaux, "45262500", 1'000'000, 8'650'000, 20, true},
      {Nature::travaux, "45233140", 300'000, 300'000, 6, false},
      {Nature::services, "90910000", 900'000, 900'000, 48, false},
      {Nature::services, "85310000", 400'000, 900'000, 24, false},
      {Nature::fournitures, "30213100", 50'000, 50'000, 12, false},
  };
  std::map<std::string, std::set<std::string>> out;
  engine::Evaluator evaluator = toolkit.evaluator(std::nullopt);
  for (const Sample& s : samples) {
    Lot lot = sample_lot();
    lot.nature = s.nature;
    lot.cpv = s.cpv;
    lot.montant_ht_cents = s.euros * 100;
    lot.duree_mois = s.months;
    lot.anru = s.anru;
    const LotEvaluation e = evaluator.evaluate(std::move(lot), {s.total * 100, 2});
    for (const auto& c : e.clauses) {
      for (const auto& v : c.values) out[c.type].insert(v.name);
    }
  }
  return out;
}

}  // namespace

void check_plugin_source(std::string_view source, const std::string& display, const engine::ClauseInfo* info,
                         const params::ParameterSet& params, DiagnosticSink& diags) {
  std::vector<std::string> names;
  for (const auto& [name, p] : params.all()) names.push_back(name);
  std::set<std::string> reported;
  for (const lua::ParameterUse& use : lua::scan_parameter_uses(source)) {
    const Location where = Location::in_file(display, use.line);
    const std::string call = "ctx." + use.function + "(« " + use.name + " »)";
    if (use.function == "override") {
      const auto& overrides = lua::override_names();
      if (std::find(std::begin(overrides), std::end(overrides), use.name) == std::end(overrides)) {
        diags.error(
            where,
            call + " : " + unknown_word("valeur par lot inconnue", use.name, overrides, "valeurs admises :"));
      }
      continue;
    }
    if (!reported.insert(use.name).second) continue;
    if (params.find(use.name) == nullptr) {
      std::string message = call + " : ce paramètre n'existe pas dans les règles chargées";
      if (const std::string guess = closest_word(use.name, names); !guess.empty()) {
        message += " : vouliez-vous écrire « " + guess + " » ?";
      } else {
        message +=
            " : un paramètre est un fichier de rules/ (« seuils.ue.travaux » pour "
            "rules/seuils/ue/travaux.lua)";
      }
      diags.error(where, message);
    } else if (info != nullptr &&
               std::find(info->params.begin(), info->params.end(), use.name) == info->params.end()) {
      diags.warning(where,
                    call +
                        " : paramètre lu mais absent du champ params du plugin : ajoutez-le à params (la "
                        "documentation des règles et leur vérification s'en servent)");
    }
  }
}

render::View sample_view(const render::DocumentTemplate& t, const std::vector<engine::ClauseInfo>& infos,
                         const std::map<std::string, std::set<std::string>>& value_names,
                         const params::ParameterSet* rules) {
  LotEvaluation e;
  e.lot = sample_lot();
  e.lot.source = Location::in_file("programme.csv", 2);
  e.consultation = {8'650'000'00, 9};
  for (const auto& a : t.applies) {
    if (e.clause(a.clause) != nullptr) continue;
    const engine::ClauseInfo* info = nullptr;
    for (const auto& i : infos) {
      if (i.id == a.clause) info = &i;
    }
    ClauseResult& r = e.clauses.emplace_back();
    r.type = a.clause;
    r.verdict = a.verdicts.empty() ? Verdict::obligatoire : a.verdicts.front();
    r.hours = 833;
    r.reasons = {"Motif (exemple)."};
    r.warnings = {"Avertissement (exemple)."};
    r.basis = info != nullptr && !info->basis.empty() ? info->basis : std::vector<std::string>{"CCP L2112-2"};
    std::set<std::string> names;
    if (auto it = value_names.find(a.clause); it != value_names.end()) names = it->second;
    if (info != nullptr) {
      for (const auto& [name, unit] : info->units) names.insert(name);
    }
    for (const auto& name : decision_values) names.insert(std::string(name));  // a workspace decision's
    for (const auto& name : names) r.values.push_back({name, 1.0});
    r.trace.push_back({"heures.taux_insertion", "45262500", "45", "5 %", "2019-04-01", "Référence (exemple)",
                       "verifie", "rules/heures/taux_insertion.lua"});
  }
  const render::DocumentContext context{*Date::parse_iso("2027-01-01"), "clausier", rules};
  const auto matched = t.matches(e);
  return render::document_view(e, matched, infos, context);
}

CheckSummary check_rules(const ResourcePaths& paths, DiagnosticList& diags) {
  CheckSummary summary;
  const Toolkit toolkit = Toolkit::load(paths, diags, {.templates = true});
  summary.parameters = toolkit.params().all().size();
  summary.plugins = toolkit.clause_infos().size();
  const auto info_of = [&](std::string_view id_or_source, bool by_source) -> const engine::ClauseInfo* {
    for (const auto& info : toolkit.clause_infos()) {
      if ((by_source ? info.source : info.id) == id_or_source) return &info;
    }
    return nullptr;
  };

  std::error_code listing;  // a folder that cannot be listed has no plugin to check
  for (const fs::path& file : lua_files(paths.plugins, listing)) {
    std::string source;
    if (!read_file(file, source)) continue;  // reported by the plugin loader
    const std::string display = display_path(file);
    check_plugin_source(source, display, info_of(display, true), toolkit.params(), diags);
  }

  for (const fs::path& file : case_files({}, paths, diags)) {
    const CaseFile cases = read_case_file(file, toolkit.clause_infos(), diags);
    ++summary.case_files;
    summary.cases += cases.cases.size() + cases.invalid_cases;
  }

  const auto computed = computed_value_names(toolkit);
  const render::DocumentContext context{*Date::parse_iso("2027-01-01"), "clausier"};
  for (const auto& t : toolkit.templates().all()) {
    ++summary.templates;
    for (const auto& a : t.applies) {
      if (info_of(a.clause, false) != nullptr) continue;
      std::vector<std::string> ids;
      for (const auto& i : toolkit.clause_infos()) ids.push_back(i.id);
      diags.error(Location::in_file(display_path(paths.templates / t.id / "manifest.json")),
                  unknown_word("aucun plugin chargé ne fournit la clause", a.clause, ids,
                               "écrivez dans « applies » l'identifiant d'un plugin :"));
    }
    const render::View view = render::with_template(
        sample_view(t, toolkit.clause_infos(), computed, &toolkit.params()), t, context);
    render::lint_template(t.source, t.file, view, diags);
    render::lint_markup(t.source, t.file, diags);
  }
  // The format skeletons see the view of any document, with its manifest's part.
  render::DocumentTemplate any;
  any.id = "modele";
  any.title = "Modèle";
  any.applies = {{"insertion", {Verdict::obligatoire}}};
  const render::View skeleton_view = render::with_template(
      sample_view(any, toolkit.clause_infos(), computed, &toolkit.params()), any, context);
  for (const auto& skeleton : toolkit.templates().skeletons())
    render::lint_skeleton(skeleton, skeleton_view, diags);
  return summary;
}

}  // namespace clausier::app
