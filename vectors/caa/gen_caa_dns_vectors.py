#!/usr/bin/env python3
"""Writes vectors/caa-dns.json: DNS scenarios as data (issue 12).

Each test is what a resolver said at each name looked up (records with their TTL, empty, or a
failure of a kind; the answer's DNSSEC status; how many times it was asked; the CNAME it followed
or a DNAME owned by the name), the evaluation instant, the CA and whether its resolver is outside
its infrastructure; expected, per name: the result and reason, the owner of the set that applied,
the failure kind, whether the failure rule of the instant lets the CA treat the failure as
permission, and for how long the check may be relied on. Another implementation can check its
set selection, rules by date and failure logic with no network.

Every expected value is written by hand from the rule cited in the comment (RFC 8659 §3, RFC 6844
§4 with erratum 5065, BR 3.2.2.8 and its failure exception as amended by Ballot 187, SC085 and BR
3.2.2.8.1, the TTL-or-8-hours window); nothing is computed by cabref. Append new tests at the end:
tcIds must stay stable.
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
R8659 = "https://www.rfc-editor.org/rfc/rfc8659"
R6844 = "https://www.rfc-editor.org/rfc/rfc6844"
E5065 = "https://www.rfc-editor.org/errata/eid5065"
BR = "https://github.com/cabforum/servercert/blob/main/docs/BR.md"

NOTES = {
    "Climb": ("BASIC", "The relevant set is the first non-empty answer climbing from the name (X for *.X) to its TLD; an empty climb is an empty set (issuance permitted, reason no-records).",
              "RFC 8659 §3", [R8659], ["CAA-RELEVANT", "CAA-EMPTY-SET", "CAA-DNS-LIVE"]),
    "CnameTarget": ("BASIC", "A lookup answered through a CNAME: the records at the chain's end are the name's set; an empty end climbs on from the name's parent (RFC 8659), never from the target's.",
                    "RFC 8659 §3; RFC 1034 §3.6.2", [R8659], ["CAA-ALIAS-CNAME", "CAA-DNS-LIVE"]),
    "DnameOwned": ("LEGACY", "A DNAME owned by a name of the climb: RFC 6844 with erratum 5065 uses its target's set (A(X)); RFC 8659 ignores it (a DNAME redirects only names below its owner).",
                   "RFC 6844 §4 with erratum 5065; RFC 6672 §2.3", [R6844, E5065, R8659], ["CAA-ALIAS-DNAME", "CAA-PROFILE-DATE"]),
    "Rfc6844Climb": ("LEGACY", "RFC 6844 as published climbs from the alias target's parent; cabref does not follow that climb and reports a lookup failure rfc6844-climb.",
                     "RFC 6844 §4 (before erratum 5065)", [R6844], ["CAA-ALIAS-6844", "CAA-PROFILE-DATE"]),
    "AliasChain": ("EDGE_CASE", "Alias loops and chains longer than 16 are a lookup failure alias-chain (the erratum asks for at least 8), never an empty set.",
                   "RFC 6844 erratum 5065; RFC 8659 §3", [E5065, R8659], ["CAA-ALIAS-CHAIN"]),
    "FailureStops": ("BASIC", "A failed lookup met before any records ends the climb: the set is unknown (lookup-failure), whatever the names above hold; a failure above a name whose own set was found does not matter.",
                     "RFC 8659 §3; BR 3.2.2.8", [R8659, BR], ["CAA-LOOKUP-FAILURE", "CAA-DNS-FAILURE"]),
    "FailureRuleByDate": ("FUNCTIONALITY", "A failure may be treated as permission only outside the CA's infrastructure, after a retry, and: until 2025-07-20 when the domain has no DNSSEC validation chain to the root (Ballot 187), from 2025-07-21 when it is confirmed Insecure (SC085), and from 2026-03-15 never for a DNSSEC validation failure (BR 3.2.2.8.1). Insecure and 'no chain' are established only by a validator's insecure status; indeterminate establishes neither.",
                          "BR 3.2.2.8 and 3.2.2.8.1", [BR], ["CAA-LOOKUP-FAILURE", "CAA-DNS-FAILURE", "CAA-DNS-LIVE"]),
    "RulesByDate": ("FUNCTIONALITY", "The rules of the instant: RFC 6844 from 2017-09-08, with erratum 5065 from 2017-10-27, RFC 8659 from 2020-10-19.",
                    "BR 3.2.2.8; Ballots 187, 214, SC35", [BR], ["CAA-PROFILE-DATE"]),
    "Reuse": ("BASIC", "A check may be relied on for the greater of the set's TTL and 8 hours (28800 s); an empty set: 8 hours.",
              "BR 3.2.2.8", [BR], ["CAA-REUSE"]),
    "MultiName": ("BASIC", "A certificate is permitted iff each dNSName is; a denial decides, else a lookup failure leaves it undecided; Onion names are not checked.",
                  "BR 3.2.2.8; RFC 8659 §3", [BR, R8659], ["CAA-MULTI-NAME"]),
    "Prevented": ("FUNCTIONALITY", "A denied name is a prevented issuance: the CA documents it and should report it to each iodef contact of the set that applied; a report is made for mailto: with a plain address (an e-mail carrying the IODEF document) and for https: (the document); http: and other schemes are not expected, and an address a mail header cannot carry as written is skipped.",
                  "BR 3.2.2.8 (Ballot 187); RFC 8659 §4.4", [BR, R8659], ["CAA-PREVENTED"]),
    "Wildcard": ("BASIC", "*.X is checked on X's set as a wildcard request: issuewild, when present, decides.",
                 "RFC 8659 §3, §4.3", [R8659], ["CAA-ISSUEWILD-SHADOWS", "CAA-RELEVANT", "CAA-EMPTY-SET"]),
}


def quoted(v):
    assert all(0x20 <= ord(c) <= 0x7E for c in v)
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'


def rec(tag, value, flags=0):
    assert tag.isalnum() and tag.isascii()
    return {"flags": flags, "tag": tag, "value": value, "zone": "%d %s %s" % (flags, tag, quoted(value))}


def I(v):
    return rec("issue", v)


def W(v):
    return rec("issuewild", v)


def L(name, outcome="empty", records=None, ttl=300, failure=None, dnssec=None, tries=1, cname=None, dname=None):
    o = {"name": name, "outcome": outcome}
    if outcome == "records":
        o["records"] = records
        o["ttl"] = ttl
    if failure:
        o["failure"] = failure
    if dnssec:
        o["dnssec"] = dnssec
    o["tries"] = tries
    if cname:
        o["cname"] = cname
    if dname:
        o["dname"] = dname
    return o


def R(name, records, ttl=300, **kw):
    return L(name, "records", records, ttl, **kw)


def F(name, kind, dnssec=None, tries=2):
    return L(name, "failure", failure=kind, dnssec=dnssec, tries=tries)


def E(name, result, reason=None, owner=None, failure=None, may=None, reuse=None, iodef=None):
    # per name, by hand: decided names carry reason, owner (None for an empty set) and reuse;
    # denied names the iodef contacts of their set (CAA-PREVENTED), in the set's order
    if result in ("permit", "deny"):
        assert reason is not None and reuse is not None and failure is None and may is None
    if result == "lookup-failure":
        assert failure is not None and may is not None and reason is None and owner is None and reuse is None
    if result == "deny":
        iodef = iodef or []
    else:
        assert iodef is None
    return {"name": name, "result": result, "reason": reason, "relevantOwner": owner,
            "failure": failure, "failureMayPermit": may, "reuseSeconds": reuse, "iodef": iodef}


CA = {"issuerDomainNames": ["ca.example"]}
tests = []


def scen(comment, flags, at, names, dns, per, outside=False, ca=None):
    for f in flags:
        assert f in NOTES, f
    assert [p["name"] for p in per] == names
    results = [p["result"] for p in per]
    if all(r in ("permit", "onion-exempt") for r in results):
        cert = "permit"
    elif "deny" in results:
        cert = "deny"
    else:
        cert = "lookup-failure"
    tests.append({"tcId": len(tests) + 1, "comment": comment, "flags": flags,
                  "input": {"at": at, "ca": ca or CA, "outsideCa": outside, "names": names, "dns": dns},
                  "result": cert, "reason": [], "expect": {"names": per}})


NOW = "2026-06-01T00:00:00Z"     # RFC 8659, BR 3.2.2.8.1 in force
Y2018 = "2018-01-01T00:00:00Z"   # RFC 6844 with erratum 5065, Ballot 187's failure rule
Y2017 = "2017-10-01T00:00:00Z"   # RFC 6844 as published
H8 = 28800

# --- the climb (RFC 8659 §3)
scen("records at the name itself name the CA", ["Climb", "Reuse"], NOW, ["www.example.com"],
     [R("www.example.com", [I("ca.example")])],
     [E("www.example.com", "permit", "issuer-permits", "www.example.com", reuse=H8)])
scen("the name is empty, its parent's set names the CA; a TTL above 8 hours is the window", ["Climb", "Reuse"], NOW,
     ["www.example.com"], [L("www.example.com"), R("example.com", [I("ca.example")], ttl=86400)],
     [E("www.example.com", "permit", "issuer-permits", "example.com", reuse=86400)])
scen("the parent's set names another CA", ["Climb"], NOW, ["www.example.com"],
     [L("www.example.com"), R("example.com", [I("other.example")])],
     [E("www.example.com", "deny", "not-authorized", "example.com", reuse=H8)])
scen("empty up to the TLD: no set, issuance permitted for 8 hours", ["Climb", "Reuse"], NOW, ["a.b.example.com"],
     [L("a.b.example.com"), L("b.example.com"), L("example.com"), L("com")],
     [E("a.b.example.com", "permit", "no-records", None, reuse=H8)])
scen("the TLD's set applies when everything below is empty", ["Climb"], NOW, ["www.example.test"],
     [L("www.example.test"), L("example.test"), R("test", [I("other.example")])],
     [E("www.example.test", "deny", "not-authorized", "test", reuse=H8)])
scen("the nearest set wins: the name's own set shadows the parent's", ["Climb"], NOW, ["www.example.com"],
     [R("www.example.com", [I("other.example")]), R("example.com", [I("ca.example")])],
     [E("www.example.com", "deny", "not-authorized", "www.example.com", reuse=H8)])
scen("a TTL of exactly 8 hours and one second", ["Reuse"], NOW, ["example.com"],
     [R("example.com", [I("ca.example")], ttl=28801)],
     [E("example.com", "permit", "issuer-permits", "example.com", reuse=28801)])

# --- aliases (RFC 8659 §3, the profile table of the notes)
scen("CNAME to a name with a set: the target's set", ["CnameTarget"], NOW, ["www.example.com"],
     [L("www.example.com", cname="cdn.example.net"), R("cdn.example.net", [I("other.example")]),
      R("example.com", [I("ca.example")])],
     [E("www.example.com", "deny", "not-authorized", "cdn.example.net", reuse=H8)])
scen("CNAME to an empty name: climb on from the name's parent, never the target's", ["CnameTarget"], NOW,
     ["www.example.com"],
     [L("www.example.com", cname="cdn.example.net"), L("cdn.example.net"), R("example.net", [I("other.example")]),
      R("example.com", [I("ca.example")])],
     [E("www.example.com", "permit", "issuer-permits", "example.com", reuse=H8)])
scen("the same under erratum 5065 (2018): also the name's parent", ["CnameTarget", "RulesByDate"], Y2018,
     ["www.example.com"],
     [L("www.example.com", cname="cdn.example.net"), L("cdn.example.net"), R("example.net", [I("other.example")]),
      R("example.com", [I("ca.example")])],
     [E("www.example.com", "permit", "issuer-permits", "example.com", reuse=H8)])
scen("RFC 6844 as published (2017-10-01) would climb from the target's parent: a lookup failure", ["Rfc6844Climb", "RulesByDate"],
     Y2017, ["www.example.com"],
     [L("www.example.com", cname="cdn.example.net"), L("cdn.example.net"), R("example.net", [I("other.example")]),
      R("example.com", [I("ca.example")])],
     [E("www.example.com", "lookup-failure", failure="rfc6844-climb", may=False)], outside=True)
scen("RFC 6844 as published, CNAME to a name with a set: the target's set", ["CnameTarget", "RulesByDate"], Y2017,
     ["www.example.com"],
     [L("www.example.com", cname="cdn.example.net"), R("cdn.example.net", [I("ca.example")])],
     [E("www.example.com", "permit", "issuer-permits", "cdn.example.net", reuse=H8)])
scen("a DNAME owned by the name, 2018 (erratum 5065): the target's set", ["DnameOwned", "RulesByDate"], Y2018,
     ["old.example.com"],
     [L("old.example.com", dname="new.example.net"), R("new.example.net", [I("other.example")]),
      R("example.com", [I("ca.example")])],
     [E("old.example.com", "deny", "not-authorized", "new.example.net", reuse=H8)])
scen("the same DNAME under RFC 8659 (2026): ignored, the parent's set", ["DnameOwned", "RulesByDate"], NOW,
     ["old.example.com"],
     [L("old.example.com", dname="new.example.net"), R("new.example.net", [I("other.example")]),
      R("example.com", [I("ca.example")])],
     [E("old.example.com", "permit", "issuer-permits", "example.com", reuse=H8)])
scen("the last second of erratum 5065 (2020-10-18T23:59:59Z): the DNAME still leads", ["DnameOwned", "RulesByDate"],
     "2020-10-18T23:59:59Z", ["old.example.com"],
     [L("old.example.com", dname="new.example.net"), R("new.example.net", [I("other.example")]),
      R("example.com", [I("ca.example")])],
     [E("old.example.com", "deny", "not-authorized", "new.example.net", reuse=H8)])
scen("RFC 8659's first second (2020-10-19T00:00:00Z): the DNAME no longer leads", ["DnameOwned", "RulesByDate"],
     "2020-10-19T00:00:00Z", ["old.example.com"],
     [L("old.example.com", dname="new.example.net"), R("new.example.net", [I("other.example")]),
      R("example.com", [I("ca.example")])],
     [E("old.example.com", "permit", "issuer-permits", "example.com", reuse=H8)])
scen("a CNAME loop: lookup-failure alias-chain, never an empty set", ["AliasChain"], NOW, ["a.example.com"],
     [L("a.example.com", cname="b.example.com"), L("b.example.com", cname="a.example.com"),
      R("example.com", [I("ca.example")])],
     [E("a.example.com", "lookup-failure", failure="alias-chain", may=False)], outside=True)
chain16 = [L("c%d.example.com" % i, cname="c%d.example.com" % (i + 1)) for i in range(16)]
scen("a chain of 16 CNAMEs: followed", ["AliasChain", "CnameTarget"], NOW, ["c0.example.com"],
     chain16 + [R("c16.example.com", [I("ca.example")])],
     [E("c0.example.com", "permit", "issuer-permits", "c16.example.com", reuse=H8)])
chain17 = [L("c%d.example.com" % i, cname="c%d.example.com" % (i + 1)) for i in range(17)]
scen("a chain of 17 CNAMEs: alias-chain", ["AliasChain"], NOW, ["c0.example.com"],
     chain17 + [R("c17.example.com", [I("ca.example")]), R("example.com", [I("ca.example")])],
     [E("c0.example.com", "lookup-failure", failure="alias-chain", may=False)])

# --- failures and the exception by date (BR 3.2.2.8, 3.2.2.8.1)
def fail_case(comment, at, dnssec, outside, tries, may, kind="servfail", flags=("FailureRuleByDate", "FailureStops")):
    scen(comment, list(flags), at, ["www.example.com"],
         [F("www.example.com", kind, dnssec=dnssec, tries=tries), R("example.com", [I("ca.example")])],
         [E("www.example.com", "lookup-failure", failure=kind, may=may)], outside=outside)


fail_case("2018: SERVFAIL at the name, insecure, retried, outside: permission (no DNSSEC chain)", Y2018, "insecure", True, 2, True)
fail_case("2018: the same inside the CA's infrastructure", Y2018, "insecure", False, 2, False)
fail_case("2018: the same asked once only", Y2018, "insecure", True, 1, False)
fail_case("2018: not validated (indeterminate): no chain is not established", Y2018, "indeterminate", True, 2, False)
fail_case("2018: a secure answer has a chain", Y2018, "secure", True, 2, False)
fail_case("2025-07-20T23:59:59Z: insecure still satisfies 'no chain'", "2025-07-20T23:59:59Z", "insecure", True, 2, True)
fail_case("2025-07-21T00:00:00Z (SC085): confirmed Insecure", "2025-07-21T00:00:00Z", "insecure", True, 2, True)
fail_case("2025-07-21: indeterminate is not a confirmed Insecure", "2025-07-21T00:00:00Z", "indeterminate", True, 2, False)
fail_case("2026: a timeout, insecure, retried, outside", NOW, "insecure", True, 2, True, kind="timeout")
fail_case("2026: REFUSED, insecure, retried, outside", NOW, "insecure", True, 2, True, kind="refused")
fail_case("2020: a bogus answer has a chain and is a validation failure", "2020-01-01T00:00:00Z", "bogus", True, 2, False, kind="bogus")
fail_case("2026-03-14T23:59:59Z: a failure of kind bogus on a name the validator called insecure: not yet excluded",
          "2026-03-14T23:59:59Z", "insecure", True, 2, True, kind="bogus")
fail_case("2026-03-15T00:00:00Z (BR 3.2.2.8.1): a DNSSEC validation failure is never permission",
          "2026-03-15T00:00:00Z", "insecure", True, 2, False, kind="bogus")
scen("a failure at the parent after an empty name: the set is unknown", ["FailureStops", "FailureRuleByDate"], NOW,
     ["www.example.com"],
     [L("www.example.com", dnssec="insecure"), F("example.com", "servfail", dnssec="insecure", tries=2)],
     [E("www.example.com", "lookup-failure", failure="servfail", may=True)], outside=True)
scen("a failure above a name whose own set was found does not matter", ["FailureStops", "Climb"], NOW, ["www.example.com"],
     [R("www.example.com", [I("ca.example")]), F("example.com", "servfail", tries=2)],
     [E("www.example.com", "permit", "issuer-permits", "www.example.com", reuse=H8)])
scen("a failure at the TLD after an empty climb", ["FailureStops"], NOW, ["www.example.com"],
     [L("www.example.com"), L("example.com"), F("com", "timeout", dnssec="secure", tries=2)],
     [E("www.example.com", "lookup-failure", failure="timeout", may=False)], outside=True)
scen("a CNAME whose target fails: the failure is the name's", ["FailureStops", "CnameTarget"], NOW, ["www.example.com"],
     [L("www.example.com", cname="cdn.example.net"), F("cdn.example.net", "servfail", dnssec="insecure", tries=2),
      R("example.com", [I("ca.example")])],
     [E("www.example.com", "lookup-failure", failure="servfail", may=True)], outside=True)

# --- certificates
scen("two names: one permitted, one denied: the certificate is denied", ["MultiName"], NOW,
     ["a.example.com", "b.example.org"],
     [R("example.com", [I("ca.example")]), R("example.org", [I("other.example")])],
     [E("a.example.com", "permit", "issuer-permits", "example.com", reuse=H8),
      E("b.example.org", "deny", "not-authorized", "example.org", reuse=H8)])
scen("one permitted, one failed: undecided (lookup-failure)", ["MultiName", "FailureStops"], NOW,
     ["a.example.com", "b.example.org"],
     [R("example.com", [I("ca.example")]), F("b.example.org", "servfail", dnssec="insecure", tries=2)],
     [E("a.example.com", "permit", "issuer-permits", "example.com", reuse=H8),
      E("b.example.org", "lookup-failure", failure="servfail", may=False)])
scen("a denial decides even beside a failure", ["MultiName"], NOW, ["a.example.com", "b.example.org"],
     [R("example.com", [I("other.example")]), F("b.example.org", "servfail", tries=2)],
     [E("a.example.com", "deny", "not-authorized", "example.com", reuse=H8),
      E("b.example.org", "lookup-failure", failure="servfail", may=False)])
scen("*.X on X's set: issuewild decides for the wildcard, issue for X", ["Wildcard", "MultiName"], NOW,
     ["*.example.com", "example.com"],
     [R("example.com", [I("ca.example"), W("other.example")])],
     [E("*.example.com", "deny", "not-authorized", "example.com", reuse=H8),
      E("example.com", "permit", "issuer-permits", "example.com", reuse=H8)])
scen("an Onion name is not checked", ["MultiName"], NOW, ["expyuzz4wqqyqhjn.onion", "example.com"],
     [R("example.com", [I("ca.example")])],
     [{"name": "expyuzz4wqqyqhjn.onion", "result": "onion-exempt", "reason": None, "relevantOwner": None,
       "failure": None, "failureMayPermit": None, "reuseSeconds": None, "iodef": None},
      E("example.com", "permit", "issuer-permits", "example.com", reuse=H8)])

# --- prevented issuance: the iodef contacts of a denied name's set (RFC 8659 §4.4; BR 3.2.2.8)
def IO(v):
    return rec("iodef", v)


def T(url, report):
    return {"url": url, "report": report}


IOSET = [I("other.example"), IO("mailto:caa@example.com"), IO("https://iodef.example.com/caa"),
         IO("http://iodef.example.com/caa"), IO("ftp://iodef.example.com/caa"),
         IO("mailto:two@at@example.com"), IO("mailto:a b@example.com")]
scen("a denied name: a mail for the plain mailto: contact, the document for https:, nothing for http:, "
     "other schemes, or addresses a header cannot carry", ["Prevented"], NOW, ["www.example.com"],
     [R("example.com", IOSET)],
     [E("www.example.com", "deny", "not-authorized", "example.com", reuse=H8,
        iodef=[T("mailto:caa@example.com", "mail"), T("https://iodef.example.com/caa", "document"),
               T("http://iodef.example.com/caa", None), T("ftp://iodef.example.com/caa", None),
               T("mailto:two@at@example.com", None), T("mailto:a b@example.com", None)])])
scen("a permitted name sends nothing, whatever its set's iodef contacts", ["Prevented"], NOW, ["www.example.com"],
     [R("example.com", [I("ca.example"), IO("mailto:caa@example.com")])],
     [E("www.example.com", "permit", "issuer-permits", "example.com", reuse=H8)])
scen("a lookup failure is not a prevented issuance", ["Prevented", "FailureStops"], NOW, ["www.example.com"],
     [F("www.example.com", "servfail", tries=2)],
     [E("www.example.com", "lookup-failure", failure="servfail", may=False)])
scen("the iodef contacts of the set that applied, not of another name's", ["Prevented", "Climb"], NOW,
     ["www.example.com"],
     [R("www.example.com", [I("other.example")]), R("example.com", [IO("mailto:parent@example.com")])],
     [E("www.example.com", "deny", "not-authorized", "www.example.com", reuse=H8)])
scen("a query in the mailto: URL is not part of the address", ["Prevented"], NOW, ["www.example.com"],
     [R("example.com", [I("other.example"), IO("mailto:caa@example.com?subject=CAA")])],
     [E("www.example.com", "deny", "not-authorized", "example.com", reuse=H8,
        iodef=[T("mailto:caa@example.com?subject=CAA", "mail")])])

HEADER = [
    "DNS scenarios for CAA (issue 12): what the DNS said at each name looked up, and the decision (spec/caa.md CAA-DNS-LIVE, CAA-DNS-FAILURE, CAA-ALIAS-*, CAA-LOOKUP-FAILURE, CAA-REUSE, CAA-PROFILE-DATE; spec/caa-formats.md).",
    "Every expected value was written by hand (vectors/caa/gen_caa_dns_vectors.py) from the rule cited in the test's notes; nothing was computed by cabref.",
    "input.dns lists, per name looked up, its CAA outcome: records (at the name, or at the end of the CNAME chain given by cname; every record with the set's ttl), empty (NODATA or NXDOMAIN), or failure (a kind); a name not listed is empty and has no alias. cname: the answer at the name came through a CNAME to that target, whose own outcome is listed under the target's name; dname: a DNAME owned by the name. dnssec: the validator's status of that answer (absent: indeterminate); tries: how many times it was asked.",
    "The rules are those in force at input.at: RFC 6844 from 2017-09-08, with erratum 5065 from 2017-10-27, RFC 8659 from 2020-10-19 (the value grammar of the same profile). The climb is the name (X for *.X) and each parent up to the TLD; a CNAME is followed whatever the date; a DNAME owned by a name of the climb is followed (its target's own set, no climb from the target) only under the RFC 6844 rules; RFC 6844 as published, whose climb would continue from an alias target's parent, gives lookup-failure rfc6844-climb; loops and chains of more than 16 aliases give alias-chain.",
    "Per name: result (permit, deny, lookup-failure, onion-exempt), reason (the decision's reason code; null unless permit or deny), relevantOwner (the owner of the records that applied; null for an empty set and unless permit or deny), failure (the kind; null unless lookup-failure), failureMayPermit (lookup-failure only: whether the failure rule of input.at lets the CA treat it as permission, from input.outsideCa, 'retried' = tries >= 2 of the failed answer, and its DNSSEC status: insecure establishes both 'no DNSSEC validation chain' and 'confirmed Insecure', bogus status or failure kind bogus is a DNSSEC validation failure, secure and indeterminate establish neither; null otherwise), reuseSeconds (permit or deny: the greater of the set's least TTL and 28800; 28800 for an empty set; null otherwise), iodef (deny only, else null: one entry per iodef record of the set that applied, in the set's order, {url, report}: report 'mail' for a mailto: URL whose address (before any '?') is one '@' between a non-empty local part of letters, digits and !#$&'*+-/=^_`{|}~. (a '%', RFC 6068's escape, is not decoded: skipped) and a non-empty host of letters, digits, '-' and '.', 'document' for https:, null for anything else).",
    "The certificate's result: permit when every name is permitted or onion-exempt, else deny when some name is denied, else lookup-failure. reason is always [] (the per-name reasons are in expect).",
]
doc = {
    "algorithm": "CAA-DNS",
    "schema": "caa-dns.schema.json",
    "generatorVersion": "1",
    "numberOfTests": len(tests),
    "header": HEADER,
    "notes": {k: {"bugType": v[0], "description": v[1], "clause": v[2], "links": v[3], "requirements": v[4]} for k, v in NOTES.items()},
    "testGroups": [{"type": "CaaDnsTest", "comment": "DNS scenarios: per-name lookups, the instant and the CA's facts; per-name decisions.", "tests": tests}],
}
with open(os.path.join(ROOT, "vectors", "caa-dns.json"), "w", encoding="utf-8") as fh:
    json.dump(doc, fh, indent=1, ensure_ascii=False)
    fh.write("\n")
print("vectors/caa-dns.json: %d tests" % len(tests))
