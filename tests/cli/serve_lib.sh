# Helpers for the tests of `clausier serve` (sourced after lib.sh): start a
# server on a free port, stop it, and curl it.

SERVER_PIDS=()
# The servers' workspace: a database of the test's own, never one in the
# source tree (a test may give --db).
export CLAUSIER_DB="sqlite:$WORK/clausier.db"

# start_server NAME ARGS...: starts `clausier serve --port 0 ARGS...`, waits
# for the address it announces and sets URL. The log is $WORK/NAME.log.
start_server() {
  local name="$1"
  shift
  "$CLAUSIER" serve --port 0 "$@" >"$WORK/$name.log" 2>&1 &
  SERVER_PIDS+=($!)
  SERVER_PID=$!
  URL=""
  for _ in $(seq 1 100); do
    URL="$(sed -n 's#.*à l.écoute sur \(http://[^/ ]*\)/.*#\1#p' "$WORK/$name.log" | head -1)"
    [ -n "$URL" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "le serveur $name n'a pas démarré: $(cat "$WORK/$name.log")" >&2
  return 1
}

stop_servers() {
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  SERVER_PIDS=()
}
trap 'stop_servers; rm -rf "$WORK"' EXIT

# http NAME ARGS...: curl, keeping the body in $WORK/NAME.out, the headers in
# $WORK/NAME.err (so expect_in NAME err works on headers) and the status.
http() {
  local name="$1"
  shift
  curl -sS --max-time 30 -D "$WORK/$name.err" -o "$WORK/$name.out" -w '%{http_code}' "$@" >"$WORK/$name.code" 2>"$WORK/$name.curl"
  cat "$WORK/$name.code" >"$WORK/$name.status"
}
