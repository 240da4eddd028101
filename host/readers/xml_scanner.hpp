#pragma once
// A fast reader for the large, regular parts of a workbook (a worksheet's
// rows and merged ranges, the shared strings). Where XmlReader has libxml2
// build a node for each piece of the document, the scanner walks the
// inflated bytes in place: it goes from tag to tag, gives the local name and
// the attributes of a start tag as views into its buffer, and appends the
// text of an element to a string the caller keeps: nothing is allocated per
// node, and memory is the buffer (256 Kio, more only for a longer tag).
//
// The hardening of XmlReader, with its messages:
//  - the prolog is checked by read_xml_prolog (no DOCTYPE: no entity can be
//    declared; no UTF-16), and a part declared in an encoding other than
//    UTF-8 is refused;
//  - references: the five predefined entities and character references
//    only; any other `&name;` is damaged content, never expanded;
//  - limits: a tag of at most 10 Mo (libxml2's limit on an attribute value),
//    names of at most 50 000 bytes, 256 levels of elements; text is given in
//    pieces, and kept by the caller within its own cap;
//  - damaged content (tags not nested or not closed, a malformed attribute,
//    an unknown entity, invalid UTF-8 or a control character in the text read,
//    a second root element, a document cut short) throws damaged_xml, with
//    the line where the scanner found it.
// It checks what it reads, and is not a validating parser: it does not look
// for duplicated attributes, nor at the text of the elements it skips, and
// it reads element names without their prefix (the readers of workbook
// parts match local names only).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "readers/xml_reader.hpp"
#include "readers/zip_package.hpp"

namespace clausier::readers::sheet {

class XmlScanner {
 public:
  // Reads `entry`, which must outlive the scanner. Throws Error (prolog).
  explicit XmlScanner(ZipEntry& entry, XmlReader::Source source = XmlReader::Source::workbook_part);
  XmlScanner(const XmlScanner&) = delete;
  XmlScanner& operator=(const XmlScanner&) = delete;

  // Moves to the next start or end tag, past text, comments, CDATA sections
  // and processing instructions. False at the end of the document.
  bool next();

  [[nodiscard]] bool is_start() const { return start_; }
  [[nodiscard]] bool is_end() const { return !start_; }
  [[nodiscard]] bool is_start(std::string_view local) const { return start_ && name_ == local; }
  [[nodiscard]] bool is_end(std::string_view local) const { return !start_ && name_ == local; }
  // The local name of the current tag (its prefix left out).
  [[nodiscard]] std::string_view name() const { return name_; }
  // The name as written, with its prefix ("table:table-cell"): for readers
  // that tell namespaces apart by the prefixes the document declares.
  [[nodiscard]] std::string_view qualified_name() const { return qname_; }
  // A start tag written <x/>: no end tag follows.
  [[nodiscard]] bool is_empty_element() const { return empty_; }
  // Elements around the current one (0 for the root element): the same for
  // a start tag and its end tag.
  [[nodiscard]] std::size_t depth() const { return depth_; }

  // Visits the attributes of the current start tag: fn(name, value), the
  // name as written (with its prefix: "xml:space"), the value with its
  // references decoded.
  template <typename Fn>
  void attributes(Fn&& fn) {
    for (std::size_t i = 0; i < attribute_count_; ++i) {
      const Attribute& a = attributes_[i];
      fn(a.name, a.needs_decoding ? decode_attribute(a.value) : a.value);
    }
  }

  // Visits the namespaces the current start tag declares: fn(prefix, uri),
  // the prefix empty for the default namespace (values as written).
  template <typename Fn>
  void namespace_declarations(Fn&& fn) {
    for (const Attribute& a : declarations_) fn(a.name, a.value);
  }

  // After a start tag: appends the element's text (its text and CDATA
  // sections; the text of elements inside it is left out) to `out` while
  // `out` stays within `cap` bytes, setting `cut` when some was left out.
  // The current tag is then the element's end tag.
  void read_text(std::string& out, std::size_t cap, bool& cut);
  // Moves to the next start or end tag like next(), appending the text
  // before it (references decoded, CDATA sections included) to `out` while
  // `out` stays within `cap` bytes: for mixed content, where the text of an
  // element and of the elements inside it is read in order (an ODS
  // paragraph and its spans). The text is checked (UTF-8, no control
  // character) as read_text checks it. False at the end of the document.
  bool next_in_text(std::string& out, std::size_t cap, bool& cut);
  // After a start tag: moves to its end tag (an empty element is its own end).
  void skip();

  // For a dedicated reader of a frequent, regular element (a worksheet's
  // cells): the bytes ahead, at least `bytes` of them unless the document
  // ends first. Valid until the scanner moves on.
  [[nodiscard]] std::string_view ahead(std::size_t bytes);
  // Moves past the first `n` bytes of ahead(), which the caller has read as
  // whole elements (balanced, their text checked) and white space.
  void consume(std::size_t n) { pos_ += n; }
  // After a start tag (not empty): moves past the first `n` bytes of
  // ahead(), which the caller has read as the rest of the element (whole
  // elements, their text checked, then the element's own end tag). The
  // current tag is then that end tag.
  void consume_to_end(std::size_t n);
  // True when `text` is UTF-8 made of characters XML allows: what the
  // scanner checks of the text it reads, for the callers of consume.
  [[nodiscard]] static bool is_valid_text(std::string_view text);

  // True after the entry itself failed (damaged archive data, a cap): an
  // Error then is about the file, not about the XML in it.
  [[nodiscard]] bool entry_failed() const { return entry_failed_; }

  // The line of the document being read (1-based), for messages.
  [[nodiscard]] int line() const;
  [[nodiscard]] const std::string& part() const { return entry_.name(); }

 private:
  struct Attribute {
    std::string_view name;
    std::string_view value;
    bool needs_decoding = false;
  };

  [[noreturn]] void damaged() const;
  bool fill();
  bool ensure(std::size_t bytes);
  void skip_past(std::string_view terminator);
  bool skip_markup();
  void scan_tag();
  bool try_scan_tag();
  bool try_scan_end_tag(const char* begin, const char* stop);
  void append_reference(std::string& out, std::size_t cap, bool& cut);
  void text_then_tag(std::string& out, std::size_t cap, bool& cut);
  std::string_view decode_attribute(std::string_view raw);
  void check_outside_root(std::string_view text);

  ZipEntry& entry_;
  XmlReader::Source source_;
  std::vector<char> buf_;
  std::size_t pos_ = 0;  // next byte to read in buf_
  std::size_t end_ = 0;  // end of the bytes in buf_
  bool eof_ = false;
  std::uint64_t lines_before_ = 0;  // newlines in the bytes dropped from buf_
  // The current tag.
  bool start_ = false;
  bool empty_ = false;
  std::string_view name_;
  std::string_view qname_;
  std::size_t depth_ = 0;
  std::vector<Attribute> attributes_;
  std::size_t attribute_count_ = 0;      // attributes_[0..attribute_count_) are the current tag's
  std::vector<Attribute> declarations_;  // xmlns and xmlns:prefix of the current start tag
  std::string decoded_;                  // an attribute value with its references decoded
  std::string closed_name_;              // the name of the element consume_to_end closed
  // Open elements: their qualified names end to end.
  std::string open_names_;
  std::vector<std::uint32_t> open_ends_;
  bool root_seen_ = false;
  bool entry_failed_ = false;
};

}  // namespace clausier::readers::sheet
