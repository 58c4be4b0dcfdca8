#!/usr/bin/env python3
"""`make trace`: requirement -> function/contract -> proof status -> vectors -> fuzz target.

Requirement IDs are defined in spec/*.md as **ID** at the start of a list item. The rest is
found where it lives: ID mentions in ref/ (attributed to the next function declared after the
mention, or to the function whose body holds it), per-module WP results in
proofs/stats/<module>.txt (a module's figures stand for each of its functions), vector flags whose note lists the ID, and ID mentions in fuzz/*.c.
Every gap is listed. --check fails only on broken links: an ID used somewhere but defined
nowhere, or a vector flag naming an unknown ID.
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ID_RE = re.compile(r"\b((?:TALLY|CAA|ADN|PSL|RV|NAME)-[A-Z0-9]+(?:-[A-Z0-9]+)*)\b")
DEF_RE = re.compile(r"^\s*-\s+\*\*((?:TALLY|CAA|ADN|PSL|RV|NAME)-[A-Z0-9-]+)\*\*")
FUNC_RE = re.compile(r"^(?:static\s+)?(?:const\s+)?[A-Za-z_][A-Za-z0-9_ \*]*?\b([a-z_][a-z0-9_]*)\s*\(")


def rel(p):
    return os.path.relpath(p, ROOT)


def definitions():
    defs = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "spec", "*.md"))):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                m = DEF_RE.match(line)
                if m:
                    defs[m.group(1)] = "%s:%d" % (rel(path), n)
    return defs


CORE_FUNCS = set()


def core_functions():
    """Functions defined in ref/core: these must have proofs."""
    out = set()
    for path in glob.glob(os.path.join(ROOT, "ref", "core", "*.c")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = FUNC_RE.match(line)
                if m and not line.rstrip().endswith(";"):
                    out.add(m.group(1))
    return out


def code_links():
    """ID -> set of functions (from contracts and comments in ref/)."""
    links = {}
    CORE_FUNCS.update(core_functions())
    files = sorted(glob.glob(os.path.join(ROOT, "ref", "**", "*.[ch]"), recursive=True))
    files += sorted(glob.glob(os.path.join(ROOT, "spec", "*.h")))
    for path in files:
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        pending = []
        current = None
        for line in lines:
            if not line.strip() or line.startswith(("typedef", "#define", "} ")):
                pending = []  # a comment attaches only to the declaration right below it
            ids = ID_RE.findall(line)
            m = FUNC_RE.match(line)
            if m:
                current = m.group(1)
                for i in pending:
                    links.setdefault(i, set()).add(current)
                pending = []
            if ids:
                if line.startswith((" ", "\t")) and current and not line.lstrip().startswith(("/*", "*", "//", "@")):
                    for i in ids:
                        links.setdefault(i, set()).add(current)
                elif line.startswith((" ", "\t")) and current and path.endswith(".c"):
                    for i in ids:
                        links.setdefault(i, set()).add(current)
                else:
                    pending.extend(ids)
            if line.startswith("}"):
                current = None
    return links


def proof_status():
    """function -> {"goals", "proved", "module"} from proofs/stats/<module>.txt, which the proof
    run writes: a "[wp] Proved goals: P / G" line and a "functions: f g ..." line per module."""
    out = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "proofs", "stats", "*.txt"))):
        module = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            text = f.read()
        m = re.search(r"Proved goals:\s*(\d+)\s*/\s*(\d+)", text)
        fl = re.search(r"^functions:(.*)$", text, re.M)
        if not m or not fl:
            continue
        for fn in fl.group(1).split():
            out[fn] = {"goals": int(m.group(2)), "proved": int(m.group(1)), "module": module}
    return out


def vector_links():
    links, unknown = {}, []
    for path in sorted(glob.glob(os.path.join(ROOT, "vectors", "*.json"))):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        notes = doc.get("notes", {})
        flag_reqs = {k: v.get("requirements", []) for k, v in notes.items()}
        for group in doc.get("testGroups", []):
            for t in group.get("tests", []):
                for flag in t.get("flags", []):
                    for r in flag_reqs.get(flag, []):
                        links.setdefault(r, {}).setdefault(os.path.basename(path), 0)
                        links[r][os.path.basename(path)] += 1
        for flag, reqs in flag_reqs.items():
            for r in reqs:
                unknown.append((r, "%s note %s" % (os.path.basename(path), flag)))
    return links, unknown


def fuzz_links():
    links = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "fuzz", "*.c"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for i in set(ID_RE.findall(text)):
            links.setdefault(i, set()).add(os.path.splitext(os.path.basename(path))[0])
    return links


def main():
    check = "--check" in sys.argv
    defs = definitions()
    code = code_links()
    proofs = proof_status()
    vecs, vec_refs = vector_links()
    fuzz = fuzz_links()
    broken = []
    def family(i):  # "TALLY-THR" in "TALLY-THR-*" names a family of requirements
        return any(d.startswith(i + "-") for d in defs)

    for i in sorted(set(code) | set(fuzz)):
        if i not in defs and not family(i):
            broken.append("%s is used in code or fuzz targets but defined in no spec" % i)
    for r, where in vec_refs:
        if r not in defs:
            broken.append("%s (from %s) is defined in no spec" % (r, where))
    gaps = []
    print("%-26s %-44s %-16s %-22s %s" % ("requirement", "functions", "proof", "vectors", "fuzz"))
    for rid in sorted(defs):
        funcs = sorted(code.get(rid, []))
        proved, total = 0, 0
        unproved = []
        for fn in funcs:
            st = proofs.get(fn)
            if st is None:
                continue
            total += st.get("goals", 0)
            proved += st.get("proved", 0)
            if st.get("proved", 0) != st.get("goals", 0):
                unproved.append(fn)
        core_funcs = [fn for fn in funcs if fn in CORE_FUNCS]
        missing = [fn for fn in core_funcs if fn not in proofs]
        if not funcs:
            gaps.append("%s: no function cites it" % rid)
        if missing:
            proof = "NO PROOF RUN"
            gaps.append("%s: no proof statistics for core function(s) %s" % (rid, ", ".join(missing)))
        elif funcs and not core_funcs:
            proof = "shell only"
        elif unproved:
            proof = "%d/%d UNPROVED" % (proved, total)
            gaps.append("%s: goals unproved in %s" % (rid, ", ".join(unproved)))
        elif core_funcs:
            proof = "%d/%d proved" % (proved, total)
        else:
            proof = "-"
        v = vecs.get(rid, {})
        vtxt = ", ".join("%s:%d" % (k, n) for k, n in sorted(v.items())) or "-"
        if not v:
            gaps.append("%s: no vector exercises it" % rid)
        fz = ", ".join(sorted(fuzz.get(rid, []))) or "-"
        if not fuzz.get(rid):
            gaps.append("%s: no fuzz target names it" % rid)
        ftxt = ", ".join(funcs) if funcs else "-"
        if len(ftxt) > 44:
            ftxt = ftxt[:41] + "..."
        print("%-26s %-44s %-16s %-22s %s" % (rid, ftxt, proof, vtxt, fz))
    print()
    print("%d requirements; %d gaps" % (len(defs), len(gaps)))
    for g in gaps:
        print("  gap: " + g)
    for b in broken:
        print("  BROKEN: " + b)
    if check and (broken or not defs):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
