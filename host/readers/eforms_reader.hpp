#pragma once
// An eForms notice (UBL XML of the eForms SDK: a contract notice, a prior
// information notice or a contract award notice) read as a programme: one
// lot per cac:ProcurementProjectLot (lots, and the parts of a prior
// information notice), mapped by readers/eforms_lot.hpp. Streamed with the
// hardened libxml2 reader of readers/xml_reader.hpp (no DTD, no entity, size
// caps): the notice's organisations, buyer and procedure are kept, then each
// lot is read, given and forgotten. Its diagnostics:
//  - a note once per notice: which notice, which date the rules are applied
//    at, what the notice does not say;
//  - per lot, one warning listing what was taken from the procedure, and one
//    error for each reason it cannot be a lot;
//  - a notice that stops being readable ends the pass with a located error.
// Every place is `file.xml:LINE`, the line of the lot's element.

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <unordered_map>

#include "base/diagnostic.hpp"
#include "readers/eforms_lot.hpp"
#include "readers/lot_source.hpp"
#include "readers/reference_index.hpp"

namespace clausier::readers {

namespace sheet {
class XmlReader;
}

// True when `head` (the first bytes of an XML file) starts an eForms
// notice: its root element is ContractNotice, PriorInformationNotice or
// ContractAwardNotice (or a DOCTYPE names one of them), or the SDK's
// BusinessRegistrationInformationNotice, which the reader refuses.
[[nodiscard]] bool looks_like_eforms(std::string_view head);

class EformsReader final : public LotSource {
 public:
  // Reads `in` (owned); `name` is the file as shown in diagnostics. `diags`
  // must outlive the reader.
  EformsReader(std::unique_ptr<std::istream> in, std::string name, DiagnosticSink& diags);
  ~EformsReader() override;
  EformsReader(const EformsReader&) = delete;
  EformsReader& operator=(const EformsReader&) = delete;

  bool next(Lot& out) override;
  bool next_keys(RecordKeys& out) override;
  void expect_repeats(const KeySet& candidates) override { references_.restrict_to(candidates); }
  [[nodiscard]] const LotReaderStats& stats() const override { return stats_; }

  // The notice read so far (its kind, buyer, procedure).
  [[nodiscard]] const EformsNotice& notice() const { return notice_; }

 private:
  enum class Where { start, root, end, failed };
  // The next lot into lot_; false at the end or when the notice cannot be
  // read further (reported to `diags`, when given).
  bool read(DiagnosticSink* diags);
  bool step();
  void open_root();
  void read_extensions();
  void read_company();
  void read_notice_result();
  void read_contracting_party();
  void flatten(DecpRecord& out);
  std::string read_text();
  void note_notice(DiagnosticSink& diags);
  [[nodiscard]] Location at(std::uint32_t line) const { return Location::in_file(name_, line); }

  struct Input;
  std::unique_ptr<std::istream> in_;
  std::unique_ptr<Input> input_;
  std::unique_ptr<sheet::XmlReader> xml_;
  std::string name_;
  DiagnosticSink* diags_;
  Where where_ = Where::start;
  EformsNotice notice_;
  std::unordered_map<std::string, std::string> organisations_;  // id -> name
  std::string buyer_id_;
  bool party_read_ = false;
  DecpRecord lot_;
  std::uint32_t lots_seen_ = 0;  // lots read, the first pass's share of the procedure's total
  ReferenceIndex references_;
  LotReaderStats stats_;
  bool noted_ = false;
};

}  // namespace clausier::readers
