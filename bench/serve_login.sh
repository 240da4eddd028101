#!/usr/bin/env bash
# Logs the load runs' facilitator in: prints "SESSION_COOKIE CSRF" for wrk.
# Usage: bench/serve_login.sh URL PASSWORD WORK
set -euo pipefail
URL="$1" PASSWORD="$2" WORK="$3"
curl -sS -c "$WORK/charge.jar" -H 'Content-Type: application/json' \
  --data "{\"login\": \"charge\", \"password\": \"$PASSWORD\"}" "$URL/api/session" >"$WORK/charge.session"
csrf="$(sed -n 's/.*"csrf": "\([0-9a-f]*\)".*/\1/p' "$WORK/charge.session")"
cookie="$(awk '$6 == "clausier_session" { print $7 }' "$WORK/charge.jar")"
[ -n "$csrf" ] && [ -n "$cookie" ]
echo "$cookie $csrf"
