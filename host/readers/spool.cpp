#include "readers/spool.hpp"

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <system_error>

namespace clausier::readers {

std::shared_ptr<const SpoolFile> SpoolFile::copy(std::istream& in, std::string& error) {
  std::error_code ec;
  const auto dir = std::filesystem::temp_directory_path(ec);
  if (ec) {
    error = "pas de dossier temporaire utilisable (" + ec.message() + ") : définissez TMPDIR";
    return nullptr;
  }
  std::string name = (dir / "clausier-entree-XXXXXX").string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    error = "impossible de créer un fichier temporaire dans " + dir.string() + " : définissez TMPDIR";
    return nullptr;
  }
  ::close(fd);
  std::shared_ptr<const SpoolFile> spool(new SpoolFile(name));
  std::ofstream out(name, std::ios::binary | std::ios::trunc);
  std::array<char, 1 << 16> buffer{};
  while (out && in) {
    in.read(buffer.data(), buffer.size());
    out.write(buffer.data(), in.gcount());
  }
  out.close();
  if (!out) {
    error = "impossible d'écrire la copie temporaire de l'entrée dans " + dir.string() +
            " (disque plein ?) : définissez TMPDIR vers un dossier plus grand";
    return nullptr;
  }
  return spool;
}

SpoolFile::~SpoolFile() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

}  // namespace clausier::readers
