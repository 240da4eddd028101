#include "engine/consultations.hpp"

namespace clausier::engine {

void ConsultationIndex::add(std::string_view consultation, std::int64_t montant_ht_cents) {
  if (!open_ || consultation != run_.consultation) {
    close_run();
    run_.consultation.assign(consultation);
    run_.totals = {};
    open_ = true;
    names_.add(consultation);  // a second run of it is a "maybe"
  }
  run_.totals.montant_ht_cents += montant_ht_cents;
  run_.totals.lots += 1;
}

void ConsultationIndex::close_run() {
  if (!open_) return;
  const auto size = static_cast<std::uint32_t>(run_.consultation.size());
  runs_.write(&size, sizeof size);
  runs_.write(run_.consultation.data(), size);
  runs_.write(&run_.totals.montant_ht_cents, sizeof run_.totals.montant_ht_cents);
  runs_.write(&run_.totals.lots, sizeof run_.totals.lots);
  open_ = false;
}

bool ConsultationIndex::read_run(Run& out) {
  std::uint32_t size = 0;
  if (!runs_.read(&size, sizeof size)) return false;
  out.consultation.resize(size);
  return runs_.read(out.consultation.data(), size) &&
         runs_.read(&out.totals.montant_ht_cents, sizeof out.totals.montant_ht_cents) &&
         runs_.read(&out.totals.lots, sizeof out.totals.lots);
}

void ConsultationIndex::finish() {
  close_run();
  KeySet names = std::move(names_).take_candidates();
  while (!names.empty())
    scattered_.emplace(std::move(names.extract(names.begin()).value()), ConsultationTotals{});
  runs_.rewind();
  if (!scattered_.empty()) {
    Run run;
    while (read_run(run)) {
      const auto it = scattered_.find(run.consultation);
      if (it == scattered_.end()) continue;
      it->second.montant_ht_cents += run.totals.montant_ht_cents;
      it->second.lots += run.totals.lots;
    }
    runs_.rewind();
  }
  run_ = Run{};
}

ConsultationTotals ConsultationIndex::totals(std::string_view consultation) {
  if (const auto it = scattered_.find(consultation); it != scattered_.end()) return it->second;
  if (run_.totals.lots > 0 && run_.consultation == consultation) return run_.totals;
  // Further on: the one run of this consultation. When it is not there (the
  // file changed between the passes), the next lot searches from here again.
  const std::uint64_t position = runs_.tell();
  while (read_run(ahead_)) {
    if (ahead_.consultation != consultation) continue;
    std::swap(run_, ahead_);
    return run_.totals;
  }
  runs_.seek(position);
  return {};
}

}  // namespace clausier::engine
