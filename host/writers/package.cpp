#include "writers/package.hpp"

#include "writers/zip_writer.hpp"

namespace clausier::writers {

std::string zip_package(const std::vector<PackagePart>& parts, const Date& date, std::string& error) {
  ZipWriter zip(date);
  for (const auto& part : parts) {
    if (!zip.add(part.path, part.content, part.stored)) {
      error = "paquet zip impossible à écrire : " + zip.error();
      return {};
    }
  }
  return zip.finish();
}

}  // namespace clausier::writers
