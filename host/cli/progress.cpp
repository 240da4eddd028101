#include "cli/progress.hpp"

#include <unistd.h>

#include <cmath>
#include <iostream>

#include "base/french.hpp"

namespace clausier::cli {
namespace {

constexpr std::chrono::milliseconds quiet_start{1000};  // short runs show nothing
constexpr std::chrono::milliseconds redraw_every{100};

std::string duration(double seconds) {
  const auto s = static_cast<std::int64_t>(std::ceil(seconds));
  if (s < 60) return std::to_string(s) + " s";
  if (s < 3600) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
  return std::to_string(s / 3600) + " h " + std::to_string(s % 3600 / 60) + " min";
}

}  // namespace

ProgressLine::ProgressLine(bool enabled)
    : enabled_(enabled), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

ProgressLine::~ProgressLine() { erase(); }

bool ProgressLine::on_terminal() { return ::isatty(STDERR_FILENO) == 1; }

std::string ProgressLine::text(const app::EvaluateProgress& p, double seconds) {
  const auto done = static_cast<std::int64_t>(p.done);
  std::string out = "évaluation : ";
  if (p.total > 0) {
    const std::size_t total = std::max(p.total, p.done);
    out += std::to_string(p.done * 100 / total) + " % (" + fr::integer(done) + " / " +
           fr::integer(static_cast<std::int64_t>(total)) + " lots)";
  } else {
    out += fr::integer(done) + " lots";
  }
  if (seconds > 0 && p.done > 0) {
    const double rate = static_cast<double>(p.done) / seconds;
    out += ", " + fr::integer(std::llround(rate)) + " lots/s";
    if (p.total > p.done) out += ", encore " + duration(static_cast<double>(p.total - p.done) / rate);
  }
  return fr::typography(out);
}

void ProgressLine::update(const app::EvaluateProgress& progress) {
  if (!enabled_) return;
  if (progress.finished) {
    erase();
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < quiet_start || now - last_draw_ < redraw_every) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::cerr << "\r\033[K" << text(progress, seconds) << std::flush;
  shown_ = true;
}

void ProgressLine::erase() {
  if (!shown_) return;
  std::cerr << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace clausier::cli
