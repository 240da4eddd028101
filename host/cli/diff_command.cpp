// clausier diff PROGRAMME --rules-before A --rules-after B

#include <algorithm>
#include <iostream>

#include "app/diff.hpp"
#include "cli/common.hpp"
#include "cli/programme_input.hpp"
#include "writers/output_format.hpp"

namespace clausier::cli {

int run_diff(const std::vector<std::string>& argv) {
  auto specs = with_common(
      {
          {"--rules-before", "", true, "DOSSIER", "règles avant le changement (obligatoire)"},
          {"--rules-after", "", true, "DOSSIER", "règles après le changement (obligatoire)"},
          {"--format", "", true, "FORMAT", "table (par défaut) ou json"},
          {"--output", "-o", true, "FICHIER",
           "écrit le résultat dans FICHIER (écrit en entier ou pas du tout)"},
          {"--only", "", true, "REFERENCE", "ne compare que le lot de cette référence"},
      },
      {.rules = false, .templates = false});
  specs = with_workspace_input(std::move(specs));
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "diff");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier diff PROGRAMME|--workspace NOM --rules-before DOSSIER --rules-after DOSSIER [--format "
        "table|json] [-o "
        "FICHIER]",
        "Évalue chaque lot de PROGRAMME avec les deux jeux de règles et liste seulement les lots dont un "
        "verdict ou un nombre d'heures change (avant → après, par type de clause), puis l'écart des heures\n"
        "d'insertion totales par type de clause et le nombre de lots modifiés. Les mêmes plugins et la même "
        "politique locale servent des deux côtés ; le programme n'est lu qu'une fois pour les deux.",
        specs);
  }
  // The rules' proposals are compared: the workspace's decisions are not applied.
  const ProgrammeInput input = programme_input(args, 0, false);
  if (!input.usage.empty()) return usage_error(input.usage, "diff");
  if (!input.failure.empty()) return workspace_failure(input.failure);
  const auto before_dir = args.value("--rules-before");
  const auto after_dir = args.value("--rules-after");
  if (!before_dir || !after_dir) {
    return usage_error("indiquez les deux jeux de règles : --rules-before DOSSIER et --rules-after DOSSIER",
                       "diff");
  }
  std::string format_error;
  const std::string format_name = chosen_format(args, writers::Output::diff, format_error);
  if (format_name.empty()) return usage_error(format_error, "diff");
  const writers::DiffFormat format =
      format_name == "json" ? writers::DiffFormat::json : writers::DiffFormat::table;
  const CommonSetup setup =
      common_setup(args, input.opened ? std::nullopt : std::optional<std::filesystem::path>(input.path));
  if (!setup.error.empty()) return usage_error(setup.error, "diff");

  DiagnosticList diags;
  app::ResourcePaths before_paths = setup.paths;
  before_paths.rules = *before_dir;
  app::ResourcePaths after_paths = setup.paths;
  after_paths.rules = *after_dir;
  const app::Toolkit before = app::Toolkit::load(before_paths, diags, {});
  // The plugins and the policy are the same on both sides: their messages are
  // said once.
  DiagnosticList after_diags;
  const app::Toolkit after = app::Toolkit::load(after_paths, after_diags, {});
  for (const auto& d : after_diags.all()) {
    const bool said = std::any_of(diags.all().begin(), diags.all().end(), [&](const Diagnostic& e) {
      return e.severity == d.severity && e.message == d.message && e.location.str() == d.location.str();
    });
    if (!said) diags.report(d);
  }
  announce_policy(after, setup);

  Output output(args.value("--output"));
  if (!output.ok()) return 1;
  auto sink = writers::make_diff_sink(format, output.stream());
  const app::DiffOutcome outcome = app::diff_programme(
      before, after, {input.path, setup.as_of, args.value("--only").value_or(""), setup.sheet, input.opened},
      *sink, diags);
  print_diagnostics(diags);
  // A programme that could not be read leaves no output file behind.
  if (!outcome.unreadable && !output.commit()) return 1;
  return app::exit_status(outcome, before, after);
}

}  // namespace clausier::cli
