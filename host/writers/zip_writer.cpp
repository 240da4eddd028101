#include "writers/zip_writer.hpp"

#include <zlib.h>

#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace clausier::writers {
namespace {

void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}

void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

struct Deflated {
  std::string bytes;
  std::uint32_t crc = 0;
};

// Raw deflate (no zlib header), level 6: within a few per cent of level 9,
// several times faster.
bool deflate_raw(std::string_view in, std::string& out) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
  out.resize(deflateBound(&z, static_cast<uLong>(in.size())));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return status == Z_STREAM_END;
}

std::uint32_t crc_of(std::string_view s) {
  return static_cast<std::uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size())));
}

// The contents deflated in this thread that came back: a content is
// remembered by its hash the first time, kept with its compressed bytes the
// second time.
class DeflateCache {
 public:
  bool get(std::string_view content, Deflated& out) {
    const std::size_t hash = std::hash<std::string_view>{}(content);
    if (const auto it = kept_.find(hash); it != kept_.end() && it->second.content == content) {
      out = it->second.deflated;
      return true;
    }
    out.crc = crc_of(content);
    if (!deflate_raw(content, out.bytes)) return false;
    if (!seen_.insert(hash).second && kept_bytes_ + content.size() <= max_kept_bytes) {
      kept_bytes_ += content.size() + out.bytes.size();
      kept_[hash] = Kept{std::string(content), out};
    }
    if (seen_.size() > max_seen) seen_.clear();
    return true;
  }

 private:
  static constexpr std::size_t max_kept_bytes = std::size_t{16} << 20;
  static constexpr std::size_t max_seen = 100'000;
  struct Kept {
    std::string content;
    Deflated deflated;
  };
  std::unordered_set<std::size_t> seen_;
  std::unordered_map<std::size_t, Kept> kept_;
  std::size_t kept_bytes_ = 0;
};

bool ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

ZipWriter::ZipWriter(const Date& date) {
  const int year = std::max(1980, date.year());
  dos_date_ = static_cast<std::uint16_t>(((year - 1980) << 9) | (date.month() << 5) | date.day());
}

bool ZipWriter::add(std::string_view path, std::string_view content, bool stored) {
  constexpr std::size_t limit = std::numeric_limits<std::uint32_t>::max();
  if (path.empty()) {
    error_ = "entrée sans nom";
    return false;
  }
  if (path.size() > 0xFFFF || content.size() >= limit || out_.size() >= limit || entries_ == 0xFFFF) {
    error_ = "entrée « " + std::string(path) + " » impossible à mettre dans un zip de moins de 4 Gio";
    return false;
  }
  thread_local DeflateCache cache;
  Deflated deflated;
  if (stored) {
    deflated.crc = crc_of(content);
  } else if (!cache.get(content, deflated)) {
    error_ = "compression impossible de « " + std::string(path) + " »";
    return false;
  }
  const std::string_view data = stored ? content : std::string_view(deflated.bytes);
  const std::uint16_t flags = ascii(path) ? 0 : 0x0800;  // bit 11: the name is UTF-8
  const std::uint16_t method = stored ? 0 : 8;
  const auto offset = static_cast<std::uint32_t>(out_.size());
  const auto fields = [&](std::string& h) {
    put16(h, 20);  // version needed: 2.0 (deflate)
    put16(h, flags);
    put16(h, method);
    put16(h, 0);  // time: midnight
    put16(h, dos_date_);
    put32(h, deflated.crc);
    put32(h, static_cast<std::uint32_t>(data.size()));
    put32(h, static_cast<std::uint32_t>(content.size()));
    put16(h, static_cast<std::uint32_t>(path.size()));
    put16(h, 0);  // extra field
  };
  put32(out_, 0x04034b50);
  fields(out_);
  out_ += path;
  out_ += data;

  put32(directory_, 0x02014b50);
  put16(directory_, 20);  // made by: MS-DOS/FAT attributes, version 2.0
  fields(directory_);
  put16(directory_, 0);  // comment
  put16(directory_, 0);  // disk
  put16(directory_, 0);  // internal attributes
  put32(directory_, 0);  // external attributes
  put32(directory_, offset);
  directory_ += path;
  ++entries_;
  return true;
}

std::string ZipWriter::finish() {
  const auto offset = static_cast<std::uint32_t>(out_.size());
  out_ += directory_;
  put32(out_, 0x06054b50);
  put16(out_, 0);  // this disk
  put16(out_, 0);  // disk of the directory
  put16(out_, entries_);
  put16(out_, entries_);
  put32(out_, static_cast<std::uint32_t>(directory_.size()));
  put32(out_, offset);
  put16(out_, 0);  // comment
  directory_.clear();
  return std::move(out_);
}

}  // namespace clausier::writers
