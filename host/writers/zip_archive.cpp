#include "writers/zip_archive.hpp"

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <sstream>

namespace clausier::writers {

std::string zip_archive(const std::vector<ZipEntry>& entries) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  // A fixed date: the same documents give the same archive.
  const Poco::DateTime date(2000, 1, 1);
  for (const auto& entry : entries) {
    std::istringstream in(entry.content);
    zip.addFile(in, date, Poco::Path(entry.name, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE,
                Poco::Zip::ZipCommon::CL_NORMAL);
  }
  zip.close();
  return out.str();
}

}  // namespace clausier::writers
