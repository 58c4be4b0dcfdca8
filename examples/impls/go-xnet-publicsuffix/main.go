// A `cabref vectors --impl` adapter for golang.org/x/net/publicsuffix 0.7.0 (Debian 12's
// golang-golang-x-net-dev): it answers the PslTest requests of vectors/psl.json with the
// package's PublicSuffix and EffectiveTLDPlusOne (spec/tally-formats.md §5).
//
//	go-xnet-publicsuffix-adapter
//
// The package compiles its own copy of the list into the binary (table.go) and cannot load
// another: tests that carry their own list are answered "unsupported", and the pinned list of the
// vectors is not used. It has no options: ICANN-only, "no-star" and "wildcard-parent" are not
// available, so the answers are always those of the whole list with the "*" rule. It does not say
// which rule matched ("rule", "kind" unanswered). Names are lower-cased, and a name with non-ASCII
// characters is converted with x/net's own idna.Lookup profile first (as net/http/cookiejar
// converts a host before it asks); ASCII names reach PublicSuffix as given. Nothing of
// cabref is linked.
package main

import (
	"strings"

	"cabref/impls/goproto"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func answer(req *goproto.Request) map[string]interface{} {
	name, ok := goproto.Str(req.Input, "name")
	if req.Type != "PslTest" || !ok {
		return goproto.Unsupported(req, "only PslTest")
	}
	_, text := req.Input["list"]
	_, hex := req.Input["listHex"]
	if text || hex {
		return goproto.Unsupported(req, "the list is compiled into the package: no other list can be loaded")
	}
	name = strings.ToLower(name)
	if !isASCII(name) {
		a, err := idna.Lookup.ToASCII(name)
		if err != nil {
			return map[string]interface{}{"tcId": req.TcID, "result": "invalid",
				"reason": []string{"bad-idn"}, "detail": err.Error()}
		}
		name = a
	}
	resp := map[string]interface{}{"tcId": req.TcID, "result": "valid", "reason": []string{},
		"unanswered": []string{"rule", "kind", "listRules", "listWarnings", "line", "column"}}
	suffix, _ := publicsuffix.PublicSuffix(name)
	resp["publicSuffix"] = suffix
	if reg, err := publicsuffix.EffectiveTLDPlusOne(name); err == nil {
		resp["registrableDomain"] = reg
	} else if strings.Contains(err.Error(), "empty label") {
		// The package's errors have no type: its "empty label" text is its refusal of the name;
		// its other errors ("cannot derive eTLD+1", "invalid public suffix") leave no registrable
		// domain, which is answered as null.
		return map[string]interface{}{"tcId": req.TcID, "result": "invalid",
			"reason": []string{"empty-label"}, "detail": err.Error()}
	} else {
		resp["registrableDomain"] = nil
	}
	return resp
}

func main() { goproto.Serve(answer) }
