#!/usr/bin/env bash
# `clausier serve --tls-cert --tls-key`: HTTPS with a self-signed
# certificate made here (openssl req), the session cookie Secure, plain HTTP
# refused on that port, unreadable certificate files refused in French.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
PASSWORD="mot-de-passe-solide-1"

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$WORK/key.pem" -out "$WORK/cert.pem" >/dev/null 2>&1 ||
  { fail "openssl req n'a pas pu créer le certificat"; finish; }

# Only one of the two files: a usage error.
run half serve --port 0 --tls-cert "$WORK/cert.pem"
expect_status half 2
expect_in half err "--tls-key"
# A key that is not one: a French message, exit 1.
echo "pas une clé" >"$WORK/bad.pem"
run bad serve --port 0 --tls-cert "$WORK/cert.pem" --tls-key "$WORK/bad.pem"
expect_status bad 1
expect_in bad err "TLS"

printf '%s\n' "$PASSWORD" | "$CLAUSIER" user add admin --role admin --structure mde-61 >/dev/null 2>&1 ||
  fail "user add"
"$CLAUSIER" serve --port 0 --tls-cert "$WORK/cert.pem" --tls-key "$WORK/key.pem" >"$WORK/tls.log" 2>&1 &
SERVER_PIDS+=($!)
URL=""
for _ in $(seq 1 100); do
  URL="$(sed -n 's#.*à l.écoute sur \(https://[^/ ]*\)/.*#\1#p' "$WORK/tls.log" | head -1)"
  [ -n "$URL" ] && break
  sleep 0.1
done
[ -n "$URL" ] || { fail "le serveur TLS n'a pas démarré : $(cat "$WORK/tls.log")"; finish; }

http healthz --cacert "$WORK/cert.pem" "$URL/healthz"
expect_status healthz 200
expect_in healthz out "ok"
http login --cacert "$WORK/cert.pem" -H 'Content-Type: application/json' \
  --data "{\"login\": \"admin\", \"password\": \"$PASSWORD\"}" "$URL/api/session"
expect_status login 200
expect_in login err "; secure"
expect_in login err "Strict-Transport-Security: max-age=31536000"
expect_in login err "HttpOnly"
expect_in login out '"csrf"'
# An unknown certificate is refused by a client that checks it.
http unchecked "$URL/healthz"
[ "$(cat "$WORK/unchecked.status")" = "000" ] || fail "certificat non vérifié accepté"
# Plain HTTP on the TLS port gets no page.
PLAIN="${URL/https:/http:}"
http plain "$PLAIN/healthz"
[ "$(cat "$WORK/plain.status")" != "200" ] || fail "HTTP en clair servi sur le port TLS"
stop_servers
finish
