#pragma once
// The read-only `lot` table a plugin's evaluate(lot, ctx) receives (plugin
// api 1, docs/plugin-api.md); assigning to it is an error. Its fields are
// those of model/lot_field.hpp but the rule parameters, under their keys, typed
// by their kind:
//
//   text, cpv, ids (buyer_type, nature)  text ("travaux", "45262500")
//   amount          number, euros
//   months          integer
//   date            ISO date text
//   departement     text
//   flag            boolean
//   an absent value (no duree_mois, lieu or anru) is nil; plus
//   total_consultation_ht  number, euros: the whole consultation
//   lots_consultation      integer: lots in the consultation
//
// The table is built once per lot and shared by the plugins of a Vm: push()
// builds a new one only when the lot differs from the previous one.

#include <optional>

#include "lua/vm.hpp"
#include "model/lot.hpp"

namespace clausier::lua {

class LotTable {
 public:
  explicit LotTable(Vm& vm);
  LotTable(const LotTable&) = delete;
  LotTable& operator=(const LotTable&) = delete;

  void push(const Lot& lot, const ConsultationTotals& totals);

 private:
  void build(const Lot& lot, const ConsultationTotals& totals);

  lua_State* L_;
  int refusal_ref_;  // registry: the __newindex of every lot table
  int table_ref_;    // registry: the table of the last lot
  std::optional<Lot> last_;
  ConsultationTotals last_totals_;
};

}  // namespace clausier::lua
