#!/usr/bin/python3
"""Writes vectors/adn.json. Every expected value below is written by hand from the rules of
spec/adn.md and the rules of the pinned PSL snapshot vectors/psl/public_suffix_list.dat (Debian
publicsuffix 20230209.2326-1; the line numbers of the rules used are cited in the comments);
nothing is computed by cabref. Run from the source tree: /usr/bin/python3 vectors/adn/gen_adn_vectors.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import vecgen  # noqa: E402  (vectors/vecgen.py)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BR = "https://github.com/cabforum/servercert/blob/main/docs/BR.md"
B169 = "https://cabforum.org/2016/08/05/ballot-169-revised-validation-requirements/"
PSL = "https://publicsuffix.org/list/"

NOTES = {
    "BaseDomainName": ("BASIC", "The Base Domain Name is the public suffix plus one label; the candidates run from the (wildcard-stripped) FQDN down to it, longest first.", "BR 1.6.1 Base Domain Name, Authorization Domain Name", [BR, B169], ["ADN-BDN", "ADN-CAND-SET", "ADN-CAND-ORDER"]),
    "PublicSuffixName": ("EDGE_CASE", "The requested name is itself a public suffix: it has no Base Domain Name and no candidate ADN.", "BR 1.6.1 Base Domain Name; BR 3.2.2.6", [BR], ["ADN-BDN", "ADN-CAND-SET"]),
    "Wildcard": ("BASIC", "A Wildcard Domain Name: '*.' is removed before pruning; the wildcard label is never part of an ADN.", "BR 1.6.1 Authorization Domain Name (SC48 wording)", [BR], ["ADN-WILDCARD"]),
    "PslOption": ("AMBIGUITY", "The answer depends on a PSL option (PRIVATE section, default rule, wildcard parent); the input names the option, the BR default is ICANN only, default rule on, strict wildcards.", "BR 3.2.2.6 (ICANN section only); PSL formal algorithm", [BR, PSL], ["ADN-BDN"]),
    "PslWildcardRule": ("EDGE_CASE", "A name under a PSL wildcard or exception rule (*.kobe.jp, !city.kobe.jp, *.ck, !www.ck, *.sch.uk).", "PSL formal algorithm", [PSL], ["ADN-BDN"]),
    "Spec13": ("AMBIGUITY", "The ICANN Specification 13 opt-in: a listed .brand gTLD may be its own Base Domain Name; off by default, and only TLDs on the shipped list count.", "BR 1.6.1 Base Domain Name (second sentence)", [BR, B169], ["ADN-SPEC13"]),
    "Idn": ("BASIC", "Internationalized names: A-label input is used as is; a U-label input is converted to its A-label by the shell before the core sees it; an invalid A-label is refused.", "BR 1.6.1 P-Label; RFC 5890", [BR, "https://www.rfc-editor.org/rfc/rfc5890"], ["ADN-CAND-SET"]),
    "CaseFolding": ("EDGE_CASE", "Names are compared ignoring ASCII case and shown in lower case.", "RFC 4343", ["https://www.rfc-editor.org/rfc/rfc4343"], ["ADN-CAND-SET", "ADN-COVERS"]),
    "MalformedName": ("MALFORMED_INPUT", "A name that is not a valid requested name is refused with the parser's reason and the run continues.", "RFC 1035 s2.3.4; BR 7.1.2.7.12", [BR, "https://www.rfc-editor.org/rfc/rfc1035"], ["ADN-CAND-LIMIT"]),
    "Underscore": ("MALFORMED_INPUT", "Underscores are refused in requested names (BR after SC12/SC48); they appear only in DNS record names checked for the DNS Change method.", "BR 7.1.2.7.12; SC12", [BR], ["ADN-DNS-PREFIX"]),
    "CnameTarget": ("FUNCTIONALITY", "A CNAME target supplied by the caller: its own candidates, pruned to its own Base Domain Name, listed after the requested name's.", "BR 1.6.1 Authorization Domain Name", [BR, B169], ["ADN-CNAME"]),
    "CnameForbidden": ("FUNCTIONALITY", "A method that may not use CNAME-derived ADNs on that date (.22 by SC88; exact-FQDN methods).", "BR 3.2.2.4.22 (SC88); SC45", [BR], ["ADN-METHOD-CNAME", "ADN-METHOD-EXACT"]),
    "MethodByDate": ("BASIC", "The rules of a method of BR 3.2.2.4 on a given date: status, wildcard suitability, pruning, CNAME, record prefix, Authorized Ports, constructed e-mail.", "BR 3.2.2.4.1-3.2.2.4.22 and the ballots of spec/adn.md", [BR, B169], ["ADN-METHOD-STATUS", "ADN-METHOD-INTRO"]),
    "MethodRetired": ("LEGACY", "A method on or after the date from which it MUST NOT be used.", "Ballots 190, 218, SC14, SC15, SC25, SC33, SC80, SC90", [BR], ["ADN-METHOD-SUNSET"]),
    "MethodDiscouraged": ("LEGACY", "A method in its SHOULD NOT period (SC90).", "SC90", [BR], ["ADN-METHOD-DISCOURAGED"]),
    "MethodExactFqdn": ("FUNCTIONALITY", "A method that validates the FQDN only: no wildcard, no pruning, no CNAME (.8, .20, and .6/.18/.19 from 2021-12-01).", "Ballot 190 notes; SC33; SC45", [BR], ["ADN-METHOD-EXACT"]),
    "Ballot181Gap": ("AMBIGUITY", "Between Ballot 169's effective date (2017-03-01) and Ballot 190 (2017-10-19), methods .1-.4 and .7-.9 were not in the BR (IPR exclusion, Ballot 181) and .11 'any other method' was.", "Ballot 181; Ballot 190", ["https://lists.cabforum.org/pipermail/public/2017-January/025604.html", BR], ["ADN-METHOD-INTRO"]),
    "AuthorizedPort": ("BASIC", "The Authorized Ports on a date: 80, 443, 115, 25, 22 from 2017-03-01; 115 removed from 2017-10-19.", "BR 1.6.1 Authorized Ports; Ballots 169 and 190", [BR, B169], ["ADN-PORTS"]),
    "ConstructedEmail": ("BASIC", "The five constructed addresses admin, administrator, webmaster, hostmaster, postmaster @ each ADN the method may use.", "BR 3.2.2.4.4", [BR, B169], ["ADN-EMAIL"]),
    "CoversSet": ("FUNCTIONALITY", "Whether one ADN covers a name: it is one of the name's candidates (under the method's rules when one is given); one ADN covers a set when it covers each member.", "BR 3.2.2.4.4 ('Each email MAY confirm control of multiple FQDNs')", [BR, B169], ["ADN-COVERS"]),
    "TrailingDot": ("MALFORMED_INPUT", "A requested name ending in the root label's dot is refused: a certificate's dNSName never carries it. A CNAME target, a DNS name, may.", "BR 7.1.2.7.12", [BR], ["ADN-TRAILING-DOT"]),
    "InternalName": ("FUNCTIONALITY", "An Internal Name cannot be validated: its top-level label is not one in which a rule of the PSL's ICANN section ends, or is reserved for special use (test, localhost, invalid, example, local, alt, internal; home.arpa). A TLD with rules only below it (za: co.za; ck: *.ck) is delegated, and the default rule still answers suffix questions there.", "BR 1.6.1 Internal Name; BR 4.2.2; RFC 6761 s6; RFC 6762; RFC 8375", [BR, "https://www.rfc-editor.org/rfc/rfc6761", "https://www.rfc-editor.org/rfc/rfc8375"], ["ADN-INTERNAL-NAME"]),
    "ReverseZone": ("LEGACY", "A name that is, or ends in, an IP Reverse Zone Suffix (in-addr.arpa, ip6.arpa) is refused from 2026-03-15T00:00:00Z (BR 4.2.2 after Ballot SC86); before that date it is an ordinary name under the arpa TLD.", "BR 1.6.1 IP Reverse Zone Suffix; BR 4.2.2; SC86", [BR], ["ADN-REVERSE-ZONE"]),
    "DnsChangePrefix": ("FUNCTIONALITY", "Where a DNS Change record may sit: at an ADN or at an ADN prefixed with one label beginning with '_'.", "BR 3.2.2.4.7 (Ballot 169)", [BR, B169], ["ADN-DNS-PREFIX"]),
}

V = vecgen.Vectors(["AdnTest", "MethodTest", "PortTest"], NOTES)
tests = V.tests
add = V.add


def name(comment, flags, inp, **exp):
    if isinstance(inp, str):
        inp = {"name": inp}
    add("AdnTest", comment, flags, inp, "valid", expect=exp)


def bad(comment, flags, inp, code):
    if isinstance(inp, str):
        inp = {"name": inp}
    add("AdnTest", comment, flags, inp, "error", reason=[code])


def view(fqdn, ps, bdn, cands):
    return {"fqdn": fqdn, "publicSuffix": ps, "bdn": bdn, "candidates": cands}


B = ["BaseDomainName"]
# ---- BDN and candidates (ICANN section only, default rule on, strict wildcards) ----
name("com (PSL line 837) + one label", B, "www.example.com", **view("www.example.com", "com", "example.com", ["www.example.com", "example.com"]))
name("the BDN itself is its only candidate", B, "example.com", **view("example.com", "com", "example.com", ["example.com"]))
name("four labels above the BDN, longest first", B, "a.b.c.example.com", **view("a.b.c.example.com", "com", "example.com", ["a.b.c.example.com", "b.c.example.com", "c.example.com", "example.com"]))
name("co.uk (line 6484)", B, "www.example.co.uk", **view("www.example.co.uk", "co.uk", "example.co.uk", ["www.example.co.uk", "example.co.uk"]))
name("ac.uk (line 6483)", B, "a.b.ox.ac.uk", **view("a.b.ox.ac.uk", "ac.uk", "ox.ac.uk", ["a.b.ox.ac.uk", "b.ox.ac.uk", "ox.ac.uk"]))
name("co.jp (line 1911)", B, "shop.example.co.jp", **view("shop.example.co.jp", "co.jp", "example.co.jp", ["shop.example.co.jp", "example.co.jp"]))
name("com.br (line 500)", B, "loja.exemplo.com.br", **view("loja.exemplo.com.br", "com.br", "exemplo.com.br", ["loja.exemplo.com.br", "exemplo.com.br"]))
name("co.za (line 7149); za has no rule of its own", B, "www.example.co.za", **view("www.example.co.za", "co.za", "example.co.za", ["www.example.co.za", "example.co.za"]))
name("za itself: no rule, the default rule makes za the suffix", B, "example.za", **view("example.za", "za", "example.za", ["example.za"]))
name("onion (line 5588) is an ICANN suffix", B, "expyuzz4wqqyqhjn.onion", **view("expyuzz4wqqyqhjn.onion", "onion", "expyuzz4wqqyqhjn.onion", ["expyuzz4wqqyqhjn.onion"]))
name("pvt.k12.ma.us (line 6733): four-label suffix", B, "www.school.pvt.k12.ma.us", **view("www.school.pvt.k12.ma.us", "pvt.k12.ma.us", "school.pvt.k12.ma.us", ["www.school.pvt.k12.ma.us", "school.pvt.k12.ma.us"]))
P = ["PublicSuffixName"]
name("co.uk is itself a public suffix: no BDN (BR 3.2.2.6 example)", P, "co.uk", **view("co.uk", "co.uk", None, []))
name("com is a public suffix", P, "com", **view("com", "com", None, []))
name("uk (line 6482)", P, "uk", **view("uk", "uk", None, []))
name("pvt.k12.ma.us cannot be an ADN (Sectigo's example, notes 1.2)", P, "pvt.k12.ma.us", **view("pvt.k12.ma.us", "pvt.k12.ma.us", None, []))
name("google is an ICANN rule (line 8431) and not on the Spec 13 list", P, "google", **view("google", "google", None, []))
# ---- Wildcards ----
W = ["Wildcard"]
name("wildcard over the BDN", W, "*.example.com", wildcard=True, **view("example.com", "com", "example.com", ["example.com"]))
name("wildcard, pruning from the stripped FQDN", W, "*.www.example.co.uk", wildcard=True, **view("www.example.co.uk", "co.uk", "example.co.uk", ["www.example.co.uk", "example.co.uk"]))
name("wildcard over a public suffix: no ADN (BR 3.2.2.6: not *.co.uk)", W + P, "*.co.uk", wildcard=True, **view("co.uk", "co.uk", None, []))
name("*.com", W + P, "*.com", wildcard=True, **view("com", "com", None, []))
name("deep wildcard", W, "*.a.b.example.com", wildcard=True, **view("a.b.example.com", "com", "example.com", ["a.b.example.com", "b.example.com", "example.com"]))
bad("a lone '*' has no FQDN", W + ["MalformedName"], "*", "bad-wildcard")
bad("two wildcard labels", W + ["MalformedName"], "*.*.example.com", "bad-wildcard")
bad("wildcard not leftmost", W + ["MalformedName"], "www.*.example.com", "bad-wildcard")
bad("partial wildcard label", W + ["MalformedName"], "foo*.example.com", "bad-wildcard")
# ---- Case, trailing dot ----
C = ["CaseFolding"]
name("upper case is folded", C, "WWW.Example.COM", **view("www.example.com", "com", "example.com", ["www.example.com", "example.com"]))
bad("a trailing dot (the root label) is refused in a requested name: BR 7.1.2.7.12 (was accepted before issue 15)", C + ["TrailingDot"], "www.example.com.", "trailing-dot")
# ---- PSL options ----
O = ["PslOption"]
name("github.io is PRIVATE (line 12196): ICANN-only gives io", O, "foo.github.io", **view("foo.github.io", "io", "github.io", ["foo.github.io", "github.io"]))
name("with the PRIVATE section github.io is the suffix", O, {"name": "foo.github.io", "pslOptions": ["private"]}, **view("foo.github.io", "github.io", "foo.github.io", ["foo.github.io"]))
name("with PRIVATE, github.io is a public suffix", O + P, {"name": "github.io", "pslOptions": ["private"]}, **view("github.io", "github.io", None, []))
name("uk.com is PRIVATE (line 11123)", O, "x.y.uk.com", **view("x.y.uk.com", "com", "uk.com", ["x.y.uk.com", "y.uk.com", "uk.com"]))
name("uk.com with PRIVATE", O, {"name": "x.y.uk.com", "pslOptions": ["private"]}, **view("x.y.uk.com", "uk.com", "y.uk.com", ["x.y.uk.com", "y.uk.com"]))
bad("unknown TLD 'example' (RFC 6761 s6.5, no ICANN rule ends in it): an Internal Name, whatever the default rule would make of it", O + ["InternalName"], "host.example.example", "internal-name")
bad("the same without the default rule: still an Internal Name", O + ["InternalName"], {"name": "host.example.example", "pslOptions": ["no-star-rule"]}, "internal-name")
name("*.r.appspot.com (line 12358, PRIVATE) is ignored ICANN-only", O, "x.r.appspot.com", **view("x.r.appspot.com", "com", "appspot.com", ["x.r.appspot.com", "r.appspot.com", "appspot.com"]))
name("*.r.appspot.com with PRIVATE", O + ["PslWildcardRule"], {"name": "a.x.r.appspot.com", "pslOptions": ["private"]}, **view("a.x.r.appspot.com", "x.r.appspot.com", "a.x.r.appspot.com", ["a.x.r.appspot.com"]))
K = ["PslWildcardRule"]
name("*.kobe.jp (line 2017)", K, "a.b.kobe.jp", **view("a.b.kobe.jp", "b.kobe.jp", "a.b.kobe.jp", ["a.b.kobe.jp"]))
name("b.kobe.jp is a public suffix by *.kobe.jp", K + P, "b.kobe.jp", **view("b.kobe.jp", "b.kobe.jp", None, []))
name("!city.kobe.jp (line 2024): the exception drops one label", K, "city.kobe.jp", **view("city.kobe.jp", "kobe.jp", "city.kobe.jp", ["city.kobe.jp"]))
name("under the exception", K, "www.city.kobe.jp", **view("www.city.kobe.jp", "kobe.jp", "city.kobe.jp", ["www.city.kobe.jp", "city.kobe.jp"]))
name("kobe.jp, strict: *.kobe.jp does not match kobe.jp, rule jp prevails", K + O, "kobe.jp", **view("kobe.jp", "jp", "kobe.jp", ["kobe.jp"]))
name("kobe.jp with wildcard-parent: a public suffix", K + O + P, {"name": "kobe.jp", "pslOptions": ["wildcard-parent"]}, **view("kobe.jp", "kobe.jp", None, []))
name("!www.ck (line 753)", K, "www.ck", **view("www.ck", "ck", "www.ck", ["www.ck"]))
name("*.ck (line 752): foo.ck is a suffix", K + P, "foo.ck", **view("foo.ck", "foo.ck", None, []))
name("*.ck: one label more", K, "a.foo.ck", **view("a.foo.ck", "foo.ck", "a.foo.ck", ["a.foo.ck"]))
name("*.sch.uk (line 6493)", K, "www.school.sch.uk", **view("www.school.sch.uk", "school.sch.uk", "www.school.sch.uk", ["www.school.sch.uk"]))
name("*.nom.br (line 590), nom.br has no rule: strict gives br", K + O, "nom.br", **view("nom.br", "br", "nom.br", ["nom.br"]))
# ---- Spec 13 ----
S = ["Spec13"]
name("aaa is on the list: the gTLD may be the BDN and is the last candidate", S, {"name": "www.aaa", "spec13": True}, spec13=True, **view("www.aaa", "aaa", "aaa", ["www.aaa", "aaa"]))
name("same name, option off (default)", S, "www.aaa", spec13=False, **view("www.aaa", "aaa", "www.aaa", ["www.aaa"]))
name("the gTLD itself with the option", S, {"name": "aaa", "spec13": True}, spec13=True, **view("aaa", "aaa", "aaa", ["aaa"]))
name("the gTLD itself without the option is a public suffix", S + P, "aaa", **view("aaa", "aaa", None, []))
name("aarp, deeper name", S, {"name": "a.b.aarp", "spec13": True}, spec13=True, **view("a.b.aarp", "aarp", "aarp", ["a.b.aarp", "b.aarp", "aarp"]))
name("google is not on the shipped list: no effect", S, {"name": "www.google", "spec13": True}, spec13=False, **view("www.google", "google", "www.google", ["www.google"]))
name("a ccTLD/legacy TLD is never Spec 13", S, {"name": "www.example.com", "spec13": True}, spec13=False, **view("www.example.com", "com", "example.com", ["www.example.com", "example.com"]))
name("wildcard under a Spec 13 gTLD", S + W, {"name": "*.aaa", "spec13": True}, spec13=True, wildcard=True, **view("aaa", "aaa", "aaa", ["aaa"]))
name("case of the TLD does not matter for the list", S + C, {"name": "WWW.AAA", "spec13": True}, spec13=True, **view("www.aaa", "aaa", "aaa", ["www.aaa", "aaa"]))
# ---- IDN ----
I = ["Idn"]
name("A-label under de", I, "xn--bcher-kva.de", **view("xn--bcher-kva.de", "de", "xn--bcher-kva.de", ["xn--bcher-kva.de"]))
name("A-label, pruned", I, "www.xn--bcher-kva.de", **view("www.xn--bcher-kva.de", "de", "xn--bcher-kva.de", ["www.xn--bcher-kva.de", "xn--bcher-kva.de"]))
name("U-label input is converted by the shell", I, "b\u00fccher.de", **view("xn--bcher-kva.de", "de", "xn--bcher-kva.de", ["xn--bcher-kva.de"]))
name("IDN TLD: the list's U-label rule (line 7067) matches the A-label", I, "www.example.xn--p1ai", **view("www.example.xn--p1ai", "xn--p1ai", "example.xn--p1ai", ["www.example.xn--p1ai", "example.xn--p1ai"]))
name("IDN name and TLD as U-labels", I, "\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444", **view("xn--e1afmkfd.xn--p1ai", "xn--p1ai", "xn--e1afmkfd.xn--p1ai", ["xn--e1afmkfd.xn--p1ai"]))
name("upper-case A-label prefix", I + C, "XN--BCHER-KVA.de", **view("xn--bcher-kva.de", "de", "xn--bcher-kva.de", ["xn--bcher-kva.de"]))
bad("xn-- label that is not valid Punycode", I + ["MalformedName"], "xn--zz.com", "bad-idn")
# ---- Malformed ----
M = ["MalformedName"]
bad("empty label", M, "a..b", "empty-label")
bad("leading dot", M, ".example.com", "empty-label")
bad("two trailing dots", M, "example.com..", "empty-label")
bad("empty name", M, "", "empty")
bad("a 300-byte label", M, "a" * 300 + ".com", "label-too-long")
bad("258 bytes of text, every label within 63", M, ("a" * 63 + ".") * 3 + "a" * 62 + ".com", "too-long")
bad("NUL byte inside the name (the runner reads escaped NULs)", M, "a\u0000b.com", "nul")
bad("leading hyphen", M, "-foo.com", "hyphen-edge")
bad("reserved LDH label that is not xn--", M, "ab--cd.com", "reserved-ldh")
bad("an IP address is not a domain name", M, "192.0.2.1", "all-numeric-tld")
bad("a space", M, "www example.com", "bad-char")
U = ["Underscore"]
bad("underscore in a requested name", U, "foo_bar.example.com", "underscore")
bad("underscore-prefixed requested name", U, "_dmarc.example.com", "underscore")
# ---- CNAME ----
N = ["CnameTarget"]
name("CNAME target pruned to its own BDN", N, {"name": "www.example.com", "cname": "customer.cdn.example.net"}, cname={"fqdn": "customer.cdn.example.net", "bdn": "example.net", "candidates": ["customer.cdn.example.net", "cdn.example.net", "example.net"]}, **view("www.example.com", "com", "example.com", ["www.example.com", "example.com"]))
name("CNAME target under another suffix", N, {"name": "shop.example.co.uk", "cname": "shops.host.co.jp"}, cname={"fqdn": "shops.host.co.jp", "publicSuffix": "co.jp", "bdn": "host.co.jp", "candidates": ["shops.host.co.jp", "host.co.jp"]})
name("CNAME target that is a public suffix gives no candidate", N + P, {"name": "www.example.com", "cname": "co.uk"}, cname={"fqdn": "co.uk", "bdn": None, "candidates": []})
name("CNAME target with PRIVATE: pruned to its own BDN x.github.io", N + O, {"name": "www.example.com", "cname": "x.github.io", "pslOptions": ["private"]}, cname={"fqdn": "x.github.io", "publicSuffix": "github.io", "bdn": "x.github.io", "candidates": ["x.github.io"]})
name("CNAME target may not be a wildcard", N + W, {"name": "www.example.com", "cname": "*.example.net"}, cname={"error": "bad-wildcard"})
name("malformed CNAME target: the name is still answered", N + M, {"name": "www.example.com", "cname": "a..b"}, cname={"error": "empty-label"}, **view("www.example.com", "com", "example.com", ["www.example.com", "example.com"]))


def adn(a, via="fqdn"):
    return {"adn": a, "via": via}


D = ["MethodByDate"]
name("the issue's example: DNS Change on 2019-06-01", D, {"name": "www.example.co.uk", "method": "3.2.2.4.7", "at": "2019-06-01"}, usable=True, adns=[adn("www.example.co.uk"), adn("example.co.uk")], method={"status": "allowed", "wildcard": True, "prune": True, "cname": True, "recordPrefix": "_<label>."})
name(".7 with a CNAME target", D + N, {"name": "www.example.com", "cname": "cdn.example.net", "method": "7", "at": "2019-06-01"}, usable=True, adns=[adn("www.example.com"), adn("example.com"), adn("cdn.example.net", "cname"), adn("example.net", "cname")])
name(".22 never uses CNAME-derived ADNs (SC88)", D + ["CnameForbidden"], {"name": "www.example.com", "cname": "cdn.example.net", "method": "3.2.2.4.22", "at": "2025-12-01"}, usable=True, adns=[adn("www.example.com"), adn("example.com")], method={"status": "allowed", "cname": False, "recordPrefix": "_validation-persist."})
name(".22 before SC88", D, {"name": "www.example.com", "method": "3.2.2.4.22", "at": "2025-11-09"}, usable=False, adns=[], method={"status": "not-defined"})
name(".18 before SC45's compliance date prunes", D, {"name": "www.example.com", "method": "3.2.2.4.18", "at": "2021-06-01"}, usable=True, adns=[adn("www.example.com"), adn("example.com")], authorizedPorts=[80, 443, 25, 22])
name(".18 from 2021-12-01: the FQDN only (SC45)", D + ["MethodExactFqdn"], {"name": "www.example.com", "method": "3.2.2.4.18", "at": "2021-12-01"}, usable=True, adns=[adn("www.example.com")])
name(".18 from 2021-12-01 refuses a CNAME target", D + ["MethodExactFqdn", "CnameForbidden"], {"name": "www.example.com", "cname": "cdn.example.net", "method": "3.2.2.4.18", "at": "2022-01-01"}, usable=True, adns=[adn("www.example.com")])
name(".18 and a wildcard from 2021-12-01: not usable", D + W + ["MethodExactFqdn"], {"name": "*.example.com", "method": "3.2.2.4.18", "at": "2022-01-01"}, usable=False, adns=[])
name(".19 and a wildcard before SC45", D + W, {"name": "*.example.com", "method": "3.2.2.4.19", "at": "2021-06-01"}, usable=True, adns=[adn("example.com")])
name(".20 is never wildcard-suitable", D + W + ["MethodExactFqdn"], {"name": "*.example.com", "method": "3.2.2.4.20", "at": "2021-01-01"}, usable=False, adns=[])
name(".20 validates the FQDN only", D + ["MethodExactFqdn"], {"name": "www.example.com", "method": "3.2.2.4.20", "at": "2021-01-01"}, usable=True, adns=[adn("www.example.com")])
name(".8 validates the FQDN only", D + ["MethodExactFqdn"], {"name": "www.example.com", "method": "3.2.2.4.8", "at": "2020-01-01"}, usable=True, adns=[adn("www.example.com")])
name(".8 from 2026-03-15: MUST NOT (SC90)", D + ["MethodRetired"], {"name": "www.example.com", "method": "3.2.2.4.8", "at": "2026-03-15"}, usable=False, adns=[], method={"status": "retired"})
E = ["ConstructedEmail"]
emails = [l + "@" + a for a in ["www.example.com", "example.com"] for l in ["admin", "administrator", "webmaster", "hostmaster", "postmaster"]]
name(".4: the five constructed addresses at each ADN", D + E, {"name": "www.example.com", "method": "3.2.2.4.4", "at": "2019-06-01"}, usable=True, emails=emails)
name(".4 in its SHOULD NOT period still gives the addresses", D + E + ["MethodDiscouraged"], {"name": "www.example.com", "method": "3.2.2.4.4", "at": "2026-06-01"}, usable=True, emails=emails, method={"status": "discouraged"})
name(".4 from 2028-03-15: retired, nothing usable", D + E + ["MethodRetired"], {"name": "www.example.com", "method": "3.2.2.4.4", "at": "2028-03-15"}, usable=False, adns=[])
name(".4 with a wildcard and a CNAME", D + E + W + N, {"name": "*.example.com", "cname": "mx.example.org", "method": "3.2.2.4.4", "at": "2020-01-01"}, usable=True, emails=[l + "@" + a for a in ["example.com", "mx.example.org", "example.org"] for l in ["admin", "administrator", "webmaster", "hostmaster", "postmaster"]])
name(".4 with Spec 13: the gTLD is an ADN", D + E + S, {"name": "www.aaa", "spec13": True, "method": "3.2.2.4.4", "at": "2020-01-01"}, usable=True, adns=[adn("www.aaa"), adn("aaa")])
name(".7 in the Ballot 181 gap", D + ["Ballot181Gap"], {"name": "www.example.com", "method": "3.2.2.4.7", "at": "2017-06-01"}, usable=False, adns=[], method={"status": "not-defined"})
name(".6 in the Ballot 181 gap", D + ["Ballot181Gap"], {"name": "www.example.com", "method": "3.2.2.4.6", "at": "2017-06-01"}, usable=True, adns=[adn("www.example.com"), adn("example.com")], authorizedPorts=[80, 443, 115, 25, 22])
V = ["CoversSet"]
name("example.com covers www.example.com", V, {"name": "www.example.com", "covers": "example.com"}, covers={"adn": "example.com", "result": True})
name("the FQDN covers itself", V, {"name": "www.example.com", "covers": "www.example.com"}, covers={"result": True})
name("a public suffix covers nothing", V, {"name": "www.example.com", "covers": "com"}, covers={"result": False})
name("a sibling does not cover", V, {"name": "www.example.com", "covers": "mail.example.com"}, covers={"result": False})
name("a descendant never covers its parent (WoSign 2015)", V, {"name": "www.example.com", "covers": "a.www.example.com"}, covers={"result": False})
name("example.co.uk covers mail.example.co.uk", V, {"name": "mail.example.co.uk", "covers": "example.co.uk"}, covers={"result": True})
name("co.uk covers nothing", V, {"name": "mail.example.co.uk", "covers": "co.uk"}, covers={"result": False})
name("an unrelated domain", V, {"name": "mail.example.co.uk", "covers": "example.com"}, covers={"result": False})
name("case-insensitive", V + C, {"name": "WWW.EXAMPLE.COM", "covers": "Example.Com"}, covers={"result": True})
name("trailing dot on the ADN", V + C, {"name": "www.example.com", "covers": "example.com."}, covers={"result": True})
name("under .18 from 2021-12-01 only the FQDN covers", V + ["MethodExactFqdn"], {"name": "www.example.com", "covers": "example.com", "method": "3.2.2.4.18", "at": "2022-01-01"}, covers={"result": False})
name("under .18 from 2021-12-01 the FQDN itself", V + ["MethodExactFqdn"], {"name": "www.example.com", "covers": "www.example.com", "method": "3.2.2.4.18", "at": "2022-01-01"}, covers={"result": True})
name("wildcard covered by its BDN under .4", V + W, {"name": "*.example.com", "covers": "example.com", "method": "3.2.2.4.4", "at": "2020-01-01"}, covers={"result": True})
name("wildcard not covered under .19 from 2021-12-01", V + W + ["MethodExactFqdn"], {"name": "*.example.com", "covers": "example.com", "method": "3.2.2.4.19", "at": "2022-01-01"}, covers={"result": False})
name("Spec 13: the gTLD covers names under it", V + S, {"name": "www.aaa", "spec13": True, "covers": "aaa"}, covers={"result": True})
name("without the option it does not", V + S, {"name": "www.aaa", "covers": "aaa"}, covers={"result": False})
name("a CNAME target's BDN covers under .7", V + N, {"name": "www.example.com", "cname": "x.example.net", "covers": "example.net", "method": "3.2.2.4.7", "at": "2020-01-01"}, covers={"result": True})
name("not under .22 (no CNAME-derived ADN)", V + N + ["CnameForbidden"], {"name": "www.example.com", "cname": "x.example.net", "covers": "example.net", "method": "3.2.2.4.22", "at": "2026-01-01"}, covers={"result": False})
name("a wildcard ADN covers nothing", V + W, {"name": "www.example.com", "covers": "*.example.com"}, covers={"result": False})
name("a retired method covers nothing", V + ["MethodRetired"], {"name": "www.example.com", "covers": "example.com", "method": "3.2.2.4.1", "at": "2019-01-01"}, covers={"result": False})
R = ["DnsChangePrefix"]
name("_acme-challenge. prefix on the FQDN", R, {"name": "www.example.com", "record": "_acme-challenge.www.example.com"}, record={"adns": ["www.example.com"]})
name("underscore label on the BDN", R, {"name": "www.example.com", "record": "_x.example.com"}, record={"adns": ["example.com"]})
name("the ADN itself", R, {"name": "www.example.com", "record": "www.example.com"}, record={"adns": ["www.example.com"]})
name("two prefix labels: not a location (one label only)", R, {"name": "www.example.com", "record": "_a._b.example.com"}, record={"adns": []})
name("a prefix label without underscore is not a location", R, {"name": "www.example.com", "record": "x.example.com"}, record={"adns": []})
name("under a public suffix: com is no ADN", R, {"name": "www.example.com", "record": "_foo.com"}, record={"adns": []})
name("case-insensitive record name", R + C, {"name": "www.example.com", "record": "_Validation.WWW.Example.com"}, record={"adns": ["www.example.com"]})
name("a label that is only '_'", R, {"name": "www.example.com", "record": "_.example.com"}, record={"adns": ["example.com"]})
name("underscore not at the start of the label", R, {"name": "www.example.com", "record": "a_b.example.com"}, record={"adns": []})

# ---- MethodTest: method M at date D (hand-written from the table of spec/adn.md) ----
def meth(comment, flags, m, at, status, **exp):
    add("MethodTest", comment, flags, {"method": m, "at": at}, status, expect=exp or None)

NO = dict(wildcard=False, prune=False, cname=False, recordPrefix="none", authorizedPorts=False, constructedEmail=False)
meth(".1 in the Ballot 181 gap", D + ["Ballot181Gap"], "3.2.2.4.1", "2017-03-01", "not-defined", **NO)
meth(".1 from Ballot 190", D, "3.2.2.4.1", "2017-10-19", "allowed", introduced="2017-10-19", sunset="2018-08-01", wildcard=True, prune=True, cname=True)
meth(".1 the day before Ballot 218's date", D, "3.2.2.4.1", "2018-07-31T23:59:59Z", "allowed")
meth(".1 from 2018-08-01 (Ballot 218)", D + ["MethodRetired"], "3.2.2.4.1", "2018-08-01", "retired", **NO)
meth(".2 from Ballot 190", D, "3.2.2.4.2", "2018-01-01", "allowed", sunset="2025-07-15")
meth(".2 from 2025-07-15 (SC80)", D + ["MethodRetired"], "3.2.2.4.2", "2025-07-15", "retired")
meth(".3 before SC14's cut-off", D, "3.2.2.4.3", "2019-05-31T23:59:59Z", "allowed")
meth(".3 after 2019-05-31 (SC14)", D + ["MethodRetired"], "3.2.2.4.3", "2019-06-01", "retired")
meth(".4 before Ballot 169 took effect", D, "3.2.2.4.4", "2016-09-01", "not-defined", introduced="2017-10-19")
meth(".4 allowed", D + E, "3.2.2.4.4", "2020-01-01", "allowed", constructedEmail=True, wildcard=True, prune=True, cname=True, discouraged="2026-03-15", sunset="2028-03-15")
meth(".4 SHOULD NOT from 2026-03-15 (SC90)", D + ["MethodDiscouraged"], "3.2.2.4.4", "2026-03-15", "discouraged", constructedEmail=True)
meth(".4 MUST NOT from 2028-03-15 (SC90)", D + ["MethodRetired"], "3.2.2.4.4", "2028-03-15", "retired", constructedEmail=False)
meth(".5 from Ballot 169's effective date", D, "3.2.2.4.5", "2017-03-01", "allowed", introduced="2017-03-01")
meth(".5 the second before", D, "3.2.2.4.5", "2017-02-28T23:59:59Z", "not-defined")
meth(".5 from 2018-08-01 (Ballot 218)", D + ["MethodRetired"], "3.2.2.4.5", "2018-08-01", "retired")
meth(".6 with Authorized Ports", D + ["AuthorizedPort"], "3.2.2.4.6", "2019-01-01", "allowed", authorizedPorts=True, wildcard=True)
meth(".6 on 2020-06-03, its last day (SC25)", D, "3.2.2.4.6", "2020-06-03T12:00:00Z", "allowed")
meth(".6 after 2020-06-03 (SC25)", D + ["MethodRetired"], "3.2.2.4.6", "2020-06-04", "retired", **NO)
meth(".7 in the Ballot 181 gap", D + ["Ballot181Gap"], "3.2.2.4.7", "2017-10-18T23:59:59Z", "not-defined")
meth(".7 from Ballot 190, underscore prefix", D + R, "3.2.2.4.7", "2017-10-19", "allowed", recordPrefix="_<label>.", wildcard=True, prune=True, cname=True, sunset=None)
meth(".7 today", D + R, "3.2.2.4.7", "2026-06-01", "allowed", recordPrefix="_<label>.")
meth(".8 exact FQDN", D + ["MethodExactFqdn"], "3.2.2.4.8", "2018-01-01", "allowed", wildcard=False, prune=False, cname=False)
meth(".8 from 2026-03-15 (SC90)", D + ["MethodRetired"], "3.2.2.4.8", "2026-03-15", "retired")
meth(".9 with Authorized Ports", D + ["AuthorizedPort"], "3.2.2.4.9", "2018-01-01", "allowed", authorizedPorts=True)
meth(".9 from SC15", D + ["MethodRetired"], "3.2.2.4.9", "2019-03-16", "retired")
meth(".10 allowed in 2019", D, "3.2.2.4.10", "2019-01-01", "allowed", authorizedPorts=True)
meth(".10 from SC33", D + ["MethodRetired"], "3.2.2.4.10", "2020-09-22", "retired")
meth(".11 any other method, Ballot 181 gap", D + ["Ballot181Gap"], "3.2.2.4.11", "2017-06-01", "allowed")
meth(".11 retired by Ballot 190", D + ["MethodRetired", "Ballot181Gap"], "3.2.2.4.11", "2017-10-19", "retired")
meth(".12 from Ballot 190", D, "3.2.2.4.12", "2017-10-19", "allowed", wildcard=True, cname=True, sunset=None)
meth(".12 before", D + ["Ballot181Gap"], "3.2.2.4.12", "2017-10-01", "not-defined")
meth(".13 from SC13", D, "3.2.2.4.13", "2019-02-01", "allowed", recordPrefix="none")
meth(".13 the day before", D, "3.2.2.4.13", "2019-01-31", "not-defined")
meth(".14 TXT contact prefix", D + R, "3.2.2.4.14", "2020-01-01", "allowed", recordPrefix="_validation-contactemail.")
meth(".14 MUST NOT from 2028-03-15", D + ["MethodRetired"], "3.2.2.4.14", "2028-03-15", "retired")
meth(".15 from SC14", D, "3.2.2.4.15", "2019-03-16", "allowed")
meth(".15 from 2025-07-15 (SC80)", D + ["MethodRetired"], "3.2.2.4.15", "2025-07-15", "retired")
meth(".16 phone TXT contact prefix", D + R, "3.2.2.4.16", "2020-01-01", "allowed", recordPrefix="_validation-contactphone.")
meth(".16 SHOULD NOT from 2026-03-15", D + ["MethodDiscouraged"], "3.2.2.4.16", "2026-12-31", "discouraged")
meth(".16 MUST NOT from 2027-03-15", D + ["MethodRetired"], "3.2.2.4.16", "2027-03-15", "retired")
meth(".17 before SC19", D, "3.2.2.4.17", "2019-09-08", "not-defined")
meth(".17 from SC19", D, "3.2.2.4.17", "2019-09-09", "allowed")
meth(".17 MUST NOT from 2027-03-15", D + ["MethodRetired"], "3.2.2.4.17", "2027-03-15", "retired")
meth(".18 from SC25, wildcard-suitable until SC45", D, "3.2.2.4.18", "2020-03-03", "allowed", wildcard=True, prune=True, cname=True, authorizedPorts=True)
meth(".18 the second before SC45's compliance date", D, "3.2.2.4.18", "2021-11-30T23:59:59Z", "allowed", wildcard=True)
meth(".18 from 2021-12-01 (SC45)", D + ["MethodExactFqdn"], "3.2.2.4.18", "2021-12-01", "allowed", wildcard=False, prune=False, cname=False, authorizedPorts=True)
meth(".19 before SC25", D, "3.2.2.4.19", "2020-03-02", "not-defined")
meth(".19 from 2021-12-01 (SC45)", D + ["MethodExactFqdn"], "3.2.2.4.19", "2024-01-01", "allowed", wildcard=False, prune=False, cname=False)
meth(".20 from SC33, never wildcard", D + ["MethodExactFqdn"], "3.2.2.4.20", "2020-09-22", "allowed", wildcard=False, prune=False, cname=False, authorizedPorts=False)
meth(".20 before SC33", D, "3.2.2.4.20", "2020-09-21", "not-defined")
meth(".21 from SC84", D + R, "3.2.2.4.21", "2025-03-01", "allowed", recordPrefix="_<account-label>._acme-challenge.", cname=True)
meth(".21 before", D, "3.2.2.4.21", "2025-02-28", "not-defined")
meth(".22 from SC88: no CNAME", D + R + ["CnameForbidden"], "3.2.2.4.22", "2025-11-10", "allowed", recordPrefix="_validation-persist.", cname=False, wildcard=True, prune=True)
meth("short method form '7'", D, "7", "2019-06-01", "allowed", id="3.2.2.4.7")

# ---- PortTest ----
def port(comment, p, at, ok, ports):
    add("PortTest", comment, ["AuthorizedPort"], {"port": p, "at": at}, "authorized" if ok else "not-authorized", expect={"authorizedPorts": ports})

P5 = [80, 443, 115, 25, 22]
P4 = [80, 443, 25, 22]
port("80 before Ballot 169 took effect: the term is not in force", 80, "2017-02-28T23:59:59Z", False, [])
port("80 from 2017-03-01", 80, "2017-03-01", True, P5)
port("115 (sftp) under Ballot 169", 115, "2017-03-01", True, P5)
port("115 the last second before Ballot 190", 115, "2017-10-18T23:59:59Z", True, P5)
port("115 removed by Ballot 190", 115, "2017-10-19", False, P4)
port("443", 443, "2020-01-01", True, P4)
port("25 (smtp)", 25, "2024-01-01", True, P4)
port("22 (ssh)", 22, "2026-06-01", True, P4)
port("8080 is never authorized", 8080, "2020-01-01", False, P4)
port("21 (ftp) is never authorized", 21, "2017-06-01", False, P5)
port("port 0", 0, "2020-01-01", False, P4)

# ---- appended (tcIds after the port tests): IDN labels the shell refuses, RFC 5892 s2.5, s3 ----
# Only LDH ASCII is PVALID in IDNA2008 (spec/names.md NAME-IDN): the shell's one conversion refuses
# these U-labels, so they are never a wildcard or an underscore label (reason bad-idn).
bad("fullwidth asterisk U+FF0A (libidn2 maps it to '*') is no wildcard", I + M, "\uff0a.example.com", "bad-idn")
bad("small asterisk U+FE61 (libidn2 maps it to '*') is no wildcard", I + M, "\ufe61.example.com", "bad-idn")
bad("'_' beside a non-ASCII letter in one label", I + M, "_\u00fc.example", "bad-idn")
bad("fullwidth low line U+FF3F (libidn2 maps it to '_') is no underscore", I + M, "www.\uff3fa.example.com", "bad-idn")
name("a real wildcard over a U-label", I + W, "*.b\u00fccher.de", wildcard=True, **view("xn--bcher-kva.de", "de", "xn--bcher-kva.de", ["xn--bcher-kva.de"]))
# An ADN to cover and a DNS record name are converted like the requested name (one conversion).
name("a U-label ADN, in upper case, covers the name", V + I + C, {"name": "www.b\u00fccher.de", "covers": "B\u00dcCHER.de"}, covers={"result": True})
name("a fullwidth-asterisk label is no ADN and covers nothing", V + I, {"name": "www.b\u00fccher.de", "covers": "\uff0a.b\u00fccher.de"}, covers={"result": False})
name("a DNS record name with a U-label: '_x.' on the BDN", R + I, {"name": "www.b\u00fccher.de", "record": "_x.b\u00fccher.de"}, record={"adns": ["xn--bcher-kva.de"]})
name("a record prefix label '_\u00fc' is a refused U-label, not an underscore label", R + I, {"name": "www.b\u00fccher.de", "record": "_\u00fc.b\u00fccher.de"}, record={"adns": []})

# ---- Names a certificate may not hold (issue 15), appended so that earlier tcIds stay ----
T = ["TrailingDot"]
bad("the root label after a U-label name (U+3002 maps to a dot)", T + ["Idn"], "www.b\u00fccher.de\u3002", "trailing-dot")
name("a CNAME target may end in the root label's dot (a DNS name, not a certificate's)", T + ["CnameTarget"], {"name": "www.example.com", "cname": "cdn.example.net."}, cname={"fqdn": "cdn.example.net", "bdn": "example.net", "candidates": ["cdn.example.net", "example.net"]})
N2 = ["InternalName"]
bad("corp has no ICANN rule (not delegated): the issue's intranet.corp", N2, "intranet.corp", "internal-name")
bad("a wildcard over an Internal Name", N2 + W, "*.intranet.corp", "internal-name")
bad("test is special-use (RFC 6761 s6.2)", N2, "www.test", "internal-name")
bad("localhost (RFC 6761 s6.3)", N2, "app.localhost", "internal-name")
bad("invalid (RFC 6761 s6.4)", N2, "x.invalid", "internal-name")
bad("local, Multicast DNS (RFC 6762 s3)", N2, "printer.local", "internal-name")
bad("home.arpa, under the delegated arpa but locally served (RFC 8375)", N2, "nas.home.arpa", "internal-name")
bad("internal, reserved by ICANN for private use (2024)", N2, "git.internal", "internal-name")
bad("a single label that is no TLD", N2, "intranet", "internal-name")
name("za has no rule of its own but co.za (line 7149) ends in it: delegated, the default rule answers", N2 + B, "example.za", **view("example.za", "za", "example.za", ["example.za"]))
name("ck has only *.ck and !www.ck (lines 752-753): delegated", N2 + K, "www.ck", **view("www.ck", "ck", "www.ck", ["www.ck"]))
name("arpa (line 196) is delegated: a name under it that is no reverse zone", N2, "x.e164.arpa", **view("x.e164.arpa", "e164.arpa", "x.e164.arpa", ["x.e164.arpa"]))
name("example.com is under com: RFC 6761's example domains are not Internal Names", N2 + B, "www.example.com", **view("www.example.com", "com", "example.com", ["www.example.com", "example.com"]))
Z = ["ReverseZone"]
bad("in-addr.arpa on 2026-03-15 (BR 4.2.2, SC86)", Z, {"name": "4.3.2.1.in-addr.arpa", "at": "2026-03-15"}, "reverse-zone")
name("in-addr.arpa the day before: in-addr.arpa (line 198) is its public suffix", Z, {"name": "4.3.2.1.in-addr.arpa", "at": "2026-03-14"}, **view("4.3.2.1.in-addr.arpa", "in-addr.arpa", "1.in-addr.arpa", ["4.3.2.1.in-addr.arpa", "3.2.1.in-addr.arpa", "2.1.in-addr.arpa", "1.in-addr.arpa"]))
bad("ip6.arpa on 2026-03-15", Z, {"name": "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.ip6.arpa", "at": "2026-03-15"}, "reverse-zone")
bad("the suffix itself", Z, {"name": "ip6.arpa", "at": "2027-01-01"}, "reverse-zone")
bad("a wildcard under a reverse zone", Z + W, {"name": "*.2.1.in-addr.arpa", "at": "2026-03-15"}, "reverse-zone")
name("a label ending in the suffix's text is not under it", Z, {"name": "x.notin-addr.arpa", "at": "2026-03-15"}, **view("x.notin-addr.arpa", "arpa", "notin-addr.arpa", ["x.notin-addr.arpa", "notin-addr.arpa"]))

bad("a dot followed by U+FE0A, which the IDNA mapping deletes: the name still ends in the root label's dot", T + ["Idn"], "www.example.com.\ufe0a", "trailing-dot")
groups = [
    {"type": "AdnTest", "comment": "BDN, candidates, CNAME targets, methods applied to a name, covers and DNS Change locations. PSL: vectors/psl/public_suffix_list.dat; pslOptions empty = BR default.", "tests": tests["AdnTest"]},
    {"type": "MethodTest", "comment": "The rules of one method of BR 3.2.2.4 at one instant (spec/adn.md table); result is the status.", "tests": tests["MethodTest"]},
    {"type": "PortTest", "comment": "Authorized Ports at an instant.", "tests": tests["PortTest"]},
]
n = vecgen.write(ROOT, "adn.json", "CABF-ADN", "adn.schema.json", [
    "Test vectors for Base Domain Names, Authorization Domain Names, the methods of BR 3.2.2.4 by date and the Authorized Ports (spec/adn.md).",
    "Every expected value was written by hand (vectors/adn/gen_adn_vectors.py) from the rule text and from the rules of the pinned PSL snapshot",
    "vectors/psl/public_suffix_list.dat (Debian publicsuffix 20230209.2326-1); nothing was computed by cabref.",
    "A test passes when result, the reason set and every key of expect match; expect objects are compared key by key, arrays exactly.",
    "Instants are UTC: YYYY-MM-DD means 00:00:00Z.",
], NOTES, groups)
print("vectors/adn.json: %d tests" % n)
