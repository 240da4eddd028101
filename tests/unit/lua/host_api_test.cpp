#include "lua/host_api.hpp"

#include <doctest/doctest.h>

#include <lua.hpp>
#include <string>

#include "base/french.hpp"
#include "lua/lot_table.hpp"
#include "lua/sandbox.hpp"
#include "lua/test_rules.hpp"

using namespace clausier;
using clausier::lua::CallOutcome;
using clausier::testing::day;

namespace {

// Runs plugin-like code `function(lot, ctx) <body> end` through the sandbox.
struct Harness {
  Harness() { lua::install_sandbox(vm); }

  // Calls the body on `lot` at `date`; leaves the result on the stack when ok.
  CallOutcome call(const std::string& body, const Lot& lot, Date date) {
    const std::string code = "return function(lot, ctx)\n" + body + "\nend";
    REQUIRE(lua::load_sandboxed(vm, code, "plugins/h.lua").empty());
    REQUIRE(vm.call(0, 1, 1'000'000).ok);
    lots.push(lot, testing::totals_of(lot));
    api.push_ctx(date);
    lua::HostApi::CallScope scope(api, lot, plugin_api);
    const CallOutcome out = vm.call(2, 1, 1'000'000);
    trace = scope.take_trace();
    return out;
  }

  std::string value(const std::string& body, const Lot& lot = testing::works_lot(),
                    Date date = day("2027-03-01")) {
    const CallOutcome out = call(body, lot, date);
    REQUIRE_MESSAGE(out.ok, out.error);
    std::string s = luaL_tolstring(vm.state(), -1, nullptr);
    lua_settop(vm.state(), 0);
    return s;
  }

  // The error, with French typography so that quotes compare alike.
  std::string error(const std::string& body, const Lot& lot = testing::works_lot(),
                    Date date = day("2027-03-01")) {
    const CallOutcome out = call(body, lot, date);
    REQUIRE_FALSE(out.ok);
    lua_settop(vm.state(), 0);
    return fr::typography(out.error);
  }

  params::ParameterSet params = testing::insertion_rules();
  lua::Vm vm;
  lua::HostApi api{vm, params};
  lua::LotTable lots{vm};
  Trace trace;
  int plugin_api = 1;  // the API of the plugin the calls stand for
};

std::string typo(const std::string& s) { return fr::typography(s); }

}  // namespace

