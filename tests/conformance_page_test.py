#!/usr/bin/env python3
"""The conformance page in a real browser (issue 14): Debian's Chromium, headless, driven by
Selenium through chromedriver.

    conformance_page_test.py PAGE_DIR [PUBLISHED_DIR]

PAGE_DIR holds results.json and index.html as tools/conformance.py wrote them; PUBLISHED_DIR
(conformance/) the committed ones. Checks: each page opens and shows one matrix row per
implementation of examples/impls/impls.json plus cabref; every cell with differences links to a
section that exists and lists as many tests as the cell counts; clicking a link scrolls that
section into view. A page rendered from the same results with one test turned into a failure
shows a red cell whose link leads to that test's row, marked as a failure. The committed page is
the rendering of the committed results. Ends with "N passed, N failed"."""
import copy
import json
import os
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def browser():
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1400,900"):
        opts.add_argument(a)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


def expected_ids():
    with open(os.path.join(ROOT, "examples/impls/impls.json"), encoding="utf-8") as f:
        reg = json.load(f)
    return ["cabref"] + [i["id"] for i in reg["implementations"]]


def in_view(drv, el):
    top = drv.execute_script("return arguments[0].getBoundingClientRect().top;", el)
    return -5 <= top <= 50


def check_page(drv, page_dir, label):
    path = os.path.abspath(os.path.join(page_dir, "index.html"))
    with open(os.path.join(page_dir, "results.json"), encoding="utf-8") as f:
        doc = json.load(f)
    drv.get("file://" + path)
    check(drv.find_element(By.TAG_NAME, "h1").is_displayed(), label + ": the page opens")
    rows = drv.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")
    ids = [r.get_attribute("id") for r in rows]
    for impl in expected_ids():
        check("impl-" + impl in ids, "%s: a matrix row for %s" % (label, impl))
    for r in rows:
        check(r.is_displayed(), "%s: row %s shown" % (label, r.get_attribute("id")))
    links = [(a.get_attribute("href").split("#", 1)[1], a.text)
             for a in drv.find_elements(By.CSS_SELECTOR, "#matrix td.cell a")]
    want = sum(1 for i in doc["implementations"] for g, run in i["runs"].items()
               if run.get("status") == "run" and run["tests"])
    check(len(links) == want, "%s: %d cells with differences link to details (%d)" % (label, want, len(links)))
    for target, text in links:
        sec = drv.find_elements(By.ID, target)
        check(len(sec) == 1, "%s: the section %s exists" % (label, target))
        if not sec:
            continue
        rows_in = sec[0].find_elements(By.CSS_SELECTOR, "tbody tr")
        allowed, bad = int(text.split(" / ")[1].split()[0]), int(text.split(" / ")[2].split()[0])
        check(len(rows_in) == allowed + bad,
              "%s: %s lists the %d tests its cell counts (%d)" % (label, target, allowed + bad, len(rows_in)))
    return doc


def main():
    page_dir = sys.argv[1]
    published = sys.argv[2] if len(sys.argv) > 2 else None
    drv = browser()
    try:
        doc = check_page(drv, page_dir, "generated page")
        # Clicking a cell's link scrolls its details into view.
        link = drv.find_elements(By.CSS_SELECTOR, "#matrix td.cell a")[0]
        target = link.get_attribute("href").split("#", 1)[1]
        link.click()
        check(drv.execute_script("return location.hash;") == "#" + target, "the click follows the link")
        check(in_view(drv, drv.find_element(By.ID, target)), "the clicked cell's details are in view")

        # One test turned into a failure: a red cell linking to the failing test's row.
        bad = copy.deepcopy(doc)
        impl = next(i for i in bad["implementations"] if i["id"] == "libpsl")
        run = impl["runs"]["psl"]
        entry = run["tests"][0]
        entry["status"], entry["allowance"] = "fail", None
        run["counts"]["allowed"] -= 1
        run["counts"]["fail"] += 1
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "results.json"), "w", encoding="utf-8") as f:
                json.dump(bad, f)
            subprocess.run([sys.executable, os.path.join(ROOT, "tools/conformance.py"),
                            "--render-only", os.path.join(tmp, "results.json"), "--out", tmp], check=True)
            check_page(drv, tmp, "page with a failure")
            cell = drv.find_element(By.CSS_SELECTOR, "#impl-libpsl td.cell.fail")
            check(cell.get_attribute("data-state") == "fail", "the failing cell is marked fail")
            check(cell.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)",
                  "the failing cell is coloured")
            check(" / 1 fail" in cell.text, "the failing cell counts the failure: " + cell.text)
            cell.find_element(By.TAG_NAME, "a").click()
            row = drv.find_element(By.ID, "d-libpsl-psl-%d" % entry["tcId"])
            check(row.get_attribute("class") == "fail", "the failing test's row is marked fail")
            check("a failure" in row.text, "the failing test's row says it is not allowed")
            check(in_view(drv, drv.find_element(By.ID, "d-libpsl-psl")), "the failure's details are in view")

        if published:
            check_page(drv, published, "published page")
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run([sys.executable, os.path.join(ROOT, "tools/conformance.py"),
                                "--render-only", os.path.join(published, "results.json"), "--out", tmp],
                               check=True)
                with open(os.path.join(tmp, "index.html"), encoding="utf-8") as a, \
                        open(os.path.join(published, "index.html"), encoding="utf-8") as b:
                    check(a.read() == b.read(), "the published page is the rendering of the published results")
    finally:
        drv.quit()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
