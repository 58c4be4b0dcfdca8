// A `cabref vectors --impl` adapter for github.com/miekg/dns 1.1.50 (Debian 12's
// golang-github-miekg-dns-dev): it answers the CaaRdataTest requests of vectors/caa.json by
// parsing the record with the library and writing it back (spec/tally-formats.md §5).
//
//	miekg-dns-adapter --form wire|zone|print
//
// wire: the test's RDATA (input.rdataHex) is the RDATA of a CAA resource record given to
// dns.UnpackRR. zone: the test's presentation form (input.zone) is the RDATA of a zone-file line
// given to dns.NewRR. print: the wire form is read, printed (rr.String()) and the printed line
// read again with dns.NewRR, so a printer that loses or changes an octet shows. Either way the record the library built is packed again with dns.PackRR
// and the flags, tag and value are read from that RDATA: the library keeps the tag and value as
// escaped presentation text, so its own writer is the faithful way to get their octets back; the
// library's presentation form (rr.String()) is returned as "printed". The library has no notion of
// a critical flag or of the property a tag names ("critical", "tagKind" unanswered) and no error
// codes of RFC 8659's kind: a record it refuses is answered "error" with reason "miekg-refused"
// and its error text as detail. Nothing of cabref is linked.
package main

import (
	"encoding/hex"
	"fmt"
	"os"

	"cabref/impls/goproto"

	"github.com/miekg/dns"
)

func refused(req *goproto.Request, why string) map[string]interface{} {
	return map[string]interface{}{"tcId": req.TcID, "result": "error",
		"reason": []string{"miekg-refused"}, "detail": why}
}

// fields reads flags, tag and value from the RDATA the library writes for rr.
func fields(req *goproto.Request, rr dns.RR) map[string]interface{} {
	buf := make([]byte, 70000)
	n, err := dns.PackRR(rr, buf, 0, nil, false)
	if err != nil {
		return refused(req, "the library cannot write the record it read: "+err.Error())
	}
	hdr := rr.Header()
	rdStart := n - int(hdr.Rdlength)
	rd := buf[rdStart:n]
	resp := map[string]interface{}{"tcId": req.TcID, "result": "ok", "reason": []string{},
		"unanswered": []string{"critical", "tagKind", "errorOffset"}, "printed": rr.String()}
	if hdr.Rrtype != dns.TypeCAA || len(rd) < 2 || 2+int(rd[1]) > len(rd) {
		return refused(req, "the library wrote no CAA RDATA of flags, tag length and tag: "+hex.EncodeToString(rd))
	}
	resp["flags"] = int(rd[0])
	resp["tagHex"] = hex.EncodeToString(rd[2 : 2+int(rd[1])])
	resp["valueHex"] = hex.EncodeToString(rd[2+int(rd[1]):])
	return resp
}

func answer(form string, req *goproto.Request) map[string]interface{} {
	if req.Type != "CaaRdataTest" {
		return goproto.Unsupported(req, "only CaaRdataTest")
	}
	if form == "zone" {
		zone, ok := goproto.Str(req.Input, "zone")
		if !ok {
			return goproto.Unsupported(req, "no input.zone")
		}
		rr, err := dns.NewRR(". 0 IN CAA " + zone)
		if err != nil {
			return refused(req, err.Error())
		}
		if rr == nil {
			return refused(req, "no record")
		}
		return fields(req, rr)
	}
	h, ok := goproto.Str(req.Input, "rdataHex")
	rdata, err := hex.DecodeString(h)
	if !ok || err != nil || len(rdata) > 65535 {
		return goproto.Unsupported(req, "no input.rdataHex")
	}
	// An answer-section record: root owner, type CAA (257), class IN, TTL 0, RDLENGTH, RDATA.
	msg := append([]byte{0, 1, 1, 0, 1, 0, 0, 0, 0, byte(len(rdata) >> 8), byte(len(rdata))}, rdata...)
	rr, off, err := dns.UnpackRR(msg, 0)
	if err != nil {
		return refused(req, err.Error())
	}
	if off != len(msg) {
		return refused(req, "the library read the record without its last octets")
	}
	if form == "print" {
		again, err := dns.NewRR(rr.String())
		if err != nil || again == nil {
			return refused(req, fmt.Sprintf("the library cannot read back what it printed (%q): %v", rr.String(), err))
		}
		return fields(req, again)
	}
	return fields(req, rr)
}

func main() {
	if len(os.Args) != 3 || os.Args[1] != "--form" || (os.Args[2] != "wire" && os.Args[2] != "zone" && os.Args[2] != "print") {
		goproto.Fail("usage: miekg-dns-adapter --form wire|zone|print")
	}
	form := os.Args[2]
	goproto.Serve(func(req *goproto.Request) map[string]interface{} { return answer(form, req) })
}
