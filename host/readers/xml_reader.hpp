#pragma once
// libxml2's streaming pull parser (xmlTextReader) over one zip entry,
// hardened for files from anywhere:
//  - no network, no external entity, no DTD loading or default attributes,
//    no entity substitution, no XInclude, the parser's size limits kept
//    (no XML_PARSE_HUGE), and an external entity loader that refuses all;
//  - a document with a DOCTYPE is refused before libxml2 sees a byte of it
//    (spreadsheet parts never have one; entities can only be declared
//    there, so XXE and "billion laughs" cannot start), and so is UTF-16;
//  - nodes are freed as the reader moves on: memory stays flat.
// Errors are thrown as sheet::Error (French), naming the part and the line.
// The same reader reads XML files of their own (DECP open data): messages
// then speak of a file rather than of a part of a workbook.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "readers/spreadsheet.hpp"
#include "readers/zip_package.hpp"

namespace clausier::readers::sheet {

class XmlReader {
 public:
  enum class Node { start, end, text, other };
  // What is read, for the wording of messages.
  enum class Source { workbook_part, file };

  // Reads `entry`, which must outlive the reader.
  explicit XmlReader(ZipEntry& entry, Source source = Source::workbook_part);
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  // Moves to the next node; false at the end of the document.
  bool next();
  // Moves to the end of the current element, past everything inside it (an
  // empty element <x/> is its own end); next() then goes on after it.
  // False at the end of the document.
  bool skip();

  // A name looked up once in the parser's dictionary: comparing it with the
  // current node's name is mostly comparing two pointers (for hot loops).
  struct Name {
    const void* interned = nullptr;
    const char* text = "";
  };
  [[nodiscard]] Name name(const char* text) const;
  [[nodiscard]] bool local_is(const Name& n) const;
  [[nodiscard]] bool is_start(const Name& n) const { return node_ == Node::start && local_is(n); }
  [[nodiscard]] bool is_end(const Name& n) const { return node_ == Node::end && local_is(n); }

  [[nodiscard]] Node node() const { return node_; }
  [[nodiscard]] bool is_start(std::string_view local) const {
    return node_ == Node::start && local_name() == local;
  }
  [[nodiscard]] bool is_end(std::string_view local) const {
    return node_ == Node::end && local_name() == local;
  }
  // An element written <x/>: no end node follows its start node.
  [[nodiscard]] bool is_empty_element() const;
  [[nodiscard]] int depth() const;
  [[nodiscard]] std::string_view local_name() const;
  [[nodiscard]] std::string_view namespace_uri() const;
  // Text and CDATA nodes (and significant white space).
  [[nodiscard]] std::string_view value() const;

  // Visits the attributes of the current element: fn(local, namespace, value).
  template <typename Fn>
  void attributes(Fn&& fn) {
    if (!first_attribute()) return;
    do {
      const std::string_view ns = attribute_namespace();
      if (ns != "http://www.w3.org/2000/xmlns/") fn(attribute_local(), ns, attribute_value());
    } while (next_attribute());
    back_to_element();
  }

  // The line being read, for messages (the parser reads ahead: see node_line).
  [[nodiscard]] int line() const;
  // The line where the current node starts, when libxml2 knows it (lines up
  // to 65 534); else line().
  [[nodiscard]] int node_line() const;
  // After an Error about damaged content: the line where the parser found it.
  [[nodiscard]] int error_line() const;
  [[nodiscard]] const std::string& part() const;

 private:
  bool first_attribute();
  bool next_attribute();
  void back_to_element();
  [[nodiscard]] std::string_view attribute_local() const;
  [[nodiscard]] std::string_view attribute_namespace() const;
  [[nodiscard]] std::string_view attribute_value() const;
  bool step(int result);

  struct Impl;
  std::unique_ptr<Impl> impl_;
  Node node_ = Node::other;
};

// What XmlReader and XmlScanner share. The first bytes of `entry`, up to
// the start of its root element: throws Error when they hold a DOCTYPE, are
// UTF-16 or run over 64 Kio; else returns them, to be parsed first.
[[nodiscard]] std::string read_xml_prolog(ZipEntry& entry, XmlReader::Source source);
// The error for damaged content found at `line` of `part`.
[[nodiscard]] Error damaged_xml(const std::string& part, int line, XmlReader::Source source);
// The message for a part declared in an encoding other than UTF-8.
[[nodiscard]] std::string unsupported_encoding(const std::string& part, std::string_view encoding,
                                               XmlReader::Source source);

}  // namespace clausier::readers::sheet
