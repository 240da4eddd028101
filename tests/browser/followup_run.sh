#!/usr/bin/env bash
# Browser test of the follow-up page (/suivi/NAME): a company sends its
# statement through the page; one with errors shows every error with its
# place and changes nothing, a correct one is imported and the page shows the
# hours. Headless Chromium through chromedriver (tests/browser/followup_test.py);
# exit 77 (skipped) when Chromium or chromedriver is missing.
# Usage: tests/browser/followup_run.sh path/to/clausier ARTEFACT_DIR
source "$(dirname "$0")/../cli/lib.sh"
source "$(dirname "$0")/../cli/serve_lib.sh"
ARTEFACTS="${2:?usage: $0 clausier ARTEFACT_DIR}"
for tool in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$tool" ] || { echo "$tool absent : test ignoré (.ci/install-deps --test l'installe)"; exit 77; }
done
DB="sqlite:$WORK/suivi.db"
run import workspace import samples/departement-2027/programme.csv --name dep --db "$DB"
expect_status import 0
# A contract running this month, so that the current month may be declared.
run award followup award dep C2027-01-L5 --siret 99900003000018 --company "Couvreurs du Perche (exemple)" \
  --start "$(date -u +%Y)-01-01" --end "$(($(date -u +%Y) + 1))-12-31" --db "$DB"
expect_status award 0
start_server browser --db "$DB" || exit 1
python3 "$(dirname "$0")/followup_test.py" "$URL" "$(date -u +%Y-%m)" "$ARTEFACTS" || fail "navigateur (suivi)"
run status followup status dep --format json --db "$DB"
expect_in status out '"hours_realised": 35,'
finish
