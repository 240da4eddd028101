#pragma once
// The data a document template sees: a small tree of texts, booleans, objects
// and lists, already formatted the French way. Kept independent of the
// Mustache library so that templates can be linted against it.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/date.hpp"
#include "engine/clause_type.hpp"
#include "model/evaluation.hpp"
#include "params/parameter.hpp"

namespace clausier::render {

class View {
 public:
  enum class Type { text, boolean, object, list };

  View() : type_(Type::object) {}
  static View text(std::string s);
  static View boolean(bool b);
  static View list();

  View& set(const std::string& key, View v);  // objects: adds or replaces
  View& child(const std::string& key);        // objects: the field, added as an empty object when absent
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
  DocumentContext() = default;
  DocumentContext(Date generated_on, std::string generated_by,
                  const params::ParameterSet* rules_read = nullptr, std::optional<Date> rules_date = {})
      : generated(generated_on), generator(std::move(generated_by)), rules(rules_read), as_of(rules_date) {}

  Date generated;         // date printed on the document
  std::string generator;  // "clausier 0.1.0"
  // The rules the lot was evaluated with: documents quote some of them
  // (`regles`) and find the lot's facilitator in their directory
  // (`facilitateur`). Without them, both are empty and templates show their
  // placeholders.
  const params::ParameterSet* rules = nullptr;
  std::optional<Date> as_of;  // the date the rules were read at, when not the lot's launch date
};

// The view of one clause result of one lot: document, acheteur, lot,
// consultation, clause, leviers, facilitateur, regles (see templates/README.md).
// `infos` give the titles of the clause types (of `result` and of the levers).
[[nodiscard]] View clause_view(const LotEvaluation& evaluation, const ClauseResult& result,
                               const std::vector<engine::ClauseInfo>& infos, const DocumentContext& context);

// The `facilitateur` block: the directory entry of the lot's département
// (rules parameter params::facilitator_directory), or `connu` false and every
// field empty.
[[nodiscard]] View facilitator_view(const params::ParameterSet* rules, Date date, std::string_view lieu);

// The `regles` block: every parameter with one value (number, boolean, text,
// date) in force on `date`, nested by its name ("critere.poids_suggere" ->
// regles.critere.poids_suggere), each with valeur, depuis, reference, statut,
// a_verifier, vrai and, for a text, its "; "-separated elements.
[[nodiscard]] View rules_view(const params::ParameterSet* rules, Date date);

// The view of one document of one lot: the clause_view of the first matched
// result, plus `clauses` (one clause part per matched result, in order) and
// `clauses_par_type.<clause id with - replaced by _>` (the same parts by type).
// `matched` is not empty (DocumentTemplate::matches).
[[nodiscard]] View document_view(const LotEvaluation& evaluation,
                                 const std::vector<const ClauseResult*>& matched,
                                 const std::vector<engine::ClauseInfo>& infos,
                                 const DocumentContext& context);

}  // namespace clausier::render
