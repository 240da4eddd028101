#include "readers/xml_reader.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <optional>

#include "base/quoted.hpp"

namespace clausier::readers::sheet {
namespace {

// What the parser may do: nothing beyond the bytes it is given. Not set, on
// purpose: XML_PARSE_NOENT (entity substitution), XML_PARSE_DTDLOAD,
// XML_PARSE_DTDATTR, XML_PARSE_DTDVALID, XML_PARSE_XINCLUDE, XML_PARSE_HUGE.
constexpr int parse_options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT;

constexpr std::size_t max_prolog_bytes = 64 * 1024;

// The words of messages, for a part of a workbook or an XML file of its own.
struct Wording {
  const char* subject;     // followed by the quoted name
  const char* writers;     // what never writes a DOCTYPE
  const char* not_read;    // the consequence
  const char* save_again;  // what to do
  const char* damaged;     // why content is damaged, and what to do
};

constexpr Wording workbook_words{
    "l'élément ", "aucun tableur", "le classeur n'est pas lu",
    " : enregistrez de nouveau le classeur depuis votre tableur",
    "le fichier est tronqué ou n'a pas été écrit par un tableur ; enregistrez de "
    "nouveau le classeur depuis votre tableur"};
constexpr Wording file_words{"le fichier ", "aucun export de données publiques", "le fichier n'est pas lu",
                             " : exportez ou téléchargez de nouveau le fichier",
                             "le fichier est tronqué ou n'est pas du XML bien formé ; téléchargez-le de "
                             "nouveau"};

xmlParserInputPtr refuse_external_entity(const char* /*url*/, const char* /*id*/, xmlParserCtxtPtr /*ctxt*/) {
  return nullptr;
}

// Process-wide libxml2 settings, once: no external entity is ever loaded,
// whatever the options of a parser.
void harden_libxml2() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_external_entity);
  });
}

std::string_view view(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

enum class Prolog { undecided, fine, doctype, utf16 };

// Looks at the bytes before the root element: XML declaration, processing
// instructions, comments and white space only.
Prolog check_prolog(std::string_view head) {
  std::size_t i = 0;
  if (head.size() >= 2 &&
      (head.starts_with("\xFE\xFF") || head.starts_with("\xFF\xFE") || head[0] == '\0' || head[1] == '\0')) {
    return Prolog::utf16;
  }
  if (head.size() < 3 && std::string_view("\xEF\xBB\xBF").starts_with(head)) return Prolog::undecided;
  if (head.starts_with("\xEF\xBB\xBF")) i = 3;
  for (;;) {
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
    if (i >= head.size()) return Prolog::undecided;
    if (head[i] != '<') return Prolog::fine;  // not XML: the parser says so
    if (i + 1 >= head.size()) return Prolog::undecided;
    if (head[i + 1] == '?') {
      const std::size_t end = head.find("?>", i + 2);
      if (end == std::string_view::npos) return Prolog::undecided;
      i = end + 2;
      continue;
    }
    if (head[i + 1] != '!') return Prolog::fine;  // the root element
    if (head.size() - i < 4) return Prolog::undecided;
    if (head.substr(i, 4) != "<!--") return Prolog::doctype;
    const std::size_t end = head.find("-->", i + 4);
    if (end == std::string_view::npos) return Prolog::undecided;
    i = end + 3;
  }
}

}  // namespace

std::string read_xml_prolog(ZipEntry& entry, XmlReader::Source source) {
  const Wording& words = source == XmlReader::Source::file ? file_words : workbook_words;
  std::string head;
  for (;;) {
    switch (check_prolog(head)) {
      case Prolog::fine: return head;
      case Prolog::doctype:
        throw Error(words.subject + fr::quoted(entry.name()) +
                        " contient une déclaration DOCTYPE, que n'écrit " + words.writers +
                        " (tentative d'attaque par entités XML ?) : " + words.not_read,
                    entry.name());
      case Prolog::utf16:
        throw Error(words.subject + fr::quoted(entry.name()) + " est encodé en UTF-16, non pris en charge" +
                        words.save_again,
                    entry.name());
      case Prolog::undecided: break;
    }
    if (head.size() >= max_prolog_bytes) {
      throw Error(words.subject + fr::quoted(entry.name()) +
                      " commence par un prologue XML anormalement long" + words.save_again,
                  entry.name());
    }
    char buf[4096];
    const std::size_t got = entry.read(buf, sizeof buf);
    if (got == 0) return head;  // too short to be a document: the parser says so
    head.append(buf, got);
  }
}

