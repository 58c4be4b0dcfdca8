#!/usr/bin/python3
"""Check the published test vectors: vectors/*.json against their JSON Schemas and house rules.

Usage:  /usr/bin/python3 tools/check_vectors.py [FILE.json ...]

Without arguments every vectors/*.json that has a schema in vectors/schema/ is checked (the
schema named by the file's "schema" key, else vectors/schema/<name>.schema.json). For each file:

  * the schema itself is a valid JSON Schema of its declared dialect, and the file validates
    against it with a real validator (python3-jsonschema, with format checking);
  * numberOfTests equals the number of tests;
  * tcIds are unique;
  * every flag of every test is a key of notes, and every note is used by some test;
  * reasons are listed in the canonical order of spec/tally.md (the order of the schema's
    reasonCode enumeration, which must itself equal that order), an error test has exactly one
    code, and the result agrees with its reasons (the outcome rule of spec/tally.md);
  * every requirement ID named in notes is defined in some spec/*.md;
  * vectors/psl.json: expect.listRules / expect.listWarnings only in tests with a list of their
    own (input.list or input.listHex).

Prints one line per file and then "N passed, N failed" (files). Exit status 0 when every file
passes, 1 when some file fails, 2 on usage errors (nothing to check).
Standard library plus python3-jsonschema only.
"""

import json
import os
import re
import sys
import warnings

try:
    import jsonschema
except ImportError:  # pragma: no cover
    sys.stderr.write("check_vectors: python3-jsonschema is required (apt-get install python3-jsonschema; "
                     "run with /usr/bin/python3)\n")
    sys.exit(2)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VECTORS = os.path.join(ROOT, "vectors")
SCHEMAS = os.path.join(VECTORS, "schema")
SPEC_DIR = os.path.join(ROOT, "spec")

# spec/tally.md, "Reason codes": always listed in this order.
REASON_ORDER = ["no-quorum", "voting-period-length", "discussion-too-short", "discussion-too-long",
                "voting-before-discussion-end", "quiet-period", "auto-failed", "issuer-threshold",
                "consumer-threshold", "issuer-no-yes", "consumer-no-yes", "exclusion-notice", "withdrawn"]
INVALID = set(REASON_ORDER[0:6])
FAILED = set(REASON_ORDER[6:11])
RESCINDED = {"exclusion-notice"}
WITHDRAWN = {"withdrawn"}


def load_json(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh, object_pairs_hook=_no_duplicate_keys)


def _no_duplicate_keys(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise ValueError("duplicate key %r" % key)
        obj[key] = value
    return obj


def schema_for(path, doc):
    name = doc.get("schema") if isinstance(doc, dict) else None
    if isinstance(name, str) and os.path.basename(name) == name:
        candidate = os.path.join(SCHEMAS, name)
        if os.path.isfile(candidate):
            return candidate
    stem = os.path.splitext(os.path.basename(path))[0]
    candidate = os.path.join(SCHEMAS, stem + ".schema.json")
    return candidate if os.path.isfile(candidate) else None


def spec_requirement_ids():
    """Every requirement ID defined (as **ID**) in spec/*.md."""
    if not os.path.isdir(SPEC_DIR):
        return None
    ids = set()
    for name in sorted(os.listdir(SPEC_DIR)):
        if name.endswith(".md"):
            with open(os.path.join(SPEC_DIR, name), encoding="utf-8") as fh:
                ids |= set(re.findall(r"\*\*([A-Z]+-[A-Z0-9-]+)\*\*", fh.read()))
    return ids


def expected_outcome(reasons):
    """The outcome rule of spec/tally.md (TALLY-OUTCOME, TALLY-REVIEW) applied to a reason list."""
    rs = set(reasons)
    if rs & WITHDRAWN:
        return "withdrawn"
    if rs & INVALID:
        return "invalid"
    if rs & FAILED:
        return "failed"
    if rs & RESCINDED:
        return "rescinded"
    return "passed"


def _short(text, limit=300):
    return text if len(text) <= limit else text[:limit] + "..."


def check_schema_doc(schema, doc, problems):
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        problems.append("the schema is not a valid %s schema: %s" % (cls.__name__, e.message))
        return
    # A schema may refer to the definitions of another in vectors/schema by its $id (caa-dns
    # reuses caa's record and ca objects): every schema there is in the resolver's store.
    store = {}
    for f in sorted(os.listdir(SCHEMAS)):
        if f.endswith(".schema.json"):
            other = load_json(os.path.join(SCHEMAS, f))
            if isinstance(other, dict) and "$id" in other:
                store[other["$id"]] = other
    with warnings.catch_warnings():  # newer jsonschema prefers `referencing`; Debian 12 has 4.10
        warnings.simplefilter("ignore", DeprecationWarning)
        resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER, resolver=resolver)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    for e in errors[:20]:
        if e.validator == "oneOf" and e.context:
            # A test matched neither the outcome-test nor the error-test shape: report the
            # complaints of the branch its "result" selects, not the whole instance.
            is_error = isinstance(e.instance, dict) and e.instance.get("result") == "error"
            branch = [c for c in e.context if c.relative_schema_path and c.relative_schema_path[0] == (1 if is_error else 0)]
            for c in (branch or e.context)[:5]:
                where = "/".join(str(p) for p in c.absolute_path) or "(root)"
                problems.append("schema: at %s: %s" % (where, _short(c.message)))
            continue
        where = "/".join(str(p) for p in e.absolute_path) or "(root)"
        problems.append("schema: at %s: %s" % (where, _short(e.message)))
    if len(errors) > 20:
        problems.append("schema: ... and %d more schema errors" % (len(errors) - 20))


