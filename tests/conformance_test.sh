#!/usr/bin/env bash
# tools/conformance.py fails when it must (issue 14): a difference without an allowance, an
# allowance that no longer differs, published counts that are no longer today's, an adapter that
# cannot run; and it publishes what it ran. Uses the libpsl adapter, built by make check.
# Usage: conformance_test.sh BUILD_DIR
set -u
B=${1:-build}
PYTHON=${PYTHON:-/usr/bin/python3}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check_lib.sh"

registry() { # allow-list path, command -> a registry with libpsl alone
  cat >"$T/reg.json" <<JSON
{"groups": [{"id": "psl", "title": "PSL", "file": "vectors/psl.json", "types": ["PslTest"]}],
 "implementations": [{"id": "libpsl", "name": "libpsl", "language": "C", "package": "libpsl-dev",
   "packager": "debian", "list": "pinned", "readme": "",
   "runs": {"psl": {"command": "$2", "allow": "$1", "needs": []}}}]}
JSON
}
conf() { "$PYTHON" tools/conformance.py --build "$B" --registry "$T/reg.json" "$@" >"$T/out" 2>&1; }

registry examples/impls/libpsl/allow.json "$B/impls/psl_adapter vectors/psl/public_suffix_list.dat"
conf --out "$T/pub"
equals "the published run passes" "$?" 0
contains "per run counts" "$T/out" "libpsl / psl: 263 passed, 70 allowed, 0 failed, 0 stale"
json_is "results.json: the counts" "$T/pub/results.json" \
  '[i["runs"]["psl"]["counts"] for i in d["implementations"] if i["id"] == "libpsl"][0]' \
  "{'allowed': 70, 'fail': 0, 'pass': 263, 'stale': 0}"
json_is "results.json: every non-passing test with both answers and the reason" "$T/pub/results.json" \
  'all(e["response"] is not None and e["allowance"] and e["expected"]["result"] for i in d["implementations"] if i["id"] == "libpsl" for e in i["runs"]["psl"]["tests"])' True
contains "index.html: the matrix" "$T/pub/index.html" 'id="matrix"'
contains "index.html: the link to the details" "$T/pub/index.html" 'href="#d-libpsl-psl"'

# An allowance removed: that test is a failure.
"$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); d["divergences"]=d["divergences"][1:]; json.dump(d,open(sys.argv[2],"w"))' \
  examples/impls/libpsl/allow.json "$T/short.json"
registry "$T/short.json" "$B/impls/psl_adapter vectors/psl/public_suffix_list.dat"
conf
equals "a difference without an allowance fails" "$?" 1
contains "  and is counted" "$T/out" "libpsl / psl: 263 passed, 69 allowed, 1 failed, 0 stale"

# An allowance for a test that agrees: stale, a failure.
"$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); d["divergences"].append({"tcId": 1, "reason": "not a difference"}); json.dump(d,open(sys.argv[2],"w"))' \
  examples/impls/libpsl/allow.json "$T/stale.json"
registry "$T/stale.json" "$B/impls/psl_adapter vectors/psl/public_suffix_list.dat"
conf
equals "a stale allowance fails" "$?" 1
contains "  and is counted" "$T/out" "0 failed, 1 stale"

# Published counts that are not today's.
"$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); [i["runs"]["psl"]["counts"].update(allowed=71) for i in d["implementations"] if i["id"]=="libpsl"]; json.dump(d,open(sys.argv[2],"w"))' \
  "$T/pub/results.json" "$T/old.json"
registry examples/impls/libpsl/allow.json "$B/impls/psl_adapter vectors/psl/public_suffix_list.dat"
conf --compare "$T/old.json"
equals "published counts that differ fail" "$?" 1
contains "  and say so" "$T/out" "run make conformance"
conf --compare "$T/pub/results.json"
equals "published counts that agree pass" "$?" 0

# An adapter that dies: the run is broken.
registry examples/impls/libpsl/allow.json "false"
conf
equals "an adapter that answers nothing fails" "$?" 1
contains "  and is reported" "$T/out" "BROKEN"

# A registry it cannot use: refused, naming the file and the entry at fault.
printf '{"groups": [{"id": "psl", "title": "PSL", "file": "vectors/psl.json", "types": ["PslTest"]}],
 "implementations": [{"id": "y", "runs": {"nosuch": {"command": "x"}}}]}\n' >"$T/reg.json"
conf
equals "a run of an unknown group is refused" "$?" 2
contains "  naming the entry and the group" "$T/out" "implementations[0] (y): run of unknown group nosuch"
printf '{"groups": [{"id": "psl", "title": "PSL", "file": "vectors/none.json", "types": ["PslTest"]}]}\n' >"$T/reg.json"
conf
equals "a missing vector file is refused" "$?" 2
contains "  naming it" "$T/out" "group psl: no vector file vectors/none.json"
printf '{"groups": [' >"$T/reg.json"
conf
equals "a registry that is not JSON is refused" "$?" 2
contains "  naming the file" "$T/out" "reg.json: not JSON"

# An adapter that is not built: not run, and said so.
cat >"$T/reg.json" <<JSON
{"groups": [{"id": "psl", "title": "PSL", "file": "vectors/psl.json", "types": ["PslTest"]}],
 "implementations": [{"id": "x", "name": "x", "language": "C", "runs": {"psl": {"command": "x",
   "allow": null, "needs": ["$T/no-such-adapter"]}}}]}
JSON
conf --out "$T/nr"
equals "a missing adapter is not a failure" "$?" 0
json_is "  and is published as not run" "$T/nr/results.json" \
  '[i["runs"]["psl"]["status"] for i in d["implementations"] if i["id"] == "x"][0]' "not-run"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
