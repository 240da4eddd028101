#pragma once
// The contracts of a DECP file in JSON, streamed with JsonTokenizer: the 2.0
// format ({"marches": {"marche": [...], "contrat-concession": [...]}}, with
// "marche" sometimes a single object as in the official example), the 2019
// consolidated format ({"marches": [...]}, each with "_type"), and a bare
// array of contracts. Concessions are read as contracts are, and marked.
// Holders, modifications and subcontracting acts are
// skipped unread: nothing the evaluation uses, and the bulk of big records.

#include <cstdint>
#include <istream>
#include <string>

#include "readers/chunked_input.hpp"
#include "readers/decp_record.hpp"
#include "readers/json_tokenizer.hpp"

namespace clausier::readers {

class DecpJsonRecords final : public DecpRecords {
 public:
  // Reads `in`, which must outlive the records.
  explicit DecpJsonRecords(std::istream& in, JsonLimits limits = {});

  bool next(DecpRecord& out) override;
  [[nodiscard]] DecpFormat format() const override { return format_; }
  [[nodiscard]] std::uint32_t concessions() const override { return concessions_; }

 private:
  enum class Where { start, root, marches, list, end, failed };

  bool step(DecpRecord& out);
  // At an element of a list of contracts or of concessions: reads it into
  // `out`, marked a concession when it is one (and counted).
  bool take_element(JsonTokenizer::Token t, DecpRecord& out);
  void read_members(DecpRecord& out, std::string& path);
  void read_value(DecpRecord& out, std::string& path, JsonTokenizer::Token t);

  ChunkedInput input_;
  JsonTokenizer tokens_;
  Where where_ = Where::start;
  Where after_list_ = Where::end;  // where a list of contracts ends
  bool list_of_concessions_ = false;
  bool saw_marches_ = false;
  DecpFormat format_ = DecpFormat::json_2022;
  std::uint32_t concessions_ = 0;
};

}  // namespace clausier::readers
