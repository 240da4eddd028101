#include "server/toolkit_store.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "test_paths.hpp"

using namespace clausier;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace

TEST_CASE("a broken edit keeps the last good toolkit; a good one swaps it in, requests keep theirs") {
  const fs::path dir = testing::scratch_path("toolkit_store");
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(testing::source_path("rules"), dir / "rules", fs::copy_options::recursive);
  fs::copy(testing::source_path("plugins"), dir / "plugins", fs::copy_options::recursive);
  fs::copy(testing::source_path("templates"), dir / "templates", fs::copy_options::recursive);
  DiagnosticList diags;
  server::ToolkitStore store({dir / "rules", dir / "plugins", dir / "templates"},
                             std::chrono::milliseconds(0), diags);
  CHECK_FALSE(diags.has_errors());
  const server::ToolkitSnapshot first = store.current();
  const std::size_t types = first.toolkit->clause_infos().size();
  CHECK(types >= 7);
  CHECK_FALSE(store.check_now());  // nothing changed

  // Broken: a plugin with a syntax error. The first toolkit stays.
  const std::string good = [&] {
    std::ifstream in(dir / "plugins" / "insertion.lua");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  write(dir / "plugins" / "insertion.lua", "return { id = 'insertion', evaluate = function( }");
  fs::last_write_time(dir / "plugins" / "insertion.lua",
                      fs::file_time_type::clock::now() + std::chrono::seconds(2));
  CHECK_FALSE(store.check_now());
  CHECK(store.current().generation == first.generation);
  REQUIRE(store.last_error().size() == 1);
  CHECK(store.last_error()[0].diagnostics.front().location.file.find("insertion.lua") != std::string::npos);

  // Fixed: a new toolkit, the error cleared; the old snapshot still works.
  write(dir / "plugins" / "insertion.lua", good);
  fs::last_write_time(dir / "plugins" / "insertion.lua",
                      fs::file_time_type::clock::now() + std::chrono::seconds(4));
  CHECK(store.check_now());
  CHECK(store.current().generation != first.generation);
  CHECK(store.last_error().empty());
  CHECK(first.toolkit->clause_infos().size() == types);
  CHECK(store.current().toolkit->clause_infos().size() == types);
}

TEST_CASE("thread evaluators have their own Lua state and agree") {
  DiagnosticList diags;
  server::ToolkitStore store(
      {testing::source_path("rules"), testing::source_path("plugins"), testing::source_path("templates")},
      std::chrono::milliseconds(0), diags);
  const auto snapshot = store.current();
  Lot lot;
  lot.reference = "L1";
  lot.objet = "Maçonnerie";
  lot.nature = Nature::travaux;
  lot.cpv = "45262500";
  lot.montant_ht_cents = 100000000;
  lot.date_lancement = *Date::parse_iso("2027-03-01");
  const ConsultationTotals totals{lot.montant_ht_cents, 1};
  std::vector<std::optional<std::int64_t>> hours(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < hours.size(); ++i) {
    threads.emplace_back([&, i] {
      engine::Evaluator evaluator = snapshot.toolkit->thread_evaluator({});
      for (int n = 0; n < 20; ++n) {
        const LotEvaluation e = evaluator.evaluate(lot, totals);
        if (const ClauseResult* r = e.clause("insertion")) hours[i] = r->hours;
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& h : hours) CHECK(h == std::optional<std::int64_t>(833));
}
