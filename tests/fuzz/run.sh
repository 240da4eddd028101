#!/usr/bin/env bash
# Builds the readers' libFuzzer targets with clang in build-fuzz/ and runs each
# (csv, xlsx, ods, decp) for SECONDS (default 60). The seed corpus of the repository
# (tests/fuzz/corpus/<reader>/) is read, never written: new inputs go to
# build-fuzz/fuzz-corpus/<reader>/, crashes and slow inputs to
# build-fuzz/fuzz-artifacts/<reader>/. Exit status 1 when a target found
# something.
#
#   tests/fuzz/run.sh [SECONDS] [READER...]
#   CLAUSIER_FUZZ_BUILD=/tmp/fz tests/fuzz/run.sh 10 xlsx
set -euo pipefail

seconds="${1:-60}"
shift || true
readers=("$@")
[ ${#readers[@]} -gt 0 ] || readers=(csv xlsx ods decp)
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${CLAUSIER_FUZZ_BUILD:-$root/build-fuzz}"

# Until tests/CMakeLists.txt adds this folder, have CMake add it last.
extra=()
if ! grep -qs '^[^#]*add_subdirectory(fuzz)' "$root/tests/CMakeLists.txt"; then
  extra=(-DCMAKE_PROJECT_INCLUDE="$root/tests/fuzz/defer.cmake")
fi
CC="${CC:-clang}" CXX="${CXX:-clang++}" cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCLAUSIER_FUZZ=ON "${extra[@]}" >/dev/null
targets=()
for reader in "${readers[@]}"; do targets+=("fuzz_$reader"); done
ninja -C "$build" "${targets[@]}"

status=0
for reader in "${readers[@]}"; do
  corpus="$build/fuzz-corpus/$reader"
  artifacts="$build/fuzz-artifacts/$reader/"
  mkdir -p "$corpus" "$artifacts"
  echo "== fuzz_$reader: $seconds s"
  # -timeout: an input taking more than 5 s is a hang (the bar is one second);
  # -rss_limit_mb: memory must stay flat whatever the input.
  if ! "$build/tests/fuzz/fuzz_$reader" "$corpus" "$root/tests/fuzz/corpus/$reader" \
      -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 -max_len=65536 \
      -artifact_prefix="$artifacts" -print_final_stats=1 2>"$build/fuzz-$reader.log"; then
    status=1
    echo "fuzz_$reader found a problem: see $build/fuzz-$reader.log and $artifacts" >&2
    tail -40 "$build/fuzz-$reader.log" >&2
  else
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' "$build/fuzz-$reader.log" || true
  fi
done
exit $status
