#pragma once
// One contract of a DECP open-data file, as read, before any checking: its
// values flattened to paths ("acheteur.id", "considerationsSociales.
// considerationSociale"), each with the line it was on. JSON arrays and
// repeated XML elements give one field per item under the same path, so the
// JSON and XML forms of a contract (and the 2019 and 2.0 formats, and the
// "acheteur.id" keys some consolidated files write flat) read alike.
//
// The record reuses its storage from one contract to the next: reading a
// file keeps the memory of its largest contract, whatever the file's size.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clausier::readers {

struct DecpField {
  enum class Kind { text, number, boolean, null };
  std::string path;
  std::string text;  // UTF-8; numbers as written; booleans "true"/"false"; null ""
  Kind kind = Kind::text;
  std::uint32_t line = 0;
  bool cut = false;      // the value was longer than the reader's cap
  bool recoded = false;  // the value was not UTF-8 and was read as Windows-1252
};

class DecpRecord {
 public:
  // Caps per contract: beyond them, fields are dropped and overflowed() is set.
  static constexpr std::size_t max_fields = 4096;
  static constexpr std::size_t max_bytes = 4 * 1024 * 1024;

  void clear(std::uint32_t line);
  // A new field at the end (its members are to be set); nullptr when the
  // record is full (overflowed() is then set).
  DecpField* add(std::string_view path, std::uint32_t line);
  // Counts the bytes of a field's text against max_bytes; false when over.
  bool account(const DecpField& field);

  // Values are typed (JSON: numbers are numbers) or all text (XML).
  void set_typed(bool typed) { typed_ = typed; }
  [[nodiscard]] bool typed() const { return typed_; }
  // An element of the list of contracts that is not one (a string, a nested
  // array…): what to say about it.
  // A concession contract (from a list of concessions, or its fields say so).
  void set_concession(bool concession) { concession_ = concession; }
  [[nodiscard]] bool concession() const { return concession_; }
  void set_problem(std::string problem) { problem_ = std::move(problem); }
  [[nodiscard]] const std::string& problem() const { return problem_; }

  [[nodiscard]] std::uint32_t line() const { return line_; }
  [[nodiscard]] bool overflowed() const { return overflowed_; }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] const DecpField& operator[](std::size_t i) const { return fields_[i]; }

  // The first field at `path`, or nullptr.
  [[nodiscard]] const DecpField* find(std::string_view path) const;
  // Every field at `path`, in order.
  [[nodiscard]] std::vector<const DecpField*> all(std::string_view path) const;
  // True when some field's path is `path` or starts with `path` + ".".
  [[nodiscard]] bool has(std::string_view path) const;

 private:
  std::vector<DecpField> fields_;  // fields_[0..size_) are this record's
  std::size_t size_ = 0;
  std::size_t bytes_ = 0;
  std::uint32_t line_ = 0;
  bool overflowed_ = false;
  bool typed_ = true;
  bool concession_ = false;
  std::string problem_;
};

// Where a stream of records comes from, for the note that opens a file.
enum class DecpFormat {
  json_2022,  // schema 2.0.x (arrêtés of 22 December 2022): {"marches": {"marche": [...]}}
  json_2019,  // schema 1.x, as consolidated on data.gouv.fr until 2023: {"marches": [...]} with "_type"
  json_list,  // a bare array of contracts (exports and conversions)
  xml,        // <marches><marche>...</marche></marches> (2.0.x XSD, and 1.x)
};

// A stream of the contracts of a DECP file: public contracts (marchés) and
// concession contracts, each marked (DecpRecord::concession) and counted.
class DecpRecords {
 public:
  virtual ~DecpRecords() = default;
  // Reads the next contract into `out`; false at the end of the file. Throws
  // DecpError when the file cannot be read further.
  virtual bool next(DecpRecord& out) = 0;
  [[nodiscard]] virtual DecpFormat format() const = 0;
  [[nodiscard]] virtual std::uint32_t concessions() const = 0;  // read so far
};

// A problem that stops the reading of a DECP file: a French sentence and the
// line where it was found (0 when it is about the whole file).
class DecpError final : public std::exception {
 public:
  DecpError(std::string message, std::uint32_t line) : message_(std::move(message)), line_(line) {}
  [[nodiscard]] const char* what() const noexcept override { return message_.c_str(); }
  [[nodiscard]] const std::string& message() const { return message_; }
  [[nodiscard]] std::uint32_t line() const { return line_; }

 private:
  std::string message_;
  std::uint32_t line_;
};

// True when the record is a concession rather than a public contract: the
// 2019 "_type", a concession "nature", or an "autoriteConcedante" that says something.
[[nodiscard]] bool is_concession(const DecpRecord& record);

}  // namespace clausier::readers
