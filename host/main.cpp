#include "cli/app.hpp"

int main(int argc, char** argv) { return clausier::cli::run(argc, argv); }
