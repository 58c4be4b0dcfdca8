"""A `cabref vectors --impl` adapter for Python's idna package 3.3 (Debian 12's python3-idna,
IDNA2008 with the UTS #46 mapping): it answers the NameTest requests of vectors/names.json with
idna.encode(name, uts46=True, transitional=False) (spec/tally-formats.md §5).

    python3 idna_adapter.py

A name the library encodes is "valid" and its labels are the labels of the encoded name (a
trailing dot, which the library keeps as the root, adds no label). The library has no notion of
the vectors' policy (wildcard, underscore and trailing-dot permissions) and says neither where an
error is nor, by a code, what it is: "position" is unanswered, and its error is mapped to the
vectors' reason by what the library's message names (an empty domain or label, a label or domain
too long, hyphens at the edges or in the 3rd and 4th positions, a malformed A-label); any other
refusal (a code point not allowed, a context or bidi rule, NFC) is "bad-alabel" when the name has
an xn-- label, "bad-ulabel" when it has a non-ASCII character, and "bad-char" otherwise. Nothing
of cabref is used."""
import os
import sys

import idna

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import pyproto  # noqa: E402

# The library's messages (idna/core.py) and the vectors' reasons they name.
MESSAGES = [
    ("Empty domain", "empty"),
    ("Empty label", "empty-label"),
    ("Empty Label", "empty-label"),
    ("No Input", "empty-label"),
    ("Domain too long", "too-long"),
    ("Label too long", "label-too-long"),
    ("hyphens in 3rd and 4th position", "reserved-ldh"),
    ("must not start or end with a hyphen", "hyphen-edge"),
    ("A-label must not end with a hyphen", "hyphen-edge"),
    ("Malformed A-label", "bad-alabel"),
    ("Invalid A-label", "bad-alabel"),
]


def reason_of(name, err):
    text = str(err)
    for message, reason in MESSAGES:
        if message in text:
            return reason
    if any(label.lower().startswith("xn--") for label in name.split(".")):
        return "bad-alabel"
    if any(ord(c) > 127 for c in name):
        return "bad-ulabel"
    return "bad-char"


def answer(req):
    name = (req.get("input") or {}).get("name")
    if req.get("type") != "NameTest" or not isinstance(name, str):
        return pyproto.unsupported(req, "only NameTest")
    try:
        encoded = idna.encode(name, uts46=True, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError) as e:
        return {"tcId": req["tcId"], "result": "invalid", "reason": [reason_of(name, e)],
                "unanswered": ["position"], "detail": "%s: %s" % (type(e).__name__, e)}
    labels = encoded.split(".")
    if encoded.endswith("."):
        labels.pop()
    return {"tcId": req["tcId"], "result": "valid", "reason": [], "unanswered": ["position"],
            "labels": labels}


if __name__ == "__main__":
    pyproto.serve(answer)
