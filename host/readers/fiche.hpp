#pragma once
// The "fiche de consultation": one consultation and its lots, written by a
// buyer in any text editor (format: docs/fiche.md).
//
//   # Réhabilitation du gymnase
//   référence : 2027-GYM
//   date de lancement : 15/03/2027
//   [lot 1]
//   objet : Gros œuvre
//   montant : 850 000 €
//
// Keys are the programme's column headers and their synonyms
// (readers/columns.hpp). Values written before the first `[lot …]` section
// are the consultation's and every lot inherits them; a fiche without
// sections is a consultation of one lot. A fiche is small and read whole;
// its lots are then read by LotReader like the rows of a programme
// (FicheSource below), so their values are parsed, checked and reported
// exactly as a programme's are.

#include <array>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "readers/columns.hpp"
#include "readers/lot_reader.hpp"
#include "readers/lot_source.hpp"
#include "readers/tabular.hpp"

namespace clausier::readers {

// One value as written, and where: "fiche.txt:7", or "option --montant".
struct FicheValue {
  std::string text;
  Location where;
};
using FicheValues = std::array<std::optional<FicheValue>, column_count>;

struct FicheLot {
  std::string label;  // "1", "2 bis": what follows "lot" in the section header
  Location where;     // the `[lot …]` line
  FicheValues values;
};

struct Fiche {
  std::string name;                // the file as shown in diagnostics
  std::string fallback_reference;  // when no reference nor name is given: the file's stem
  FicheValues consultation;        // inherited by every lot; `consultation` holds its name
  std::vector<FicheLot> lots;      // empty: the consultation is one lot

  // Sets a consultation value, replacing the fiche's (command-line options).
  void set(Column c, std::string text, Location where);
};

// The key a fiche uses for a column in messages and docs ("montant", "cpv",
// "date de lancement"); every one is matched back by column_for_header.
[[nodiscard]] std::string_view fiche_key(Column c);

// Largest fiche read (a programme of many rows is for `clausier evaluate`).
inline constexpr std::size_t max_fiche_bytes = 1024 * 1024;

// Parses the bytes of a fiche: UTF-8 (with or without byte-order mark),
// UTF-16 with byte-order mark, or Windows-1252. Every problem is reported
// with its line ("fiche.txt:12"); what is valid is kept.
[[nodiscard]] Fiche parse_fiche(std::string_view bytes, std::string name, DiagnosticSink& diags);

// Reads and parses a fiche file ("-": standard input). Nothing when the file
// cannot be read or is too large (reported).
[[nodiscard]] std::optional<Fiche> read_fiche(const std::filesystem::path& path, DiagnosticSink& diags);

// The consultation's reference: the one given, else one made from its name
// or object ("rehabilitation-du-gymnase-jean-moulin"), else the fallback.
[[nodiscard]] std::string fiche_reference(const Fiche& fiche);
[[nodiscard]] bool fiche_reference_given(const Fiche& fiche);

// A fiche as a table: a header row naming every column, then one record per
// lot holding its own values and those it inherits. A lot's reference is its
// own `référence`, else the consultation's followed by "-L<lot>"; every lot's
// consultation is the consultation's reference; its object is the
// consultation's name, a dash and its own object ("Réhabilitation du gymnase
// – Gros œuvre", as programmes name lots). Cells are located at the line
// that wrote them.
class FicheSource final : public TabularSource {
 public:
  explicit FicheSource(std::shared_ptr<const Fiche> fiche);

  bool next(Record& out, DiagnosticSink& diags) override;
  [[nodiscard]] Location locate(const Record& r, std::size_t column, std::string_view header) const override;
  [[nodiscard]] std::string required_value_hint(std::string_view header) const override;

 private:
  [[nodiscard]] std::size_t lot_count() const;
  [[nodiscard]] const FicheLot* lot_of(const Record& r) const;
  [[nodiscard]] const FicheValue* value(const FicheLot* lot, Column c) const;
  [[nodiscard]] std::string objet(const FicheLot* lot) const;

  std::shared_ptr<const Fiche> fiche_;
  std::string reference_;
  std::size_t next_ = 0;  // 0: the header row; then lot next_ - 1
};

// The lots of a fiche through LotReader. An inherited value is checked once
// per lot; each problem of such a value is reported once.
class FicheReader final : public LotSource {
 public:
  FicheReader(std::shared_ptr<const Fiche> fiche, DiagnosticSink& diags);

  bool next(Lot& out) override { return reader_.next(out); }
  bool next_keys(RecordKeys& out) override { return reader_.next_keys(out); }
  void expect_repeats(const KeySet& candidates) override { reader_.expect_repeats(candidates); }
  [[nodiscard]] const LotReaderStats& stats() const override { return reader_.stats(); }

 private:
  // Forwards each (place, message) once.
  class OnceSink final : public DiagnosticSink {
   public:
    explicit OnceSink(DiagnosticSink& out) : out_(&out) {}
    void report(Diagnostic d) override;

   private:
    DiagnosticSink* out_;
    std::vector<std::string> seen_;
  };

  OnceSink once_;
  LotReader reader_;
};

}  // namespace clausier::readers
