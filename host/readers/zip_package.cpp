#include "readers/zip_package.hpp"

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <unordered_map>

#include "base/french.hpp"
#include "base/quoted.hpp"
#include "readers/memory_stream.hpp"

namespace clausier::readers::sheet {
namespace {

constexpr std::uint32_t local_signature = 0x04034b50;
constexpr std::uint32_t central_signature = 0x02014b50;
constexpr std::uint32_t end_signature = 0x06054b50;
constexpr std::size_t end_size = 22;
constexpr std::size_t central_size = 46;
constexpr std::size_t local_size = 30;
constexpr std::uint64_t max_directory_bytes = 64ULL << 20;

constexpr const char* save_again = " : enregistrez de nouveau le classeur depuis votre tableur";

std::uint16_t u16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                    (static_cast<unsigned char>(b[at + 1]) << 8));
}
std::uint32_t u32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(u16(b, at)) | (static_cast<std::uint32_t>(u16(b, at + 2)) << 16);
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

[[noreturn]] void damaged(const std::string& detail) {
  throw Error("archive zip endommagée (" + detail + ")" + save_again);
}

[[noreturn]] void truncated() {
  throw Error(
      "la fin de l'archive zip est introuvable : le fichier est incomplet (tronqué lors d'une copie ou d'un "
      "envoi ?) ou endommagé ; enregistrez de nouveau le classeur depuis votre tableur");
}

[[noreturn]] void encrypted() {
  throw Error(
      "classeur protégé par un mot de passe : ouvrez-le dans votre tableur, enregistrez-le sans mot de passe "
      "et donnez ce fichier");
}

// Extra fields: a list of (id, size, data) that must fit.
void check_extra(std::string_view extra, const std::string& name) {
  std::size_t at = 0;
  while (extra.size() - at >= 4) {
    const std::uint16_t size = u16(extra, at + 2);
    at += 4;
    if (size > extra.size() - at) damaged("champ supplémentaire mal formé pour " + fr::quoted(name));
    at += size;
  }
}

struct EntryInfo {
  std::string name;
  std::uint16_t flags = 0;
  std::uint16_t method = 0;
  std::uint32_t crc = 0;
  std::uint64_t compressed = 0;
  std::uint64_t size = 0;
  std::uint64_t local_offset = 0;
  std::uint64_t data_offset = 0;  // after the local header, its name and extra field
};

}  // namespace

struct ZipPackage::Impl {
  SpreadsheetLimits limits;
  std::unique_ptr<std::istream> in;
  std::uint64_t file_size = 0;
  std::vector<EntryInfo> entries;
  std::unordered_map<std::string, std::size_t> by_name;
  std::unordered_map<std::string, std::size_t> by_folded;
  std::uint64_t total_read = 0;
  bool entry_open = false;

  std::string read_at(std::uint64_t offset, std::size_t size) {
    if (offset > file_size || size > file_size - offset) truncated();
    std::string out(size, '\0');
    in->clear();
    in->seekg(static_cast<std::streamoff>(offset));
    in->read(out.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::size_t>(in->gcount()) != size) truncated();
    return out;
  }

  void read_directory();
  void check_local_header(EntryInfo& e, std::uint64_t directory_offset);
};

