// A `cabref vectors --impl` adapter for github.com/weppos/publicsuffix-go 0.15 (Debian 12's
// golang-github-weppos-publicsuffix-go-dev): it answers the PslTest requests of vectors/psl.json
// with the library's own answers, on the pinned list given as argument (spec/tally-formats.md §5).
//
//	publicsuffix-go-adapter LIST
//
// Options map to the library's documented FindOptions: ICANN only unless "private"
// (IgnorePrivate), and no default rule with "no-star" (DefaultRule: nil); "wildcard-parent" has no
// counterpart and is ignored (the allow-list says which answers that changes). A test with its own
// list (input.list, or the bytes of input.listHex) is loaded with NewListFromString. The library says which rule it found (Rule.Type,
// Rule.Value), so "rule" and "kind" are answered; it reports no list line, so "line", "column",
// "listRules" and "listWarnings" are unanswered. Nothing of cabref is linked.
package main

import (
	"encoding/hex"
	"os"
	"strings"

	"cabref/impls/goproto"

	"github.com/weppos/publicsuffix-go/publicsuffix"
)

// ruleText writes a rule as the list does: "*.x" for a wildcard, "!x" for an exception.
func ruleText(r *publicsuffix.Rule) (string, string) {
	switch {
	case r == publicsuffix.DefaultRule:
		return "*", "default"
	case r.Type == publicsuffix.WildcardType:
		return "*." + r.Value, "wildcard"
	case r.Type == publicsuffix.ExceptionType:
		return "!" + r.Value, "exception"
	}
	return r.Value, "normal"
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func answer(pinned *publicsuffix.List, req *goproto.Request) map[string]interface{} {
	name, ok := goproto.Str(req.Input, "name")
	if req.Type != "PslTest" || !ok {
		return goproto.Unsupported(req, "only PslTest")
	}
	list := pinned
	text, own := goproto.Str(req.Input, "list")
	if h, binary := goproto.Str(req.Input, "listHex"); binary {
		b, err := hex.DecodeString(h)
		if err != nil {
			return goproto.Unsupported(req, "listHex is not hexadecimal")
		}
		text, own = string(b), true // a Go string holds any bytes: the library reads them as given
	}
	if own {
		l, err := publicsuffix.NewListFromString(text, &publicsuffix.ParserOption{PrivateDomains: true})
		if err != nil {
			return map[string]interface{}{"tcId": req.TcID, "result": "list-error",
				"reason": []string{"syntax"}, "detail": err.Error()}
		}
		list = l
	}
	opts := &publicsuffix.FindOptions{IgnorePrivate: !goproto.HasOption(req.Input, "private"),
		DefaultRule: publicsuffix.DefaultRule}
	if goproto.HasOption(req.Input, "no-star") {
		opts.DefaultRule = nil
	}
	// The list holds A-labels (NewRuleUnicode converts them); a U-label name goes through the
	// library's own ToASCII, as its callers are told to do.
	if !isASCII(name) {
		a, err := publicsuffix.ToASCII(name)
		if err != nil {
			return map[string]interface{}{"tcId": req.TcID, "result": "invalid",
				"reason": []string{"bad-idn"}, "detail": err.Error()}
		}
		name = a
	}
	resp := map[string]interface{}{"tcId": req.TcID, "result": "valid", "reason": []string{},
		"unanswered": []string{"listRules", "listWarnings", "line", "column"}}
	dn, err := publicsuffix.ParseFromListWithOptions(list, name, opts)
	if err == nil {
		resp["publicSuffix"] = dn.TLD
		resp["registrableDomain"] = dn.SLD + "." + dn.TLD
		resp["rule"], resp["kind"] = ruleText(dn.Rule)
		return resp
	}
	// The library's own refusals of a name (normalize): blank, or a leading dot.
	lower := strings.ToLower(name)
	if lower == "" {
		return map[string]interface{}{"tcId": req.TcID, "result": "invalid", "reason": []string{"empty"}, "detail": err.Error()}
	}
	if lower[0] == '.' {
		return map[string]interface{}{"tcId": req.TcID, "result": "invalid", "reason": []string{"empty-label"}, "detail": err.Error()}
	}
	// Otherwise the name is a public suffix itself ("is a suffix") or no rule matched.
	r := list.Find(lower, opts)
	if r == nil {
		resp["publicSuffix"], resp["registrableDomain"], resp["rule"], resp["kind"] = nil, nil, nil, "none"
		return resp
	}
	resp["publicSuffix"] = lower
	resp["registrableDomain"] = nil
	resp["rule"], resp["kind"] = ruleText(r)
	return resp
}

func main() {
	if len(os.Args) != 2 {
		goproto.Fail("usage: publicsuffix-go-adapter PUBLIC_SUFFIX_LIST")
	}
	pinned, err := publicsuffix.NewListFromFile(os.Args[1], &publicsuffix.ParserOption{PrivateDomains: true})
	if err != nil {
		goproto.Fail("publicsuffix-go-adapter: the library cannot load %s: %v", os.Args[1], err)
	}
	goproto.Serve(func(req *goproto.Request) map[string]interface{} { return answer(pinned, req) })
}
