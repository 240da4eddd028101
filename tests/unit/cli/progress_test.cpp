#include "cli/progress.hpp"

#include <doctest/doctest.h>

#include "base/french.hpp"

using namespace clausier;

namespace {

// The line with no-break spaces read as plain ones.
std::string plain(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i).starts_with(fr::nbsp)) {
      out += ' ';
      i += std::string_view(fr::nbsp).size() - 1;
    } else if (s.substr(i).starts_with(fr::nnbsp)) {
      out += ' ';
      i += std::string_view(fr::nnbsp).size() - 1;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("progress line: percentage, lots, rate and time left, in French") {
  CHECK(plain(cli::ProgressLine::text({450'000, 1'000'000, false}, 2.0)) ==
        "évaluation : 45 % (450 000 / 1 000 000 lots), 225 000 lots/s, encore 3 s");
  CHECK(plain(cli::ProgressLine::text({1'000, 100'000, false}, 10.0)) ==
        "évaluation : 1 % (1 000 / 100 000 lots), 100 lots/s, encore 16 min 30 s");
  // Without pass 1's count (no total): lots and rate only.
  CHECK(plain(cli::ProgressLine::text({512, 0, false}, 1.0)) == "évaluation : 512 lots, 512 lots/s");
  // More lots than rows counted cannot happen, but never shows more than 100 %.
  CHECK(plain(cli::ProgressLine::text({20, 10, false}, 1.0)).starts_with("évaluation : 100 %"));
}
