// The workspace's use cases against both engines (test_databases.hpp): import
// and re-import, decisions and their checks, conflicts, history, export and
// restore, the stored lots read back as a programme with the decisions.

#include "app/workspace.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/evaluate.hpp"
#include "readers/programme.hpp"
#include "test_databases.hpp"
#include "test_messages.hpp"
#include "test_paths.hpp"

using namespace clausier;
using Poco::JSON::Object;

namespace {

const app::Toolkit& toolkit() {
  static DiagnosticList diags;
  static const app::Toolkit t = app::Toolkit::load(
      {testing::source_path("rules"), testing::source_path("plugins"), testing::source_path("templates")},
      diags, {});
  return t;
}

const std::string sample = testing::source_path("samples/departement-2027/programme.csv");

// The sample with lot C2027-01-L1 removed, C2027-01-L2's amount changed and a lot added.
std::string revised_sample() {
  const std::string path = testing::scratch_path("workspace/revised.csv");
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ifstream in(sample);
  std::ofstream out(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("C2027-01-L1;", 0) == 0) continue;
    if (line.rfind("C2027-01-L2;", 0) == 0) {
      // The amount is the ninth field.
      std::size_t start = 0;
      for (int field = 0; field < 8; ++field) start = line.find(';', start) + 1;
      const std::size_t end = line.find(';', start);
      line.replace(start, end - start, "2950000");
    }
    out << line << '\n';
  }
  out << "C2027-99-L1;C2027-99;1;Entretien des espaces verts (exemple);Conseil départemental (exemple);"
         "collectivite;services;77310000;300 000,00 €;12;01/06/2027;61000;non\n";
  return path;
}

app::ImportOutcome import(app::Workspace& ws, const std::string& file,
                          const std::string& name = "programme") {
  DiagnosticList diags;
  app::ImportRequest request;
  request.name = name;
  request.author = "marie";
  auto outcome = ws.import_file(toolkit(), file, request, diags);
  CHECK_FALSE(diags.has_errors());
  return outcome;
}

Object::Ptr show(const app::Workspace& ws, const std::string& name = "programme") {
  std::ostringstream out;
  ws.show(toolkit(), name, app::WorkspaceFormat::json, out);
  Poco::JSON::Parser parser;
  return parser.parse(out.str()).extract<Object::Ptr>();
}

Object::Ptr clause(const Object::Ptr& shown, const std::string& reference, const std::string& type) {
  const auto lots = shown->getArray("lots");
  for (std::size_t i = 0; i < lots->size(); ++i) {
    const auto lot = lots->getObject(static_cast<unsigned>(i));
    if (lot->getValue<std::string>("reference") != reference) continue;
    const auto clauses = lot->getArray("clauses");
    for (std::size_t k = 0; k < clauses->size(); ++k) {
      const auto c = clauses->getObject(static_cast<unsigned>(k));
      if (c->getValue<std::string>("type") == type) return c;
    }
  }
  return nullptr;
}

app::DecisionInput decision(const std::string& reference, const std::string& type) {
  app::DecisionInput in;
  in.reference = reference;
  in.clause = type;
  return in;
}

std::size_t history_size(const app::Workspace& ws) {
  std::ostringstream out;
  ws.history("programme", app::WorkspaceFormat::json, out);
  Poco::JSON::Parser parser;
  return parser.parse(out.str()).extract<Object::Ptr>()->getArray("history")->size();
}

}  // namespace

