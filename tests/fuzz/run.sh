#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/fuzz_<name>.cpp) with clang in
# build-fuzz/ and runs each for SECONDS (default: $FUZZ_SECONDS, else 60) on
# its seed corpus. The corpus of the repository (tests/fuzz/corpus/<name>/) is
# read, never written: new inputs go to build-fuzz/fuzz-corpus/<name>/,
# crashes, leaks and slow inputs to build-fuzz/fuzz-artifacts/<name>/. Exit
# status 1 when a target found something, 2 when the build failed.
#
#   tests/fuzz/run.sh [SECONDS] [NAME...]      (NAME: csv, xlsx, ods…; default: every target)
#   CLAUSIER_FUZZ_BUILD=/tmp/fz tests/fuzz/run.sh 10 xlsx
#   FUZZ_CMAKE_FLAGS="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache" tests/fuzz/run.sh
set -euo pipefail

seconds="${1:-${FUZZ_SECONDS:-60}}"
shift || true
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${CLAUSIER_FUZZ_BUILD:-$root/build-fuzz}"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for source in "$root"/tests/fuzz/fuzz_*.cpp; do
    name="$(basename "$source" .cpp)"
    names+=("${name#fuzz_}")
  done
fi

# shellcheck disable=SC2086 # FUZZ_CMAKE_FLAGS is a list of flags
if ! CC="${CC:-clang}" CXX="${CXX:-clang++}" cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAUSIER_FUZZ=ON ${FUZZ_CMAKE_FLAGS:-} >/dev/null; then
  echo "configuration of $build failed" >&2
  exit 2
fi
targets=()
for name in "${names[@]}"; do targets+=("fuzz_$name"); done
ninja -C "$build" "${targets[@]}" || exit 2

status=0
for name in "${names[@]}"; do
  corpus="$build/fuzz-corpus/$name"
  artifacts="$build/fuzz-artifacts/$name/"
  seeds="$root/tests/fuzz/corpus/$name"
  mkdir -p "$corpus" "$artifacts"
  [ -d "$seeds" ] || seeds="$corpus"
  echo "== fuzz_$name: $seconds s"
  # -timeout: an input taking more than 5 s is a hang (the bar is one second);
  # -rss_limit_mb: memory must stay flat whatever the input.
  if ! "$build/tests/fuzz/fuzz_$name" "$corpus" "$seeds" \
      -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 -max_len=65536 \
      -artifact_prefix="$artifacts" -print_final_stats=1 2>"$build/fuzz-$name.log"; then
    status=1
    echo "fuzz_$name found a problem: see $build/fuzz-$name.log and $artifacts" >&2
    tail -40 "$build/fuzz-$name.log" >&2
  else
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' "$build/fuzz-$name.log" || true
  fi
done
exit $status
