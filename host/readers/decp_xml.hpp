#pragma once
// The contracts of a DECP file in XML (<marches><marche>…</marche></marches>,
// the 2.0.x XSD and the 1.x one), streamed with the hardened libxml2 reader
// of readers/xml_reader.hpp: no DTD, no entity, nodes freed as it moves on.
// Holders, modifications and subcontracting acts are skipped unread.

#include <cstdint>
#include <istream>
#include <memory>
#include <string>

#include "readers/decp_record.hpp"

namespace clausier::readers {

namespace sheet {
class XmlReader;
}

class DecpXmlRecords final : public DecpRecords {
 public:
  // Reads `in`, which must outlive the records; `name` is the file as shown
  // in messages.
  DecpXmlRecords(std::istream& in, std::string name);
  ~DecpXmlRecords() override;
  DecpXmlRecords(const DecpXmlRecords&) = delete;
  DecpXmlRecords& operator=(const DecpXmlRecords&) = delete;

  bool next(DecpRecord& out) override;
  [[nodiscard]] DecpFormat format() const override { return DecpFormat::xml; }
  [[nodiscard]] std::uint32_t concessions() const override { return concessions_; }

 private:
  enum class Where { start, root, end, failed };
  bool step(DecpRecord& out);
  void read_contract(DecpRecord& out);

  struct Input;
  std::unique_ptr<Input> input_;
  std::unique_ptr<sheet::XmlReader> xml_;
  Where where_ = Where::start;
  std::uint32_t concessions_ = 0;
};

}  // namespace clausier::readers
