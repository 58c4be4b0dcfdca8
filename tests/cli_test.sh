#!/usr/bin/env bash
# CLI tests of cabref: exit statuses and key output of `cabref tally`, `cabref tally audit` and
# `cabref vectors` (spec/tally-formats.md, ref/shell/shell.h for the exit statuses).
#
# Usage: tests/cli_test.sh [CABREF_BINARY]   (default build/cabref)
# The NS-007 post is read from $CABREF_SHARED/sources (default ../shared, relative to the repo
# root). Ends with one line "N passed, N failed"; exits nonzero on any failure.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-build/cabref}
case $BIN in /*) ;; *) BIN="$PWD/$BIN" ;; esac
PYTHON=/usr/bin/python3
cd "$ROOT" || exit 1
SHARED=${CABREF_SHARED:-../shared}
POST="$SHARED/sources/ballot-NS-007-results-2025.md"

T=$(mktemp -d "${TMPDIR:-/tmp}/cabref-cli.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT

. "$ROOT/tests/check_lib.sh"
# The same over a file of JSON lines: EXPR over the list l of parsed lines.
jsonl_is() {
  local got
  got=$("$PYTHON" -c 'import json,sys; l=[json.loads(x) for x in open(sys.argv[1])]; print(eval(sys.argv[2]))' \
    "$2" "$3" 2>&1)
  if [ "$got" = "$4" ]; then ok; else bad "$1: $3 is \"$got\", expected \"$4\""; fi
}
# jq-like check with Python: json_is NAME FILE EXPR EXPECTED (EXPR over the parsed object d).

# ---- line logs ---------------------------------------------------------------------------
HDR='bylaws 2.5
voting 2025-01-10T00:00:00Z 2025-01-17T00:00:00Z'
cat >"$T/pass.log" <<EOF
ballot CLI-1
$HDR
quorum 2
vote 2025-01-11T00:00:00Z issuer yes public Example CA
vote 2025-01-11T00:00:00Z consumer yes public Browser
EOF
cat >"$T/fail.log" <<EOF
$HDR
quorum 2
vote 2025-01-11T00:00:00Z issuer no public Example CA
vote 2025-01-11T00:00:00Z consumer yes public Browser
EOF
cat >"$T/invalid.log" <<EOF
$HDR
quorum 5
vote 2025-01-11T00:00:00Z issuer yes public Example CA
vote 2025-01-11T00:00:00Z consumer yes public Browser
EOF
cat >"$T/rescinded.log" <<EOF
$HDR
quorum 2
kind maintenance-guideline
review 2025-02-01T00:00:00Z
exclusion 2025-02-15T00:00:00Z
vote 2025-01-11T00:00:00Z issuer yes public Example CA
vote 2025-01-11T00:00:00Z consumer yes public Browser
EOF
# Line 3, column 6: the time has an offset instead of Z.
cat >"$T/bad.log" <<EOF
$HDR
vote 2025-01-11T00:00:00+00:00 issuer yes public Example CA
EOF
# The consumer votes at the end instant: late unless the end is inclusive.
cat >"$T/boundary.log" <<EOF
$HDR
quorum 1
vote 2025-01-11T00:00:00Z issuer yes public Example CA
vote 2025-01-17T00:00:00Z consumer yes public Browser
EOF
# Voting in 2007: under "auto" the pre-Ballot-4 rules (no quorum rule, no 7-day period).
cat >"$T/old.log" <<EOF
bylaws 2.5
voting 2007-06-01T00:00:00Z 2007-06-15T00:00:00Z
vote 2007-06-02T00:00:00Z issuer yes public Example CA
vote 2007-06-02T00:00:00Z consumer yes public Browser
vote 2007-06-03T00:00:00Z consumer no public Other Browser
EOF
cat >"$T/pass.json" <<'EOF'
{"ballot": "CLI-J", "bylaws": "2.5", "quorum": 2,
 "voting": {"start": "2025-01-10T00:00:00Z", "end": "2025-01-17T00:00:00Z"},
 "votes": [
  {"member": "Example CA", "category": "issuer", "time": "2025-01-11T00:00:00Z", "vote": "yes"},
  {"member": "Browser", "category": "consumer", "time": "2025-01-11T00:00:00Z", "vote": "yes"}]}
EOF
cat >"$T/bad.json" <<'EOF'
{"bylaws": "2.5", "quorum": 2,
 "voting": {"start": "2025-01-10T00:00:00Z", "end": "2025-01-17T00:00:00Z"},
 "votes": [}
EOF

run "tally passed" 0 tally "$T/pass.log"
contains "tally passed" "$T/out" "Outcome: passed"
run "tally failed" 1 tally "$T/fail.log"
contains "tally failed" "$T/out" "issuer-threshold"
run "tally invalid" 5 tally "$T/invalid.log"
contains "tally invalid" "$T/out" "no-quorum"
run "tally rescinded" 6 tally "$T/rescinded.log"
contains "tally rescinded" "$T/out" "exclusion-notice"
# TALLY-WITHDRAWN, TALLY-VOTE-STATUS, TALLY-SECOND-VOTE in the line log.
cat >"$T/lifecycle.log" <<EOF
bylaws 2.5
voting 2025-01-23T17:00:00Z 2025-01-30T17:00:00Z
quorum 2
member-status 2025-01-24T00:00:00Z suspended Beta CA
member-status 2025-01-24T00:00:00Z joins Gamma CA
vote 2025-01-23T18:00:00Z consumer yes public Apple
vote 2025-01-23T18:00:00Z issuer yes public Beta CA
vote 2025-01-24T18:00:00Z issuer no public Beta CA
vote 2025-01-23T19:00:00Z issuer no public Gamma CA
vote 2025-01-24T19:00:00Z issuer yes public Gamma CA
EOF
run "tally: member status changes" 0 tally "$T/lifecycle.log"
contains "tally: vote after a suspension" "$T/out" "line 8: Beta CA (issuer) no at 2025-01-24T18:00:00Z: not-member-then"
contains "tally: vote before joining" "$T/out" "line 9: Gamma CA (issuer) no at 2025-01-23T19:00:00Z: not-member-then"
contains "tally: the earlier vote stands" "$T/out" "Issuers: 2 yes, 0 no"
{ cat "$T/lifecycle.log"; echo "withdrawn 2025-01-25T00:00:00Z"; } >"$T/withdrawn.log"
run "tally withdrawn during voting (2.5)" 10 tally "$T/withdrawn.log"
contains "tally withdrawn" "$T/out" "Outcome: withdrawn (withdrawn)"
run "tally withdrawn --json" 10 tally --json "$T/withdrawn.log"
json_is "tally withdrawn JSON effect" "$T/out" 'd["withdrawal"]["effect"], d["result"]' "('during-voting', 'withdrawn')"
sed 's/^bylaws 2.5/bylaws 2.4/' "$T/withdrawn.log" >"$T/withdrawn24.log"
run "tally withdrawal during voting ignored before 2.5" 0 tally "$T/withdrawn24.log"
contains "tally withdrawal ignored says why" "$T/out" "rules before Bylaws 2.5 give no right to withdraw"
{ cat "$T/lifecycle.log"; echo "member-status 2025-01-26T00:00:00Z joins Beta CA"; } >"$T/twice.log"
run "tally: two voting intervals refused" 3 tally "$T/twice.log"
contains "tally: two intervals named" "$T/err" "two voting intervals are not supported"
{ cat "$T/lifecycle.log"; echo "round second"; } >"$T/second.log"
run "tally: a Second Vote needs a guideline ballot" 3 tally "$T/second.log"
contains "tally: Second Vote refusal says why" "$T/err" "only a Draft Guideline Ballot"
{ echo "kind maintenance-guideline"; cat "$T/second.log"; } >"$T/second-ok.log"
run "tally: Second Vote of a guideline ballot" 0 tally "$T/second-ok.log"
contains "tally: Second Vote is said" "$T/out" "Round: Second Vote after a Patent Advisory Group"
printf 'bylaws 2.5\nvoting 2025-01-23T17:00:00Z 2025-01-30T17:00:00Z\nquorum 1\nmember-status 2025-01-24T00:00:00Z expelled Beta CA\n' >"$T/badstatus.log"
run "tally: unknown status change" 3 tally "$T/badstatus.log"
contains "tally: unknown status change names line and column" "$T/err" "$T/badstatus.log:4:36:"
run "tally input error" 3 tally "$T/bad.log"
contains "tally input error names FILE:LINE:COLUMN" "$T/err" "$T/bad.log:3:6:"
contains "tally input error code" "$T/err" "bad-time"
run "tally JSON input error" 3 tally "$T/bad.json"
contains "tally JSON input error names FILE:LINE:COLUMN" "$T/err" "$T/bad.json:3:"
run "tally JSON ballot" 0 tally "$T/pass.json"
run "tally missing file" 4 tally "$T/no-such-file.log"
contains "tally missing file names it" "$T/err" "$T/no-such-file.log"
run "usage: no arguments" 2
run "usage: tally without LOG" 2 tally
run "usage: unknown option" 2 tally --frobnicate "$T/pass.log"
run "usage: two logs" 2 tally "$T/pass.log" "$T/fail.log"
run "usage: --quorum and --attendance" 2 tally "$T/pass.log" --quorum 1 --attendance 1,1,1
run "usage: unknown command" 2 frobnicate
run "usage: --quorum without value" 2 tally "$T/pass.log" --quorum

# --json
run "tally --json" 0 tally "$T/pass.log" --json
if "$PYTHON" -m json.tool "$T/out" >/dev/null 2>&1; then ok; else bad "tally --json: not JSON"; fi
json_is "tally --json result" "$T/out" 'd["result"]' passed
json_is "tally --json reason" "$T/out" 'd["reason"]' '[]'
json_is "tally --json counts" "$T/out" '(d["participants"], d["quorum"])' '(2, 2)'
run "tally --json failed" 1 tally "$T/fail.log" --json
json_is "tally --json failed result" "$T/out" '(d["result"], d["reason"])' \
  "('failed', ['issuer-threshold', 'issuer-no-yes'])"
run "tally --json input error" 3 tally "$T/bad.log" --json
json_is "tally --json input error" "$T/out" '(d["result"], d["line"], d["column"])' \
  "('error', 3, 6)"

# Overrides from the command line.
run "--quorum override" 0 tally "$T/invalid.log" --quorum 2
run "--quorum override to invalid" 5 tally "$T/pass.log" --quorum 3
run "--attendance override" 0 tally "$T/invalid.log" --attendance 1,1,1
# 12,12,11 gives a quorum of 6 (TALLY-QUORUM-ATT); two participants are too few.
run "--attendance 12,12,11" 5 tally "$T/pass.log" --attendance 12,12,11 --json
json_is "--attendance 12,12,11 quorum" "$T/out" 'd["quorum"]' 6
run "--quorum not a number" 3 tally "$T/pass.log" --quorum x
run "--attendance with two counts" 3 tally "$T/pass.log" --attendance 1,2
# An empty count is not a count (the line log rejects "attendance 1,,2,3" too).
run "--attendance with an empty count" 3 tally "$T/pass.log" --attendance 1,,2,3
run "--attendance with a trailing comma" 3 tally "$T/pass.log" --attendance 1,2,3,
run "--boundary exclusive (default)" 1 tally "$T/boundary.log"
contains "--boundary exclusive: late vote" "$T/out" "late"
run "--boundary inclusive" 0 tally "$T/boundary.log" --boundary inclusive
run "--boundary bad value" 3 tally "$T/boundary.log" --boundary both
run "bylaws 2.5 needs a quorum" 3 tally "$T/old.log"
contains "bylaws 2.5 needs a quorum: code" "$T/err" "missing-quorum"
run "--bylaws auto" 0 tally "$T/old.log" --bylaws auto --json
json_is "--bylaws auto resolves to pre-ballot-4" "$T/out" '(d["bylaws"], d["result"])' \
  "('pre-ballot-4', 'passed')"
# Under the rules before Ballot 4 a threshold cites the rules then in force, not Ballot 4,
# which replaced them (issue 15); under Ballot 4's rules it cites Ballot 4.
run "pre-Ballot-4 citations" 0 tally "$T/old.log" --bylaws auto
contains "pre-Ballot-4 thresholds cite the 2007 rules" "$T/out" \
  "two-thirds rule MET (2007 voting rules, before Ballot 4)"
lacks "pre-Ballot-4 never cites Ballot 4 alone" "$T/out" "(Ballot 4)"
run "Ballot-4 citations (1 yes, 1 no among Consumers: failed)" 1 tally "$T/old.log" --bylaws ballot-4 --quorum 1
contains "Ballot-4 thresholds cite Ballot 4" "$T/out" "two-thirds rule MET (Ballot 4)"
contains "Ballot-4 quorum cites the 2007 clause 7" "$T/out" "Quorum (2007 voting rules, clause 7)"
# TALLY-QUORUM-FIXED: a published quorum that disagrees with the attendance given beside it is
# used, and both figures are named in a warning (12, 12, 11 gives 6, not the published 3).
printf 'bylaws 2.5\nvoting 2025-01-10T00:00:00Z 2025-01-17T00:00:00Z\nquorum 3\nattendance 12,12,11\n%s\n%s\n%s\n' \
  'vote 2025-01-11T00:00:00Z issuer yes public A' 'vote 2025-01-11T00:00:00Z issuer yes public B' \
  'vote 2025-01-11T00:00:00Z consumer yes public C' >"$T/qa.log"
run "quorum disagreeing with attendance: the published one decides" 0 tally "$T/qa.log"
contains "quorum disagreeing: warning names both" "$T/out" \
  "Warning [quorum-attendance-mismatch]: the quorum given is 3, but the attendance given (12, 12, 11) makes it 6"
run "quorum disagreeing --json" 0 tally "$T/qa.log" --json
json_is "quorum disagreeing --json warning" "$T/out" \
  '[(w["code"], w["quorum"], w["quorumFromAttendance"]) for w in d["warnings"]]' \
  "[('quorum-attendance-mismatch', 3, 6)]"
sed 's/^quorum 3$/quorum 6/' "$T/qa.log" >"$T/qa6.log"
run "quorum agreeing with attendance" 5 tally "$T/qa6.log" --json
json_is "quorum agreeing: no warning" "$T/out" '(d["warnings"], d["reason"])' "([], ['no-quorum'])"
run "--bylaws unknown" 3 tally "$T/old.log" --bylaws 9.9
run "--consumer-rule literal" 1 tally "$T/old.log" --bylaws auto --consumer-rule literal

# Standard input.
if "$BIN" tally - <"$T/pass.log" >"$T/out" 2>"$T/err"; then ok; else bad "tally - (stdin): exit $?"; fi
contains "tally - (stdin)" "$T/out" "Outcome: passed"
"$BIN" tally - <"$T/fail.log" >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -eq 1 ]; then ok; else bad "tally - (stdin, failed): exit $rc, expected 1"; fi
"$BIN" tally - --json <"$T/pass.json" >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -eq 0 ]; then ok; else bad "tally - (stdin, JSON): exit $rc, expected 0"; fi
json_is "tally - (stdin, JSON) ballot" "$T/out" 'd["ballot"]' CLI-J

# ---- audit -------------------------------------------------------------------------------
if [ -f "$POST" ]; then
  ok
  run "audit NS-007" 0 tally audit "$POST"
  contains "audit NS-007" "$T/out" "Recomputed outcome: passed"
  contains "audit NS-007 warning" "$T/out" "period-label"
  contains "audit NS-007 summary" "$T/out" "0 inconsistencies, 1 warnings"
  run "audit NS-007 --json" 0 tally audit "$POST" --json
  json_is "audit NS-007 --json" "$T/out" '(d["recomputed"], d["result"], len(d["inconsistencies"]))' \
    "('passed', 'consistent', 0)"
  sed 's/17 Yes votes/16 Yes votes/' "$POST" >"$T/doctored.md"
  run "audit doctored (16 Yes votes)" 1 tally audit "$T/doctored.md"
  contains "audit doctored names the mismatch" "$T/out" "names-count-mismatch"
  sed 's/has \*\*Passed\*\*/has **Failed**/' "$POST" >"$T/declared.md"
  run "audit doctored (declared failed)" 1 tally audit "$T/declared.md"
  contains "audit doctored outcome" "$T/out" "outcome-mismatch"
  # TALLY-AUDIT-QUORUM: the figure in prose (no claim) is read; without one, validity is open.
  sed 's/the quorum was 6 for this ballot\. \*\*This requirement was MET\*\*\./The quorum for this ballot was 25 Voting Members./' \
    "$POST" >"$T/prose.md"
  run "audit: quorum in prose, not met" 1 tally audit "$T/prose.md" --json
  json_is "audit: quorum in prose read" "$T/out" '(d["quorum"], d["recomputed"])' "(25, 'invalid')"
  grep -v 'the quorum was 6' "$POST" >"$T/noquorum.md"
  run "audit: no quorum stated" 0 tally audit "$T/noquorum.md"
  contains "audit: no quorum, indeterminate" "$T/out" \
    "Recomputed outcome: indeterminate (passed if the quorum was met, else invalid"
  contains "audit: no quorum, not checked" "$T/out" "no quorum figure stated: NOT CHECKED"
  run "audit: no quorum stated --json" 0 tally audit "$T/noquorum.md" --json
  json_is "audit: no quorum --json" "$T/out" '(d["recomputed"], d["quorum"], d["quorumMet"])' \
    "('indeterminate', None, None)"
  run "audit --json: missing file is a JSON error" 4 tally audit "$T/no-such-post.md" --json
  json_is "audit --json: missing file" "$T/out" '(d["result"], d["reason"])' "('error', ['io-error'])"
  grep -v '^### Bylaws version' "$POST" >"$T/nobylaws.md"
  run "audit without results" 3 tally audit "$T/nobylaws.md"
