#pragma once
// The annex of the review: the reasons of the lots, grouped so that a
// sentence given for many lots is printed once, with the lots it applies to.
// A group is a clause type with one verdict (the insertion clause where it is
// obligatoire: 28 lots), in the plugins' order, then obligatoire,
// recommandée, possible, en erreur; excluded clause types are left out
// (`clausier evaluate --explain` gives their reasons). In a group, the
// distinct sentences in the order first given, each with its lots (none
// listed when it applies to every lot of the group).
//
// Memory: the distinct sentences and one lot number per sentence given;
// past `lot_limit` lots the annex stops growing (left_out() says how many
// lots it lacks), so that a review of open data of any size stays bounded.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/clause_type.hpp"
#include "model/evaluation.hpp"

namespace clausier::writers::review {

struct AnnexSentence {
  std::string text;                 // plain text, French typography
  std::vector<std::uint32_t> lots;  // the lots that gave it, in input order
};

struct AnnexGroup {
  std::string type;                // "insertion"
  std::string title;               // the clause type's title
  std::optional<Verdict> verdict;  // nullopt: the plugin failed
  std::vector<std::uint32_t> lots;
  std::vector<AnnexSentence> sentences;
  std::unordered_map<std::string, std::size_t> index;  // sentence -> position
  [[nodiscard]] std::string anchor() const;            // "motifs-insertion-obligatoire"
};

class ReasonAnnex {
 public:
  explicit ReasonAnnex(const std::vector<engine::ClauseInfo>& types, std::size_t lot_limit = 5000);

  void add(const LotEvaluation& evaluation);

  // The groups, in the order printed.
  [[nodiscard]] std::vector<const AnnexGroup*> groups() const;
  // "C2027-01-L1, C2027-01-L2 et C2027-02-L1"; each reference through
  // `mark` when given (an HTML link), as is otherwise.
  [[nodiscard]] std::string references(
      const std::vector<std::uint32_t>& lots,
      const std::function<std::string(const std::string&)>& mark = nullptr) const;
  [[nodiscard]] std::size_t left_out() const { return left_out_; }

 private:
  std::vector<engine::ClauseInfo> types_;
  std::size_t lot_limit_;
  std::vector<std::string> references_;
  std::vector<AnnexGroup> groups_;
  std::size_t left_out_ = 0;
};

// "Clause d'insertion (condition d'exécution) : obligatoire (28 lots)".
[[nodiscard]] std::string annex_heading(const AnnexGroup& group);

// The anchor of a clause type's verdict in the annex.
[[nodiscard]] std::string annex_anchor(const std::string& type, std::optional<Verdict> verdict);

}  // namespace clausier::writers::review
