#!/usr/bin/python3
"""Writes vectors/caa.json (format: spec/caa-formats.md; rules: spec/caa.md).

Every expected result, reason, verdict, issuer, parameter list and errorOffset below was written
by hand from the rule text (spec/caa.md; RFC 8659 §3, §4.1-§4.5; RFC 6844 §5; RFC 8657 §3-§4;
BR 3.2.2.8 and the ballots named in spec/caa.md). Nothing is computed by cabref or by any parser:
this script only assembles the tests, encodes octet strings (hex, zone presentation text with
RFC 1035 §5.1 escapes), checks that the hand-written pieces agree with each other (asserts), counts
and writes. Standard library only. Run from anywhere:

    python3 vectors/caa/gen_caa_vectors.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import vecgen  # noqa: E402  (vectors/vecgen.py)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

BR = "https://github.com/cabforum/servercert/blob/main/docs/BR.md"
R8659 = "https://www.rfc-editor.org/rfc/rfc8659"
R6844 = "https://www.rfc-editor.org/rfc/rfc6844"
R8657 = "https://www.rfc-editor.org/rfc/rfc8657"
R1035 = "https://www.rfc-editor.org/rfc/rfc1035"
R2181 = "https://www.rfc-editor.org/rfc/rfc2181"
R3597 = "https://www.rfc-editor.org/rfc/rfc3597"
R4343 = "https://www.rfc-editor.org/rfc/rfc4343"
R4035 = "https://www.rfc-editor.org/rfc/rfc4035"
R1034 = "https://www.rfc-editor.org/rfc/rfc1034"
R6672 = "https://www.rfc-editor.org/rfc/rfc6672"
R4592 = "https://www.rfc-editor.org/rfc/rfc4592"
E5065 = "https://www.rfc-editor.org/errata/eid5065"
B187 = "https://cabforum.org/2017/03/08/ballot-187-make-caa-checking-mandatory/"
B214 = "https://cabforum.org/2017/09/27/ballot-214-caa-discovery-cname-errata/"
GODADDY = "https://bugzilla.mozilla.org/show_bug.cgi?id=1904749"
BOULDER8614 = "https://github.com/letsencrypt/boulder/issues/8614"
BOULDER6921 = "https://github.com/letsencrypt/boulder/pull/6921"

# flag: (bugType, description, clause, links, requirements)
NOTES = {
    "RdataLayout": ("BASIC", "RDATA is flags, tag length, tag, and the value (every remaining octet, no length of its own, may exceed 255 octets).", "RFC 8659 §4.1", [R8659], ["CAA-RDATA-FORMAT", "CAA-RDATA-TOTAL", "CAA-DETAIL-OFFSET"]),
    "RdataTruncated": ("MALFORMED_INPUT", "RDATA too short for flags and tag length, a tag length of 0, or a tag running past the end: the record cannot be read (errorOffset: truncated = RDATA length; tag-empty and tag-past-end = 1, the tag-length octet at fault).", "RFC 8659 §4.1", [R8659], ["CAA-RDATA-FORMAT", "CAA-RDATA-TAG-LEN", "CAA-RDATA-TOTAL", "CAA-DETAIL-OFFSET"]),
    "TagLength": ("EDGE_CASE", "Tag length limits: at least 1, no upper limit below 255 (RFC 6844's 'no more than 15' was a SHOULD and RFC 8659 dropped it).", "RFC 8659 §4.1; RFC 6844 §5.1", [R8659, R6844], ["CAA-RDATA-TAG-LEN"]),
    "TagChars": ("MALFORMED_INPUT", "A tag octet outside [A-Za-z0-9] (NUL, space, '_', '-', DEL, >= 0x80): tag-nul or tag-bad-char at the first such octet; in a set the record is a property no CA recognises.", "RFC 8659 §4.1 (MUST NOT); RFC 6844 §5.1 (SHOULD NOT)", [R8659, R6844], ["CAA-RDATA-TAG-CHARS", "CAA-DETAIL-CODES"]),
    "LongValue": ("EDGE_CASE", "A value longer than 255 octets (no length byte: it is the rest of the RDATA).", "RFC 8659 §4.1", [R8659], ["CAA-RDATA-FORMAT"]),
    "Flags": ("BASIC", "The flags octet: 128 is the Issuer Critical Flag, every other bit is reserved and ignored.", "RFC 8659 §4.1", [R8659], ["CAA-FLAGS"]),
    "Flag1": ("AMBIGUITY", "Flag value 1 (bit 7) is reserved and ignored by default; the CA option flag1Critical reads it as critical too (as some CAs do for publishers who set 1 by mistake).", "RFC 8659 §4.1 (note on bit numbering); spec/caa.md CAA-FLAGS decision", [R8659], ["CAA-FLAGS", "CAA-CRITICAL"]),
    "TagCase": ("EDGE_CASE", "Tags are matched ASCII case-insensitively: ISSUE, IssueWild, IODEF are the standard tags.", "RFC 8659 §4.1", [R8659], ["CAA-TAG-CASE"]),
    "Value8659": ("BASIC", "The issue/issuewild value grammar of RFC 8659 (rfc8659 profile): issuer-domain-name, ';', parameters separated by ';', blanks around separators and '='.", "RFC 8659 §4.2", [R8659], ["CAA-VALUE-8659", "CAA-DETAIL-OFFSET", "CAA-DETAIL-CODES"]),
    "Value6844": ("LEGACY", "The value grammar of RFC 6844 (rfc6844-e5065 profile): parameters separated by blanks, alphanumeric parameter tags, values any run of 0x21-0x7E (';' included).", "RFC 6844 §5.2", [R6844, E5065], ["CAA-VALUE-6844", "CAA-DETAIL-6844", "CAA-DETAIL-OFFSET"]),
    "ValueBytes": ("MALFORMED_INPUT", "Octets outside printable ASCII never belong to either grammar: >= 0x80 (valid UTF-8 or not) is non-ascii, NUL/other controls/DEL are control (HTAB is a blank, not a control).", "RFC 8659 §4.2 ABNF; spec/caa.md CAA-VALUE-BYTES", [R8659], ["CAA-VALUE-BYTES"]),
    "EmptyIssuer": ("BASIC", "An empty issuer-domain-name ('', ';', blanks): well-formed, authorizes no one, and restricts.", "RFC 8659 §4.2", [R8659], ["CAA-VALUE-8659", "CAA-PERMIT"]),
    "TrailingSemicolon": ("EDGE_CASE", "';' with no parameters after the issuer is in the RFC 8659 grammar; ';' after the last parameter and ';;' are not (errorOffset: the value length, or the second ';').", "RFC 8659 §4.2 (parameters production)", [R8659], ["CAA-VALUE-8659"]),
    "IssuerShape": ("MALFORMED_INPUT", "issuer-domain-name edges: empty label, leading/trailing hyphen, underscore, trailing dot, '*', URL or other non-LDH text.", "RFC 8659 §4.2 (label production)", [R8659], ["CAA-VALUE-8659", "CAA-VALUE-MALFORMED", "CAA-DETAIL-LABELS"]),
    "TrailingDot": ("EDGE_CASE", "A trailing dot on the issuer ('ca.example.') is outside the grammar, so it never matches (a known way domain holders block themselves).", "RFC 8659 §4.2; spec/caa.md CAA-ISSUER-MATCH", [R8659], ["CAA-VALUE-MALFORMED", "CAA-ISSUER-MATCH"]),
    "Idn": ("EDGE_CASE", "Internationalized issuers: A-labels (xn--) are LDH and valid; U-labels are non-ASCII octets and outside the grammar.", "RFC 8659 §4.2 (LDH-Label form)", [R8659], ["CAA-VALUE-8659", "CAA-VALUE-BYTES"]),
    "ParamCase": ("AMBIGUITY", "Parameter tags are matched ASCII case-insensitively (AccountURI is accounturi): neither RFC says; exact matching silently drops the holder's restriction.", "spec/caa.md CAA-PARAM-CASE; RFC 8657 §3", [R8657, BOULDER8614], ["CAA-PARAM-CASE"]),
    "MalformedValue": ("BASIC", "An issue/issuewild value outside its grammar is treated as an empty issuer: it authorizes no one but still restricts (and an issuewild one still shadows issue).", "RFC 8659 §4.2 ('%%%%%' example)", [R8659], ["CAA-VALUE-MALFORMED"]),
    "Methods": ("FUNCTIONALITY", "RFC 8657 validationmethods: comma-separated labels of letters, digits and '-', compared ASCII case-insensitively; an empty list matches nothing; any other shape is malformed.", "RFC 8657 §4", [R8657], ["CAA-PARAM-METHODS", "CAA-DETAIL-PARAMS"]),
    "Iodef": ("BASIC", "The iodef URL scheme: mailto, http, https (case-insensitive), another scheme, or none; iodef never changes the decision.", "RFC 8659 §4.4; BR 3.2.2.8", [R8659, BR], ["CAA-IODEF", "CAA-DETAIL-IODEF"]),
    "EmptySet": ("BASIC", "An empty relevant set permits (no-records).", "RFC 8659 §3", [R8659], ["CAA-EMPTY-SET", "CAA-DECIDE"]),
    "NoIssueProperty": ("BASIC", "A non-empty set in which no issue/issuewild record applies (only iodef, unknown non-critical tags, issuewild on a non-wildcard request) does not restrict.", "RFC 8659 §3; Ballot 219", [R8659, BR], ["CAA-NO-ISSUE"]),
    "CriticalUnknown": ("BASIC", "A record with the critical flag and a tag the CA does not recognise forbids issuance, whatever else the set holds.", "RFC 8659 §4.1, §4.5; BR 3.2.2.8", [R8659, BR], ["CAA-CRITICAL"]),
    "CriticalKnown": ("EDGE_CASE", "The critical flag on a recognised tag (issue, issuewild, iodef) has no further effect.", "RFC 8659 §4.1; Boulder PR 6921 (critical iodef regression)", [R8659, BOULDER6921], ["CAA-CRITICAL", "CAA-IODEF"]),
    "RecognizedTags": ("FUNCTIONALITY", "Extra tags in the CA's configuration (issuemail, contactemail, ...) are recognised, so a critical one does not deny; tags compared case-insensitively.", "RFC 8659 §4.1; BR 3.2.2.8 ('Additional property tags MAY be supported')", [R8659, BR], ["CAA-CRITICAL", "CAA-TAG-CASE"]),
    "IssuerCase": ("AMBIGUITY", "Issuer-domain-names are compared with the CA's Issuer Domain Names ASCII case-insensitively over the whole name (RFC 4343).", "spec/caa.md CAA-ISSUER-MATCH; RFC 4343 §3", [R4343], ["CAA-ISSUER-MATCH"]),
    "IssuerSubstring": ("FUNCTIONALITY", "Never a substring, prefix or suffix match (GoDaddy 2024: any value containing 'godaddy' passed).", "spec/caa.md CAA-ISSUER-MATCH; Bugzilla 1904749", [GODADDY], ["CAA-ISSUER-MATCH"]),
    "Additive": ("BASIC", "Authorizations are additive: a record that permits is not undone by empty, malformed or foreign issue records beside it.", "RFC 8659 §4.2", [R8659], ["CAA-ADDITIVE", "CAA-PERMIT", "CAA-DECIDE"]),
    "RfcExample": ("BASIC", "An example RRset given in the RFC text, with the outcome the RFC states for it.", "RFC 8659 §4.2-§4.5; RFC 6844 §3", [R8659, R6844], ["CAA-PERMIT", "CAA-ISSUEWILD-IGNORED", "CAA-ISSUEWILD-SHADOWS", "CAA-DECIDE"]),
    "IssuewildShadows": ("BASIC", "On a wildcard request, any issuewild record (well-formed or not) makes every issue record be ignored.", "RFC 8659 §4.3", [R8659], ["CAA-ISSUEWILD-SHADOWS"]),
    "IssuewildIgnored": ("BASIC", "On a non-wildcard request every issuewild record is ignored.", "RFC 8659 §4.3", [R8659], ["CAA-ISSUEWILD-IGNORED"]),
    "AccountUri": ("FUNCTIONALITY", "RFC 8657 accounturi: absent matches any account; one must equal the request's account URI octet for octet; two or more make the record unsatisfiable.", "RFC 8657 §3", [R8657], ["CAA-PARAM-ACCOUNTURI", "CAA-DETAIL-PARAMS"]),
    "MethodsDecision": ("FUNCTIONALITY", "RFC 8657 validationmethods in a decision: absent matches any method; one must list the request's method; malformed or duplicated is unsatisfiable.", "RFC 8657 §4; spec/caa.md CAA-PARAM-METHODS", [R8657], ["CAA-PARAM-METHODS", "CAA-DETAIL-PARAMS"]),
    "ParamsUnknown": ("BASIC", "Parameters the CA does not process are ignored (accounturi/validationmethods without the RFC 8657 option, policy=, account-uri=).", "RFC 8659 §4.2", [R8659], ["CAA-PARAM-UNKNOWN"]),
    "Profile6844": ("LEGACY", "The same set decided under the rfc6844-e5065 profile, where the value grammar differs (blank-separated parameters, ';' inside values, no hyphen in parameter tags).", "RFC 6844 §5.2; BR Appendix A (Ballot 214)", [R6844, B214], ["CAA-VALUE-6844", "CAA-NO-ISSUE"]),
    "RdataInSet": ("MALFORMED_INPUT", "A structurally unreadable record in the relevant set denies (rdata-malformed), ranked before every other reason.", "spec/caa.md CAA-RDATA-DENY", [R8659], ["CAA-RDATA-DENY"]),
    "Verdicts": ("FUNCTIONALITY", "The verdict of every record and the ranking of set reasons (rdata-malformed, unknown-critical, not-authorized; no-records, no-issue-property, issuer-permits with the first permitting record).", "spec/caa.md CAA-REASONS", [R8659], ["CAA-REASONS"]),
    "Capacity": ("EDGE_CASE", "At most 64 records in a set; 65 are refused (too-many-records), never a wrong permit.", "spec/caa.md CAA-CAPACITY", [R8659], ["CAA-CAPACITY"]),
    "Relevant": ("BASIC", "The relevant set: the first name with records, climbing from the request's name (for *.X from X) towards the TLD; nearer sets shadow ancestors completely.", "RFC 8659 §3", [R8659], ["CAA-RELEVANT"]),
    "LookupFailure": ("FUNCTIONALITY", "A lookup failure before any set is found is a lookup failure for that name; failures above the found set do not matter.", "RFC 8659 §3; BR 3.2.2.8", [R8659, BR], ["CAA-RELEVANT", "CAA-DETAIL-NAMES"]),
    "MultiName": ("BASIC", "A certificate is permitted iff every dNSName is; X and *.X are two evaluations on the same set.", "RFC 8659 §3; BR 3.2.2.8 ('for each dNSName')", [R8659, BR], ["CAA-MULTI-NAME"]),
    "Onion": ("FUNCTIONALITY", "Onion Domain Names are not checked (onion-exempt), whatever the zone says.", "BR 3.2.2.8 (SC54)", [BR], ["CAA-MULTI-NAME", "CAA-DETAIL-NAMES"]),
    "Reuse": ("BASIC", "Issue at t on a check at c iff c <= t <= c + max(TTL, 8 h); an empty set has no TTL: 8 h.", "BR 3.2.2.8; Ballot 187", [BR, B187], ["CAA-REUSE"]),
    "TtlTopBit": ("AMBIGUITY", "A TTL with its most significant bit set is read as 0.", "RFC 2181 §8", [R2181], ["CAA-REUSE", "CAA-DETAIL-DATES"]),
    "ExceptionCt": ("BASIC", "CAA checking optional: precertificate logged in at least two public CT logs and CAA checked; in force from the mandate on.", "BR 3.2.2.8; Ballot 187", [BR, B187], ["CAA-EXC-CT"]),
    "ExceptionTcsca": ("BASIC", "CAA checking optional: Technically Constrained Subordinate CA with an explicit contractual provision; in force from the mandate on.", "BR 3.2.2.8; Ballot 187", [BR, B187], ["CAA-EXC-TCSCA"]),
    "ExceptionDnsOperator": ("LEGACY", "CAA checking optional when the CA or an Affiliate is the DNS Operator: only for certificates issued before 2021-07-01 (SC46).", "Ballot 187; Ballot SC46", [BR, B187], ["CAA-EXC-DNS-OPERATOR", "CAA-DETAIL-DATES"]),
    "Mandate": ("LEGACY", "Before 2017-09-08T00:00:00Z CAA checking is not required, and its exceptions do not exist.", "Ballot 187 ('effective as of 8 September 2017')", [B187], ["CAA-MANDATE"]),
    "FailureRule": ("BASIC", "A lookup failure is permission only if outside the CA's infrastructure, retried at least once, and no DNSSEC chain (before 2025-07-21) / confirmed Insecure (from 2025-07-21).", "BR 3.2.2.8; Ballot 187; Ballot SC085", [BR, B187, R4035], ["CAA-LOOKUP-FAILURE", "CAA-DETAIL-DATES"]),
    "DnssecFailure": ("BASIC", "From 2026-03-15 a DNSSEC validation failure at the Primary Network Perspective is never permission.", "BR 3.2.2.8.1 (SC085)", [BR], ["CAA-LOOKUP-FAILURE"]),
    "RulesByDate": ("BASIC", "Which text governs on a date: none, RFC 6844 (2017-09-08), with erratum 5065 (2017-10-27), RFC 8659 (2020-10-19).", "Ballots 187, 214, SC35", [B187, B214, BR], ["CAA-PROFILE-DATE", "CAA-MANDATE"]),
    "AliasCname": ("BASIC", "A CNAME at a name of the climb: the lookup there is answered from the alias target (a resolver follows it); when the target has no CAA records, the climb goes on at the parent of the request's name, never at the parent of the target.", "RFC 8659 §3 ('chasing aliases'); RFC 1034 §3.6.2", [R8659, R1034], ["CAA-RELEVANT", "CAA-ALIAS-CNAME"]),
    "AliasDname": ("LEGACY", "A DNAME owned by the name itself: RFC 8659 (a resolver) answers the name from its own data, so it is ignored; erratum 5065 (BR Appendix A, 'CNAME or DNAME alias record chain') and RFC 6844 §4 count it in A(X) when the name's own set is empty.", "RFC 6672 §2.3; erratum 5065; RFC 6844 §4", [R6672, E5065, R6844], ["CAA-ALIAS-DNAME"]),
    "AliasChain": ("EDGE_CASE", "Alias chains: up to 16 hops are followed (erratum 5065: at least 8 MUST be); a longer chain or a loop is a lookup failure (alias-chain), never an empty set.", "erratum 5065; spec/caa.md CAA-ALIAS-CHAIN", [E5065], ["CAA-ALIAS-CHAIN"]),
    "Alias6844": ("LEGACY", "RFC 6844 as published (2017-09-08 .. 2017-10-26) climbs from an alias target whose chain ends empty, R(A(X)); cabref does not model that climb and reports a lookup failure (rfc6844-climb) instead of an empty set; when the chain ends in records or a failure the result is the erratum's.", "RFC 6844 §4; spec/caa.md CAA-ALIAS-6844", [R6844], ["CAA-ALIAS-6844"]),
    "FailureKind": ("FUNCTIONALITY", "A failed lookup keeps its kind (servfail, refused, timeout, truncated, malformed, bogus, rcode) through the search.", "RFC 8659 §3, §6.1-§6.3; BR 3.2.2.8", [R8659, BR], ["CAA-RELEVANT", "CAA-DNS-FAILURE"]),
    "ZoneAlias": ("FUNCTIONALITY", "Zone mode answers each lookup as a resolver would from the zone, the zone being the whole DNS (a name it does not hold does not exist): CNAMEs followed, DNAME substitution for names below a DNAME, RFC 4592 wildcard synthesis for names that do not exist.", "RFC 8659 §3; RFC 1034 §3.6.2, §4.3.2; RFC 6672 §2.3; RFC 4592 §3.3.1", [R8659, R1034, R6672, R4592], ["CAA-ZONE-ALIAS", "CAA-RELEVANT"]),
    "SpecSilent": ("AMBIGUITY", "spec/caa.md does not settle this detail; the test follows the RFC reading stated in its comment (listed for the spec).", "spec/caa.md; the RFC clause in the comment", [R8659], ["CAA-REASONS"]),
}

# ------------------------------------------------------------------ encoding helpers (no logic)
def b(x):
    return x if isinstance(x, bytes) else x.encode("utf-8")


def hexs(x):
    return b(x).hex()


def printable(x):
    return all(0x20 <= c <= 0x7E for c in b(x))


def alnum(x):
    return len(b(x)) > 0 and all(chr(c).isascii() and chr(c).isalnum() for c in b(x))


def quoted(x):
    """RFC 1035 §5.1 <character-string> in quotes: '"' and '\\' escaped, non-printables \\DDD."""
    out = ['"']
    for c in b(x):
        if c == 0x22:
            out.append('\\"')
        elif c == 0x5C:
            out.append('\\\\')
        elif 0x20 <= c <= 0x7E:
            out.append(chr(c))
        else:
            out.append("\\%03d" % c)
    out.append('"')
    return "".join(out)


def generic(rdata):
    """RFC 3597 §5 generic RDATA presentation."""
    return "\\# %d %s" % (len(rdata), rdata.hex()) if rdata else "\\# 0"


def rdata_of(flags, tag, value):
    t, v = b(tag), b(value)
    assert 0 <= flags <= 255 and 1 <= len(t) <= 255
    return bytes([flags, len(t)]) + t + v


def rec(flags, tag, value):
    """A record object (spec/caa-formats.md): structured, plus its presentation text."""
    o = {"flags": flags}
    if printable(tag):
        o["tag"] = b(tag).decode("ascii")
    else:
        o["tagHex"] = hexs(tag)
    if printable(value):
        o["value"] = b(value).decode("ascii")
    else:
        o["valueHex"] = hexs(value)
    if alnum(tag):
        o["zone"] = "%d %s %s" % (flags, b(tag).decode("ascii"), quoted(value))
    else:
        o["zone"] = generic(rdata_of(flags, tag, value))
    return o


def raw(rdata):
    return {"rdataHex": rdata.hex(), "zone": generic(rdata)}


def I(v, f=0):
    return rec(f, "issue", v)


def W(v, f=0):
    return rec(f, "issuewild", v)


def IO(v="mailto:security@example.com", f=0):
    return rec(f, "iodef", v)


def X(tag, v="Unknown", f=0):
    return rec(f, tag, v)


V = vecgen.Vectors(["CaaRdataTest", "CaaValueTest", "CaaMethodsTest", "CaaIodefTest", "CaaDecisionTest",
                         "CaaCertificateTest", "CaaReuseTest", "CaaExceptionTest", "CaaFailureTest", "CaaRulesTest", "CaaRelevantTest"], NOTES)
tests = V.tests
add = V.add


# ================================================================== CaaRdataTest
def rd_ok(comment, flags, flg, tag, value, critical, kind, zone=True):
    r = rdata_of(flg, tag, value)
    inp = {"rdataHex": r.hex()}
    if zone:
        inp["zone"] = rec(flg, tag, value)["zone"]
    add("CaaRdataTest", comment, flags, inp, "ok",
        expect={"flags": flg, "critical": critical, "tagKind": kind, "tagHex": hexs(tag), "valueHex": hexs(value)})


def rd_err(comment, flags, rdata, code, offset):
    assert 0 <= offset <= len(rdata)
    add("CaaRdataTest", comment, flags, {"rdataHex": rdata.hex(), "zone": generic(rdata)}, "error", [code],
        {"errorOffset": offset})


L, T = ["RdataLayout"], ["RdataTruncated"]
rd_err("empty RDATA: no flags octet; errorOffset = RDATA length 0", T, b"", "truncated", 0)
rd_err("one octet (flags 0): no tag length; errorOffset = 1", T, b"\x00", "truncated", 1)
rd_err("one octet, critical flags 128: still truncated at 1", T + ["Flags"], b"\x80", "truncated", 1)
rd_err("tag length 0 and nothing else: tag-empty at the tag-length octet (offset 1)", T + ["TagLength"], b"\x00\x00", "tag-empty", 1)
rd_err("tag length 0 followed by a value: still tag-empty at 1 (RFC 8659 §4.1: length at least 1)", T + ["TagLength"], b"\x00\x00issue", "tag-empty", 1)
rd_err("tag length 1 but RDATA ends after it: tag-past-end, reported at the tag-length octet (1)", T, b"\x00\x01", "tag-past-end", 1)
rd_err("tag length 6 with 'issue' (5 octets): tag-past-end at the tag-length octet (1)", T, b"\x00\x06issue", "tag-past-end", 1)
rd_err("tag length 255 with 10 octets after it: tag-past-end at the tag-length octet (1)", T + ["TagLength"], b"\x00\xff" + b"a" * 10, "tag-past-end", 1)
rd_err("tag length 255 with 254 tag octets: one short, tag-past-end at the tag-length octet (1)", T + ["TagLength"], b"\x00\xff" + b"a" * 254, "tag-past-end", 1)
rd_err("structure before characters: tag length 6 over 'is ue' runs past the end, reported at the tag-length octet (1); the space is not reached", T + ["TagChars"], b"\x00\x06is ue", "tag-past-end", 1)
rd_ok("'issue', empty value (an empty issuer)", L, 0, "issue", "", False, "issue")
rd_ok("the RFC 8659 §4.2 form 0 issue \"ca.example\"", L, 0, "issue", "ca.example", False, "issue")
rd_ok("tag length equals the remaining octets: value empty", L, 0, "tbs", "", False, "other")
rd_err("NUL inside the tag ('iss\\0e'): tag-nul at 2+3 = 5", ["TagChars"], b"\x00\x05iss\x00e", "tag-nul", 5)
rd_err("NUL as first tag octet: tag-nul at 2", ["TagChars"], b"\x00\x05\x00ssue", "tag-nul", 2)
rd_err("space in the tag ('is ue'): tag-bad-char at 4", ["TagChars"], b"\x00\x05is ue", "tag-bad-char", 4)
rd_err("underscore: 'issue_wild', '_' is tag octet 5, offset 7", ["TagChars"], b"\x00\x0aissue_wild", "tag-bad-char", 7)
rd_err("hyphen: 'issue-wild' (RR tags are alphanumeric only; the hyphen allowance of RFC 8659 §7 is for parameter tags), offset 7", ["TagChars"], b"\x00\x0aissue-wild" + b"ca.example", "tag-bad-char", 7)
rd_err("first offending octet decides: space at 2 before a NUL at 3 gives tag-bad-char at 2", ["TagChars", "SpecSilent"], b"\x00\x03 \x00a", "tag-bad-char", 2)
rd_err("first offending octet decides: NUL at 2 before a space at 3 gives tag-nul at 2", ["TagChars", "SpecSilent"], b"\x00\x03\x00 a", "tag-nul", 2)
rd_err("DEL (0x7f) in the tag: tag-bad-char at 7", ["TagChars"], b"\x00\x06issue\x7f", "tag-bad-char", 7)
rd_err("octet 0xff in the tag: tag-bad-char at 2", ["TagChars"], b"\x00\x05\xffssue", "tag-bad-char", 2)
rd_err("UTF-8 'ï' (c3 af) in 'ïssue': tag-bad-char at its first octet, 2", ["TagChars"], b"\x00\x06" + "ïssue".encode() + b"x", "tag-bad-char", 2)
rd_ok("255-octet tag (no upper limit in RFC 8659): an unknown tag", ["TagLength"], 0, "a" * 255, "x", False, "other")
rd_ok("16-octet tag, above RFC 6844's SHOULD of 15: accepted, unknown", ["TagLength"], 0, "a" * 16, "ca.example", False, "other")
rd_ok("one-octet tag '0' (a digit is a valid tag octet)", ["TagLength"], 0, "0", "x", False, "other")
rd_ok("value of 300 octets (more than 255: no length byte)", ["LongValue"], 0, "issue", "ca.example; x=" + "y" * 287, False, "issue")
rd_ok("value of 1000 octets", ["LongValue"], 0, "iodef", "https://iodef.example/" + "a" * 978, False, "iodef")
rd_ok("flags 0", ["Flags"], 0, "issue", "ca.example", False, "issue")
rd_ok("flags 1: bit 7, reserved, not the critical flag", ["Flags", "Flag1"], 1, "issue", "ca.example", False, "issue")
rd_ok("flags 128: Issuer Critical Flag", ["Flags"], 128, "issue", "ca.example", True, "issue")
rd_ok("flags 129: critical plus reserved bit 7", ["Flags"], 129, "issue", "ca.example", True, "issue")
rd_ok("flags 255: critical, every reserved bit set (ignored)", ["Flags"], 255, "issue", "ca.example", True, "issue")
rd_ok("flags 127: every reserved bit, not critical", ["Flags"], 127, "tbs", "x", False, "other")
rd_ok("ISSUE is issue", ["TagCase"], 0, "ISSUE", "ca.example", False, "issue")
rd_ok("IssueWild is issuewild", ["TagCase"], 0, "IssueWild", "ca.example", False, "issuewild")
rd_ok("iSsUeWiLd is issuewild", ["TagCase"], 0, "iSsUeWiLd", ";", False, "issuewild")
rd_ok("IODEF is iodef", ["TagCase"], 128, "IODEF", "mailto:security@example.com", True, "iodef")
rd_ok("'issuewild' exactly", L, 0, "issuewild", "ca.example", False, "issuewild")
rd_ok("'issuewil' (a prefix) is another tag", L + ["TagCase"], 0, "issuewil", "ca.example", False, "other")
rd_ok("'issues' (an extension) is another tag", L + ["TagCase"], 0, "issues", "ca.example", False, "other")
rd_ok("'issuemail' is not one of the three tags of RFC 8659 (tagKind other; the CA may recognise it)", L, 0, "issuemail", "ca.example", False, "other")
rd_ok("RFC 8659 §4.5 / RFC 6844 §3 example 128 tbs \"Unknown\"", L + ["RfcExample"], 128, "tbs", "Unknown", True, "other")
rd_ok("value octets are opaque at this layer: NUL, TAB, 0xff in the value are fine", L, 0, "issue", b"ca\x00\t\xff", False, "issue")
rd_ok("value with '\"' and '\\\\' (zone text escapes them)", L, 0, "issue", 'ca.example; a="b\\c"', False, "issue")
rd_ok("UTF-8 value (the value grammar, not the RDATA layout, refuses it)", L, 0, "issue", "ca.exämple", False, "issue")

# ================================================================== CaaValueTest
P8, P6 = "rfc8659", "rfc6844-e5065"


def vin(profile, value):
    return {"profile": profile, "value": b(value).decode("ascii")} if printable(value) else {"profile": profile, "valueHex": hexs(value)}


def v_ok(comment, flags, profile, value, issuer, params, acct=None, meth=None):
    exp = {"issuer": issuer, "params": params}
    if acct is not None:
        exp["accounturiCount"] = acct
    if meth is not None:
        exp["validationmethodsCount"] = meth
    add("CaaValueTest", comment, flags, vin(profile, value), "valid", [], exp)


def v_bad(comment, flags, profile, value, code, offset):
    assert 0 <= offset <= len(b(value)), (value, offset)
    add("CaaValueTest", comment, flags, vin(profile, value), "invalid", [code], {"errorOffset": offset})


V8, V6, E = ["Value8659"], ["Value6844"], ["EmptyIssuer"]
# --- rfc8659, valid
v_ok("empty value: empty issuer, no parameters", V8 + E, P8, "", "", [])
v_ok("';' alone: the canonical deny-all (RFC 8659 §4.2 nocerts example)", V8 + E + ["RfcExample"], P8, ";", "", [])
v_ok("' ; ' blanks around the separator", V8 + E, P8, " ; ", "", [])
v_ok("only blanks: *WSP then nothing", V8 + E, P8, b" \t ", "", [])
v_ok("plain issuer", V8, P8, "ca.example", "ca.example", [])
v_ok("issuer and ';' with no parameters is in the grammar", V8 + ["TrailingSemicolon"], P8, "ca.example;", "ca.example", [])
v_ok("issuer, ';' and trailing blanks", V8 + ["TrailingSemicolon"], P8, "ca.example;    ", "ca.example", [])
v_ok("leading and trailing blanks around the issuer", V8, P8, "  ca.example  ", "ca.example", [])
v_ok("tabs as blanks everywhere blanks are allowed", V8, P8, b"\tca.example\t;\ta\t=\t1\t", "ca.example", [["a", "1"]])
v_ok("one parameter", V8, P8, "ca.example; a=1", "ca.example", [["a", "1"]])
v_ok("no blank after ';'", V8, P8, "ca.example;a=1", "ca.example", [["a", "1"]])
v_ok("blanks around '=' (RFC 8659: tag *WSP \"=\" *WSP value)", V8, P8, "ca.example; a = 1", "ca.example", [["a", "1"]])
v_ok("two parameters separated by ';'", V8, P8, "ca.example; a=1; b=2", "ca.example", [["a", "1"], ["b", "2"]])
v_ok("blank before the separator", V8, P8, "ca.example; a=1 ;b=2", "ca.example", [["a", "1"], ["b", "2"]])
v_ok("empty parameter value", V8, P8, "ca.example; a=", "ca.example", [["a", ""]])
v_ok("two empty parameter values", V8, P8, "ca.example; a=; b=", "ca.example", [["a", ""], ["b", ""]])
v_ok("'=' inside a value (0x3D is in %x3C-7E)", V8, P8, "ca.example; a==b", "ca.example", [["a", "=b"]])
v_ok("hyphenated parameter tag (allowed by RFC 8659, §7)", V8, P8, "ca.example; a-b=1", "ca.example", [["a-b", "1"]])
v_ok("a run of hyphens inside a parameter tag", V8, P8, "ca.example; a--b=1", "ca.example", [["a--b", "1"]])
v_ok("all-digit parameter tag", V8, P8, "ca.example; 1=2", "ca.example", [["1", "2"]])
v_ok("parameters with an empty issuer", V8 + E, P8, "; a=1", "", [["a", "1"]])
v_ok("RFC 8657 accounturi counted", V8 + ["AccountUri"], P8, "ca.example; accounturi=https://ca.example/acct/1", "ca.example", [["accounturi", "https://ca.example/acct/1"]], acct=1, meth=0)
v_ok("AccountURI counts as accounturi (case-insensitive parameter tags); the tag is reported as written", V8 + ["ParamCase"], P8, "ca.example; AccountURI=https://ca.example/acct/1", "ca.example", [["AccountURI", "https://ca.example/acct/1"]], acct=1, meth=0)
v_ok("validationmethods counted", V8 + ["Methods"], P8, "ca.example; validationmethods=dns-01,http-01", "ca.example", [["validationmethods", "dns-01,http-01"]], acct=0, meth=1)
v_ok("two accounturi parameters are still in the grammar (the decision makes them unsatisfiable)", V8 + ["AccountUri"], P8, "ca.example; accounturi=a; ACCOUNTURI=b", "ca.example", [["accounturi", "a"], ["ACCOUNTURI", "b"]], acct=2, meth=0)
v_ok("value octets across the allowed ranges (: / ? & ~ \" \\\\)", V8, P8, 'ca.example; x=a:b/c?d&e~f"g\\h', "ca.example", [["x", 'a:b/c?d&e~f"g\\h']])
v_ok("A-label issuer (interior '--' allowed by the label production)", V8 + ["Idn"], P8, "xn--caf-dma.example", "xn--caf-dma.example", [])
v_ok("all-digit labels", V8, P8, "1.2.3.4", "1.2.3.4", [])
v_ok("single-label issuer", V8, P8, "a", "a", [])
v_ok("interior hyphen runs in an issuer label", V8 + ["IssuerShape"], P8, "a--b.ex-ample", "a--b.ex-ample", [])
v_ok("issuer case is kept as written (compared case-insensitively by the decision)", V8 + ["IssuerCase"], P8, "CA.Example", "CA.Example", [])
v_ok("a 64-octet label: the ABNF has no length limit, so it is in the grammar", V8 + ["SpecSilent"], P8, "a" * 64 + ".example", "a" * 64 + ".example", [])
v_ok("RFC 6844 §3 example with account=230123 (also valid under RFC 8659)", V8 + ["RfcExample"], P8, "ca.example.net; account=230123", "ca.example.net", [["account", "230123"]])
# --- rfc8659, invalid
v_bad("RFC 8659 §4.2 malformed example '%%%%%': no issuer label can start with '%'", V8 + ["MalformedValue", "RfcExample"], P8, "%%%%%", "bad-issuer", 0)
v_bad("trailing dot: 'ca.example.' is a viable prefix ('ca.example.x'), the value ends in it: errorOffset = length 11", V8 + ["TrailingDot", "IssuerShape"], P8, "ca.example.", "bad-issuer", 11)
v_bad("leading dot", V8 + ["IssuerShape"], P8, ".ca.example", "bad-issuer", 0)
v_bad("empty label: second '.' at 3", V8 + ["IssuerShape"], P8, "ca..example", "bad-issuer", 3)
v_bad("leading hyphen", V8 + ["IssuerShape"], P8, "-ca.example", "bad-issuer", 0)
v_bad("label ending in a hyphen: 'ca-' is viable, the '.' at 3 is not", V8 + ["IssuerShape"], P8, "ca-.example", "bad-issuer", 3)
v_bad("label starting with a hyphen after a dot: '-' at 3", V8 + ["IssuerShape"], P8, "ca.-example", "bad-issuer", 3)
v_bad("issuer ending in a hyphen: errorOffset = length 11", V8 + ["IssuerShape"], P8, "ca.example-", "bad-issuer", 11)
v_bad("underscore in the issuer: '_' at 2", V8 + ["IssuerShape"], P8, "ca_1.example", "bad-issuer", 2)
v_bad("wildcard label '*' at 0", V8 + ["IssuerShape"], P8, "*.ca.example", "bad-issuer", 0)
v_bad("a URL, not an issuer-domain-name: ':' at 5", V8 + ["IssuerShape"], P8, "https://ca.example", "bad-issuer", 5)
v_bad("'issuedomainname:godaddy.com' (GoDaddy 2024): ':' at 15", V8 + ["IssuerShape", "IssuerSubstring"], P8, "issuedomainname:godaddy.com", "bad-issuer", 15)
v_bad("a parameter with no ';' before it is read as the issuer: '=' at 10", V8 + ["IssuerShape"], P8, "accounturi=https://ca.example/acct/1", "bad-issuer", 10)
v_bad("'\"' after the issuer: at 10", V8 + ["IssuerShape"], P8, 'ca.example"', "bad-issuer", 10)
v_bad("a blank where a label must start is not 'control' (HTAB is a blank): bad-issuer at 3", V8 + ["IssuerShape", "ValueBytes", "SpecSilent"], P8, b"ca.\texample", "bad-issuer", 3)
v_bad("U-label issuer 'ca.exämple' (valid UTF-8): first octet of 'ä' (c3) at 5", V8 + ["Idn", "ValueBytes"], P8, "ca.exämple", "non-ascii", 5)
v_bad("invalid UTF-8 octet 0xff at 5", V8 + ["ValueBytes"], P8, b"ca.ex\xffmple", "non-ascii", 5)
v_bad("an earlier grammar failure wins over a later non-ASCII octet: '.' at 3", V8 + ["ValueBytes", "IssuerShape", "SpecSilent"], P8, "ca..exämple", "bad-issuer", 3)
v_bad("NUL after the issuer at 10", V8 + ["ValueBytes"], P8, b"ca.example\x00", "control", 10)
v_bad("NUL alone", V8 + ["ValueBytes"], P8, b"\x00", "control", 0)
v_bad("DEL (0x7f) inside the issuer at 6", V8 + ["ValueBytes"], P8, b"ca.exa\x7fmple", "control", 6)
v_bad("line feed after the issuer at 10", V8 + ["ValueBytes"], P8, b"ca.example\n", "control", 10)
v_bad("two words: blank after 'ca' then 'e' at 3 where only blank, ';' or the end may follow", V8, P8, "ca example", "unexpected", 3)
v_bad("text after the issuer without ';': 'x' at 11", V8, P8, "ca.example x", "unexpected", 11)
v_bad("blank then '.': at 3", V8, P8, "ca .example", "unexpected", 3)
v_bad("';' after the last parameter and nothing after it: reported at that ';' (15)", V8 + ["TrailingSemicolon"], P8, "ca.example; a=1;", "trailing-semicolon", 15)
v_bad("';' and a blank after the last parameter: reported at that ';' (15)", V8 + ["TrailingSemicolon"], P8, "ca.example; a=1; ", "trailing-semicolon", 15)
v_bad("blank, ';', blank after the last parameter: reported at that ';' (16)", V8 + ["TrailingSemicolon"], P8, "ca.example; a=1 ; ", "trailing-semicolon", 16)
v_bad("';;' after the issuer: the second ';' at 11", V8 + ["TrailingSemicolon"], P8, "ca.example;;", "trailing-semicolon", 11)
v_bad("';;' between parameters: the second ';' at 16", V8 + ["TrailingSemicolon"], P8, "ca.example; a=1;; b=2", "trailing-semicolon", 16)
v_bad("';;' alone: second ';' at 1", V8 + ["TrailingSemicolon"], P8, ";;", "trailing-semicolon", 1)
v_bad("blank inside a value: '2' at 16 after 'a=1 '", V8, P8, "ca.example; a=1 2", "bad-param-value", 16)
v_bad("two parameters separated by a blank (the RFC 6844 way): 'b' at 16", V8 + ["Value6844"], P8, "ca.example; a=1 b=2", "bad-param-value", 16)
v_bad("tab inside a value: 'c' at 16", V8 + ["ValueBytes"], P8, b"ca.example; a=b\tc", "bad-param-value", 16)
v_bad("parameter tag starting with '-': at 12", V8, P8, "ca.example; -a=1", "bad-param-tag", 12)
v_bad("parameter tag ending with '-': 'a-' viable, '=' at 14 not", V8, P8, "ca.example; a-=1", "bad-param-tag", 14)
v_bad("underscore in a parameter tag: at 13", V8, P8, "ca.example; a_b=1", "bad-param-tag", 13)
v_bad("'=' with no tag: at 12", V8, P8, "ca.example; =1", "bad-param-tag", 12)
v_bad("parameter tag with no '=' at the end: errorOffset = length 13", V8, P8, "ca.example; a", "param-no-equals", 13)
v_bad("tag followed by a blank and another word: 'b' at 14", V8, P8, "ca.example; a b=1", "param-no-equals", 14)
v_bad("tag followed by ';': at 13", V8, P8, "ca.example; a;b=1", "param-no-equals", 13)
v_bad("'a=b;c' is two parameters under RFC 8659 and 'c' has no '=': errorOffset = length 17", V8 + ["Value6844"], P8, "ca.example; a=b;c", "param-no-equals", 17)
v_bad("NUL inside a parameter value at 15", V8 + ["ValueBytes"], P8, b"ca.example; a=1\x00", "control", 15)
v_bad("UTF-8 'é' in a parameter value at 14", V8 + ["ValueBytes"], P8, "ca.example; a=é", "non-ascii", 14)
# --- rfc6844-e5065, valid
v_ok("empty value", V6 + E, P6, "", "", [])
v_ok("';' alone", V6 + E, P6, ";", "", [])
v_ok("plain issuer", V6, P6, "ca.example", "ca.example", [])
v_ok("issuer and ';'", V6, P6, "ca.example;", "ca.example", [])
v_ok("issuer, ';', blank", V6, P6, "ca.example; ", "ca.example", [])
v_ok("blank-separated parameters", V6, P6, "ca.example; a=1 b=2", "ca.example", [["a", "1"], ["b", "2"]])
v_ok("tab-separated parameters", V6, P6, b"ca.example; a=1\tb=2", "ca.example", [["a", "1"], ["b", "2"]])
v_ok("';' inside a value (VCHAR): 'a=1;' is one parameter with value '1;'", V6 + ["TrailingSemicolon"], P6, "ca.example; a=1;", "ca.example", [["a", "1;"]])
v_ok("'a=b;c=d' is one parameter: a value runs to the next blank (greedy)", V6 + ["SpecSilent"], P6, "ca.example; a=b;c=d", "ca.example", [["a", "b;c=d"]])
v_ok("no blank after ';'", V6, P6, "ca.example;a=1", "ca.example", [["a", "1"]])
v_ok("RFC 6844 §3 example policy=ev", V6 + ["RfcExample"], P6, "ca.example.net; policy=ev", "ca.example.net", [["policy", "ev"]])
v_ok("RFC 6844 §3 example account=230123", V6 + ["RfcExample"], P6, "ca.example.net; account=230123", "ca.example.net", [["account", "230123"]])
v_ok("accounturi is alphanumeric, so a legal RFC 6844 tag", V6 + ["AccountUri"], P6, "ca.example; accounturi=https://ca.example/acct/1", "ca.example", [["accounturi", "https://ca.example/acct/1"]], acct=1, meth=0)
v_ok("empty value", V6, P6, "ca.example; a=", "ca.example", [["a", ""]])
v_ok("blank before ';'", V6, P6, "ca.example ; a=1", "ca.example", [["a", "1"]])
v_ok("trailing blank after the last parameter", V6, P6, "ca.example; a=1 ", "ca.example", [["a", "1"]])
v_ok("parameters with an empty issuer", V6 + E, P6, "; a=1", "", [["a", "1"]])
v_ok("'=' inside a value", V6, P6, "ca.example; a==b", "ca.example", [["a", "=b"]])
# --- rfc6844-e5065, invalid
v_bad("hyphenated parameter tag (RFC 6844: tag = 1*(ALPHA / DIGIT)): '-' at 19", V6, P6, "ca.example; account-uri=https://ca.example/acct/1", "bad-param-tag", 19)
v_bad("blank before '=' (RFC 6844: parameter = tag \"=\" value): at 13", V6, P6, "ca.example; a = 1", "param-no-equals", 13)
v_bad("blank then ';' after a parameter: ';' cannot start a tag, at 16", V6 + ["TrailingSemicolon"], P6, "ca.example; a=1 ;", "trailing-semicolon", 16)
v_bad("';;': the second ';' at 11 (same code as rfc8659)", V6 + ["TrailingSemicolon", "SpecSilent"], P6, "ca.example;;", "trailing-semicolon", 11)
v_bad("'a=1 2': '2' starts a tag that never gets '=': errorOffset = length 17", V6, P6, "ca.example; a=1 2", "param-no-equals", 17)
v_bad("tag with no '=': errorOffset = length 13", V6, P6, "ca.example; a", "param-no-equals", 13)
v_bad("underscore in a parameter tag at 13", V6, P6, "ca.example; a_b=1", "bad-param-tag", 13)
v_bad("tag starting with '-' at 12", V6, P6, "ca.example; -a=1", "bad-param-tag", 12)
v_bad("trailing dot: errorOffset = length 11", V6 + ["TrailingDot"], P6, "ca.example.", "bad-issuer", 11)
v_bad("'%%%%%' at 0", V6 + ["MalformedValue"], P6, "%%%%%", "bad-issuer", 0)
v_bad("U-label at 5", V6 + ["Idn", "ValueBytes"], P6, "ca.exämple", "non-ascii", 5)
v_bad("NUL in a value at 14", V6 + ["ValueBytes"], P6, b"ca.example; a=\x00", "control", 14)
v_bad("text after the issuer without ';': 'x' at 11", V6, P6, "ca.example x", "unexpected", 11)

# ================================================================== CaaMethodsTest
def m(comment, flags, value, method, result):
    add("CaaMethodsTest", comment, flags, {"value": value, "method": method}, result)


M = ["Methods"]
m("single label, same method", M, "dns-01", "dns-01", "match")
m("second label of two", M, "dns-01,http-01", "http-01", "match")
m("not listed", M, "dns-01,http-01", "tls-alpn-01", "no-match")
m("labels compared case-insensitively", M, "DNS-01", "dns-01", "match")
m("request method in upper case", M, "http-01", "HTTP-01", "match")
m("empty list: well-formed, matches nothing (RFC 8657 §4: zero or more labels)", M, "", "dns-01", "no-match")
m("a prefix of a label does not match", M, "dns-01", "dns", "no-match")
m("a label that is a prefix of the method does not match", M, "dns", "dns-01", "no-match")
m("CA-specific label (RFC 8657 §4: 'ca-' prefix)", M, "ca-tbr-7", "ca-tbr-7", "match")
m("a label may be only hyphens (1*(ALPHA / DIGIT / \"-\"))", M, "-", "-", "match")
m("trailing comma: malformed", M, "dns-01,", "dns-01", "malformed")
m("leading comma: malformed", M, ",dns-01", "dns-01", "malformed")
m("empty label between commas: malformed even though the method is listed", M, "dns-01,,http-01", "dns-01", "malformed")
m("underscore: malformed", M, "dns_01", "dns_01", "malformed")
m("a blank is not a label character", M, "dns-01, http-01", "http-01", "malformed")
m("';' inside (possible under RFC 6844 values): malformed", M, "dns-01;http-01", "dns-01", "malformed")
m("no method named by the request: never matches", M + ["SpecSilent"], "dns-01", "", "no-match")
m("the same label twice: well-formed", M, "dns-01,dns-01", "dns-01", "match")

# ================================================================== CaaIodefTest
def io(comment, flags, value, result):
    inp = {"value": b(value).decode("ascii")} if printable(value) else {"valueHex": hexs(value)}
    add("CaaIodefTest", comment, flags, inp, result)


O = ["Iodef"]
io("RFC 8659 §4.4 mailto example", O + ["RfcExample"], "mailto:security@example.com", "mailto")
io("RFC 8659 §4.4 https example", O + ["RfcExample"], "https://iodef.example.com/", "https")
io("http", O, "http://iodef.example.com/", "http")
io("scheme is case-insensitive (RFC 3986 §3.1)", O, "MAILTO:security@example.com", "mailto")
io("HTTPS upper case", O, "HTTPS://iodef.example.com/", "https")
io("another scheme: reported as other", O, "ftp://iodef.example.com/", "other")
io("a scheme with '+' (RFC 3986 scheme characters)", O, "web+iodef:report", "other")
io("'https' is not a prefix match: 'httpsx:' is another scheme", O, "httpsx://iodef.example.com/", "other")
io("no scheme", O, "security@example.com", "malformed")
io("empty value", O, "", "malformed")
io("empty scheme", O, ":security@example.com", "malformed")
io("scheme must start with a letter", O, "1http://iodef.example.com/", "malformed")
io("'mailto' without ':'", O, "mailto", "malformed")
io("blank inside: outside URL text", O + ["SpecSilent"], "https://iodef.example.com/a b", "malformed")
io("non-ASCII octets: outside URL text", O + ["SpecSilent"], "mailto:sécurité@example.com", "malformed")
io("NUL: outside URL text", O + ["SpecSilent"], b"mailto:a\x00@example.com", "malformed")

# ================================================================== CaaDecisionTest
CA = {"issuerDomainNames": ["ca.example"]}
ACC1 = "https://ca.example/acct/1"
ACC2 = "https://ca.example/acct/2"
C8657 = {"issuerDomainNames": ["ca.example"], "rfc8657": True, "accountUri": ACC1, "validationMethod": "dns-01"}
PERMIT_REASONS = {"no-records", "no-issue-property", "issuer-permits"}
DENY_REASONS = {"rdata-malformed", "unknown-critical", "not-authorized", "too-many-records"}
# verdict names (spec/caa-formats.md)
PER, RDM, UCR, UTG, NEU, IGN, SHD, MAL, EMP, MIS = ("permits", "rdata-malformed", "unknown-critical", "unknown-tag", "neutral",
                                                    "issuewild-ignored", "issue-shadowed", "malformed-value", "empty-issuer", "issuer-mismatch")
AMI, ADU, MMI, MMA, MDU = "accounturi-mismatch", "accounturi-duplicate", "methods-mismatch", "methods-malformed", "methods-duplicate"


def d(comment, flags, records, result, reason, verdicts=None, wildcard=False, ca=None, profile=P8, permit=None):
    # Consistency checks between hand-written pieces (no derivation):
    assert (result == "permit") == (reason in PERMIT_REASONS) and reason in PERMIT_REASONS | DENY_REASONS
    assert (reason == "issuer-permits") == (permit is not None)
    if verdicts is not None:
        assert len(verdicts) == len(records), comment
        if permit is not None:
            assert verdicts[permit] == PER and PER not in verdicts[:permit], comment
    inp = {"profile": profile, "ca": ca if ca is not None else CA, "wildcard": wildcard, "records": records}
    exp = {}
    if permit is not None:
        exp["permitIndex"] = permit
    if verdicts is not None:
        exp["verdicts"] = verdicts
    add("CaaDecisionTest", comment, flags, inp, result, [reason], exp)


CA1 = {"issuerDomainNames": ["ca1.example.net"]}
CA2 = {"issuerDomainNames": ["ca2.example.org"]}
CA3 = {"issuerDomainNames": ["ca3.example.com"]}
MAIL = "mailto:security@example.com"
# --- basics
d("empty relevant set", ["EmptySet"], [], "permit", "no-records", [])
d("empty set, wildcard request", ["EmptySet"], [], "permit", "no-records", [], wildcard=True)
d("our issuer", ["Value8659"], [I("ca.example")], "permit", "issuer-permits", [PER], permit=0)
d("another issuer only", ["Value8659"], [I("other.example")], "deny", "not-authorized", [MIS])
d("RFC 8659 §4.2 nocerts: issue \";\"", ["EmptyIssuer", "RfcExample"], [I(";")], "deny", "not-authorized", [EMP])
d("empty value: empty issuer", ["EmptyIssuer"], [I("")], "deny", "not-authorized", [EMP])
d("RFC 8659 §4.2 malformed example '%%%%%' forbids issuance", ["MalformedValue", "RfcExample"], [I("%%%%%")], "deny", "not-authorized", [MAL])
d("only iodef: does not restrict (RFC 8659 §3)", ["NoIssueProperty", "Iodef"], [IO()], "permit", "no-issue-property", [NEU])
d("only an unknown non-critical tag", ["NoIssueProperty"], [X("tbs")], "permit", "no-issue-property", [UTG])
d("iodef and an unknown non-critical tag", ["NoIssueProperty"], [IO(), X("tbs")], "permit", "no-issue-property", [NEU, UTG])
d("only an unknown critical tag", ["CriticalUnknown"], [X("tbs", f=128)], "deny", "unknown-critical", [UCR])
d("RFC 8659 §4.5 example (new.example.com): ca1 beside 128 tbs \"Unknown\" may not issue", ["CriticalUnknown", "RfcExample"], [I("ca1.example.net"), X("tbs", f=128)], "deny", "unknown-critical", [PER, UCR], ca=CA1)
d("unknown critical listed first, permitting issue second", ["CriticalUnknown"], [X("tbs", f=128), I("ca.example")], "deny", "unknown-critical", [UCR, PER])
d("critical issue naming us: no further effect", ["CriticalKnown"], [I("ca.example", 128)], "permit", "issuer-permits", [PER], permit=0)
d("critical issue naming another CA", ["CriticalKnown"], [I("other.example", 128)], "deny", "not-authorized", [MIS])
d("two critical issue records, second ours (Let's Encrypt 2016: critical check must not depend on the issuer)", ["CriticalKnown", "Additive"], [I("other.example", 128), I("ca.example", 128)], "permit", "issuer-permits", [MIS, PER], permit=1)
d("critical iodef alone: no effect (Boulder PR 6921)", ["CriticalKnown", "NoIssueProperty"], [IO(f=128)], "permit", "no-issue-property", [NEU])
d("critical iodef beside our issue", ["CriticalKnown"], [IO(f=128), I("ca.example")], "permit", "issuer-permits", [NEU, PER], permit=1)
d("critical issuewild on a non-wildcard request: ignored", ["CriticalKnown", "IssuewildIgnored"], [W("other.example", 128)], "permit", "no-issue-property", [IGN])
d("flags 1 on an unknown tag: reserved bit, ignored", ["Flag1"], [X("tbs", f=1)], "permit", "no-issue-property", [UTG])
d("flags 1 on an unknown tag with flag1Critical", ["Flag1"], [X("tbs", f=1)], "deny", "unknown-critical", [UCR], ca={"issuerDomainNames": ["ca.example"], "flag1Critical": True})
d("flags 1 on an unknown tag beside our issue, without the option", ["Flag1"], [I("ca.example"), X("tbs", f=1)], "permit", "issuer-permits", [PER, UTG], permit=0)
d("flags 1 on an unknown tag beside our issue, with flag1Critical", ["Flag1"], [I("ca.example"), X("tbs", f=1)], "deny", "unknown-critical", [PER, UCR], ca={"issuerDomainNames": ["ca.example"], "flag1Critical": True})
d("flags 1 on our issue with flag1Critical: a recognised tag, no effect", ["Flag1", "CriticalKnown"], [I("ca.example", 1)], "permit", "issuer-permits", [PER], ca={"issuerDomainNames": ["ca.example"], "flag1Critical": True}, permit=0)
d("flags 126 (bits 1-6): reserved, ignored even with flag1Critical", ["Flag1", "Flags"], [X("tbs", f=126)], "permit", "no-issue-property", [UTG], ca={"issuerDomainNames": ["ca.example"], "flag1Critical": True})
d("flags 127 with flag1Critical: bit value 1 is set", ["Flag1", "Flags"], [X("tbs", f=127)], "deny", "unknown-critical", [UCR], ca={"issuerDomainNames": ["ca.example"], "flag1Critical": True})
d("flags 127 without the option: not critical", ["Flags"], [X("tbs", f=127)], "permit", "no-issue-property", [UTG])
d("flags 129: critical", ["Flags", "CriticalUnknown"], [X("tbs", f=129)], "deny", "unknown-critical", [UCR])
d("flags 255 on an unknown tag", ["Flags", "CriticalUnknown"], [X("tbs", f=255)], "deny", "unknown-critical", [UCR])
d("flags 255 on our issue", ["Flags", "CriticalKnown"], [I("ca.example", 255)], "permit", "issuer-permits", [PER], permit=0)
d("flags 128 on 'flag1Critical: false' explicit", ["Flags", "CriticalUnknown"], [X("tbs", f=128)], "deny", "unknown-critical", [UCR], ca={"issuerDomainNames": ["ca.example"], "flag1Critical": False})
# --- recognised tags
CAM = {"issuerDomainNames": ["ca.example"], "recognizedTags": ["issuemail"]}
d("critical issuemail, not recognised: denies", ["RecognizedTags", "CriticalUnknown"], [X("issuemail", "ca.example", 128)], "deny", "unknown-critical", [UCR])
d("critical issuemail, recognised: neutral", ["RecognizedTags"], [X("issuemail", "ca.example", 128)], "permit", "no-issue-property", [NEU], ca=CAM)
d("critical IssueMail, recognised as issuemail (case-insensitive)", ["RecognizedTags", "TagCase"], [X("IssueMail", "ca.example", 128)], "permit", "no-issue-property", [NEU], ca=CAM)
d("recognised issuemail does not authorize certificate issuance: our issue still decides", ["RecognizedTags"], [X("issuemail", "ca.example", 128), I("other.example")], "deny", "not-authorized", [NEU, MIS], ca=CAM)
d("recognised issuemail beside our issue", ["RecognizedTags"], [X("issuemail", "ca.example", 128), I("ca.example")], "permit", "issuer-permits", [NEU, PER], ca=CAM, permit=1)
d("our issue beside an unrecognised critical issuemail", ["RecognizedTags", "CriticalUnknown"], [I("ca.example"), X("issuemail", "ca.example", 128)], "deny", "unknown-critical", [PER, UCR])
d("contactemail non-critical, not recognised (BR Appendix A)", ["RecognizedTags"], [X("contactemail", "domainowner@example.com")], "permit", "no-issue-property", [UTG])
d("contactemail recognised", ["RecognizedTags"], [X("contactemail", "domainowner@example.com")], "permit", "no-issue-property", [NEU], ca={"issuerDomainNames": ["ca.example"], "recognizedTags": ["contactemail", "contactphone"]})
d("critical contactphone recognised (second configured tag)", ["RecognizedTags"], [X("contactphone", "+1 (555) 123-4567", 128)], "permit", "no-issue-property", [NEU], ca={"issuerDomainNames": ["ca.example"], "recognizedTags": ["contactemail", "contactphone"]})
d("recognising issuemail does not recognise tbs", ["RecognizedTags", "CriticalUnknown"], [X("issuemail", "x", 128), X("tbs", f=128)], "deny", "unknown-critical", [NEU, UCR], ca=CAM)
# --- tags
d("ISSUE naming another CA restricts (tag case)", ["TagCase"], [X("ISSUE", "other.example")], "deny", "not-authorized", [MIS])
d("Issue naming us", ["TagCase"], [X("Issue", "ca.example")], "permit", "issuer-permits", [PER], permit=0)
d("IssueWild naming us, wildcard request", ["TagCase"], [X("IssueWild", "ca.example")], "permit", "issuer-permits", [PER], wildcard=True, permit=0)
d("IODEF critical: neutral", ["TagCase", "CriticalKnown"], [X("IODEF", MAIL, 128)], "permit", "no-issue-property", [NEU])
d("tag 'issue\\0' (NUL): not issue, an unknown tag, so it does not restrict", ["TagChars"], [X(b"issue\x00", "other.example")], "permit", "no-issue-property", [UTG])
d("tag 'issue\\0' critical: an unknown critical property", ["TagChars", "CriticalUnknown"], [X(b"issue\x00", "other.example", 128)], "deny", "unknown-critical", [UCR])
d("tag 'issue-wild' is not issuewild and does not shadow issue", ["TagChars", "IssuewildShadows"], [I("ca.example"), X("issue-wild", "other.example")], "permit", "issuer-permits", [PER, UTG], wildcard=True, permit=0)
d("tag 'issue_' with our issuer does not authorize, our real issue does", ["TagChars"], [X("issue_", "other.example"), I("ca.example")], "permit", "issuer-permits", [UTG, PER], permit=1)
d("255-octet unknown tag, critical", ["TagLength", "CriticalUnknown"], [X("a" * 255, "x", 128)], "deny", "unknown-critical", [UCR])
# --- issuer matching
d("issuer in other case: 'CA.Example'", ["IssuerCase"], [I("CA.Example")], "permit", "issuer-permits", [PER], permit=0)
d("CA configured in upper case, record lower case", ["IssuerCase"], [I("ca.example")], "permit", "issuer-permits", [PER], ca={"issuerDomainNames": ["CA.EXAMPLE"]}, permit=0)
GD = {"issuerDomainNames": ["godaddy.com"]}
d("GoDaddy: exact issuer", ["IssuerSubstring"], [I("godaddy.com")], "permit", "issuer-permits", [PER], ca=GD, permit=0)
d("GoDaddy: 'godaddy.com.evil' contains the name but is another domain", ["IssuerSubstring"], [I("godaddy.com.evil")], "deny", "not-authorized", [MIS], ca=GD)
d("GoDaddy: 'evilgodaddy.com' ends with the name", ["IssuerSubstring"], [I("evilgodaddy.com")], "deny", "not-authorized", [MIS], ca=GD)
d("GoDaddy: 'issuedomainname:godaddy.com' is malformed (':'), never a match", ["IssuerSubstring", "MalformedValue"], [I("issuedomainname:godaddy.com")], "deny", "not-authorized", [MAL], ca=GD)
d("GoDaddy: a subdomain 'sub.godaddy.com' is another issuer", ["IssuerSubstring"], [I("sub.godaddy.com")], "deny", "not-authorized", [MIS], ca=GD)
d("GoDaddy: 'godaddy.co' is a prefix of the name", ["IssuerSubstring"], [I("godaddy.co")], "deny", "not-authorized", [MIS], ca=GD)
d("GoDaddy: 'GoDaddy.com' with an unknown parameter", ["IssuerSubstring", "IssuerCase", "ParamsUnknown"], [I("GoDaddy.com; x=y")], "permit", "issuer-permits", [PER], ca=GD, permit=0)
d("GoDaddy: 'godaddy' alone", ["IssuerSubstring"], [I("godaddy")], "deny", "not-authorized", [MIS], ca=GD)
d("trailing dot 'ca.example.' is malformed, never our issuer", ["TrailingDot"], [I("ca.example.")], "deny", "not-authorized", [MAL])
d("trailing dot beside a correct record", ["TrailingDot", "Additive"], [I("ca.example."), I("ca.example")], "permit", "issuer-permits", [MAL, PER], permit=1)
d("A-label issuer", ["Idn"], [I("xn--caf-dma.example")], "permit", "issuer-permits", [PER], ca={"issuerDomainNames": ["xn--caf-dma.example"]}, permit=0)
d("A-label issuer in upper case", ["Idn", "IssuerCase"], [I("XN--CAF-DMA.example")], "permit", "issuer-permits", [PER], ca={"issuerDomainNames": ["xn--caf-dma.example"]}, permit=0)
d("U-label issuer: malformed (non-ASCII), even if it names our CA's IDN", ["Idn", "ValueBytes"], [I("café.example")], "deny", "not-authorized", [MAL], ca={"issuerDomainNames": ["xn--caf-dma.example"]})
d("second of the CA's Issuer Domain Names", ["Value8659"], [I("ca.example.net")], "permit", "issuer-permits", [PER], ca={"issuerDomainNames": ["ca.example", "ca.example.net"]}, permit=0)
d("leading and trailing blanks around our issuer", ["Value8659"], [I("  ca.example  ")], "permit", "issuer-permits", [PER], permit=0)
d("our issuer followed by ';' and nothing", ["TrailingSemicolon"], [I("ca.example;")], "permit", "issuer-permits", [PER], permit=0)
d("our issuer with a trailing ';' after a parameter: malformed", ["TrailingSemicolon", "MalformedValue"], [I("ca.example; a=1;")], "deny", "not-authorized", [MAL])
d("our issuer with NUL after it: malformed", ["ValueBytes", "MalformedValue"], [I(b"ca.example\x00")], "deny", "not-authorized", [MAL])
d("our issuer followed by text: malformed", ["MalformedValue"], [I("ca.example x")], "deny", "not-authorized", [MAL])
d("a 300-octet value naming us", ["LongValue"], [I("ca.example; x=" + "y" * 287)], "permit", "issuer-permits", [PER], permit=0)
# --- additive
d("RFC 8659 §4.2 certs example, CA ca1", ["RfcExample", "Additive"], [I("ca1.example.net"), I("ca2.example.org")], "permit", "issuer-permits", [PER, MIS], ca=CA1, permit=0)
d("RFC 8659 §4.2 certs example, CA ca2", ["RfcExample", "Additive"], [I("ca1.example.net"), I("ca2.example.org")], "permit", "issuer-permits", [MIS, PER], ca=CA2, permit=1)
d("RFC 8659 §4.2 certs example, CA ca3", ["RfcExample"], [I("ca1.example.net"), I("ca2.example.org")], "deny", "not-authorized", [MIS, MIS], ca=CA3)
d("empty issuer plus ours: just ours (RFC 8659 §4.2)", ["Additive", "EmptyIssuer"], [I(";"), I("ca.example")], "permit", "issuer-permits", [EMP, PER], permit=1)
d("malformed plus ours", ["Additive", "MalformedValue"], [I("%%%%%"), I("ca.example")], "permit", "issuer-permits", [MAL, PER], permit=1)
d("ours plus malformed", ["Additive", "MalformedValue"], [I("ca.example"), I("%%%%%")], "permit", "issuer-permits", [PER, MAL], permit=0)
d("ours twice: the first permits", ["Additive", "Verdicts"], [I("ca.example"), I("ca.example")], "permit", "issuer-permits", [PER, PER], permit=0)
d("three foreign issuers", ["Additive"], [I("a.example"), I("b.example"), I("c.example")], "deny", "not-authorized", [MIS, MIS, MIS])
d("empty issuer, malformed and a foreign issuer", ["Additive", "Verdicts"], [I(";"), I("%%%%%"), I("other.example")], "deny", "not-authorized", [EMP, MAL, MIS])
d("ours beside an unknown non-critical tag", ["Additive"], [I("ca.example"), X("tbs")], "permit", "issuer-permits", [PER, UTG], permit=0)
d("unknown non-critical tag does not rescue a foreign issue", ["Additive"], [X("tbs"), I("other.example")], "deny", "not-authorized", [UTG, MIS])
d("iodef beside a foreign issue", ["Iodef"], [I("other.example"), IO()], "deny", "not-authorized", [MIS, NEU])
# --- rdata in set
d("an unreadable record (tag length 0) beside our issue", ["RdataInSet"], [raw(b"\x00\x00"), I("ca.example")], "deny", "rdata-malformed", [RDM, PER])
d("a truncated record alone", ["RdataInSet"], [raw(b"\x00")], "deny", "rdata-malformed", [RDM])
d("an empty RDATA alone", ["RdataInSet"], [raw(b"")], "deny", "rdata-malformed", [RDM])
d("a tag past the end after our issue", ["RdataInSet"], [I("ca.example"), raw(b"\x00\x06issue")], "deny", "rdata-malformed", [PER, RDM])
d("rdata-malformed ranks before unknown-critical", ["RdataInSet", "Verdicts", "CriticalUnknown"], [X("tbs", f=128), raw(b"\x80\x00")], "deny", "rdata-malformed", [UCR, RDM])
d("rdata-malformed ranks before not-authorized", ["RdataInSet", "Verdicts"], [I("other.example"), raw(b"\x00\x01")], "deny", "rdata-malformed", [MIS, RDM])
d("unknown-critical ranks before not-authorized", ["Verdicts", "CriticalUnknown"], [I("other.example"), X("tbs", f=128)], "deny", "unknown-critical", [MIS, UCR])
d("rdata-malformed in an otherwise iodef-only set", ["RdataInSet"], [IO(), raw(b"\x00\x00")], "deny", "rdata-malformed", [NEU, RDM])
d("a bad-char tag is readable, not rdata-malformed", ["TagChars", "Verdicts"], [X("is ue", "x"), I("ca.example")], "permit", "issuer-permits", [UTG, PER], permit=1)
# --- wildcard, RFC 8659 §4.3 examples
WILD = [I("ca1.example.net"), W("ca2.example.org")]
d("§4.3 wild: ca1 for wild.example.com", ["RfcExample", "IssuewildIgnored"], WILD, "permit", "issuer-permits", [PER, IGN], ca=CA1, permit=0)
d("§4.3 wild: not ca1 for *.wild.example.com", ["RfcExample", "IssuewildShadows"], WILD, "deny", "not-authorized", [SHD, MIS], wildcard=True, ca=CA1)
d("§4.3 wild: not ca2 for wild.example.com", ["RfcExample", "IssuewildIgnored"], WILD, "deny", "not-authorized", [MIS, IGN], ca=CA2)
d("§4.3 wild: ca2 for *.wild.example.com", ["RfcExample", "IssuewildShadows"], WILD, "permit", "issuer-permits", [SHD, PER], wildcard=True, ca=CA2, permit=1)
d("§4.3 wild: ca3 for *.wild.example.com", ["RfcExample", "IssuewildShadows"], WILD, "deny", "not-authorized", [SHD, MIS], wildcard=True, ca=CA3)
d("§4.3 wild2: ca1 for *.wild2.example.com (issue applies to wildcards without issuewild)", ["RfcExample"], [I("ca1.example.net")], "permit", "issuer-permits", [PER], wildcard=True, ca=CA1, permit=0)
d("§4.3 wild2: not ca2 for *.wild2.example.com", ["RfcExample"], [I("ca1.example.net")], "deny", "not-authorized", [MIS], wildcard=True, ca=CA2)
WILD3 = [W("ca2.example.org"), I(";")]
d("§4.3 wild3 (issuewild ca2, issue \";\"): ca2 for *.wild3.example.com", ["RfcExample", "IssuewildShadows"], WILD3, "permit", "issuer-permits", [PER, SHD], wildcard=True, ca=CA2, permit=0)
d("§4.3 wild3: no one for wild3.example.com, not even ca2", ["RfcExample", "IssuewildIgnored", "EmptyIssuer"], WILD3, "deny", "not-authorized", [IGN, EMP], ca=CA2)
d("§4.3 wild3: no one for wild3.example.com (ca1)", ["RfcExample", "IssuewildIgnored"], WILD3, "deny", "not-authorized", [IGN, EMP], ca=CA1)
d("§4.3 wild3: ca1 not for *.wild3.example.com", ["RfcExample", "IssuewildShadows"], WILD3, "deny", "not-authorized", [MIS, SHD], wildcard=True, ca=CA1)
d("§4.3 wild3 with only issuewild ca2: anyone for wild3.example.com (ca1)", ["RfcExample", "IssuewildIgnored", "NoIssueProperty"], [W("ca2.example.org")], "permit", "no-issue-property", [IGN], ca=CA1)
d("§4.3 wild3 with only issuewild ca2: ca2 for wild3.example.com too (nothing restricts)", ["RfcExample", "IssuewildIgnored", "NoIssueProperty"], [W("ca2.example.org")], "permit", "no-issue-property", [IGN], ca=CA2)
d("§4.3 wild3 with only issuewild ca2: not ca1 for *.wild3.example.com", ["RfcExample"], [W("ca2.example.org")], "deny", "not-authorized", [MIS], wildcard=True, ca=CA1)
d("§4.3 wild3 with only issuewild ca2: ca2 for *.wild3.example.com", ["RfcExample"], [W("ca2.example.org")], "permit", "issuer-permits", [PER], wildcard=True, ca=CA2, permit=0)
# --- wildcard, more
d("malformed issuewild shadows a good issue: wildcard denied", ["IssuewildShadows", "MalformedValue"], [I("ca.example"), W("%%%%%")], "deny", "not-authorized", [SHD, MAL], wildcard=True)
d("same set, non-wildcard: the issue applies", ["IssuewildIgnored"], [I("ca.example"), W("%%%%%")], "permit", "issuer-permits", [PER, IGN], permit=0)
d("issuewild \";\" forbids wildcards even with our issue", ["IssuewildShadows", "EmptyIssuer"], [I("ca.example"), W(";")], "deny", "not-authorized", [SHD, EMP], wildcard=True)
d("issuewild for another CA removes our wildcard issuance (the 'footgun')", ["IssuewildShadows"], [I("ca.example"), W("other.example")], "deny", "not-authorized", [SHD, MIS], wildcard=True)
d("two issuewild, the second ours", ["IssuewildShadows", "Additive"], [W("other.example"), W("ca.example")], "permit", "issuer-permits", [MIS, PER], wildcard=True, permit=1)
d("ISSUEWILD (upper case) shadows issue", ["IssuewildShadows", "TagCase"], [I("ca.example"), X("ISSUEWILD", "other.example")], "deny", "not-authorized", [SHD, MIS], wildcard=True)
d("critical issuewild naming us, wildcard", ["CriticalKnown"], [W("ca.example", 128)], "permit", "issuer-permits", [PER], wildcard=True, permit=0)
d("wildcard with neither issue nor issuewild (iodef only): not restricted", ["NoIssueProperty"], [IO()], "permit", "no-issue-property", [NEU], wildcard=True)
d("wildcard with an unknown non-critical tag only", ["NoIssueProperty"], [X("tbs")], "permit", "no-issue-property", [UTG], wildcard=True)
d("wildcard with an unknown critical tag beside our issuewild", ["CriticalUnknown"], [W("ca.example"), X("tbs", f=128)], "deny", "unknown-critical", [PER, UCR], wildcard=True)
d("wildcard, issue only, foreign", ["Value8659"], [I("other.example")], "deny", "not-authorized", [MIS], wildcard=True)
d("wildcard, issue only, ours", ["Value8659"], [I("ca.example")], "permit", "issuer-permits", [PER], wildcard=True, permit=0)
d("non-wildcard with only issuewild naming another CA", ["IssuewildIgnored", "NoIssueProperty"], [W("other.example")], "permit", "no-issue-property", [IGN])
d("non-wildcard with only a malformed issuewild", ["IssuewildIgnored", "NoIssueProperty"], [W("%%%%%")], "permit", "no-issue-property", [IGN])
d("non-wildcard: issuewild ours, issue foreign", ["IssuewildIgnored"], [W("ca.example"), I("other.example")], "deny", "not-authorized", [IGN, MIS])
d("wildcard: issuewild ours, issue foreign", ["IssuewildShadows"], [W("ca.example"), I("other.example")], "permit", "issuer-permits", [PER, SHD], wildcard=True, permit=0)
d("wildcard: issuewild ours beside a critical iodef", ["IssuewildShadows", "CriticalKnown"], [IO(f=128), I("other.example"), W("ca.example")], "permit", "issuer-permits", [NEU, SHD, PER], wildcard=True, permit=2)
d("an empty issuewild value is an empty issuer: it shadows our issue on a wildcard request", ["IssuewildShadows", "EmptyIssuer"], [I("ca.example"), W("")], "deny", "not-authorized", [SHD, EMP], wildcard=True)
d("issuewild with a trailing dot shadows our issue and names no one", ["IssuewildShadows", "TrailingDot"], [I("ca.example"), W("ca.example.")], "deny", "not-authorized", [SHD, MAL], wildcard=True)
d("an unknown critical tag denies a wildcard request that issuewild would permit", ["CriticalUnknown", "IssuewildShadows"], [X("tbs", f=128), I("other.example"), W("ca.example")], "deny", "unknown-critical", [UCR, SHD, PER], wildcard=True)
d("rdata-malformed on a wildcard request with issuewild ours", ["RdataInSet", "IssuewildShadows"], [W("ca.example"), raw(b"\x00\x00")], "deny", "rdata-malformed", [PER, RDM], wildcard=True)
# --- RFC 8657
d("accounturi equal to the request's account", ["AccountUri"], [I("ca.example; accounturi=" + ACC1)], "permit", "issuer-permits", [PER], ca=C8657, permit=0)
d("accounturi of another account", ["AccountUri"], [I("ca.example; accounturi=" + ACC2)], "deny", "not-authorized", [AMI], ca=C8657)
d("AccountURI (tag case) of another account: still a restriction", ["AccountUri", "ParamCase"], [I("ca.example; AccountURI=" + ACC2)], "deny", "not-authorized", [AMI], ca=C8657)
d("ACCOUNTURI (tag case) of our account", ["AccountUri", "ParamCase"], [I("ca.example; ACCOUNTURI=" + ACC1)], "permit", "issuer-permits", [PER], ca=C8657, permit=0)
d("accounturi value compared octet for octet: 'CA.example' in the URI differs", ["AccountUri"], [I("ca.example; accounturi=https://CA.example/acct/1")], "deny", "not-authorized", [AMI], ca=C8657)
d("two accounturi (both ours): unsatisfiable (RFC 8657 §3)", ["AccountUri"], [I("ca.example; accounturi=%s; accounturi=%s" % (ACC1, ACC1))], "deny", "not-authorized", [ADU], ca=C8657)
d("two accounturi differing in tag case: still a duplicate", ["AccountUri", "ParamCase"], [I("ca.example; accounturi=%s; AccountUri=%s" % (ACC1, ACC2))], "deny", "not-authorized", [ADU], ca=C8657)
d("request without an account URI never matches accounturi", ["AccountUri"], [I("ca.example; accounturi=" + ACC1)], "deny", "not-authorized", [AMI], ca={"issuerDomainNames": ["ca.example"], "rfc8657": True})
d("record without accounturi matches any account", ["AccountUri"], [I("ca.example")], "permit", "issuer-permits", [PER], ca=C8657, permit=0)
d("one record per account (RFC 8657 §3): the second is ours", ["AccountUri", "Additive"], [I("ca.example; accounturi=" + ACC2), I("ca.example; accounturi=" + ACC1)], "permit", "issuer-permits", [AMI, PER], ca=C8657, permit=1)
d("our account under another CA's issuer: issuer checked first", ["AccountUri"], [I("other.example; accounturi=" + ACC1)], "deny", "not-authorized", [MIS], ca=C8657)
d("empty accounturi value", ["AccountUri"], [I("ca.example; accounturi=")], "deny", "not-authorized", [AMI], ca=C8657)
d("'account-uri' (an old draft name) is an unknown parameter: ignored", ["ParamsUnknown", "AccountUri"], [I("ca.example; account-uri=" + ACC2)], "permit", "issuer-permits", [PER], ca=C8657, permit=0)
d("issuewild with our accounturi, wildcard", ["AccountUri", "IssuewildShadows"], [I("ca.example"), W("ca.example; accounturi=" + ACC2)], "deny", "not-authorized", [SHD, AMI], wildcard=True, ca=C8657)
d("validationmethods listing the request's method", ["MethodsDecision"], [I("ca.example; validationmethods=dns-01")], "permit", "issuer-permits", [PER], ca=C8657, permit=0)
d("validationmethods not listing it", ["MethodsDecision"], [I("ca.example; validationmethods=http-01")], "deny", "not-authorized", [MMI], ca=C8657)
d("validationmethods with two labels, the second ours", ["MethodsDecision"], [I("ca.example; validationmethods=http-01,dns-01")], "permit", "issuer-permits", [PER], ca=C8657, permit=0)
d("validationmethods label in upper case", ["MethodsDecision"], [I("ca.example; validationmethods=DNS-01")], "permit", "issuer-permits", [PER], ca=C8657, permit=0)
d("ValidationMethods (tag case) not listing it", ["MethodsDecision", "ParamCase"], [I("ca.example; ValidationMethods=http-01")], "deny", "not-authorized", [MMI], ca=C8657)
d("empty validationmethods: matches nothing", ["MethodsDecision"], [I("ca.example; validationmethods=")], "deny", "not-authorized", [MMI], ca=C8657)
d("malformed validationmethods (empty label) although it lists dns-01", ["MethodsDecision"], [I("ca.example; validationmethods=dns-01,,http-01")], "deny", "not-authorized", [MMA], ca=C8657)
d("malformed validationmethods (underscore)", ["MethodsDecision"], [I("ca.example; validationmethods=dns_01")], "deny", "not-authorized", [MMA], ca=C8657)
d("two validationmethods parameters: unsatisfiable (spec decision; RFC 8657 silent)", ["MethodsDecision", "SpecSilent"], [I("ca.example; validationmethods=dns-01; validationmethods=dns-01")], "deny", "not-authorized", [MDU], ca=C8657)
d("request without a method never matches validationmethods", ["MethodsDecision"], [I("ca.example; validationmethods=dns-01")], "deny", "not-authorized", [MMI], ca={"issuerDomainNames": ["ca.example"], "rfc8657": True, "accountUri": ACC1})
d("CA-specific method label", ["MethodsDecision"], [I("ca.example; validationmethods=ca-tbr-7")], "permit", "issuer-permits", [PER], ca={"issuerDomainNames": ["ca.example"], "rfc8657": True, "validationMethod": "ca-tbr-7"}, permit=0)
d("accounturi ours, methods not ours: methods-mismatch", ["AccountUri", "MethodsDecision"], [I("ca.example; accounturi=%s; validationmethods=http-01" % ACC1)], "deny", "not-authorized", [MMI], ca=C8657)
d("accounturi not ours and methods not ours: accounturi reported first", ["AccountUri", "MethodsDecision", "SpecSilent"], [I("ca.example; accounturi=%s; validationmethods=http-01" % ACC2)], "deny", "not-authorized", [AMI], ca=C8657)
d("accounturi duplicate and methods duplicate: accounturi reported first", ["AccountUri", "MethodsDecision", "SpecSilent"], [I("ca.example; accounturi=a; accounturi=b; validationmethods=x; validationmethods=y")], "deny", "not-authorized", [ADU], ca=C8657)
d("methods duplicate before malformed: duplicate reported", ["MethodsDecision", "SpecSilent"], [I("ca.example; validationmethods=dns_01; validationmethods=dns-01")], "deny", "not-authorized", [MDU], ca=C8657)
d("both ours", ["AccountUri", "MethodsDecision"], [I("ca.example; accounturi=%s; validationmethods=dns-01,http-01" % ACC1)], "permit", "issuer-permits", [PER], ca=C8657, permit=0)
d("verdict per record across the RFC 8657 outcomes", ["AccountUri", "MethodsDecision", "Verdicts"], [I("ca.example; accounturi=" + ACC2), I("ca.example; validationmethods=http-01"), I("ca.example; validationmethods=,"), I("other.example; accounturi=" + ACC1), I("ca.example; validationmethods=dns-01")], "permit", "issuer-permits", [AMI, MMI, MMA, MIS, PER], ca=C8657, permit=4)
d("an unknown parameter beside our accounturi", ["AccountUri", "ParamsUnknown"], [I("ca.example; policy=ev; accounturi=" + ACC1)], "permit", "issuer-permits", [PER], ca=C8657, permit=0)
# params ignored without the option
d("without rfc8657: accounturi of another account is ignored", ["ParamsUnknown"], [I("ca.example; accounturi=" + ACC2)], "permit", "issuer-permits", [PER], ca={"issuerDomainNames": ["ca.example"], "accountUri": ACC1}, permit=0)
d("without rfc8657 (explicit false): validationmethods not listing the method is ignored", ["ParamsUnknown"], [I("ca.example; validationmethods=http-01")], "permit", "issuer-permits", [PER], ca={"issuerDomainNames": ["ca.example"], "rfc8657": False, "validationMethod": "dns-01"}, permit=0)
d("without rfc8657: duplicate accounturi ignored", ["ParamsUnknown"], [I("ca.example; accounturi=a; accounturi=b")], "permit", "issuer-permits", [PER], permit=0)
d("without rfc8657: malformed validationmethods ignored (the value is still in the §4.2 grammar)", ["ParamsUnknown"], [I("ca.example; validationmethods=dns-01,,x")], "permit", "issuer-permits", [PER], permit=0)
d("with rfc8657: policy=ev ignored", ["ParamsUnknown"], [I("ca.example.net; policy=ev")], "permit", "issuer-permits", [PER], ca={"issuerDomainNames": ["ca.example.net"], "rfc8657": True, "accountUri": ACC1, "validationMethod": "dns-01"}, permit=0)
# --- rfc6844-e5065 profile
d("blank-separated parameters: valid under RFC 6844", ["Profile6844"], [I("ca.example; a=1 b=2")], "permit", "issuer-permits", [PER], profile=P6, permit=0)
d("same record under rfc8659: malformed", ["Profile6844", "MalformedValue"], [I("ca.example; a=1 b=2")], "deny", "not-authorized", [MAL])
d("'a=1;' under RFC 6844: ';' inside a value", ["Profile6844"], [I("ca.example; a=1;")], "permit", "issuer-permits", [PER], profile=P6, permit=0)
d("'a=b;c' under RFC 6844: one value", ["Profile6844"], [I("ca.example; a=b;c")], "permit", "issuer-permits", [PER], profile=P6, permit=0)
d("'a=b;c' under rfc8659: 'c' has no '='", ["Profile6844", "MalformedValue"], [I("ca.example; a=b;c")], "deny", "not-authorized", [MAL])
d("hyphenated parameter tag under RFC 6844: malformed", ["Profile6844", "MalformedValue"], [I("ca.example; account-uri=x")], "deny", "not-authorized", [MAL], profile=P6)
d("hyphenated parameter tag under rfc8659: fine", ["Profile6844", "ParamsUnknown"], [I("ca.example; account-uri=x")], "permit", "issuer-permits", [PER], permit=0)
d("blanks around '=' under RFC 6844: malformed", ["Profile6844", "MalformedValue"], [I("ca.example; a = 1")], "deny", "not-authorized", [MAL], profile=P6)
d("blanks around '=' under rfc8659: fine", ["Profile6844"], [I("ca.example; a = 1")], "permit", "issuer-permits", [PER], permit=0)
d("RFC 6844: issue \";\" denies", ["Profile6844", "EmptyIssuer"], [I(";")], "deny", "not-authorized", [EMP], profile=P6)
d("RFC 6844: only iodef does not restrict (Ballot 219 / spec decision for the whole profile)", ["Profile6844", "NoIssueProperty"], [IO()], "permit", "no-issue-property", [NEU], profile=P6)
d("RFC 6844: unknown critical denies", ["Profile6844", "CriticalUnknown"], [I("ca.example"), X("tbs", f=128)], "deny", "unknown-critical", [PER, UCR], profile=P6)
d("RFC 6844: issuewild shadows issue", ["Profile6844", "IssuewildShadows"], [I("ca.example"), W("other.example")], "deny", "not-authorized", [SHD, MIS], wildcard=True, profile=P6)
d("RFC 6844: malformed plus ours", ["Profile6844", "Additive"], [I("%%%%%"), I("ca.example")], "permit", "issuer-permits", [MAL, PER], profile=P6, permit=1)
d("RFC 6844: policy=ev example", ["Profile6844", "RfcExample"], [I("ca.example.net; policy=ev")], "permit", "issuer-permits", [PER], ca={"issuerDomainNames": ["ca.example.net"]}, profile=P6, permit=0)
d("RFC 6844: trailing dot", ["Profile6844", "TrailingDot"], [I("ca.example.")], "deny", "not-authorized", [MAL], profile=P6)
d("RFC 6844: empty set", ["Profile6844", "EmptySet"], [], "permit", "no-records", [], profile=P6)
# --- capacity
d("64 records (the limit), ours last", ["Capacity", "Additive"], [I("other.example")] * 63 + [I("ca.example")], "permit", "issuer-permits", [MIS] * 63 + [PER], permit=63)
d("65 records: too-many-records, even though ours is first (verdicts not compared)", ["Capacity"], [I("ca.example")] + [I("other.example")] * 64, "deny", "too-many-records")

# ================================================================== CaaCertificateTest
def cert(comment, flags, zone, names, result, per, ca=None, profile=P8):
    # per: list of (name, result, reason, relevantOwner) written by hand
    assert [p[0] for p in per] == names
    ok = all(p[1] in ("permit", "onion-exempt") for p in per)
    assert (result == "permit") == ok, comment
    exp = {"names": [{"name": n, "result": r, "reason": why, "relevantOwner": own} for n, r, why, own in per]}
    add("CaaCertificateTest", comment, flags, {"profile": profile, "ca": ca if ca is not None else CA, "zone": zone, "names": names},
        result, [], exp)


def z(owner, *records):
    return {"owner": owner, "records": list(records)}


def zf(owner):
    return {"owner": owner, "failure": True}


ZONE = [
    z("example.com", I("ca.example")),
    z("restricted.example.com", I("other.example")),
    z("wild.example.com", I("ca.example"), W("other.example")),
    zf("broken.example.com"),
    z("open.restricted.example.com", IO()),
    z("sub.broken2.example.org", I("ca.example")),
    zf("broken2.example.org"),
    z("crit.example.net", X("tbs", f=128)),
    z("ok.crit.example.net", I("ca.example")),
    z("expyuzz4wqqyqhjn.onion", I("other.example")),
    z("test", I("other.example")),
    zf("failtld"),
]
R, MN = ["Relevant"], ["MultiName"]
cert("climb one label: www.example.com -> example.com", R, ZONE, ["www.example.com"], "permit", [("www.example.com", "permit", "issuer-permits", "example.com")])
cert("the name itself holds the set", R, ZONE, ["example.com"], "permit", [("example.com", "permit", "issuer-permits", "example.com")])
cert("X and *.X on the same set: two evaluations", MN, ZONE, ["example.com", "*.example.com"], "permit", [("example.com", "permit", "issuer-permits", "example.com"), ("*.example.com", "permit", "issuer-permits", "example.com")])
cert("wild.example.com permitted, *.wild.example.com denied by issuewild on the same set", MN + ["IssuewildShadows"], ZONE, ["wild.example.com", "*.wild.example.com"], "deny", [("wild.example.com", "permit", "issuer-permits", "wild.example.com"), ("*.wild.example.com", "deny", "not-authorized", "wild.example.com")])
cert("*.sub.wild.example.com: search starts at sub.wild.example.com (empty) and finds wild.example.com", R + ["IssuewildShadows"], ZONE, ["*.sub.wild.example.com"], "deny", [("*.sub.wild.example.com", "deny", "not-authorized", "wild.example.com")])
cert("climb two labels to a restricting set", R, ZONE, ["a.b.restricted.example.com"], "deny", [("a.b.restricted.example.com", "deny", "not-authorized", "restricted.example.com")])
cert("the nearer iodef-only set shadows the restricting ancestor", R + ["NoIssueProperty"], ZONE, ["x.open.restricted.example.com"], "permit", [("x.open.restricted.example.com", "permit", "no-issue-property", "open.restricted.example.com")])
cert("*.a.b.example.com starts at a.b.example.com and climbs to example.com", R, ZONE, ["*.a.b.example.com"], "permit", [("*.a.b.example.com", "permit", "issuer-permits", "example.com")])
cert("*.restricted.example.com uses restricted.example.com's set", R, ZONE, ["*.restricted.example.com"], "deny", [("*.restricted.example.com", "deny", "not-authorized", "restricted.example.com")])
cert("failure at the name itself, before any set", ["LookupFailure"], ZONE, ["broken.example.com"], "deny", [("broken.example.com", "lookup-failure", None, None)])
cert("failure at the parent, before any set", ["LookupFailure"], ZONE, ["x.broken.example.com"], "deny", [("x.broken.example.com", "lookup-failure", None, None)])
cert("failure above the found set does not matter", ["LookupFailure"], ZONE, ["sub.broken2.example.org"], "permit", [("sub.broken2.example.org", "permit", "issuer-permits", "sub.broken2.example.org")])
cert("below the found set, failure further up still irrelevant", ["LookupFailure"], ZONE, ["www.sub.broken2.example.org"], "permit", [("www.sub.broken2.example.org", "permit", "issuer-permits", "sub.broken2.example.org")])
cert("broken2.example.org itself fails", ["LookupFailure"], ZONE, ["broken2.example.org"], "deny", [("broken2.example.org", "lookup-failure", None, None)])
cert("failure at the TLD when nothing below has records", ["LookupFailure"], ZONE, ["a.failtld"], "deny", [("a.failtld", "lookup-failure", None, None)])
cert("one name fails, the other is permitted: the certificate is denied", MN + ["LookupFailure"], ZONE, ["www.example.com", "broken.example.com"], "deny", [("www.example.com", "permit", "issuer-permits", "example.com"), ("broken.example.com", "lookup-failure", None, None)])
cert("an unknown critical tag in a shadowed ancestor is never seen", R + ["CriticalUnknown"], ZONE, ["ok.crit.example.net"], "permit", [("ok.crit.example.net", "permit", "issuer-permits", "ok.crit.example.net")])
cert("the ancestor's own name meets it", R + ["CriticalUnknown"], ZONE, ["www.crit.example.net"], "deny", [("www.crit.example.net", "deny", "unknown-critical", "crit.example.net")])
cert("nothing anywhere: empty relevant set", R + ["EmptySet"], ZONE, ["www.example.org"], "permit", [("www.example.org", "permit", "no-records", None)])
cert("records at a TLD are found (the TLD is queried, the root is not)", R, ZONE, ["a.b.test"], "deny", [("a.b.test", "deny", "not-authorized", "test")])
cert("an Onion Domain Name is not checked, whatever its records say", ["Onion"], ZONE, ["expyuzz4wqqyqhjn.onion"], "permit", [("expyuzz4wqqyqhjn.onion", "onion-exempt", None, None)])
cert("onion name plus a permitted name", ["Onion"] + MN, ZONE, ["www.expyuzz4wqqyqhjn.onion", "example.com"], "permit", [("www.expyuzz4wqqyqhjn.onion", "onion-exempt", None, None), ("example.com", "permit", "issuer-permits", "example.com")])
cert("onion name plus a denied name", ["Onion"] + MN, ZONE, ["expyuzz4wqqyqhjn.onion", "restricted.example.com"], "deny", [("expyuzz4wqqyqhjn.onion", "onion-exempt", None, None), ("restricted.example.com", "deny", "not-authorized", "restricted.example.com")])
cert("three names, all permitted via different owners", MN + R, ZONE, ["www.example.com", "x.open.restricted.example.com", "www.example.org"], "permit", [("www.example.com", "permit", "issuer-permits", "example.com"), ("x.open.restricted.example.com", "permit", "no-issue-property", "open.restricted.example.com"), ("www.example.org", "permit", "no-records", None)])
cert("same zone under rfc6844-e5065: the search of the zone's own tree is the same", MN + ["Profile6844"], ZONE, ["www.example.com", "a.restricted.example.com"], "deny", [("www.example.com", "permit", "issuer-permits", "example.com"), ("a.restricted.example.com", "deny", "not-authorized", "restricted.example.com")], profile=P6)
cert("another CA on the same zone", MN, ZONE, ["restricted.example.com", "www.example.org"], "permit", [("restricted.example.com", "permit", "issuer-permits", "restricted.example.com"), ("www.example.org", "permit", "no-records", None)], ca={"issuerDomainNames": ["other.example"]})

# ================================================================== CaaReuseTest
def reuse(comment, flags, checked, issued, ttl, result):
    add("CaaReuseTest", comment, flags, {"checked": checked, "issued": issued, "ttl": ttl}, result)


U = ["Reuse"]
C0 = "2024-01-01T00:00:00Z"
reuse("issued at the check instant", U, C0, C0, 300, "ok")
reuse("exactly 8 h later, TTL 300: max(300, 28800) = 28800", U, C0, "2024-01-01T08:00:00Z", 300, "ok")
reuse("8 h + 1 s later, TTL 300", U, C0, "2024-01-01T08:00:01Z", 300, "expired")
reuse("TTL 86400: 23:59:59 later", U, C0, "2024-01-01T23:59:59Z", 86400, "ok")
reuse("TTL 86400: exactly 24 h later", U, C0, "2024-01-02T00:00:00Z", 86400, "ok")
reuse("TTL 86400: 24 h + 1 s later", U, C0, "2024-01-02T00:00:01Z", 86400, "expired")
reuse("TTL 0: 8 h", U, C0, "2024-01-01T08:00:00Z", 0, "ok")
reuse("TTL 0: 8 h + 1 s", U, C0, "2024-01-01T08:00:01Z", 0, "expired")
reuse("TTL 28800 exactly, 8 h", U, C0, "2024-01-01T08:00:00Z", 28800, "ok")
reuse("TTL 28801, 8 h + 1 s", U, C0, "2024-01-01T08:00:01Z", 28801, "ok")
reuse("TTL 28801, 8 h + 2 s", U, C0, "2024-01-01T08:00:02Z", 28801, "expired")
reuse("TTL 2^31 has its top bit set: read as 0, so 8 h + 1 s is too late", U + ["TtlTopBit"], C0, "2024-01-01T08:00:01Z", 2147483648, "expired")
reuse("TTL 2^31 read as 0: 8 h is still fine", U + ["TtlTopBit"], C0, "2024-01-01T08:00:00Z", 2147483648, "ok")
reuse("TTL 2^32-1 read as 0: 9 h is too late", U + ["TtlTopBit"], C0, "2024-01-01T09:00:00Z", 4294967295, "expired")
reuse("TTL 2^31-1 (largest valid): a year later is fine", U + ["TtlTopBit"], C0, "2025-01-01T00:00:00Z", 2147483647, "ok")
reuse("empty relevant set (no TTL): 8 h", U + ["EmptySet"], C0, "2024-01-01T08:00:00Z", None, "ok")
reuse("empty relevant set: 8 h + 1 s", U + ["EmptySet"], C0, "2024-01-01T08:00:01Z", None, "expired")
reuse("issued one second before the check", U, C0, "2023-12-31T23:59:59Z", 86400, "before-check")
reuse("issued before the check, empty set", U, C0, "2023-12-31T23:00:00Z", None, "before-check")
reuse("8 h across a leap day", U, "2024-02-28T20:00:00Z", "2024-02-29T04:00:00Z", 60, "ok")
reuse("8 h across a month end in a common year", U, "2023-02-28T20:00:00Z", "2023-03-01T04:00:00Z", 60, "ok")
reuse("8 h + 1 s across a year end", U, "2023-12-31T20:00:00Z", "2024-01-01T04:00:01Z", 3600, "expired")

# ================================================================== CaaExceptionTest
def exc(comment, flags, kind, issued, result, ct=0, checked=False, tcsca=False, clause=False, dnsop=False):
    add("CaaExceptionTest", comment, flags, {"exception": kind, "issued": issued, "facts": {
        "ctLogs": ct, "caaChecked": checked, "tcsca": tcsca, "contractClause": clause, "caIsDnsOperator": dnsop}}, result)


XC, XT, XD = ["ExceptionCt"], ["ExceptionTcsca"], ["ExceptionDnsOperator"]
exc("two logs, CAA checked", XC, "ct-precertificate", "2024-01-01T00:00:00Z", "applies", ct=2, checked=True)
exc("three logs, CAA checked", XC, "ct-precertificate", "2024-01-01T00:00:00Z", "applies", ct=3, checked=True)
exc("one log only", XC, "ct-precertificate", "2024-01-01T00:00:00Z", "conditions-not-met", ct=1, checked=True)
exc("no log", XC, "ct-precertificate", "2024-01-01T00:00:00Z", "conditions-not-met", ct=0, checked=True)
exc("two logs, CAA not checked", XC, "ct-precertificate", "2024-01-01T00:00:00Z", "conditions-not-met", ct=2, checked=False)
exc("on the mandate's first second", XC + ["Mandate"], "ct-precertificate", "2017-09-08T00:00:00Z", "applies", ct=2, checked=True)
exc("the second before the mandate: the exception does not exist yet", XC + ["Mandate"], "ct-precertificate", "2017-09-07T23:59:59Z", "not-in-force", ct=2, checked=True)
exc("before the mandate with unmet conditions: not-in-force is reported first", XC + ["Mandate", "SpecSilent"], "ct-precertificate", "2017-01-01T00:00:00Z", "not-in-force", ct=1)
exc("TCSCA with the contractual clause", XT, "tcsca", "2024-01-01T00:00:00Z", "applies", tcsca=True, clause=True)
exc("TCSCA without the clause", XT, "tcsca", "2024-01-01T00:00:00Z", "conditions-not-met", tcsca=True, clause=False)
exc("a clause but not a TCSCA", XT, "tcsca", "2024-01-01T00:00:00Z", "conditions-not-met", tcsca=False, clause=True)
exc("TCSCA before the mandate", XT + ["Mandate"], "tcsca", "2017-09-07T23:59:59Z", "not-in-force", tcsca=True, clause=True)
exc("TCSCA on the mandate day", XT + ["Mandate"], "tcsca", "2017-09-08T00:00:00Z", "applies", tcsca=True, clause=True)
exc("DNS operator in 2019", XD, "dns-operator", "2019-06-01T00:00:00Z", "applies", dnsop=True)
exc("DNS operator, the last second before 2021-07-01", XD, "dns-operator", "2021-06-30T23:59:59Z", "applies", dnsop=True)
exc("DNS operator on 2021-07-01 (SC46): gone", XD, "dns-operator", "2021-07-01T00:00:00Z", "not-in-force", dnsop=True)
exc("DNS operator in 2022", XD, "dns-operator", "2022-01-01T00:00:00Z", "not-in-force", dnsop=True)
exc("not the DNS operator, 2019", XD, "dns-operator", "2019-06-01T00:00:00Z", "conditions-not-met", dnsop=False)
exc("DNS operator before the mandate", XD + ["Mandate"], "dns-operator", "2017-09-07T23:59:59Z", "not-in-force", dnsop=True)
exc("DNS operator on the mandate day", XD + ["Mandate"], "dns-operator", "2017-09-08T00:00:00Z", "applies", dnsop=True)

# ================================================================== CaaFailureTest
def fail(comment, flags, at, result, outside=True, retries=1, nochain=False, insecure=False, dnssec=False):
    add("CaaFailureTest", comment, flags, {"at": at, "facts": {
        "outsideCa": outside, "retries": retries, "noDnssecChain": nochain, "insecure": insecure, "dnssecFailure": dnssec}}, result)


F, DF = ["FailureRule"], ["DnssecFailure"]
fail("2020: outside, retried once, no DNSSEC chain", F, "2020-01-01T00:00:00Z", "permission", nochain=True)
fail("2020: not retried", F, "2020-01-01T00:00:00Z", "no-permission", retries=0, nochain=True)
fail("2020: inside the CA's infrastructure", F, "2020-01-01T00:00:00Z", "no-permission", outside=False, nochain=True)
fail("2020: the zone has a DNSSEC chain", F, "2020-01-01T00:00:00Z", "no-permission", nochain=False)
fail("2020: retried twice", F, "2020-01-01T00:00:00Z", "permission", retries=2, nochain=True)
fail("mandate day, Ballot 187 conditions", F + ["Mandate"], "2017-09-08T00:00:00Z", "permission", nochain=True)
fail("2025-07-20T23:59:59Z: still the 'no DNSSEC chain' condition", F, "2025-07-20T23:59:59Z", "permission", nochain=True, insecure=False)
fail("2025-07-20T23:59:59Z: 'Insecure' is not yet the condition", F, "2025-07-20T23:59:59Z", "no-permission", nochain=False, insecure=True)
fail("2025-07-21T00:00:00Z: 'no DNSSEC chain' no longer suffices", F, "2025-07-21T00:00:00Z", "no-permission", nochain=True, insecure=False)
fail("2025-07-21T00:00:00Z: confirmed Insecure", F, "2025-07-21T00:00:00Z", "permission", insecure=True)
fail("2025-07-21: Insecure but not retried", F, "2025-07-21T00:00:00Z", "no-permission", retries=0, insecure=True)
fail("2025-07-21: Insecure but inside the CA", F, "2025-07-21T00:00:00Z", "no-permission", outside=False, insecure=True)
fail("2026-03-14T23:59:59Z: a DNSSEC failure on an Insecure domain is not yet excluded", F + DF, "2026-03-14T23:59:59Z", "permission", insecure=True, dnssec=True)
fail("2026-03-15T00:00:00Z: a DNSSEC validation failure is never permission", F + DF, "2026-03-15T00:00:00Z", "no-permission", insecure=True, dnssec=True)
fail("2026-03-15: other failure, Insecure, retried, outside", F + DF, "2026-03-15T00:00:00Z", "permission", insecure=True, dnssec=False)
fail("2026-03-15: not Insecure", F + DF, "2026-03-15T00:00:00Z", "no-permission", nochain=True, insecure=False)
fail("2027: Insecure, retried three times", F, "2027-01-01T00:00:00Z", "permission", retries=3, insecure=True)

# ================================================================== CaaRulesTest
def rules(comment, flags, at, result):
    add("CaaRulesTest", comment, flags, {"at": at}, result)


RB = ["RulesByDate"]
rules("2015: before the mandate", RB + ["Mandate"], "2015-04-15T00:00:00Z", "none")
rules("the second before Ballot 187 took effect", RB + ["Mandate"], "2017-09-07T23:59:59Z", "none")
rules("Ballot 187's effective date: RFC 6844 as published", RB + ["Mandate"], "2017-09-08T00:00:00Z", "rfc6844")
rules("the last second before Ballot 214", RB, "2017-10-26T23:59:59Z", "rfc6844")
rules("Ballot 214: RFC 6844 with erratum 5065 (BR Appendix A)", RB, "2017-10-27T00:00:00Z", "rfc6844-e5065")
rules("Ballot 219's date changes nothing here", RB, "2018-05-10T00:00:00Z", "rfc6844-e5065")
rules("the last second before SC35", RB, "2020-10-18T23:59:59Z", "rfc6844-e5065")
rules("SC35 (BR 1.7.3): RFC 8659", RB, "2020-10-19T00:00:00Z", "rfc8659")
rules("today", RB, "2026-11-22T00:00:00Z", "rfc8659")

# --- RFC 8657 with no account configured (issue 15: a planted bug in uri_equal, dropping the
# "no account URI" test, turned the first of these into a permit and nothing noticed)
NOACC = {"issuerDomainNames": ["ca.example"], "rfc8657": True, "validationMethod": "dns-01"}
d("request without an account URI, record with an empty accounturi value: an account URI is "
  "required and none matches it (RFC 8657 §3)", ["AccountUri"], [I("ca.example; accounturi=")],
  "deny", "not-authorized", [AMI], ca=NOACC)
d("the same on issuewild for a wildcard request", ["AccountUri", "IssuewildShadows"],
  [W("ca.example; accounturi=")], "deny", "not-authorized", [AMI], wildcard=True, ca=NOACC)
d("no account, an empty accounturi beside a record without one: the second permits",
  ["AccountUri", "Additive"], [I("ca.example; accounturi="), I("ca.example")], "permit",
  "issuer-permits", [AMI, PER], ca=NOACC, permit=1)
d("no account, empty accounturi and our method: the account restriction still fails",
  ["AccountUri", "MethodsDecision"], [I("ca.example; accounturi=; validationmethods=dns-01")],
  "deny", "not-authorized", [AMI], ca=NOACC)
d("RFC 8657 off: the empty accounturi is an unprocessed parameter (CAA-PARAM-UNKNOWN)",
  ["AccountUri", "ParamsUnknown"], [I("ca.example; accounturi=")], "permit", "issuer-permits",
  [PER], ca={"issuerDomainNames": ["ca.example"]}, permit=0)

# ================================================================== CaaRelevantTest
# Appended last so that every earlier tcId stays as it was.
def rel(comment, flags, name, lookups, result, climb=None, answer=None, hops=0, failure=None, rules="rfc8659"):
    # expected values written by hand from the clause in the comment
    assert result in ("found", "none", "failure")
    assert (failure is not None) == (result == "failure")
    add("CaaRelevantTest", comment, flags, {"rules": rules, "name": name, "lookups": lookups}, result, [],
        {"climb": climb, "answer": answer, "hops": hops, "failure": failure})


def L(name, outcome="empty", alias=None, target=None, failure=None, dnssec=None):
    o = {"name": name, "outcome": outcome}
    if failure:
        o["failure"] = failure
    if dnssec:
        o["dnssec"] = dnssec
    if alias:
        o["alias"] = alias
        o["target"] = target
    return o


def CN(name, target):
    return L(name, alias="cname", target=target)


RC, DN, CH, R6 = ["Relevant", "AliasCname"], ["AliasDname"], ["AliasChain"], ["Alias6844"]
E5, O6 = "rfc6844-e5065", "rfc6844"
rel("nothing listed: every lookup of the climb is empty", ["Relevant", "EmptySet"], "www.example.com", [], "none")
rel("records at the name itself", ["Relevant"], "www.example.com", [L("www.example.com", "records")], "found", "www.example.com", "www.example.com")
rel("records at the parent; the TLD fails above them and does not matter", ["Relevant", "LookupFailure"], "www.example.com",
    [L("example.com", "records"), L("com", "failure", failure="servfail")], "found", "example.com", "example.com")
rel("a failure at the name before any records", ["LookupFailure", "FailureKind"], "www.example.com",
    [L("www.example.com", "failure", failure="timeout"), L("example.com", "records")], "failure", "www.example.com", "www.example.com", failure="timeout")
rel("*.X starts at X", ["Relevant"], "*.www.example.com", [L("www.example.com", "records")], "found", "www.example.com", "www.example.com")
rel("CNAME at the name to a target with records: the target's set", RC, "www.example.com",
    [CN("www.example.com", "cdn.example.net"), L("cdn.example.net", "records")], "found", "www.example.com", "cdn.example.net", 1)
rel("CNAME to an empty target: climb on at the parent of the name (example.com), not of the target (example.net)", RC, "www.example.com",
    [CN("www.example.com", "cdn.example.net"), L("example.net", "records"), L("example.com", "records")], "found", "example.com", "example.com")
rel("CNAME to an empty target, nothing above: empty relevant set", RC + ["EmptySet"], "www.example.com",
    [CN("www.example.com", "cdn.example.net"), L("example.net", "records")], "none")
rel("CNAME to a target whose lookup fails: the lookup at the name fails", RC + ["LookupFailure", "FailureKind"], "www.example.com",
    [CN("www.example.com", "cdn.example.net"), L("cdn.example.net", "failure", failure="servfail"), L("example.com", "records")],
    "failure", "www.example.com", "cdn.example.net", 1, "servfail")
rel("CNAME at the parent (as a resolver synthesizes for a name below a DNAME): the parent's lookup answers from its target", RC, "a.b.example.com",
    [CN("b.example.com", "b.example.org"), L("b.example.org", "records"), L("example.com", "records")], "found", "b.example.com", "b.example.org", 1)
rel("a chain of 8 CNAMEs (erratum 5065: MUST be processed)", RC + CH, "www.example.com",
    [CN("www.example.com", "c1.example.net")] + [CN("c%d.example.net" % i, "c%d.example.net" % (i + 1)) for i in range(1, 8)] + [L("c8.example.net", "records")],
    "found", "www.example.com", "c8.example.net", 8)
rel("a chain of 16 CNAMEs: still followed", RC + CH, "www.example.com",
    [CN("www.example.com", "c1.example.net")] + [CN("c%d.example.net" % i, "c%d.example.net" % (i + 1)) for i in range(1, 16)] + [L("c16.example.net", "records")],
    "found", "www.example.com", "c16.example.net", 16)
rel("a chain of 17 CNAMEs: a lookup failure, never an empty set", RC + CH, "www.example.com",
    [CN("www.example.com", "c1.example.net")] + [CN("c%d.example.net" % i, "c%d.example.net" % (i + 1)) for i in range(1, 17)] + [L("c17.example.net", "records")],
    "failure", "www.example.com", None, 0, "alias-chain")
rel("a CNAME loop: a lookup failure", RC + CH, "www.example.com",
    [CN("www.example.com", "a.example.net"), CN("a.example.net", "www.example.com"), L("example.com", "records")],
    "failure", "www.example.com", None, 0, "alias-chain")
rel("a CNAME to itself: a lookup failure", RC + CH, "www.example.com", [CN("www.example.com", "www.example.com")],
    "failure", "www.example.com", None, 0, "alias-chain")
rel("a CNAME loop above records found below it does not matter", RC + CH, "www.example.com",
    [L("www.example.com", "records"), CN("example.com", "example.com")], "found", "www.example.com", "www.example.com")
rel("RFC 8659: a DNAME owned by the name does not redirect it; its own empty set, then the parent", DN, "old.example.com",
    [L("old.example.com", alias="dname", target="new.example.org"), L("new.example.org", "records"), L("example.com", "records")],
    "found", "example.com", "example.com")
rel("erratum 5065: the same DNAME is A(X): the target's set", DN, "old.example.com",
    [L("old.example.com", alias="dname", target="new.example.org"), L("new.example.org", "records"), L("example.com", "records")],
    "found", "old.example.com", "new.example.org", 1, rules=E5)
rel("erratum 5065: the name's own set comes before its DNAME", DN, "old.example.com",
    [L("old.example.com", "records", alias="dname", target="new.example.org"), L("new.example.org", "records")],
    "found", "old.example.com", "old.example.com", 0, rules=E5)
rel("erratum 5065: the name's own failed lookup comes before its DNAME", DN + ["LookupFailure"], "old.example.com",
    [L("old.example.com", "failure", failure="refused", alias="dname", target="new.example.org"), L("new.example.org", "records")],
    "failure", "old.example.com", "old.example.com", 0, "refused", rules=E5)
rel("erratum 5065: DNAME target empty: no climb from the target, on to the name's parent", DN, "old.example.com",
    [L("old.example.com", alias="dname", target="new.example.org"), L("example.org", "records"), L("example.com", "records")],
    "found", "example.com", "example.com", rules=E5)
rel("erratum 5065: a DNAME then a CNAME: the chain's end", DN + CH, "old.example.com",
    [L("old.example.com", alias="dname", target="new.example.org"), CN("new.example.org", "cdn.example.net"), L("cdn.example.net", "records")],
    "found", "old.example.com", "cdn.example.net", 2, rules=E5)
rel("RFC 8659: a CNAME to a name with its own DNAME: the target's own (empty) set, then the parent", RC + DN, "www.example.com",
    [CN("www.example.com", "t.example.net"), L("t.example.net", alias="dname", target="u.example.org"), L("u.example.org", "records")],
    "none")
rel("erratum 5065: the same chain goes on through the DNAME", RC + DN, "www.example.com",
    [CN("www.example.com", "t.example.net"), L("t.example.net", alias="dname", target="u.example.org"), L("u.example.org", "records")],
    "found", "www.example.com", "u.example.org", 2, rules=E5)
rel("erratum 5065: CNAME to an empty target: climb on at the name's parent", RC, "www.example.com",
    [CN("www.example.com", "cdn.example.net"), L("example.net", "records"), L("example.com", "records")], "found", "example.com", "example.com", rules=E5)
rel("RFC 6844 as published: CNAME to a target with records, as the erratum", RC + R6, "www.example.com",
    [CN("www.example.com", "cdn.example.net"), L("cdn.example.net", "records")], "found", "www.example.com", "cdn.example.net", 1, rules=O6)
rel("RFC 6844 as published: CNAME to an empty target would climb from the target (example.net): not modelled, a lookup failure", RC + R6, "www.example.com",
    [CN("www.example.com", "cdn.example.net"), L("example.net", "records"), L("example.com", "records")],
    "failure", "www.example.com", "cdn.example.net", 1, "rfc6844-climb", rules=O6)
rel("RFC 6844 as published: a name without alias and empty: climb on as usual", R6 + ["Relevant"], "www.example.com",
    [L("example.com", "records")], "found", "example.com", "example.com", rules=O6)
rel("RFC 6844 as published: DNAME at the name to a target with records", R6 + DN, "old.example.com",
    [L("old.example.com", alias="dname", target="new.example.org"), L("new.example.org", "records")], "found", "old.example.com", "new.example.org", 1, rules=O6)
rel("before the mandate (rules none) the search is RFC 8659's: the DNAME at the name is not followed", DN + ["Mandate"], "old.example.com",
    [L("old.example.com", alias="dname", target="new.example.org"), L("new.example.org", "records")], "none", rules="none")
for k in ["servfail", "refused", "timeout", "truncated", "malformed", "bogus", "rcode"]:
    rel("failure kind %s at the parent, before any records" % k, ["LookupFailure", "FailureKind"], "www.example.com",
        [L("example.com", "failure", failure=k)], "failure", "example.com", "example.com", 0, k)
rel("a bogus answer for a CNAME target: failure bogus through the alias", ["FailureKind"] + RC, "www.example.com",
    [CN("www.example.com", "t.example.net"), L("t.example.net", "failure", failure="bogus", dnssec="bogus")],
    "failure", "www.example.com", "t.example.net", 1, "bogus")

# ================================================================== CaaCertificateTest with aliases
# Appended last (tcIds stay). The zone is the whole DNS: a name it does not hold does not exist.
def zc(owner, target):
    return {"owner": owner, "cname": target}


def zd(owner, target):
    return {"owner": owner, "dname": target}


def ze(owner):
    return {"owner": owner, "exists": True}


ZONE2 = [
    z("example.com", I("ca.example")),
    zc("www.example.com", "cdn.example.net"),
    z("cdn.example.net", I("other.example")),
    z("example.net", I("other.example")),
    zc("empty.example.com", "nowhere.example.net"),
    zd("old.example.com", "new.example.net"),
    z("x.new.example.net", I("other.example")),
    z("new.example.net", I("other.example")),
    z("*.example.com", I("wild.example")),
    ze("host.example.com"),
    zc("loop1.example.com", "loop2.example.com"),
    zc("loop2.example.com", "loop1.example.com"),
    zc("*.sub.example.com", "elsewhere.example.net"),
    ze("a.sub.example.com"),
    z("elsewhere.example.net", I("other.example")),
]
ZA = ["ZoneAlias"]
cert("CNAME at the name: the target's set applies (RFC 8659 §3 'chasing aliases')", ZA + ["AliasCname"], ZONE2, ["www.example.com"], "deny",
     [("www.example.com", "deny", "not-authorized", "cdn.example.net")])
cert("the same set permits the CA it names", ZA + ["AliasCname"], ZONE2, ["www.example.com"], "permit",
     [("www.example.com", "permit", "issuer-permits", "cdn.example.net")], ca={"issuerDomainNames": ["other.example"]})
cert("*.X with a CNAME at X: the target's set, wildcard request", ZA + ["AliasCname"], ZONE2, ["*.www.example.com"], "deny",
     [("*.www.example.com", "deny", "not-authorized", "cdn.example.net")])
cert("CNAME to a name the zone does not hold: empty, the climb goes on at example.com, never at example.net", ZA + ["AliasCname"], ZONE2,
     ["empty.example.com"], "permit", [("empty.example.com", "permit", "issuer-permits", "example.com")])
cert("below a DNAME: the synthesized CNAME's target x.new.example.net (RFC 6672 §2.3)", ZA, ZONE2, ["x.old.example.com"], "deny",
     [("x.old.example.com", "deny", "not-authorized", "x.new.example.net")])
cert("RFC 8659: a DNAME does not redirect its owner; old.example.com is empty, example.com applies", ZA + ["AliasDname"], ZONE2,
     ["old.example.com"], "permit", [("old.example.com", "permit", "issuer-permits", "example.com")])
cert("erratum 5065: the DNAME at the name is A(X): new.example.net's set", ZA + ["AliasDname", "Profile6844"], ZONE2,
     ["old.example.com"], "deny", [("old.example.com", "deny", "not-authorized", "new.example.net")], profile=P6)
cert("a name the zone does not hold, under a wildcard: the wildcard's set is synthesized (RFC 4592 §3.3.1)", ZA, ZONE2,
     ["foo.example.com"], "deny", [("foo.example.com", "deny", "not-authorized", "*.example.com")])
cert("a name that exists is not synthesized: host.example.com is empty, example.com applies", ZA, ZONE2,
     ["host.example.com"], "permit", [("host.example.com", "permit", "issuer-permits", "example.com")])
cert("a wildcard CNAME: b.sub.example.com is answered from elsewhere.example.net", ZA + ["AliasCname"], ZONE2,
     ["b.sub.example.com"], "deny", [("b.sub.example.com", "deny", "not-authorized", "elsewhere.example.net")])
cert("the empty non-terminal sub.example.com exists: not synthesized, example.com applies", ZA, ZONE2,
     ["sub.example.com"], "permit", [("sub.example.com", "permit", "issuer-permits", "example.com")])
cert("a CNAME loop: a lookup failure, and the certificate is not permitted", ZA + ["AliasChain"], ZONE2,
     ["host.example.com", "loop1.example.com"], "deny",
     [("host.example.com", "permit", "issuer-permits", "example.com"), ("loop1.example.com", "lookup-failure", None, None)])

# ------------------------------------------------------------------ write
GROUP_COMMENTS = {
    "CaaRdataTest": "RDATA of one CAA record (RFC 8659 §4.1): layout, tag length, tag characters, flags, tag kind.",
    "CaaValueTest": "issue/issuewild values under a profile's grammar (RFC 8659 §4.2 or RFC 6844 §5.2): issuer, parameters, or the error code and errorOffset (see header).",
    "CaaMethodsTest": "RFC 8657 §4 validationmethods value against the request's method.",
    "CaaIodefTest": "RFC 8659 §4.4 iodef URL scheme.",
    "CaaDecisionTest": "One request (wildcard or not) against one relevant set: result, reason, permitIndex (0-based) and the verdict of every record.",
    "CaaCertificateTest": "Every dNSName of a certificate over a small zone: relevant-set climb, lookup failures, Onion names.",
    "CaaReuseTest": "Issuance within max(TTL, 8 h) of the CAA check (BR 3.2.2.8).",
    "CaaExceptionTest": "The BR 3.2.2.8 exceptions by date and facts.",
    "CaaFailureTest": "When a lookup failure may be treated as permission, by date.",
    "CaaRulesTest": "Which CAA text governs at an instant.",
    "CaaRelevantTest": "The relevant set from what the DNS said at each name (lookups: a name's own CAA outcome, DNSSEC status, its alias and target; a name not listed has no CAA record and no alias), aliases followed as the rules of the date follow them.",
}
groups = [{"type": k, "comment": GROUP_COMMENTS[k], "tests": v} for k, v in tests.items()]
n = sum(len(g["tests"]) for g in groups)
HEADER = [
    "Test vectors for CAA (BR 3.2.2.8; RFC 8659, RFC 6844 with erratum 5065, RFC 8657): records, values, the issuance decision, certificates, reuse, exceptions, lookup failures and rules by date (spec/caa.md, spec/caa-formats.md).",
    "Every expected value was written by hand (vectors/caa/gen_caa_vectors.py) from the rule text cited in the test comment and the notes; nothing was computed by cabref.",
    "A test passes when result, the reason set and every key of expect match; expect objects are compared key by key, arrays exactly. Instants are UTC, YYYY-MM-DDTHH:MM:SSZ.",
    "Octet strings are JSON text when every octet is printable ASCII (0x20-0x7E), else lowercase hex in the ...Hex key. Record 'zone' is presentation text (RFC 1035 §5.1 escapes: '\"' and '\\\\' escaped, other non-printables as \\DDD); unreadable RDATA and tags that are not alphanumeric use the RFC 3597 generic form '\\# N hex'.",
    "RDATA errorOffset: truncated = RDATA length (0 or 1, the first missing octet); tag-empty = 1 and tag-past-end = 1 (the tag-length octet, whose value is at fault); tag-nul / tag-bad-char = offset of the first tag octet outside [A-Za-z0-9] (2 + its index in the tag), the code being tag-nul iff that octet is 0x00. Checked in this order: truncated, tag-empty, tag-past-end, then characters.",
    "Value errorOffset (0-based): the length of the longest prefix of the value that is a prefix of some value in the profile's grammar, i.e. the first octet that no value of the grammar can have there; when the whole value is such a prefix but not itself in the grammar (it stops early: 'ca.example.', 'ca.example; a'), errorOffset is the value's length; one exception (rfc8659): when the value stops right after a ';' that must be followed by a parameter (and blanks), errorOffset is that ';' ('ca.example; a=1;' and 'ca.example; a=1; ' at 15).",
    "Value error code, from the octet at errorOffset (or the end of input) and what the grammar expected there: an octet >= 0x80 is non-ascii; 0x00-0x08, 0x0A-0x1F or 0x7F is control (HTAB 0x09 is a blank, never control). Otherwise: inside or at the start of the issuer (or where a label must start) bad-issuer; after the issuer and blanks, a character other than ';' unexpected; where a parameter tag must start, ';' or the end is trailing-semicolon and anything else bad-param-tag; inside a parameter tag, the end, a blank (rfc6844-e5065) or ';' is param-no-equals and another character bad-param-tag; after a tag ending in '-' (rfc8659) bad-param-tag; after a tag and blanks (rfc8659) param-no-equals; after a parameter value and blanks (rfc8659), anything but ';' is bad-param-value.",
    "rfc6844-e5065 parameter values are greedy: a value runs to the next blank or the end, so 'a=b;c=d' is one parameter with value 'b;c=d'. Issuers and parameters are reported as written (case kept); accounturiCount/validationmethodsCount count parameter tags ASCII case-insensitively.",
    "Decision verdicts are per record, in order: rdata-malformed; a tag the CA does not recognise (including tags with bad characters): unknown-critical if flags has 128 (or 1 with flag1Critical), else unknown-tag; iodef or a recognised extra tag: neutral; issuewild on a non-wildcard request: issuewild-ignored; issue on a wildcard request when the set has an issuewild record: issue-shadowed; otherwise the value: malformed-value, empty-issuer, issuer-mismatch, then with rfc8657: accounturi-duplicate, accounturi-mismatch, methods-duplicate, methods-malformed, methods-mismatch, else permits. Set reason ranking: too-many-records, rdata-malformed, unknown-critical, then issuer-permits (permitIndex = first permits), not-authorized if some issue/issuewild record applies, else no-issue-property; an empty set is no-records.",
    "Certificate tests: a name's set is found by climbing from the name (from X for *.X) over the listed owners to the TLD; an owner not listed is empty; a failure owner met before any records gives lookup-failure. Zone entries may also be {owner, cname}, {owner, dname} (alias records) or {owner, exists} (a record of another type); each lookup is answered as a resolver would from the zone (CNAMEs followed, DNAME substitution below a DNAME owner, RFC 4592 wildcard synthesis at the closest encloser of a name the zone does not hold; the rfc6844-e5065 profile also follows a DNAME at the name itself when its own set is empty), and relevantOwner is the owner of the records that applied (an alias target, or the wildcard owner). Per-name reason and relevantOwner are null for lookup-failure and onion-exempt. reason is [] for groups whose result carries no reason code.",
    "Relevant tests: the climb is the name (X for *.X) and each parent up to the TLD; lookups give, per name, its own CAA outcome (records, empty, failure with a kind) and an alias (cname: the lookup at the name is answered from the target; dname: a DNAME owned by the name). expect.climb is the climb's name whose lookup decided (null for none), expect.answer the name whose records or failure decided (null for none and for alias-chain), expect.hops the aliases followed to it, expect.failure the failure kind (null unless result is failure).",
]
vecgen.write(ROOT, "caa.json", "CAA", "caa.schema.json", HEADER, NOTES, groups)
print("vectors/caa.json: %d tests (%s)" % (n, ", ".join("%s %d" % (g["type"], len(g["tests"])) for g in groups)))
