#!/usr/bin/python3
"""Writes the custom-list tests of vectors/psl.json: the tests that carry their own list text
(input.list, or input.listHex for bytes a JSON string cannot carry) instead of the pinned snapshot.

The other groups of vectors/psl.json (the 266 tests against the snapshot) were written by hand and
have no generator; this script leaves them as they are. It replaces the groups whose comment starts
with GROUP_PREFIX and the notes of NOTES, gives the new tests the tcIds after the highest other
one, keeps the header line on input.list and recomputes numberOfTests. Run it again after editing.

Every expected value below was written by hand from the rule cited in its note (spec/psl.md
PSL-FORMAT-*, PSL-TABLE-*, PSL-MATCH-*) and the PSL format documentation
(https://github.com/publicsuffix/list/wiki/Format); nothing is computed by cabref.
Run from the source tree: /usr/bin/python3 vectors/psl/gen_psl_list_vectors.py
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PATH = os.path.join(ROOT, "vectors", "psl.json")
GROUP_PREFIX = "Custom lists:"
FORMAT = "https://github.com/publicsuffix/list/wiki/Format"
LINTER = "https://github.com/publicsuffix/list/blob/main/linter/pslint.py"
RFC3629 = "https://www.rfc-editor.org/rfc/rfc3629"

HEADER_LINE = (
    "input.list (optional): the list text to use instead of the snapshot (UTF-8, exactly as a file "
    "would hold it); input.listHex (optional, never with list): the same as hexadecimal bytes, for "
    "lists no JSON string can carry (invalid UTF-8, NUL). With either, result 'list-error' means "
    "the list itself is refused (spec/psl.md PSL-FORMAT-*): reason is one of 'nul-byte', "
    "'encoding' (not UTF-8), 'too-long' (a line over 4096 bytes, or a label or rule over the name "
    "limits), 'syntax', 'duplicate' (a section begun twice), and expect.line / expect.column give "
    "the 1-based line and, for PSL-FORMAT-TEXT errors, the 1-based byte column of the first "
    "offending byte (every such vector has only ASCII before that byte in its line, so bytes and "
    "characters agree). A list that loads may be checked with expect.listRules (distinct rules "
    "kept, a rule being its text after PSL-CANON, its kind and its section) and "
    "expect.listWarnings (rules dropped as duplicates, PSL-FORMAT-DUPLICATE).")

NOTES = {
    "ExceptionBelow": {
        "bugType": "EDGE_CASE",
        "description": "Rules below an exception rule match the name too (a normal or wildcard rule with more labels than the exception): the exception still prevails, whatever the length of the others; of two matching exceptions the longer prevails. An implementation that takes the longest matching rule first and exceptions only among rules of that length gets these wrong.",
        "clause": "PSL format, Algorithm ('If any rule is an exception rule, that rule prevails'; 'If more than one rule matches, the prevailing rule is the one which is an exception rule'); spec/psl.md PSL-MATCH-PREVAILING",
        "links": [FORMAT],
        "requirements": ["PSL-MATCH-PREVAILING", "PSL-MATCH-RULE"],
    },
    "ListComment": {
        "bugType": "BASIC",
        "description": "A line starting '//' is a comment and a blank line is ignored, inside and outside the sections: a comment holding a rule's text adds no rule, and comments or blank lines outside the sections are not rules outside them. A line starting with a single '/' is not a comment.",
        "clause": "PSL format ('Each line is only read up to the first whitespace; entire lines can also be commented using //. Each line which is not entirely whitespace or begins with a comment contains a rule.'); spec/psl.md PSL-FORMAT-COMMENT",
        "links": [FORMAT],
        "requirements": ["PSL-FORMAT-COMMENT"],
    },
    "ListText": {
        "bugType": "EDGE_CASE",
        "description": "The list is UTF-8 text, one rule per line, lines end with LF and a CR before the LF is dropped; the last line needs no LF; a line of 4096 bytes (the CR of a CR LF not counted) is accepted; non-ASCII UTF-8 is fine in comments.",
        "clause": "spec/psl.md PSL-FORMAT-TEXT; PSL format (the list 'is encoded using UTF-8', one rule per line)",
        "links": [FORMAT, RFC3629],
        "requirements": ["PSL-FORMAT-TEXT"],
    },
    "ListTextRefused": {
        "bugType": "MALFORMED_INPUT",
        "description": "The list is refused, at LINE:COLUMN of the first offending byte, for a NUL byte, invalid UTF-8 (a bad continuation, an overlong form, a surrogate, a code point above U+10FFFF, a truncated sequence) or a line longer than 4096 bytes; anywhere, comments included.",
        "clause": "spec/psl.md PSL-FORMAT-TEXT; RFC 3629 s3-4",
        "links": [FORMAT, RFC3629],
        "requirements": ["PSL-FORMAT-TEXT"],
    },
    "ListDuplicate": {
        "bugType": "EDGE_CASE",
        "description": "A rule listed twice in one section is kept once and counted as a warning: the list loads, the answers are those of one copy. The same rule in the two sections is two rules; a normal and a wildcard or exception rule on the same labels are different rules; rules equal after PSL-CANON (ASCII case, U-label and its A-label) are the same rule.",
        "clause": "spec/psl.md PSL-FORMAT-DUPLICATE, PSL-CANON; the list's linter reports duplicates",
        "links": [FORMAT, LINTER],
        "requirements": ["PSL-FORMAT-DUPLICATE"],
    },
    "ListRule": {
        "bugType": "EDGE_CASE",
        "description": "The rule is the line up to its first whitespace; a line starting with whitespace holds no rule; '!*', '*' alone, an empty label, a label over 63 bytes and a one-label exception rule refuse the list (at the rule's line).",
        "clause": "spec/psl.md PSL-FORMAT-RULE; PSL format ('Each line is only read up to the first whitespace'; 'Wildcards may only be used to wildcard an entire level')",
        "links": [FORMAT],
        "requirements": ["PSL-FORMAT-RULE"],
    },
    "ListSections": {
        "bugType": "MALFORMED_INPUT",
        "description": "Rules belong to the ICANN or the PRIVATE section: a rule outside both, a section begun inside another, a section begun twice and a section left open refuse the list (the line is the rule's, the second BEGIN's, or the last line).",
        "clause": "spec/psl.md PSL-FORMAT-SECTIONS (cabref's decision, as the list's linter)",
        "links": [FORMAT, LINTER],
        "requirements": ["PSL-FORMAT-SECTIONS"],
    },
    "TablePrefix": {
        "bugType": "EDGE_CASE",
        "description": "A rule whose parents are not rules ('a.b.c' without 'b.c' or 'c'): the compiled table must still hold every proper prefix as a node, linked by parents, for the label-by-label walk from the top-level label to reach the rule; and such an added node must carry no rule ('x.b.c' falls back to the '*' rule, or to no rule without it).",
        "clause": "spec/psl.md PSL-TABLE-PREFIX, PSL-TABLE-PARENT, PSL-TABLE-NODES; PSL formal algorithm (a rule matches on its own labels, whatever else is listed)",
        "links": [FORMAT],
        "requirements": ["PSL-TABLE-PREFIX", "PSL-TABLE-PARENT", "PSL-TABLE-NODES", "PSL-TABLE-VALID"],
    },
    "TableUnique": {
        "bugType": "EDGE_CASE",
        "description": "Labels that are reached twice must be one node: 'b.c' listed after 'a.b.c' (which made 'b.c' a node without rules), and a normal, a wildcard and an exception rule on the same labels. With two nodes for one label sequence the walk could stop at the copy without the rule; the answers below need the one node carrying every rule.",
        "clause": "spec/psl.md PSL-TABLE-UNIQUE, PSL-TABLE-NODES",
        "links": [FORMAT],
        "requirements": ["PSL-TABLE-UNIQUE", "PSL-TABLE-NODES", "PSL-TABLE-VALID"],
    },
    "TableFlags": {
        "bugType": "EDGE_CASE",
        "description": "One node carries rules of different kinds in different sections (ICANN 'w.test' and PRIVATE '*.w.test'; ICANN '*.v.test' and PRIVATE '!x.v.test'): the section option decides which of the node's rules count.",
        "clause": "spec/psl.md PSL-TABLE-NODES, PSL-OPT-SECTIONS",
        "links": [FORMAT],
        "requirements": ["PSL-TABLE-NODES", "PSL-OPT-SECTIONS", "PSL-TABLE-VALID"],
    },
    "TableBucket": {
        "bugType": "EDGE_CASE",
        "description": "Twenty rules 'aXbYa.test' (X a digit, Y 0 or 1) under one parent share the length (5) and the first, middle (byte 5/2 = 2) and last bytes of their last label, so by PSL-TABLE-KEY they have one key for any bucket count: all twenty sit in one bucket, which must list each of them (PSL-TABLE-BUCKETS), and the search must tell them apart by the whole label. A name under a label of the same key that is not listed ('a3b2a') falls back to 'test'.",
        "clause": "spec/psl.md PSL-TABLE-KEY, PSL-TABLE-BUCKETS",
        "links": [FORMAT],
        "requirements": ["PSL-TABLE-KEY", "PSL-TABLE-BUCKETS", "PSL-TABLE-VALID"],
    },
    "TableLimits": {
        "bugType": "EDGE_CASE",
        "description": "The bounds of the table: a rule with a 63-byte label (a label span of 63 bytes) and a rule of 127 one-byte labels (253 bytes, a node of depth 127 with 126 added prefixes) load and match.",
        "clause": "spec/psl.md PSL-TABLE-SPANS, PSL-TABLE-NODES, PSL-FORMAT-RULE (a label over 63 bytes, a rule over 253 bytes are refused)",
        "links": [FORMAT, "https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4"],
        "requirements": ["PSL-TABLE-SPANS", "PSL-TABLE-NODES", "PSL-TABLE-PREFIX", "PSL-TABLE-VALID"],
    },
}

BI, EI = "// ===BEGIN ICANN DOMAINS===\n", "// ===END ICANN DOMAINS===\n"
BP, EP = "// ===BEGIN PRIVATE DOMAINS===\n", "// ===END PRIVATE DOMAINS===\n"


def icann(*rules):
    return BI + "".join(r + "\n" for r in rules) + EI


tests = []


def ok(comment, flags, lst, name, opts, suffix, reg, rule, kind, **extra):
    exp = {"publicSuffix": suffix, "registrableDomain": reg, "rule": rule, "kind": kind}
    exp.update(extra)
    inp = {"name": name, "options": opts}
    inp.update(lst if isinstance(lst, dict) else {"list": lst})
    tests.append({"comment": comment, "flags": flags, "input": inp, "result": "valid",
                  "reason": [], "expect": exp})


def refused(comment, flags, lst, code, line, column=None):
    exp = {"line": line}
    if column is not None:
        exp["column"] = column
    inp = {"name": "example.com", "options": []}
    inp.update(lst if isinstance(lst, dict) else {"list": lst})
    tests.append({"comment": comment, "flags": flags, "input": inp, "result": "list-error",
                  "reason": [code], "expect": exp})


def hexlist(b):
    return {"listHex": b.hex()}


# ---- PSL-FORMAT-COMMENT ------------------------------------------------------------------------
ok("'// example.com' is a comment, not a rule: only 'com' is listed", ["ListComment"],
   icann("com", "// example.com"), "www.example.com", [], "com", "example.com", "com", "normal")
ok("'//example.com' (no space after '//') is a comment too", ["ListComment"],
   icann("com", "//example.com"), "www.example.com", [], "com", "example.com", "com", "normal")
ok("comments and blank lines before, between and after the sections are neither rules nor rules "
   "outside a section", ["ListComment"],
   "// header comment\n\n" + BI + "\n//\ncom\n\n" + EI + "\n// between\n\n" + BP + "\n" + EP
   + "\n// trailer\n", "example.com", [], "com", "example.com", "com", "normal")
refused("'/example.com': one '/' does not make a comment; the rule holds '/', which no rule may",
        ["ListComment", "ListRule"], icann("com", "/example.com"), "syntax", 3)

# ---- PSL-FORMAT-TEXT ---------------------------------------------------------------------------
ok("CR LF line ends: the CR is dropped, so the markers and 'example.com' are read as written",
   ["ListText"], icann("com", "example.com").replace("\n", "\r\n"), "www.example.com", [],
   "example.com", "www.example.com", "example.com", "normal")
ok("the last line (the END marker) has no LF: still read, so the section is closed",
   ["ListText"], icann("com")[:-1], "example.com", [], "com", "example.com", "com", "normal")
ok("a comment line of exactly 4096 bytes is accepted", ["ListText", "ListComment"],
   BI + "//" + "x" * 4094 + "\ncom\n" + EI, "example.com", [], "com", "example.com", "com",
   "normal")
ok("a line of 4096 bytes followed by CR LF is accepted (the CR is not part of the line)",
   ["ListText"], BI + "//" + "x" * 4094 + "\r\ncom\n" + EI, "example.com", [], "com",
   "example.com", "com", "normal")
ok("UTF-8 beyond ASCII in a comment (2-, 3- and 4-byte sequences) is fine",
   ["ListText", "ListComment"], BI + "// \u00fc \u20ac \U0001F600\ncom\n" + EI, "example.com", [],
   "com", "example.com", "com", "normal")
refused("a comment line of 4097 bytes: refused at its 4097th byte", ["ListTextRefused"],
        BI + "//" + "x" * 4095 + "\ncom\n" + EI, "too-long", 2, 4097)
refused("a NUL byte in a comment line ('// a' NUL 'b'): refused at the NUL", ["ListTextRefused"],
        hexlist((BI + "// a\0b\ncom\n" + EI).encode()), "nul-byte", 2, 5)
refused("a NUL byte after a rule ('com' NUL)", ["ListTextRefused"],
        hexlist((BI + "com\0\n" + EI).encode()), "nul-byte", 2, 4)
refused("invalid UTF-8 in a comment: C3 followed by '(' (not a continuation byte)",
        ["ListTextRefused"], hexlist(BI.encode() + b"// caf\xc3(\ncom\n" + EI.encode()),
        "encoding", 2, 7)
refused("invalid UTF-8 in a rule: the overlong C0 AF ('/')", ["ListTextRefused"],
        hexlist(BI.encode() + b"com\na\xc0\xaf.com\n" + EI.encode()), "encoding", 3, 2)
refused("invalid UTF-8: ED A0 80 encodes the surrogate U+D800", ["ListTextRefused"],
        hexlist(BI.encode() + b"//\xed\xa0\x80\ncom\n" + EI.encode()), "encoding", 2, 3)
refused("invalid UTF-8: F4 90 80 80 would be U+110000, above U+10FFFF", ["ListTextRefused"],
        hexlist(BI.encode() + b"com\n\xf4\x90\x80\x80\n" + EI.encode()), "encoding", 3, 1)
refused("invalid UTF-8: a sequence cut by the end of the text (E2 82, no LF)",
        ["ListTextRefused"], hexlist(BI.encode() + b"com\n" + EI.encode() + b"// \xe2\x82"),
        "encoding", 4, 4)

# ---- PSL-FORMAT-DUPLICATE ----------------------------------------------------------------------
ok("'com' twice in the ICANN section: kept once, one warning", ["ListDuplicate"],
   icann("com", "com"), "example.com", [], "com", "example.com", "com", "normal",
   listRules=1, listWarnings=1)
ok("'com' and 'COM': ASCII rules are lower-cased (PSL-CANON), so they are one rule",
   ["ListDuplicate", "Case"], icann("com", "COM"), "www.example.com", [], "com", "example.com",
   "com", "normal", listRules=1, listWarnings=1)
ok("the U-label rule '\u03b5\u03bb' and its A-label 'xn--qxam' are one rule (PSL-CANON)",
   ["ListDuplicate", "IdnRule"], icann("\u03b5\u03bb", "xn--qxam"), "example.xn--qxam", [],
   "xn--qxam", "example.xn--qxam", "xn--qxam", "normal", listRules=1, listWarnings=1)
ok("'com' in ICANN and in PRIVATE: two rules, no warning (duplicates are within one section)",
   ["ListDuplicate", "Sections"], icann("com") + BP + "com\n" + EP, "example.com", ["private"],
   "com", "example.com", "com", "normal", listRules=2, listWarnings=0)
ok("'*.ck' and '!www.ck' each twice: two rules, two warnings; the exception still prevails",
   ["ListDuplicate", "Exception"], icann("*.ck", "!www.ck", "*.ck", "!www.ck"), "www.ck", [],
   "ck", "www.ck", "!www.ck", "exception", listRules=2, listWarnings=2)
ok("'b.c' and '*.b.c' are two rules, not duplicates: 'x.b.c' is matched by the wildcard",
   ["ListDuplicate", "TableUnique"], icann("b.c", "*.b.c"), "x.b.c", [], "x.b.c", None, "*.b.c",
   "wildcard", listRules=2, listWarnings=0)

# ---- PSL-FORMAT-RULE ---------------------------------------------------------------------------
ok("'example.com  // note': the rule is the text up to the first whitespace", ["ListRule"],
   icann("com", "example.com  // note"), "www.example.com", [], "example.com", "www.example.com",
   "example.com", "normal")
ok("' example.com': a line starting with whitespace holds no rule", ["ListRule"],
   icann("com", " example.com"), "www.example.com", [], "com", "example.com", "com", "normal")
refused("'!*.b.c': an exception rule cannot be a wildcard rule", ["ListRule"],
        icann("com", "!*.b.c"), "syntax", 3)
refused("'*' alone: the default rule is implicit and cannot be listed", ["ListRule"],
        icann("*"), "syntax", 2)
refused("'a..com': an empty label", ["ListRule"], icann("a..com"), "syntax", 2)
refused("'!com': a one-label exception rule (its suffix would be empty)", ["ListRule"],
        icann("!com"), "syntax", 2)
refused("a rule with a 64-byte label", ["ListRule"],
        icann("a" * 64 + ".test"), "too-long", 2)

# ---- PSL-FORMAT-SECTIONS -----------------------------------------------------------------------
refused("a rule before any section", ["ListSections"], "com\n" + icann("net"), "syntax", 1)
refused("the PRIVATE section begun inside the ICANN section", ["ListSections"],
        BI + "com\n" + BP + "net\n" + EP + EI, "syntax", 3)
refused("the ICANN section begun twice", ["ListSections"], icann("com") + icann("net"),
        "duplicate", 4)
refused("the ICANN section never closed (reported at the last line)", ["ListSections"],
        BI + "com\n", "syntax", 2)

# ---- PSL-TABLE-PREFIX, -PARENT -----------------------------------------------------------------
L = icann("a.b.c")
ok("only 'a.b.c' is listed ('b.c' and 'c' are not): the walk reaches it through added nodes",
   ["TablePrefix"], L, "x.a.b.c", [], "a.b.c", "x.a.b.c", "a.b.c", "normal")
ok("only 'a.b.c' is listed: the name 'a.b.c' is its own public suffix", ["TablePrefix"], L,
   "a.b.c", [], "a.b.c", None, "a.b.c", "normal")
ok("only 'a.b.c' is listed: 'b.c' is a node but no rule, so 'x.b.c' gets the '*' rule",
   ["TablePrefix", "DefaultRule"], L, "x.b.c", [], "c", "b.c", "*", "default")
ok("only 'a.b.c' is listed, no '*' rule: 'x.b.c' matches no rule at all",
   ["TablePrefix", "DefaultRule"], L, "x.b.c", ["no-star"], None, None, None, "none")
L = icann("*.b.c")
ok("only '*.b.c' is listed: 'x.y.b.c' is matched by the wildcard", ["TablePrefix"], L,
   "x.y.b.c", [], "y.b.c", "x.y.b.c", "*.b.c", "wildcard")
ok("only '*.b.c' is listed: strict wildcards, 'b.c' falls back to the '*' rule",
   ["TablePrefix", "WildcardParent"], L, "b.c", [], "c", "b.c", "*", "default")
ok("only '*.b.c' is listed: with wildcard-parent 'b.c' is its own public suffix",
   ["TablePrefix", "WildcardParent"], L, "b.c", ["wildcard-parent"], "b.c", None, "*.b.c",
   "wildcard")
L = icann("!x.b.c")
ok("only '!x.b.c' is listed (no '*.b.c', no 'b.c'): the exception prevails, minus its leftmost "
   "label", ["TablePrefix", "Exception"], L, "x.b.c", [], "b.c", "x.b.c", "!x.b.c", "exception")
ok("only '!x.b.c' is listed: it matches 'y.x.b.c' too", ["TablePrefix", "Exception"], L,
   "y.x.b.c", ["no-star"], "b.c", "x.b.c", "!x.b.c", "exception")

# ---- PSL-TABLE-UNIQUE --------------------------------------------------------------------------
L = icann("a.b.c", "b.c")
ok("'b.c' listed after 'a.b.c' made it a node: one node, carrying the rule", ["TableUnique"], L,
   "x.b.c", [], "b.c", "x.b.c", "b.c", "normal")
ok("'b.c' listed after 'a.b.c': 'a.b.c' still prevails below it", ["TableUnique"], L,
   "y.a.b.c", [], "a.b.c", "y.a.b.c", "a.b.c", "normal")
L = icann("b.c", "*.b.c", "!x.b.c")
ok("'b.c', '*.b.c', '!x.b.c': 'x.b.c' is matched by the exception", ["TableUnique", "Exception"],
   L, "x.b.c", [], "b.c", "x.b.c", "!x.b.c", "exception")
ok("'b.c', '*.b.c', '!x.b.c': 'y.b.c' is matched by the wildcard (3 labels against 2)",
   ["TableUnique"], L, "y.b.c", [], "y.b.c", None, "*.b.c", "wildcard")
ok("'b.c', '*.b.c', '!x.b.c': 'b.c' is matched by its normal rule", ["TableUnique"], L, "b.c",
   ["wildcard-parent"], "b.c", None, "b.c", "normal")

# ---- PSL-TABLE-NODES: several kinds and sections on one node -----------------------------------
L = icann("test", "w.test", "*.v.test") + BP + "*.w.test\n!x.v.test\n" + EP
ok("ICANN 'w.test', PRIVATE '*.w.test', BR default: only the ICANN rule counts", ["TableFlags"],
   L, "a.b.w.test", [], "w.test", "b.w.test", "w.test", "normal")
ok("ICANN 'w.test', PRIVATE '*.w.test', private: the wildcard has more labels",
   ["TableFlags", "Sections"], L, "a.b.w.test", ["private"], "b.w.test", "a.b.w.test",
   "*.w.test", "wildcard")
ok("ICANN '*.v.test', PRIVATE '!x.v.test', BR default: the wildcard matches 'x.v.test'",
   ["TableFlags"], L, "x.v.test", [], "x.v.test", None, "*.v.test", "wildcard")
ok("ICANN '*.v.test', PRIVATE '!x.v.test', private: the exception prevails",
   ["TableFlags", "Sections"], L, "x.v.test", ["private"], "v.test", "x.v.test", "!x.v.test",
   "exception")

# ---- PSL-TABLE-KEY, -BUCKETS -------------------------------------------------------------------
SAME_KEY = ["a%db%da.test" % (x, y) for y in (0, 1) for x in range(10)]
L = icann("test", *SAME_KEY)
for lab in ("a0b0a", "a3b1a", "a9b1a"):
    ok("twenty rules with one key: '%s.test' is found in the shared bucket" % lab,
       ["TableBucket"], L, "x.%s.test" % lab, [], lab + ".test", "x.%s.test" % lab,
       lab + ".test", "normal", listRules=21, listWarnings=0)
ok("twenty rules with one key: the name in upper case is found too", ["TableBucket", "Case"], L,
   "X.A7B0A.TEST", [], "a7b0a.test", "x.a7b0a.test", "a7b0a.test", "normal")
ok("'a3b2a' has the same key but is not listed: 'test' prevails", ["TableBucket"], L,
   "x.a3b2a.test", [], "test", "a3b2a.test", "test", "normal")

# ---- PSL-TABLE-SPANS, -NODES limits ------------------------------------------------------------
LONG = "l" * 63
ok("a rule with a 63-byte label: the longest span", ["TableLimits"], icann("test", LONG + ".test"),
   "www.%s.test" % LONG, [], LONG + ".test", "www.%s.test" % LONG, LONG + ".test", "normal")
DEEP = ".".join(["a"] * 127)
ok("a rule of 127 one-byte labels (253 bytes): the deepest node, reached through 126 added "
   "nodes", ["TableLimits", "TablePrefix"], icann(DEEP), DEEP, [], DEEP, None, DEEP, "normal")
ok("the rule of 127 labels does not match its parent of 126 labels: the '*' rule does",
   ["TableLimits", "TablePrefix"], icann(DEEP), DEEP[2:], [], "a", "a.a", "*", "default")


# ---- PSL-MATCH-PREVAILING: a rule below an exception matches too ------------------------------
L = icann("*.ck", "!www.ck", "foo.www.ck")
ok("'*.ck', '!www.ck' and 'foo.www.ck' all match 'a.foo.www.ck': the exception prevails over the "
   "longer normal rule: suffix ck", ["ExceptionBelow"], L, "a.foo.www.ck", [], "ck", "www.ck",
   "!www.ck", "exception")
ok("'foo.www.ck' itself: the exception still prevails over the rule naming the whole name",
   ["ExceptionBelow"], L, "foo.www.ck", [], "ck", "www.ck", "!www.ck", "exception")
ok("'www.ck': only the exception and the wildcard match", ["ExceptionBelow"], L, "www.ck", [],
   "ck", "www.ck", "!www.ck", "exception")
ok("'bar.ck' (not under the exception): the wildcard gives the suffix bar.ck", ["ExceptionBelow"],
   L, "x.bar.ck", [], "bar.ck", "x.bar.ck", "*.ck", "wildcard")
L = icann("*.ck", "!www.ck", "*.www.ck")
ok("a wildcard below the exception ('*.www.ck') also loses to it", ["ExceptionBelow"], L,
   "a.b.www.ck", [], "ck", "www.ck", "!www.ck", "exception")
L = icann("*.jp", "!a.jp", "*.b.a.jp", "!c.b.a.jp")
ok("two matching exceptions: the longer one ('!c.b.a.jp') prevails", ["ExceptionBelow"], L,
   "x.c.b.a.jp", [], "b.a.jp", "c.b.a.jp", "!c.b.a.jp", "exception")
ok("only the shorter exception matches 'x.d.b.a.jp': '!a.jp' prevails over '*.b.a.jp'",
   ["ExceptionBelow"], L, "x.d.b.a.jp", [], "jp", "a.jp", "!a.jp", "exception")

def main():
    with open(PATH, encoding="utf-8") as f:
        doc = json.load(f)
    groups = [g for g in doc["testGroups"] if not g.get("comment", "").startswith(GROUP_PREFIX)]
    top = max(t["tcId"] for g in groups for t in g["tests"])
    out = []
    for i, t in enumerate(tests):
        t = dict(t)
        t = {"tcId": top + 1 + i, **t}
        out.append(t)
    groups.append({
        "type": "PslTest",
        "comment": GROUP_PREFIX + " each test carries its own list (input.list or input.listHex) "
                   "instead of the snapshot: the text format (PSL-FORMAT-*) and, through answers "
                   "that depend on them, the compiled table's invariants (PSL-TABLE-*).",
        "tests": out,
    })
    doc["testGroups"] = groups
    doc["notes"].update(NOTES)
    header = [h for h in doc["header"] if not h.startswith("input.list (optional)")]
    header.insert(len(header) - 1, HEADER_LINE)
    doc["header"] = header
    doc["numberOfTests"] = sum(len(g["tests"]) for g in groups)
    with open(PATH, "w", encoding="utf-8") as f:
        f.write(json.dumps(doc, indent=1, ensure_ascii=False))
    print("%s: %d tests (%d with their own list)" % (os.path.relpath(PATH, ROOT),
                                                    doc["numberOfTests"], len(out)))


if __name__ == "__main__":
    main()
