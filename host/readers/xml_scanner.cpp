#include "readers/xml_scanner.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace clausier::readers::sheet {
namespace {

constexpr std::size_t initial_buffer = 256 * 1024;
constexpr std::size_t max_tag_bytes = 10'000'000;
constexpr std::size_t max_buffer = max_tag_bytes + initial_buffer;
constexpr std::size_t max_name_bytes = 50'000;
constexpr std::size_t max_depth = 256;
constexpr std::size_t max_reference_bytes = 32;  // "&#x0000000010FFFF;" and the like

// Bytes of names: ASCII letters, digits, "_:.-", and any byte of a UTF-8
// sequence (names in workbook parts are ASCII; others are let through).
constexpr std::array<bool, 256> name_bytes = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                     (c >= '0' && c <= '9') || c == '_' || c == ':' || c == '.' || c == '-' ||
                                     c >= 0x80;
  }
  return t;
}();

bool is_name_byte(char c) { return name_bytes[static_cast<unsigned char>(c)]; }
bool is_name_start(char c) { return is_name_byte(c) && !(c >= '0' && c <= '9') && c != '.' && c != '-'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The byte loops of the scanner, 16 bytes at a time where SSE2 is there
// (every x86-64): the large parts of a workbook are mostly long names and
// attribute values (ODS writes "office:value-type" on every cell).
#if defined(__SSE2__)
// Bytes of `v` (unsigned) in [lo, hi], as a mask of 0xFF bytes.
__m128i in_range(__m128i v, unsigned char lo, unsigned char hi) {
  const __m128i shifted = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8(static_cast<char>(hi - lo))), shifted);
}
__m128i load16(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
int first_set(int mask) { return __builtin_ctz(static_cast<unsigned>(mask)); }
#endif

// The first byte from `p` that is not a name byte (see name_bytes), or
// `stop`; `colon` is set to the last ':' before it, when there is one.
const char* end_of_name(const char* p, const char* stop, const char*& colon) {
#if defined(__SSE2__)
  while (stop - p >= 16) {
    const __m128i x = load16(p);
    const int colons = _mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(':')));
    __m128i ok = in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z');
    ok = _mm_or_si128(ok, in_range(x, '0', ':'));  // digits and ':'
    ok = _mm_or_si128(ok, in_range(x, '-', '.'));
    ok = _mm_or_si128(ok, _mm_cmpeq_epi8(x, _mm_set1_epi8('_')));
    ok = _mm_or_si128(ok, _mm_cmplt_epi8(x, _mm_setzero_si128()));  // bytes of UTF-8 sequences
    const int stops = ~_mm_movemask_epi8(ok) & 0xFFFF;
    const int before = stops != 0 ? colons & ((1 << first_set(stops)) - 1) : colons;
    if (before != 0) colon = p + (31 - __builtin_clz(static_cast<unsigned>(before)));
    if (stops != 0) return p + first_set(stops);
    p += 16;
  }
#endif
  while (p < stop && is_name_byte(*p)) {
    if (*p == ':') colon = p;
    ++p;
  }
  return p;
}

const char* end_of_name(const char* p, const char* stop) {
  const char* colon = nullptr;
  return end_of_name(p, stop, colon);
}

// The first byte from `p` that is `quote`, '<', '&' or a control character
// (below 0x20), or `stop`: what an attribute value's scan looks at.
const char* next_in_value(const char* p, const char* stop, char quote) {
#if defined(__SSE2__)
  const __m128i q = _mm_set1_epi8(quote);
  while (stop - p >= 16) {
    const __m128i x = load16(p);
    __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(x, q), _mm_cmpeq_epi8(x, _mm_set1_epi8('<')));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, _mm_set1_epi8('&')));
    hit = _mm_or_si128(hit, in_range(x, 0, 0x1F));
    if (const int m = _mm_movemask_epi8(hit); m != 0) return p + first_set(m);
    p += 16;
  }
#endif
  while (p < stop && *p != quote && *p != '<' && *p != '&' && static_cast<unsigned char>(*p) >= 0x20) ++p;
  return p;
}

