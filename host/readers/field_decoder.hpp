#pragma once
// Decides whether a text file without byte-order mark is UTF-8 or
// Windows-1252 (Excel's "CSV (séparateur : point-virgule)" on French Windows)
// and converts each field to UTF-8.
//
// The first chunk is sniffed: invalid UTF-8 means Windows-1252, valid UTF-8
// with accented letters means UTF-8. A pure ASCII start leaves the question
// open and each field decides: valid UTF-8 is kept (and the file is UTF-8 from
// then on), anything else is converted from Windows-1252 (and the file is
// Windows-1252 from then on).

#include <string>
#include <string_view>

namespace clausier::readers {

enum class TextEncoding { undecided, utf8, windows1252 };

class FieldDecoder {
 public:
  void sniff(std::string_view first_chunk);
  void force(TextEncoding encoding) { encoding_ = encoding; }
  [[nodiscard]] TextEncoding encoding() const { return encoding_; }

  enum class Outcome { ok, not_utf8 };
  // Converts `field` to UTF-8 in place. `not_utf8` means a file taken for
  // UTF-8 held a field that is not: it was read as Windows-1252.
  Outcome decode(std::string& field);

 private:
  TextEncoding encoding_ = TextEncoding::undecided;
};

}  // namespace clausier::readers