else
  bad "audit: NS-007 post not found at $POST (set CABREF_SHARED)"
fi
run "audit missing file" 4 tally audit "$T/no-such-post.md"
run "audit usage" 2 tally audit

# ---- vectors -----------------------------------------------------------------------------
# tcId 1 expects what cabref computes; tcId 2 claims a failure for a ballot that passes.
BALLOT='{"bylaws": "2.5", "quorum": 2,
  "voting": {"start": "2025-01-10T00:00:00Z", "end": "2025-01-17T00:00:00Z"},
  "votes": [
   {"member": "Example CA", "category": "issuer", "time": "2025-01-11T00:00:00Z", "vote": "yes"},
   {"member": "Browser", "category": "consumer", "time": "2025-01-11T00:00:00Z", "vote": "yes"}]}'
cat >"$T/vec.json" <<EOF
{"algorithm": "CABF-BALLOT-TALLY", "schema": "tally.schema.json", "generatorVersion": "1",
 "numberOfTests": 2, "header": ["cli_test"], "notes": {},
 "testGroups": [{"type": "TallyTest", "comment": "cli", "tests": [
   {"tcId": 1, "comment": "passes", "flags": [], "input": $BALLOT, "result": "passed",
    "reason": [], "expect": {"quorum": 2, "participants": 2,
                             "issuer": {"yes": 1, "no": 0, "abstain": 0}}},
   {"tcId": 2, "comment": "wrong on purpose", "flags": [], "input": $BALLOT, "result": "failed",
    "reason": ["issuer-threshold"]}]}]}
