#include "readers/spool.hpp"

#include <array>
#include <fstream>
#include <system_error>

#include "base/temp_file.hpp"

namespace clausier::readers {

std::shared_ptr<const SpoolFile> SpoolFile::copy(std::istream& in, std::string& error) {
  const auto name = make_temp_file("clausier-entree", error);
  if (!name) return nullptr;
  std::shared_ptr<const SpoolFile> spool(new SpoolFile(*name));
  std::ofstream out(*name, std::ios::binary | std::ios::trunc);
  std::array<char, 1 << 16> buffer{};
  while (out && in) {
    in.read(buffer.data(), buffer.size());
    out.write(buffer.data(), in.gcount());
  }
  out.close();
  if (!out) {
    error = "impossible d'écrire la copie temporaire de l'entrée dans " + name->parent_path().string() +
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
