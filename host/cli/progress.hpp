#pragma once
// A progress line on standard error for long evaluations: percentage, lots
// done, rate and time left. Only on a terminal (isatty), only once a run has
// lasted a second, redrawn at most ten times a second, erased at the end;
// silent when standard error is piped or redirected.

#include <chrono>
#include <cstddef>
#include <string>

#include "app/evaluate.hpp"

namespace clausier::cli {

class ProgressLine {
 public:
  // `enabled`: false for a silent line (tests, pipes); see on_terminal().
  explicit ProgressLine(bool enabled);
  ~ProgressLine();  // erases the line if it is shown
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Whether standard error is a terminal.
  [[nodiscard]] static bool on_terminal();

  void update(const app::EvaluateProgress& progress);

  // The text of the line, e.g. "évaluation : 45 % (450 000 / 1 000 000 lots),
  // 210 000 lots/s, encore 3 s". Public for tests.
  [[nodiscard]] static std::string text(const app::EvaluateProgress& progress, double seconds);

 private:
  void erase();

  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace clausier::cli