TEST_SUITE("lua.host_api") {
  TEST_CASE("ctx.date and ctx.param give the value in force on the date") {
    Harness h;
    CHECK(h.value("return ctx.date") == "2027-03-01");
    CHECK(h.value("return ctx.param('seuils.ue.travaux')") == "5404000.0");
    CHECK(h.value("return ctx.param('seuils.ue.travaux')", testing::works_lot(), day("2025-12-31")) ==
          "5538000.0");
    CHECK(h.value("return ctx.param('seuils.ue.fournitures_services', 'etat')") == "140000.0");
    CHECK(h.value("return ctx.param('main_oeuvre.part', '45442100')") == "0.7");
    CHECK(h.value("return ctx.param('main_oeuvre.part', lot.cpv)") == "0.5");
    CHECK(h.value("return ctx.param('heures.cout_horaire', '71000000')") == "30.0");
    CHECK(h.value("return ctx.param('services_sociaux.cpv', '85311000')") == "true");
    CHECK(h.value("return ctx.param('services_sociaux.cpv', '45210000')") == "false");
    CHECK(h.value("return ctx.param('heures.arrondi')") == "inferieur");
    CHECK(h.value("return ctx.param('obligation_sociale.en_vigueur')", testing::works_lot(),
                  day("2026-08-20")) == "false");
    CHECK(h.value("return ctx.param('obligation_sociale.en_vigueur')", testing::works_lot(),
                  day("2026-08-21")) == "true");
  }

  TEST_CASE("a failed lookup is an error at the plugin's line, with the text of params::describe") {
    Harness h;
    CHECK(h.error("local x = 1\nreturn ctx.param('nope')") ==
          typo("plugins/h.lua:3: ctx.param : le paramètre « nope » n'existe pas dans les règles chargées"));
    CHECK(
        h.error("return ctx.param('seuils.ue.travaux')", testing::works_lot(), day("2023-01-01")) ==
        typo(
            "plugins/h.lua:2: ctx.param : le paramètre « seuils.ue.travaux » n'a pas de valeur en vigueur au "
            "1er janvier 2023"));
    CHECK(h.error("return ctx.param('main_oeuvre.part', '30192000')") ==
          typo("plugins/h.lua:2: ctx.param : le paramètre « main_oeuvre.part » n'a pas de valeur pour "
               "« 30192000 » au 1er mars 2027"));
    CHECK(h.error("return ctx.param('seuils.ue.fournitures_services')") ==
          typo("plugins/h.lua:2: ctx.param : le paramètre « seuils.ue.fournitures_services » est une table : "
               "précisez la clé à consulter"));
    CHECK(
        h.error("return ctx.param('heures.taux_insertion', 'x')") ==
        typo(
            "plugins/h.lua:2: ctx.param : le paramètre « heures.taux_insertion » n'est pas une table : il ne "
            "prend pas de clé"));
    CHECK(h.error("return ctx.param(42)") ==
          typo("plugins/h.lua:2: ctx.param : l'argument 1 doit être du texte (reçu : number)"));
  }

  TEST_CASE("ctx.try_param gives nil when nothing is in force, but an unknown name is still an error") {
    Harness h;
    CHECK(h.value("return ctx.try_param('main_oeuvre.part', '30192000')") == "nil");
    CHECK(h.value("return ctx.try_param('seuils.ue.travaux')", testing::works_lot(), day("2023-01-01")) ==
          "nil");
    CHECK(h.value("return ctx.try_param('heures.taux_insertion')") == "0.05");
    CHECK(h.error("return ctx.try_param('nope')").find(typo("ctx.try_param : le paramètre")) !=
          std::string::npos);
    CHECK(h.error("return ctx.try_param('seuils.ue.services_sociaux')").find("précisez la clé") !=
          std::string::npos);
  }

  TEST_CASE("ctx.lookup describes the value and where it comes from") {
    Harness h;
    CHECK(h.value("local l = ctx.lookup('main_oeuvre.part', '45210000')\n"
                  "return string.format('%s|%s|%s|%s|%s|%s', l.value, l.from, l.reference, l.status, l.key, "
                  "l.unit)") == "0.5|2020-01-01|mefsud77.fr|hypothese|45|ratio");
    CHECK(h.value("local l = ctx.lookup('obligation_sociale.en_vigueur') return l.from .. ' ' .. l.status") ==
          "2026-08-21 partiel");
    CHECK(h.value("return ctx.lookup('main_oeuvre.part', '30192000')") == "nil");
  }

  TEST_CASE("ctx.lookup gives a new table each time, which the plugin may change") {
    Harness h;
    CHECK(h.value("local a = ctx.lookup('heures.taux_insertion')\n"
                  "a.value, a.note = 1, 'à moi'\n"
                  "local b = ctx.lookup('heures.taux_insertion')\n"
                  "local n = 0 for _ in pairs(b) do n = n + 1 end\n"
                  "return string.format('%s %s %s %s', tostring(a ~= b), b.value, tostring(b.note), n)") ==
          "true 0.05 nil 6");
    CHECK(h.value("return ctx.lookup('heures.taux_insertion').value") == "0.05");
  }

  TEST_CASE("api 2: ctx.lookup gives the same read-only table at every call, still traced") {
    Harness h;
    h.plugin_api = 2;
    CHECK(h.value("local a = ctx.lookup('heures.taux_insertion')\n"
                  "local b = ctx.lookup('heures.taux_insertion')\n"
                  "return string.format('%s %s %s', tostring(a == b), b.value, b.status)") ==
          "true 0.05 partiel");
    CHECK(h.trace.size() == 1);
    CHECK(h.value("return ctx.lookup('heures.taux_insertion').value") == "0.05");
    CHECK(h.trace.size() == 1);
    const CallOutcome out = h.call("local a = ctx.lookup('heures.taux_insertion')\na.value = 1",
                                   testing::works_lot(), day("2027-03-01"));
    CHECK_FALSE(out.ok);
    CHECK(out.error.find("la table de ctx.lookup est en lecture seule") != std::string::npos);
  }

  TEST_CASE("ctx.override gives the lot's own values") {
    Harness h;
    Lot lot = testing::works_lot();
    lot.overrides.part_main_oeuvre = 0.6;
    CHECK(h.value("return ctx.override('part_main_oeuvre')", lot) == "0.6");
    CHECK(h.value("return ctx.override('cout_horaire')", lot) == "nil");
    CHECK(h.error("return ctx.override('montant_ht')", lot) ==
          typo("plugins/h.lua:2: ctx.override : « montant_ht » n'est pas une valeur que le programme peut "
               "donner "
               "par lot (valeurs admises : part_main_oeuvre, taux_insertion, cout_horaire)"));
  }

  TEST_CASE("ctx.round rounds to whole numbers the three ways, and knows no other") {
    Harness h;
    CHECK(h.value("return ctx.round(833.33, 'inferieur')") == "833");
    CHECK(h.value("return math.type(ctx.round(833.33, 'inferieur'))") == "integer");
    CHECK(h.value("return ctx.round(833.33, 'superieur')") == "834");
    CHECK(h.value("return ctx.round(2.5, 'plus_proche')") == "3");
    CHECK(h.value("return ctx.round(-2.5, 'plus_proche')") == "-3");
    CHECK(h.value("return ctx.round(1e6 * 0.7 * 0.05 / 35, 'inferieur')") == "1000");
    CHECK(h.error("return ctx.round(1, 'tronque')") ==
          typo("plugins/h.lua:2: ctx.round : mode d'arrondi « tronque » inconnu (modes admis : inferieur, "
               "superieur, plus_proche)"));
    CHECK(h.error("return ctx.round(1/0, 'inferieur')").find("un nombre fini") != std::string::npos);
  }

  TEST_CASE("ctx.fmt writes French") {
    Harness h;
    CHECK(h.value("return ctx.fmt.euros(1000000)") == fr::euros(1'000'000));
    CHECK(h.value("return ctx.fmt.euros(1000000)") == "1\u202F000\u202F000\u00A0€");
    CHECK(h.value("return ctx.fmt.date('2026-08-21')") == "21 août 2026");
    CHECK(h.value("return ctx.fmt.percent(0.05)") == "5\u202F%");
    CHECK(h.value("return ctx.fmt.number(833.3333)") == "833,33");
    CHECK(h.value("return ctx.fmt.number(833.3333, 0)") == "833");
    CHECK(h.value("return ctx.fmt.hours(833)") == "833 heures");
    CHECK(h.error("return ctx.fmt.date('21/08/2026')") ==
          typo("plugins/h.lua:2: ctx.fmt.date : « 21/08/2026 » n'est pas une date AAAA-MM-JJ"));
    CHECK(h.error("return ctx.fmt.euros('12')") ==
          typo("plugins/h.lua:2: ctx.fmt.euros : l'argument 1 doit être un nombre (reçu : string)"));
  }

  TEST_CASE("ctx is read-only and built once per date") {
    Harness h;
    CHECK(h.error("ctx.date = '2020-01-01'") ==
          typo("plugins/h.lua:2: ctx est en lecture seule : impossible d'y assigner « date »"));
    CHECK(h.error("ctx.fmt.euros = nil").find("ctx.fmt est en lecture seule") != std::string::npos);
    CHECK(h.value("return getmetatable(ctx)") == "false");
    lua_State* L = h.vm.state();
    h.api.push_ctx(day("2027-03-01"));
    h.api.push_ctx(day("2027-03-01"));
    h.api.push_ctx(day("2027-03-02"));
    CHECK(lua_rawequal(L, -3, -2));
    CHECK_FALSE(lua_rawequal(L, -2, -1));
    lua_settop(L, 0);
  }

  TEST_CASE("every successful lookup is traced once per parameter and key, in first-use order") {
    Harness h;
    Lot lot = testing::works_lot();
    lot.overrides.cout_horaire = 25;
    REQUIRE(h.value("ctx.param('seuils.ue.travaux')\n"
                    "ctx.param('main_oeuvre.part', lot.cpv)\n"
                    "ctx.param('seuils.ue.travaux')\n"
                    "ctx.lookup('main_oeuvre.part', lot.cpv)\n"
                    "ctx.try_param('main_oeuvre.part', '30192000')\n"
                    "ctx.param('main_oeuvre.part', '45442000')\n"
                    "ctx.override('cout_horaire')\n"
                    "ctx.override('part_main_oeuvre')\n"
                    "ctx.param('services_sociaux.cpv', lot.cpv)\n"
                    "return true",
                    lot) == "true");
    REQUIRE(h.trace.size() == 5);
    const TraceEntry& threshold = h.trace[0];
    CHECK(threshold.parameter == "seuils.ue.travaux");
    CHECK(threshold.key.empty());
    CHECK(threshold.value == "5\u202F404\u202F000\u00A0€");
    CHECK(threshold.from == "2026-01-01");
    CHECK(threshold.reference == "Avis seuils 2026-2027");
    CHECK(threshold.status == "verifie");
    CHECK(threshold.source == "rules/seuils/ue/travaux.lua");
    const TraceEntry& share = h.trace[1];
    CHECK(share.parameter == "main_oeuvre.part");
    CHECK(share.key == "45210000");
    CHECK(share.matched == "45");
    CHECK(share.value == "50\u202F%");
    CHECK(share.status == "hypothese");
    CHECK(h.trace[2].key == "45442000");
    CHECK(h.trace[2].matched == "45442");
    const TraceEntry& cost = h.trace[3];
    CHECK(cost.parameter == "cout_horaire");
    CHECK(cost.value == "25\u00A0€/h");
    CHECK(cost.status == "saisie");
    CHECK(cost.source == "programme.csv:2");
    CHECK(cost.from.empty());
    CHECK(h.trace[4].value == "non");
  }

  TEST_CASE("a lookup serves every date of its dated value, and the next value from its first day") {
    Harness h;
    const std::string body =
        "ctx.param('seuils.ue.travaux')\n"
        "return ctx.lookup('seuils.ue.travaux').from .. ' ' .. ctx.param('seuils.ue.travaux')";
    CHECK(h.value(body, testing::works_lot(), day("2025-06-01")) == "2024-01-01 5538000.0");
    CHECK(h.value(body, testing::works_lot(), day("2025-12-31")) == "2024-01-01 5538000.0");
    CHECK(h.value(body, testing::works_lot(), day("2026-01-01")) == "2026-01-01 5404000.0");
    REQUIRE(h.trace.size() == 1);
    CHECK(h.trace[0].from == "2026-01-01");
    CHECK(h.value(body, testing::works_lot(), day("2025-12-31")) == "2024-01-01 5538000.0");
    CHECK(h.trace[0].from == "2024-01-01");
    CHECK(h.error("return ctx.param('seuils.ue.travaux')", testing::works_lot(), day("2023-12-31"))
              .find("n'a pas de valeur en vigueur au 31 décembre 2023") != std::string::npos);
  }

  TEST_CASE("lookups with many keys: the slots start again, the trace still has each key once") {
    Harness h;
    // More (parameter, key) than the slots keep: they are dropped during the call.
    REQUIRE(h.value("for i = 1, 9000 do ctx.param('main_oeuvre.part', '45442' .. i) end\n"
                    "ctx.param('main_oeuvre.part', '454421')\n"
                    "ctx.param('main_oeuvre.part', '454429000')\n"
                    "return true") == "true");
    CHECK(h.trace.size() == 9000);
    CHECK(h.trace.front().key == "454421");
    CHECK(h.trace.back().key == "454429000");
    CHECK(h.trace.back().matched == "45442");
  }

  TEST_CASE("the lot table carries the lot, read-only") {
    Harness h;
    Lot lot = testing::works_lot();
    lot.lot = "2";
    lot.type_acheteur = BuyerType::entite_adjudicatrice;
    lot.duree_mois = 12;
    lot.anru = true;
    lot.lieu = "61";
    CHECK(
        h.value("return table.concat({ lot.reference, lot.consultation, lot.lot, lot.objet, lot.acheteur, "
                "lot.type_acheteur, lot.nature, lot.cpv, lot.date_lancement, lot.lieu }, '|')",
                lot) ==
        "2027-001|2027-001|2|Réhabilitation du gymnase|Commune de Test|entite-adjudicatrice|travaux|45210000|"
        "2027-03-01|61");
    CHECK(h.value("return string.format('%s %s %s %s %s %s', lot.montant_ht, lot.duree_mois, lot.anru, "
                  "lot.total_consultation_ht, lot.lots_consultation, math.type(lot.duree_mois))",
                  lot) == "1000000.0 12 true 1000000.0 1 integer");
    CHECK(h.value("return tostring(lot.duree_mois) .. tostring(lot.anru) .. tostring(lot.lieu)") ==
          "nilnilnil");
    CHECK(h.error("lot.montant_ht = 0") == typo("plugins/h.lua:2: la table lot est en lecture seule (copiez "
                                                "la valeur dans une variable locale) : "
                                                "impossible d'y assigner « montant_ht »"));
  }

  TEST_CASE("the lot table is built once per lot") {
    Harness h;
    lua_State* L = h.vm.state();
    Lot a = testing::works_lot();
    h.lots.push(a, testing::totals_of(a));
    h.lots.push(a, testing::totals_of(a));
    CHECK(lua_rawequal(L, -1, -2));
    a.objet = "Autre objet";
    h.lots.push(a, testing::totals_of(a));
    CHECK_FALSE(lua_rawequal(L, -1, -2));
    h.lots.push(a, {a.montant_ht_cents * 2, 2});
    CHECK_FALSE(lua_rawequal(L, -1, -2));
    lua_settop(L, 0);
  }
}
