#!/usr/bin/env bash
# Accounts and tenants (docs/accounts.md) against a running `clausier serve`:
# the matrix of every workspace route × every role × own/other structure
# (status, and not one byte of the other tenant's data in any body), then
# each escape attempt: no session, CSRF missing or wrong, session fixation,
# expiry, a disabled user, brute force (429), API tokens. On SQLite, or on
# PostgreSQL (cli.serve_accounts_postgresql).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
SAMPLE=samples/departement-2027
DB="${CLAUSIER_TEST_POSTGRES:-sqlite:$WORK/comptes.db}"
export CLAUSIER_DB="$DB"
PASSWORD="mot-de-passe-solide-1"

# Two structures, each with a programme. The other tenant's data are
# recognisable: its programme's name, lot references and objects.
cp "$SAMPLE/programme.csv" "$WORK/alpha.csv"
{
  printf 'Référence;Consultation;Objet;Nature;Code CPV;Montant estimé HT;Date prévisionnelle de lancement\n'
  printf 'BETASECRET-L1;BETASECRET;Objet-secret-beta gros oeuvre;travaux;45223220;6 000 000 €;01/03/2027\n'
  printf 'BETASECRET-L2;BETASECRET;Objet-secret-beta nettoyage;services;90910000;300 000 €;01/03/2027\n'
} >"$WORK/beta.csv"
run import_alpha workspace import "$WORK/alpha.csv" --name alphaprog --structure mde-61
expect_status import_alpha 0
run import_beta workspace import "$WORK/beta.csv" --name betaprog --structure plie-14
expect_status import_beta 0
# A lot of each awarded, so that each follow-up has a status and a report.
run award_alpha followup award alphaprog C2027-01-L3 --siret 12345678900015 --company "Entreprise A" \
  --start 2027-05-01 --end 2027-12-31
expect_status award_alpha 0
run award_beta followup award betaprog BETASECRET-L1 --siret 98765432100015 --company "Entreprise B" \
  --start 2027-05-01 --end 2027-12-31
expect_status award_beta 0

# No account yet: the workspace is open, as before accounts.
start_server open || exit 1
http open_list "$URL/api/programmes"
expect_status open_list 200
expect_in open_list out '"name": "betaprog"'
stop_servers

# Accounts: every role in mde-61, and in plie-14.
for role in admin facilitateur acheteur entreprise; do
  siret=()
  [ "$role" = entreprise ] && siret=(--siret 12345678900015)
  printf '%s\n' "$PASSWORD" | "$CLAUSIER" user add "a-$role" --role "$role" --structure mde-61 "${siret[@]}" \
    >"$WORK/add-a-$role.out" 2>&1 || fail "user add a-$role: $(cat "$WORK/add-a-$role.out")"
  printf '%s\n' "$PASSWORD" | "$CLAUSIER" user add "b-$role" --role "$role" --structure plie-14 "${siret[@]}" \
    >"$WORK/add-b-$role.out" 2>&1 || fail "user add b-$role: $(cat "$WORK/add-b-$role.out")"
done
# The password is never an argument; bad values are refused in French.
printf 'court\n' | run short_password user add x --role admin --structure s
expect_status short_password 1
expect_in short_password err "10 caractères au moins"
printf '%s\n' "$PASSWORD" | run bad_role user add x --role chef --structure s
expect_in bad_role err "rôle inconnu « chef »"
printf '%s\n' "$PASSWORD" | run no_siret user add x --role entreprise --structure s
expect_in no_siret err "SIRET"
printf '%s\n' "$PASSWORD" | run taken user add a-admin --role admin --structure s
expect_status taken 1
expect_in taken err "déjà pris"
run list user list
expect_status list 0
expect_in list out "mde-61  a-entreprise  entreprise 12345678900015"
expect_not_in list out "argon2"

start_server main --db "$DB" || exit 1
expect_in main log "connexion exigée"

# login NAME USER: a session in $WORK/NAME.jar, its CSRF token in CSRF_NAME.
login() {
  http "login-$1" -c "$WORK/$1.jar" -H 'Content-Type: application/json' \
    --data "{\"login\": \"$2\", \"password\": \"$PASSWORD\"}" "$URL/api/session"
  expect_status "login-$1" 200
  sed -n 's/.*"csrf": "\([0-9a-f]*\)".*/\1/p' "$WORK/login-$1.out" >"$WORK/$1.csrf"
}

