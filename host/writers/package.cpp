#include "writers/package.hpp"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <sstream>

namespace clausier::writers {

std::string zip_package(const std::vector<PackagePart>& parts, const Date& date, std::string& error) {
  // A seekable stream lets Poco write each entry's sizes in its local header
  // (no data descriptor), as ODF readers expect for "mimetype".
  std::stringstream out(std::ios::in | std::ios::out | std::ios::binary);
  try {
    Poco::Zip::Compress zip(out, true);
    const Poco::DateTime when(date.year(), date.month(), date.day());
    for (const auto& part : parts) {
      std::istringstream in(part.content, std::ios::binary);
      zip.addFile(in, when, Poco::Path(part.path, Poco::Path::PATH_UNIX),
                  part.stored ? Poco::Zip::ZipCommon::CM_STORE : Poco::Zip::ZipCommon::CM_DEFLATE,
                  Poco::Zip::ZipCommon::CL_MAXIMUM);
    }
    zip.close();
  } catch (const Poco::Exception& e) {
    error = "paquet zip impossible à écrire : " + e.displayText();
    return {};
  }
  return out.str();
}

}  // namespace clausier::writers
