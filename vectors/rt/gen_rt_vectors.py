#!/usr/bin/python3
"""Writes vectors/request-token.json.

Expected values come from the rules of spec/random-value.md (RV-TOKEN-*, RV-ACME-*) computed
independently of cabref: hashes with Python's hashlib over the request's DER (the PEM's base64) or
over the SubjectPublicKeyInfo that `openssl req -pubkey` prints, instants with the calendar
module, JWK thumbprints per RFC 7638 with json and hashlib (checked against RFC 7638 §3.1's own
example). The requests in vectors/rt/*.csr were made once with openssl (the algorithms are in
their names); each test carries its request as PEM text, so another implementation needs nothing
else. Run from the source tree: /usr/bin/python3 vectors/rt/gen_rt_vectors.py
"""
import base64
import calendar
import datetime
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import vecgen  # noqa: E402  (vectors/vecgen.py)
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RT = os.path.join(ROOT, "vectors", "rt")
BR = "https://github.com/cabforum/servercert/blob/main/docs/BR.md"
B169 = "https://cabforum.org/2016/08/05/ballot-169-revised-validation-requirements/"
SP57 = "https://csrc.nist.gov/pubs/sp/800/57/pt1/r5/final"
RFC8555 = "https://www.rfc-editor.org/rfc/rfc8555"
RFC7638 = "https://www.rfc-editor.org/rfc/rfc7638"

NOTES = {
    "Strength": ("BASIC", "A binding at least as strong as the request's signature (collision strength of the hash; EdDSA by curve).", "BR 1.6.1 Request Token; NIST SP 800-57 Part 1 Rev. 5 Table 3", [BR, SP57], ["RV-TOKEN-STRENGTH"]),
    "WeakerBinding": ("FUNCTIONALITY", "A binding weaker than the request's signature, or with an algorithm of unknown strength, is refused.", "BR 1.6.1 Request Token", [BR, SP57], ["RV-TOKEN-STRENGTH"]),
    "Timestamp": ("BASIC", "A token timestamp: 12 digits YYYYMMDDHHMM (start of the minute, UTC) or 14 with seconds.", "BR 1.6.1 Request Token (example: date -u +%Y%m%d%H%M)", [BR, B169], ["RV-TOKEN-TIMESTAMP"]),
    "MalformedTimestamp": ("MALFORMED_INPUT", "Not 12 or 14 digits, or an impossible date or time.", "BR 1.6.1 Request Token", [BR], ["RV-TOKEN-TIMESTAMP"]),
    "TokenTime": ("EDGE_CASE", "Valid for no more than 30 days from creation (the 2,592,000th second included); invalid if in the future, with no skew allowance.", "BR 1.6.1 Request Token", [BR, B169], ["RV-TOKEN-TIME"]),
    "TokenBinds": ("BASIC", "The token's hash is the hash of this request's DER (or of its SubjectPublicKeyInfo); another request or key does not match.", "BR 1.6.1 Request Token ('SHALL incorporate the key used in the certificate request')", [BR, B169], ["RV-TOKEN-FORM", "RV-TOKEN-BINDS", "RV-TOKEN-CHECK"]),
    "MalformedToken": ("MALFORMED_INPUT", "A token whose length names no hash and timestamp, or whose hash is not hex.", "spec/random-value.md RV-TOKEN-FORM", [BR], ["RV-TOKEN-FORM", "RV-TOKEN-CHECK"]),
    "SingleUse": ("FUNCTIONALITY", "A token without timestamp is valid once: without a ledger to record its use it cannot pass.", "BR 1.6.1 Request Token ('valid for a single use')", [BR, B169], ["RV-TOKEN-SINGLE-USE"]),
    "AcmeThumbprint": ("BASIC", "RFC 7638 thumbprint of the account key, the key authorization token.thumbprint and the dns-01 TXT value.", "RFC 7638 §3; RFC 8555 §8.1, §8.4", [RFC7638, RFC8555], ["RV-ACME-THUMBPRINT", "RV-ACME-KEYAUTHZ", "RV-ACME-DNS01"]),
    "AcmeToken": ("FUNCTIONALITY", "An ACME token: base64url, unpadded, canonical, at least 128 bits.", "RFC 8555 §8.3, §11.3", [RFC8555], ["RV-ACME-TOKEN"]),
    "AcmeBadKey": ("MALFORMED_INPUT", "A JWK without a required member or of a type without a thumbprint here.", "RFC 7638 §3.2", [RFC7638], ["RV-ACME-THUMBPRINT"]),
}

