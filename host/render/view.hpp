#pragma once
// The data a document template sees: a small tree of texts, booleans, objects
// and lists, already formatted the French way. Kept independent of the
// Mustache library so that templates can be linted against it.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "engine/clause_type.hpp"
#include "model/evaluation.hpp"

namespace clausier::render {

class View {
 public:
  enum class Type { text, boolean, object, list };

  View() : type_(Type::object) {}
  static View text(std::string s);
  static View boolean(bool b);
  static View list();

  View& set(const std::string& key, View v);  // objects: adds or replaces
  View& push(View v);                         // lists
  [[nodiscard]] Type type() const { return type_; }
  [[nodiscard]] const std::string& str() const { return text_; }
  [[nodiscard]] bool flag() const { return flag_; }
  [[nodiscard]] const std::vector<std::pair<std::string, View>>& fields() const { return fields_; }
  [[nodiscard]] const std::vector<View>& items() const { return items_; }
  // "lot.reference": follows objects; null when absent.
  [[nodiscard]] const View* find(std::string_view dotted) const;
  // True for an absent path, an empty text, false, or an empty list.
  [[nodiscard]] bool is_blank() const;

 private:
  Type type_;
  std::string text_;
  bool flag_ = false;
  std::vector<std::pair<std::string, View>> fields_;
  std::vector<View> items_;
};

// What a document needs beyond the evaluation.
struct DocumentContext {
  Date generated;         // date printed on the document
  std::string generator;  // "clausier 0.1.0"
};

// The view of one clause result of one lot: document, acheteur, lot,
// consultation, clause, facilitateur (see templates/README.md).
[[nodiscard]] View clause_view(const LotEvaluation& evaluation, const ClauseResult& result,
                               const engine::ClauseInfo* info, const DocumentContext& context);

// The view of one document of one lot: the clause_view of the first matched
// result, plus `clauses` (one clause part per matched result, in order) and
// `clauses_par_type.<clause id with - replaced by _>` (the same parts by type).
// `matched` is not empty (DocumentTemplate::matches).
[[nodiscard]] View document_view(const LotEvaluation& evaluation,
                                 const std::vector<const ClauseResult*>& matched,
                                 const std::vector<engine::ClauseInfo>& infos,
                                 const DocumentContext& context);

}  // namespace clausier::render