Error damaged_xml(const std::string& part, int line, XmlReader::Source source) {
  const Wording& words = source == XmlReader::Source::file ? file_words : workbook_words;
  return Error("le contenu XML de " + fr::quoted(part) + " est endommagé (ligne " + std::to_string(line) +
                   ") : " + words.damaged,
               part);
}

std::string unsupported_encoding(const std::string& part, std::string_view encoding,
                                 XmlReader::Source source) {
  const Wording& words = source == XmlReader::Source::file ? file_words : workbook_words;
  return words.subject + fr::quoted(part) + " est encodé en " + std::string(encoding) +
         ", non pris en charge" + words.save_again;
}

struct XmlReader::Impl {
  ZipEntry* entry = nullptr;
  Source source = Source::workbook_part;
  const Wording* words = &workbook_words;
  xmlTextReaderPtr reader = nullptr;
  std::string head;  // bytes read ahead while the prolog is checked, then given to the parser
  std::size_t head_given = 0;
  bool prolog_checked = false;
  std::optional<Error> input_error;  // raised by the entry while libxml2 was reading
  int error_line = 0;

  void read_prolog() {
    head = read_xml_prolog(*entry, source);
    prolog_checked = true;
  }

  int read(char* out, int size) {
    try {
      if (!prolog_checked) read_prolog();
      if (head_given < head.size()) {
        const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(size), head.size() - head_given);
        std::memcpy(out, head.data() + head_given, n);
        head_given += n;
        if (head_given == head.size()) {
          head.clear();
          head.shrink_to_fit();
          head_given = 0;
        }
        return static_cast<int>(n);
      }
      return static_cast<int>(entry->read(out, static_cast<std::size_t>(size)));
    } catch (const Error& e) {
      input_error = e;
    } catch (const std::exception&) {
      input_error =
          Error(words->subject + fr::quoted(entry->name()) + " ne peut pas être lu" + words->save_again);
    }
    return -1;
  }

  static int read_callback(void* context, char* out, int size) {
    return static_cast<Impl*>(context)->read(out, size);
  }
  static int close_callback(void* /*context*/) { return 0; }
  static void error_callback(void* context, xmlErrorPtr error) {
    auto* self = static_cast<Impl*>(context);
    if (error != nullptr && error->level >= XML_ERR_ERROR && self->error_line == 0)
      self->error_line = error->line;
  }
};

XmlReader::XmlReader(ZipEntry& entry, Source source) : impl_(std::make_unique<Impl>()) {
  harden_libxml2();
  impl_->entry = &entry;
  impl_->source = source;
  impl_->words = source == Source::file ? &file_words : &workbook_words;
  impl_->reader = xmlReaderForIO(&Impl::read_callback, &Impl::close_callback, impl_.get(), nullptr, nullptr,
                                 parse_options);
  if (impl_->reader == nullptr) {
    if (impl_->input_error) throw *impl_->input_error;
    throw Error(
        impl_->words->subject + fr::quoted(entry.name()) + " ne peut pas être lu" + impl_->words->save_again,
        entry.name());
  }
  xmlTextReaderSetStructuredErrorHandler(impl_->reader, &Impl::error_callback, impl_.get());
}

XmlReader::~XmlReader() {
  if (impl_->reader != nullptr) xmlFreeTextReader(impl_->reader);
}

