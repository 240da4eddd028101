#!/usr/bin/env bash
# ctest runs each doctest case by name (doctest_discover_tests), and CMake
# splits a name at ';' into two tests that match nothing and pass without
# running anything. Refuse such names.
set -euo pipefail
bad=$("$1" --list-test-cases --no-version | grep ';' || true)
if [ -n "$bad" ]; then
  echo "Noms de cas de test contenant « ; » (ctest ne les exécuterait pas) :" >&2
  echo "$bad" >&2
  exit 1
fi
echo "test case names: none would be split by ctest"
