#pragma once
// The engine's view of a clause type. The Lua layer implements it with
// plugins; tests implement it with C++ fakes. The engine never sees Lua.

#include <string>
#include <utility>
#include <vector>

#include "model/evaluation.hpp"

namespace clausier::engine {

struct ClauseInfo {
  std::string id;     // "insertion"
  std::string title;  // "Clause d'insertion (condition d'exécution)"
  std::string label;  // "Insertion": a short name for narrow columns; the id by default
  std::vector<std::string> basis;
  std::string source;  // where it is defined, e.g. "plugins/insertion.lua"
  int api = 0;
  // Unit of each computed value ("ratio", "EUR", "EUR/h", "heures"...), so
  // that documents show them the French way. Values without a unit are shown as is.
  std::vector<std::pair<std::string, std::string>> units;
  std::vector<std::string> params;  // rule parameters the clause type declares it reads
};

class ClauseType {
 public:
  virtual ~ClauseType() = default;
  [[nodiscard]] virtual const ClauseInfo& info() const = 0;
  // Evaluates one lot with the parameters in force on `date`. Never throws:
  // a failure comes back as a result whose `error` is set and verdict empty.
  virtual ClauseResult evaluate(const Lot& lot, const ConsultationTotals& consultation, Date date) = 0;
};

}  // namespace clausier::engine