// The first '<', '&' or '\r' from `p`, or `stop`: the end of a run of text.
const char* end_of_text_run(const char* p, const char* stop) {
#if defined(__SSE2__)
  while (stop - p >= 16) {
    const __m128i x = load16(p);
    __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('<')), _mm_cmpeq_epi8(x, _mm_set1_epi8('&')));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, _mm_set1_epi8('\r')));
    if (const int m = _mm_movemask_epi8(hit); m != 0) return p + first_set(m);
    p += 16;
  }
#endif
  while (p < stop && *p != '<' && *p != '&' && *p != '\r') ++p;
  return p;
}

// The length of the leading run of printable ASCII (0x20 to 0x7F) of `s`.
std::size_t printable_ascii_prefix(std::string_view s) {
  std::size_t i = 0;
#if defined(__SSE2__)
  while (s.size() - i >= 16) {
    const __m128i x = load16(s.data() + i);
    const __m128i bad = _mm_or_si128(_mm_cmplt_epi8(x, _mm_setzero_si128()), in_range(x, 0, 0x1F));
    if (const int m = _mm_movemask_epi8(bad); m != 0) return i + static_cast<std::size_t>(first_set(m));
    i += 16;
  }
#endif
  while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x20 && static_cast<unsigned char>(s[i]) < 0x80)
    ++i;
  return i;
}

// Bytes that end a run inside a tag skipped whole: its end, a quote, or a
// '<' that has no place there.
constexpr std::array<bool, 256> tag_bytes = [] {
  std::array<bool, 256> t{};
  for (const char c : {'>', '"', '\'', '<'}) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

// Bytes of an attribute value that call for a closer look: '<' (never
// allowed), '&' (a reference), white space other than ' ' (normalised).
constexpr std::array<bool, 256> attribute_bytes = [] {
  std::array<bool, 256> t{};
  for (const char c : {'<', '&', '\t', '\n', '\r'}) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

bool is_xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

void put_utf8(std::uint32_t c, char* out, std::size_t& n) {
  if (c < 0x80) {
    out[n++] = static_cast<char>(c);
  } else if (c < 0x800) {
    out[n++] = static_cast<char>(0xC0 | (c >> 6));
    out[n++] = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out[n++] = static_cast<char>(0xE0 | (c >> 12));
    out[n++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[n++] = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out[n++] = static_cast<char>(0xF0 | (c >> 18));
    out[n++] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out[n++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[n++] = static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Decodes the reference at the start of `s` ("&amp;", "&#233;", "&#x20AC;")
// into `out` (at most 4 bytes). Returns the length of the reference, 0 when
// it is not one XML allows without a DTD.
std::size_t decode_reference(std::string_view s, char* out, std::size_t& n) {
  const std::size_t semicolon = s.find(';');
  if (semicolon == std::string_view::npos || semicolon < 2) return 0;
  const std::string_view body = s.substr(1, semicolon - 1);
  n = 0;
  if (body[0] != '#') {
    static constexpr std::array<std::pair<std::string_view, char>, 5> predefined = {
        {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}}};
    for (const auto& [entity, c] : predefined) {
      if (body == entity) {
        out[n++] = c;
        return semicolon + 1;
      }
    }
    return 0;
  }
  const bool hex = body.size() > 1 && body[1] == 'x';
  const std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty()) return 0;
  std::uint32_t code = 0;
  for (const char c : digits) {
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (d < 0) return 0;
    code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    if (code > 0x10FFFF) return 0;
  }
  if (!is_xml_char(code)) return 0;
  put_utf8(code, out, n);
  return semicolon + 1;
}

// True when `s` is UTF-8 made of characters XML allows (no control
// character but tab and line ends, no surrogate, no U+FFFE or U+FFFF).
bool valid_text(std::string_view s) {
  s.remove_prefix(printable_ascii_prefix(s));
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = p + s.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c >= 0x20 && c < 0x80) {
      ++p;
      continue;
    }
    if (c < 0x20) {
      if (c != '\t' && c != '\n' && c != '\r') return false;
      ++p;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      code = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      code = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      code = c & 0x07;
    } else {
      return false;
    }
    if (static_cast<std::size_t>(end - p) < length) return false;
    for (std::size_t i = 1; i < length; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      code = (code << 6) | (p[i] & 0x3F);
    }
    const std::uint32_t least = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (code < least || !is_xml_char(code)) return false;  // overlong, surrogate, beyond U+10FFFF
    p += length;
  }
  return true;
}

// The encoding an XML declaration names ("" when none).
std::string_view declared_encoding(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  if (!head.starts_with("<?xml")) return {};
  const std::size_t close = head.find("?>");
  const std::string_view decl = head.substr(0, close);
  const std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  std::size_t i = at + 8;
  while (i < decl.size() && (is_space(decl[i]) || decl[i] == '=')) ++i;
  if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return {};
  const std::size_t end = decl.find(decl[i], i + 1);
  if (end == std::string_view::npos) return {};
  return decl.substr(i + 1, end - i - 1);
}

bool is_utf8_name(std::string_view encoding) {
  std::string lower;
  for (const char c : encoding) lower += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return lower.empty() || lower == "utf-8" || lower == "utf8" || lower == "us-ascii" || lower == "ascii";
}

}  // namespace

XmlScanner::XmlScanner(ZipEntry& entry, XmlReader::Source source) : entry_(entry), source_(source) {
  const std::string head = read_xml_prolog(entry, source);
  if (const std::string_view encoding = declared_encoding(head); !is_utf8_name(encoding)) {
    throw Error(unsupported_encoding(entry.name(), encoding.substr(0, 40), source), entry.name());
  }
  buf_.resize(std::max(initial_buffer, head.size()));
  std::memcpy(buf_.data(), head.data(), head.size());
  end_ = head.size();
  if (std::string_view(head).starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

void XmlScanner::damaged() const { throw damaged_xml(part(), line(), source_); }

int XmlScanner::line() const {
  std::uint64_t lines = lines_before_;
  const char* p = buf_.data();
  const char* const stop = buf_.data() + std::min(pos_, end_);
  while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(stop - p)))) !=
         nullptr) {
    ++lines;
    ++p;
  }
  return static_cast<int>(std::min<std::uint64_t>(lines + 1, 0x7FFFFFFF));
}

