#!/usr/bin/python3
"""Writes vectors/random-value.json.

Expected values are derived from the rules of spec/random-value.md with Python's exact integers
(a^l and 2^b compared as integers, binomial sums as integers, dates with the calendar module);
nothing is computed by cabref. Where the research notes (../shared/notes/random-value.md §3.3,
§3.4, §4) or SP 800-90B (Table 2, the §4.4.1 example) print a number, the generator asserts that
its own arithmetic gives the same number before writing the test.
Run from the source tree: /usr/bin/python3 vectors/rv/gen_rv_vectors.py
"""
import calendar
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import vecgen  # noqa: E402  (vectors/vecgen.py)
from math import comb

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BR = "https://github.com/cabforum/servercert/blob/main/docs/BR.md"
B169 = "https://cabforum.org/2016/08/05/ballot-169-revised-validation-requirements/"
SP90B = "https://nvlpubs.nist.gov/nistpubs/SpecialPublications/NIST.SP.800-90B.pdf"
RFC4648 = "https://www.rfc-editor.org/rfc/rfc4648"
RFC8555 = "https://www.rfc-editor.org/rfc/rfc8555"
RFC4343 = "https://www.rfc-editor.org/rfc/rfc4343"

NOTES = {
    "EntropyBound": ("BASIC", "The whole-bit entropy of L uniform independent symbols of an alphabet of A: the b with 2^b <= A^L < 2^(b+1), and whether A^L >= 2^T.", "BR 1.6.1 Random Value (112 bits)", [BR, B169], ["RV-DEF", "RV-ENTROPY-BITS", "RV-ENTROPY-MEETS"]),
    "EntropyBoundary": ("EDGE_CASE", "A length one symbol short of, or exactly at, a threshold; powers of two; A^L within a hair of a power of two.", "BR 1.6.1 Random Value", [BR], ["RV-ENTROPY-BITS", "RV-ENTROPY-MEETS"]),
    "MinLength": ("BASIC", "The fewest symbols of an alphabet that carry a threshold (notes §3.3 table).", "BR 1.6.1 Random Value; RFC 8555 §11.3 (128 bits)", [BR, RFC8555], ["RV-MIN-LENGTH"]),
    "EntropyRange": ("MALFORMED_INPUT", "Outside what the exact bound accepts: no symbols, a value longer than 1024 symbols, a threshold above 1024 for the minimum length.", "spec/random-value.md RV-ENTROPY-BITS", [BR], ["RV-ENTROPY-BITS", "RV-MIN-LENGTH"]),
    "Capacity": ("BASIC", "What a presented value can show: its capacity over its declared alphabet; below the threshold it is too weak, at or above it only capacity-sufficient.", "BR 1.6.1 Random Value; notes §3.1", [BR], ["RV-CAPACITY"]),
    "Encoding": ("FUNCTIONALITY", "An octet encoding (hex, base32, base32hex, base64url): a length some octet string encodes to, capacity 8 bits per octet, canonical only with zero unused bits, no padding and lower-case hex.", "RFC 4648 §§3.5, 5-8; RFC 8555 §8.3", [RFC4648, RFC8555], ["RV-ENCODING"]),
    "NonCanonical": ("EDGE_CASE", "A well-formed value with several spellings of the same octets: unused bits set, '=' padding, upper-case hex.", "RFC 4648 §3.5", [RFC4648], ["RV-ENCODING"]),
    "MalformedValue": ("MALFORMED_INPUT", "A value that is not in its declared alphabet or encoding: refused with the column of the fault.", "RFC 4648", [RFC4648], ["RV-ENCODING", "RV-CAPACITY"]),
    "Channel": ("FUNCTIONALITY", "A value compared without regard to case keeps log2(A/m) bits a symbol (m symbols fold to one); a DNS label also holds at most 63 octets of letters, digits, '-' and '_'.", "RFC 4343; RFC 1035 §2.3.4; notes §3.4 item 3", [RFC4343, "https://www.rfc-editor.org/rfc/rfc1035"], ["RV-CHANNEL"]),
    "Alphabet": ("MALFORMED_INPUT", "A custom alphabet that is empty, has one symbol, repeats a symbol or holds a non-printable octet is refused.", "spec/random-value.md RV-ENCODING", [BR], ["RV-ENCODING"]),
    "Rejection": ("BASIC", "Octets to symbols by rejection: octets at or above 256 - 256 mod A are dropped, the others give octet mod A.", "notes §3.4 item 1 (modulo bias)", [BR], ["RV-REJECTION"]),
    "GeneratedLength": ("BASIC", "The length of a generated value: the encoding of ceil(T/8) octets, or the fewest symbols; below 112 bits refused.", "BR 1.6.1 Random Value", [BR], ["RV-GEN", "RV-MIN-LENGTH"]),
    "HealthCutoff": ("BASIC", "SP 800-90B §4.4 cutoffs: RCT C = 1 + ceil(a/H); APT C = 1 + CRITBINOM(512, 2^-H, 1 - 2^-a), and the corrected 2 + CRITBINOM(511, ...).", "NIST SP 800-90B §4.4.1, §4.4.2, Table 2", [SP90B], ["RV-HEALTH-RCT-CUTOFF", "RV-HEALTH-APT-CUTOFF"]),
    "HealthRun": ("FUNCTIONALITY", "The tests over a stream of octets: where the first failure occurs, or none.", "NIST SP 800-90B §4.4.1, §4.4.2", [SP90B], ["RV-HEALTH-RCT", "RV-HEALTH-APT", "RV-HEALTH-STOP"]),
    "Window30Days": ("BASIC", "A 30-day method: usable from creation to creation + 2,592,000 s, both included.", "Ballot 169 3.2.2.4.2, .4; SC13, SC14, SC19, SC25, SC33, SC84; SC7", [BR, B169], ["RV-WINDOW-RULE", "RV-WINDOW", "RV-WINDOW-USE"]),
    "WindowReuse": ("FUNCTIONALITY", "3.2.2.4.6 and 3.2.2.5.1: the longer of 30 days and, for a request the Applicant submitted, BR 4.2.1's reuse period at issuance.", "Ballot 169 3.2.2.4.6; SC7 3.2.2.5.1; BR 4.2.1", [BR, B169], ["RV-WINDOW-RULE", "RV-REUSE", "RV-WINDOW"]),
    "WindowDnsReading": ("AMBIGUITY", "3.2.2.4.7 lists 30 days and the reuse period without 'the longer of': the longer by default, the shorter on request.", "Ballot 169 3.2.2.4.7; notes §1.3", [BR, B169], ["RV-WINDOW-DNS"]),
    "ReuseSchedule": ("LEGACY", "BR 4.2.1's reuse period by issuance date: 39 months, 825 days (2018-03-01), 398 (2021-10-01), 200 (2026-03-15), 100 (2027-03-15), 10 (2029-03-15).", "Ballots 193/197; SC42; SC-081", [BR], ["RV-REUSE"]),
    "WindowCps": ("FUNCTIONALITY", "A CPS period shortens a window, never lengthens it; it is the window of 3.2.2.4.10, which states none.", "Ballot 169 3.2.2.4.2, .4 ('The CPS MAY specify a shorter validity period')", [BR, B169], ["RV-WINDOW-CPS"]),
    "WindowClock": ("EDGE_CASE", "A use before the value's creation is a clock error: refused, never valid.", "spec/random-value.md RV-WINDOW-USE", [BR], ["RV-WINDOW-USE"]),
    "NoRandomValue": ("MALFORMED_INPUT", "A method that uses no Random Value has no window; an unstated period without a CPS period is refused.", "BR 3.2.2.4, 3.2.2.5", [BR], ["RV-WINDOW-RULE"]),
}