# The matrix. For each user of mde-61 (and the facilitator of plie-14,
# the other way round), each route on its own programme and on the other's.
declare -A own=([a]=alphaprog [b]=betaprog)
declare -A other=([a]=betaprog [b]=alphaprog)
declare -A own_lot=([a]=C2027-01-L3 [b]=BETASECRET-L1)
declare -A other_lot=([a]=BETASECRET-L1 [b]=C2027-01-L3)
# What of the other tenant may never appear in a body.
declare -A secrets=([a]="betaprog BETASECRET Objet-secret-beta plie-14 98765432100015"
                    [b]="alphaprog C2027-01 collège mde-61 12345678900015")

# expect_clean NAME SIDE: no byte of the other tenant's data in the body.
expect_clean() {
  for s in ${secrets[$2]}; do expect_not_in "$1" out "$s"; done
}

# The statuses expected, per role: own programme / other structure's.
status_of() {  # ROLE ACTION TARGET(own|other)
  local role="$1" action="$2" target="$3"
  case "$action" in
    list) [ "$role" = entreprise ] && echo 403 || echo 200 ;;
    read) if [ "$role" = entreprise ]; then echo 403; elif [ "$target" = own ]; then echo 200; else echo 404; fi ;;
    write) if [ "$role" = entreprise ] || [ "$role" = acheteur ]; then echo 403;
           elif [ "$target" = own ]; then echo 200; else echo 404; fi ;;
    import) if [ "$role" = entreprise ] || [ "$role" = acheteur ]; then echo 403;
            elif [ "$target" = own ]; then echo 201; else echo 409; fi ;;
    audit) [ "$role" = admin ] && echo 200 || echo 403 ;;
    # The follow-up: each role reads its view (a company its own balance),
    # the buyer's report is not for a company, a buyer sends no statement
    # (a statement naming an unknown lot is refused whole: 422).
    followup) [ "$target" = own ] && echo 200 || echo 404 ;;
    report) if [ "$role" = entreprise ]; then echo 403; elif [ "$target" = own ]; then echo 200; else echo 404; fi ;;
    statement) if [ "$role" = acheteur ]; then echo 403; elif [ "$target" = own ]; then echo 422; else echo 404; fi ;;
  esac
}

# A statement for a lot nobody was awarded: refused whole, nothing written.
printf '%s\n' "Référence du lot;Mois (AAAA-MM);Participant;Catégorie;Date de validation;Modalité;Type de contrat;Heures travaillées;Heures de formation" \
  "LOT-INCONNU;2027-05;P-0001;rsa;2027-04-01;embauche directe;CDI;35;0" >"$WORK/releve.csv"

cells=0
check() {  # NAME EXPECTED SIDE
  cells=$((cells + 1))
  expect_status "$1" "$2"
  expect_clean "$1" "$3"
}