// Drops the bytes read, then reads more after those kept (the buffer grows
// when a tag fills it). False at the end of the entry.
bool XmlScanner::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    const char* p = buf_.data();
    const char* const stop = buf_.data() + pos_;
    while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(stop - p)))) !=
           nullptr) {
      ++lines_before_;
      ++p;
    }
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == buf_.size()) {
    if (buf_.size() >= max_buffer) damaged();  // a tag of more than 10 Mo
    buf_.resize(std::min(buf_.size() * 2, max_buffer));
  }
  const std::size_t before = end_;
  while (end_ < buf_.size()) {  // as much as there is room for: a tag read again gets all of it
    std::size_t got = 0;
    try {
      got = entry_.read(buf_.data() + end_, buf_.size() - end_);
    } catch (const Error&) {
      entry_failed_ = true;
      throw;
    }
    if (got == 0) {
      eof_ = true;
      break;
    }
    end_ += got;
  }
  return end_ > before;
}

bool XmlScanner::ensure(std::size_t bytes) {
  while (end_ - pos_ < bytes) {
    if (!fill()) return false;
  }
  return true;
}

std::string_view XmlScanner::ahead(std::size_t bytes) {
  ensure(bytes);
  return {buf_.data() + pos_, end_ - pos_};
}

// Moves past the next `terminator` (of a comment, CDATA section or
// processing instruction).
void XmlScanner::skip_past(std::string_view terminator) {
  for (;;) {
    const std::string_view rest(buf_.data() + pos_, end_ - pos_);
    const std::size_t at = rest.find(terminator);
    if (at != std::string_view::npos) {
      pos_ += at + terminator.size();
      return;
    }
    if (rest.size() >= terminator.size()) pos_ = end_ - (terminator.size() - 1);
    if (!fill()) damaged();
  }
}

void XmlScanner::check_outside_root(std::string_view text) {
  const auto visible = std::find_if_not(text.begin(), text.end(), is_space);
  if (visible == text.end()) return;
  pos_ = static_cast<std::size_t>(text.data() + (visible - text.begin()) - buf_.data());
  damaged();
}

