#include "writers/zip_archive.hpp"

#include <stdexcept>

#include "writers/zip_writer.hpp"

namespace clausier::writers {

std::string zip_archive(const std::vector<ZipEntry>& entries) {
  // A fixed date: the same documents give the same archive.
  ZipWriter zip(*Date::from_ymd(2000, 1, 1));
  for (const auto& entry : entries) {
    if (!zip.add(entry.name, entry.content, false)) throw std::runtime_error(zip.error());
  }
  return zip.finish();
}

}  // namespace clausier::writers