EOF
run "vectors: one pass, one fail" 7 vectors "$T/vec.json"
contains "vectors: totals" "$T/out" "1 passed, 1 failed"
contains "vectors: the failing tcId" "$T/out" "tcId 2"
run "vectors --results" 7 vectors --results "$T/res.json" "$T/vec.json"
json_is "vectors --results keyed by tcId" "$T/res.json" \
  '(d[list(d)[0]]["1"]["status"], d[list(d)[0]]["2"]["status"])' \
  "('pass', 'fail')"
json_is "vectors --results file key" "$T/res.json" 'list(d)[0].endswith("vec.json")' True
run "vectors: missing file is a failure" 7 vectors "$T/none.json"
run "vectors: usage" 2 vectors

# --impl: a shell responder that says "passed" to everything, with the counts of tcId 1.
cat >"$T/impl.sh" <<'EOF'
while IFS= read -r line; do
  tc=$(printf '%s\n' "$line" | sed -E 's/.*"tcId": ?([0-9]+).*/\1/')
  printf '{"tcId": %s, "result": "passed", "reason": [], "quorum": 2, "participants": 2, ' "$tc"
  printf '"issuer": {"yes": 1, "no": 0, "abstain": 0}}\n'
done
EOF
run "vectors --impl" 7 vectors --impl "sh $T/impl.sh" "$T/vec.json"
contains "vectors --impl totals" "$T/out" "1 passed, 1 failed"
printf '{"divergences": [{"tcId": 2, "reason": "this responder never fails a ballot"}]}\n' \
  >"$T/allow.json"