bool XmlReader::step(int result) {
  if (result == 1) {
    switch (xmlTextReaderNodeType(impl_->reader)) {
      case XML_READER_TYPE_ELEMENT: node_ = Node::start; break;
      case XML_READER_TYPE_END_ELEMENT: node_ = Node::end; break;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: node_ = Node::text; break;
      case XML_READER_TYPE_DOCUMENT_TYPE:
      case XML_READER_TYPE_ENTITY_REFERENCE:
      case XML_READER_TYPE_ENTITY:
        throw Error(impl_->words->subject + fr::quoted(part()) + " déclare des entités XML, ce que ne fait " +
                        impl_->words->writers + " : " + impl_->words->not_read,
                    part());
      default: node_ = Node::other; break;
    }
    return true;
  }
  node_ = Node::other;
  if (result == 0) return false;
  if (impl_->input_error) throw *impl_->input_error;
  throw damaged_xml(part(), impl_->error_line > 0 ? impl_->error_line : line(), impl_->source);
}

bool XmlReader::next() { return step(xmlTextReaderRead(impl_->reader)); }

bool XmlReader::skip() {
  if (node_ != Node::start || is_empty_element()) return true;
  const int start = depth();
  while (next()) {
    if (node_ == Node::end && depth() == start) return true;
  }
  return false;
}

XmlReader::Name XmlReader::name(const char* text) const {
  return {xmlTextReaderConstString(impl_->reader, reinterpret_cast<const xmlChar*>(text)), text};
}

bool XmlReader::local_is(const Name& n) const {
  const xmlChar* local = xmlTextReaderConstLocalName(impl_->reader);
  if (local == n.interned) return local != nullptr;
  return local != nullptr && local[0] == static_cast<unsigned char>(n.text[0]) &&
         std::strcmp(reinterpret_cast<const char*>(local), n.text) == 0;
}

bool XmlReader::is_empty_element() const { return xmlTextReaderIsEmptyElement(impl_->reader) == 1; }
int XmlReader::depth() const { return xmlTextReaderDepth(impl_->reader); }
std::string_view XmlReader::local_name() const { return view(xmlTextReaderConstLocalName(impl_->reader)); }
std::string_view XmlReader::namespace_uri() const {
  // The node's own namespace record, rather than xmlTextReaderConstNamespaceUri
  // which looks the URI up in the dictionary at each call (the hot path of a
  // sheet of a million cells).
  const xmlNode* node = xmlTextReaderCurrentNode(impl_->reader);
  if (node == nullptr || (node->type != XML_ELEMENT_NODE && node->type != XML_ATTRIBUTE_NODE)) {
    return view(xmlTextReaderConstNamespaceUri(impl_->reader));
  }
  return node->ns == nullptr ? std::string_view() : view(node->ns->href);
}
std::string_view XmlReader::value() const { return view(xmlTextReaderConstValue(impl_->reader)); }
int XmlReader::line() const { return xmlTextReaderGetParserLineNumber(impl_->reader); }
int XmlReader::node_line() const {
  const xmlNode* node = xmlTextReaderCurrentNode(impl_->reader);
  const long at = node == nullptr ? 0 : xmlGetLineNo(node);
  // libxml2 keeps 16 bits of line in a node: 65535 means "that or more".
  return at > 0 && at < 65535 ? static_cast<int>(at) : line();
}
int XmlReader::error_line() const { return impl_->error_line > 0 ? impl_->error_line : line(); }
const std::string& XmlReader::part() const { return impl_->entry->name(); }

bool XmlReader::first_attribute() { return xmlTextReaderMoveToFirstAttribute(impl_->reader) == 1; }
bool XmlReader::next_attribute() { return xmlTextReaderMoveToNextAttribute(impl_->reader) == 1; }
void XmlReader::back_to_element() { xmlTextReaderMoveToElement(impl_->reader); }
std::string_view XmlReader::attribute_local() const { return local_name(); }
std::string_view XmlReader::attribute_namespace() const { return namespace_uri(); }
std::string_view XmlReader::attribute_value() const { return value(); }

}  // namespace clausier::readers::sheet
