#include "engine/consultations.hpp"

namespace clausier::engine {

void ConsultationIndex::add(std::string_view consultation, std::int64_t montant_ht_cents) {
  auto it = totals_.find(consultation);
  if (it == totals_.end()) it = totals_.emplace(std::string(consultation), ConsultationTotals{}).first;
  it->second.montant_ht_cents += montant_ht_cents;
  it->second.lots += 1;
}

ConsultationTotals ConsultationIndex::totals(std::string_view consultation) const {
  auto it = totals_.find(consultation);
  return it == totals_.end() ? ConsultationTotals{} : it->second;
}

}  // namespace clausier::engine
