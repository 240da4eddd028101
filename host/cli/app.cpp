#include "cli/app.hpp"

#include <algorithm>
#include <iostream>
#include <optional>

#include "app/evaluate.hpp"
#include "base/allocator.hpp"
#include "base/build_info.hpp"
#include "base/french.hpp"
#include "base/paths.hpp"
#include "cli/common.hpp"
#include "cli/programme_input.hpp"
#include "cli/progress.hpp"
#include "writers/atomic_file.hpp"
#include "writers/documents.hpp"
#include "writers/evaluation_xlsx.hpp"
#include "writers/output_format.hpp"
#include "writers/pdf_converter.hpp"

namespace clausier::cli {
namespace {

const char* main_help =
    "clausier — clauses sociales des marchés publics\n"
    "\n"
    "Usage\u00A0: clausier COMMANDE [options]\n"
    "\n"
    "Commandes\u00A0:\n"
    "  evaluate PROGRAMME   évalue chaque lot d'une programmation d'achats\u00A0: clauses applicables,\n"
    "                       verdicts (obligatoire, recommandée, possible, exclue), heures, motifs\n"
    "  render PROGRAMME     rédige les documents (article du CCAP…) des lots qui les appellent\n"
    "  draft [FICHE]        une consultation (fiche de consultation ou options)\u00A0: son évaluation et\n"
    "                       tous ses documents\n"
    "  review PROGRAMME     revue de toute la programmation pour le facilitateur (page HTML imprimable)\n"
    "  diff PROGRAMME       montre ce qu'un changement de règles change aux verdicts et aux heures\n"
    "                       d'une programmation (--rules-before DOSSIER --rules-after DOSSIER)\n"
    "  export decp|eforms PROGRAMME\n"
    "                       considérations sociales de chaque lot, aux formats des données essentielles\n"
    "                       (DECP 2.0, JSON ou CSV) ou des avis européens (fragments eForms)\n"
    "  rules test           exécute les cas de test des règles (rules/tests/*.lua)\n"
    "  rules check          vérifie les règles, les plugins, les cas de test et les modèles\n"
    "  rules doc            rédige la documentation des règles (regles.md, regles.html)\n"
    "  serve                lance l'application web (revue, rédaction, règles, API JSON)\n"
    "  workspace import|list|show|decide|history|export|restore\n"
    "                       l'espace de travail : programmes, versions et décisions du facilitateur,\n"
    "                       gardés dans une base (SQLite par défaut, PostgreSQL pour un serveur partagé)\n"
    "  user add|list|disable|password|token\n"
    "                       les comptes (rôles admin, facilitateur, acheteur, entreprise, par structure)\n"
    "  audit                le journal d'audit : connexions, comptes, décisions\n"
    "  followup award|template|statement import|status|report|consolidation|purge\n"
    "                       le suivi de l'exécution : attributions, états mensuels des heures d'insertion,\n"
    "                       état de réalisation pour l'acheteur, consolidation annuelle\n"
    "\n"
    "Options générales\u00A0: --version, --help\u202F; «\u00A0clausier COMMANDE --help\u00A0» détaille "
    "chaque "
    "commande.\n"
    "Politique locale\u00A0: --policy FICHIER, ou un fichier politique-locale.lua à côté du programme.\n"
    "Codes de sortie\u00A0: 0 succès, 1 erreurs dans les données (toutes signalées, lots valides traités),\n"
    "2 erreur d'utilisation, 3 une règle ou un plugin a échoué.\n";

// "4" -> 4; nullopt unless a whole number from 1 to 256.
std::optional<std::size_t> parse_count(const std::string& text) {
  if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const auto n = static_cast<std::size_t>(std::stoul(text));
  if (n < 1 || n > 256) return std::nullopt;
  return n;
}

}  // namespace

int run_evaluate(const std::vector<std::string>& argv) {
  const auto specs = with_common({
      {"--format", "", true, "FORMAT",
       "table (par défaut), json, jsonl (un objet JSON par ligne et par lot), csv ou xlsx (classeur, avec "
       "-o)"},
      {"--output", "-o", true, "FICHIER", "écrit le résultat dans FICHIER (écrit en entier ou pas du tout)"},
      {"--explain", "", false, "", "détaille, sous chaque lot, les motifs et les paramètres utilisés"},
      {"--reasons", "", true, "full|short|none",
       "motifs écrits : tous (full, par défaut sauf en jsonl), chacun une fois puis par son numéro (short, "
       "par défaut en jsonl ; en csv, le premier motif de chaque clause) ou aucun (none)"},
      {"--only", "", true, "REFERENCE", "n'évalue que le lot de cette référence"},
      {"--jobs", "-j", true, "N", "évalue les lots sur N fils d'exécution (par défaut : un par cœur)"},
  });
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "evaluate");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier evaluate PROGRAMME [--format table|json|jsonl|csv|xlsx] [-o FICHIER] [--explain] "
        "[--reasons full|short|none] [--jobs N] [--sheet NOM|N] [--policy FICHIER]",
        "Évalue chaque lot de PROGRAMME (CSV, XLSX, ODS ou DECP ; « - » pour l'entrée standard) avec les "
        "règles en "
        "vigueur à sa date de lancement.\nLes seuils sont appréciés sur le total de la "
        "consultation, les heures sont calculées par lot.\nLe format xlsx écrit un classeur filtrable, une "
        "ligne par lot et par type de clause (avec -o FICHIER.xlsx).",
        specs);
  }
  if (args.positional.size() != 1)
    return usage_error("indiquez un et un seul fichier de programmation", "evaluate");
  std::string format_error;
  const std::string format_name = chosen_format(args, writers::Output::evaluation, format_error);
  if (format_name.empty()) return usage_error(format_error, "evaluate");
  const auto format = writers::evaluation_format(format_name);
  if (const writers::OutputFormat& entry = *writers::output_format(format_name); entry.binary) {
    if (std::string error =
            binary_output_error(args.value("--output"), "classeur " + format_name, entry.extension);
        !error.empty())
      return usage_error(error, "evaluate");
  }
  writers::ReasonsMode reasons =
      *format == writers::EvaluationFormat::jsonl ? writers::ReasonsMode::brief : writers::ReasonsMode::full;
  if (auto v = args.value("--reasons")) {
    const auto mode = writers::reasons_mode(*v);
    if (!mode) return usage_error("--reasons attend full, short ou none, pas « " + *v + " »", "evaluate");
    const bool numbered =
        *format == writers::EvaluationFormat::jsonl || *format == writers::EvaluationFormat::csv;
    if (*mode == writers::ReasonsMode::brief && !numbered)
      return usage_error("--reasons short vaut pour les formats jsonl et csv : pour " + format_name +
                             ", choisissez full ou none",
                         "evaluate");
    if (*mode != writers::ReasonsMode::full &&
        (*format == writers::EvaluationFormat::table || *format == writers::EvaluationFormat::xlsx))
      return usage_error("--reasons vaut pour les formats json, jsonl et csv", "evaluate");
    reasons = *mode;
  }
  std::size_t jobs = 0;
  if (auto v = args.value("--jobs")) {
    const auto n = parse_count(*v);
    if (!n)
      return usage_error("--jobs attend un nombre de fils d'exécution de 1 à 256, pas « " + *v + " »",
                         "evaluate");
    jobs = *n;
  }
  const CommonSetup setup = common_setup(args, std::filesystem::path(args.positional[0]));
  if (!setup.error.empty()) return usage_error(setup.error, "evaluate");

  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(setup.paths, diags, {});
  announce_policy(toolkit, setup);
  ProgressLine progress(ProgressLine::on_terminal());
  app::EvaluateRequest request{
      args.positional[0], setup.as_of, args.value("--only").value_or(""),
      setup.sheet,        jobs,        [&](const app::EvaluateProgress& p) { progress.update(p); }};

  Output output(args.value("--output"));
  if (!output.ok()) return 1;
  std::unique_ptr<writers::EvaluationSink> sink;
  const writers::XlsxEvaluationSink* workbook = nullptr;
  if (*format == writers::EvaluationFormat::xlsx) {
    auto xlsx = writers::make_xlsx_sink(output.stream());
    workbook = xlsx.get();
    sink = std::move(xlsx);
  } else {
    sink = writers::make_sink(*format, output.stream(), {args.has("--explain"), reasons});
  }
  const app::EvaluateOutcome outcome = app::evaluate_programme(toolkit, request, *sink, diags);
  print_diagnostics(diags);
  // A programme that could not be read leaves no output file behind.
  if (outcome.unreadable) return app::exit_status(outcome, toolkit);
  if (workbook != nullptr && !workbook->error().empty()) {
    std::cerr << "clausier" << fr::colon << " " << fr::typography(workbook->error()) << '\n';
    return 1;
  }
  if (!output.commit()) return 1;
  return app::exit_status(outcome, toolkit);
}

