#include "writers/atomic_folder.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <system_error>

#include "base/paths.hpp"
#include "base/quoted.hpp"

namespace clausier::writers {
namespace {

namespace fs = std::filesystem;

std::string guillemets(const fs::path& p) { return fr::quoted(display_path(p)); }

// Removes the temporary folder however the writing ends.
class TempFolder {
 public:
  explicit TempFolder(fs::path path) : path_(std::move(path)) {}
  ~TempFolder() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }
  void release() { path_.clear(); }

 private:
  fs::path path_;
};

fs::path temp_beside(const fs::path& folder) {
  static std::atomic<unsigned> counter{0};
  const std::string name = "." + folder.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                           std::to_string(counter++);
  return folder.parent_path() / name;
}

std::string write_one(const fs::path& file, const std::string& content) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) return "impossible de créer " + guillemets(file) + " : vérifiez le dossier et les droits";
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) return "écriture interrompue de " + guillemets(file) + " (disque plein ?)";
  return {};
}

}  // namespace

std::string write_folder_atomic(const fs::path& target, const std::vector<FolderFile>& files) {
  std::error_code ec;
  // Absolute, so that "out/", "./out" and "." name a folder and its parent.
  fs::path folder = fs::absolute(target, ec).lexically_normal();
  if (!folder.has_filename()) folder = folder.parent_path();
  fs::create_directories(folder.parent_path(), ec);
  const auto status = fs::status(folder, ec);
  if (fs::exists(status) && !fs::is_directory(status))
    return guillemets(folder) + " existe et n'est pas un dossier : choisissez un autre dossier de sortie";

  TempFolder temp(temp_beside(folder));
  if (!fs::create_directory(temp.path(), ec) || ec)
    return "impossible de créer un dossier à côté de " + guillemets(folder) + " : vérifiez les droits";
  for (const FolderFile& file : files) {
    if (std::string error = write_one(temp.path() / file.path, file.content); !error.empty()) return error;
  }

  if (!fs::exists(status)) {
    fs::rename(temp.path(), folder, ec);
    if (ec) return "impossible de créer " + guillemets(folder) + " : " + ec.message();
    temp.release();
    return {};
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    const fs::path to = folder / files[i].path;
    fs::create_directories(to.parent_path(), ec);
    fs::rename(temp.path() / files[i].path, to, ec);
    if (ec) {
      return "impossible de remplacer " + guillemets(to) + " : " + ec.message() + " ; " + std::to_string(i) +
             " fichier(s) sur " + std::to_string(files.size()) + " déjà remplacé(s) dans " +
             guillemets(folder);
    }
  }
  return {};
}

}  // namespace clausier::writers