void ZipPackage::Impl::read_directory() {
  if (file_size < end_size) truncated();
  const std::size_t tail_size =
      static_cast<std::size_t>(std::min<std::uint64_t>(file_size, end_size + 0xFFFF));
  const std::uint64_t tail_offset = file_size - tail_size;
  const std::string tail = read_at(tail_offset, tail_size);
  std::size_t end = std::string::npos;
  for (std::size_t at = tail_size - end_size + 1; at-- > 0;) {
    if (u32(tail, at) == end_signature && at + end_size + u16(tail, at + 20) <= tail_size) {
      end = at;
      break;
    }
  }
  if (end == std::string::npos) truncated();
  const std::uint16_t disk = u16(tail, end + 4);
  const std::uint16_t directory_disk = u16(tail, end + 6);
  const std::uint16_t count_here = u16(tail, end + 8);
  const std::uint16_t count = u16(tail, end + 10);
  const std::uint32_t directory_size = u32(tail, end + 12);
  const std::uint32_t directory_offset = u32(tail, end + 16);
  if (count == 0xFFFF || directory_size == 0xFFFFFFFF || directory_offset == 0xFFFFFFFF) {
    throw Error("archive au format ZIP64, non prise en charge" + std::string(save_again));
  }
  if (disk != 0 || directory_disk != 0 || count_here != count) damaged("archive en plusieurs volumes");
  if (count == 0) {
    throw Error("archive zip vide : le fichier ne contient aucune feuille" + std::string(save_again));
  }
  if (count > limits.max_entries) {
    throw Error("archive de " + fr::integer(count) + " éléments (au plus " + fr::integer(limits.max_entries) +
                ") : ce n'est pas un classeur ordinaire, il n'est pas lu");
  }
  const std::uint64_t end_offset = tail_offset + end;
  if (static_cast<std::uint64_t>(directory_offset) + directory_size > end_offset) truncated();
  if (directory_size > max_directory_bytes) damaged("répertoire trop grand");
  const std::string directory = read_at(directory_offset, directory_size);

  std::size_t at = 0;
  entries.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    if (directory.size() - at < central_size || u32(directory, at) != central_signature) {
      damaged("répertoire central illisible");
    }
    EntryInfo e;
    e.flags = u16(directory, at + 8);
    e.method = u16(directory, at + 10);
    e.crc = u32(directory, at + 16);
    const std::uint32_t compressed = u32(directory, at + 20);
    const std::uint32_t size = u32(directory, at + 24);
    const std::size_t name_length = u16(directory, at + 28);
    const std::size_t extra_length = u16(directory, at + 30);
    const std::size_t comment_length = u16(directory, at + 32);
    const std::uint32_t local_offset = u32(directory, at + 42);
    if (directory.size() - at - central_size < name_length + extra_length + comment_length) {
      damaged("répertoire central illisible");
    }
    e.name = directory.substr(at + central_size, name_length);
    std::replace(e.name.begin(), e.name.end(), '\\', '/');
    check_extra(std::string_view(directory).substr(at + central_size + name_length, extra_length), e.name);
    at += central_size + name_length + extra_length + comment_length;
    if (compressed == 0xFFFFFFFF || size == 0xFFFFFFFF || local_offset == 0xFFFFFFFF) {
      throw Error("archive au format ZIP64, non prise en charge" + std::string(save_again));
    }
    e.compressed = compressed;
    e.size = size;
    e.local_offset = local_offset;
    if ((e.flags & 0x0041) != 0 || e.method == 99) encrypted();  // traditional, strong or AES encryption
    if (e.name.empty()) damaged("élément sans nom");
    if (!by_name.emplace(e.name, entries.size()).second)
      damaged("élément " + fr::quoted(e.name) + " en double");
    by_folded.emplace(lower_ascii(e.name), entries.size());
    check_local_header(e, directory_offset);
    entries.push_back(std::move(e));
  }
}

void ZipPackage::Impl::check_local_header(EntryInfo& e, std::uint64_t directory_offset) {
  if (e.local_offset + local_size > directory_offset)
    damaged("en-tête de " + fr::quoted(e.name) + " hors du fichier");
  const std::string header = read_at(e.local_offset, local_size);
  if (u32(header, 0) != local_signature) damaged("en-tête de " + fr::quoted(e.name) + " introuvable");
  // Version needed, host system, compression method: what no spreadsheet writer leaves out of range.
  const auto version = static_cast<unsigned char>(header[4]);
  const auto host = static_cast<unsigned char>(header[5]);
  const std::uint16_t flags = u16(header, 6);
  const std::uint16_t method = u16(header, 8);
  if (version / 10 > 4 || host >= 18) damaged("version de " + fr::quoted(e.name) + " inconnue");
  if ((flags & 0x0041) != 0 || method == 99) encrypted();
  if (method != e.method) damaged("méthode de compression incohérente pour " + fr::quoted(e.name));
  const std::size_t name_length = u16(header, 26);
  const std::size_t extra_length = u16(header, 28);
  const std::uint64_t data_start = e.local_offset + local_size + name_length + extra_length;
  if (data_start > directory_offset || e.compressed > directory_offset - data_start) {
    damaged("données de " + fr::quoted(e.name) + " hors du fichier");
  }
  const std::string rest = read_at(e.local_offset + local_size, name_length + extra_length);
  check_extra(std::string_view(rest).substr(name_length), e.name);
  e.data_offset = data_start;
}

