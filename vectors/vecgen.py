"""What every vector generator (vectors/*/gen_*_vectors.py) shares: collecting tests with their
tcIds and checked flags, and writing the Wycheproof-shaped document. The expected values stay in
each generator, derived from its rules."""
import json
import os


class Vectors:
    """Tests by group type, numbered in the order they are added."""

    def __init__(self, kinds, notes):
        self.tests = {k: [] for k in kinds}
        self.notes = notes
        self.count = 0

    def add(self, kind, comment, flags, inp, result, reason=None, expect=None):
        for f in flags:
            assert f in self.notes, f  # every flag is explained in the notes
        self.count += 1
        t = {"tcId": self.count, "comment": comment, "flags": flags, "input": inp, "result": result,
             "reason": reason or []}
        if expect:
            t["expect"] = expect
        self.tests[kind].append(t)


def write(root, name, algorithm, schema, header, notes, groups):
    """Writes vectors/NAME with the groups given; returns the number of tests."""
    n = sum(len(g["tests"]) for g in groups)
    doc = {
        "algorithm": algorithm,
        "schema": schema,
        "generatorVersion": "1",
        "numberOfTests": n,
        "header": header,
        "notes": {k: {"bugType": v[0], "description": v[1], "clause": v[2], "links": v[3],
                      "requirements": v[4]} for k, v in notes.items()},
        "testGroups": groups,
    }
    with open(os.path.join(root, "vectors", name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return n