TEST_SUITE("store") {
  TEST_CASE("workspace: a programme imported with its evaluation, shown as the contract says") {
    for (const auto& db : testing::test_databases("import")) {
      CAPTURE(db.engine);
      auto ws = app::Workspace::open(db.url);
      const auto outcome = import(ws, sample);
      CHECK(outcome.written);
      CHECK(outcome.version == 1);
      CHECK(outcome.lots == 43);
      const auto shown = show(ws);
      const auto programme = shown->getObject("programme");
      CHECK(programme->getValue<std::string>("name") == "programme");
      CHECK(programme->getValue<int>("version") == 1);
      CHECK(programme->getValue<std::string>("source") == "programme.csv");
      CHECK(programme->getValue<std::string>("sha256").size() == 64);
      CHECK_FALSE(programme->getValue<bool>("rules_changed"));
      CHECK(shown->getArray("lots")->size() == 43);
      const auto c = clause(shown, "C2027-01-L3", "insertion");
      REQUIRE(c);
      CHECK(c->getObject("proposed")->getValue<std::string>("verdict") == "obligatoire");
      CHECK(c->getObject("proposed")->getValue<int>("hours") == 833);
      CHECK(c->isNull("decision"));
      CHECK(c->getValue<bool>("conflict") == false);
      CHECK(c->getValue<std::string>("label") == "Clause d'insertion (condition d'exécution)");
      CHECK(shown->getArray("motifs")->size() >= 2);
      // The same file again, with the same rules: no new version.
      const auto again = import(ws, sample);
      CHECK(again.unchanged);
      CHECK(again.version == 1);
      CHECK(ws.list().size() == 1);
      CHECK(ws.list()[0].lots == 43);
    }
  }

  TEST_CASE("workspace: a decision is checked whole, saved with its author, and kept in the history") {
    for (const auto& db : testing::test_databases("decide")) {
      CAPTURE(db.engine);
      auto ws = app::Workspace::open(db.url);
      import(ws, sample);
      const std::size_t before = history_size(ws);

      auto bad = decision("NOPE", "inserton");
      bad.verdict = "oui";
      bad.hours = "-3";
      const auto refused = ws.decide(toolkit(), "programme", bad, "marie");
      CHECK_FALSE(refused.saved);
      REQUIRE(refused.errors.size() == 4);
      CHECK(testing::plain(refused.errors[0].message).find("aucun lot de référence « NOPE »") !=
            std::string::npos);
      CHECK(testing::plain(refused.errors[1].message).find("type de clause inconnu « inserton »") !=
            std::string::npos);
      CHECK(refused.errors[2].location.str().find("verdict") != std::string::npos);
      CHECK(refused.errors[3].message.find("nombre entier d'heures") != std::string::npos);
      for (const std::string hours : {"12.5", "1e3", "douze", "999999999999"}) {
        auto in = decision("C2027-01-L3", "insertion");
        in.hours = hours;
        CHECK(ws.decide(toolkit(), "programme", in, "marie").errors.size() == 1);
      }
      CHECK(history_size(ws) == before);

      auto in = decision("C2027-01-L3", "insertion");
      in.hours = "900";
      in.comment = "Accord de l'acheteur";
      CHECK(ws.decide(toolkit(), "programme", in, "marie").saved);
      // A later decision changes only what it gives (the command line's way).
      auto more = decision("C2027-01-L3", "insertion");
      more.verdict = "recommandee";
      CHECK(ws.decide(toolkit(), "programme", more, "paul").saved);
      auto c = clause(show(ws), "C2027-01-L3", "insertion");
      auto d = c->getObject("decision");
      REQUIRE(d);
      CHECK(d->getValue<int>("hours") == 900);
      CHECK(d->getValue<std::string>("verdict") == "recommandee");
      CHECK(d->getValue<std::string>("comment") == "Accord de l'acheteur");
      CHECK(d->getValue<std::string>("author") == "paul");
      CHECK(c->getObject("proposed")->getValue<int>("hours") == 833);
      // The web's way: the whole decision, absent fields cleared.
      auto put = decision("C2027-01-L3", "insertion");
      put.hours = "950";
      put.replace = true;
      CHECK(ws.decide(toolkit(), "programme", put, "web").saved);
      d = clause(show(ws), "C2027-01-L3", "insertion")->getObject("decision");
      CHECK(d->isNull("verdict"));
      CHECK(d->isNull("comment"));
      CHECK(d->getValue<int>("hours") == 950);

      std::ostringstream json;
      ws.history("programme", app::WorkspaceFormat::json, json, "C2027-01-L3");
      Poco::JSON::Parser parser;
      const auto history = parser.parse(json.str()).extract<Object::Ptr>()->getArray("history");
      REQUIRE(history->size() == 3);
      const auto last = history->getObject(2);
      CHECK(last->getValue<std::string>("action") == "decision");
      CHECK(last->getObject("before")->getValue<int>("hours") == 900);
      CHECK(last->getObject("after")->getValue<int>("hours") == 950);

      auto withdraw = decision("C2027-01-L3", "insertion");
      withdraw.withdraw = true;
      CHECK(ws.decide(toolkit(), "programme", withdraw, "marie").saved);
      CHECK(clause(show(ws), "C2027-01-L3", "insertion")->isNull("decision"));
      CHECK(history_size(ws) == before + 4);
      CHECK_THROWS_AS((void)ws.decide(toolkit(), "inconnu", in, "marie"), app::WorkspaceError);
    }
  }

  TEST_CASE("workspace: a re-import says what changed and flags the decisions it touches") {
    for (const auto& db : testing::test_databases("reimport")) {
      CAPTURE(db.engine);
      auto ws = app::Workspace::open(db.url);
      import(ws, sample);
      for (const std::string reference : {"C2027-01-L1", "C2027-01-L2", "C2027-01-L3"}) {
        auto in = decision(reference, "insertion");
        in.hours = "100";
        REQUIRE(ws.decide(toolkit(), "programme", in, "marie").saved);
      }
      const auto outcome = import(ws, revised_sample());
      CHECK(outcome.version == 2);
      CHECK(outcome.added == std::vector<std::string>{"C2027-99-L1"});
      CHECK(outcome.removed == std::vector<std::string>{"C2027-01-L1"});
      REQUIRE(outcome.changed.size() == 1);
      CHECK(outcome.changed[0].reference == "C2027-01-L2");
      REQUIRE(outcome.changed[0].fields.size() == 1);
      CHECK(outcome.changed[0].fields[0].field == "montant_ht");
      CHECK(outcome.changed[0].fields[0].before == "2\u202F350\u202F000\u00A0€");
      CHECK(outcome.changed[0].fields[0].after == "2\u202F950\u202F000\u00A0€");
      CHECK(outcome.decisions_on_changed.size() == 2);

      const auto shown = show(ws);
      CHECK(shown->getObject("programme")->getValue<int>("conflicts") == 2);
      const auto changed = clause(shown, "C2027-01-L2", "insertion");
      CHECK(changed->getValue<std::string>("conflict").find("montant_ht") != std::string::npos);
      CHECK(clause(shown, "C2027-01-L3", "insertion")->getValue<bool>("conflict") == false);
      const auto orphans = shown->getArray("decisions_without_lot");
      REQUIRE(orphans->size() == 1);
      CHECK(orphans->getObject(0)->getValue<std::string>("reference") == "C2027-01-L1");
      // Deciding again on the changed lot settles the conflict.
      auto again = decision("C2027-01-L2", "insertion");
      again.hours = "120";
      REQUIRE(ws.decide(toolkit(), "programme", again, "marie").saved);
      CHECK(clause(show(ws), "C2027-01-L2", "insertion")->getValue<bool>("conflict") == false);
    }
  }

  TEST_CASE("workspace: excluding a clause the law makes mandatory needs a motif") {
    for (const auto& db : testing::test_databases("motif")) {
      CAPTURE(db.engine);
      auto ws = app::Workspace::open(db.url);
      import(ws, sample);
      auto in = decision("C2027-01-L3", "insertion");
      in.verdict = "exclue";
      REQUIRE(ws.decide(toolkit(), "programme", in, "marie").saved);
      const auto c = clause(show(ws), "C2027-01-L3", "insertion");
      CHECK(c->getValue<std::string>("conflict").find("L2112-2-1") != std::string::npos);
      in.motif = "Une condition d'exécution sociale n'aurait pas de lien suffisant avec l'objet du marché";
      REQUIRE(ws.decide(toolkit(), "programme", in, "marie").saved);
      CHECK(clause(show(ws), "C2027-01-L3", "insertion")->getValue<bool>("conflict") == false);
    }
  }

  TEST_CASE("workspace: the stored lots evaluate as a programme, with the decisions applied") {
    for (const auto& db : testing::test_databases("programme")) {
      CAPTURE(db.engine);
      auto ws = app::Workspace::open(db.url);
      import(ws, sample);
      auto in = decision("C2027-01-L3", "insertion");
      in.hours = "900";
      REQUIRE(ws.decide(toolkit(), "programme", in, "marie").saved);
      app::EvaluateRequest request;
      request.programme = "programme";
      request.opened = std::make_shared<const readers::Programme>(ws.programme("programme"));
      request.adjust = ws.decisions_applier("programme");
      std::vector<LotEvaluation> lots;
      DiagnosticList diags;
      class Keep final : public writers::EvaluationSink {
       public:
        explicit Keep(std::vector<LotEvaluation>& out) : out_(out) {}
        void begin(const std::vector<engine::ClauseInfo>&) override {}
        void lot(const LotEvaluation& e) override { out_.push_back(e); }
        void end(const std::vector<Diagnostic>&, const writers::RunSummary&) override {}

       private:
        std::vector<LotEvaluation>& out_;
      } sink(lots);
      const auto outcome = app::evaluate_programme(toolkit(), request, sink, diags);
      CHECK_FALSE(outcome.input_errors);
      REQUIRE(lots.size() == 43);
      const LotEvaluation* l3 = nullptr;
      for (const auto& e : lots) {
        if (e.lot.reference == "C2027-01-L3") l3 = &e;
      }
      REQUIRE(l3);
      CHECK(l3->consultation.lots == 9);  // totals of the consultation as in the file
      const ClauseResult* c = l3->clause("insertion");
      REQUIRE(c);
      CHECK(c->hours == 900);
      bool proposed = false;
      for (const auto& v : c->values) {
        if (v.name == "proposed_hours") proposed = std::get<double>(v.value) == 833.0;
      }
      CHECK(proposed);
      CHECK(c->reasons.back().text().find("Décision du facilitateur") != std::string::npos);
    }
  }

  TEST_CASE("workspace: export and restore rebuild the programme elsewhere, whole") {
    auto sources = testing::test_databases("export");
    auto targets = testing::test_databases("restore");
    for (std::size_t i = 0; i < sources.size(); ++i) {
      CAPTURE(sources[i].engine);
      auto from = app::Workspace::open(sources[i].url);
      import(from, sample);
      auto in = decision("C2027-01-L3", "insertion");
      in.hours = "900";
      REQUIRE(from.decide(toolkit(), "programme", in, "marie").saved);
      import(from, revised_sample());
      std::stringstream archive;
      from.export_json("programme", archive);

      // Restored into the other engine when both are there.
      auto to = app::Workspace::open(targets[(i + 1) % targets.size()].url);
      CHECK(to.restore(archive, "archive.json", "paul", false) == "programme");
      const auto a = show(from);
      const auto b = show(to);
      CHECK(b->getObject("programme")->getValue<int>("version") == 2);
      CHECK(b->getArray("lots")->size() == a->getArray("lots")->size());
      CHECK(clause(b, "C2027-01-L3", "insertion")->getObject("decision")->getValue<int>("hours") == 900);
      CHECK(b->getObject("programme")->getValue<int>("conflicts") ==
            a->getObject("programme")->getValue<int>("conflicts"));
      CHECK(history_size(to) == history_size(from) + 1);

      archive.clear();
      archive.seekg(0);
      CHECK_THROWS_AS((void)to.restore(archive, "archive.json", "paul", false), app::WorkspaceError);
      archive.clear();
      archive.seekg(0);
      CHECK(to.restore(archive, "archive.json", "paul", true) == "programme");

      std::stringstream broken(R"({"format": "clausier-workspace", "format_version": 1, "programme": {}})");
      try {
        (void)to.restore(broken, "cassé.json", "paul", true);
        FAIL("restored");
      } catch (const app::WorkspaceError& e) {
        CHECK(std::string(e.what()).find("cassé.json: .programme.name") != std::string::npos);
      }
    }
  }

  TEST_CASE("workspace: a file with no valid lot writes nothing") {
    for (const auto& db : testing::test_databases("empty")) {
      CAPTURE(db.engine);
      auto ws = app::Workspace::open(db.url);
      const std::string path = testing::scratch_path("workspace/no-lot.csv");
      {
        std::ofstream(path)
            << "Référence;Objet;Nature;Code CPV;Montant estimé HT;Date prévisionnelle de lancement\n"
               "X1;Objet;travaux;pas un code;abc;hier\n";
      }
      DiagnosticList diags;
      app::ImportRequest request;
      request.author = "marie";
      const auto outcome = ws.import_file(toolkit(), path, request, diags);
      CHECK_FALSE(outcome.written);
      CHECK(diags.has_errors());
      CHECK(ws.list().empty());
    }
  }

  TEST_CASE("workspace: decisions from several threads at once are all kept") {
    for (const auto& db : testing::test_databases("concurrent")) {
      CAPTURE(db.engine);
      auto ws = app::Workspace::open(db.url);
      import(ws, sample);
      const std::vector<std::string> references = {"C2027-01-L2", "C2027-01-L3", "C2027-01-L4",
                                                   "C2027-01-L5"};
      std::vector<std::thread> threads;
      std::atomic<int> saved{0};
      for (const auto& reference : references) {
        threads.emplace_back([&, reference] {
          for (int k = 0; k < 10; ++k) {
            auto in = decision(reference, "insertion");
            in.hours = std::to_string(100 + k);
            if (ws.decide(toolkit(), "programme", in, "marie").saved) ++saved;
          }
        });
      }
      for (auto& t : threads) t.join();
      CHECK(saved == 40);
      const auto shown = show(ws);
      for (const auto& reference : references)
        CHECK(clause(shown, reference, "insertion")->getObject("decision")->getValue<int>("hours") == 109);
      CHECK(history_size(ws) == 41);
    }
  }
}
