#include "writers/zip_writer.hpp"

#include <zlib.h>

#include <algorithm>
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

ZipWriter::ZipWriter(const Date& date, std::ostream& out) : ZipWriter(date) { stream_ = &out; }

bool ZipWriter::flush() {
  if (stream_ == nullptr || out_.empty()) return true;
  stream_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
  written_ += out_.size();
  out_.clear();
  if (stream_->good()) return true;
  error_ = "écriture de l'archive interrompue (disque plein ?)";
  return false;
}

void ZipWriter::entry(std::string_view path, std::uint16_t flags, std::uint16_t method, std::uint32_t crc,
                      std::uint32_t packed, std::uint32_t size) {
  const auto at = static_cast<std::uint32_t>(offset());
  const auto fields = [&](std::string& h) {
    put16(h, 20);  // version needed: 2.0 (deflate)
    put16(h, flags);
    put16(h, method);
    put16(h, 0);  // time: midnight
    put16(h, dos_date_);
    put32(h, crc);
    put32(h, packed);
    put32(h, size);
    put16(h, static_cast<std::uint32_t>(path.size()));
    put16(h, 0);  // extra field
  };
  put32(out_, 0x04034b50);
  // With a data descriptor (bit 3), the local header's CRC and sizes are 0.
  if ((flags & 0x0008) != 0) {
    std::string header;
    fields(header);
    std::fill(header.begin() + 10, header.begin() + 22, '\0');
    out_ += header;
  } else {
    fields(out_);
  }
  out_ += path;

  put32(directory_, 0x02014b50);
  put16(directory_, 20);  // made by: MS-DOS/FAT attributes, version 2.0
  fields(directory_);
  put16(directory_, 0);  // comment
  put16(directory_, 0);  // disk
  put16(directory_, 0);  // internal attributes
  put32(directory_, 0);  // external attributes
  put32(directory_, at);
  directory_ += path;
  ++entries_;
}

bool ZipWriter::add(std::string_view path, std::string_view content, bool stored) {
  constexpr std::size_t limit = std::numeric_limits<std::uint32_t>::max();
  if (path.empty()) {
    error_ = "entrée sans nom";
    return false;
  }
  if (path.size() > 0xFFFF || content.size() >= limit || offset() >= limit || entries_ == 0xFFFF) {
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
  entry(path, flags, method, deflated.crc, static_cast<std::uint32_t>(data.size()),
        static_cast<std::uint32_t>(content.size()));
  out_ += data;
  return flush();
}

bool ZipWriter::add(std::string_view path, std::istream& in) {
  constexpr std::uint64_t limit = std::numeric_limits<std::uint32_t>::max();
  if (stream_ == nullptr) {
    error_ = "entrée « " + std::string(path) + " » : l'archive n'est pas écrite dans un flux";
    return false;
  }
  if (path.empty() || path.size() > 0xFFFF || offset() >= limit || entries_ == 0xFFFF) {
    error_ = "entrée « " + std::string(path) + " » impossible à mettre dans un zip de moins de 4 Gio";
    return false;
  }
  // Bit 3: CRC and sizes in a data descriptor after the data; bit 11: UTF-8 name.
  const std::uint16_t flags = static_cast<std::uint16_t>(0x0008 | (ascii(path) ? 0 : 0x0800));
  const std::uint64_t at = offset();
  entry(path, flags, 8, 0, 0, 0);
  if (!flush()) return false;

  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    error_ = "compression impossible de « " + std::string(path) + " »";
    return false;
  }
  std::string input(std::size_t{1} << 16, '\0');
  std::string output(std::size_t{1} << 16, '\0');
  std::uint32_t crc = 0;
  std::uint64_t size = 0;
  std::uint64_t packed = 0;
  int status = Z_OK;
  bool ok = true;
  while (ok && status != Z_STREAM_END) {
    in.read(input.data(), static_cast<std::streamsize>(input.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    const bool last = got < input.size();
    if (last && in.bad()) {
      error_ = "lecture impossible du contenu de « " + std::string(path) + " »";
      ok = false;
      break;
    }
    crc = static_cast<std::uint32_t>(
        crc32(crc, reinterpret_cast<const Bytef*>(input.data()), static_cast<uInt>(got)));
    size += got;
    z.next_in = reinterpret_cast<Bytef*>(input.data());
    z.avail_in = static_cast<uInt>(got);
    do {
      z.next_out = reinterpret_cast<Bytef*>(output.data());
      z.avail_out = static_cast<uInt>(output.size());
      status = deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
      const std::size_t produced = output.size() - z.avail_out;
      packed += produced;
      out_.append(output.data(), produced);
      ok = status != Z_STREAM_ERROR && flush();
    } while (ok && z.avail_out == 0);
  }
  deflateEnd(&z);
  if (!ok) return false;
  if (size >= limit || packed >= limit || at + packed >= limit) {
    error_ = "entrée « " + std::string(path) + " » impossible à mettre dans un zip de moins de 4 Gio";
    return false;
  }
  put32(out_, 0x08074b50);  // data descriptor
  put32(out_, crc);
  put32(out_, static_cast<std::uint32_t>(packed));
  put32(out_, static_cast<std::uint32_t>(size));
  // The directory has the real values: patch the record entry() wrote.
  const std::size_t record = directory_.size() - 46 - path.size();
  std::string fix;
  put32(fix, crc);
  put32(fix, static_cast<std::uint32_t>(packed));
  put32(fix, static_cast<std::uint32_t>(size));
  directory_.replace(record + 16, 12, fix);
  return flush();
}

std::string ZipWriter::finish() {
  const auto directory_at = static_cast<std::uint32_t>(offset());
  out_ += directory_;
  put32(out_, 0x06054b50);
  put16(out_, 0);  // this disk
  put16(out_, 0);  // disk of the directory
  put16(out_, entries_);
  put16(out_, entries_);
  put32(out_, static_cast<std::uint32_t>(directory_.size()));
  put32(out_, directory_at);
  put16(out_, 0);  // comment
  directory_.clear();
  if (stream_ != nullptr) {
    flush();
    return {};
  }
  return std::move(out_);
}

}  // namespace clausier::writers