V = vecgen.Vectors(["RtStrengthTest", "RtTimestampTest", "RtTimeTest", "RtTokenTest", "RtAcmeTest"], NOTES)
tests = V.tests
add = V.add


# ---- strengths (SP 800-57 Part 1 Rev. 5 Table 3, written out) ----
STRENGTH = {"md5": 0, "sha1": 80, "sha224": 112, "sha256": 128, "sha384": 192, "sha512": 256,
            "sha512-224": 112, "sha512-256": 128, "sha3-224": 112, "sha3-256": 128,
            "sha3-384": 192, "sha3-512": 256, "ed25519": 128, "ed448": 224, "unknown": 0}
for b in ["sha256", "sha384", "sha512", "sha3-256", "sha512-256", "sha1", "md5"]:
    for s in ["sha1", "sha256", "sha384", "sha512", "ed25519", "ed448", "sha3-512", "unknown"]:
        sb, ss = STRENGTH[b], STRENGTH[s]
        ok = sb > 0 and ss > 0 and sb >= ss
        reason = None if ok else (["unknown-algorithm"] if sb == 0 or ss == 0 else ["weaker-binding"])
        add("RtStrengthTest", "%s binding (%d) for a %s signature (%d)" % (b, sb, s, ss),
            ["Strength"] if ok else ["WeakerBinding"], {"binding": b, "signature": s},
            "valid" if ok else "invalid", reason,
            expect={"bindingStrength": sb, "signatureStrength": ss})


def iso(y, mo, d, h, mi, s):
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (y, mo, d, h, mi, s)


for ts, c in [("201602251811", "the BR's own example timestamp"), ("20160229235959", "a leap day, to the second"),
              ("000101010000", "year 1"), ("999912312359", "year 9999, last minute"),
              ("20261207150000", "seconds form, zero seconds"), ("202612071500", "minute form")]:
    y, mo, d, h, mi = int(ts[0:4]), int(ts[4:6]), int(ts[6:8]), int(ts[8:10]), int(ts[10:12])
    s = int(ts[12:14]) if len(ts) == 14 else 0
    datetime.datetime(y, mo, d, h, mi, s)  # the calendar agrees it exists
    add("RtTimestampTest", c, ["Timestamp"], {"timestamp": ts}, "valid", expect={"instant": iso(y, mo, d, h, mi, s)})
for ts, reason, c in [("20160230", "malformed", "8 digits"), ("2016022518111", "malformed", "13 digits"),
                      ("20160225181a", "malformed", "a letter"), ("201602301811", "bad-time", "30 February"),
                      ("201702291200", "bad-time", "29 February of a common year"),
                      ("201602252400", "bad-time", "hour 24"), ("201602251860", "bad-time", "minute 60"),
                      ("20160225181160", "bad-time", "second 60: no leap seconds"),
                      ("000001010000", "bad-time", "year 0"), ("201613011200", "bad-time", "month 13"),
                      ("", "malformed", "empty"), ("2016-02-25T18", "malformed", "ISO punctuation")]:
    add("RtTimestampTest", c, ["MalformedTimestamp"], {"timestamp": ts}, "invalid", [reason])


