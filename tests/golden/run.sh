#!/usr/bin/env bash
# Runs one golden case: tests/golden/<case>/cmd holds the arguments given to
# clausier (one line, words separated by spaces; {out} stands for a fresh
# output folder). The case's expected/ folder holds what it must produce:
# stdout, stderr, status, and every file written below {out} (under out/).
# Outputs are normalised (the output folder's path becomes {out}; documents
# are dated by SOURCE_DATE_EPOCH) so they are stable and reviewable.
# With CLAUSIER_ACCEPT=1 the expected/ folder is rewritten from the outputs:
# review the change with `git diff` before committing it.
set -uo pipefail
clausier="$1"
case_dir="$2"
name="$(basename "$case_dir")"
work="$(mktemp -d "${TMPDIR:-/tmp}/clausier-golden-$name.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/actual/out"

read -r -a words <"$case_dir/cmd"
args=()
for w in "${words[@]}"; do args+=("${w//\{out\}/$work/actual/out}"); done

SOURCE_DATE_EPOCH=1795305600 timeout 120 "$clausier" "${args[@]}" >"$work/actual/stdout" 2>"$work/actual/stderr"
echo $? >"$work/actual/status"
for f in "$work/actual/stdout" "$work/actual/stderr"; do
  sed -i "s#$work/actual/out#{out}#g" "$f"
done
# Documents written elsewhere than {out} are not part of a golden case.
find "$work/actual/out" -type d -empty -delete 2>/dev/null || true

if [ "${CLAUSIER_ACCEPT:-}" = "1" ]; then
  rm -rf "$case_dir/expected"
  cp -r "$work/actual" "$case_dir/expected"
  echo "golden $name: expected/ rewritten; review it with git diff"
  exit 0
fi

if diff -ru "$case_dir/expected" "$work/actual" >"$work/diff"; then
  echo "golden $name: identical"
  exit 0
fi
echo "golden $name: outputs differ from $case_dir/expected (make accept rewrites them):" >&2
head -c 20000 "$work/diff" >&2
exit 1
