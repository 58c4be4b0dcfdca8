#!/usr/bin/env python3
"""Run the Python tally (cabref_tally.py) over a vector file in-process.

Feeds each test the same request object the protocol runner would send
({"schema", "type", "tcId", "input"}) and compares the response as spec/tally-formats.md §4
says: result, the set of reason codes, and every key of the test's expect.

    python3 examples/python/run_vectors.py [vectors/tally.json] [-v]
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import cabref_tally  # noqa: E402


def check(test, response):
    problems = []
    if response.get("tcId") != test["tcId"]:
        problems.append("tcId %r" % (response.get("tcId"),))
    if response.get("result") != test["result"]:
        problems.append("result %r, expected %r" % (response.get("result"), test["result"]))
    if set(response.get("reason", [])) != set(test["reason"]):
        problems.append("reason %r, expected %r" % (response.get("reason"), test["reason"]))
    for key, want in test.get("expect", {}).items():
        if response.get(key) != want:
            problems.append("%s %r, expected %r" % (key, response.get(key), want))
    return problems


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    path = args[0] if args else os.path.join(HERE, "..", "..", "vectors", "tally.json")
    with open(path, encoding="utf-8") as fh:
        doc = json.load(fh)
    passed = failed = 0
    for group in doc["testGroups"]:
        for test in group["tests"]:
            request = {"schema": doc.get("schema"), "type": group["type"], "tcId": test["tcId"],
                       "input": test["input"]}
            # Round-trip through JSON text, as the protocol would.
            response = json.loads(json.dumps(cabref_tally.answer(json.loads(json.dumps(request)))))
            problems = check(test, response)
            if problems:
                failed += 1
                print("tcId %d FAILED: %s" % (test["tcId"], "; ".join(problems)))
                if verbose:
                    print("   ", test["comment"])
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