for user in a-admin a-facilitateur a-acheteur a-entreprise b-facilitateur b-acheteur; do
  side="${user%%-*}"
  role="${user#*-}"
  login "$user" "$user"
  jar=(-b "$WORK/$user.jar" -H "X-CSRF-Token: $(cat "$WORK/$user.csrf")")
  n="m-$user"
  http "$n-list" "${jar[@]}" "$URL/api/programmes"
  check "$n-list" "$(status_of "$role" list own)" "$side"
  http "$n-audit" "${jar[@]}" "$URL/api/audit"
  check "$n-audit" "$(status_of "$role" audit own)" "$side"
  http "$n-users" "${jar[@]}" "$URL/api/users"
  check "$n-users" "$(status_of "$role" audit own)" "$side"
  for target in own other; do
    if [ "$target" = own ]; then p="${own[$side]}"; lot="${own_lot[$side]}"; else p="${other[$side]}"; lot="${other_lot[$side]}"; fi
    m="$n-$target"
    http "$m-show" "${jar[@]}" "$URL/api/programmes/$p"
    check "$m-show" "$(status_of "$role" read "$target")" "$side"
    http "$m-history" "${jar[@]}" "$URL/api/programmes/$p/history"
    check "$m-history" "$(status_of "$role" read "$target")" "$side"
    http "$m-put" "${jar[@]}" -X PUT -H 'Content-Type: application/json' \
      --data '{"verdict": "recommandee", "hours": 900, "motif": null, "comment": "matrice"}' \
      "$URL/api/programmes/$p/lots/$lot/clauses/insertion"
    check "$m-put" "$(status_of "$role" write "$target")" "$side"
    http "$m-delete" "${jar[@]}" -X DELETE "$URL/api/programmes/$p/lots/$lot/clauses/insertion"
    check "$m-delete" "$(status_of "$role" write "$target")" "$side"
    http "$m-render" "${jar[@]}" -F "workspace=$p" -F "reference=$lot" -F format=md "$URL/api/render"
    check "$m-render" "$(status_of "$role" read "$target")" "$side"
    http "$m-review" "${jar[@]}" -F "workspace=$p" -F format=md "$URL/api/review"
    check "$m-review" "$(status_of "$role" read "$target")" "$side"
    http "$m-followup" "${jar[@]}" "$URL/api/programmes/$p/followup"
    check "$m-followup" "$(status_of "$role" followup "$target")" "$side"
    http "$m-report" "${jar[@]}" "$URL/api/programmes/$p/followup/report?format=md"
    check "$m-report" "$(status_of "$role" report "$target")" "$side"
    http "$m-statement" "${jar[@]}" -F "releve=@$WORK/releve.csv" "$URL/api/programmes/$p/followup/statements"
    check "$m-statement" "$(status_of "$role" statement "$target")" "$side"
    # The follow-up page offers what the role may do: no buyer's report to a
    # company, no statement form to a buyer.
    http "$m-page" "${jar[@]}" "$URL/suivi/$p"
    check "$m-page" "$(status_of "$role" followup "$target")" "$side"
    if [ "$target" = own ]; then
      if [ "$role" = entreprise ]; then expect_not_in "$m-page" out "followup/report"; else expect_in "$m-page" out "followup/report"; fi
      if [ "$role" = acheteur ]; then expect_not_in "$m-page" out "form-releve"; else expect_in "$m-page" out "form-releve"; fi
    fi
    # An import under the own structure (a new name), or under the other's name.
    name="$([ "$target" = own ] && echo "neuf-$user" || echo "$p")"
    http "$m-import" "${jar[@]}" -F "programme=@$WORK/$([ "$side" = a ] && echo alpha || echo beta).csv" \
      -F "name=$name" "$URL/api/programmes"
    check "$m-import" "$(status_of "$role" import "$target")" "$side"
  done
done
[ "$cells" -eq 150 ] || fail "matrice : $cells cases, attendu 150"
# The programme imported by a-facilitateur is filed under mde-61.
run list_after workspace list
expect_in list_after out "neuf-a-facilitateur  version 1"
expect_in list_after out "structure mde-61"
# The decision is signed with the login.
run history_alpha workspace history alphaprog
expect_in history_alpha out "a-facilitateur"

# An admin manages the users of its own structure only.
ADMIN=(-b "$WORK/a-admin.jar" -H "X-CSRF-Token: $(cat "$WORK/a-admin.csrf")")
http users_add "${ADMIN[@]}" -H 'Content-Type: application/json' \
  --data "{\"login\": \"a-nouveau\", \"role\": \"acheteur\", \"password\": \"$PASSWORD\"}" "$URL/api/users"
expect_status users_add 201
expect_in users_add out '"login": "a-nouveau"'
expect_clean users_add a
run users_cli user list
expect_in users_cli out "mde-61  a-nouveau  acheteur"
http users_weak "${ADMIN[@]}" -H 'Content-Type: application/json' \
  --data '{"login": "a-faible", "role": "acheteur", "password": "court"}' "$URL/api/users"
expect_status users_weak 422
expect_in users_weak out "10 caractères"
http users_other "${ADMIN[@]}" -X DELETE "$URL/api/users/b-acheteur"
expect_status users_other 404
expect_clean users_other a
http users_facil -b "$WORK/a-facilitateur.jar" -H "X-CSRF-Token: $(cat "$WORK/a-facilitateur.csrf")" \
  -H 'Content-Type: application/json' --data '{"login": "x", "role": "admin", "password": "xxxxxxxxxxxx"}' \
  "$URL/api/users"