bool XmlScanner::next() {
  for (;;) {
    const char* const from = buf_.data() + pos_;
    const char* lt = from;
    if (pos_ == end_ || *from != '<') {  // text (often none between two tags)
      lt = static_cast<const char*>(std::memchr(from, '<', end_ - pos_));
      if (lt == nullptr) {
        if (open_ends_.empty()) check_outside_root(std::string_view(from, end_ - pos_));
        pos_ = end_;
        if (fill()) continue;
        if (!open_ends_.empty() || !root_seen_) damaged();  // cut short, or no element at all
        return false;
      }
      if (open_ends_.empty()) check_outside_root(std::string_view(from, static_cast<std::size_t>(lt - from)));
      pos_ = static_cast<std::size_t>(lt - buf_.data());
    }
    if (skip_markup()) continue;
    scan_tag();
    return true;
  }
}

// At '<': moves past a comment, a CDATA section or a processing instruction
// and returns true; false for a tag.
bool XmlScanner::skip_markup() {
  if (!ensure(2)) damaged();
  const char c = buf_[pos_ + 1];
  if (c == '?') {
    pos_ += 2;
    skip_past("?>");
    return true;
  }
  if (c != '!') return false;
  if (ensure(4) && std::memcmp(buf_.data() + pos_, "<!--", 4) == 0) {
    pos_ += 4;
    skip_past("-->");
    return true;
  }
  if (!open_ends_.empty() && ensure(9) && std::memcmp(buf_.data() + pos_, "<![CDATA[", 9) == 0) {
    pos_ += 9;
    skip_past("]]>");
    return true;
  }
  damaged();  // a declaration (DOCTYPE, ENTITY) inside the document
}

void XmlScanner::scan_tag() {
  while (!try_scan_tag()) {
    if (!fill()) damaged();  // the document ends inside a tag
  }
}

// Reads the tag at pos_ ('<'): false when it runs past the bytes in the
// buffer (nothing is changed then).
bool XmlScanner::try_scan_tag() {
  const char* const begin = buf_.data() + pos_;
  const char* const stop = buf_.data() + end_;
  if (begin[1] == '/') return try_scan_end_tag(begin, stop);
  const char* colon = nullptr;
  const char* p = end_of_name(begin + 1, stop, colon);
  if (p == stop) return false;
  const std::string_view qname(begin + 1, static_cast<std::size_t>(p - begin - 1));
  if (qname.empty() || qname.size() > max_name_bytes || !is_name_start(qname[0])) damaged();
  attribute_count_ = 0;
  declarations_.clear();
  bool empty = false;
  for (;;) {
    const char* const before = p;
    while (p < stop && is_space(*p)) ++p;
    if (p == stop) return false;
    if (*p == '>') {
      ++p;
      break;
    }
    if (*p == '/') {
      if (p + 1 == stop) return false;
      if (p[1] != '>') damaged();
      p += 2;
      empty = true;
      break;
    }
    if (p == before || !is_name_start(*p)) damaged();  // attributes follow white space
    const char* const name_begin = p;
    p = end_of_name(p, stop);
    const std::string_view name(name_begin, static_cast<std::size_t>(p - name_begin));
    while (p < stop && is_space(*p)) ++p;
    if (p == stop) return false;
    if (*p != '=') damaged();
    ++p;
    while (p < stop && is_space(*p)) ++p;
    if (p == stop) return false;
    const char quote = *p;
    if (quote != '"' && quote != '\'') damaged();
    const char* const value_begin = ++p;
    bool needs_decoding = false;
    for (;;) {
      p = next_in_value(p, stop, quote);
      if (p == stop || *p == quote) break;
      if (attribute_bytes[static_cast<unsigned char>(*p)]) {
        if (*p == '<') damaged();
        needs_decoding = true;  // a reference, or white space to normalise
      }
      ++p;
    }
    if (p == stop) return false;
    const std::string_view value(value_begin, static_cast<std::size_t>(p - value_begin));
    ++p;
    if (name.size() > max_name_bytes) damaged();
    if (name == "xmlns" || name.starts_with("xmlns:")) {  // declarations, not attributes
      declarations_.push_back({name.substr(std::min<std::size_t>(name.size(), 6)), value, false});
      continue;
    }
    if (attribute_count_ == attributes_.size()) attributes_.emplace_back();
    attributes_[attribute_count_++] = {name, value, needs_decoding};
  }
  pos_ = static_cast<std::size_t>(p - buf_.data());
  start_ = true;
  empty_ = empty;
  name_ = colon == nullptr ? qname : qname.substr(static_cast<std::size_t>(colon - begin));
  qname_ = qname;
  if (open_ends_.empty() && root_seen_) damaged();  // a second root element
  root_seen_ = true;
  depth_ = open_ends_.size();
  if (!empty) {
    if (open_ends_.size() >= max_depth) damaged();
    open_names_.append(qname);
    open_ends_.push_back(static_cast<std::uint32_t>(open_names_.size()));
  }
  return true;
}

