#pragma once
// The lots of one version of a workspace programme, read back page by page
// as a readers::LotSource: every command that reads a programme file reads
// a workspace's lots the same way (--workspace NAME).

#include <cstdint>
#include <memory>

#include "readers/lot_source.hpp"
#include "store/workspace_store.hpp"

namespace clausier::app {

class StoredLots final : public readers::LotSource {
 public:
  StoredLots(store::Database& db, std::int64_t version, bool own_totals, DiagnosticSink& diags,
             std::string display_name);

  bool next(Lot& out) override;
  bool next_keys(readers::RecordKeys& out) override;
  void expect_repeats(const KeySet& /*candidates*/) override {}  // references are unique in a version
  [[nodiscard]] bool lots_are_consultations() const override { return own_totals_; }
  [[nodiscard]] const readers::LotReaderStats& stats() const override { return stats_; }

 private:
  // The next stored row, or null at the end.
  const store::LotRow* advance();

  store::WorkspaceStore store_;
  std::int64_t version_;
  bool own_totals_;
  DiagnosticSink& diags_;
  std::string name_;
  std::vector<store::LotRow> page_;
  std::size_t at_ = 0;
  int after_ = -1;
  bool finished_ = false;
  readers::LotReaderStats stats_;
};

}  // namespace clausier::app
