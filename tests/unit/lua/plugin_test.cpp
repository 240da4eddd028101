#include "lua/plugin.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/french.hpp"
#include "base/paths.hpp"
#include "lua/test_rules.hpp"
#include "test_paths.hpp"

using namespace clausier;

namespace {

std::string fixture(const std::string& rel) { return testing::test_path("fixtures/plugins/" + rel); }

// "file:line: erreur : message" for each diagnostic, typography undone for
// readable expectations.
std::vector<std::string> lines(const DiagnosticList& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) {
    std::string s = format_diagnostic(d);
    for (const std::string space : {fr::nbsp, fr::nnbsp}) {
      for (auto at = s.find(space); at != std::string::npos; at = s.find(space, at + 1))
        s.replace(at, space.size(), " ");
    }
    out.push_back(s);
  }
  return out;
}

// A plugin "plugins/p.lua" whose evaluate body is `body`.
std::string plugin(const std::string& body, const std::string& extra = "", int api = 1) {
  return "return {\n  id = 'p', api = " + std::to_string(api) + ", basis = { 'CCP L2112-2' }," + extra +
         "\n  evaluate = function(lot, ctx)\n" + body + "\n  end,\n}\n";
}

struct OnePlugin {
  explicit OnePlugin(const std::string& text, lua::Limits limits = {}) {
    set = lua::PluginSet::load_sources({{"plugins/p.lua", text}}, params, limits, diags);
    types = set->clause_types();
  }

  ClauseResult evaluate(const Lot& lot = testing::works_lot()) {
    REQUIRE(types.size() == 1);
    return types[0]->evaluate(lot, testing::totals_of(lot), lot.date_lancement);
  }

  // The error message of the result, typography undone.
  std::string error(const Lot& lot = testing::works_lot()) {
    const ClauseResult r = evaluate(lot);
    REQUIRE(r.error);
    CHECK_FALSE(r.verdict);
    DiagnosticList one;
    one.report(*r.error);
    return lines(one).front();
  }

  params::ParameterSet params = testing::insertion_rules();
  DiagnosticList diags;
  std::unique_ptr<lua::PluginSet> set;
  std::vector<std::unique_ptr<engine::ClauseType>> types;
};

}  // namespace

