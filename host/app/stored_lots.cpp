#include "app/stored_lots.hpp"

#include "store/lot_json.hpp"

namespace clausier::app {

StoredLots::StoredLots(store::Database& db, std::int64_t version, bool own_totals, DiagnosticSink& diags,
                       std::string display_name)
    : store_(db), version_(version), own_totals_(own_totals), diags_(diags), name_(std::move(display_name)) {}

const store::LotRow* StoredLots::advance() {
  if (at_ < page_.size()) return &page_[at_++];
  if (finished_) return nullptr;
  store_.database().read(
      [&](Poco::Data::Session& s) { page_ = store_.lots_page(s, version_, 0, after_).lots; });
  at_ = 0;
  if (page_.empty()) {
    finished_ = true;
    return nullptr;
  }
  after_ = page_.back().position;
  return &page_[at_++];
}

bool StoredLots::next(Lot& out) {
  while (const store::LotRow* row = advance()) {
    ++stats_.rows;
    try {
      out = store::lot_from_json(row->data).first;
      ++stats_.lots;
      return true;
    } catch (const std::exception& e) {
      ++stats_.rejected;
      diags_.error(Location::in_table(name_, "lot " + row->reference),
                   std::string("lot enregistré illisible (") + e.what() +
                       ") : importez de nouveau le fichier du programme");
    }
  }
  return false;
}

bool StoredLots::next_keys(readers::RecordKeys& out) {
  while (const store::LotRow* row = advance()) {
    try {
      const auto [lot, totals] = store::lot_from_json(row->data);
      out.reference = lot.reference;
      out.consultation = lot.consultation;
      out.cents = known_montant_cents(lot);
      return true;
    } catch (const std::exception&) {
      out = {row->reference, "", std::nullopt};  // next() reports it
      return true;
    }
  }
  return false;
}

}  // namespace clausier::app
