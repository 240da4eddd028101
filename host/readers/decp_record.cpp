#include "readers/decp_record.hpp"

#include "base/text.hpp"

namespace clausier::readers {

void DecpRecord::clear(std::uint32_t line) {
  size_ = 0;
  bytes_ = 0;
  line_ = line;
  overflowed_ = false;
  concession_ = false;
  problem_.clear();
}

DecpField* DecpRecord::add(std::string_view path, std::uint32_t line) {
  if (size_ >= max_fields || bytes_ + path.size() > max_bytes) {
    overflowed_ = true;
    return nullptr;
  }
  if (size_ == fields_.size()) fields_.emplace_back();
  DecpField& f = fields_[size_++];
  f.path.assign(path);
  f.text.clear();
  f.kind = DecpField::Kind::text;
  f.line = line;
  f.cut = false;
  f.recoded = false;
  bytes_ += path.size();
  return &f;
}

bool DecpRecord::account(const DecpField& field) {
  bytes_ += field.text.size();
  if (bytes_ <= max_bytes) return true;
  overflowed_ = true;
  --size_;  // the field just added, which is the last one
  return false;
}

const DecpField* DecpRecord::find(std::string_view path) const {
  for (std::size_t i = 0; i < size_; ++i) {
    if (fields_[i].path == path) return &fields_[i];
  }
  return nullptr;
}

std::vector<const DecpField*> DecpRecord::all(std::string_view path) const {
  std::vector<const DecpField*> out;
  for (std::size_t i = 0; i < size_; ++i) {
    if (fields_[i].path == path) out.push_back(&fields_[i]);
  }
  return out;
}

bool DecpRecord::has(std::string_view path) const {
  for (std::size_t i = 0; i < size_; ++i) {
    const std::string_view p = fields_[i].path;
    if (p == path || (p.size() > path.size() && p.starts_with(path) && p[path.size()] == '.')) return true;
  }
  return false;
}

bool is_concession(const DecpRecord& record) {
  if (const DecpField* type = record.find("_type")) {
    return text::fold_key(type->text).find("concession") != std::string::npos;
  }
  if (const DecpField* nature = record.find("nature")) {
    const std::string key = text::fold_key(nature->text);
    if (key.starts_with("concession") || key.starts_with("delegation")) return true;
  }
  for (std::size_t i = 0; i < record.size(); ++i) {
    const DecpField& f = record[i];
    if ((f.path == "autoriteConcedante" || f.path.starts_with("autoriteConcedante.")) &&
        !text::trim(f.text).empty()) {
      return true;
    }
  }
  return false;
}

}  // namespace clausier::readers
