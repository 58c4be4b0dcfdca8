#!/usr/bin/env bash
# cabref caa check against real DNS servers on loopback (issue 12): NSD serves the zone "caatest."
# (unsigned) and "signed.caatest." (signed with ldns-signzone, its key given to cabref as the trust
# anchor, so that answers below it validate), Unbound recurses for cabref (stub zone "caatest." to
# NSD). Ports are chosen at run time; both servers are stopped at the end, whatever happens.
#
#   bash tests/dns_test.sh path/to/cabref
#
# Every expected result below is derived from RFC 8659 §3 and the zone text (not from cabref's
# output). Ends with "N passed, M failed"; exit status 1 when something failed (a missing nsd,
# unbound or ldns-signzone counts as a failure), 0 otherwise.
set -u
CABREF=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
for tool in nsd unbound ldns-signzone ldns-keygen python3; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
    echo "dns_test: $tool is not installed (make deps installs it)"
    echo "0 passed, 1 failed"
    exit 1
  fi
done
PATH=$PATH:/usr/sbin
T=$(mktemp -d)
pass=0
fail=0
. "$(dirname "$0")/dns_lib.sh"
cleanup() {
  dns_stop
  rm -rf "$T"
}
trap cleanup EXIT

# signed.caatest: a zone of its own, signed; its DNSKEY is cabref's trust anchor, so names under it
# validate (secure), and a record altered after signing is bogus.
cat >"$T/signed.zone" <<'ZONE'
$ORIGIN signed.caatest.
$TTL 300
@        SOA ns.caatest. hostmaster.caatest. 1 3600 600 86400 300
@        NS  ns.caatest.
@        CAA 0 issue "ca.example"
deny     CAA 0 issue "other.example"
broken   CAA 0 issue "other.example"
ZONE
(cd "$T" && ldns-keygen -a ECDSAP256SHA256 -k signed.caatest >keyname) || exit 1
KEY=$(cat "$T/keyname")
(cd "$T" && ldns-signzone -n -o signed.caatest. -f signed.zone.signed signed.zone "$KEY") || exit 1
# Break the signature over broken.signed.caatest's CAA set: change the value after signing.
sed -i 's/^\(broken\.signed\.caatest\.[[:space:]].*CAA[[:space:]].*\)"other\.example"/\1"ca.example"/' \
  "$T/signed.zone.signed"
grep -q 'broken.signed.caatest.*"ca.example"' "$T/signed.zone.signed" || {
  echo "dns_test: could not alter the signed zone"
  exit 1
}
grep -v '^;' "$T/$KEY.key" >"$T/anchor.key"

cat >"$T/caatest.zone" <<ZONE
\$ORIGIN caatest.
\$TTL 300
@              SOA ns.caatest. hostmaster.caatest. 1 3600 600 86400 300
@              NS  ns.caatest.
ns             A   127.0.0.1
example        CAA 0 issue "ca.example"
deny.example   CAA 0 issue "other.example"
www.example    CNAME cdn.other
cdn.other      CAA 0 issue "other.example"
other          CAA 0 issue "other.example"
empty.example  CNAME nowhere.other
loop1.example  CNAME loop2.example
loop2.example  CNAME loop1.example
*.wild         CAA 0 issue "wild.example"
long.example   86400 CAA 0 issue "ca.example"
lame           NS  ns.lame
ns.lame        A   127.0.0.2
signed         NS  ns.caatest.
$(grep -v '^;' "$T/$KEY.ds" | sed 's/^signed\.caatest\./signed/')
ZONE

dns_start caatest caatest.zone signed.caatest signed.zone.signed || {
  echo "0 passed, 1 failed"
  exit 1
}

R="127.0.0.1@$UB_PORT"
run() { # run NAME EXPECTED_STATUS ARGS...
  local name=$1 want=$2
  shift 2
  "$CABREF" "$@" >"$T/out" 2>"$T/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name: exit $got, expected $want"
    sed 's/^/  | /' "$T/out" "$T/err" | head -30
  fi
}
json_is() { # json_is NAME EXPR EXPECTED (EXPR over d, the JSON of the last run)
  local got
  got=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); r = ($2); print(r)" "$T/out" 2>&1)
  if [ "$got" = "$3" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $1: $2 is \"$got\", expected \"$3\""
  fi
}
CHECK=(caa check --resolver "$R" --ca ca.example --json)

