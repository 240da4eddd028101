#include "base/temp_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <system_error>

namespace clausier {

std::optional<std::filesystem::path> make_temp_file(std::string_view prefix, std::string& error) {
  std::error_code ec;
  const auto dir = std::filesystem::temp_directory_path(ec);
  if (ec) {
    error = "pas de dossier temporaire utilisable (" + ec.message() + ") : définissez TMPDIR";
    return std::nullopt;
  }
  std::string name = (dir / (std::string(prefix) + "-XXXXXX")).string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    error = "impossible de créer un fichier temporaire dans " + dir.string() + " : définissez TMPDIR";
    return std::nullopt;
  }
  ::close(fd);
  return std::filesystem::path(name);
}

SpillFile::SpillFile() {
  std::string ignored;  // no file: the bytes stay in memory
  if (const auto path = make_temp_file("clausier-passe", ignored)) {
    file_ = std::fopen(path->c_str(), "w+b");
    std::error_code unused;
    std::filesystem::remove(*path, unused);  // the open stream keeps the file until it closes
  }
}

SpillFile::~SpillFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void SpillFile::write(const void* data, std::size_t size) {
  if (file_ == nullptr) {
    memory_.append(static_cast<const char*>(data), size);
    return;
  }
  if (std::fwrite(data, 1, size, file_) != size) failed_ = true;
}

bool SpillFile::read(void* data, std::size_t size) {
  if (file_ != nullptr) return std::fread(data, 1, size, file_) == size;
  if (memory_.size() - memory_position_ < size) return false;
  std::memcpy(data, memory_.data() + memory_position_, size);
  memory_position_ += size;
  return true;
}

std::uint64_t SpillFile::tell() const {
  if (file_ == nullptr) return memory_position_;
  const long position = std::ftell(file_);
  return position < 0 ? 0 : static_cast<std::uint64_t>(position);
}

void SpillFile::seek(std::uint64_t position) {
  if (file_ == nullptr) {
    memory_position_ = std::min<std::size_t>(static_cast<std::size_t>(position), memory_.size());
    return;
  }
  // Also writes out what is buffered: a full disk shows here at the latest.
  if (std::fseek(file_, static_cast<long>(position), SEEK_SET) != 0) failed_ = true;
}

}  // namespace clausier
