#pragma once
// A zip package (DOCX, ODT) written with deterministic bytes: parts in the
// given order, every entry dated `date` at midnight, so that the same
// document gives the same file (SOURCE_DATE_EPOCH sets the document date).

#include <string>
#include <vector>

#include "base/date.hpp"

namespace clausier::writers {

struct PackagePart {
  std::string path;     // inside the package, '/'-separated: "word/document.xml"
  std::string content;  // the bytes
  bool stored = false;  // uncompressed (the ODF "mimetype" entry must be)
};

// The package's bytes; an empty string with `error` set if zipping failed.
[[nodiscard]] std::string zip_package(const std::vector<PackagePart>& parts, const Date& date,
                                      std::string& error);

}  // namespace clausier::writers