run "vectors --impl --allow" 0 vectors --impl "sh $T/impl.sh" --allow "$T/allow.json" \
  "$T/vec.json"
contains "vectors --allow: allowed" "$T/out" "1 allowed"
contains "vectors --allow: totals" "$T/out" "1 passed, 0 failed"
# The results keep the implementation's whole answer and the allowance's reason (§6).
run "vectors --impl --allow --results" 0 vectors --impl "sh $T/impl.sh" --allow "$T/allow.json" \
  --results "$T/res-impl.json" "$T/vec.json"
json_is "vectors --results: the implementation's answer" "$T/res-impl.json" \
  '(d[list(d)[0]]["2"]["response"]["result"], d[list(d)[0]]["2"]["response"]["quorum"])' \
  "('passed', 2)"
json_is "vectors --results: the allowance's reason" "$T/res-impl.json" \
  '(d[list(d)[0]]["2"]["status"], d[list(d)[0]]["2"]["allowance"], "allowance" in d[list(d)[0]]["1"])' \
  "('allowed', 'this responder never fails a ballot', False)"
printf '{"divergences": [{"tcId": 1, "reason": "stale"}, {"tcId": 2, "reason": "known"}]}\n' \
  >"$T/stale.json"
run "vectors: stale allowance is a failure" 7 vectors --impl "sh $T/impl.sh" --allow \
  "$T/stale.json" "$T/vec.json"
contains "vectors: stale allowance reported" "$T/out" "stale"
printf '{"divergences": [{"tcId": 2}]}\n' >"$T/noreason.json"
run "vectors: allowance without reason" 3 vectors --allow "$T/noreason.json" "$T/vec.json"
printf '{"divergences": [{"tcId": 2, "reason": ""}]}\n' >"$T/emptyreason.json"
run "vectors: allowance with empty reason" 3 vectors --allow "$T/emptyreason.json" "$T/vec.json"
run "vectors: implementation that answers nothing" 8 vectors --impl "true" "$T/vec.json"
# A response with the wrong tcId fails that test (spec/tally-formats.md §5).
cat >"$T/wrongid.sh" <<'EOF'
while IFS= read -r line; do printf '{"tcId": 99, "result": "passed", "reason": []}\n'; done
EOF
run "vectors: response with the wrong tcId" 7 vectors --impl "sh $T/wrongid.sh" "$T/vec.json"
contains "vectors: wrong tcId reported" "$T/out" "0 passed, 2 failed"
run "vectors --results to an unwritable path" 4 vectors --results "$T/no/such/dir/r.json" \
  "$T/vec.json"

# ---- CAA: cabref caa eval / caa parse (spec/caa-formats.md) -------------------------------------
cat >"$T/caa.zone" <<'ZONE'
$ORIGIN example.com.
$TTL 300
@        IN CAA 0 issue "ca.example"
@        IN CAA 0 issuewild ";"
@        IN CAA 0 iodef "mailto:security@example.com"
www  60  IN A   192.0.2.1
sub      IN CAA 0 issue other.example    ; unquoted (RFC 8659 4.1.1)
crit     IN CAA ( 128 tbs
                  "Unknown" )
gen      IN CAA \# 2 0001                ; RFC 3597 form, no tag/value layout
ZONE
run "caa eval: permit" 0 caa eval --zone "$T/caa.zone" --ca ca.example www.example.com
contains "caa eval: permit line" "$T/out" "www.example.com: permit issuer-permits (owner example.com)"
contains "caa eval: record verdict" "$T/out" '0 issue "ca.example" -> permits'
contains "caa eval: record line" "$T/out" "caa.zone:3:"
contains "caa eval: certificate" "$T/out" "certificate: permit"
run "caa eval: trailing dot, case" 0 caa eval --zone "$T/caa.zone" --ca CA.Example. WWW.Example.COM.
run "caa eval: wildcard denied by issuewild" 1 caa eval --zone "$T/caa.zone" --ca ca.example \
  '*.example.com'
contains "caa eval: issue shadowed" "$T/out" "issue-shadowed"
run "caa eval: unquoted value read" 1 caa eval --zone "$T/caa.zone" --ca ca.example \
  a.sub.example.com
contains "caa eval: unquoted value" "$T/out" '0 issue "other.example" -> issuer-mismatch'
run "caa eval: unknown critical" 1 caa eval --zone "$T/caa.zone" --ca ca.example crit.example.com
contains "caa eval: unknown critical reason" "$T/out" "deny unknown-critical (owner crit.example.com)"
contains "caa eval: multi-line record, first line" "$T/out" "caa.zone:8:"
run "caa eval: generic form kept" 1 caa eval --zone "$T/caa.zone" --ca ca.example gen.example.com
contains "caa eval: rdata malformed" "$T/out" '\# 2 0001 -> rdata-malformed (tag-past-end)'
run "caa eval: no records, onion" 0 caa eval --zone "$T/caa.zone" --ca ca.example example.org \
  x.onion
contains "caa eval: no records" "$T/out" "example.org: permit no-records (owner none)"
contains "caa eval: onion" "$T/out" "x.onion: onion-exempt"
run "caa eval --json: some denied" 1 caa eval --zone "$T/caa.zone" --ca ca.example --json \
  www.example.com '*.example.com'
json_is "caa eval --json: result" "$T/out" 'd["result"]' "deny"
json_is "caa eval --json: owner" "$T/out" 'd["names"][0]["relevantOwner"]' "example.com"
json_is "caa eval --json: reason" "$T/out" 'd["names"][1]["reason"]' "not-authorized"
json_is "caa eval --json: verdicts" "$T/out" '[r["verdict"] for r in d["names"][1]["records"]]' \
  "['issue-shadowed', 'empty-issuer', 'neutral']"
json_is "caa eval --json: printed record" "$T/out" 'd["names"][0]["records"][0]["record"]' \
  '0 issue "ca.example"'
run "caa eval: a bad name is reported, the others answered" 3 caa eval --zone "$T/caa.zone" \
  --ca ca.example 'a..b' www.example.com
contains "caa eval: bad name" "$T/out" "a..b: error: not a domain name: empty-label at column 3"
contains "caa eval: other name answered" "$T/out" "www.example.com: permit"
printf 'a.example. 300 IN CAA 0 issue "x"\n\n; comment\nb.example. 300 IN CAA 0 issue "x" "y"\n' \
  >"$T/bad.zone"
