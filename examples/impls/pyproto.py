"""The `cabref vectors --impl` protocol (spec/tally-formats.md §5) for the Python adapters under
examples/impls: one JSON request per line in, one JSON response per line out."""
import json
import sys


def unsupported(req, why):
    return {"tcId": req.get("tcId"), "result": "unsupported", "detail": why}


def serve(answer):
    """Answer every request line of standard input with answer(request) until it ends."""
    for line in sys.stdin:
        try:
            req = json.loads(line)
        except ValueError:
            resp = {"result": "unsupported", "detail": "request not JSON"}
        else:
            resp = answer(req)
        sys.stdout.write(json.dumps(resp, ensure_ascii=True) + "\n")
        sys.stdout.flush()
