#include "lua/vm.hpp"

#include <cstdlib>
#include <lua.hpp>
#include <new>

namespace clausier::lua {
namespace {

// Extra room granted once a state is killed, so the error message raised by
// the kill can still be allocated.
constexpr std::size_t kill_headroom = std::size_t{1} << 20;

// The Vm owning a state, kept in the state's extra space.
Vm*& owner(lua_State* L) { return *static_cast<Vm**>(lua_getextraspace(L)); }

}  // namespace

Vm::Vm(Limits limits) : limits_(limits) {
  L_ = lua_newstate(&Vm::allocate, this);
  if (L_ == nullptr) throw std::bad_alloc();
  owner(L_) = this;
}

Vm::~Vm() {
  if (L_ != nullptr) lua_close(L_);
}

void* Vm::allocate(void* ud, void* ptr, std::size_t osize, std::size_t nsize) noexcept {
  auto* vm = static_cast<Vm*>(ud);
  // When ptr is NULL, osize encodes the type of object being allocated.
  const std::size_t old_size = ptr != nullptr ? osize : 0;
  if (nsize == 0) {
    std::free(ptr);
    vm->used_ -= old_size;
    return nullptr;
  }
  if (nsize > old_size) {
    const std::size_t grow = nsize - old_size;
    const std::size_t cap =
        vm->limits_.memory_bytes + (vm->killed_ != Kill::none ? kill_headroom : std::size_t{0});
    if (vm->used_ + grow > cap) {
      if (vm->in_call_ && vm->killed_ == Kill::none) vm->kill(Kill::memory);
      return nullptr;
    }
  }
  void* out = std::realloc(ptr, nsize);
  if (out == nullptr) return nullptr;
  vm->used_ = vm->used_ - old_size + nsize;
  return out;
}

void Vm::kill(Kill why) {
  killed_ = why;
  // From now on every instruction raises, whatever pcall the script wraps.
  lua_sethook(L_, &Vm::hook, LUA_MASKCOUNT, 1);
}

void Vm::hook(lua_State* L, lua_Debug* ar) {
  Vm* vm = owner(L);
  if (vm->killed_ == Kill::none) {
    if (vm->remaining_ > static_cast<std::uint64_t>(hook_step)) {
      vm->remaining_ -= hook_step;
      return;
    }
    vm->kill(Kill::budget);
  }
  lua_getinfo(L, "Sl", ar);
  const char* what = vm->killed_ == Kill::memory
                         ? "mémoire épuisée : le script dépasse la limite de mémoire accordée aux plugins"
                         : "budget d'instructions dépassé : le script ne se termine pas (boucle sans fin ?)";
  if (ar->currentline > 0) {
    lua_pushfstring(L, "%s:%d: %s", ar->short_src, ar->currentline, what);
  } else {
    lua_pushstring(L, what);
  }
  lua_error(L);
}

int Vm::message_handler(lua_State* L) {
  if (lua_type(L, 1) == LUA_TSTRING) return 1;
  // error({...}) or error(nil): describe the value rather than losing it.
  if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
  lua_pushfstring(L, "erreur levée avec une valeur de type %s au lieu d'un message", luaL_typename(L, 1));
  return 1;
}

std::string Vm::load_text(std::string_view source, std::string_view display_name) {
  if (source.size() > limits_.max_source_bytes) {
    return std::string(display_name) + ": fichier trop volumineux (plus de " +
           std::to_string(limits_.max_source_bytes / 1024) + " Kio)";
  }
  const std::string chunkname = "@" + std::string(display_name);
  const int status = luaL_loadbufferx(L_, source.data(), source.size(), chunkname.c_str(), "t");
  if (status == LUA_OK) return {};
  std::string message = lua_tostring(L_, -1) != nullptr ? lua_tostring(L_, -1) : "erreur de chargement";
  lua_pop(L_, 1);
  if (message.find("attempt to load a binary chunk") != std::string::npos) {
    message = std::string(display_name) + ": le code précompilé (bytecode) est refusé : fournissez le source Lua";
  }
  return message;
}

CallOutcome Vm::call(int nargs, int nresults, std::uint64_t budget) {
  CallOutcome out;
  const int base = lua_gettop(L_) - nargs;  // index of the function
  lua_pushcfunction(L_, &Vm::message_handler);
  lua_insert(L_, base);
  remaining_ = budget;
  killed_ = Kill::none;
  in_call_ = true;
  lua_sethook(L_, &Vm::hook, LUA_MASKCOUNT, hook_step);
  const int status = lua_pcall(L_, nargs, nresults, base);
  lua_sethook(L_, nullptr, 0, 0);
  in_call_ = false;
  out.kill = killed_;
  killed_ = Kill::none;
  if (status != LUA_OK) {
    out.ok = false;
    const char* msg = lua_tostring(L_, -1);
    out.error = msg != nullptr ? msg : "erreur inconnue";
    if (status == LUA_ERRMEM || out.kill == Kill::memory) {
      out.kill = Kill::memory;
      if (out.error.find("mémoire") == std::string::npos) {
        out.error += " (mémoire épuisée : le script dépasse la limite de mémoire accordée aux plugins)";
      }
    }
    lua_pop(L_, 1);
  }
  lua_remove(L_, base);  // the message handler
  if (out.kill != Kill::none) lua_gc(L_, LUA_GCCOLLECT);
  return out;
}

}  // namespace clausier::lua