expect_status users_facil 403
http users_disable "${ADMIN[@]}" -X DELETE "$URL/api/users/a-nouveau"
expect_status users_disable 200
expect_in users_disable out '"disabled": true'

# Without a session: 401 on every workspace route; the stateless routes
# stay open; the Programme page sends to the login page.
for route in /api/programmes /api/programmes/alphaprog /api/programmes/alphaprog/history /api/audit; do
  http "anon$(echo "$route" | tr / _)" "$URL$route"
done
expect_status anon_api_programmes 401
expect_in anon_api_programmes out "connexion requise"
expect_status anon_api_programmes_alphaprog 401
expect_status anon_api_programmes_alphaprog_history 401
expect_status anon_api_audit 401
http anon_put -X PUT -H 'Content-Type: application/json' --data '{"verdict": "possible"}' \
  "$URL/api/programmes/alphaprog/lots/C2027-01-L3/clauses/insertion"
expect_status anon_put 401
http anon_render -F workspace=alphaprog -F format=md "$URL/api/render"
expect_status anon_render 401
expect_clean anon_render a
http anon_evaluate -F "programme=@$WORK/beta.csv" "$URL/api/evaluate"
expect_status anon_evaluate 200
http anon_page "$URL/"
expect_status anon_page 303
expect_in anon_page err "Location: /connexion"
http login_page "$URL/connexion"
expect_status login_page 200
expect_in login_page out "Mot de passe"
expect_in login_page out "Se connecter"
http healthz "$URL/healthz"
expect_status healthz 200
expect_in healthz out "ok"

# The cookie: HttpOnly, SameSite=Strict, not Secure without TLS.
expect_in login-a-admin err "clausier_session="
expect_in login-a-admin err "HttpOnly"
expect_in login-a-admin err "SameSite=Strict"
expect_not_in login-a-admin err "secure"
http me -b "$WORK/a-admin.jar" "$URL/api/session"
expect_status me 200
expect_in me out '"role": "admin"'
expect_in me out '"structure": "mde-61"'

# CSRF: a state-changing request by cookie without the header, or with a
# wrong one, is refused (403) and writes nothing.
CLAUSE="$URL/api/programmes/alphaprog/lots/C2027-01-L4/clauses/insertion"
http csrf_none -b "$WORK/a-facilitateur.jar" -X PUT -H 'Content-Type: application/json' \
  --data '{"verdict": "possible"}' "$CLAUSE"
expect_status csrf_none 403
expect_in csrf_none out "X-CSRF-Token"
http csrf_wrong -b "$WORK/a-facilitateur.jar" -H "X-CSRF-Token: 0000" -X PUT \
  -H 'Content-Type: application/json' --data '{"verdict": "possible"}' "$CLAUSE"
expect_status csrf_wrong 403
http csrf_other -b "$WORK/a-facilitateur.jar" -H "X-CSRF-Token: $(cat "$WORK/a-admin.csrf")" -X PUT \
  -H 'Content-Type: application/json' --data '{"verdict": "possible"}' "$CLAUSE"
expect_status csrf_other 403
http csrf_import -b "$WORK/a-facilitateur.jar" -F "programme=@$WORK/alpha.csv" -F name=csrf "$URL/api/programmes"
expect_status csrf_import 403
run history_csrf workspace history alphaprog --lot C2027-01-L4
expect_in history_csrf out "Aucun changement"
http csrf_logout -b "$WORK/a-facilitateur.jar" -X DELETE "$URL/api/session"
expect_status csrf_logout 403

# Session fixation: a session id chosen before the login is not kept.
http fixation -b "clausier_session=fixe0123456789abcdef" -c "$WORK/fix.jar" -H 'Content-Type: application/json' \
  --data "{\"login\": \"a-acheteur\", \"password\": \"$PASSWORD\"}" "$URL/api/session"
expect_status fixation 200
expect_not_in fixation err "fixe0123456789abcdef"
http fixed_id -b "clausier_session=fixe0123456789abcdef" "$URL/api/programmes"
expect_status fixed_id 401
http fixed_new -b "$WORK/fix.jar" "$URL/api/programmes"
expect_status fixed_new 200

