#!/usr/bin/env python3
"""End to end: the release build in dist/, behind a static server with an SPA fallback,
loaded fresh by headless Chromium at every route in every locale, as a reader following a
deep link or pressing reload would. Checks the h1, the document title, <html lang> and the
navigation's aria-current against the content files, and the not-found page.

Usage: dist_routes.py DIST
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The URL slug of each page, keyed by its name in content/*.json `pages`.
PAGES = {
    "overview": "",
    "medical_innovation_school": "medical-innovation-school",
    "symposia": "symposia",
    "hcnf_course": "hcnf-course",
    "contact": "contact",
    "inquiry": "inquiry",
}
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--virtual-time-budget=10000",
]


class Page(HTMLParser):
    """What a reader's browser ended up with: title, lang, h1 and current nav entry."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.title = ""
        self.h1 = ""
        self.current = []
        self._in = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag in ("title", "h1"):
            self._in.append(tag)
        if tag == "a" and a.get("aria-current") == "page":
            self._in.append("current")
            self.current.append("")

    def handle_endtag(self, tag):
        if self._in and (self._in[-1] == tag or (tag == "a" and self._in[-1] == "current")):
            self._in.pop()

    def handle_data(self, data):
        if not self._in:
            return
        where = self._in[-1]
        if where == "title":
            self.title += data
        elif where == "h1":
            self.h1 += data
        elif where == "current":
            self.current[-1] += data


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load(url, profile):
    out = subprocess.run(
        ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
        capture_output=True, text=True, timeout=60,
    )
    page = Page()
    page.feed(out.stdout)
    return page


def main():
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve_dist.py"), dist, "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    passed = failed = 0

    def check(what, found, expected):
        nonlocal passed, failed
        if found == expected:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {what}: found {found!r}, expected {expected!r}")

    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        editions = {
            p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((ROOT / "content").glob("*.json"))
        }
        with tempfile.TemporaryDirectory() as profile:
            for code, ed in editions.items():
                for key, slug in PAGES.items():
                    head = ed["pages"][key]["head"]
                    url = f"http://127.0.0.1:{port}/{code}/{slug}"
                    page = load(url, profile)
                    title = ed["ui"]["title_template"].replace("{page}", head["title"]).replace(
                        "{site}", ed["ui"]["site_title"])
                    check(f"{url} h1", page.h1.strip(), head["title"])
                    check(f"{url} title", page.title.strip(), title)
                    check(f"{url} lang", page.lang, code)
                    check(f"{url} aria-current", [c.strip() for c in page.current], [head["nav_label"]])
                    print(f"ok {url}")
            url = f"http://127.0.0.1:{port}/en/no-such-page"
            page = load(url, profile)
            for code, ed in editions.items():
                nf = ed["ui"]["not_found"]["title"]
                check(f"{url} h1 in {code}", nf in page.h1, True)
                check(f"{url} title in {code}", nf in page.title, True)
            print(f"ok {url}")
    finally:
        server.terminate()
        server.wait()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
