#!/usr/bin/env bash
# Browser tests of `clausier serve`: starts the server on a free port, then
# drives headless Chromium through chromedriver (tests/browser/serve_test.py).
# Screenshots go to ARTEFACT_DIR (the build tree). Exit 77 (skipped) when
# Chromium or chromedriver is missing.
# Usage: tests/browser/run.sh path/to/clausier ARTEFACT_DIR
source "$(dirname "$0")/../cli/lib.sh"
source "$(dirname "$0")/../cli/serve_lib.sh"
ARTEFACTS="${2:?usage: $0 clausier ARTEFACT_DIR}"
for tool in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$tool" ] || { echo "$tool absent : test ignoré (.ci/install-deps l'installe)"; exit 77; }
done
start_server browser || exit 1
python3 "$(dirname "$0")/serve_test.py" "$URL" samples/departement-2027/programme.xlsx "$ARTEFACTS"