def ts_of(s):
    return calendar.timegm(datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").timetuple())


for created, at, c in [
    ("2026-12-01T10:30:00Z", "2026-12-01T10:30:00Z", "used at its own instant"),
    ("2026-12-01T10:30:00Z", "2026-12-31T10:30:00Z", "exactly 30 days later"),
    ("2026-12-01T10:30:00Z", "2026-12-31T10:30:01Z", "30 days and one second"),
    ("2026-12-01T10:30:00Z", "2026-12-01T10:29:59Z", "one second in the future"),
    ("2999-01-01T00:00:00Z", "2026-12-01T00:00:00Z", "dated 2999"),
    ("2016-02-25T18:11:00Z", "2016-03-26T18:11:00Z", "across the leap day: 30 days"),
    ("2016-02-25T18:11:00Z", "2016-03-26T18:12:00Z", "across the leap day: a minute past"),
]:
    d = ts_of(at) - ts_of(created)
    v = "future-timestamp" if d < 0 else ("expired" if d > 2592000 else "valid")
    add("RtTimeTest", c, ["TokenTime"], {"timestamp": created, "at": at},
        "valid" if v == "valid" else "invalid", None if v == "valid" else [v])

# ---- tokens over real requests ----
CSRS = {  # file: (signature strength, what made it)
    "rsa2048-sha256.csr": ("sha256", "RSA 2048, sha256WithRSAEncryption"),
    "p384-sha384.csr": ("sha384", "ECDSA P-384, ecdsa-with-SHA384"),
    "p256-sha256.csr": ("sha256", "ECDSA P-256, ecdsa-with-SHA256"),
    "ed25519.csr": ("ed25519", "Ed25519"),
    "ed448.csr": ("ed448", "Ed448"),
    "rsapss-sha512.csr": ("sha512", "RSASSA-PSS with SHA-512"),
    "rsa2048-sha1.csr": ("sha1", "RSA 2048, sha1WithRSAEncryption"),
}


def pem(name):
    return open(os.path.join(RT, name)).read()


def der(name):
    body = "".join(l for l in pem(name).splitlines() if not l.startswith("-----"))
    return base64.b64decode(body)


def spki(name):
    out = subprocess.run(["openssl", "req", "-in", os.path.join(RT, name), "-pubkey", "-noout"],
                         capture_output=True, check=True).stdout.decode()
    return base64.b64decode("".join(l for l in out.splitlines() if not l.startswith("-----")))


H = {"sha256": hashlib.sha256, "sha384": hashlib.sha384, "sha512": hashlib.sha512}
AT = "2026-12-10T00:00:00Z"
TS = "202612011030"  # 2026-12-01T10:30:00Z
for name, (sig, what) in CSRS.items():
    for h in ["sha256", "sha384", "sha512"]:
        for bind in ["csr", "spki"]:
            data = der(name) if bind == "csr" else spki(name)
            tok = TS + H[h](data).hexdigest()
            ok = STRENGTH[h] >= STRENGTH[sig]
            add("RtTokenTest", "%s; %s binding over the %s, minute timestamp" % (what, h, bind),
                ["TokenBinds"] if ok else ["WeakerBinding"],
                {"token": tok, "csr": pem(name), "bind": bind, "at": AT},
                "valid" if ok else "invalid", None if ok else ["weaker-binding"])
# another request's token, no timestamp, upper case, seconds, wrong binding target, time failures
tok = H["sha256"](der("p256-sha256.csr")).hexdigest()
add("RtTokenTest", "a token for another request (same algorithm)", ["TokenBinds"],
    {"token": TS + tok, "csr": pem("rsa2048-sha256.csr"), "bind": "csr", "at": AT}, "invalid", ["wrong-key"])
add("RtTokenTest", "the CSR hash checked as an SPKI binding", ["TokenBinds"],
    {"token": TS + tok, "csr": pem("p256-sha256.csr"), "bind": "spki", "at": AT}, "invalid", ["wrong-key"])
add("RtTokenTest", "upper-case hex is the same hash", ["TokenBinds"],
    {"token": TS + tok.upper(), "csr": pem("p256-sha256.csr"), "bind": "csr", "at": AT}, "valid")
add("RtTokenTest", "seconds timestamp", ["TokenBinds", "Timestamp"],
    {"token": "20261201103059" + tok, "csr": pem("p256-sha256.csr"), "bind": "csr", "at": AT}, "valid")
add("RtTokenTest", "31 days old", ["TokenTime"],
    {"token": "202611091030" + tok, "csr": pem("p256-sha256.csr"), "bind": "csr", "at": AT}, "invalid", ["expired"])
add("RtTokenTest", "dated after the check", ["TokenTime"],
    {"token": "202612100001" + tok, "csr": pem("p256-sha256.csr"), "bind": "csr", "at": AT}, "invalid", ["future-timestamp"])
add("RtTokenTest", "dated 2999", ["TokenTime"],
    {"token": "299901010000" + tok, "csr": pem("p256-sha256.csr"), "bind": "csr", "at": AT}, "invalid", ["future-timestamp"])
add("RtTokenTest", "no timestamp: the binding checks, single use is the ledger's (result single-use)", ["TokenBinds", "SingleUse"],
    {"token": tok, "csr": pem("p256-sha256.csr"), "bind": "csr", "at": AT}, "invalid", ["single-use-unverified"])
for bad, c in [(TS + tok[:-1], "one hex digit short"), (TS + tok[:-2] + "zz", "not hex"),
               ("20261301" + "1030" + tok, "month 13 in the timestamp"), ("", "empty"),
               ("1234567890" + tok, "a 10-digit prefix")]:
    add("RtTokenTest", c, ["MalformedToken"],
        {"token": bad, "csr": pem("p256-sha256.csr"), "bind": "csr", "at": AT}, "invalid", ["malformed"])

# ---- ACME ----
def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def thumb(jwk):
    req = {"RSA": ["e", "kty", "n"], "EC": ["crv", "kty", "x", "y"], "OKP": ["crv", "kty", "x"]}[jwk["kty"]]
    canon = json.dumps({k: jwk[k] for k in req}, separators=(",", ":"), sort_keys=True)
    return b64u(hashlib.sha256(canon.encode()).digest())


RFC7638_JWK = {"kty": "RSA", "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw", "e": "AQAB", "alg": "RS256", "kid": "2011-04-29"}
assert thumb(RFC7638_JWK) == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"  # RFC 7638 §3.1
tok43 = "LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0"
okp = {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}  # RFC 8037 A.2
ec = {"kty": "EC", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0", "use": "sig"}  # RFC 7517 A.1
for jwk, c in [(RFC7638_JWK, "RFC 7638 §3.1's example: alg and kid are not members of the thumbprint"),
               (okp, "an Ed25519 key (RFC 8037 appendix A.2)"), (ec, "a P-256 key (RFC 7517 appendix A.1); 'use' ignored")]:
    tp = thumb(jwk)
    ka = tok43 + "." + tp
    add("RtAcmeTest", c, ["AcmeThumbprint"], {"token": tok43, "jwk": jwk}, "valid",
        expect={"thumbprint": tp, "keyAuthorization": ka, "dns01": b64u(hashlib.sha256(ka.encode()).digest())})
for t, reason, c in [("AAAAAAAAAAAAAAAAAAAAAA", None, "22 symbols: 16 octets, exactly 128 bits"),
                     ("AAAAAAAAAAAAAAAAAAAA", "too-weak", "20 symbols: 15 octets, 120 bits"),
                     (tok43 + "=", "padded", "padding is forbidden (RFC 8555 §8.3)"),
                     ("LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX1", "non-canonical", "the last symbol's spare bits set"),
                     ("LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX+", "malformed", "'+' is not base64url"),
                     ("AAAAA", "malformed", "5 symbols encode no octet string")]:
    add("RtAcmeTest", c, ["AcmeToken"], {"token": t, "jwk": okp}, "valid" if reason is None else "invalid",
        [reason] if reason else None,
        expect=None if reason else {"thumbprint": thumb(okp), "keyAuthorization": t + "." + thumb(okp),
                                    "dns01": b64u(hashlib.sha256((t + "." + thumb(okp)).encode()).digest())})
for jwk, c in [({"kty": "EC", "crv": "P-256", "x": "abc"}, "EC without y"), ({"kty": "RSA", "e": "AQAB"}, "RSA without n"),
               ({"kty": "oct", "k": "abc"}, "a symmetric key"), ({"crv": "Ed25519", "x": "abc"}, "no kty")]:
    add("RtAcmeTest", c, ["AcmeBadKey"], {"token": tok43, "jwk": jwk}, "invalid", ["bad-key"])

COMMENTS = {
    "RtStrengthTest": "binding and signature algorithm names: valid when the binding is at least as strong; expect gives both strengths in bits.",
    "RtTimestampTest": "a token timestamp of 12 or 14 digits: the UTC instant it names, or the reason it is refused.",
    "RtTimeTest": "a token created at `timestamp` and used at `at`: valid, future-timestamp or expired.",
    "RtTokenTest": "a token checked against a PKCS#10 request (PEM) bound by csr (its DER) or spki (its SubjectPublicKeyInfo DER) at `at`; a token without timestamp cannot pass without a ledger (single-use-unverified).",
    "RtAcmeTest": "an ACME token and an account key (a JWK object): the RFC 7638 thumbprint, key authorization and dns-01 value, or why the token or key is refused.",
}
groups = [{"type": k, "comment": COMMENTS[k], "tests": v} for k, v in tests.items() if v]
vecgen.write(ROOT, "request-token.json", "CABF-REQUEST-TOKEN", "request-token.schema.json", [
    "Test vectors for Request Tokens (binding, strength, timestamps) and ACME key authorizations (spec/random-value.md RV-TOKEN-*, RV-ACME-*).",
    "Expected values were computed by vectors/rt/gen_rt_vectors.py with hashlib, json and the calendar module from the rules, and the requests were made by openssl; nothing was computed by cabref.",
    "A test passes when result, the reason set and every key of expect match.",
], NOTES, groups)
print("vectors/request-token.json: %d tests" % V.count)
