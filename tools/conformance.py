#!/usr/bin/env python3
"""`make conformance`: our vectors against other implementations (issue 14).

Runs every adapter of examples/impls/impls.json whose prerequisites exist on this machine through
`cabref vectors --impl` (spec/tally-formats.md s5), with its allow-list, and cabref itself on the
same groups as the reference row. Prints one line per run and a last line "N passed, N failed"
(a failure is a test that differs without an allowance, or an allowance that no longer differs);
exits 1 on any failure or on a run that could not complete, 2 on a registry it cannot use
(named, with the entry at fault).

    tools/conformance.py [--offline] [--out DIR] [--build B] [--registry FILE] [--compare PUBLISHED]
    tools/conformance.py --render-only RESULTS --out DIR

--registry FILE   the implementations to run (default examples/impls/impls.json)
--offline   only the adapters that need no registry beyond Debian's (what make check runs)
--out DIR   write DIR/results.json and the static page DIR/index.html
--render-only RESULTS   write DIR/index.html from an existing results file (no run)
--compare PUBLISHED     also fail when a run's counts differ from those of the published results
                        (conformance/results.json): the published page must say what the code does

The page is a matrix of implementations by vector group; each cell gives pass / allowed / fail
counts and links to the group's details: for every test that did not pass, its input, the
expected answer, the implementation's whole answer, the runner's detail and the allowance's
reason. The page is built with xml.etree (no hand-written markup writer) and has no script."""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGISTRY = "examples/impls/impls.json"
PYTHON = "/usr/bin/python3"


def package_version(impl, build):
    """The installed version of the implementation's package, as its package manager says."""
    if impl.get("packager") == "debian":
        try:
            out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", impl["package"]],
                                 capture_output=True, text=True, check=False)
            return out.stdout.strip() or None
        except OSError:
            return None
    if impl.get("packager") == "npm":
        path = os.path.join(build, "impls", impl["id"], "node_modules", impl["package"], "package.json")
        try:
            with open(path, encoding="utf-8") as f:
                return json.load(f).get("version")
        except (OSError, ValueError):
            return None
    return None


def expand(text, build):
    return text.replace("{B}", build).replace("{PYTHON}", PYTHON)


def tests_of(path, types):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    return {t["tcId"]: t for g in doc["testGroups"] if g["type"] in types for t in g["tests"]}