ZipPackage::ZipPackage(const Bytes& bytes, const SpreadsheetLimits& limits)
    : impl_(std::make_unique<Impl>()) {
  impl_->limits = limits;
  if (bytes.content) {
    impl_->in = std::make_unique<MemoryStream>(bytes.content);
    impl_->file_size = bytes.content->size();
  } else {
    auto file = std::make_unique<std::ifstream>(bytes.path, std::ios::binary);
    if (!*file) throw Error("le fichier ne peut pas être lu : vérifiez qu'il existe et les droits d'accès");
    file->seekg(0, std::ios::end);
    const std::streamoff size = file->tellg();
    if (size < 0) throw Error("le fichier ne peut pas être lu : vérifiez qu'il existe et les droits d'accès");
    impl_->file_size = static_cast<std::uint64_t>(size);
    impl_->in = std::move(file);
  }
  impl_->read_directory();
}

ZipPackage::~ZipPackage() = default;

std::optional<std::string> ZipPackage::find(std::string_view name) const {
  std::string wanted(name);
  if (!wanted.empty() && wanted.front() == '/') wanted.erase(0, 1);
  if (impl_->by_name.contains(wanted)) return wanted;
  const auto folded = impl_->by_folded.find(lower_ascii(wanted));
  if (folded == impl_->by_folded.end()) return std::nullopt;
  return impl_->entries[folded->second].name;
}

std::vector<std::string> ZipPackage::names() const {
  std::vector<std::string> out;
  out.reserve(impl_->entries.size());
  for (const EntryInfo& e : impl_->entries) out.push_back(e.name);
  return out;
}

namespace {

// One entry read straight from the archive: stored bytes copied, deflated
// ones inflated with zlib (raw deflate, as zip stores it) into the caller's
// buffer, the CRC-32 computed on the way and checked at the end.
class InflatingEntry final : public ZipEntry {
 public:
  InflatingEntry(std::istream& in, const EntryInfo& info, const SpreadsheetLimits& limits,
                 std::uint64_t& total, bool& open_flag, bool verify_crc)
      : in_(in), info_(info), limits_(limits), total_(total), open_flag_(open_flag), verify_crc_(verify_crc) {
    if (info.method != 0 && info.method != 8) {
      throw Error("l'élément " + fr::quoted(info.name) +
                      " est compressé par une méthode non prise en charge (n° " +
                      std::to_string(info.method) + ")" + save_again,
                  info.name);
    }
    if (info.size > limits.max_entry_bytes) {
      throw Error("l'élément " + fr::quoted(info.name) + " ferait " + megabytes(info.size) +
                      " une fois décompressé (au plus " + megabytes(limits.max_entry_bytes) +
                      ") : le classeur n'est pas lu",
                  info.name);
    }
    check_ratio(info.size);
    if (info.method == 8) {
      if (inflateInit2(&stream_, -MAX_WBITS) != Z_OK) unreadable();
      inflating_ = true;
      input_.resize(input_chunk);
    }
    open_flag_ = true;
  }
  ~InflatingEntry() override {
    if (inflating_) inflateEnd(&stream_);
    open_flag_ = false;
  }
  InflatingEntry(const InflatingEntry&) = delete;
  InflatingEntry& operator=(const InflatingEntry&) = delete;

  std::size_t read(char* out, std::size_t size) override {
    if (done_ || size == 0) return 0;
    // One byte more than the entry may still give: a longer one is caught.
    const std::uint64_t allowed = info_.size - std::min(produced_, info_.size) + 1;
    size = static_cast<std::size_t>(std::min<std::uint64_t>(size, allowed));
    const std::size_t got = inflating_ ? inflate_into(out, size) : copy_into(out, size);
    if (verify_crc_) crc_ = crc32_z(crc_, reinterpret_cast<const Bytef*>(out), got);
    produced_ += got;
    total_ += got;
    if (produced_ > info_.size) {
      throw Error(
          "l'élément " + fr::quoted(info_.name) +
              " est plus grand que ce qu'annonce l'archive : fichier endommagé ou malveillant, non lu",
          info_.name);
    }
    if (total_ > limits_.max_total_bytes) {
      throw Error(
          "le classeur décompressé dépasse " + megabytes(limits_.max_total_bytes) + " : il n'est pas lu",
          info_.name);
    }
    if (got < size) {
      done_ = true;
      if (produced_ != info_.size || (verify_crc_ && crc_ != info_.crc)) unreadable();
    }
    return got;
  }

  [[nodiscard]] const std::string& name() const override { return info_.name; }

 private:
  static constexpr std::size_t input_chunk = 64 * 1024;

