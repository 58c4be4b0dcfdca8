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
for tool in nsd unbound ldns-signzone ldns-keygen ldns-testns openssl python3; do
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
  [ -n "${TESTNS_PID:-}" ] && kill "$TESTNS_PID" 2>/dev/null
  dns_stop
  rm -rf "$T"
}
trap cleanup EXIT

# signed.caatest: a zone of its own, signed; its DNSKEY is cabref's trust anchor, so names under it
# validate (secure), and a record altered after signing is bogus. Two children of it, served by
# NSD too, each with a DS in signed.caatest: expired.signed.caatest, signed with signatures that
# expired in 2020, and nokey.signed.caatest, not signed at all. Both are bogus (RFC 4035 §5.5).
for child in expired nokey; do
  cat >"$T/$child.zone" <<ZONE
\$ORIGIN $child.signed.caatest.
\$TTL 300
@        SOA ns.caatest. hostmaster.caatest. 1 3600 600 86400 300
@        NS  ns.caatest.
@        CAA 0 issue "ca.example"
ZONE
  (cd "$T" && ldns-keygen -a ECDSAP256SHA256 -k "$child.signed.caatest" >"$child.keyname") || exit 1
done
(cd "$T" && ldns-signzone -n -i 20200101000000 -e 20200201000000 -o expired.signed.caatest. \
  -f expired.zone.signed expired.zone "$(cat expired.keyname)") || exit 1
cat >"$T/signed.zone" <<'ZONE'
$ORIGIN signed.caatest.
$TTL 300
@        SOA ns.caatest. hostmaster.caatest. 1 3600 600 86400 300
@        NS  ns.caatest.
@        CAA 0 issue "ca.example"
deny     CAA 0 issue "other.example"
broken   CAA 0 issue "other.example"
lame     NS  ns.lame
lame     DS  12345 13 2 0000000000000000000000000000000000000000000000000000000000000000
ns.lame  A   127.0.0.2
expired  NS  ns.caatest.
nokey    NS  ns.caatest.
ZONE
for child in expired nokey; do
  grep -v '^;' "$T/$(cat "$T/$child.keyname").ds" >>"$T/signed.zone"
done
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
$(for i in $(seq 1 19); do echo "c$i.chain CNAME c$((i + 1)).chain"; done)
c20.chain      CAA 0 issue "ca.example"
iodef.example  CAA 0 issue "other.example"
iodef.example  CAA 0 iodef "mailto:caa@iodef.example.caatest"
iodef.example  CAA 0 iodef "https://iodef.example.caatest/caa"
iodef.example  CAA 0 iodef "ftp://iodef.example.caatest/caa"
dn.example     DNAME dt.other
dt.other       CAA 0 issue "other.example"
dnb            DNAME example
ZONE