run "caa eval: malformed zone" 3 caa eval --zone "$T/bad.zone" --ca ca.example a.example
contains "caa eval: malformed zone position" "$T/err" "bad.zone:4: error: ldns: "
printf 'a.example. 300 IN CAA 256 issue "x"\n' >"$T/flags.zone"
run "caa eval: flags out of range" 3 caa eval --zone "$T/flags.zone" --ca ca.example a.example
contains "caa eval: flags position" "$T/err" "flags.zone:1: error: CAA flags"
run "caa eval: missing zone" 4 caa eval --zone "$T/no-such.zone" --ca ca.example a.example
run "caa eval: no --ca" 2 caa eval --zone "$T/caa.zone" a.example
run "caa eval: no name" 2 caa eval --zone "$T/caa.zone" --ca ca.example
run "caa: no subcommand" 2 caa
# CAA-ZONE-ALIAS: zone mode answers each lookup as a resolver would from the file (the file is the
# whole DNS): a CNAME from its target (RFC 1034 §3.6.2), a name below a DNAME through the
# synthesized CNAME (RFC 6672 §2.3), a name that does not exist from the wildcard at its closest
# encloser (RFC 4592 §3.3.1). RFC 8659 §3: an empty target continues the climb at the parent of
# the request's name, never of the target (example.net holds a set that must never be used for
# names of example.com). Expected results from those clauses: cdn.example.net, x.new.example.net,
# *.example.com and elsewhere.example.net name other issuers (deny); example.com names ca.example.
cat >"$T/wild.zone" <<'ZONE'
$ORIGIN example.com.
@        CAA   0 issue "ca.example"
*        CAA   0 issue "x"
www      CNAME cdn.example.net.
old      DNAME new.example.net.
host     A     192.0.2.1
a.sub    A     192.0.2.2
*.sub    CNAME elsewhere.example.net.
loop1    CNAME loop2.example.com.
loop2    CNAME loop1.example.com.
empty    CNAME nowhere.example.net.
*.dn     DNAME other.example.net.
$ORIGIN example.net.
@        CAA   0 issue "other.example"
cdn      CAA   0 issue "other.example"
x.new    CAA   0 issue "other.example"
new      CAA   0 issue "other.example"
elsewhere CAA  0 issue "other.example"
ZONE
run "caa eval: wildcard owner synthesizes the set" 1 caa eval --zone "$T/wild.zone" \
  --ca ca.example foo.example.com
contains "caa eval: wildcard set denies" "$T/out" \
  "foo.example.com: deny not-authorized (owner *.example.com)"
contains "caa eval: wildcard named" "$T/out" "synthesized from *.example.com"
run "caa eval: wildcard for a *. request too" 1 caa eval --zone "$T/wild.zone" --ca ca.example \
  '*.foo.example.com'
run "caa eval: CNAME at the name: the target's set" 1 caa eval --zone "$T/wild.zone" \
  --ca ca.example www.example.com
contains "caa eval: CNAME target set" "$T/out" \
  "www.example.com: deny not-authorized (owner cdn.example.net)"
contains "caa eval: CNAME shown" "$T/out" "alias: www.example.com -> cdn.example.net"
run "caa eval: the CNAME target's set permits the CA it names" 0 caa eval \
  --zone "$T/wild.zone" --ca other.example www.example.com
run "caa eval: *.X through the CNAME at X" 1 caa eval --zone "$T/wild.zone" --ca ca.example \
  '*.www.example.com'
run "caa eval: CNAME to an empty target climbs from the name, not the target" 0 caa eval \
  --zone "$T/wild.zone" --ca ca.example empty.example.com
contains "caa eval: empty target, parent of the name" "$T/out" \
  "empty.example.com: permit issuer-permits (owner example.com)"
run "caa eval: below a DNAME: the synthesized CNAME's target" 1 caa eval --zone "$T/wild.zone" \
  --ca ca.example x.old.example.com
contains "caa eval: DNAME synthesis" "$T/out" \
  "x.old.example.com: deny not-authorized (owner x.new.example.net)"
contains "caa eval: DNAME named" "$T/out" "synthesized from old.example.com"
run "caa eval: a DNAME does not redirect its owner (RFC 8659)" 0 caa eval --zone "$T/wild.zone" \
  --ca ca.example old.example.com
run "caa eval: erratum 5065 follows the DNAME at the name" 1 caa eval --zone "$T/wild.zone" \
  --ca ca.example --profile rfc6844-e5065 old.example.com
contains "caa eval: e5065 DNAME target" "$T/out" "(owner new.example.net)"
run "caa eval: an existing name is not synthesized" 0 caa eval --zone "$T/wild.zone" \
  --ca ca.example host.example.com
contains "caa eval: existing name climbs" "$T/out" "host.example.com: permit issuer-permits (owner example.com)"
run "caa eval: empty non-terminal" 0 caa eval --zone "$T/wild.zone" --ca ca.example sub.example.com
run "caa eval: wildcard CNAME below the empty non-terminal" 1 caa eval --zone "$T/wild.zone" \
  --ca ca.example b.sub.example.com
contains "caa eval: wildcard CNAME target" "$T/out" "(owner elsewhere.example.net)"
run "caa eval: a CNAME loop is a lookup failure" 9 caa eval --zone "$T/wild.zone" \
  --ca ca.example loop1.example.com
contains "caa eval: loop kind" "$T/out" \
  "loop1.example.com: lookup-failure alias-chain (the lookup at loop1.example.com failed)"
run "caa eval: a DNAME at a wildcard owner is not modelled" 9 caa eval --zone "$T/wild.zone" \
  --ca ca.example a.dn.example.com
contains "caa eval: unmodeled" "$T/out" "a.dn.example.com: lookup-failure unmodeled"
run "caa eval --json: lookup failure" 9 caa eval --zone "$T/wild.zone" --ca ca.example --json \
  loop1.example.com host.example.com
json_is "caa eval --json: failure result" "$T/out" 'd["result"]' "lookup-failure"
json_is "caa eval --json: failure name" "$T/out" 'd["names"][0]["result"]' "lookup-failure"
json_is "caa eval --json: failure kind" "$T/out" \
  '[d["names"][0]["lookupFailure"][k] for k in ("kind", "at", "owner")]' \
  "['alias-chain', 'loop1.example.com', 'loop1.example.com']"
json_is "caa eval --json: no relevant owner" "$T/out" 'd["names"][0]["relevantOwner"]' "None"
run "caa eval --json: alias chain" 1 caa eval --zone "$T/wild.zone" --ca ca.example --json \
  x.old.example.com
json_is "caa eval --json: chain" "$T/out" \
  '[d["names"][0][k] for k in ("lookupAt", "aliasChain", "synthesizedBy", "relevantOwner")]' \
  "['x.old.example.com', ['x.old.example.com', 'x.new.example.net'], 'old.example.com', 'x.new.example.net']"
run "caa eval: a denial outranks a lookup failure" 1 caa eval --zone "$T/wild.zone" \
  --ca ca.example loop1.example.com www.example.com