  // Up to `size` bytes of the entry's data as stored, from where the last read ended.
  std::size_t raw(char* out, std::size_t size) {
    const std::uint64_t left = info_.compressed - consumed_;
    size = static_cast<std::size_t>(std::min<std::uint64_t>(size, left));
    if (size == 0) return 0;
    in_.clear();
    in_.seekg(static_cast<std::streamoff>(info_.data_offset + consumed_));
    in_.read(out, static_cast<std::streamsize>(size));
    const auto got = static_cast<std::size_t>(std::max<std::streamsize>(in_.gcount(), 0));
    if (got != size) unreadable();  // the directory said the data was there
    consumed_ += got;
    return got;
  }

  std::size_t copy_into(char* out, std::size_t size) {
    std::size_t got = 0;
    while (got < size) {
      const std::size_t n = raw(out + got, size - got);
      if (n == 0) break;
      got += n;
    }
    return got;
  }

  std::size_t inflate_into(char* out, std::size_t size) {
    stream_.next_out = reinterpret_cast<Bytef*>(out);
    stream_.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1U << 30));
    const uInt wanted = stream_.avail_out;
    while (stream_.avail_out > 0 && !ended_) {
      if (stream_.avail_in == 0) {
        const std::size_t n = raw(input_.data(), input_.size());
        if (n == 0) unreadable();  // the compressed data stops before its end
        stream_.next_in = reinterpret_cast<Bytef*>(input_.data());
        stream_.avail_in = static_cast<uInt>(n);
      }
      const int status = inflate(&stream_, Z_NO_FLUSH);
      if (status == Z_STREAM_END) {
        ended_ = true;
      } else if (status != Z_OK) {
        unreadable();  // Z_DATA_ERROR, Z_NEED_DICT, Z_MEM_ERROR, Z_BUF_ERROR
      }
    }
    return wanted - stream_.avail_out;
  }

  void check_ratio(std::uint64_t bytes) const {
    if (bytes <= limits_.ratio_free_bytes) return;
    const std::uint64_t compressed = std::max<std::uint64_t>(info_.compressed, 1);
    if (bytes / compressed <= limits_.max_ratio) return;
    throw Error("l'élément " + fr::quoted(info_.name) + " se décompresse " +
                    fr::integer(static_cast<std::int64_t>(bytes / compressed)) +
                    " fois plus gros que sa taille compressée (au plus " + fr::integer(limits_.max_ratio) +
                    " fois) : le fichier ressemble à une bombe de décompression et n'est pas lu",
                info_.name);
  }

  [[noreturn]] void unreadable() const {
    throw Error("l'élément " + fr::quoted(info_.name) + " est endommagé (données compressées illisibles)" +
                    save_again,
                info_.name);
  }

  std::istream& in_;
  EntryInfo info_;
  SpreadsheetLimits limits_;
  std::uint64_t& total_;
  bool& open_flag_;
  bool verify_crc_;
  z_stream stream_{};
  bool inflating_ = false;
  bool ended_ = false;
  std::vector<char> input_;
  std::uint64_t consumed_ = 0;  // bytes of stored data read
  std::uint64_t produced_ = 0;  // bytes given
  uLong crc_ = crc32_z(0, nullptr, 0);
  bool done_ = false;
};

}  // namespace

std::unique_ptr<ZipEntry> ZipPackage::open(std::string_view name, Checksum checksum) {
  const auto stored = find(name);
  if (!stored)
    throw Error("élément " + fr::quoted(name) + " absent du classeur" + save_again, std::string(name));
  if (impl_->entry_open) throw Error("lecture de deux éléments à la fois (erreur interne)", *stored);
  const EntryInfo& info = impl_->entries[impl_->by_name.at(*stored)];
  return std::make_unique<InflatingEntry>(*impl_->in, info, impl_->limits, impl_->total_read,
                                          impl_->entry_open, checksum == Checksum::verify);
}

std::string ZipPackage::read_small(std::string_view name, std::size_t max_bytes) {
  auto entry = open(name);
  std::string out;
  char buf[16384];
  for (;;) {
    const std::size_t got = entry->read(buf, sizeof buf);
    if (got == 0) break;
    if (out.size() + got > max_bytes) {
      throw Error(
          "l'élément " + fr::quoted(entry->name()) + " est anormalement grand : le classeur n'est pas lu",
          entry->name());
    }
    out.append(buf, got);
  }
  return out;
}

}  // namespace clausier::readers::sheet
