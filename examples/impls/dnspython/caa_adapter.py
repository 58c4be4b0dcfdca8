"""A `cabref vectors --impl` adapter for dnspython 2.3 (Debian 12's python3-dnspython): it answers
the CaaRdataTest requests of vectors/caa.json by reading the record with dnspython and reporting
the flags, tag and value it holds (spec/tally-formats.md §5).

    python3 caa_adapter.py --form wire|zone|print

wire: the test's RDATA (input.rdataHex) is read with dns.rdata.from_wire as CAA RDATA of class
IN. zone: the test's presentation form (input.zone) is read with dns.rdata.from_text. print: the
wire form is read, printed (to_text) and the printed text read again (from_text), so a printer
that loses or changes an octet shows. dnspython's
own presentation of what it first read (to_text) is returned as "printed". dnspython checks a CAA tag
(at most 255 octets, ASCII letters and digits) but has no notion of a critical flag or of the
property a tag names ("critical", "tagKind", "errorOffset" unanswered), and no error codes of
RFC 8659's kind: a record it refuses is answered "error" with reason "dnspython-refused" and its
exception as detail. Nothing of cabref is used."""
import os
import sys

import dns.exception
import dns.rdata
import dns.rdataclass
import dns.rdatatype

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import pyproto  # noqa: E402


def answer(form, req):
    inp = req.get("input") or {}
    if req.get("type") != "CaaRdataTest":
        return pyproto.unsupported(req, "only CaaRdataTest")
    try:
        if form == "zone":
            rd = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.CAA, inp["zone"])
            printed = rd.to_text()
        else:
            wire = bytes.fromhex(inp["rdataHex"])
            rd = dns.rdata.from_wire(dns.rdataclass.IN, dns.rdatatype.CAA, wire, 0, len(wire))
            printed = rd.to_text()
            if form == "print":
                rd = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.CAA, printed)
    except (dns.exception.DNSException, ValueError, UnicodeError) as e:
        return {"tcId": req["tcId"], "result": "error", "reason": ["dnspython-refused"],
                "detail": "%s: %s" % (type(e).__name__, e)}
    return {"tcId": req["tcId"], "result": "ok", "reason": [],
            "unanswered": ["critical", "tagKind", "errorOffset"],
            "flags": rd.flags, "tagHex": rd.tag.hex(), "valueHex": rd.value.hex(),
            "printed": printed}


def main():
    if len(sys.argv) != 3 or sys.argv[1] != "--form" or sys.argv[2] not in ("wire", "zone", "print"):
        sys.stderr.write("usage: caa_adapter.py --form wire|zone|print\n")
        return 2
    pyproto.serve(lambda req: answer(sys.argv[2], req))
    return 0


if __name__ == "__main__":
    sys.exit(main())