contains "caa eval: denial certificate" "$T/out" "certificate: deny"
run "caa eval: a lookup failure outranks a permit" 9 caa eval --zone "$T/wild.zone" \
  --ca ca.example loop1.example.com host.example.com
contains "caa eval: failure certificate" "$T/out" "certificate: lookup-failure"
run "caa eval: bad --profile" 2 caa eval --zone "$T/wild.zone" --ca ca.example --profile 8659 \
  host.example.com
contains "caa eval: bad --profile says the values" "$T/err" \
  "bad value for --profile: 8659 (rfc8659 or rfc6844-e5065)"
lacks "caa eval: bad --profile says nothing of issuers" "$T/err" "issuers"
run "caa parse" 0 caa parse '0 ISSUE ca.example' '0 issue "a\"b\\c\001"' '\# 3 000100'
contains "caa parse: canonical, unquoted" "$T/out" '0 ISSUE "ca.example"'
contains "caa parse: escapes" "$T/out" '0 issue "a\"b\\c\001"'
contains "caa parse: tag nul" "$T/out" "rdata: tag-nul at octet 2"
printf '0 issue "ca.example; accounturi=https://ca.example/a/1"\n' >"$T/rec.txt"
"$BIN" caa parse --json <"$T/rec.txt" >"$T/out" 2>"$T/err"
json_is "caa parse --json: issuer" "$T/out" 'd["issueValue"]["issuer"]' "ca.example"
json_is "caa parse --json: params" "$T/out" 'd["issueValue"]["params"]' \
  "[['accounturi', 'https://ca.example/a/1']]"
run "caa parse: not presentation form" 3 caa parse '0 issue "a" "b"'

# ---- names through cabref psl / cabref adn: the shell's one U-label conversion (NAME-IDN) -----
# RFC 5892 §2.5, §3: a U-label holds no ASCII but LDH; fullwidth '*' (U+FF0A) and small '*'
# (U+FE61), which libidn2 maps to '*', are no wildcard; "_ü" is no underscore label.
PSLF=vectors/psl/public_suffix_list.dat
for idn in '＊.example.com' '﹡.example.com' '_ü.example'; do
  run "psl: $idn refused" 3 psl --list "$PSLF" --json "$idn"
  json_is "psl: $idn bad-idn" "$T/out" 'd["error"], d["column"]' "('bad-idn', 1)"
  run "adn: $idn refused" 3 adn --list "$PSLF" --json "$idn"
  json_is "adn: $idn bad-idn" "$T/out" 'd["error"], d["column"]' "('bad-idn', 1)"
done
run "psl: a refused U-label's offset" 3 psl --list "$PSLF" --json 'www._ü.example'
json_is "psl: refused U-label column" "$T/out" 'd["error"], d["column"]' "('bad-idn', 5)"
run "psl: a real wildcard over a U-label" 0 psl --list "$PSLF" --json '*.bücher.example'
json_is "psl: wildcard over a U-label" "$T/out" 'd["registrableDomain"]' "xn--bcher-kva.example"
run "adn: a real wildcard over a U-label" 0 adn --list "$PSLF" --json '*.bücher.de'
json_is "adn: wildcard over a U-label" "$T/out" 'd["wildcard"], d["bdn"]' "(True, 'xn--bcher-kva.de')"

# A name that is not UTF-8 is refused as such (invalid-utf8, at the offending byte, RFC 3629 §4)
# and echoed with U+FFFD, not lost; so is a CNAME target, whose error is shown beside the
# answered name.
run "adn: not UTF-8" 3 adn --list "$PSLF" --json $'\xff.com'
json_is "adn: not UTF-8 echoed" "$T/out" 'd["error"], hex(ord(d["name"][0]))' "('invalid-utf8', '0xfffd')"
run "adn: not UTF-8 inside a label" 3 adn --list "$PSLF" --json $'www.b\xc3\xbcch\xe9r.de'
json_is "adn: not UTF-8 at the offending byte" "$T/out" 'd["error"], d["column"]' "('invalid-utf8', 10)"
run "adn: CNAME target not UTF-8" 0 adn --list "$PSLF" --json www.example.com --cname $'\xff.com'
json_is "adn: CNAME target not UTF-8 error" "$T/out" 'd["cname"]["error"]' "invalid-utf8"
# An ADN to cover and a DNS record name go through the same conversion as the name.
run "adn: U-label covers and record" 0 adn --list "$PSLF" --json 'www.bücher.de' \
  --covers 'BÜCHER.de' --record '_x.bücher.de'
json_is "adn: U-label covers" "$T/out" 'd["covers"]["result"]' "True"
json_is "adn: U-label record" "$T/out" 'd["record"]["adns"]' "['xn--bcher-kva.de']"

# cabref psl --json echoes the name as given; JSON text is UTF-8 (RFC 8259 §8.1), so a byte
# outside a well-formed UTF-8 sequence is written as \ufffd (U+FFFD), one per byte; valid UTF-8
# is kept. The output must parse when read strictly as UTF-8 (python3's stdin alone would let it
# through as a surrogate escape).
strict_json() {
  if "$PYTHON" -c 'import json,sys; [json.loads(l) for l in sys.stdin.buffer.read().decode("utf-8").splitlines()]' <"$2" 2>/dev/null; then ok; else
    bad "$1: not strict UTF-8 JSON"
    sed -n '1,3s/^/    | /p' "$2"
  fi
}
run "psl --json: name not UTF-8" 3 psl --list "$PSLF" --json $'\xff.com'
strict_json "psl --json: name not UTF-8" "$T/out"
json_is "psl --json: name not UTF-8 echoed" "$T/out" 'd["name"] == "\ufffd.com", d["error"]' "(True, 'invalid-utf8')"
run "psl: not UTF-8 inside a label" 3 psl --list "$PSLF" --json $'www.b\xc3\xbcch\xe9r.de'
json_is "psl: not UTF-8 at the offending byte" "$T/out" 'd["error"], d["column"]' "('invalid-utf8', 10)"
run "psl: not UTF-8, text" 3 psl --list "$PSLF" $'www.b\xc3\xbcch\xe9r.de'
contains "psl: not UTF-8, text column" "$T/err" "column 10: invalid UTF-8"

# Options and streams (issue 15): help exits 0 everywhere; "--" ends the options, so a name may
# start with '-' (refused by the name rules, not by the option parser); every stdin line gets
# exactly one JSON line, a line over the limit included; positions are 1-based columns.
for sub in psl adn "caa eval" tally "tally audit"; do
  # shellcheck disable=SC2086
  run "$sub --help exits 0" 0 $sub --help
done
run "psl: unknown option is a usage error" 2 psl --frobnicate
run "psl: -- then a name starting with '-'" 3 psl --list "$PSLF" --json -- -www.example.com
json_is "psl: -- name answered by the name rules" "$T/out" 'd["name"], d["error"], d["column"]' \
  "('-www.example.com', 'hyphen-edge', 1)"
