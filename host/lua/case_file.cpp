#include "lua/case_file.hpp"

#include <lua.hpp>
#include <stdexcept>
#include <utility>

#include "lua/cfunction.hpp"
#include "lua/data_file.hpp"

namespace clausier::lua {
namespace {

struct Recorder {
  std::vector<CaseCall>* out;
  DataCopier copier;  // one for the file: its limits are the file's
};

// case { … }: records the table and the line of the call.
int record_case(lua_State* L) {
  auto* rec = static_cast<Recorder*>(lua_touserdata(L, lua_upvalueindex(1)));
  if (lua_type(L, 1) != LUA_TTABLE) {
    return luaL_error(L,
                      "case attend une table : écrivez case { name = \"…\", lot = { … }, expect = { … } } "
                      "(reçu : %s)",
                      luaL_typename(L, 1));
  }
  if (lua_gettop(L) > 1) return luaL_error(L, "case ne prend qu'une table : case { … }");
  CaseCall call;
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar) != 0 && lua_getinfo(L, "l", &ar) != 0 && ar.currentline > 0) {
    call.line = static_cast<std::uint32_t>(ar.currentline);
  }
  if (lua_checkstack(L, 3 * DataCopier::max_depth + 8) == 0) return luaL_error(L, "case : pile Lua épuisée");
  const bool copied = rec->copier.copy(1, call.table);
  if (!copied || !rec->copier.problems().empty()) {
    // Raised as a Lua error located at this call (see guarded).
    throw std::runtime_error("case : " + rec->copier.problems().front().message);
  }
  rec->out->push_back(std::move(call));
  return 0;
}

}  // namespace

CaseFileRun run_case_file(std::string_view source, std::string_view display, DiagnosticSink& diags,
                          const Limits& limits) {
  CaseFileRun run;
  DataReporter rep{std::string(display), diags};
  constexpr DataFileHints hints{
      "un fichier de cas ne connaît que la fonction case (aucune bibliothèque n'y est "
      "chargée)",
      ""};
  Vm vm(limits);
  if (std::string error = vm.load_text(source, display); !error.empty()) {
    report_lua_error(rep, error, true, hints);
    run.ok = false;
    return run;
  }
  lua_State* L = vm.state();
  Recorder rec{&run.cases, DataCopier(L)};
  lua_createtable(L, 0, 1);  // the file's _ENV: `case` and nothing else
  lua_pushlightuserdata(L, &rec);
  lua_pushcclosure(L, &guarded<record_case>, 1);
  lua_setfield(L, -2, "case");
  lua_setupvalue(L, -2, 1);  // a main chunk's only upvalue is _ENV
  const CallOutcome outcome = vm.call(0, 0, limits.load_instructions);
  if (!outcome.ok) report_lua_error(rep, outcome.error, false, hints);
  run.ok = !rep.failed;
  return run;
}

}  // namespace clausier::lua
