#pragma once
// What the commands that read a programme read: the file given as an
// argument, or, with --workspace NAME, the lots of a workspace programme
// (docs/workspace.md) with its decisions applied to each evaluation.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/workspace.hpp"
#include "cli/args.hpp"
#include "readers/programme.hpp"

namespace clausier::cli {

// `specs` with --workspace NAME and --db URL.
[[nodiscard]] std::vector<OptionSpec> with_workspace_input(std::vector<OptionSpec> specs);

struct ProgrammeInput {
  std::string path;  // the file (or "-"), or the workspace as shown in messages
  std::shared_ptr<const readers::Programme> opened;  // the workspace's lots; null for a file
  std::function<void(LotEvaluation&)> adjust;        // the workspace's decisions; empty for a file
  std::shared_ptr<app::Workspace> workspace;         // kept open while the lots are read
  std::string usage;                                 // a usage error, when not empty
  std::string failure;                               // the workspace cannot be read (exit 1), when not empty
};

// The programme of a command whose file would be `args.positional[position]`.
// With --workspace, no file may be given there. `decisions`: apply them.
[[nodiscard]] ProgrammeInput programme_input(const ParsedArgs& args, std::size_t position, bool decisions);

// Prints "clausier : message" (a workspace that cannot be read) on standard
// error; returns 1.
int workspace_failure(const std::string& message);

// The author of a change made from the command line: CLAUSIER_AUTHOR, else
// the login name.
[[nodiscard]] std::string cli_author();

}  // namespace clausier::cli