// "</name>" or "</name >": the name must be the open element's.
bool XmlScanner::try_scan_end_tag(const char* begin, const char* stop) {
  if (open_ends_.empty()) damaged();
  const std::size_t top_begin = open_ends_.size() > 1 ? open_ends_[open_ends_.size() - 2] : 0;
  const std::string_view open(open_names_.data() + top_begin, open_names_.size() - top_begin);
  const char* p = begin + 2;
  if (static_cast<std::size_t>(stop - p) <= open.size()) return false;
  if (std::memcmp(p, open.data(), open.size()) != 0) damaged();  // not the element open
  p += open.size();
  while (p < stop && is_space(*p)) ++p;
  if (p == stop) return false;
  if (*p != '>') damaged();
  const std::string_view qname(begin + 2, open.size());
  const std::size_t colon = qname.rfind(':');
  name_ = colon == std::string_view::npos ? qname : qname.substr(colon + 1);
  qname_ = qname;
  pos_ = static_cast<std::size_t>(p + 1 - buf_.data());
  start_ = false;
  empty_ = false;
  attribute_count_ = 0;
  open_names_.resize(top_begin);
  open_ends_.pop_back();
  depth_ = open_ends_.size();
  return true;
}

void XmlScanner::append_reference(std::string& out, std::size_t cap, bool& cut) {
  ensure(max_reference_bytes);  // fewer at the end of the entry: the reference is checked below
  const std::string_view rest(buf_.data() + pos_, std::min(end_ - pos_, max_reference_bytes));
  char bytes[4];
  std::size_t n = 0;
  const std::size_t length = decode_reference(rest, bytes, n);
  if (length == 0) damaged();  // an entity declared nowhere, or a malformed reference
  append_capped(out, std::string_view(bytes, n), cap, cut);
  pos_ += length;
}

std::string_view XmlScanner::decode_attribute(std::string_view raw) {
  decoded_.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '&') {
      char bytes[4];
      std::size_t n = 0;
      const std::size_t length = decode_reference(raw.substr(i, max_reference_bytes), bytes, n);
      if (length == 0) damaged();
      decoded_.append(bytes, n);
      i += length - 1;
    } else {
      decoded_ += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;  // attribute value normalisation
    }
  }
  return decoded_;
}

// Appends the text ahead (references decoded, line ends normalised, CDATA
// sections as they are, comments and processing instructions left out) to
// `out`, up to the next tag, then reads that tag.
void XmlScanner::text_then_tag(std::string& out, std::size_t cap, bool& cut) {
  for (;;) {
    const char* const run = buf_.data() + pos_;
    const char* const stop = buf_.data() + end_;
    const char* p = run;
    p = end_of_text_run(p, stop);
    if (p != run) append_capped(out, std::string_view(run, static_cast<std::size_t>(p - run)), cap, cut);
    pos_ = static_cast<std::size_t>(p - buf_.data());
    if (p == stop) {
      if (!fill()) damaged();  // the document ends inside the element
      continue;
    }
    if (*p == '&') {
      append_reference(out, cap, cut);
      continue;
    }
    if (*p == '\r') {  // line ends: "\r\n" and "\r" read as "\n"
      ensure(2);
      pos_ += end_ - pos_ >= 2 && buf_[pos_ + 1] == '\n' ? 2 : 1;
      append_capped(out, "\n", cap, cut);
      continue;
    }
    if (ensure(2) && buf_[pos_ + 1] == '!' && ensure(9) &&
        std::memcmp(buf_.data() + pos_, "<![CDATA[", 9) == 0) {
      pos_ += 9;
      for (;;) {  // the section's bytes as they are
        const std::string_view rest(buf_.data() + pos_, end_ - pos_);
        const std::size_t close = rest.find("]]>");
        if (close != std::string_view::npos) {
          append_capped(out, rest.substr(0, close), cap, cut);
          pos_ += close + 3;
          break;
        }
        const std::size_t keep = std::min<std::size_t>(rest.size(), 2);
        append_capped(out, rest.substr(0, rest.size() - keep), cap, cut);
        pos_ = end_ - keep;
        if (!fill()) damaged();
      }
      continue;
    }
    if (skip_markup()) continue;  // a comment or processing instruction
    scan_tag();
    return;
  }
}