def check_rules(schema, doc, problems):
    if not isinstance(doc, dict):
        return
    groups = doc.get("testGroups") if isinstance(doc.get("testGroups"), list) else []
    tests = [t for g in groups if isinstance(g, dict) and isinstance(g.get("tests"), list)
             for t in g["tests"] if isinstance(t, dict)]

    if doc.get("numberOfTests") != len(tests):
        problems.append("numberOfTests is %r but the file has %d tests" % (doc.get("numberOfTests"), len(tests)))

    seen = {}
    for t in tests:
        tc = t.get("tcId")
        if tc in seen:
            problems.append("tcId %r is used %d times" % (tc, seen[tc] + 1))
        seen[tc] = seen.get(tc, 0) + 1

    notes = doc.get("notes") if isinstance(doc.get("notes"), dict) else {}
    used = set()
    for t in tests:
        for flag in t.get("flags", []) if isinstance(t.get("flags"), list) else []:
            used.add(flag)
            if flag not in notes:
                problems.append("tcId %r: flag %r is not defined in notes" % (t.get("tcId"), flag))
    for flag in sorted(set(notes) - used):
        problems.append("note %r is not used by any test" % flag)

    known_ids = spec_requirement_ids()
    if known_ids:
        for flag, note in sorted(notes.items()):
            for rid in note.get("requirements", []) if isinstance(note, dict) else []:
                if rid not in known_ids:
                    problems.append("note %r: requirement %r is not an ID of any spec/*.md" % (flag, rid))

    if doc.get("algorithm") == "PSL-FORMAL":
        # A custom list (input.list / input.listHex) is what listRules, listWarnings and a
        # list-error speak of; the schema requires it for list-error, this for the two counts.
        for t in tests:
            inp = t.get("input") if isinstance(t.get("input"), dict) else {}
            expect = t.get("expect") if isinstance(t.get("expect"), dict) else {}
            own = "list" in inp or "listHex" in inp
            if not own and ("listRules" in expect or "listWarnings" in expect):
                problems.append("tcId %r: listRules/listWarnings need input.list or input.listHex"
                                % t.get("tcId"))
        return
    if doc.get("algorithm") != "CABF-BALLOT-TALLY":
        return
    schema_order = schema.get("$defs", {}).get("reasonCode", {}).get("enum")
    if schema_order is not None and schema_order != REASON_ORDER:
        problems.append("the schema's reasonCode enumeration is not in the canonical order of spec/tally.md")
    rank = {code: i for i, code in enumerate(REASON_ORDER)}
    for t in tests:
        tc, result, reasons = t.get("tcId"), t.get("result"), t.get("reason")
        if not isinstance(reasons, list):
            continue
        if result == "error":
            if len(reasons) != 1:
                problems.append("tcId %r: an error test needs exactly one error code" % tc)
            continue
        if any(r not in rank for r in reasons):
            continue  # already reported by the schema
        if [rank[r] for r in reasons] != sorted(rank[r] for r in reasons):
            problems.append("tcId %r: reasons %r are not in the canonical order" % (tc, reasons))
        want = expected_outcome(reasons)
        if result != want:
            problems.append("tcId %r: result %r does not follow from reasons %r (expected %r)"
                            % (tc, result, reasons, want))
        if "exclusion-notice" in reasons and set(reasons) - RESCINDED:
            problems.append("tcId %r: exclusion-notice can only accompany a passed Initial Vote" % tc)
        if "withdrawn" in reasons and len(reasons) != 1:
            problems.append("tcId %r: a withdrawn ballot has the single reason withdrawn" % tc)
        expect = t.get("expect") if isinstance(t.get("expect"), dict) else {}
        if ("reviewEnd" in expect or "effective" in expect) and result != "passed":
            problems.append("tcId %r: reviewEnd/effective are expected only for a passed ballot" % tc)


def check_file(path):
    problems = []
    try:
        doc = load_json(path)
    except (OSError, ValueError) as e:
        return None, ["cannot read JSON: %s" % e]
    schema_path = schema_for(path, doc)
    if schema_path is None:
        return None, None
    try:
        schema = load_json(schema_path)
    except (OSError, ValueError) as e:
        return schema_path, ["cannot read schema %s: %s" % (schema_path, e)]
    check_schema_doc(schema, doc, problems)
    check_rules(schema, doc, problems)
    return schema_path, problems


def main(argv):
    if argv:
        files = argv
    else:
        files = sorted(os.path.join(VECTORS, f) for f in os.listdir(VECTORS)
                       if f.endswith(".json") and os.path.isfile(os.path.join(VECTORS, f)))
    passed = failed = 0
    for path in files:
        rel = os.path.relpath(path, ROOT)
        schema_path, problems = check_file(path)
        if problems is None:
            if argv:
                print("%s: FAILED: no schema for it in %s" % (rel, os.path.relpath(SCHEMAS, ROOT)))
                failed += 1
            continue
        if problems:
            failed += 1
            print("%s: FAILED (%d problems)" % (rel, len(problems)))
            for p in problems:
                print("  " + p)
        else:
            passed += 1
            print("%s: ok (schema %s)" % (rel, os.path.relpath(schema_path, ROOT)))
    if passed + failed == 0:
        print("check_vectors: no vector file with a schema found")
        print("0 passed, 0 failed")
        return 2
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