def run_one(cabref, group, command, allow):
    """Runs cabref vectors on one group; returns (counts, entries of the tests that did not pass)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "results.json")
        argv = [cabref, "vectors"]
        if command is not None:
            argv += ["--impl", command]
        for t in group["types"]:
            argv += ["--type", t]
        if allow is not None:
            argv += ["--allow", allow]
        argv += ["--results", out, group["file"]]
        proc = subprocess.run(argv, capture_output=True, text=True, check=False)
        if proc.returncode not in (0, 7) or not os.path.exists(out):
            return None, "cabref vectors exited with status %d: %s" % (
                proc.returncode, (proc.stderr or proc.stdout).strip()[-500:])
        with open(out, encoding="utf-8") as f:
            results = json.load(f).get(group["file"])
        if results is None:
            return None, "cabref vectors wrote no results for %s" % group["file"]
    tests = tests_of(group["file"], group["types"])
    counts = {"pass": 0, "fail": 0, "allowed": 0, "stale": 0}
    entries = []
    for tc in sorted(results, key=int):
        r = results[tc]
        counts[r["status"]] += 1
        if r["status"] == "pass":
            continue
        t = tests[int(tc)]
        entries.append({
            "tcId": int(tc), "status": r["status"], "comment": t.get("comment", ""),
            "flags": t.get("flags", []), "input": t.get("input"),
            "expected": {"result": t.get("result"), "reason": t.get("reason", []),
                         "expect": t.get("expect", {})},
            "response": r.get("response"), "detail": r.get("detail", ""),
            "allowance": r.get("allowance")})
    return counts, entries


class RegistryError(Exception):
    pass


def load_registry(path):
    """The registry, checked: every group has an id, a vector file that exists and test types;
    every run names a known group and a command; an allow-list named exists."""
    try:
        with open(path, encoding="utf-8") as f:
            reg = json.load(f)
    except OSError as e:
        raise RegistryError("%s: cannot read: %s" % (path, e.strerror))
    except ValueError as e:
        raise RegistryError("%s: not JSON: %s" % (path, e))
    groups = {}
    for i, g in enumerate(reg.get("groups") or []):
        if not (isinstance(g, dict) and isinstance(g.get("id"), str) and isinstance(g.get("file"), str)
                and isinstance(g.get("types"), list) and g["types"]):
            raise RegistryError("%s: groups[%d]: needs id, file and a list of types" % (path, i))
        if not os.path.isfile(g["file"]):
            raise RegistryError("%s: group %s: no vector file %s" % (path, g["id"], g["file"]))
        groups[g["id"]] = g
    if not groups:
        raise RegistryError("%s: no groups" % path)
    for i, impl in enumerate(reg.get("implementations") or []):
        where = "%s: implementations[%d] (%s)" % (path, i, impl.get("id") if isinstance(impl, dict) else "?")
        if not (isinstance(impl, dict) and isinstance(impl.get("id"), str)
                and isinstance(impl.get("runs"), dict)):
            raise RegistryError(where + ": needs id and runs")
        for gid, run in impl["runs"].items():
            if gid not in groups:
                raise RegistryError("%s: run of unknown group %s" % (where, gid))
            if not isinstance(run, dict) or not isinstance(run.get("command"), str):
                raise RegistryError("%s: run %s: needs a command" % (where, gid))
            if run.get("allow") is not None and not os.path.isfile(run["allow"]):
                raise RegistryError("%s: run %s: no allow-list %s" % (where, gid, run["allow"]))
    return reg, groups


def run_all(args):
    reg, groups = load_registry(args.registry)
    cabref = os.path.join(args.build, "cabref")
    doc = {"comment": "cabref's vectors run against other implementations: tools/conformance.py, "
                      "from examples/impls/impls.json (issue 14). Per implementation and vector "
                      "group: counts, and every test that did not pass with both answers.",
           "groups": reg["groups"], "implementations": []}
    total_pass = total_fail = 0
    broken = False
    reference = {"id": "cabref", "name": "cabref (reference)", "language": "C",
                 "version": subprocess.run([cabref, "--version"], capture_output=True, text=True,
                                           check=False).stdout.strip() or None, "list": "the pinned list", "readme": "README.md",
                 "runs": {gid: {} for gid in groups if gid != "caa-print"}}  # cabref prints no records
    for impl in [reference] + reg["implementations"]:
        entry = {k: impl.get(k) for k in ("id", "name", "language", "package", "packager", "list", "readme")}
        entry["version"] = impl.get("version") or package_version(impl, args.build)
        entry["runs"] = {}
        for gid, run in impl["runs"].items():
            group = groups[gid]
            if impl.get("network") and args.offline:
                entry["runs"][gid] = {"status": "not-run", "why": "needs a registry beyond Debian's (--offline)"}
                continue
            missing = [expand(n, args.build) for n in run.get("needs", [])
                       if not os.path.exists(expand(n, args.build))]
            if missing:
                entry["runs"][gid] = {"status": "not-run", "why": "not built here: " + ", ".join(missing)}
                print("%s / %s: not run (missing %s)" % (impl["id"], gid, ", ".join(missing)))
                continue
            command = expand(run["command"], args.build) if "command" in run else None
            counts, entries = run_one(cabref, group, command, run.get("allow"))
            if counts is None:
                broken = True
                entry["runs"][gid] = {"status": "broken", "why": entries}
                print("%s / %s: BROKEN: %s" % (impl["id"], gid, entries))
                continue
            entry["runs"][gid] = {"status": "run", "allow": run.get("allow"), "counts": counts,
                                  "tests": entries}
            total_pass += counts["pass"] + counts["allowed"]
            total_fail += counts["fail"] + counts["stale"]
            print("%s / %s: %d passed, %d allowed, %d failed, %d stale" % (
                impl["id"], gid, counts["pass"], counts["allowed"], counts["fail"], counts["stale"]))
        doc["implementations"].append(entry)
    return doc, total_pass, total_fail, broken


def sub(parent, tag, text=None, **attrs):
    el = ET.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def pretty(value):
    return json.dumps(value, ensure_ascii=False, indent=None, sort_keys=True)


CSS = """
body { font-family: sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.6em; vertical-align: top; text-align: left; }
td.cell { text-align: center; white-space: nowrap; }
td.pass { background: #d8f0d8; } td.allowed { background: #fff2cc; } td.fail { background: #f4c7c3; }
td.none { color: #888; }
pre { white-space: pre-wrap; word-break: break-all; margin: 0; font-size: 0.85em; min-width: 14em; }
section td { max-width: 32em; }
tr.fail td, tr.stale td { background: #fbe3e1; }
section { margin-top: 2em; }
"""


def render(doc):
    html = ET.Element("html", {"lang": "en"})
    head = sub(html, "head")
    sub(head, "meta", charset="utf-8")
    sub(head, "title", "cabref vectors: conformance of other implementations")
    sub(head, "style", CSS)
    body = sub(html, "body")
    sub(body, "h1", "cabref vectors: conformance of other implementations")
    sub(body, "p", doc.get("comment", ""))
    groups = doc["groups"]
    table = sub(body, "table", id="matrix")
    row = sub(sub(table, "thead"), "tr")
    sub(row, "th", "Implementation")
    sub(row, "th", "Version")
    sub(row, "th", "List")
    for g in groups:
        sub(row, "th", "%s (%s)" % (g["title"], g["file"]))
    tbody = sub(table, "tbody")
    for impl in doc["implementations"]:
        tr = sub(tbody, "tr", id="impl-" + impl["id"])
        sub(tr, "th", "%s (%s)" % (impl["name"], impl["language"]), class_="impl")
        sub(tr, "td", impl.get("version") or "")
        sub(tr, "td", impl.get("list") or "")
        for g in groups:
            run = impl["runs"].get(g["id"])
            if run is None:
                sub(tr, "td", "\u2014", class_="cell none", title="no such group in this library")
                continue
            if run["status"] != "run":
                sub(tr, "td", "not run: " + run.get("why", ""), class_="cell none")
                continue
            c = run["counts"]
            bad = c["fail"] + c["stale"]
            state = "fail" if bad else ("allowed" if c["allowed"] else "pass")
            td = sub(tr, "td", class_="cell " + state, data_state=state)
            text = "%d pass / %d allowed / %d fail" % (c["pass"], c["allowed"], bad)
            if bad or c["allowed"]:
                sub(td, "a", text, href="#d-%s-%s" % (impl["id"], g["id"]))
            else:
                td.text = text
    sub(body, "p", "Each cell: tests that agree / differences explained in the implementation's "
                   "allow-list / differences not explained (including an allowance that no longer "
                   "differs). A cell with differences links to them.")
    for impl in doc["implementations"]:
        for g in groups:
            run = impl["runs"].get(g["id"])
            if not run or run["status"] != "run" or not run["tests"]:
                continue
            sec = sub(body, "section", id="d-%s-%s" % (impl["id"], g["id"]))
            sub(sec, "h2", "%s on %s" % (impl["name"], g["title"]))
            p = sub(sec, "p", "Allow-list: %s. README: %s." % (run.get("allow") or "none", impl.get("readme") or ""))
            p.tail = None
            t = sub(sec, "table")
            hr = sub(sub(t, "thead"), "tr")
            for h in ("tcId", "status", "test", "input", "expected", "implementation's answer",
                      "why it differs"):
                sub(hr, "th", h)
            tb = sub(t, "tbody")
            for e in run["tests"]:
                r = sub(tb, "tr", id="d-%s-%s-%d" % (impl["id"], g["id"], e["tcId"]), class_=e["status"])
                sub(r, "td", str(e["tcId"]))
                sub(r, "td", e["status"])
                sub(r, "td", "%s [%s]" % (e["comment"], ", ".join(e["flags"])))
                sub(sub(r, "td"), "pre", pretty(e["input"]))
                sub(sub(r, "td"), "pre", pretty(e["expected"]))
                sub(sub(r, "td"), "pre", pretty(e["response"]))
                why = sub(r, "td")
                sub(why, "div", "runner: " + e["detail"])
                sub(why, "div", "allowance: " + (e["allowance"] or "none (a failure)"))
    ET.indent(html)
    return "<!DOCTYPE html>\n" + ET.tostring(html, encoding="unicode", method="html") + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--offline", action="store_true")
    ap.add_argument("--out")
    ap.add_argument("--build", default="build")
    ap.add_argument("--render-only")
    ap.add_argument("--compare")
    ap.add_argument("--registry", default=os.path.join(ROOT, REGISTRY))
    args = ap.parse_args()
    for k in ("out", "render_only", "compare", "registry", "build"):
        if getattr(args, k):
            setattr(args, k, os.path.abspath(getattr(args, k)))
    os.chdir(ROOT)
    if args.render_only:
        if not args.out:
            ap.error("--render-only needs --out")
        with open(args.render_only, encoding="utf-8") as f:
            doc = json.load(f)
        os.makedirs(args.out, exist_ok=True)
        with open(os.path.join(args.out, "index.html"), "w", encoding="utf-8") as f:
            f.write(render(doc))
        return 0
    try:
        doc, passed, failed, broken = run_all(args)
    except RegistryError as e:
        print("conformance: error: %s" % e, file=sys.stderr)
        return 2
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        with open(os.path.join(args.out, "results.json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1, ensure_ascii=False, sort_keys=True)
            f.write("\n")
        with open(os.path.join(args.out, "index.html"), "w", encoding="utf-8") as f:
            f.write(render(doc))
    if args.compare:
        with open(args.compare, encoding="utf-8") as f:
            published = {i["id"]: i["runs"] for i in json.load(f)["implementations"]}
        for impl in doc["implementations"]:
            for gid, run in impl["runs"].items():
                old = published.get(impl["id"], {}).get(gid, {})
                if run.get("status") != "run":
                    continue
                if old.get("status") != "run" or old.get("counts") != run["counts"]:
                    failed += 1
                    print("%s / %s: counts %s, but %s publishes %s (run make conformance)" % (
                        impl["id"], gid, run["counts"], args.compare, old.get("counts")))
                else:
                    passed += 1
    print("%d passed, %d failed" % (passed, failed + (1 if broken else 0)))
    return 1 if failed or broken else 0


if __name__ == "__main__":
    sys.exit(main())