void XmlScanner::read_text(std::string& out, std::size_t cap, bool& cut) {
  if (!start_ || empty_) return;
  const std::size_t from = out.size();
  for (;;) {
    text_then_tag(out, cap, cut);
    if (is_end()) break;  // the element's own end: those inside it are skipped whole
    skip();
  }
  if (!valid_text(std::string_view(out).substr(from))) damaged();
}

void XmlScanner::consume_to_end(std::size_t n) {
  if (!start_ || empty_ || open_ends_.empty()) damaged();
  pos_ += n;
  const std::size_t top_begin = open_ends_.size() > 1 ? open_ends_[open_ends_.size() - 2] : 0;
  // The element's name, from the names of the open elements (the buffer may
  // have moved since its start tag was read).
  closed_name_.assign(open_names_, top_begin);
  qname_ = closed_name_;
  const std::size_t colon = qname_.rfind(':');
  name_ = colon == std::string_view::npos ? qname_ : qname_.substr(colon + 1);
  start_ = false;
  attribute_count_ = 0;
  open_ends_.pop_back();
  depth_ = open_ends_.size();
  open_names_.resize(top_begin);
}

bool XmlScanner::is_valid_text(std::string_view text) { return valid_text(text); }

bool XmlScanner::next_in_text(std::string& out, std::size_t cap, bool& cut) {
  if (open_ends_.empty()) return next();  // outside the root element: no text to keep
  const std::size_t from = out.size();
  text_then_tag(out, cap, cut);
  if (!valid_text(std::string_view(out).substr(from))) damaged();
  return true;
}

// Elements inside the skipped one are counted rather than read: their tags
// must be balanced and properly quoted, their names are not compared; the
// skipped element's own end tag is read as any other.
void XmlScanner::skip() {
  if (!start_ || empty_) return;
  std::size_t inside = 0;  // elements open within the skipped one
  for (;;) {
    const char* p = buf_.data() + pos_;
    const char* const stop = buf_.data() + end_;
    if (const void* lt = std::memchr(p, '<', static_cast<std::size_t>(stop - p))) {  // text between tags
      p = static_cast<const char*>(lt);
    } else {
      p = stop;
    }
    pos_ = static_cast<std::size_t>(p - buf_.data());
    if (p == stop) {
      if (!fill()) damaged();  // the document ends inside the element
      continue;
    }
    if (stop - p < 2) {
      if (!fill()) damaged();
      continue;
    }
    if ((p[1] == '!' || p[1] == '?') && skip_markup()) continue;
    const char* const tag = p;
    if (tag[1] == '/' && inside == 0) {
      scan_tag();  // the skipped element's end
      return;
    }
    // A tag inside: to its '>', past quoted attribute values. When the
    // buffer ends first, it is filled and the tag read again from its start.
    const char* q = tag + 1;
    bool whole = false;
    while (q < stop) {
      while (q < stop && !tag_bytes[static_cast<unsigned char>(*q)]) ++q;
      if (q == stop) break;
      const char c = *q++;
      if (c == '>') {
        whole = true;
        break;
      }
      if (c == '<') damaged();
      while (q < stop && *q != c) {  // a quoted value
        if (*q == '<') damaged();
        ++q;
      }
      if (q == stop) break;
      ++q;
    }
    if (!whole) {
      if (!fill()) damaged();
      continue;
    }
    if (tag[1] == '/') {
      --inside;
    } else if (q[-2] != '/') {
      if (++inside + open_ends_.size() > max_depth) damaged();
    }
    pos_ = static_cast<std::size_t>(q - buf_.data());
  }
}

}  // namespace clausier::readers::sheet