int run_render(const std::vector<std::string>& argv) {
  auto specs = with_common({
      {"--output", "-o", true, "DOSSIER", "dossier de sortie (par défaut : documents)"},
      {"--format", "", true, "FORMATS",
       "formats séparés par des virgules : docx,odt,html,md,pdf (par défaut : docx,odt,html,md ; pdf : le "
       "DOCX converti par LibreOffice, tous les documents en une fois)"},
      {"--only", "", true, "REFERENCE", "ne rédige que les documents de ce lot"},
  });
  specs = with_workspace_input(std::move(specs));
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "render");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier render PROGRAMME|--workspace NOM [-o DOSSIER] [--format docx,odt,html,md,pdf] [--only "
        "REFERENCE]",
        "Rédige, pour chaque lot dont l'évaluation les appelle, les documents des modèles "
        "(article du CCAP de la clause d'insertion…), dans DOSSIER/<référence du lot>/.\nAvec --workspace, "
        "les "
        "verdicts et heures décidés dans l'espace de travail remplacent ceux proposés.",
        specs);
  }
  const ProgrammeInput input = programme_input(args, 0, true);
  if (!input.usage.empty()) return usage_error(input.usage, "render");
  if (!input.failure.empty()) return workspace_failure(input.failure);
  const CommonSetup setup =
      common_setup(args, input.opened ? std::nullopt : std::optional<std::filesystem::path>(input.path));
  if (!setup.error.empty()) return usage_error(setup.error, "render");
  std::vector<std::string> formats;
  if (auto v = args.value("--format")) {
    std::string error;
    auto list = format_list(*v, writers::format_names(writers::Output::documents), error);
    if (!list) return usage_error(error, "render");
    formats = *list;
  }
  // PDF: each document's DOCX, converted by LibreOffice all at once at the end.
  const bool pdf = std::find(formats.begin(), formats.end(), "pdf") != formats.end();
  const std::string pdf_source(pdf ? writers::output_format("pdf")->made_from : "");
  std::vector<std::string> rendered;
  for (const auto& f : formats) {
    if (f != "pdf") rendered.push_back(f);
  }
  if (pdf && std::find(rendered.begin(), rendered.end(), pdf_source) == rendered.end()) {
    rendered.push_back(pdf_source);
  }
  std::optional<writers::PdfBatch> batch;
  if (pdf) {
    batch.emplace();
    if (!batch->error().empty()) {
      std::cerr << "clausier" << fr::colon << " " << batch->error() << '\n';
      return 1;
    }
  }
  const auto wanted = [&](const std::string& f) {
    return formats.empty() || std::find(formats.begin(), formats.end(), f) != formats.end();
  };
  std::vector<std::filesystem::path> pdf_files;  // by batch number

  DiagnosticList diags;
  const app::Toolkit toolkit = app::Toolkit::load(setup.paths, diags, {.templates = true});
  announce_policy(toolkit, setup);
  app::EvaluateRequest request{input.path, setup.as_of, args.value("--only").value_or(""), setup.sheet};
  request.opened = input.opened;
  request.adjust = input.adjust;
  writers::DocumentRequest documents{
      args.value("--output").value_or("documents"),
      rendered,
      {generation_date(), std::string("clausier ") + build::version, &toolkit.params(), setup.as_of}};
  std::size_t files = 0;
  std::size_t lots_with_documents = 0;
  auto sink = writers::make_null_sink();  // render prints a summary, not the evaluation
  const app::EvaluateOutcome outcome =
      app::evaluate_programme(toolkit, request, *sink, diags, [&](const LotEvaluation& e) {
        if (!pdf) {
          const auto written =
              writers::write_lot_documents(e, toolkit.templates(), toolkit.clause_infos(), documents, diags);
          files += written.size();
          lots_with_documents += written.empty() ? 0 : 1;
          return;
        }
        const std::filesystem::path folder = documents.out_dir / writers::safe_file_name(e.lot.reference);
        bool any = false;
        for (const auto& doc : writers::render_lot_documents(e, toolkit.templates(), toolkit.clause_infos(),
                                                             rendered, documents.context, diags)) {
          if (doc.format == pdf_source) {
            batch->add(doc.text, writers::output_format(pdf_source)->extension);
            pdf_files.push_back(folder / std::filesystem::path(doc.file_name).replace_extension(".pdf"));
            any = true;
          }
          if (!wanted(doc.format)) continue;
          const std::filesystem::path file = folder / doc.file_name;
          if (std::string error = writers::write_file_atomic(file, doc.text); !error.empty()) {
            diags.error(Location::in_file(file.string()), error);
            continue;
          }
          ++files;
          any = true;
        }
        lots_with_documents += any ? 1 : 0;
      });
  if (pdf && !batch->convert()) {
    print_diagnostics(diags);
    std::cerr << "Aucun PDF écrit" << fr::colon << " " << batch->error() << '\n';
    return 1;
  }
  for (std::size_t n = 0; pdf && n < pdf_files.size(); ++n) {
    const std::string bytes = batch->pdf_bytes(n);
    if (std::string error = writers::write_file_atomic(pdf_files[n], bytes); !error.empty()) {
      diags.error(Location::in_file(pdf_files[n].string()), error);
      continue;
    }
    ++files;
  }
  print_diagnostics(diags);
  std::cout << files << " document(s) rédigé(s) pour " << lots_with_documents << " lot(s) sur "
            << outcome.summary.lots_evaluated << ", dans " << display_path(documents.out_dir) << "/\n";
  return app::exit_status(outcome, toolkit);
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << main_help;
    return args.empty() ? exit_usage : 0;
  }
  if (args[0] == "--version") {
    std::cout << "clausier " << build::version << '\n'
              << "allocateur mémoire" << fr::colon << ' ' << allocator_description() << '\n';
    return 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "evaluate") return run_evaluate(args);
    if (command == "render") return run_render(args);
    if (command == "draft") return run_draft(args);
    if (command == "diff") return run_diff(args);
    if (command == "review") return run_review(args);
    if (command == "rules") return run_rules(args);
    if (command == "serve") return run_serve(args);
    if (command == "export") return run_export(args);
    if (command == "workspace") return run_workspace(args);
    if (command == "user") return run_user(args);
    if (command == "audit") return run_audit(args);
    if (command == "followup") return run_followup(args);
  } catch (const std::exception& e) {
    // A bug, not a user error: say so plainly rather than crash.
    std::cerr << "clausier" << fr::colon << " erreur interne" << fr::colon << " " << e.what() << '\n';
    return 3;
  }
  return usage_error("commande inconnue « " + command + " »", "");
}

}  // namespace clausier::cli