TEST_SUITE("lua.plugin") {
  TEST_CASE("a plugin that fails to load is reported, located, and the others load") {
    const auto params = testing::insertion_rules();
    DiagnosticList diags;
    const auto set = lua::PluginSet::load(fixture("load_errors"), params, lua::Limits{}, diags);
    REQUIRE(set);
    const std::string dir = display_path(fixture("load_errors")) + "/";
    CHECK(
        lines(diags) ==
        std::vector<std::string>{
            dir +
                "api_3.lua : erreur : champ « api » invalide : version 3 non prise en charge : ce programme "
                "prend en charge les api 1 et 2",
            dir + "endless_top_level.lua:3 : erreur : erreur au chargement : budget d'instructions dépassé : "
                  "le "
                  "script ne se termine pas (boucle sans fin ?)",
            dir + "no_evaluate.lua : erreur : champ « evaluate » absent : il faut evaluate = function(lot, "
                  "ctx) "
                  "... end",
            dir + "no_evaluate.lua : erreur : champ « title » invalide : il faut du texte, pas number",
            dir +
                "no_evaluate.lua : erreur : champ « basis » invalide : l'élément 2 est number, pas du texte",
            dir + "not_a_table.lua : erreur : le plugin doit se terminer par return { id = ..., api = ..., "
                  "evaluate = ... } ; il renvoie number",
            dir + "runtime_error.lua:3 : erreur : erreur au chargement : impossible d'indexer une valeur nil "
                  "(variable locale « rates »)",
            dir + "syntax_error.lua:4 : erreur : erreur de compilation : symbole inattendu près de '='",
            dir +
                "top_level_global.lua:2 : erreur : erreur au chargement : assignation de la variable globale "
                "« helper » refusée : les plugins ne peuvent pas créer de variable globale, déclarez-la avec "
                "local (local helper = ...)",
            dir +
                "warnings.lua : avertissement : champ « params » : le paramètre « heures.inconnu » n'existe "
                "pas dans les règles chargées",
            dir + "warnings.lua : avertissement : champ « descripton » inconnu, ignoré (champs admis : id, "
                  "api, "
                  "evaluate, title, label, basis, params, units, order)",
            dir + "wrong_id.lua : erreur : champ « id » invalide : il doit être le nom du fichier sans .lua "
                  ": id "
                  "= \"wrong_id\"",
        });
    const auto infos = set->infos();
    REQUIRE(infos.size() == 2);
    CHECK(infos[0].id == "ok");
    CHECK(infos[0].title == "Plugin correct");
    CHECK(infos[0].api == 1);
    CHECK(infos[0].source == dir + "ok.lua");
    CHECK(infos[0].basis == std::vector<std::string>{"CCP L2112-2"});
    CHECK(infos[0].params == std::vector<std::string>{"heures.taux_insertion"});
    CHECK(infos[0].units ==
          std::vector<std::pair<std::string, std::string>>{{"heures_brutes", "heures"}, {"taux", "ratio"}});
    CHECK(infos[1].id == "warnings");
    CHECK(infos[1].title == "warnings");
  }

  TEST_CASE("plugins are the folder's *.lua files, sorted by order then id") {
    const auto params = testing::insertion_rules();
    DiagnosticList diags;
    const auto set = lua::PluginSet::load(fixture("order"), params, lua::Limits{}, diags);
    REQUIRE(set);
    CHECK(diags.all().empty());
    std::vector<std::string> ids;
    for (const auto& type : set->clause_types()) ids.push_back(type->info().id);
    CHECK(ids == std::vector<std::string>{"d", "b", "c", "a"});
  }

  TEST_CASE("a missing folder is reported") {
    const auto params = testing::insertion_rules();
    DiagnosticList diags;
    CHECK(lua::PluginSet::load(fixture("nowhere"), params, lua::Limits{}, diags) == nullptr);
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].location.file == display_path(fixture("nowhere")));
  }

  TEST_CASE("a second plugin with the same id is refused") {
    const auto params = testing::insertion_rules();
    DiagnosticList diags;
    const std::string text = plugin("return { verdict = 'possible', reasons = { 'x' } }");
    const auto set = lua::PluginSet::load_sources({{"plugins/p.lua", text}, {"local/p.lua", text}}, params,
                                                  lua::Limits{}, diags);
    CHECK(set->size() == 1);
    CHECK(lines(diags) ==
          std::vector<std::string>{"local/p.lua : erreur : l'identifiant « p » est déjà celui de "
                                   "plugins/p.lua : ce plugin est ignoré"});
  }

  TEST_CASE("a valid result is read whole, with French typography") {
    OnePlugin p(
        plugin("return { verdict = 'recommandee', hours = 833, reasons = { 'Volume : 833 heures' },\n"
               "  warnings = { 'Attention !' }, values = { z = 1.5, a = true, m = 'texte' } }"));
    const ClauseResult r = p.evaluate();
    REQUIRE_FALSE(r.error);
    CHECK(r.type == "p");
    CHECK(r.verdict == Verdict::recommandee);
    CHECK(r.hours == 833);
    CHECK(texts(r.reasons) == std::vector<std::string>{"Volume\u00A0: 833 heures"});
    CHECK(texts(r.warnings) == std::vector<std::string>{"Attention\u202F!"});
    CHECK(r.basis == std::vector<std::string>{"CCP L2112-2"});
    REQUIRE(r.values.size() == 3);
    CHECK(r.values[0].name == "a");
    CHECK(std::get<bool>(r.values[0].value));
    CHECK(r.values[1].name == "m");
    CHECK(std::get<std::string>(r.values[1].value) == "texte");
    CHECK(r.values[2].name == "z");
    CHECK(std::get<double>(r.values[2].value) == 1.5);
  }

  TEST_CASE("the result's basis replaces the plugin's, and the trace comes back") {
    OnePlugin p(
        plugin("local rate = ctx.param('heures.taux_insertion')\n"
               "return { verdict = 'possible', reasons = { 'x' }, basis = { 'CCP L2312-1-1' } }"));
    const ClauseResult r = p.evaluate();
    CHECK(r.basis == std::vector<std::string>{"CCP L2312-1-1"});
    REQUIRE(r.trace.size() == 1);
    CHECK(r.trace[0].parameter == "heures.taux_insertion");
  }

  TEST_CASE("an invalid result fails, located at evaluate") {
    const std::string where = "plugins/p.lua:3 : erreur : résultat invalide : ";
    CHECK(OnePlugin(plugin("return 'obligatoire'")).error() ==
          where + "evaluate doit renvoyer une table { verdict = ..., reasons = { ... } }, pas string");
    CHECK(OnePlugin(plugin("return { reasons = { 'x' } }")).error() ==
          where + "champ « verdict » absent : obligatoire, recommandee, possible ou exclue");
    CHECK(OnePlugin(plugin("return { verdict = 'possible', reasons = {} }")).error() ==
          where +
              "champ « reasons » invalide : la liste est vide, donnez au moins une phrase qui explique le "
              "verdict");
    CHECK(OnePlugin(plugin("return { verdict = 'possible', reasons = 'x' }")).error() ==
          where + "champ « reasons » invalide : il faut une liste de textes, pas string");
    CHECK(OnePlugin(plugin("return { verdict = 'possible', reasons = { 'x', n = 1 } }")).error() ==
          where +
              "champ « reasons » invalide : il faut une liste de textes (indices 1, 2, 3… sans trou ni autre "
              "clé)");
    CHECK(OnePlugin(plugin("return { verdict = 'possible', reasons = { 'x' }, hours = 833.5 }")).error() ==
          where +
              "champ « hours » invalide : il faut un nombre entier d'heures positif ou nul (voir ctx.round), "
              "pas 833,5");
    CHECK(OnePlugin(plugin("return { verdict = 'possible', reasons = { 'x' }, hours = -1 }")).error() ==
          where +
              "champ « hours » invalide : il faut un nombre entier d'heures positif ou nul (voir ctx.round), "
              "pas −1");
    CHECK(OnePlugin(plugin("return { verdict = 'possible', reasons = { 'x' }, hours = '12' }")).error() ==
          where + "champ « hours » invalide : il faut un nombre, pas string");
    CHECK(OnePlugin(plugin("return { verdict = 'possible', reasons = { 'x' }, values = { h = {} } }"))
              .error() ==
          where + "champ « values.h » invalide : il faut un nombre, un booléen ou du texte, pas table");
    CHECK(
        OnePlugin(plugin("return { verdict = 'possible', reasons = { 'x' }, values = { 1, 2 } }")).error() ==
        where +
            "champ « values » invalide : les clés doivent être des noms (values = { heures_brutes = 833.3 "
            "})");
    CHECK(OnePlugin(plugin("return { verdict = 'possible', reason = { 'x' } }")).error() ==
          where +
              "champ « reason » inconnu (champs admis : verdict, reasons, basis, hours, values, warnings)");
    // Unknown keys come first, the first in order; then the fields in the order above.
    CHECK(OnePlugin(plugin("return { verdict = 'oui', zeta = 1, [1] = 2, reasons = { 'x' } }")).error() ==
          where + "champ « [1] » inconnu (champs admis : verdict, reasons, basis, hours, values, warnings)");
    CHECK(
        OnePlugin(plugin("return { verdict = 'oui', hours = 'x', reasons = {} }")).error() ==
        where +
            "champ « verdict » invalide : « oui » n'est pas un verdict (obligatoire, recommandee, possible, "
            "exclue)");
    CHECK(OnePlugin(plugin("return { verdict = 'possible', hours = 'x', reasons = {} }")).error() ==
          where + "champ « hours » invalide : il faut un nombre, pas string");
  }

  TEST_CASE("api 2: a sentence with blanks keeps its values, and is written in French when shown") {
    OnePlugin p(
        plugin("return { verdict = 'possible', reasons = { 'Texte seul : oui', { 'Montant : {m:euros}, part "
               "{p:percent}, "
               "{h:hours}, le {d:date}, {x} ; {b}, {n:number:3}, {y}.', m = 1746102.07, p = 0.05, h = 29, "
               "d = '2026-08-21', x = 'texte ; libre', b = true, n = 1.23456, y = 2.5 } },\n"
               "  warnings = { { 'Attention : {w}', w = 'x' } } }",
               "", 2));
    const ClauseResult r = p.evaluate();
    REQUIRE_FALSE(r.error);
    REQUIRE(r.reasons.size() == 2);
    CHECK(r.reasons[0].message() == nullptr);
    CHECK(r.reasons[0].text() == "Texte seul\u00A0: oui");
    const Message* m = r.reasons[1].message();
    REQUIRE(m != nullptr);
    CHECK(m->pattern() == "Montant\u00A0: {m}, part {p}, {h}, le {d}, {x}\u202F; {b}, {n}, {y}.");
    CHECK(r.reasons[1].values().size() == 8);
    CHECK(r.reasons[1].text() ==
          "Montant\u00A0: 1\u202F746\u202F102,07\u00A0€, part 5\u202F%, 29 heures, le 21 août 2026, "
          "texte\u202F; libre\u202F; oui, 1,235, 2,5.");
    CHECK(texts(r.warnings) == std::vector<std::string>{"Attention\u00A0: x"});
    // The same pattern, at the next call: parsed once.
    CHECK(p.evaluate().reasons[1].message() == m);
  }

  TEST_CASE("api 2: a malformed sentence with blanks fails, located at evaluate, saying what to fix") {
    const std::string where = "plugins/p.lua:3 : erreur : résultat invalide : champ « reasons » invalide : ";
    const auto error = [](const std::string& reasons) {
      return OnePlugin(plugin("return { verdict = 'possible', reasons = { " + reasons + " } }", "", 2))
          .error();
    };
    CHECK(error("{ 'Montant {m:euros}' }") ==
          where + "élément 1 : le blanc « m » n'a pas de valeur (ajoutez m = … à la phrase)");
    CHECK(error("{ 'Montant {m:euros}', m = 'beaucoup' }") ==
          where + "élément 1 : blanc « m » : le blanc « m » attend un nombre, pas du texte");
    CHECK(error("{ 'Le {d:date}', d = '21/08/2026' }") ==
          where + "élément 1 : blanc « d » : le blanc « d » attend une date AAAA-MM-JJ");
    CHECK(error("{ 'Montant {m}', m = 1, n = 2 }") ==
          where + "élément 1 : « n » n'est pas un blanc de la phrase (blancs : m)");
    CHECK(error("{ 'Montant {m:euro}', m = 1 }") ==
          where +
              "élément 1 : blanc « {m:euro} » : format inconnu (formats : euros, percent, number, "
              "number:N, hours, date, N de 0 à 6)");
    CHECK(error("{ 'Montant {m', m = 1 }") ==
          where + "élément 1 : blanc non fermé (position 9) : écrivez {nom} ou {nom:format}");
    CHECK(error("{ 'Montant m}' }") ==
          where + "élément 1 : accolade fermante sans blanc ouvert (position 10)");
    CHECK(error("{ '{a} et {a}', a = 1 }") ==
          where + "élément 1 : le blanc « a » figure deux fois : donnez un nom à chaque blanc");
    CHECK(error("{ m = 1 }") ==
          where +
              "élément 1 : une phrase à blancs commence par son texte : { \"Le montant ({montant:euros})…\", "
              "montant = … }");
    // Api 1 knows texts only.
    CHECK(OnePlugin(plugin("return { verdict = 'possible', reasons = { { 'x' } } }")).error() ==
          "plugins/p.lua:3 : erreur : résultat invalide : champ « reasons » invalide : l'élément 1 est "
          "table, pas "
          "du texte");
  }

  TEST_CASE("reading a result runs no plugin code") {
    OnePlugin p(plugin("return setmetatable({}, { __index = function() while true do end end })"));
    CHECK(p.error().find("champ « verdict » absent") != std::string::npos);
  }

  TEST_CASE("a killed plugin is reloaded: its state starts again, its neighbours are untouched") {
    const auto params = testing::insertion_rules();
    DiagnosticList diags;
    lua::Limits limits;
    limits.memory_bytes = std::size_t{16} << 20;
    const auto set = lua::PluginSet::load(fixture("reload"), params, limits, diags);
    REQUIRE(set);
    auto types = set->clause_types();
    REQUIRE(types.size() == 2);
    REQUIRE(types[1]->info().id == "stateful");
    Lot lot = testing::works_lot();
    const auto run = [&](const char* objet) {
      lot.objet = objet;
      CHECK(types[0]->evaluate(lot, testing::totals_of(lot), lot.date_lancement).verdict == Verdict::exclue);
      return types[1]->evaluate(lot, testing::totals_of(lot), lot.date_lancement);
    };
    CHECK(texts(run("a").reasons) == std::vector<std::string>{"appel 1"});
    CHECK(texts(run("b").reasons) == std::vector<std::string>{"appel 2"});
    const ClauseResult loop = run("boucle");
    REQUIRE(loop.error);
    CHECK(loop.error->location.line == 10);
    CHECK(texts(run("c").reasons) == std::vector<std::string>{"appel 1"});
    const ClauseResult bomb = run("memoire");
    REQUIRE(bomb.error);
    CHECK(bomb.error->location.line == 12);
    CHECK(bomb.error->message.starts_with("mémoire épuisée"));
    CHECK(texts(run("d").reasons) == std::vector<std::string>{"appel 1"});
    CHECK(texts(run("e").reasons) == std::vector<std::string>{"appel 2"});
  }

  TEST_CASE("a reload frees the old environment first, and is tried again when memory was short") {
    // big keeps 14 MB from its top level (28 MB at the peak of string.rep); hoarder keeps 3 MB more on
    // each "garde" lot. Under a 38 MiB cap, big can be reloaded only once its old environment is gone,
    // and not while hoarder keeps 12 MB.
    const std::string big =
        "local codes = string.rep('y', 14e6)\n"
        "return { id = 'big', api = 1, evaluate = function(lot, ctx)\n"
        "  if lot.objet == 'boucle' then while true do end end\n"
        "  return { verdict = 'possible', reasons = { 'taille ' .. #codes } }\n"
        "end }";
    const std::string hoarder =
        "local hoard = {}\n"
        "return { id = 'hoarder', api = 1, evaluate = function(lot, ctx)\n"
        "  if lot.objet == 'garde' then hoard[#hoard + 1] = string.rep('x', 3e6) end\n"
        "  if lot.objet == 'lache' then hoard = {} end\n"
        "  return { verdict = 'possible', reasons = { 'garde ' .. #hoard } }\n"
        "end }";
    const auto params = testing::insertion_rules();
    DiagnosticList diags;
    lua::Limits limits;
    limits.memory_bytes = std::size_t{38} << 20;  // 39.8e6 bytes
    const auto set = lua::PluginSet::load_sources(
        {{"plugins/big.lua", big}, {"plugins/hoarder.lua", hoarder}}, params, limits, diags);
    for (const auto& d : diags.all()) FAIL_CHECK(format_diagnostic(d));
    REQUIRE(set->size() == 2);
    auto types = set->clause_types();
    Lot lot = testing::works_lot();
    const auto run = [&](std::size_t i, const char* objet) {
      lot.objet = objet;
      return types[i]->evaluate(lot, testing::totals_of(lot), lot.date_lancement);
    };
    CHECK(run(0, "boucle").error);
    CHECK(texts(run(0, "a").reasons) == std::vector<std::string>{"taille 14000000"});

    for (int i = 0; i < 4; ++i) CHECK_FALSE(run(1, "garde").error);
    CHECK(run(0, "boucle").error);
    const ClauseResult starved = run(0, "b");
    REQUIRE(starved.error);
    CHECK(starved.error->location.file == "plugins/big.lua");
    CHECK(starved.error->message.starts_with("le plugin n'a pas pu être rechargé après son arrêt"));
    CHECK(starved.error->message.find("mémoire épuisée") != std::string::npos);
    CHECK(texts(run(1, "lache").reasons) == std::vector<std::string>{"garde 0"});
    CHECK(texts(run(0, "c").reasons) == std::vector<std::string>{"taille 14000000"});
  }

  TEST_CASE("the clause types keep the Vm alive after the set is gone") {
    std::vector<std::unique_ptr<engine::ClauseType>> types;
    {
      OnePlugin p(plugin("return { verdict = 'possible', reasons = { lot.reference } }"));
      types = p.set->clause_types();
    }
    const Lot lot = testing::works_lot();
    const ClauseResult r = types[0]->evaluate(lot, testing::totals_of(lot), lot.date_lancement);
    CHECK(texts(r.reasons) == std::vector<std::string>{"2027-001"});
  }

  TEST_CASE("the set keeps its own copy of the parameters") {
    std::unique_ptr<lua::PluginSet> set;
    {
      const auto params = testing::insertion_rules();
      DiagnosticList diags;
      set = lua::PluginSet::load_sources(
          {{"plugins/p.lua",
            plugin("return { verdict = 'possible', reasons = { ctx.param('heures.arrondi') } }")}},
          params, lua::Limits{}, diags);
    }
    const Lot lot = testing::works_lot();
    CHECK(texts(set->clause_types()[0]->evaluate(lot, testing::totals_of(lot), lot.date_lancement).reasons) ==
          std::vector<std::string>{"inferieur"});
  }

  TEST_CASE("a clone has its own Vm, with the same plugins") {
    const auto params = testing::insertion_rules();
    DiagnosticList diags;
    const auto set = lua::PluginSet::load(fixture("reload"), params, lua::Limits{}, diags);
    const auto clone = set->clone();
    CHECK(clone->size() == 2);
    CHECK(clone->infos()[1].source == set->infos()[1].source);
    const Lot lot = testing::works_lot();
    const auto call = [&](const lua::PluginSet& s) {
      return texts(s.clause_types()[1]->evaluate(lot, testing::totals_of(lot), lot.date_lancement).reasons);
    };
    CHECK(call(*set) == std::vector<std::string>{"appel 1"});
    CHECK(call(*set) == std::vector<std::string>{"appel 2"});
    CHECK(call(*clone) == std::vector<std::string>{"appel 1"});
  }

  TEST_CASE("plugins share code through include: libraries of lib/, not clause types, one copy per plugin") {
    const auto params = testing::insertion_rules();
    DiagnosticList diags;
    const auto set = lua::PluginSet::load(fixture("library"), params, lua::Limits{}, diags);
    REQUIRE(set);
    CHECK(lines(diags).empty());
    std::vector<std::string> ids;
    for (const auto& info : set->infos()) ids.push_back(info.id);
    CHECK(ids == std::vector<std::string>{"aussi", "avec"});  // lib/phrases.lua is no clause type
    const Lot lot = testing::works_lot();
    const auto reasons = [&](const lua::PluginSet& s, std::size_t i) {
      return texts(s.clause_types()[i]->evaluate(lot, testing::totals_of(lot), lot.date_lancement).reasons);
    };
    // Each include runs the library again, in an environment of its own.
    CHECK(reasons(*set, 0) == std::vector<std::string>{"Lot 2027-001 (appel 1)"});
    CHECK(reasons(*set, 1) == std::vector<std::string>{"Lot 2027-001 (appel 1)"});
    CHECK(reasons(*set, 1) == std::vector<std::string>{"Lot 2027-001 (appel 2)"});
    // A clone carries the libraries.
    CHECK(reasons(*set->clone(), 1) == std::vector<std::string>{"Lot 2027-001 (appel 1)"});
  }

  TEST_CASE("include reaches only the libraries the host read: an unknown name or a path fails, located") {
    const auto params = testing::insertion_rules();
    const lua::PluginSource library{"plugins/lib/outils.lua", "return { un = 1 }\n"};
    for (const std::string name : {"inconnue", "../rules/index", "/etc/passwd", "lib/outils", "outils.lua"}) {
      CAPTURE(name);
      DiagnosticList diags;
      const std::string text =
          "local o = include('" + name + "')\n" + plugin("return { verdict = 'possible' }");
      const auto set = lua::PluginSet::load_sources({{"plugins/p.lua", text}}, params, {}, diags, {library});
      CHECK(set->size() == 0);
      CHECK(lines(diags) ==
            std::vector<std::string>{
                "plugins/p.lua:1 : erreur : erreur au chargement : include : bibliothèque « " + name +
                " » inconnue : les bibliothèques sont les fichiers de plugins/lib/ "
                "(outils)"});
    }
  }

  TEST_CASE("a library runs in the plugin's sandbox and budget — its errors name its own lines") {
    const auto params = testing::insertion_rules();
    const auto load = [&](const std::string& library_text, DiagnosticList& diags) {
      const std::string text = "local l = include('l')\n" + plugin("return { verdict = 'possible' }");
      return lua::PluginSet::load_sources({{"plugins/p.lua", text}}, params, {}, diags,
                                          {{"plugins/lib/l.lua", library_text}});
    };
    DiagnosticList escape;
    CHECK(load("local x = 1\nreturn os.execute('true')\n", escape)->size() == 0);
    REQUIRE(lines(escape).size() == 1);
    CHECK(lines(escape)[0].starts_with("plugins/lib/l.lua:2 : erreur : "));
    CHECK(lines(escape)[0].find("« os »") != std::string::npos);
    DiagnosticList global;
    CHECK(load("shared = 1\nreturn {}\n", global)->size() == 0);
    REQUIRE(lines(global).size() == 1);
    CHECK(lines(global)[0].starts_with("plugins/lib/l.lua:1 : erreur : "));
    DiagnosticList loop;
    CHECK(load("while true do end\n", loop)->size() == 0);
    REQUIRE(lines(loop).size() == 1);
    CHECK(lines(loop)[0].find("budget d'instructions dépassé") != std::string::npos);

    // A library function failing while a lot is evaluated: located in the library.
    DiagnosticList diags;
    const std::string text = "local l = include('l')\n" + plugin("return { verdict = l.fail() }");
    const auto set = lua::PluginSet::load_sources({{"plugins/p.lua", text}}, params, {}, diags,
                                                  {{"plugins/lib/l.lua",
                                                    "return { fail = function()\n  "
                                                    "error('à revoir')\nend }\n"}});
    REQUIRE(set->size() == 1);
    const Lot lot = testing::works_lot();
    const ClauseResult r = set->clause_types()[0]->evaluate(lot, testing::totals_of(lot), lot.date_lancement);
    REQUIRE(r.error);
    CHECK(r.error->location.str() == "plugins/lib/l.lua:2");
    CHECK(r.error->message == "à revoir");
  }

  TEST_CASE("a runtime error is located at the failing line, in French") {
    CHECK(OnePlugin(plugin("local t = nil\nreturn t.verdict")).error() ==
          "plugins/p.lua:5 : erreur : impossible d'indexer une valeur nil (variable locale « t »)");
    CHECK(
        OnePlugin(plugin("return { verdict = ctx.param('nope') }")).error() ==
        "plugins/p.lua:4 : erreur : ctx.param : le paramètre « nope » n'existe pas dans les règles chargées");
    CHECK(OnePlugin(plugin("error('à revoir', 0)")).error() == "plugins/p.lua:4 : erreur : à revoir");
  }
}

TEST_CASE("a result says whether the plugin was killed by its limits or failed on its own") {
  lua::Limits limits;
  limits.memory_bytes = std::size_t{16} << 20;
  OnePlugin p(
      plugin("if lot.objet == 'bombe' then local t = {} for i = 1, math.maxinteger do t[i] = { i } end end\n"
             "if lot.objet == 'boucle' then while true do end end\n"
             "if lot.objet == 'erreur' then error('panne') end\n"
             "return { verdict = 'possible', reasons = { 'ok' } }"),
      limits);
  Lot lot = testing::works_lot();
  for (const char* objet : {"bombe", "boucle", "erreur", "a"}) {
    CAPTURE(objet);
    lot.objet = objet;
    const ClauseResult r = p.evaluate(lot);
    CHECK(r.killed == (lot.objet == "bombe" || lot.objet == "boucle"));
    CHECK(r.error.has_value() == (lot.objet != "a"));
    CHECK_FALSE(r.suspended);  // suspension is the engine's decision (engine/circuit_breaker.hpp)
  }
}