# RFC 8659 §3: climb from the name; a.example.caatest does not exist (empty), example.caatest names us.
run "live: climb to the parent" 0 "${CHECK[@]}" --no-dnssec a.example.caatest
json_is "live: relevant owner" 'd["names"][0]["relevantOwner"]' "example.caatest"
json_is "live: three lookups, all once" \
  '[(q["name"], q["outcome"], q["tries"]) for q in d["queries"]]' \
  "[('a.example.caatest', 'empty', 1), ('example.caatest', 'records', 1), ('caatest', 'empty', 1)]"
json_is "live: not validated" 'd["dnssecValidated"], d["queries"][0]["dnssec"]' \
  "(False, 'indeterminate')"
run "live: a set that names another CA" 1 "${CHECK[@]}" --no-dnssec deny.example.caatest
json_is "live: denied" 'd["names"][0]["result"], d["names"][0]["reason"]' \
  "('deny', 'not-authorized')"
# The resolver follows the CNAME: the target's set applies.
run "live: CNAME to another name's set" 1 "${CHECK[@]}" --no-dnssec www.example.caatest
json_is "live: CNAME chain" \
  'd["names"][0]["relevantOwner"], d["names"][0]["aliasChain"]' \
  "('cdn.other.caatest', ['www.example.caatest', 'cdn.other.caatest'])"
# The CNAME's target does not exist: empty; the climb goes on at example.caatest, not other.caatest.
run "live: CNAME to nothing climbs from the name" 0 "${CHECK[@]}" --no-dnssec empty.example.caatest
json_is "live: CNAME to nothing" 'd["names"][0]["relevantOwner"]' "example.caatest"
# A wildcard synthesized by the server: the answer is owned by the name asked.
run "live: wildcard synthesized by the server" 1 "${CHECK[@]}" --no-dnssec foo.wild.caatest
json_is "live: wildcard" 'd["names"][0]["relevantOwner"]' "foo.wild.caatest"
# A CNAME loop: the resolver fails (SERVFAIL), retried once, a lookup failure (exit 9).
run "live: CNAME loop" 9 "${CHECK[@]}" --no-dnssec loop1.example.caatest
json_is "live: loop failure" \
  'd["names"][0]["result"], d["names"][0]["lookupFailure"]["kind"], d["queries"][0]["tries"]' \
  "('lookup-failure', 'servfail', 2)"
json_is "live: not Insecure, never permission" 'd["names"][0]["failureMayPermit"]' "False"
# A delegation to a server that does not answer: a failure at the name, before any set.
run "live: lame delegation" 9 "${CHECK[@]}" --no-dnssec --timeout 3000 x.lame.caatest
json_is "live: lame failure" 'd["names"][0]["result"]' "lookup-failure"
# One name denied, one permitted, one failed: the denial decides (exit 1).
run "live: certificate" 1 "${CHECK[@]}" --no-dnssec a.example.caatest deny.example.caatest \
  loop1.example.caatest
json_is "live: certificate result" 'd["result"]' "deny"
# Eight hours or the TTL, whichever is greater (BR 3.2.2.8): TTL 300 and TTL 86400.
run "live: reuse window" 0 "${CHECK[@]}" --no-dnssec --at 2026-12-01T00:00:00Z example.caatest \
  long.example.caatest
json_is "live: reuse until" '[n["reuseUntil"] for n in d["names"]]' \
  "['2026-12-01T08:00:00Z', '2026-12-02T00:00:00Z']"
json_is "live: rules of the date" 'd["rules"], d["at"]' "('rfc8659', '2026-12-01T00:00:00Z')"