V = vecgen.Vectors(["RvEntropyTest", "RvMinLengthTest", "RvValueTest", "RvAlphabetTest",
                         "RvRejectionTest", "RvGeneratedLengthTest", "RvHealthCutoffTest",
                         "RvHealthRunTest", "RvWindowTest"], NOTES)
tests = V.tests
add = V.add


# ---- exact arithmetic (the rules, independently of cabref) ---------------------------------

def bits(a, l):
    """floor(l log2 a): the b with 2^b <= a^l < 2^(b+1)."""
    return (a ** l).bit_length() - 1


def meets(a, l, t):
    return a ** l >= 2 ** t


def min_length(a, t):
    l = 0
    while a ** l < 2 ** t:
        l += 1
    return l


ALPHABETS = {
    "hex": ("0123456789abcdef", 4), "base32": ("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 5),
    "base32hex": ("0123456789ABCDEFGHIJKLMNOPQRSTUV", 5),
    "base64url": ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 6),
    "decimal": ("0123456789", 0), "lower": ("abcdefghijklmnopqrstuvwxyz", 0),
    "lowernum": ("abcdefghijklmnopqrstuvwxyz0123456789", 0),
    "base36": ("0123456789abcdefghijklmnopqrstuvwxyz", 0),
    "alnum": ("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 0),
    "base58": ("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", 0),
    "printable": ("".join(chr(c) for c in range(0x21, 0x7F)), 0),
}

# notes §3.3: minimum lengths for 112 and 128 bits (the generator checks its arithmetic on them)
NOTES_MIN = {2: (112, 128), 10: (34, 39), 16: (28, 32), 26: (24, 28), 32: (23, 26), 36: (22, 25),
             52: (20, 23), 58: (20, 22), 62: (19, 22), 64: (19, 22), 85: (18, 20), 94: (18, 20)}
for a, (l112, l128) in NOTES_MIN.items():
    assert min_length(a, 112) == l112 and min_length(a, 128) == l128, a

E = ["EntropyBound"]
EB = ["EntropyBoundary"]
for a, name in [(2, "binary"), (10, "decimal"), (16, "hex"), (26, "a-z"), (32, "base32"),
                (36, "base36"), (52, "a-zA-Z"), (58, "base58"), (62, "alphanumeric"),
                (64, "base64url"), (85, "base85"), (94, "printable ASCII")]:
    l = NOTES_MIN[a][0]
    add("RvEntropyTest", "%s (A=%d): %d symbols, the fewest for 112 bits" % (name, a, l), E,
        {"alphabetSize": a, "length": l, "threshold": 112}, "valid",
        expect={"bits": bits(a, l), "meets": True})
    add("RvEntropyTest", "%s (A=%d): %d symbols, one short of 112 bits" % (name, a, l - 1), EB,
        {"alphabetSize": a, "length": l - 1, "threshold": 112}, "valid",
        expect={"bits": bits(a, l - 1), "meets": False})
# the notes' worked figures: 34 digits give 112.95 bits (112), 33 give 109.62 (109)
assert bits(10, 34) == 112 and bits(10, 33) == 109 and bits(62, 19) == 113 and bits(58, 19) == 111
for a, l, t, c in [
    (1, 500, 1, "an alphabet of one symbol carries nothing: 1^L = 1 = 2^0"),
    (7, 0, 0, "no symbols: 0 bits, and 0 bits are met"),
    (7, 0, 1, "no symbols do not carry 1 bit"),
    (3, 1, 1, "one ternary symbol: log2 3 = 1.58, 1 whole bit"),
    (3, 2, 3, "two ternary symbols: 9 >= 8, 3 bits"),
    (3, 5, 8, "3^5 = 243 < 256: 7 bits, 8 not met"),
    (255, 1, 8, "255 < 256: 7 bits"),
    (257, 1, 8, "257 > 256: 8 bits"),
    (4294967295, 1024, 32768, "the largest A and L: (2^32-1)^1024 is just below 2^32768"),
    (4294967295, 1024, 32767, "... and at least 2^32767"),
    (65536, 7, 112, "65536^7 = 2^112 exactly"),
    (65535, 7, 112, "65535^7 just below 2^112"),
    (3, 1024, 1623, "3^1024: floor(1024 log2 3) = 1622"),
    (1000, 17, 169, "10^51 vs 2^169: floor(51 log2 10) = 169"),
    (2, 1024, 1024, "the longest binary value: exactly 1024 bits"),
    (5, 283, 657, "5^283 = 2^657.1...: a near miss above a power of two"),
    (6, 1024, 2647, "6^1024: floor(1024 * 2.585) = 2647"),
]:
    add("RvEntropyTest", c, EB, {"alphabetSize": a, "length": l, "threshold": t}, "valid",
        expect={"bits": bits(a, l), "meets": meets(a, l, t)})
add("RvEntropyTest", "an empty alphabet is refused", ["EntropyRange"],
    {"alphabetSize": 0, "length": 10, "threshold": 112}, "invalid", reason=["out-of-range"])
add("RvEntropyTest", "1025 symbols are more than the exact bound accepts", ["EntropyRange"],
    {"alphabetSize": 16, "length": 1025, "threshold": 112}, "invalid", reason=["out-of-range"])
add("RvEntropyTest", "2^40 symbols are refused, not wrapped", ["EntropyRange"],
    {"alphabetSize": 16, "length": 1099511627776, "threshold": 112}, "invalid",
    reason=["out-of-range"])

M = ["MinLength"]
for a in [2, 10, 16, 26, 32, 36, 52, 58, 62, 64, 85, 94, 256, 1000, 65536]:
    for t in (112, 128):
        add("RvMinLengthTest", "A=%d, %d bits" % (a, t), M, {"alphabetSize": a, "threshold": t},
            "valid", expect={"length": min_length(a, t)})
for a, t in [(2, 0), (3, 1), (3, 1024), (2, 1024), (4294967295, 1024), (100, 1)]:
    add("RvMinLengthTest", "A=%d, %d bits" % (a, t), M, {"alphabetSize": a, "threshold": t},
        "valid", expect={"length": min_length(a, t)})
add("RvMinLengthTest", "one symbol never carries a bit", ["EntropyRange"],
    {"alphabetSize": 1, "threshold": 112}, "invalid", reason=["out-of-range"])
add("RvMinLengthTest", "a threshold above 1024 bits", ["EntropyRange"],
    {"alphabetSize": 16, "threshold": 1025}, "invalid", reason=["out-of-range"])

# ---- presented values ------------------------------------------------------------------------


def octet_facts(alpha, value, threshold, channel="exact"):
    syms, bps = ALPHABETS[alpha]
    v = value.rstrip("=") if alpha in ("base32", "base32hex", "base64url") else value
    pad = len(value) - len(v)
    idx = []
    upper = False
    for c in v:
        if alpha == "hex" and c in "ABCDEF":
            upper = True
            idx.append(10 + "ABCDEF".index(c))
        else:
            idx.append(syms.index(c))
    total = len(v) * bps
    octets = total // 8
    spare = total - octets * 8
    assert spare < bps and octets > 0, "RFC 4648: no octet string encodes to %d symbols" % len(v)
    canonical = pad == 0 and not upper and (spare == 0 or idx[-1] % (1 << spare) == 0)
    cap = octets * 8
    return v, cap, canonical


def fold_loss(alpha_syms):
    classes = {}
    for c in alpha_syms:
        classes[c.lower()] = classes.get(c.lower(), 0) + 1
    return max(classes.values())


def ratio_bits(a, m, l):
    """max b with a^l >= m^l 2^b."""
    b = 0
    while a ** l >= m ** l * 2 ** (b + 1):
        b += 1
    return b


def value_test(comment, flags, alpha, value, threshold=112, channel="exact", alphabet_spec=None):
    spec = alphabet_spec or alpha
    syms, bps = ALPHABETS[alpha] if alpha in ALPHABETS else (alpha[6:], 0)
    if bps:
        v, cap, canonical = octet_facts(alpha, value, threshold)
        length = len(v)
    else:
        length = len(value)
        cap = bits(len(syms), length)
        canonical = True
    ch = cap
    fits = None
    if channel != "exact":
        m = fold_loss(syms)
        if m > 1:
            ch = min(cap, ratio_bits(len(syms), m, length))
    if channel == "dns-label":
        fits = len(value) <= 63 and all(c.isascii() and (c.isalnum() or c in "-_") for c in value)
    ok = ch >= threshold and fits is not False
    exp = {"length": length, "capacityBits": cap, "canonical": canonical, "channelBits": ch,
           "verdict": "capacity-sufficient" if ok else "too-weak"}
    if fits is not None:
        exp["fitsLabel"] = fits
    add("RvValueTest", comment, flags,
        {"value": value, "alphabet": spec, "channel": channel, "threshold": threshold}, "valid",
        expect=exp)


C = ["Capacity"]
EN = ["Encoding"]
NC = ["NonCanonical"]
CH = ["Channel"]
boulder_token = "LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0"  # 43 base64url: 32 octets
value_test("a 43-symbol ACME token (32 octets, 256 bits; Boulder's NewToken length)", EN, "base64url", boulder_token)
value_test("the same token checked at 128 bits (RFC 8555 §8.3)", EN, "base64url", boulder_token, 128)
value_test("19 base64url symbols: 14 octets, exactly 112 bits", EN, "base64url", "AAAAAAAAAAAAAAAAAAA")
value_test("18 base64url symbols: 13 octets, 104 bits: too weak", C + EN, "base64url", "AAAAAAAAAAAAAAAAAA")
value_test("19 base64url symbols with the last symbol's 2 spare bits set: not canonical", NC, "base64url", "AAAAAAAAAAAAAAAAAAB")
value_test("22 base64url symbols ending in 'Q' (4 spare bits 0000): canonical", EN, "base64url", "AAAAAAAAAAAAAAAAAAAAAQ")
value_test("22 base64url symbols ending in 'R' (spare bits 0001): not canonical", NC, "base64url", "AAAAAAAAAAAAAAAAAAAAAR")
value_test("22 base64url symbols with '==' padding: well formed, not canonical", NC, "base64url", "AAAAAAAAAAAAAAAAAAAAAA==")
value_test("19 base64url symbols with '=' padding to 20: well formed, not canonical", NC, "base64url", "AAAAAAAAAAAAAAAAAAA=")
value_test("28 hex digits: 14 octets, 112 bits", EN, "hex", "0123456789abcdef0123456789ab")
value_test("26 hex digits: 13 octets, 104 bits, too weak", C + EN, "hex", "0123456789abcdef0123456789")
value_test("28 upper-case hex digits: same capacity, not canonical", NC, "hex", "0123456789ABCDEF0123456789AB")
value_test("32 hex digits: 16 octets, 128 bits (not 32 octets: notes §3.4 item 2)", EN, "hex", "00112233445566778899aabbccddeeff", 128)
value_test("16 hex digits: 64 bits", C, "hex", "0011223344556677")
value_test("23 base32 symbols: 14 octets (115 bits carried, 112 counted)", EN, "base32", "AAAAAAAAAAAAAAAAAAAAAAA")
value_test("24 base32 symbols padded to 24 with one '='... i.e. 23 + '='", NC, "base32", "AAAAAAAAAAAAAAAAAAAAAAA=")
value_test("26 base32 symbols: 16 octets", EN, "base32", "AAAAAAAAAAAAAAAAAAAAAAAAAA", 128)
value_test("21 base32hex symbols: 13 octets (105 bits, 1 spare), too weak", C + EN, "base32hex", "000000000000000000000")
value_test("34 decimal digits: 112.95 bits, 112 whole", C, "decimal", "1234567890123456789012345678901234")
value_test("33 decimal digits: 109 bits, too weak", C, "decimal", "123456789012345678901234567890123")
value_test("6 decimal digits (a phone code): 19 bits", C, "decimal", "123456")
value_test("19 alphanumeric symbols: 113 bits", C, "alnum", "abcdefghijABCDEFGHI")
value_test("19 base58 symbols: 111 bits, too weak; 20 needed", C, "base58", "1111111111111111111")
value_test("20 base58 symbols: 117 bits", C, "base58", "11111111111111111111")
value_test("18 printable symbols: 117 bits", C, "printable", "!!!!!!!!!!!!!!!!!!")
value_test("17 printable symbols: 111 bits", C, "printable", "!!!!!!!!!!!!!!!!!")
value_test("a custom 4-symbol alphabet: 56 symbols give 112 bits", C, "chars:ACGT", "ACGT" * 14)
value_test("the all-'A' value is well formed: a string cannot show it was not random", C, "base64url", "A" * 43)
# channels
value_test("base64url compared without case keeps 5 bits a symbol: 43 symbols keep 215 of 256", CH, "base64url", boulder_token, 112, "caseless")
value_test("22 base64url symbols over a DNS label: 110 bits, too weak (notes §3.4 item 3)", CH, "base64url", "AAAAAAAAAAAAAAAAAAAAAQ", 112, "dns-label")
value_test("23 base64url symbols over a DNS label: 115 bits kept", CH, "base64url", "AAAAAAAAAAAAAAAAAAAAAAA", 112, "dns-label")
value_test("lower-case hex loses nothing without case", CH, "hex", "0123456789abcdef0123456789ab", 112, "caseless")
value_test("19 alphanumeric symbols without case: log2 31 each, 94 bits", CH, "alnum", "abcdefghijABCDEFGHI", 112, "caseless")
value_test("23 alphanumeric symbols without case: 113 bits", CH, "alnum", "abcdefghijABCDEFGHIJKLM", 112, "caseless")
value_test("base32 (upper case) without case keeps all: no two symbols fold together", CH, "base32", "AAAAAAAAAAAAAAAAAAAAAAA", 112, "dns-label")
value_test("64 hex digits do not fit one DNS label (63 octets)", CH, "hex", "0" * 64, 112, "dns-label")
value_test("a custom alphabet where 3 of 5 symbols fold into one class ('a', 'A' and 'b','c','d')", CH, "chars:aAbcd", "aAbcd" * 12, 112, "caseless")
value_test("printable ASCII over a DNS label: '!' is not a label octet", CH, "printable", "!" * 20, 112, "dns-label")
value_test("an odd alphabet (A=5) without case, exact ratio 5/2", CH, "chars:aAbBc", "abcab" * 20, 112, "caseless")

MV = ["MalformedValue"]
for value, alpha, col, reason, c in [
    ("abc+d", "alnum", 4, "bad-symbol", "'+' is not alphanumeric"),
    ("AAAAA", "base64url", 5, "bad-length", "5 base64url symbols (1 mod 4) encode no octet string"),
    ("AAAAAAAAAAAAAAAAAAA==", "base64url", 20, "bad-padding", "19 symbols and '==': the padding overruns the 4-symbol group"),
    ("AAA", "base32", 3, "bad-length", "3 base32 symbols (3 mod 8) encode no octet string"),
    ("0123456789abcdef0123456789a", "hex", 27, "bad-length", "27 hex digits: an odd count encodes no octet string (RFC 4648 §8)"),
    ("0000000000000000000000", "base32hex", 22, "bad-length", "22 base32hex symbols (6 mod 8) encode no octet string"),
    ("0123456789abcdeg", "hex", 16, "bad-symbol", "'g' is not a hex digit"),
    ("", "hex", 0, "empty", "an empty value"),
    ("====", "base64url", 1, "empty", "padding only"),
    ("12 34", "decimal", 3, "bad-symbol", "a space is in no alphabet"),
    ("A" * 1025, "alnum", 1025, "too-long", "1025 symbols: longer than the exact bound accepts"),
    ("AAAA+AAA", "base64url", 5, "bad-symbol", "'+' is standard base64, not base64url"),
    ("aaaaaaaaaaaaaaaaaaaaaaa", "base32", 1, "bad-symbol", "lower-case base32 is not RFC 4648 base32"),
]:
    add("RvValueTest", c, MV, {"value": value, "alphabet": alpha, "channel": "exact",
                               "threshold": 112}, "invalid", reason=[reason],
        expect={"column": col})

AL = ["Alphabet"]
for spec, col, reason, c in [
    ("chars:", 0, "empty-alphabet", "an empty custom alphabet"),
    ("chars:x", 1, "one-symbol", "one symbol carries no entropy"),
    ("abca", 4, "repeated-symbol", "'a' repeated at position 4"),
    ("ab c", 3, "not-printable", "a space is not a printable symbol"),
    ("chars:hex", 0, None, "'chars:' makes 'hex' three symbols, not the hex alphabet"),
    ("hex", 0, None, "the named alphabet"),
    ("ACGT", 0, None, "four symbols"),
]:
    if reason:
        add("RvAlphabetTest", c, AL, {"alphabet": spec}, "invalid", reason=[reason],
            expect={"column": col})
    else:
        s = spec[6:] if spec.startswith("chars:") else (ALPHABETS[spec][0] if spec in ALPHABETS else spec)
        add("RvAlphabetTest", c, AL, {"alphabet": spec}, "valid", expect={"size": len(s), "symbols": s})

# ---- rejection -------------------------------------------------------------------------------
R = ["Rejection"]


def reject(alpha_spec, octets, want):
    syms = ALPHABETS[alpha_spec][0] if alpha_spec in ALPHABETS else alpha_spec[6:]
    a = len(syms)
    lim = 256 - 256 % a
    out = []
    used = 0
    for o in octets:
        if len(out) == want:
            break
        used += 1
        if o < lim:
            out.append(syms[o % a])
    return lim, "".join(out), used


for alpha, octs, want, c in [
    ("alnum", [0, 61, 62, 247, 248, 255, 7], 5, "A=62: limit 248; 248 and 255 dropped; 62 -> '0' (62 mod 62)"),
    ("decimal", [249, 250, 255, 9, 10], 3, "A=10: limit 250; 250 and 255 dropped, 249 -> '9'"),
    ("base36", [251, 252, 253, 35, 36], 3, "A=36: limit 252 (notes §3.4 table)"),
    ("printable", [187, 188, 200, 93, 94], 3, "A=94: limit 188"),
    ("hex", [0, 255, 16, 17], 4, "A=16 divides 256: nothing dropped"),
    ("chars:01", [0, 1, 2, 255], 4, "A=2: octet parity"),
    ("chars:abc", [254, 255, 253, 0, 1, 2], 3, "A=3: limit 255; 255 dropped, 254 -> 'c' (254 mod 3 = 2)"),
    ("lower", [233, 234, 255, 26], 2, "A=26: limit 234 (notes §3.4 table)"),
    ("alnum", [248, 249, 250], 3, "every octet dropped: nothing emitted, all read"),
    ("alnum", [1, 2, 3, 4], 2, "stops when the value is complete"),
]:
    lim, out, used = reject(alpha, octs, want)
    add("RvRejectionTest", c, R, {"alphabet": alpha, "octets": bytes(octs).hex(), "want": want},
        "valid", expect={"limit": lim, "symbols": out, "consumed": used})
# the notes' table of limits
for a, lim in [(10, 250), (26, 234), (36, 252), (52, 208), (58, 232), (62, 248), (94, 188)]:
    assert 256 - 256 % a == lim

G = ["GeneratedLength"]
for alpha, b in [("hex", 112), ("hex", 128), ("base64url", 112), ("base64url", 128),
                 ("base64url", 256), ("base32", 112), ("base32hex", 128), ("decimal", 112),
                 ("alnum", 112), ("alnum", 128), ("base58", 112), ("printable", 112),
                 ("lowernum", 112), ("chars:ACGT", 112), ("hex", 1024)]:
    syms, bps = ALPHABETS[alpha] if alpha in ALPHABETS else (alpha[6:], 0)
    if bps:
        octs = (b + 7) // 8
        length = (octs * 8 + bps - 1) // bps
    else:
        length = min_length(len(syms), b)
    add("RvGeneratedLengthTest", "%s, %d bits" % (alpha, b), G, {"alphabet": alpha, "bits": b},
        "valid", expect={"length": length})
add("RvGeneratedLengthTest", "111 bits: below the BR's 112", G, {"alphabet": "hex", "bits": 111},
    "invalid", reason=["below-112"])
add("RvGeneratedLengthTest", "64 bits: refused", G, {"alphabet": "alnum", "bits": 64}, "invalid",
    reason=["below-112"])

# ---- health tests ------------------------------------------------------------------------------
HC = ["HealthCutoff"]


def rct_cut(a, n, d):
    return 1 + (a * d + n - 1) // n


def critbinom(w, h, a):
    q = 2 ** h - 1
    s = 0
    for k in range(w + 1):
        s += comb(w, k) * q ** (w - k)
        if s * 2 ** a >= (2 ** a - 1) * 2 ** (h * w):
            return k


# SP 800-90B §4.4.1 example: alpha = 2^-20, H = 2 -> C = 11; Table 2 (alpha = 2^-20, W = 512)
assert rct_cut(20, 2, 1) == 11
TABLE2 = {1: 311, 2: 177, 4: 62, 8: 13}
for h, c in TABLE2.items():
    assert 1 + critbinom(512, h, 20) == c
for a, n, d, c in [(20, 2, 1, "SP 800-90B §4.4.1 example"), (20, 8, 1, "octets, alpha 2^-20"),
                   (40, 8, 1, "octets, alpha 2^-40 (cabref's default)"), (30, 1, 1, "H = 1"),
                   (20, 3, 2, "H = 1.5 as 3/2: 1 + ceil(40/3)"), (64, 1, 65536, "the smallest H and alpha: 1 + 64 * 65536"),
                   (50, 7, 1, "H = 7, alpha 2^-50"), (1, 8, 1, "alpha = 1/2")]:
    add("RvHealthCutoffTest", c, HC, {"test": "rct", "h": "%d/%d" % (n, d) if d != 1 else str(n), "alphaLog2": a},
        "valid", expect={"cutoff": rct_cut(a, n, d)})
for h in (1, 2, 4, 8):
    add("RvHealthCutoffTest", "SP 800-90B Table 2, H = %d" % h, HC,
        {"test": "apt", "h": str(h), "alphaLog2": 20}, "valid", expect={"cutoff": TABLE2[h]})
    add("RvHealthCutoffTest", "the corrected formula, H = %d" % h, HC,
        {"test": "apt-corrected", "h": str(h), "alphaLog2": 20}, "valid",
        expect={"cutoff": 2 + critbinom(511, h, 20)})
for h, a in [(8, 40), (3, 30), (5, 64), (6, 1), (7, 20)]:
    add("RvHealthCutoffTest", "APT, H = %d, alpha 2^-%d" % (h, a), HC,
        {"test": "apt", "h": str(h), "alphaLog2": a}, "valid",
        expect={"cutoff": 1 + critbinom(512, h, a)})
add("RvHealthCutoffTest", "APT needs a whole number of bits", HC,
    {"test": "apt", "h": "3/2", "alphaLog2": 20}, "invalid", reason=["out-of-range"])
add("RvHealthCutoffTest", "H above 8 bits per octet", HC, {"test": "rct", "h": "9", "alphaLog2": 20},
    "invalid", reason=["out-of-range"])
add("RvHealthCutoffTest", "alpha 2^-65 is outside 2^-1 .. 2^-64", HC,
    {"test": "rct", "h": "8", "alphaLog2": 65}, "invalid", reason=["out-of-range"])

HR = ["HealthRun"]


def health_run(octs, h, a):
    rc = rct_cut(a, h, 1)
    ac = 1 + critbinom(512, h, a)
    run = 0
    last = None
    seen = 0
    first = None
    count = 0
    for i, o in enumerate(octs, 1):
        run = run + 1 if (run >= 1 and o == last) else 1
        last = o
        run = min(run, rc)
        if seen == 0:
            first = o
            count = 1
        elif o == first:
            count += 1
        if run >= rc:
            return "rct", i
        if count >= ac:
            return "apt", i
        seen += 1
        if seen == 512:
            seen = 0
            count = 0
    return "none", 0


import random
rng = random.Random(169)
streams = [
    ("six zero octets: the RCT (C = 6 at H = 8, alpha 2^-40) fails at the sixth", [0] * 6, 8, 40),
    ("five zero octets: not yet", [0] * 5, 8, 40),
    ("runs of five separated: never six", ([7] * 5 + [8]) * 20, 8, 40),
    ("a stuck generator at H = 8, alpha 2^-20: C = 4", [255] * 10, 8, 20),
    ("one value 19 times in a window (C = 19 at H = 8, alpha 2^-40), never 6 in a row", ([1, 2, 3] * 40)[:60], 8, 40),
    ("the window's first value, spread: APT fails when it is seen C times", [9] + [9 if i % 5 == 0 else (i % 200) + 10 for i in range(1, 200)], 8, 40),
    ("after a full window the count starts again", [9] + [i % 200 + 10 for i in range(511)] + [9] * 3 + [i % 200 + 10 for i in range(100)], 8, 40),
    ("random octets: no failure", [rng.randrange(256) for _ in range(2048)], 8, 40),
    ("H = 1 makes the tests lenient: 20 zeros pass the RCT (C = 41 at alpha 2^-40)", [0] * 20, 1, 40),
    ("H = 4, alpha 2^-20: RCT C = 6", [5] * 6, 4, 20),
]
for c, octs, h, a in streams:
    which, at = health_run(octs, h, a)
    add("RvHealthRunTest", c, HR, {"octets": bytes(octs).hex(), "h": h, "alphaLog2": a}, "valid",
        expect={"failed": which, "at": at})

# ---- windows ---------------------------------------------------------------------------------
W30 = ["Window30Days"]
WR = ["WindowReuse"]
WD = ["WindowDnsReading"]
RS = ["ReuseSchedule"]
WC = ["WindowCps"]
WK = ["WindowClock"]


def ts(s):
    if len(s) == 10:
        s += "T00:00:00Z"
    return calendar.timegm(datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").timetuple())


def fmt(t):
    d = datetime.datetime.fromtimestamp(t, datetime.timezone.utc)
    if d.hour == 0 and d.minute == 0 and d.second == 0:
        return d.strftime("%Y-%m-%d")
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")


def reuse(issued):
    t = ts(issued)
    if t < ts("2018-03-01"):
        return ("months", 39)
    for start, days in [("2029-03-15", 10), ("2027-03-15", 100), ("2026-03-15", 200),
                        ("2021-10-01", 398), ("2018-03-01", 825)]:
        if t >= ts(start):
            return ("days", days)


def add_months(t, k):
    d = datetime.datetime.fromtimestamp(t, datetime.timezone.utc)
    idx = d.month - 1 + k
    y, m = d.year + idx // 12, idx % 12 + 1
    day = min(d.day, calendar.monthrange(y, m)[1])
    return calendar.timegm(d.replace(year=y, month=m, day=day).timetuple())


RULES = {(4, m): "30-days" for m in (2, 4, 13, 14, 16, 17, 18, 19, 20, 21)}
RULES.update({(4, 6): "longer-of-30-days-and-reuse", (4, 7): "30-days-or-reuse",
              (4, 10): "unstated", (5, 1): "longer-of-30-days-and-reuse", (5, 2): "30-days",
              (5, 5): "30-days"})


def window(method, created, at, issued=None, applicant=False, shorter=False, cps=0):
    sec, num = (5, int(method[8:])) if method.startswith("3.2.2.5.") else (4, int(method.split(".")[-1]))
    rule = RULES.get((sec, num), "none")
    c = ts(created)
    kind, n = reuse(issued or at)
    r = add_months(c, n) if kind == "months" else c + n * 86400
    thirty = c + 2592000
    base = thirty
    if rule == "longer-of-30-days-and-reuse" and applicant:
        base = max(thirty, r)
    if rule == "30-days-or-reuse" and applicant:
        base = min(thirty, r) if shorter else max(thirty, r)
    if rule == "unstated":
        dl = c + cps * 86400
    elif cps and c + cps * 86400 < base:
        dl = c + cps * 86400
    else:
        dl = base
    a = ts(at)
    use = "before-creation" if a < c else ("expired" if a > dl else "valid")
    return rule, dl, use


def wtest(comment, flags, method, created, at, issued=None, applicant=False, shorter=False, cps=0):
    rule, dl, use = window(method, created, at, issued, applicant, shorter, cps)
    inp = {"method": method, "created": created, "at": at}
    if issued:
        inp["issued"] = issued
    if applicant:
        inp["applicantSubmitted"] = True
    if shorter:
        inp["dnsShorter"] = True
    if cps:
        inp["cpsDays"] = cps
    add("RvWindowTest", comment, flags, inp, "valid", expect={"rule": rule, "deadline": fmt(dl), "use": use})


for m in ["3.2.2.4.2", "3.2.2.4.4", "3.2.2.4.13", "3.2.2.4.14", "3.2.2.4.16", "3.2.2.4.17",
          "3.2.2.4.18", "3.2.2.4.19", "3.2.2.4.20", "3.2.2.4.21", "3.2.2.5.2", "3.2.2.5.5"]:
    wtest("%s: 30 days, the last second included" % m, W30, m, "2025-01-01T12:00:00Z", "2025-01-31T12:00:00Z")
wtest("one second past 30 days", W30, "3.2.2.4.4", "2025-01-01T12:00:00Z", "2025-01-31T12:00:01Z")
wtest("30 days across a leap day: 2016-02-25T18:11Z + 30 d = 2016-03-26T18:11Z (notes §3.4 item 7)", W30, "3.2.2.4.2", "2016-02-25T18:11:00Z", "2016-03-26T18:11:00Z")
wtest(".18 ignores the reuse period even for an Applicant's request", W30, "3.2.2.4.18", "2024-01-01", "2024-03-01", applicant=True)
wtest(".6, Applicant-submitted, issued 2019: 825 days", WR, "3.2.2.4.6", "2019-01-01", "2020-01-01", applicant=True)
wtest(".6 without the Applicant's request: 30 days", WR, "3.2.2.4.6", "2019-01-01", "2019-02-15")
wtest(".6, issued 2017: 39 calendar months", WR + RS, "3.2.2.4.6", "2017-01-31T10:00:00Z", "2017-06-01", applicant=True)
wtest("39 months from 2016-11-30 end on 2020-02-29 (leap February)", WR + RS, "3.2.2.4.6", "2016-11-30", "2017-01-01", applicant=True)
wtest("39 months from 2016-12-31 end on 2020-03-31", WR + RS, "3.2.2.4.7", "2016-12-31T23:59:59Z", "2017-01-01", applicant=True)
wtest("3.2.2.5.1 in 2022: 398 days", WR, "3.2.2.5.1", "2022-01-01", "2022-12-01", applicant=True)
wtest("3.2.2.5.1 one second after 398 days", WR, "3.2.2.5.1", "2022-01-01", "2023-02-03T00:00:01Z", applicant=True)
for issued, c in [("2018-02-28T23:59:59Z", "the last second of 39 months"), ("2018-03-01", "825 days from the first second of 2018-03-01"),
                  ("2021-09-30T23:59:59Z", "825 days until the end of 2021-09-30"), ("2021-10-01", "398 days from 2021-10-01"),
                  ("2026-03-14T23:59:59Z", "398 days until the end of 2026-03-14"), ("2026-03-15", "200 days from 2026-03-15"),
                  ("2027-03-14T23:59:59Z", "200 days"), ("2027-03-15", "100 days from 2027-03-15"),
                  ("2029-03-14T23:59:59Z", "100 days"), ("2029-03-15", "10 days from 2029-03-15: 30 days win")]:
    wtest(".7 (longer reading), issued %s: %s" % (issued, c), RS + WD, "3.2.2.4.7", "2016-09-01" if issued < "2018" else issued[:10], issued, issued=issued, applicant=True)
for issued in ["2017-06-01", "2020-06-01", "2024-06-01", "2026-06-01", "2028-06-01", "2029-06-01"]:
    wtest(".7, shorter reading, issued %s" % issued, WD, "3.2.2.4.7", issued, issued, issued=issued, applicant=True, shorter=True)
wtest(".7, longer reading, at day 31 in 2026 (200 days)", WD, "3.2.2.4.7", "2026-04-01", "2026-05-02", applicant=True)
wtest(".7, shorter reading, at day 31 in 2026: expired", WD, "3.2.2.4.7", "2026-04-01", "2026-05-02", applicant=True, shorter=True)
wtest(".7, shorter reading from 2029-03-15: 10 days", WD, "3.2.2.4.7", "2029-04-01", "2029-04-11", applicant=True, shorter=True)
wtest(".7, shorter reading from 2029-03-15: day 11 expired", WD, "3.2.2.4.7", "2029-04-01", "2029-04-11T00:00:01Z", applicant=True, shorter=True)
wtest(".7 without the Applicant's request: 30 days in either reading", WD, "3.2.2.4.7", "2024-01-01", "2024-02-15")
wtest("the value's period is chosen by issuance, not creation: created 2026-03-14, issued 2026-03-20", RS, "3.2.2.4.7", "2026-03-14", "2026-03-20", applicant=True)
wtest("CPS 7 days shortens 30", WC, "3.2.2.4.2", "2025-01-01", "2025-01-08")
wtest("CPS 7 days: day 8 expired", WC, "3.2.2.4.2", "2025-01-01", "2025-01-08T00:00:01Z", cps=7)
wtest("CPS 45 days does not lengthen 30", WC, "3.2.2.4.19", "2025-01-01", "2025-02-10", cps=45)
wtest("CPS 14 days shortens .6's 825", WC, "3.2.2.4.6", "2019-01-01", "2019-01-14", applicant=True, cps=14)
wtest(".10 states no period: the CPS's 10 days", WC, "3.2.2.4.10", "2019-01-01", "2019-01-11", cps=10)
wtest(".10 with the CPS's 10 days: day 11 expired", WC, "3.2.2.4.10", "2019-01-01", "2019-01-11T00:00:01Z", cps=10)
wtest("a use one second before creation: a clock error", WK, "3.2.2.4.19", "2025-05-01T00:00:00Z", "2025-04-30T23:59:59Z")
wtest("a use at the creation instant is valid", WK, "3.2.2.4.19", "2025-05-01T00:00:00Z", "2025-05-01T00:00:00Z")
NR = ["NoRandomValue"]
for m, c in [("3.2.2.4.1", "no Random Value in .1"), ("3.2.2.4.3", "phone to Domain Contact: none"),
             ("3.2.2.4.5", "domain authorization document: none"), ("3.2.2.4.8", "IP address: none"),
             ("3.2.2.4.9", "test certificate: none"), ("3.2.2.4.12", "Applicant as Domain Contact: none"),
             ("3.2.2.4.15", "phone, Domain Contact (SC14): none"), ("3.2.2.4.22", "persistent TXT (SC-088): no Random Value"),
             ("3.2.2.5.3", "reverse address lookup: none")]:
    add("RvWindowTest", c, NR, {"method": m, "created": "2025-01-01", "at": "2025-01-02"}, "invalid", reason=["no-random-value"])
add("RvWindowTest", ".10 without a CPS period", NR, {"method": "3.2.2.4.10", "created": "2019-01-01", "at": "2019-01-02"}, "invalid", reason=["unstated-period"])
add("RvWindowTest", "a creation date before 1970", NR, {"method": "3.2.2.4.2", "created": "1969-12-31", "at": "2019-01-02"}, "invalid", reason=["out-of-range"])

COMMENTS = {
    "RvEntropyTest": "alphabetSize A and length L of uniform symbols, threshold T: bits = floor(L log2 A), meets = A^L >= 2^T.",
    "RvMinLengthTest": "alphabetSize A, threshold T: the fewest symbols L with A^L >= 2^T.",
    "RvValueTest": "A presented value over a named alphabet (or 'chars:' and its symbols) and a channel (exact, caseless, dns-label): capacity, canonical form, bits over the channel, verdict; invalid: reason and 1-based column (0: no column).",
    "RvAlphabetTest": "An alphabet argument: a name, the symbols, or 'chars:' and the symbols.",
    "RvRejectionTest": "octets (hex) mapped to symbols by rejection until `want` symbols: the limit, the symbols emitted and the octets read.",
    "RvGeneratedLengthTest": "The length of a value cabref rv new makes for an alphabet and a number of bits.",
    "RvHealthCutoffTest": "test rct, apt or apt-corrected; h is bits per octet, N or N/D; alphaLog2 a means alpha = 2^-a; W = 512.",
    "RvHealthRunTest": "octets (hex) fed to both tests with cutoffs from h and alphaLog2: the first failure (rct or apt, RCT checked first) and its 1-based octet index, or none and 0.",
    "RvWindowTest": "method 3.2.2.4.N or 3.2.2.5.N, creation instant, use instant `at`, issuance (default: at), Applicant-submitted, 3.2.2.4.7's shorter reading, CPS days: the rule, the deadline (last valid instant) and the verdict of the use.",
}

groups = [{"type": k, "comment": COMMENTS[k], "tests": v} for k, v in tests.items() if v]
vecgen.write(ROOT, "random-value.json", "CABF-RANDOM-VALUE", "random-value.schema.json", [
    "Test vectors for Random Values: entropy bounds, presented values, channels, rejection sampling, generated lengths, SP 800-90B health tests and validity windows by method and date (spec/random-value.md).",
    "Expected values were derived by vectors/rv/gen_rv_vectors.py from the rules with exact integer arithmetic (Python int; the calendar module for dates), checked against the figures of the research notes and SP 800-90B Table 2; nothing was computed by cabref.",
    "A test passes when result, the reason set and every key of expect match.",
    "Instants are UTC: YYYY-MM-DD means 00:00:00Z; a deadline is the last instant of valid use.",
], NOTES, groups)
print("vectors/random-value.json: %d tests" % V.count)
