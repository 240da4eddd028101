#!/usr/bin/env bash
# Done-when of the foundations issue: a plugin with an endless loop, one with a
# memory bomb and one calling os.execute, added to a copy of plugins/ and used
# with --plugins, each give a located error naming the plugin file, within
# seconds, while every other clause result is still reported.
source "$(dirname "$0")/lib.sh"

cp -r plugins "$WORK/plugins"
cat >"$WORK/plugins/boucle.lua" <<'LUA'
return {
  id = "boucle", api = 1,
  evaluate = function(lot, ctx)
    while true do end
  end,
}
LUA
cat >"$WORK/plugins/memoire.lua" <<'LUA'
return {
  id = "memoire", api = 1,
  evaluate = function(lot, ctx)
    local t = {}
    for i = 1, math.huge do t[i] = string.rep("x", 1024) .. i end
  end,
}
LUA
cat >"$WORK/plugins/evasion.lua" <<'LUA'
return {
  id = "evasion", api = 1,
  evaluate = function(lot, ctx)
    os.execute("touch /tmp/clausier-evasion")
    return { verdict = "possible", reasons = { "jamais atteint" } }
  end,
}
LUA
rm -f /tmp/clausier-evasion

start=$(date +%s)
# The 8 valid lots of the encodings fixture (two more rows are rejected).
run escape evaluate tests/fixtures/csv/programme-utf8.csv --plugins "$WORK/plugins" --format json
elapsed=$(( $(date +%s) - start ))

expect_status escape 3
CHECKS=$((CHECKS + 1))
[ "$elapsed" -le 30 ] || fail "l'évaluation a pris ${elapsed} s (attendu : quelques secondes)"
CHECKS=$((CHECKS + 1))
[ ! -e /tmp/clausier-evasion ] || fail "os.execute a été exécuté"
# Each failing plugin is named with its file and line. A plugin killed (budget,
# memory) on 3 lots in a row is suspended for the rest of the run, said once;
# one that fails on its own (os.execute is absent) is reported for every lot.
expect_count escape err "plugins/boucle.lua:4" 3
expect_count escape err "plugins/memoire.lua:5" 3
expect_count escape err "plugin suspendu" 2
expect_count escape err "plugins/evasion.lua:4" 8
expect_in escape err "budget d'instructions dépassé"
expect_in escape err "mémoire"
# The insertion results all stand.
expect_count escape out '"type": "insertion"' 8
expect_count escape out '"hours": 833' 1
expect_count escape out '"verdict": null' 24

finish
