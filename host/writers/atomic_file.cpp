#include "writers/atomic_file.hpp"

#include <unistd.h>

#include <atomic>
#include <system_error>

#include "base/paths.hpp"

namespace clausier::writers {
namespace {

std::filesystem::path temp_beside(const std::filesystem::path& target) {
  static std::atomic<unsigned> counter{0};
  auto name = target.filename().string();
  name = "." + name + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  return target.parent_path() / name;
}

// A target that exists and is neither a regular file nor a folder: a device
// or a pipe, written in place.
bool is_special(const std::filesystem::path& target) {
  std::error_code ec;
  const auto status = std::filesystem::status(target, ec);
  return !ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
         !std::filesystem::is_directory(status);
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target)
    : target_(std::move(target)),
      temp_(is_special(target_) ? std::filesystem::path() : temp_beside(target_)) {
  std::error_code ec;
  if (!temp_.empty() && target_.has_parent_path())
    std::filesystem::create_directories(target_.parent_path(), ec);
  // A large buffer: evaluation outputs of a million lots are written lot by
  // lot, a few kilobytes each; the default one made two system calls a lot.
  buffer_ = std::make_unique<char[]>(buffer_size);
  out_.rdbuf()->pubsetbuf(buffer_.get(), buffer_size);
  out_.open(temp_.empty() ? target_ : temp_, std::ios::binary | std::ios::trunc);
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !temp_.empty()) {
    if (out_.is_open()) out_.close();
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
}

std::string AtomicFile::commit() {
  if (!out_.is_open())
    return "impossible d'écrire « " + display_path(target_) + " » : vérifiez le dossier et les droits";
  out_.flush();
  const bool good = out_.good();
  out_.close();
  if (!good) return "écriture interrompue de « " + display_path(target_) + " » (disque plein ?)";
  if (temp_.empty()) {
    committed_ = true;
    return {};
  }
  std::error_code ec;
  std::filesystem::rename(temp_, target_, ec);
  if (ec) return "impossible de remplacer « " + display_path(target_) + " » : " + ec.message();
  committed_ = true;
  return {};
}

std::string write_file_atomic(const std::filesystem::path& target, std::string_view content) {
  AtomicFile file(target);
  if (!file.is_open())
    return "impossible de créer « " + display_path(target) + " » : vérifiez le dossier et les droits";
  file.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  return file.commit();
}

}  // namespace clausier::writers
