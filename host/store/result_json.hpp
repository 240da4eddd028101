#pragma once
// The clause results of one lot as the workspace keeps them (compact JSON),
// and back: verdict, hours, values, reasons, basis, warnings, trace and the
// plugin's error when it failed.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/evaluation.hpp"

namespace clausier::store {

// The texts an evaluation repeats from lot to lot (the legal sentences of the
// reasons, the trace entries with their references: 11 KB a lot, 90 % of
// them repeated), each kept once and referred to by its number. Bounded: past
// `capacity` distinct texts, new ones stay inline, so memory does not grow
// with the programme.
class TextDictionary {
 public:
  explicit TextDictionary(std::size_t capacity = 20000) : capacity_(capacity) {}
  // The number of `text`, or -1 when it is to stay inline.
  int intern(const std::string& text);
  // The texts numbered since the last call (to be written), in number order.
  [[nodiscard]] std::vector<std::pair<int, std::string>> take_new();

 private:
  std::size_t capacity_;
  std::unordered_map<std::string, int> ids_;
  std::vector<std::pair<int, std::string>> new_;
};

// The results of a lot; repeated texts go to `texts` when given.
[[nodiscard]] std::string results_to_json(const std::vector<ClauseResult>& clauses,
                                          TextDictionary* texts = nullptr);

// Throws std::runtime_error when `json` is not stored results or refers to a
// text `texts` (by number) does not have.
[[nodiscard]] std::vector<ClauseResult> results_from_json(const std::string& json,
                                                          const std::vector<std::string>& texts = {});

}  // namespace clausier::store
