#!/bin/sh
# cabref: prove one core module with Frama-C/WP (see proofs/README.md).
#
#   proofs/wp.sh MODULE MODE
#
# MODULE is the base name of a file of ref/core (tally_votes, civil_time, ...).
# MODE   update  run Z3 and CVC4 on every goal not in the cache, refresh the cache in
#                proofs/session/MODULE/cache and the statistics in proofs/stats/MODULE.txt;
#        replay  use the committed cache only (-wp-cache offline): no prover is run, and a goal
#                missing from the cache stays unproved, so the run fails.
# Exit status 0 only if every goal is proved, no smoke test failed and the report finds no
# unproved property. The log is proofs/tmp/logs/MODULE.MODE.log (ignored by git).
set -eu

if [ $# -ne 2 ]; then
  echo "usage: $0 MODULE update|replay" >&2
  exit 2
fi
module=$1
mode=$2
FRAMAC=${FRAMAC:-frama-c}
WP_TIMEOUT=${WP_TIMEOUT:-20}
WP_PAR=${WP_PAR:-2}

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
src=ref/core/$module.c
if [ ! -f "$src" ]; then
  echo "$0: no such module: $src" >&2
  exit 2
fi
case $mode in
  update) cache=update ;;
  replay) cache=offline ;;
  *) echo "$0: MODE must be update or replay" >&2; exit 2 ;;
esac

# Why3 needs a configuration naming the provers, even to read the cache. Without one (a fresh
# account or CI), use the committed proofs/why3.conf (Z3 4.8.12, CVC4 1.8 in /usr/bin).
if [ -z "${WHY3CONFIG:-}" ] && [ ! -f "${HOME:-/nonexistent}/.why3.conf" ]; then
  WHY3CONFIG=$root/proofs/why3.conf
  export WHY3CONFIG
fi

mkdir -p proofs/tmp/logs proofs/session proofs/stats
log=proofs/tmp/logs/$module.$mode.log
csv=proofs/tmp/logs/$module.$mode.csv
start=$(date +%s)
set +e
# The cache lives in the session directory (removing stale entries on update); the session is
# cleared of everything but the cache before an update so that it holds nothing stale.
"$FRAMAC" -c11 -cpp-extra-args="-I ref/include -I spec" \
  -kernel-warn-key annot:missing-spec=abort \
  -warn-unsigned-overflow -warn-unsigned-downcast -warn-signed-overflow -warn-signed-downcast \
  -wp -wp-rte -wp-prover z3,cvc4 -wp-timeout "$WP_TIMEOUT" -wp-par "$WP_PAR" \
  -wp-smoke-tests -wp-session "proofs/session/$module" -wp-cache "$cache" \
  "$src" \
  -then -report-csv "$csv" >"$log" 2>&1
status=$?
set -e
end=$(date +%s)

fail=0
[ $status -eq 0 ] || { echo "$module: frama-c exited with $status" >&2; fail=1; }
if grep -qiE "failed smoke|smoke test.*(failed|valid)|Warning: .*(inconsistent|dead)" "$log"; then
  grep -iE "smoke|inconsistent|dead" "$log" >&2
  echo "$module: smoke test failed" >&2
  fail=1
fi
proved=$(sed -n 's/^\[wp\] Proved goals: *\([0-9]*\) \/ \([0-9]*\).*/\1 \2/p' "$log" | tail -n 1)
if [ -z "$proved" ]; then
  echo "$module: no WP summary in $log" >&2
  fail=1
else
  set -- $proved
  if [ "$1" != "$2" ]; then
    echo "$module: $1 of $2 goals proved" >&2
    # Show the unproved goals; grep finding none must not end the script (set -e): the count
    # above already decided the failure.
    grep -E "^\[wp\] .*(Unknown|Timeout|Failed|Invalid)" "$log" >&2 || true
    fail=1
  fi
fi

# The property report: every property of a function defined in this module (its contract may
# sit in tally.h), and every global property (lemma) of the module file, must be Valid. The
# contracts of the other modules' functions appear as "Considered valid" or untried here; they
# are proved in their own runs.
defined=$(sed -n 's/^[a-z_][a-z_0-9 ]*[ *]\([a-z_][a-z_0-9]*\)(.*/\1/p' "$src" | sort -u | tr '\n' ' ')
if [ ! -s "$csv" ]; then
  echo "$module: no property report $csv" >&2
  fail=1
else
  bad=$(awk -F '\t' -v defined=" $defined " -v file="$module.c" '
    NR > 1 && (($4 != "" && index(defined, " " $4 " ") > 0) || ($2 == file && $4 == "" && $5 != "")) && $6 != "Valid" {
      print $2 ":" $3 ": " $4 ": " $5 ": " $6 ": " $7 }' "$csv")
  if [ -n "$bad" ]; then
    echo "$bad" >&2
    echo "$module: properties not proved (see above)" >&2
    fail=1
  fi
  nprops=$(awk -F '\t' -v defined=" $defined " -v file="$module.c" '
    NR > 1 && (($4 != "" && index(defined, " " $4 " ") > 0) || ($2 == file && $4 == "" && $5 != "")) { n++ } END { print n + 0 }' "$csv")
fi

if [ "$mode" = update ]; then
  {
    echo "module: $module ($src)"
    echo "run: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(($end - $start)) s wall, -wp-timeout $WP_TIMEOUT -wp-par $WP_PAR"
    sed -n '/^\[wp\] Proved goals:/,/^\[[a-z]/p' "$log" | sed '$d' | sed 's/([0-9]*)$//'
    echo "functions: $defined"
    echo "properties of these functions (incl. RTE): ${nprops:-0}, all required Valid"
    echo "result: $([ $fail -eq 0 ] && echo all goals proved || echo FAILED)"
  } >"proofs/stats/$module.txt"
fi
echo "$module ($mode): $([ $fail -eq 0 ] && echo ok || echo FAILED) in $(($end - $start)) s; log $log"
exit $fail