# faults.caatest: served by ldns-testns, which answers each query as scripted (RFC 3597 form for
# CAA, which its reader takes): SERVFAIL; REFUSED; a truncated UDP answer whose full set comes
# over TCP; a truncated answer with nothing over TCP; CAA records owned by another name; and a
# name it never answers. faults.caatest itself names another CA.
caa_hex() { # caa_hex TAG VALUE: the RDATA of "0 TAG VALUE" in the RFC 3597 form
  python3 -c "import sys; t, v = sys.argv[1].encode(), sys.argv[2].encode(); r = bytes([0, len(t)]) + t + v; print('\\\\# %d %s' % (len(r), r.hex()))" "$1" "$2"
}
entry() { # entry QNAME MATCH-EXTRA REPLY [ANSWER-RR]
  printf 'ENTRY_BEGIN\nMATCH opcode qtype qname %s\nADJUST copy_id\nREPLY QR AA %s\nSECTION QUESTION\n%s IN TYPE257\n' "$2" "$3" "$1"
  [ -n "${4:-}" ] && printf 'SECTION ANSWER\n%s\n' "$4"
  printf 'ENTRY_END\n'
}
{
  echo '$ORIGIN faults.caatest.'
  entry servfail "" SERVFAIL
  entry refused "" REFUSED
  entry tc UDP "TC NOERROR"
  entry tc TCP NOERROR "tc 300 IN TYPE257 $(caa_hex issue ca.example)"
  entry tconly UDP "TC NOERROR"
  entry other "" NOERROR "evil 300 IN TYPE257 $(caa_hex issue ca.example)"
  # A CAA set of about 60,000 octets: truncated over UDP, whole over TCP; its last record names
  # another CA in issuewild, the others this one in issue.
  entry big UDP "TC NOERROR"
  entry big TCP NOERROR "$(python3 -c '
for i in range(58):
    t, v = (b"issue", b"ca.example; pad=" + b"x" * 1000 + b"%03d" % i) if i < 57 else (b"issuewild", b"other.example")
    r = bytes([0, len(t)]) + t + v
    print("big 300 IN TYPE257 \\# %d %s" % (len(r), r.hex()))')"
  entry faults.caatest. "" NOERROR "faults.caatest. 300 IN TYPE257 $(caa_hex issue other.example)"
} >"$T/faults.data"
TESTNS_PORT=$(dns_free_port)
ldns-testns -p "$TESTNS_PORT" "$T/faults.data" >"$T/testns.out" 2>&1 &
TESTNS_PID=$!
UB_STUBS="stub-zone:
  name: \"faults.caatest\"
  stub-addr: 127.0.0.1@$TESTNS_PORT"
UB_EXTRA='  local-zone: "nosuchtld." static'

