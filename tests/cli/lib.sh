# Helpers for the command-line tests. Each test script gets the clausier
# binary as $1 and runs from the source root.
set -uo pipefail

CLAUSIER="${1:?usage: $0 path/to/clausier}"
TEST_NAME="$(basename "$0" .sh)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/clausier-${TEST_NAME}.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
FAILURES=0
CHECKS=0

fail() {
  echo "ÉCHEC ($TEST_NAME): $*" >&2
  FAILURES=$((FAILURES + 1))
}

# run NAME ARGS...: runs clausier, keeping stdout, stderr and status in $WORK/NAME.*
run() {
  local name="$1"
  shift
  timeout 60 "$CLAUSIER" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
  echo $? >"$WORK/$name.status"
}

expect_status() {
  CHECKS=$((CHECKS + 1))
  local got
  got="$(cat "$WORK/$1.status")"
  [ "$got" = "$2" ] || fail "$1: code de sortie $got, attendu $2; stderr: $(head -c 2000 "$WORK/$1.err")"
}

# Outputs are compared with no-break and narrow no-break spaces read as plain
# spaces, so that tests can be typed on any keyboard.
plain() { sed -e 's/\xC2\xA0/ /g' -e 's/\xE2\x80\xAF/ /g' "$@"; }

# expect_in NAME out|err TEXT: the output contains TEXT (fixed string)
expect_in() {
  CHECKS=$((CHECKS + 1))
  plain "$WORK/$1.$2" | grep -F -- "$3" >/dev/null || fail "$1.$2 ne contient pas « $3 »; contenu: $(head -c 3000 "$WORK/$1.$2")"
}

expect_not_in() {
  CHECKS=$((CHECKS + 1))
  if plain "$WORK/$1.$2" | grep -F -- "$3" >/dev/null; then fail "$1.$2 contient « $3 »"; fi
}

# expect_count NAME out|err TEXT N: TEXT occurs on exactly N lines
expect_count() {
  CHECKS=$((CHECKS + 1))
  local got
  got="$(plain "$WORK/$1.$2" | grep -cF -- "$3")"
  [ "$got" = "$4" ] || fail "$1.$2: « $3 » sur $got lignes, attendu $4"
}

finish() {
  if [ "$FAILURES" -gt 0 ]; then
    echo "$TEST_NAME: $FAILURES échec(s) sur $CHECKS vérifications" >&2
    exit 1
  fi
  echo "$TEST_NAME: $CHECKS vérifications réussies"
  exit 0
}

# python_with MODULE...: prints the first Python 3 that imports every MODULE.
# Debian's python3-* packages live with /usr/bin/python3, which another
# python3 (pyenv, a virtualenv) may shadow in PATH.
python_with() {
  local modules
  modules="$(IFS=,; echo "$*")"
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c "import $modules" 2>/dev/null; then
      echo "$py"
      return 0
    fi
  done
  return 1
}
