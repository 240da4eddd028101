#pragma once
// Reads the lots of a programme from any TabularSource: matches the header
// row, then turns each row into a checked Lot, reporting every problem of a
// row (with its file, line and column) and skipping rows that have any.

#include <cstdint>
#include <memory>
#include <string>

#include "base/diagnostic.hpp"
#include "model/lot.hpp"
#include "readers/columns.hpp"
#include "readers/lot_source.hpp"
#include "readers/reference_index.hpp"
#include "readers/tabular.hpp"

namespace clausier::readers {

// A sink that drops everything: for a silent pass over a programme.
class DiscardDiagnostics final : public DiagnosticSink {
 public:
  void report(Diagnostic /*d*/) override {}
};
// A shared instance (it has no state).
[[nodiscard]] DiagnosticSink& discard_diagnostics();

class LotReader final : public LotSource {
 public:
  // Reads the header row at once (and reports its problems to `diags`).
  // `src` and `diags` must outlive the reader.
  LotReader(TabularSource& src, DiagnosticSink& diags);
  // Same, owning the source.
  LotReader(std::unique_ptr<TabularSource> src, DiagnosticSink& diags);

  LotReader(const LotReader&) = delete;
  LotReader& operator=(const LotReader&) = delete;

  // False when the file is empty or a required column is missing: no lot can
  // be read (the reason has been reported).
  [[nodiscard]] bool header_ok() const { return header_ok_; }
  [[nodiscard]] const ColumnMap& columns() const { return columns_; }

  // The next valid lot; false at the end. Rows with problems are reported
  // (all their problems) and skipped.
  bool next(Lot& out) override;

  // The light first pass: reference, consultation (else the reference) and
  // amount of the next non-blank row, as next() would read them. Reports
  // nothing, not even problems of the file itself.
  bool next_keys(RecordKeys& out) override;
  void expect_repeats(const KeySet& candidates) override { references_.restrict_to(candidates); }

  [[nodiscard]] const LotReaderStats& stats() const override { return stats_; }

 private:
  void read_header();
  bool read_lot(Lot& out);
  void check_extra_cells();
  [[nodiscard]] const Cell& cell(Column c) const;
  [[nodiscard]] Location where(Column c) const;
  void problem(Column c, std::string_view message);
  [[nodiscard]] std::string text(Column c) const;
  [[nodiscard]] const Cell* required(Column c);
  void read_field(const LotFieldInfo& field, Lot& out);

  std::unique_ptr<TabularSource> owned_;
  TabularSource* src_;
  DiagnosticSink* diags_;
  ColumnMap columns_;
  bool header_ok_ = false;
  std::size_t header_width_ = 0;
  bool extra_cells_noted_ = false;
  Record record_;
  bool row_ok_ = true;
  ReferenceIndex references_;
  LotReaderStats stats_;
};

}  // namespace clausier::readers
