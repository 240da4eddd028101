#pragma once
// Totals per consultation, gathered in a first pass over a programme so that
// thresholds can be tested on the whole consultation while lots stream by.
// Memory is one entry per consultation, not per lot.

#include <string>
#include <string_view>
#include <unordered_map>

#include "model/lot.hpp"

namespace clausier::engine {

class ConsultationIndex {
 public:
  void add(std::string_view consultation, std::int64_t montant_ht_cents);
  [[nodiscard]] ConsultationTotals totals(std::string_view consultation) const;
  [[nodiscard]] std::size_t size() const { return totals_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, ConsultationTotals, Hash, std::equal_to<>> totals_;
};

}  // namespace clausier::engine