run "adn: -- then a name starting with '-'" 3 adn --list "$PSLF" --json -- -www.example.com
json_is "adn: -- name answered by the name rules" "$T/out" 'd["error"], d["column"]' "('hyphen-edge', 1)"
{ echo www.example.com; head -c 1500 /dev/zero | tr '\0' a; echo; echo a..b; } >"$T/names"
"$BIN" psl --list "$PSLF" --json <"$T/names" >"$T/out" 2>"$T/err"
jsonl_is "psl --json: one line per input line" "$T/out" \
  '[(x["line"], x.get("error"), x.get("column")) for x in l]' \
  "[(1, None, None), (2, 'too-long', 1025), (3, 'empty-label', 3)]"
"$BIN" adn --list "$PSLF" --json <"$T/names" >"$T/out" 2>"$T/err"
jsonl_is "adn --json: one line per input line" "$T/out" \
  '[(x["line"], x.get("error"), x.get("column")) for x in l]' \
  "[(1, None, None), (2, 'too-long', 1025), (3, 'empty-label', 3)]"
run "psl --json: list missing is one JSON error" 4 psl --list "$T/no-such-list" --json x.com
json_is "psl --json: list error object" "$T/out" 'd["result"], d["status"]' "('error', 'io')"
run "adn --json: list missing is one JSON error" 4 adn --list "$T/no-such-list" --json x.com
json_is "adn --json: list error object" "$T/out" 'd["result"], d["status"]' "('error', 'io')"
# Every PSL option of cabref psl on cabref adn too: --no-star (no default "*" rule: a name under
# a TLD with no rule has no public suffix, hence no Base Domain Name) and --wildcard-parent
# ("*.kawasaki.jp" makes kawasaki.jp a suffix too).
printf '// ===BEGIN ICANN DOMAINS===\na.zz\n// ===END ICANN DOMAINS===\n' >"$T/small.dat"
run "adn: default rule" 0 adn --list "$T/small.dat" --json www.b.zz
json_is "adn: default rule BDN" "$T/out" 'd["publicSuffix"], d["bdn"]' "('zz', 'b.zz')"
run "adn: --no-star" 0 adn --list "$T/small.dat" --no-star --json www.b.zz
json_is "adn: --no-star, no BDN" "$T/out" 'd["publicSuffix"], d["bdn"], d["candidates"]' \
  "(None, None, [])"
run "adn: --wildcard-parent" 0 adn --list "$PSLF" --wildcard-parent --json kawasaki.jp
json_is "adn: --wildcard-parent, a suffix" "$T/out" 'd["publicSuffix"], d["bdn"]' "('kawasaki.jp', None)"
run "adn: without --wildcard-parent" 0 adn --list "$PSLF" --json kawasaki.jp
json_is "adn: without --wildcard-parent, a BDN" "$T/out" 'd["bdn"]' "kawasaki.jp"

# Names a certificate may not hold (spec/adn.md ADN-TRAILING-DOT, ADN-INTERNAL-NAME,
# ADN-REVERSE-ZONE; issue 15). Columns are 1-based.
run "adn: trailing dot refused" 3 adn --list "$PSLF" --json 'mail.example.org.'
json_is "adn: trailing dot" "$T/out" 'd["error"], d["column"]' "('trailing-dot', 17)"
run "adn: trailing dot, text" 3 adn --list "$PSLF" 'mail.example.org.'
contains "adn: trailing dot message" "$T/err" "<argv>:1:17: error: a trailing dot"
run "adn: Internal Name refused" 3 adn --list "$PSLF" --json intranet.corp
json_is "adn: Internal Name" "$T/out" 'd["error"], d["column"]' "('internal-name', 10)"
run "adn: special-use TLD refused" 3 adn --list "$PSLF" --json printer.local
json_is "adn: special-use TLD" "$T/out" 'd["error"]' "internal-name"
run "adn: a delegated TLD without a rule of its own" 0 adn --list "$PSLF" --json example.za
json_is "adn: example.za keeps its candidates" "$T/out" 'd["bdn"], d["candidates"]' \
  "('example.za', ['example.za'])"
run "adn: reverse zone from 2026-03-15" 3 adn --list "$PSLF" --json --at 2026-03-15 \
  4.3.2.1.in-addr.arpa
json_is "adn: reverse zone" "$T/out" 'd["error"], d["column"]' "('reverse-zone', 9)"
run "adn: reverse zone the day before" 0 adn --list "$PSLF" --json --at 2026-03-14 \
  4.3.2.1.in-addr.arpa
run "adn: a CNAME target may end in a dot" 0 adn --list "$PSLF" --json www.example.com \
  --cname cdn.example.net.
json_is "adn: CNAME target with a dot" "$T/out" 'd["cname"]["fqdn"]' "cdn.example.net"
run "psl --json: truncated sequence" 3 psl --list "$PSLF" --json $'b\xc3.example\xe2\x82'
strict_json "psl --json: truncated sequence" "$T/out"
json_is "psl --json: truncated sequence echoed" "$T/out" 'd["name"] == "b\ufffd.example\ufffd\ufffd"' "True"
printf 'www.example.com\n\xc0\xaf.com\nb\xc3\xbccher.example\n' >"$T/names"
"$BIN" psl --list "$PSLF" --json <"$T/names" >"$T/out" 2>"$T/err"
strict_json "psl --json: stdin lines" "$T/out"
"$PYTHON" -c 'import json,sys; l=[json.loads(x) for x in open(sys.argv[1],encoding="utf-8")]; assert [x["name"] for x in l]==["www.example.com","\ufffd\ufffd.com","b\u00fccher.example"], l' "$T/out" && ok || bad "psl --json: stdin names echoed (overlong C0 AF as two U+FFFD, valid UTF-8 kept)"

# caa zone input, raw control octets (F3) and a later "\#" (F4), ref/shell/caa_zone.c: a form feed
# inside quotes used to end the value ("ca.example" alone, a permit); it is kept as \012 and the
# value, outside the grammar, authorizes no one. A line feed inside quotes is refused with
# FILE:LINE:COLUMN.
printf 'a.example. IN CAA 0 issue "ca.example\f; accounturi=https://ca.example/acct/1"\n' >"$T/ff.zone"
run "caa eval: form feed in a value kept" 1 caa eval --zone "$T/ff.zone" --ca ca.example \
  --account https://ca.example/acct/2 a.example
contains "caa eval: form feed value" "$T/out" \
  '0 issue "ca.example\012; accounturi=https://ca.example/acct/1" -> malformed-value (control)'
printf 'a.example. IN CAA 0 issue "ca.example\n; accounturi=x"\n' >"$T/lf.zone"
run "caa eval: line feed inside quotes refused" 3 caa eval --zone "$T/lf.zone" --ca ca.example \
  a.example
