// Benchmark of the workspace's writes: DECISIONS decisions in a row on the
// lots of a programme already imported, each one a transaction written and
// acknowledged (app::Workspace::decide, as the web server and the CLI call
// it); prints the median, 95th percentile and mean latency in milliseconds.
//
// Usage: clausier_bench_decisions DB_URL PROGRAMME DECISIONS RULES PLUGINS

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "app/workspace.hpp"
#include "readers/programme.hpp"

using namespace clausier;

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: clausier_bench_decisions DB_URL PROGRAMME DECISIONS RULES PLUGINS\n";
    return 2;
  }
  const std::string name = argv[2];
  const int count = std::atoi(argv[3]);
  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load({argv[4], argv[5], {}}, diags, {});
  auto workspace = app::Workspace::open(argv[1]);

  // The references of the programme, read once.
  std::vector<std::string> references;
  {
    const auto programme = workspace.programme(name);
    auto source = programme.open(diags);
    Lot lot;
    while (source && source->next(lot)) references.push_back(lot.reference);
  }
  if (references.empty()) {
    std::cerr << "aucun lot dans « " << name << " »\n";
    return 1;
  }
  std::vector<double> ms;
  ms.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    app::DecisionInput in;
    in.reference = references[static_cast<std::size_t>(i) % references.size()];
    in.clause = "insertion";
    in.hours = std::to_string(100 + i);
    in.comment = "décision " + std::to_string(i);
    const auto start = std::chrono::steady_clock::now();
    const auto outcome = workspace.decide(toolkit, name, in, "bench");
    const auto end = std::chrono::steady_clock::now();
    if (!outcome.saved) {
      std::cerr << "décision refusée : " << (outcome.errors.empty() ? "" : outcome.errors[0].message) << '\n';
      return 1;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::sort(ms.begin(), ms.end());
  double sum = 0;
  for (const double m : ms) sum += m;
  std::printf("%.2f %.2f %.2f\n", ms[ms.size() / 2], ms[ms.size() * 95 / 100],
              sum / static_cast<double>(ms.size()));
  return 0;
}
