#!/usr/bin/env bash
# Browser tests of `clausier serve`: starts the server on a free port with a
# workspace in a temporary SQLite file, then drives headless Chromium through
# chromedriver (tests/browser/serve_test.py). Then the decision taken in the
# browser is read back by `clausier workspace show`, used by `render
# --workspace`, and kept by the server restarted on the same database. Screenshots go to ARTEFACT_DIR (the build
# tree). Exit 77 (skipped) when Chromium or chromedriver is missing.
# Usage: tests/browser/run.sh path/to/clausier ARTEFACT_DIR
source "$(dirname "$0")/../cli/lib.sh"
source "$(dirname "$0")/../cli/serve_lib.sh"
ARTEFACTS="${2:?usage: $0 clausier ARTEFACT_DIR}"
for tool in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$tool" ] || { echo "$tool absent : test ignoré (.ci/install-deps --test l'installe)"; exit 77; }
done
DB="sqlite:$WORK/navigateur.db"
start_server browser --db "$DB" || exit 1
python3 "$(dirname "$0")/serve_test.py" "$URL" samples/departement-2027/programme.xlsx "$ARTEFACTS" || fail "navigateur"

# The decision made in the browser: in the database, seen by the CLI, and by
# the server after a restart.
decided() {  # decided FILE: the insertion decision of C2027-01-L3 in a `show` document is the browser's
  python3 - "$1" <<'PY'
import json, sys
show = json.load(open(sys.argv[1]))
lot = next(l for l in show["lots"] if l["reference"] == "C2027-01-L3")
d = next(c for c in lot["clauses"] if c["type"] == "insertion")["decision"]
assert d and d["verdict"] == "recommandee" and d["hours"] == 900 and "acheteur" in d["comment"], d
PY
}
run cli_show workspace show programme --format json --db "$DB"
expect_status cli_show 0
CHECKS=$((CHECKS + 1))
decided "$WORK/cli_show.out" || fail "workspace show ne voit pas la décision prise dans le navigateur"
# …and by the next `render --workspace`: the CCAP article has the decided hours.
run cli_render render --workspace programme --only C2027-01-L3 --format html -o "$WORK/documents" --db "$DB"
expect_status cli_render 0
CHECKS=$((CHECKS + 1))
grep -q "900" "$WORK/documents/C2027-01-L3/ccap-insertion.html" 2>/dev/null ||
  fail "render --workspace n'a pas les 900 heures décidées dans le navigateur: $(ls -R "$WORK/documents" 2>&1 | head -5)"
stop_servers
start_server again --db "$DB" || exit 1
http restarted "$URL/api/programmes/programme"
expect_status restarted 200
CHECKS=$((CHECKS + 1))
decided "$WORK/restarted.out" || fail "la décision prise dans le navigateur n'a pas survécu au redémarrage"

# With an account: the login page, then the Programme page and a decision
# that carries the session's X-CSRF-Token (tests/browser/accounts_test.py).
stop_servers
printf '%s\n' "mot-de-passe-solide-1" | "$CLAUSIER" user add marie --role facilitateur --structure default \
  --db "$DB" >/dev/null || fail "user add"
start_server accounts --db "$DB" || exit 1
python3 "$(dirname "$0")/accounts_test.py" "$URL" marie "mot-de-passe-solide-1" "$ARTEFACTS" || fail "navigateur, comptes"
run cli_history workspace history programme --lot C2027-01-L3 --db "$DB"
expect_in cli_history out "marie"
finish
