// Package goproto is the `cabref vectors --impl` protocol (spec/tally-formats.md §5) for the Go
// adapters under examples/impls: one JSON request per line in, one JSON response per line out.
// Each adapter gives Serve the function that answers one request with its library's answer.
package goproto

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

// Request is one vector as the runner sends it.
type Request struct {
	Type  string                 `json:"type"`
	TcID  int64                  `json:"tcId"`
	Input map[string]interface{} `json:"input"`
}

// Unsupported is the answer to a test type the library has nothing for.
func Unsupported(r *Request, why string) map[string]interface{} {
	return map[string]interface{}{"tcId": r.TcID, "result": "unsupported", "detail": why}
}

// Str returns input[key] as a string and whether it was one.
func Str(in map[string]interface{}, key string) (string, bool) {
	s, ok := in[key].(string)
	return s, ok
}

// HasOption tells whether input.options lists o.
func HasOption(in map[string]interface{}, o string) bool {
	opts, _ := in["options"].([]interface{})
	for _, v := range opts {
		if s, ok := v.(string); ok && s == o {
			return true
		}
	}
	return false
}

// Serve answers every request line of standard input until it ends.
func Serve(answer func(*Request) map[string]interface{}) {
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriter(os.Stdout)
	for {
		line, err := in.ReadBytes('\n')
		if len(line) > 0 {
			var req Request
			var resp map[string]interface{}
			if json.Unmarshal(line, &req) != nil {
				resp = map[string]interface{}{"result": "unsupported", "detail": "request not JSON"}
			} else {
				resp = answer(&req)
			}
			b, _ := json.Marshal(resp)
			out.Write(b)
			out.WriteByte('\n')
			out.Flush()
		}
		if err != nil {
			return
		}
	}
}

// Fail stops an adapter that cannot start (a list it cannot load).
func Fail(format string, a ...interface{}) {
	fmt.Fprintf(os.Stderr, format+"\n", a...)
	os.Exit(2)
}
