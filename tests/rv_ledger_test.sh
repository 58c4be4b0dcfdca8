#!/usr/bin/env bash
# Tests of Request Tokens, ACME values and the single-use ledger (spec/random-value.md
# RV-TOKEN-*, RV-ACME-*, RV-LEDGER-*): CSRs made by openssl, token hashes recomputed by Python's
# hashlib over the DER, RFC 7638's own thumbprint example, concurrent consumers in several
# processes, a writer killed with SIGKILL, a full disk (a file-size limit), a read-only file and a
# file that is not SQLite.
#
# Usage: tests/rv_ledger_test.sh [CABREF_BINARY]   (default build/cabref)
# Ends with one line "N passed, N failed"; exits nonzero on any failure.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-build/cabref}
case $BIN in /*) ;; *) BIN="$PWD/$BIN" ;; esac
PYTHON=/usr/bin/python3
cd "$ROOT" || exit 1
T=$(mktemp -d "${TMPDIR:-/tmp}/cabref-ledger.XXXXXX") || exit 1
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT

. "$ROOT/tests/check_lib.sh"

# ---- Request Tokens over CSRs made by openssl ----
openssl req -new -newkey rsa:2048 -nodes -keyout "$T/rsa.key" -subj /CN=a.example \
  -out "$T/rsa.csr" 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-384 -sha384 -nodes -keyout "$T/ec.key" \
  -subj /CN=b.example -out "$T/ec384.csr" 2>/dev/null
openssl req -new -newkey rsa:2048 -sha512 -sigopt rsa_padding_mode:pss -nodes \
  -keyout "$T/pss.key" -subj /CN=c.example -out "$T/pss512.csr" 2>/dev/null
openssl req -new -newkey ed25519 -nodes -keyout "$T/ed.key" -subj /CN=d.example \
  -out "$T/ed.csr" 2>/dev/null
openssl req -in "$T/rsa.csr" -outform DER -out "$T/rsa.der"
# BR 1.6.1's example: date -u +%Y%m%d%H%M followed by sha256sum of the CSR (DER here).
want=$("$PYTHON" -c 'import hashlib,sys; print("202612011030"+hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$T/rsa.der")
run "token new: RSA/SHA-256 CSR, minute timestamp" 0 token new --csr "$T/rsa.csr" --at 2026-12-01T10:30:59Z
equals "token new: the BR's form, hash by hashlib" "$(cat "$T/out")" "$want"
run "token new: from the DER file" 0 token new --csr "$T/rsa.der" --at 2026-12-01T10:30:00Z
equals "token new: DER gives the same token" "$(cat "$T/out")" "$want"
spki=$("$PYTHON" -c 'import hashlib,subprocess,sys; d=subprocess.run(["openssl","req","-in",sys.argv[1],"-pubkey","-noout"],capture_output=True).stdout.decode(); import base64; b="".join(l for l in d.splitlines() if not l.startswith("-----")); print(hashlib.sha256(base64.b64decode(b)).hexdigest())' "$T/rsa.csr")
run "token new: SPKI binding, no timestamp" 0 token new --csr "$T/rsa.csr" --bind spki --timestamp none
equals "token new: SPKI hash by hashlib" "$(cat "$T/out")" "$spki"
run "token check: valid 4 days later" 0 token check "$want" --csr "$T/rsa.csr" --at 2026-12-05
run "token check: exactly 30 days later" 0 token check "$want" --csr "$T/rsa.csr" --at 2026-12-31T10:30:00Z
run "token check: 30 days and a second" 1 token check "$want" --csr "$T/rsa.csr" --at 2026-12-31T10:30:01Z
contains "token check: expired" "$T/out" "expired"
run "token check: a minute before" 1 token check "$want" --csr "$T/rsa.csr" --at 2026-12-01T10:29:59Z
contains "token check: future" "$T/out" "future-timestamp"
run "token check: dated 2999" 1 token check "2999${want:4}" --csr "$T/rsa.csr" --at 2026-12-05
contains "token check: 2999 is in the future" "$T/out" "future-timestamp"
run "token check: 30 February" 1 token check "20260230${want:8}" --csr "$T/rsa.csr" --at 2026-12-05
contains "token check: impossible date" "$T/out" "malformed"
run "token check: another key" 1 token check "$want" --csr "$T/ed.csr" --at 2026-12-05
contains "token check: wrong key" "$T/out" "wrong-key"
run "token check: SHA-256 binding for a SHA-384 signature" 1 token check "$want" --csr "$T/ec384.csr" --at 2026-12-05
contains "token check: weaker binding" "$T/out" "weaker-binding"
run "token new: SHA-384 CSR gets SHA-384" 0 token new --csr "$T/ec384.csr" --json
"$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["hash"]=="sha384" and len(d["token"])==108 else 1)' "$T/out" && ok || bad "token new: 12 + 96 hex"
run "token new: RSA-PSS with SHA-512 gets SHA-512" 0 token new --csr "$T/pss512.csr" --json
"$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["hash"]=="sha512" and d["requestSignatureStrength"]==256 else 1)' "$T/out" && ok || bad "token new: PSS parameters read (SHA-512)"
run "token new: --hash sha256 under a SHA-384 signature refused" 1 token new --csr "$T/ec384.csr" --hash sha256
contains "token new: weaker refused" "$T/err" "weaker than the request's signature"
printf 'not a csr\n' >"$T/junk"
run "token new: not a CSR" 3 token new --csr "$T/junk"
contains "token new: not a CSR message" "$T/err" "not a certificate request"
"$PYTHON" -c 'import sys; d=bytearray(open(sys.argv[1],"rb").read()); d[-5]^=1; open(sys.argv[2],"wb").write(d)' "$T/rsa.der" "$T/tampered.der"
run "token new: a CSR whose signature does not verify" 3 token new --csr "$T/tampered.der"
contains "token new: signature message" "$T/err" "does not verify"
run "token check: malformed token" 1 token check "xyz" --csr "$T/rsa.csr"
contains "token check: malformed" "$T/out" "malformed"

# ---- single use of tokens without timestamp ----
tok=$("$BIN" token new --csr "$T/ed.csr" --timestamp none --ledger "$T/tok.db" --at 2026-12-01)
run "token check: single use, first" 0 token check "$tok" --csr "$T/ed.csr" --ledger "$T/tok.db" --at 2026-12-02
run "token check: single use, second" 1 token check "$tok" --csr "$T/ed.csr" --ledger "$T/tok.db" --at 2026-12-02
contains "token check: replayed" "$T/out" "replayed"
upper=$(echo "$tok" | tr a-f A-F)
run "token check: the same token in upper case is the same token" 1 token check "$upper" --csr "$T/ed.csr" --ledger "$T/tok.db" --at 2026-12-02
contains "token check: upper case replayed" "$T/out" "replayed"
run "token check: without a ledger, not a pass" 1 token check "$tok" --csr "$T/ed.csr"
contains "token check: unverified" "$T/out" "single-use-unverified"
run "token check: never issued" 1 token check "$spki" --csr "$T/rsa.csr" --bind spki --ledger "$T/tok.db"
contains "token check: not issued" "$T/out" "not-issued"

# ---- ACME (RFC 8555 §8.1, §8.4; RFC 7638 §3.1's example key and thumbprint) ----
cat >"$T/rfc7638.jwk" <<'JWK'
{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}
JWK
tokn=LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0
run "rv acme: RFC 7638 example" 0 rv acme --token "$tokn" --key "$T/rfc7638.jwk" --json
"$PYTHON" - "$T/out" "$tokn" <<'PY' && ok || bad "rv acme: thumbprint, key authorization and dns-01 recomputed"
import base64, hashlib, json, sys
d = json.load(open(sys.argv[1]))
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
assert d["thumbprint"] == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", d["thumbprint"]
ka = sys.argv[2] + "." + d["thumbprint"]
assert d["keyAuthorization"] == ka and d["dns01"] == b64(hashlib.sha256(ka.encode()).digest())
assert d["tokenBits"] == 256 and d["tokenProblem"] is None
PY
dns=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["dns01"])' "$T/out")
run "rv acme: dns-01 value matches" 0 rv acme --token "$tokn" --key "$T/rfc7638.jwk" --dns01 "$dns"
run "rv acme: dns-01 value differs" 1 rv acme --token "$tokn" --key "$T/rfc7638.jwk" --dns01 "x$dns"
contains "rv acme: differs" "$T/out" "DIFFERS"
openssl pkey -in "$T/ec.key" -pubout -out "$T/ec.pub" 2>/dev/null
run "rv acme: thumbprint of a PEM EC key" 0 rv acme --token "$tokn" --key "$T/ec.pub" --json
"$PYTHON" - "$T/out" "$T/ec.pub" <<'PY' && ok || bad "rv acme: EC JWK thumbprint recomputed from the key's DER"
import base64, hashlib, json, subprocess, sys
d = json.load(open(sys.argv[1]))
der = subprocess.run(["openssl", "pkey", "-pubin", "-in", sys.argv[2], "-outform", "DER"], capture_output=True).stdout
pt = der[-97:]  # P-384 uncompressed point: 04 || x || y
assert pt[0] == 4
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
jwk = '{"crv":"P-384","kty":"EC","x":"%s","y":"%s"}' % (b64(pt[1:49]), b64(pt[49:]))
assert d["thumbprint"] == b64(hashlib.sha256(jwk.encode()).digest())
PY
run "rv check --acme is rv acme" 0 rv check --acme --token "$tokn" --key "$T/rfc7638.jwk" --dns01 "$dns"
run "rv acme: a 15-octet token (120 bits) is too weak" 1 rv acme --token AAAAAAAAAAAAAAAAAAAA
contains "rv acme: too weak" "$T/out" "too-weak"
run "rv acme: padding refused" 1 rv acme --token "${tokn}="
contains "rv acme: padded" "$T/out" "padded"
run "rv acme: spare bits set" 1 rv acme --token LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX1
contains "rv acme: non-canonical" "$T/out" "non-canonical"
printf '{"kty":"EC","crv":"P-256","x":"abc"}' >"$T/bad.jwk"
run "rv acme: JWK without y" 3 rv acme --token "$tokn" --key "$T/bad.jwk"
contains "rv acme: names the member" "$T/err" "required member \"y\""

# ---- the ledger: issue, consume once, windows ----
run "rv new: 5 values into a ledger" 0 rv new --count 5 --ledger "$T/l.db" --method 3.2.2.4.4 --at 2026-12-01
mapfile -t vals <"$T/out"
run "rv consume: first use" 0 rv consume "${vals[0]}" --ledger "$T/l.db" --at 2026-12-10
run "rv consume: second use" 1 rv consume "${vals[0]}" --ledger "$T/l.db" --at 2026-12-10
contains "rv consume: replayed" "$T/out" "replayed"
run "rv consume: after 30 days" 1 rv consume "${vals[1]}" --ledger "$T/l.db" --at 2026-12-31T00:00:01Z
contains "rv consume: expired" "$T/out" "expired"
run "rv consume: at the last second" 0 rv consume "${vals[1]}" --ledger "$T/l.db" --at 2026-12-31T00:00:00Z
run "rv consume: before creation" 1 rv consume "${vals[2]}" --ledger "$T/l.db" --at 2026-11-30
contains "rv consume: clock error" "$T/out" "before-creation"
run "rv consume: never issued" 1 rv consume 0123 --ledger "$T/l.db"
contains "rv consume: unknown" "$T/out" "unknown"

# Concurrent consumers: 8 processes race for each of 3 values; exactly one wins each.
run "rv new: 3 values for the race" 0 rv new --count 3 --ledger "$T/race.db" --method 19 --at 2026-12-01
mapfile -t race <"$T/out"
for v in "${race[@]}"; do
  for p in 1 2 3 4 5 6 7 8; do
    ("$BIN" rv consume "$v" --ledger "$T/race.db" --at 2026-12-02 >"$T/race.$p" 2>&1
     echo $? >"$T/race.$p.rc") &
  done
  wait
  wins=$(cat "$T"/race.*.rc | grep -c '^0$')
  replays=$(cat "$T"/race.[1-8] | grep -c ': replayed$')
  equals "race for $v: one winner" "$wins" 1
  equals "race for $v: seven replays" "$replays" 7
  rm -f "$T"/race.[1-8] "$T"/race.*.rc
done

# A writer killed with SIGKILL in the middle: every value it printed is in the ledger, intact.
"$BIN" rv new --count 100000 --ledger "$T/kill.db" --method 19 --no-health >"$T/kill.out" 2>/dev/null &
pid=$!
for _ in $(seq 1 200); do
  [ "$(wc -l <"$T/kill.out")" -ge 3000 ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
printed=$(wc -l <"$T/kill.out")
"$PYTHON" - "$T/kill.db" "$T/kill.out" <<'PY' && ok || bad "kill: every printed value is in the ledger and the ledger is intact ($printed printed)"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
have = {r[0] for r in db.execute("SELECT value FROM cabref_ledger")}
printed = [l.strip() for l in open(sys.argv[2]) if l.strip()]
# the last line may be cut by the kill; every complete one must be recorded
complete = printed[:-1] if printed else []
assert all(v in have for v in complete), "a printed value is missing"
assert len(have) >= len(complete)
PY
[ "$printed" -ge 1000 ] && [ "$printed" -lt 100000 ] && ok || bad "kill: the writer was killed mid-run ($printed lines)"
run "kill: the ledger still works" 0 rv consume "$(head -1 "$T/kill.out")" --ledger "$T/kill.db"

# A full disk (a file-size limit): a clean error, nothing printed that is not recorded.
( trap '' XFSZ; ulimit -f 64; exec "$BIN" rv new --count 20000 --ledger "$T/full.db" --method 19 \
  --no-health >"$T/full.out" 2>"$T/full.err" ); rc=$?
equals "full disk: exit status 4" "$rc" 4
contains "full disk: message" "$T/full.err" "ledger"
"$PYTHON" - "$T/full.db" "$T/full.out" <<'PY' && ok || bad "full disk: printed values are recorded, ledger intact"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
have = {r[0] for r in db.execute("SELECT value FROM cabref_ledger")}
assert all(l.strip() in have for l in open(sys.argv[2]) if l.strip())
PY

# A read-only ledger: a clean error, never a second success.
run "ro: issue one" 0 rv new --ledger "$T/ro.db" --method 19 --at 2026-12-01
ro=$(cat "$T/out")
"$BIN" rv consume "$ro" --ledger "$T/ro.db" --at 2026-12-02 >/dev/null
chmod 444 "$T/ro.db"
rm -f "$T/ro.db-wal" "$T/ro.db-shm"
if [ "$(id -u)" -eq 0 ]; then
  AS=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else
  AS=()
fi
"${AS[@]}" "$BIN" rv consume "$ro" --ledger "$T/ro.db" --at 2026-12-02 >"$T/out" 2>"$T/err"; rc=$?
[ "$rc" -ne 0 ] && ok || bad "ro: a read-only ledger never gives a second success (exit $rc)"
"${AS[@]}" "$BIN" rv new --ledger "$T/ro.db" --method 19 >"$T/out" 2>"$T/err"; rc=$?
equals "ro: issuing into a read-only ledger: exit 4" "$rc" 4
[ ! -s "$T/out" ] && ok || bad "ro: no value printed when it cannot be recorded"
contains "ro: message" "$T/err" "ledger"

# A file that is not SQLite, a directory, and an SQLite file that is not a ledger.
printf 'this is not a database, it is a text file of some length\n%.0s' $(seq 1 50) >"$T/text.db"
run "not SQLite: refused" 3 rv consume x --ledger "$T/text.db"
contains "not SQLite: message" "$T/err" "not an SQLite database"
"$PYTHON" -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE cabref_ledger(x)"); c.commit()' "$T/other.db"
run "another SQLite database: refused" 3 rv consume x --ledger "$T/other.db"
contains "another database: message" "$T/err" "not a cabref ledger"
run "a directory: refused" 4 rv consume x --ledger "$T"
run "duplicate value refused" 0 rv new --ledger "$T/dup.db" --method 19 --octets-from /dev/zero --no-health
run "duplicate value refused (second)" 1 rv new --ledger "$T/dup.db" --method 19 --octets-from /dev/zero --no-health
contains "duplicate: message" "$T/err" "was issued before"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