contains "caa eval: line feed position" "$T/err" "lf.zone:1:38: error: a line feed (0x0A)"
run "caa parse: form feed kept" 0 caa parse $'0 issue "a\fb"'
contains "caa parse: form feed as \\012" "$T/out" '0 issue "a\012b"'
run "caa parse: later \\# refused" 3 caa parse '0 \# ue "x"'
contains "caa parse: later \\# message" "$T/err" "first RDATA token"

# ---- cabref rv (spec/random-value.md) ----
run "rv new: default" 0 rv new
"$PYTHON" -c 'import re,sys; v=open(sys.argv[1]).read().split(); sys.exit(0 if len(v)==1 and re.fullmatch("[0-9a-f]{28}", v[0]) else 1)' "$T/out" && ok || bad "rv new: 28 lower-case hex digits (14 octets)"
run "rv new: 50 alphanumeric values" 0 rv new --alphabet alnum --count 50
"$PYTHON" -c 'import re,sys; v=open(sys.argv[1]).read().split(); sys.exit(0 if len(v)==50 and len(set(v))==50 and all(re.fullmatch("[0-9A-Za-z]{19}", x) for x in v) else 1)' "$T/out" && ok || bad "rv new: 50 distinct 19-symbol alphanumeric values"
run "rv new: base64url 128 bits, JSON" 0 rv new --alphabet base64url --bits 128 --json
json_is "rv new: json length" "$T/out" 'd["length"], d["bits"], d["healthTests"]["rctCutoff"], d["healthTests"]["aptCutoff"], d["healthTests"]["octetsTested"]' "(22, 128, 6, 19, 16)"
run "rv new: below 112 bits refused" 3 rv new --bits 111
contains "rv new: 112 cited" "$T/err" "at least 112 (BR 1.6.1"
run "rv new: empty alphabet" 3 rv new --alphabet chars:
contains "rv new: empty alphabet message" "$T/err" "empty alphabet"
run "rv new: repeated symbol" 3 rv new --alphabet abcb
contains "rv new: repeated symbol named" "$T/err" "column 4: alphabet symbol 'b' is repeated"
run "rv new: a stuck source stops at the RCT" 11 rv new --octets-from /dev/zero --count 3
contains "rv new: RCT message" "$T/err" "repetition count reached 6 at octet 6"
[ ! -s "$T/out" ] && ok || bad "rv new: nothing written after a failed health test"
head -c 4000 /dev/urandom >"$T/rand"
"$PYTHON" -c 'import sys; b=bytearray(open(sys.argv[1],"rb").read()); b=bytearray(x if x != 7 else 8 for x in b); b[0:130:10]=bytes([7])*13; open(sys.argv[1],"wb").write(b)' "$T/rand"
run "rv new: a value repeated too often in a window fails the APT (H 8, alpha 2^-20: C 13)" 11 \
  rv new --octets-from "$T/rand" --count 100 --health-alpha 20
contains "rv new: APT message" "$T/err" "adaptive proportion"
[ ! -s "$T/out" ] && ok || bad "rv new: no value of a failed run is written"
run "rv new: the source running dry" 4 rv new --octets-from /dev/null
contains "rv new: source message" "$T/err" "ran out of octets"
run "rv new: health off reads the stuck source" 0 rv new --octets-from /dev/zero --no-health
contains "rv new: all-zero value" "$T/out" "0000000000000000000000000000"
run "rv new: count out of range" 2 rv new --count 0
run "rv new: a length of 2^40 bits" 2 rv new --bits 1099511627776
run "rv check: ACME token" 0 rv check --alphabet base64url LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0
contains "rv check: capacity" "$T/out" "capacity 256 bits"
contains "rv check: says what a string cannot show" "$T/out" "never strong enough"
run "rv check: 33 digits too weak" 1 rv check --alphabet decimal 123456789012345678901234567890123
contains "rv check: too weak" "$T/out" "TOO WEAK"
run "rv check: DNS label JSON" 1 rv check --alphabet base64url --channel dns-label --json AAAAAAAAAAAAAAAAAAAAAQ
json_is "rv check: label bits" "$T/out" 'd[0]["channelBits"], d[0]["verdict"]' "(110, 'too-weak')"
run "rv check: bad symbol" 3 rv check --alphabet hex 0123456789abcdeg0123456789ab
contains "rv check: column" "$T/err" "column 16: symbol 'g' is not in the value's alphabet"
run "rv check: bad channel" 2 rv check --alphabet hex --channel phone 00
run "rv window: .7 longer reading" 0 rv window --method 3.2.2.4.7 --created 2026-01-01 --at 2026-02-01 --applicant-submitted --json
json_is "rv window: .7 deadline" "$T/out" 'd["rule"], d["reuseDays"], d["deadline"], d["use"]' "('30-days-or-reuse', 398, '2027-02-03', 'valid')"
run "rv window: .7 shorter reading expires" 1 rv window --method 7 --created 2026-01-01 --at 2026-02-01 --applicant-submitted --dns-shorter
contains "rv window: expired" "$T/out" "expired"
run "rv window: retired method" 1 rv window --method 6 --created 2021-01-01 --at 2021-01-02
contains "rv window: not in force" "$T/out" "not in force at issuance"
run "rv window: no Random Value" 3 rv window --method 3.2.2.4.22 --created 2026-01-01
contains "rv window: no RV message" "$T/err" "uses no Random Value"
run "rv window: bad date" 3 rv window --method 2 --created 2026-02-30
run "rv window: before creation" 1 rv window --method 19 --created 2026-01-02 --at 2026-01-01
contains "rv window: clock error" "$T/out" "before-creation"
run "rv cutoff: Table 2" 0 rv cutoff --health-h 4 --health-alpha 20 --json
json_is "rv cutoff: H 4" "$T/out" 'd["rctCutoff"], d["aptCutoff"], d["aptCutoffCorrected"]' "(6, 62, 63)"
run "rv vectors" 0 vectors vectors/random-value.json
contains "rv vectors: all pass" "$T/out" "0 failed"

# ---- --impl: expect keys an implementation declares it cannot produce (spec/tally-formats.md §5) ----
"$PYTHON" -c 'import json; d=json.load(open("vectors/psl.json")); g=d["testGroups"][0]; g["tests"]=g["tests"][1:2]; d["testGroups"]=[g]; d["numberOfTests"]=1; json.dump(d,open("'"$T"'/one.json","w"))'
cat >"$T/partial.py" <<'PY'
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    print(json.dumps({"tcId": r["tcId"], "result": "valid", "reason": [], "publicSuffix": "com",
                      "registrableDomain": "example.com", "unanswered": sys.argv[1:]}), flush=True)
PY
run "vectors --impl: unanswered keys are not compared" 0 vectors --impl "$PYTHON $T/partial.py rule kind" "$T/one.json"
run "vectors --impl: a missing key not declared fails" 7 vectors --impl "$PYTHON $T/partial.py rule" "$T/one.json"
contains "vectors --impl: names the key" "$T/out" "kind: expected"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
