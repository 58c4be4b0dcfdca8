# Shared by the shell test scripts (tests/cli_test.sh, tests/rv_ledger_test.sh,
# tests/conformance_test.sh): counters and the
# checks that feed them. The caller sets BIN (the cabref binary) and T (a scratch directory) before
# sourcing this file, and ends with: echo "$pass passed, $fail failed".
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() {
  fail=$((fail + 1))
  echo "FAIL $*"
}

# run NAME EXPECTED_STATUS ARGS... : runs cabref, keeps stdout/stderr in $T/out, $T/err.
run() {
  local name=$1 want=$2
  shift 2
  "$BIN" "$@" >"$T/out" 2>"$T/err" </dev/null
  local rc=$?
  if [ "$rc" -eq "$want" ]; then ok; else
    bad "$name: exit $rc, expected $want"
    sed -n '1,5s/^/    | /p' "$T/err"
  fi
}
# contains NAME FILE TEXT : the file holds the fixed string.
contains() {
  if grep -qF -- "$3" "$2"; then ok; else
    bad "$1: \"$3\" not in $(basename "$2")"
    sed -n '1,5s/^/    | /p' "$2"
  fi
}
lacks() {
  if grep -qF -- "$3" "$2"; then bad "$1: \"$3\" unexpectedly in $(basename "$2")"; else ok; fi
}
# equals NAME GOT WANT
equals() {
  if [ "$2" = "$3" ]; then ok; else bad "$1: \"$2\", expected \"$3\""; fi
}
# json_is NAME FILE EXPR WANT : Python's str() of EXPR over the JSON document d of FILE ($PYTHON).
json_is() {
  local got
  got=$("$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' \
    "$2" "$3" 2>&1)
  if [ "$got" = "$4" ]; then ok; else bad "$1: $3 is \"$got\", expected \"$4\""; fi
}
