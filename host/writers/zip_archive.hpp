#pragma once
// A zip archive built in memory from named texts (the documents of a
// programme offered as one download).

#include <string>
#include <utility>
#include <vector>

namespace clausier::writers {

struct ZipEntry {
  std::string name;  // "C2027-01-L3/ccap-insertion.html": '/' separates folders
  std::string content;
};

// The bytes of a zip archive holding `entries`, compressed, in order.
[[nodiscard]] std::string zip_archive(const std::vector<ZipEntry>& entries);

}  // namespace clausier::writers
