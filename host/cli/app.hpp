#pragma once

namespace clausier::cli {
// Runs the command line; returns the process exit status (docs/cli.md).
int run(int argc, char** argv);
}  // namespace clausier::cli
