#pragma once
// An XML element flattened into a DecpRecord, as the DECP XML reader and the
// eForms reader read their records: one field per leaf element, under the
// path of local names below the element ("acheteur.id"), its text trimmed and
// capped (the field marked cut beyond the cap), long names cut to "?"; the
// record's own caps apply (DecpRecord::add refuses beyond them).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/text.hpp"
#include "readers/decp_record.hpp"
#include "readers/xml_reader.hpp"

namespace clausier::readers {

inline constexpr std::size_t max_xml_value_bytes = 256 * 1024;
inline constexpr std::size_t max_xml_name_bytes = 128;

// A libxml2 line (0 or less when unknown) as a diagnostic line.
[[nodiscard]] inline std::uint32_t xml_line(int line) {
  return line > 0 ? static_cast<std::uint32_t>(line) : 0;
}

// Reads the element `xml` is on, to its end, into `out` (cleared, untyped).
// At each element below it:
//   skip(name, level)            true leaves the element unread (level 1: a child);
//   qualify(path, out, line)     called once the element's name ends `path`: it may
//                                add to the path what the element's attributes say,
//                                and add fields of its own.
template <typename Skip, typename Qualify>
void flatten_xml_element(sheet::XmlReader& xml, DecpRecord& out, Skip&& skip, Qualify&& qualify) {
  out.clear(xml_line(xml.node_line()));
  out.set_typed(false);
  if (xml.is_empty_element()) return;
  const int depth = xml.depth();
  std::string path;
  std::vector<std::size_t> marks;  // length of `path` before each open element
  std::vector<bool> leaf;          // open elements that have no element inside (yet)
  std::string value;
  bool cut = false;
  std::uint32_t value_line = 0;
  while (xml.next()) {
    switch (xml.node()) {
      case sheet::XmlReader::Node::start: {
        if (!leaf.empty()) leaf.back() = false;
        const std::string_view name = xml.local_name();
        if (skip(name, xml.depth() - depth)) {
          xml.skip();
          break;
        }
        marks.push_back(path.size());
        if (!path.empty()) path += '.';
        path += name.size() <= max_xml_name_bytes ? name : std::string_view("?");
        value_line = xml_line(xml.node_line());
        qualify(path, out, value_line);
        value.clear();
        cut = false;
        if (xml.is_empty_element()) {
          if (DecpField* f = out.add(path, value_line)) out.account(*f);
          path.resize(marks.back());
          marks.pop_back();
          break;
        }
        leaf.push_back(true);
        break;
      }
      case sheet::XmlReader::Node::text:
        sheet::append_capped(value, xml.value(), max_xml_value_bytes, cut);
        break;
      case sheet::XmlReader::Node::end:
        if (xml.depth() == depth) return;
        if (leaf.empty() || marks.empty()) break;
        if (leaf.back()) {
          if (DecpField* f = out.add(path, value_line)) {
            f->text.assign(text::trim(value));
            f->cut = cut;
            out.account(*f);
          }
        }
        leaf.pop_back();
        path.resize(marks.back());
        marks.pop_back();
        value.clear();
        break;
      case sheet::XmlReader::Node::other: break;
    }
  }
}

}  // namespace clausier::readers