# DNSSEC, validated by cabref's libunbound against signed.caatest's key.
A=(--trust-anchor "$T/anchor.key")
run "live: secure" 0 "${CHECK[@]}" "${A[@]}" signed.caatest
json_is "live: secure status" 'd["dnssecValidated"], d["queries"][0]["dnssec"]' "(True, 'secure')"
run "live: secure deny" 1 "${CHECK[@]}" "${A[@]}" deny.signed.caatest
# The altered record fails validation: bogus, a lookup failure, never permission from
# 2026-03-15 (BR 3.2.2.8.1), even outside the CA and retried.
run "live: bogus" 9 "${CHECK[@]}" "${A[@]}" --outside-ca broken.signed.caatest
json_is "live: bogus kind" \
  'd["names"][0]["lookupFailure"]["kind"], d["queries"][0]["dnssec"], d["names"][0]["failureMayPermit"]' \
  "('bogus', 'bogus', False)"
# Names outside the anchor's zone are not covered by it: with an anchor loaded, the validator
# calls them insecure (the root anchor covers every name; this test anchor does not).
run "live: outside the anchor" 0 "${CHECK[@]}" "${A[@]}" a.example.caatest
json_is "live: insecure outside the anchor" 'd["queries"][0]["dnssec"]' "insecure"
# A failure in a zone the validator calls insecure, outside the CA, retried: the exception
# may apply (BR 3.2.2.8, SC085).
run "live: failure, insecure, outside" 9 "${CHECK[@]}" "${A[@]}" --outside-ca loop1.example.caatest
json_is "live: failure may permit" 'd["names"][0]["failureMayPermit"]' "True"
run "live: the same inside the CA" 9 "${CHECK[@]}" "${A[@]}" loop1.example.caatest
json_is "live: failure inside the CA" 'd["names"][0]["failureMayPermit"]' "False"

# Bad resolver address and usage.
run "live: bad resolver" 4 caa check --resolver "not an address" --ca ca.example a.example.caatest
run "live: no --ca" 2 caa check --resolver "$R" a.example.caatest

# Bulk (CAA-DNS-BULK): one certificate per line of stdin, 2 lines at a time, results in input
# order, one JSON object per line; blank lines are not requests; the exit status is the worst.
runin() { # runin NAME EXPECTED_STATUS INPUT ARGS...: run with INPUT (printf %b) on stdin
  local name=$1 want=$2
  printf '%b' "$3" >"$T/in"
  shift 3
  run "$name" "$want" "$@" <"$T/in"
}
lines_are() { # lines_are NAME EXPR EXPECTED (EXPR over L, the list of JSON lines of the last run)
  local got
  got=$(python3 -c "import json,sys; L=[json.loads(x) for x in open(sys.argv[1])]; print($2)" "$T/out" 2>&1)
  if [ "$got" = "$3" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $1: $2 is \"$got\", expected \"$3\""
  fi
}
runin "bulk: denied line" 1 "a.example.caatest\n\ndeny.example.caatest\nexample.caatest www.example.caatest\nb.example.caatest\n" \
  "${CHECK[@]}" --no-dnssec --stdin --parallel 2
lines_are "bulk: input order" '[(x["line"], x["result"]) for x in L]' \
  "[(1, 'permit'), (3, 'deny'), (4, 'deny'), (5, 'permit')]"
lines_are "bulk: each line its own queries" '[len(x["queries"]) for x in L]' "[3, 3, 3, 3]"
runin "bulk: all permitted" 0 "a.example.caatest\nexample.caatest\n" "${CHECK[@]}" --no-dnssec --stdin
runin "bulk: a lookup failure" 9 "a.example.caatest\nloop1.example.caatest\n" "${CHECK[@]}" --no-dnssec --stdin
runin "bulk: not a name" 3 "a.example.caatest\nbad..name\n" "${CHECK[@]}" --no-dnssec --stdin
lines_are "bulk: the bad line is reported in place" '[x["names"][0]["result"] for x in L]' \
  "['permit', 'error']"
runin "bulk: text output" 0 "example.caatest\n" caa check --resolver "$R" --ca ca.example --no-dnssec --stdin
if grep -q '^certificate (line 1): permit$' "$T/out"; then pass=$((pass + 1)); else
  fail=$((fail + 1)); echo "FAIL bulk: text output names the line"; fi
run "bulk: names and --stdin" 2 caa check --resolver "$R" --ca ca.example --stdin a.example.caatest
run "bulk: --parallel 0" 2 caa check --resolver "$R" --ca ca.example --stdin --parallel 0

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
