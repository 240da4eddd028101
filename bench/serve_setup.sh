#!/usr/bin/env bash
# Prepares the server's load runs (tests/cli/serve_load.sh, bench/serve.sh):
# a 100-lot programme (bench/gen_programme.py) as a multipart body for
# POST /api/evaluate, the same programme imported in the workspace DB under
# the structure "charge", a facilitator "charge" with PASSWORD, and the lot
# references the decisions cycle through.
# Usage: bench/serve_setup.sh CLAUSIER WORK PASSWORD [DB]   (DB: sqlite:WORK/charge.db)
set -euo pipefail
CLAUSIER="$1" WORK="$2" PASSWORD="$3"
DB="${4:-sqlite:$WORK/charge.db}"
python3 "$(dirname "$0")/gen_programme.py" 100 "$WORK/p100.csv"
python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
boundary = "----clausierbench"
data = open(f"{work}/p100.csv", "rb").read()
body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"programme\"; filename=\"p100.csv\"\r\n"
        "Content-Type: text/csv\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
open(f"{work}/evaluate.body", "wb").write(body)
open(f"{work}/evaluate.type", "w").write(f"multipart/form-data; boundary={boundary}")
refs = [line.split(";")[0].lstrip("\ufeff") for line in data.decode("utf-8-sig").splitlines()[1:51]]
open(f"{work}/refs.txt", "w").write("\n".join(refs) + "\n")
PY
printf '%s\n' "$PASSWORD" | "$CLAUSIER" user add charge --role facilitateur --structure charge --db "$DB" >/dev/null
"$CLAUSIER" workspace import "$WORK/p100.csv" --name charge --structure charge --db "$DB" >/dev/null