# Logout ends the session on the server: the old cookie no longer works.
cp "$WORK/a-acheteur.jar" "$WORK/old.jar"
http logout -b "$WORK/a-acheteur.jar" -H "X-CSRF-Token: $(cat "$WORK/a-acheteur.csrf")" -X DELETE "$URL/api/session"
expect_status logout 204
http after_logout -b "$WORK/old.jar" "$URL/api/programmes"
expect_status after_logout 401

# API tokens: Bearer, no CSRF needed; a wrong token is nobody.
run token user token a-facilitateur
expect_status token 0
TOKEN="$(head -1 "$WORK/token.out")"
http bearer -H "Authorization: Bearer $TOKEN" "$URL/api/programmes"
expect_status bearer 200
expect_clean bearer a
http bearer_put -H "Authorization: Bearer $TOKEN" -X PUT -H 'Content-Type: application/json' \
  --data '{"verdict": "possible", "comment": "par jeton"}' "$CLAUSE"
expect_status bearer_put 200
http bearer_other -H "Authorization: Bearer $TOKEN" "$URL/api/programmes/betaprog"
expect_status bearer_other 404
expect_clean bearer_other a
http bearer_wrong -H "Authorization: Bearer $(printf '%064d' 0)" "$URL/api/programmes"
expect_status bearer_wrong 401

# A disabled user: its sessions end at once, its token too, and it cannot log in.
login dis a-admin
run disable user disable a-facilitateur
expect_status disable 0
http disabled_session -b "$WORK/a-facilitateur.jar" "$URL/api/programmes"
expect_status disabled_session 401
http disabled_token -H "Authorization: Bearer $TOKEN" "$URL/api/programmes"
expect_status disabled_token 401
http disabled_login -H 'Content-Type: application/json' \
  --data "{\"login\": \"a-facilitateur\", \"password\": \"$PASSWORD\"}" "$URL/api/session"
expect_status disabled_login 401

# Brute force: wrong passwords are slowed, then refused with 429 and
# Retry-After, even with the right password.
for i in 1 2 3 4 5; do
  http "wrong$i" -H 'Content-Type: application/json' --data '{"login": "b-admin", "password": "devine-devine"}' \
    "$URL/api/session"
  expect_status "wrong$i" 401
done
expect_in wrong1 out "identifiant ou mot de passe incorrect"
http brute -H 'Content-Type: application/json' \
  --data "{\"login\": \"b-admin\", \"password\": \"$PASSWORD\"}" "$URL/api/session"
expect_status brute 429
expect_in brute err "Retry-After:"
expect_in brute out "trop d'essais"
http other_login -H 'Content-Type: application/json' \
  --data "{\"login\": \"b-acheteur\", \"password\": \"$PASSWORD\"}" "$URL/api/session"
expect_status other_login 200

# The audit trail: logins, failures, user changes, decisions, with author.
run audit audit
expect_status audit 0
for action in user-add login login-failed login-refused user-disable user-token decision withdrawal logout; do
  expect_in audit out "  $action  "
done
expect_in audit out "a-facilitateur  decision  alphaprog/C2027-01-L3/insertion"
# Over HTTP, an admin reads its own structure's entries only.
http audit_http -b "$WORK/dis.jar" "$URL/api/audit"
expect_status audit_http 200
expect_in audit_http out '"action": "user-disable"'
expect_not_in audit_http out "b-admin"
expect_clean audit_http a
stop_servers

# Expiry: a session ends after --session-ttl.
start_server short --db "$DB" --session-ttl 2 || exit 1
login short b-facilitateur
http short_ok -b "$WORK/short.jar" "$URL/api/programmes"
expect_status short_ok 200
sleep 3
http short_expired -b "$WORK/short.jar" "$URL/api/programmes"
expect_status short_expired 401

# SIGTERM: a request in flight finishes and is answered whole, then the
# server stops (exit 0).
python3 bench/gen_programme.py 3000 "$WORK/p3000.csv"
http inflight -F "programme=@$WORK/p3000.csv" "$URL/api/evaluate" &
CURL=$!
sleep 0.3
kill -TERM "$SERVER_PID"
wait "$CURL"
wait "$SERVER_PID"
echo $? >"$WORK/stopped.status"
SERVER_PIDS=()
expect_status inflight 200
expect_in inflight out '"diagnostics"'
expect_status stopped 0
expect_in short log "Serveur arrêté."

finish
