#!/usr/bin/env bash
# Usage errors, help and version: exit statuses of docs/cli.md.
source "$(dirname "$0")/lib.sh"

run version --version
expect_status version 0
expect_in version out "clausier"
expect_in version out "allocateur mémoire"
# Linked with mimalloc (CLAUSIER_MIMALLOC): it must really serve malloc.
if ldd "$CLAUSIER" 2>/dev/null | grep -q libmimalloc; then
  expect_in version out "allocateur mémoire : mimalloc 2."
fi

run help --help
expect_status help 0
expect_in help out "evaluate"
expect_in help out "render"

run evaluate_help evaluate --help
expect_status evaluate_help 0
expect_in evaluate_help out "--format"

run render_help render --help
expect_status render_help 0
expect_in render_help out "--only"

run unknown frobnicate
expect_status unknown 2
expect_in unknown err "commande inconnue"

run bad_option evaluate samples/departement-2027/programme.csv --formt json
expect_status bad_option 2
expect_in bad_option err "option inconnue"

run bad_format evaluate samples/departement-2027/programme.csv --format yaml
expect_status bad_format 2
expect_in bad_format err "yaml"

run no_file evaluate
expect_status no_file 2

run bad_date evaluate samples/departement-2027/programme.csv --as-of 2026-13-01
expect_status bad_date 2

run missing evaluate /nonexistent/programme.csv
expect_status missing 1
expect_in missing err "/nonexistent/programme.csv"

finish