dns_start caatest caatest.zone signed.caatest signed.zone.signed \
  expired.signed.caatest expired.zone.signed nokey.signed.caatest nokey.zone || {
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
same() { # same NAME WHAT GOT EXPECTED: one check, counted
  if [ "$3" = "$4" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $1: $2 is \"$3\", expected \"$4\""
  fi
}
json_is() { # json_is NAME EXPR EXPECTED (EXPR over d, the JSON of the last run)
  same "$1" "$2" "$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); r = ($2); print(r)" "$T/out" 2>&1)" "$3"
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

# Expired signatures, and a DS in the parent over an unsigned child: bogus, a failure of kind bogus,
# never permission from 2026-03-15 (BR 3.2.2.8.1), nor before (the zone has a validation chain).
for child in expired nokey; do
  run "live: $child: bogus" 9 "${CHECK[@]}" "${A[@]}" --outside-ca --at 2026-04-01T00:00:00Z \
    "www.$child.signed.caatest"
  json_is "live: $child: kind and status" \
    'd["names"][0]["lookupFailure"]["kind"], d["queries"][0]["dnssec"], d["names"][0]["failureMayPermit"]' \
    "('bogus', 'bogus', False)"
  run "live: $child: the same in 2020" 9 "${CHECK[@]}" "${A[@]}" --outside-ca \
    --at 2020-06-01T00:00:00Z "www.$child.signed.caatest"
  json_is "live: $child: no permission in 2020" 'd["names"][0]["failureMayPermit"]' "False"
done

# A failure inside a signed zone (the parent holds a DS for lame.signed.caatest, whose server
# never answers): the failed answer proves nothing, and the nearest DS answer is secure, so the
# domain is not Insecure and the failure is never permission (libunbound calls a SERVFAIL "not
# secure"; read as Insecure, it would have been).
run "live: failure under a signed delegation" 9 "${CHECK[@]}" "${A[@]}" --outside-ca \
  --timeout 3000 --at 2025-08-01T00:00:00Z x.lame.signed.caatest
json_is "live: not Insecure" \
  '[(q["name"], q["type"], q["dnssec"]) for q in d["queries"] if q["name"] in ("x.lame.signed.caatest", "lame.signed.caatest")]' \
  "[('x.lame.signed.caatest', 'CAA', 'indeterminate'), ('x.lame.signed.caatest', 'DS', 'indeterminate'), ('lame.signed.caatest', 'CAA', 'indeterminate'), ('lame.signed.caatest', 'DS', 'secure')]"
json_is "live: no permission" 'd["names"][0]["failureMayPermit"]' "False"

# Bad resolver address and usage.
run "live: bad resolver" 4 caa check --resolver "not an address" --ca ca.example a.example.caatest
run "live: no --ca" 2 caa check --resolver "$R" a.example.caatest

# Faults from a real server (ldns-testns behind Unbound). Expected results from RFC 8659 §3 (a
# failed lookup is not an empty set) and BR 3.2.2.8 (the failure exception, by date).
F=(caa check --resolver "$R" --ca ca.example --json --timeout 2000 --trust-anchor "$T/anchor.key")
run "faults: SERVFAIL" 9 "${F[@]}" servfail.faults.caatest
json_is "faults: SERVFAIL kind, retried, insecure" \
  'd["names"][0]["lookupFailure"]["kind"], d["queries"][0]["tries"], d["queries"][0]["dnssec"]' \
  "('servfail', 2, 'insecure')"
json_is "faults: not outside the CA, no permission" 'd["names"][0]["failureMayPermit"]' "False"
for at in 2018-01-01T00:00:00Z 2025-08-01T00:00:00Z 2026-04-01T00:00:00Z; do
  run "faults: SERVFAIL outside the CA at $at" 9 "${F[@]}" --outside-ca --at "$at" \
    servfail.faults.caatest
  json_is "faults: insecure, retried, outside: permission at $at" \
    'd["names"][0]["failureMayPermit"]' "True"
done
run "faults: SERVFAIL, not validated (indeterminate), 2025-08-01" 9 caa check --resolver "$R" \
  --ca ca.example --json --timeout 2000 --no-dnssec --outside-ca --at 2025-08-01T00:00:00Z \
  servfail.faults.caatest
json_is "faults: SC085 needs a confirmed Insecure" 'd["names"][0]["failureMayPermit"]' "False"
run "faults: REFUSED by the authority" 9 "${F[@]}" refused.faults.caatest
json_is "faults: REFUSED reaches cabref as the resolver's SERVFAIL" \
  'd["names"][0]["lookupFailure"]["kind"]' "servfail"
run "faults: a set that needs TCP" 0 "${F[@]}" tc.faults.caatest
json_is "faults: TCP answer applied" 'd["names"][0]["relevantOwner"]' "tc.faults.caatest"
run "faults: a 60,000-octet set over TCP" 0 "${F[@]}" big.faults.caatest
json_is "faults: every record of it" 'len(d["names"][0]["records"]), d["queries"][0]["records"]' "(58, 58)"
run "faults: the same set, a wildcard request: issuewild decides" 1 "${F[@]}" '*.big.faults.caatest'
run "faults: truncated, nothing over TCP" 9 "${F[@]}" tconly.faults.caatest
run "faults: records owned by another name are not the name's" 1 "${F[@]}" other.faults.caatest
json_is "faults: the parent's set applies" 'd["names"][0]["relevantOwner"]' "faults.caatest"
t0=$(date +%s)
run "faults: a server that never answers" 9 "${F[@]}" silent.faults.caatest
t1=$(date +%s)
json_is "faults: the resolver gave up, or we did" \
  'd["names"][0]["lookupFailure"]["kind"] in ("servfail", "timeout")' "True"
if [ $((t1 - t0)) -le 8 ]; then pass=$((pass + 1)); else
  fail=$((fail + 1)); echo "FAIL faults: two rounds of 2 s took $((t1 - t0)) s"; fi
DEAD=$(dns_free_port)
t0=$(date +%s)
run "faults: the resolver is down" 9 caa check --resolver "127.0.0.1@$DEAD" --ca ca.example --json \
  --timeout 1000 a.example.caatest
t1=$(date +%s)
json_is "faults: every query timed out" 'sorted((q["type"], q["failure"]) for q in d["queries"])' \
  "[('CAA', 'timeout'), ('CAA', 'timeout'), ('CAA', 'timeout'), ('DS', 'timeout'), ('DS', 'timeout'), ('DS', 'timeout')]"
if [ $((t1 - t0)) -le 6 ]; then pass=$((pass + 1)); else
  fail=$((fail + 1)); echo "FAIL faults: the resolver down took $((t1 - t0)) s"; fi
run "faults: a chain of 20 CNAMEs" 9 "${F[@]}" c1.chain.caatest
run "faults: NXDOMAIN up to the TLD: no set, permitted" 0 "${F[@]}" a.b.nosuchtld
json_is "faults: NXDOMAIN is empty" '[q["outcome"] for q in d["queries"]]' \
  "['empty', 'empty', 'empty']"

# The profile table (notes s2.5), live, by date: RFC 6844 as published (2017-10-01), with erratum
# 5065 (2018-01-01), RFC 8659 (2026-01-01). Expected results from each text's algorithm.
P=(caa check --resolver "$R" --ca ca.example --json --no-dnssec)
for at in 2017-10-01T00:00:00Z 2018-01-01T00:00:00Z 2026-01-01T00:00:00Z; do
  run "profiles: CNAME to a name with records, $at" 1 "${P[@]}" --at "$at" www.example.caatest
  json_is "profiles: the target's set, $at" 'd["names"][0]["relevantOwner"]' "cdn.other.caatest"
done
run "profiles: CNAME to nothing, RFC 6844: no climb from the target" 9 "${P[@]}" \
  --at 2017-10-01T00:00:00Z empty.example.caatest
json_is "profiles: rfc6844-climb" 'd["names"][0]["lookupFailure"]["kind"]' "rfc6844-climb"
for at in 2018-01-01T00:00:00Z 2026-01-01T00:00:00Z; do
  run "profiles: CNAME to nothing climbs from the name, $at" 0 "${P[@]}" --at "$at" \
    empty.example.caatest
done
run "profiles: DNAME owned by the name, erratum 5065: the target's set" 1 "${P[@]}" \
  --at 2018-01-01T00:00:00Z dn.example.caatest
json_is "profiles: DNAME target" 'd["names"][0]["relevantOwner"]' "dt.other.caatest"
json_is "profiles: the target was asked" \
  '[(q["name"], q["type"]) for q in d["queries"] if q["name"] == "dt.other.caatest"]' \
  "[('dt.other.caatest', 'CAA'), ('dt.other.caatest', 'DNAME')]"
run "profiles: DNAME owned by the name, RFC 8659: ignored" 0 "${P[@]}" --at 2026-01-01T00:00:00Z \
  dn.example.caatest
json_is "profiles: climbs to the parent" 'd["names"][0]["relevantOwner"]' "example.caatest"
run "profiles: below a DNAME: the synthesized CNAME" 1 "${P[@]}" deny.dnb.caatest
json_is "profiles: the substituted name's set" 'd["names"][0]["relevantOwner"]' "deny.example.caatest"

runin() { # runin NAME EXPECTED_STATUS INPUT ARGS...: run with INPUT (printf %b) on stdin
  local name=$1 want=$2
  printf '%b' "$3" >"$T/in"
  shift 3
  run "$name" "$want" "$@" <"$T/in"
}
lines_are() { # lines_are NAME EXPR EXPECTED (EXPR over L, the list of JSON lines of the last run)
  same "$1" "$2" "$(python3 -c "import json,sys; L=[json.loads(x) for x in open(sys.argv[1])]; print($2)" "$T/out" 2>&1)" "$3"
}
# A prevented issuance (CAA-PREVENTED): the record for the CA's documentation (BR 3.2.2.8) and the
# reports for the iodef contacts (RFC 8659 §4.4), written under --reports, never sent.
mkdir -p "$T/reports"
run "prevented: denied, reports written" 1 caa check --resolver "$R" --ca ca.example --json \
  --no-dnssec --reports "$T/reports" --report-from "pki@ca.example" --at 2026-06-01T00:00:00Z \
  www.iodef.example.caatest
json_is "prevented: the record" \
  '[(p["name"], p["relevantOwner"], p["reason"], p["ca"], len(p["incident"])) for p in [d["names"][0]["preventedIssuance"]]][0]' \
  "('www.iodef.example.caatest', 'iodef.example.caatest', 'not-authorized', 'ca.example', 32)"
json_is "prevented: one report per usable contact" \
  'sorted((t["scheme"], t["report"] is not None, t["skipped"] is not None) for t in d["names"][0]["preventedIssuance"]["iodef"])' \
  "[('https', True, False), ('mailto', True, False), ('other', False, True)]"
if python3 - "$T/out" <<'PY'; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL prevented: the files"; fi
import email, json, sys, xml.etree.ElementTree as ET
d = json.load(open(sys.argv[1]))
p = d["names"][0]["preventedIssuance"]
NS = "{urn:ietf:params:xml:ns:iodef-2.0}"
doc = ET.parse(p["iodefDocument"]).getroot()
assert doc.tag == NS + "IODEF-Document" and doc.get("version") == "2.00", doc.tag
inc = doc.find(NS + "Incident")
assert inc.get("purpose") == "reporting"
iid = inc.find(NS + "IncidentID")
assert iid.get("name") == "ca.example" and iid.text == p["incident"]
assert inc.find(NS + "GenerationTime").text == "2026-06-01T00:00:00Z"
assert inc.find(NS + "Contact/" + NS + "Email/" + NS + "EmailTo").text == "pki@ca.example"
assert 'issue "other.example"' in inc.find(NS + "EventData/" + NS + "Description").text
by = {t["scheme"]: t for t in p["iodef"]}  # an RRset has no order: by scheme
raw = open(by["mailto"]["report"], "rb").read()
assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # RFC 5322: CRLF only
msg = email.message_from_bytes(raw)
assert msg["To"] == "caa@iodef.example.caatest" and msg["From"] == "pki@ca.example"
assert msg["Date"] == "Mon, 01 Jun 2026 00:00:00 +0000", msg["Date"]
parts = [q for q in msg.walk() if not q.is_multipart()]
assert [q.get_content_type() for q in parts] == ["text/plain", "application/xml"]
att = ET.fromstring(parts[1].get_payload(decode=True))
assert att.find(NS + "Incident/" + NS + "IncidentID").text == p["incident"]
assert open(by["https"]["report"]).read() == open(p["iodefDocument"]).read()
PY
run "prevented: a permitted name has none" 0 caa check --resolver "$R" --ca other.example --json \
  --no-dnssec --reports "$T/reports" www.iodef.example.caatest
json_is "prevented: absent" '"preventedIssuance" in d["names"][0]' "False"
run "prevented: a directory that cannot be written" 4 caa check --resolver "$R" --ca ca.example \
  --json --no-dnssec --reports "$T/no/such/dir" www.iodef.example.caatest
run "prevented: a From address that would break the header" 2 caa check --resolver "$R" \
  --ca ca.example --report-from "a@b.example>\nBcc: x@y" www.iodef.example.caatest

# Certificates and CSRs (--cert, --csr; "@FILE" in --stdin): BR 3.2.2.8 checks each dNSName of the
# subjectAltName; an iPAddress or rfc822Name is not a dNSName; Onion Domain Names are not checked.
(
  cd "$T" || exit 1
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout k.pem \
    -subj /CN=a.example.caatest -out csr.pem -addext \
    "subjectAltName=DNS:a.example.caatest,DNS:*.example.caatest,DNS:deny.example.caatest,IP:192.0.2.1"
  openssl req -x509 -key k.pem -subj /CN=a.example.caatest -days 30 -out cert.pem -addext \
    "subjectAltName=DNS:a.example.caatest,DNS:hidden.onion,email:x@example.com"
  openssl x509 -in cert.pem -outform DER -out cert.der
  openssl req -new -key k.pem -subj /CN=a.example.caatest -out nosan.pem
  echo "not a certificate" >junk.pem
) >/dev/null 2>&1
C=(caa check --resolver "$R" --ca ca.example --json --no-dnssec)
run "cert: a CSR with a denied name" 1 "${C[@]}" --csr "$T/csr.pem"
json_is "cert: the CSR's three dNSNames, in order" '[n["name"] for n in d["names"]]' \
  "['a.example.caatest', '*.example.caatest', 'deny.example.caatest']"
run "cert: a certificate (PEM), an Onion name not checked" 0 "${C[@]}" --cert "$T/cert.pem"
json_is "cert: results" '[n["result"] for n in d["names"]]' "['permit', 'onion-exempt']"
run "cert: a certificate (DER)" 0 "${C[@]}" --cert "$T/cert.der"
run "cert: a certificate given as a CSR" 3 "${C[@]}" --csr "$T/cert.pem"
run "cert: not a certificate" 3 "${C[@]}" --cert "$T/junk.pem"
run "cert: no subjectAltName" 3 "${C[@]}" --csr "$T/nosan.pem"
json_is "cert: the error says why" '"no dNSName" in d["message"]' "True"
run "cert: a file that is not there" 4 "${C[@]}" --cert "$T/missing.pem"
runin "cert: @FILE lines in bulk" 4 "@$T/cert.pem\n@$T/missing.pem\nexample.caatest @$T/csr.pem\n" \
  "${C[@]}" --stdin
lines_are "cert: every line in its place" '[(x["line"], x["result"]) for x in L]' \
  "[(1, 'permit'), (2, 'error'), (3, 'deny')]"

# Bulk (CAA-DNS-BULK): one certificate per line of stdin, 2 lines at a time, results in input
# order, one JSON object per line; blank lines are not requests; the exit status is the worst.
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
# Memory stays bounded whatever the input's length (CAA-DNS-BULK): the peak resident size of a run
# of 200,000 lines is within 30% of one of 50,000 (NXDOMAIN from Unbound's local zone; a leak of
# 100 octets a name would add 60%). The child is started with posix_spawn and measured alone
# (wait4), the names read from a file. Not under ASan, whose quarantine keeps freed memory.
case "$CABREF" in */asan/*) bulk_mem=0 ;; *) bulk_mem=1 ;; esac
[ "$bulk_mem" = 1 ] && for n in 50000 200000; do
  python3 -c "import sys; sys.stdout.write(''.join('n%07d.nosuchtld\\n' % i for i in range($n)))" >"$T/names$n"
done
if [ "$bulk_mem" = 0 ]; then :; elif python3 - "$CABREF" "$R" "$T" <<'PY'; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL bulk: memory bounded"; fi
import os, sys
def peak(n):
    fa = [(os.POSIX_SPAWN_OPEN, 0, "%s/names%d" % (sys.argv[3], n), os.O_RDONLY, 0),
          (os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0)]
    pid = os.posix_spawn(sys.argv[1], [sys.argv[1], "caa", "check", "--resolver", sys.argv[2],
                         "--ca", "ca.example", "--no-dnssec", "--stdin", "--parallel", "500"],
                         os.environ, file_actions=fa)
    _, status, ru = os.wait4(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, status
    return ru.ru_maxrss
small, large = peak(50000), peak(200000)
print("bulk memory: 50,000 lines %d KiB, 200,000 lines %d KiB" % (small, large), file=sys.stderr)
assert large <= small * 1.3, (small, large)
PY

runin "bulk: a NUL octet refuses its line, never cuts it" 3 "example.caatest\\nexample.caatest\\0 deny.example.caatest\\n" \
  "${CHECK[@]}" --no-dnssec --stdin
lines_are "bulk: the NUL line in its place" '[(x["line"], x["result"]) for x in L]' \
  "[(1, 'permit'), (2, 'error')]"
run "bulk: names and --stdin" 2 caa check --resolver "$R" --ca ca.example --stdin a.example.caatest
run "bulk: --parallel 0" 2 caa check --resolver "$R" --ca ca.example --stdin --parallel 0

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
