"""The HTML page in a real headless Chromium: search, sort, filters, and a plain page without JavaScript.

Uses Debian's chromium (/usr/bin/chromium) through Playwright; nothing is downloaded at run time.
Skipped, with the reason, only where no browser is installed (`.ci/run` installs one).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from awesomelint import api
from awesomelint.source import decode

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
BROWSER = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or "") if p and os.path.exists(p)), None)

pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (apt-get install chromium)")

LIST = """# Clinical Data

## ICU

| Name | Description | Data Types | Patient Count |
| --- | --- | --- | --- |
| [MIMIC-IV](https://physionet.org/content/mimiciv/) | Hospital and ICU records. | P, L, T | 300,000 |
| [eICU](https://eicu-crd.mit.edu/) | Multi-centre ICU data. | P, L | 200,000 |
| [HiRID](https://hirid.intensivecare.ai/) | High time-resolution ICU data. | P, L | 33,000 |

## Imaging

| Name | Description | Data Types | Patient Count |
| --- | --- | --- | --- |
| [OASIS](https://www.oasis-brains.org/) | Brain MRI sets. | I | 416 |
| [TCIA](https://www.cancerimagingarchive.net/) | Cancer images <script>alert(1)</script>. | I | 1,000 |
"""


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    html = api.convert("list.md", "html", source=decode(LIST.encode(), "list.md"))
    assert "<script>alert" not in html  # raw HTML in a description is dropped
    path = tmp_path_factory.mktemp("page") / "index.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=BROWSER,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield b
        b.close()


def visible_names(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all("#entries tbody tr:not([hidden]) td:first-child", "cells => cells.map(c => c.textContent.trim())")


def test_search_sort_and_filter(browser, page_file):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(page_file.as_uri())
    assert visible_names(page) == ["MIMIC-IV", "eICU", "HiRID", "OASIS", "TCIA"]
    page.fill("#search", "icu")
    assert visible_names(page) == ["MIMIC-IV", "eICU", "HiRID"]
    assert page.text_content("#count") == "3 of 5 entries"
    page.fill("#search", "")
    page.click("th:has-text('Patient Count') button")
    assert visible_names(page) == ["OASIS", "TCIA", "HiRID", "eICU", "MIMIC-IV"]  # numeric order
    page.click("th:has-text('Patient Count') button")
    assert visible_names(page)[0] == "MIMIC-IV"
    page.select_option("label:has-text('Data Types') >> select", "I")
    assert sorted(visible_names(page)) == ["OASIS", "TCIA"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "html-page.png"), full_page=True)
    assert (ARTIFACTS / "html-page.png").stat().st_size > 1000
    page.close()


def test_counts_follow_the_filter_and_the_keyboard_reaches_everything(browser, page_file):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(page_file.as_uri())
    tally = "nav [data-section='{}']"
    assert page.text_content(tally.format("ICU")) == "(3)"
    page.keyboard.press("Tab")  # the section index, then the search box, by keyboard alone
    for _ in range(8):
        if page.evaluate("document.activeElement.id") == "search":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "search"
    page.keyboard.type("mri")
    assert visible_names(page) == ["OASIS"]
    assert page.text_content("#count") == "1 of 5 entries"
    assert page.text_content(tally.format("ICU")) == "(0 of 3)"
    assert page.text_content(tally.format("Imaging")) == "(1 of 2)"
    page.fill("#search", "")
    page.focus("th:has-text('Patient Count') button")
    page.keyboard.press("Enter")  # sort headers are buttons: Enter sorts
    assert visible_names(page)[0] == "OASIS"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
    page.close()


def test_readable_without_javascript(browser, page_file):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(page_file.as_uri())
    assert len(visible_names(page)) == 5
    assert not page.is_visible("#controls")  # search and filters need JavaScript: hidden without it
    assert page.get_attribute("text=MIMIC-IV", "href") == "https://physionet.org/content/mimiciv/"
    page.click("nav >> text=Imaging")
    assert page.url.endswith("#s-imaging")
    context.close()


def test_header_stays_and_the_fragment_keeps_the_view(browser, tmp_path):
    rows = "".join(f"| [Set {i}](https://example.org/{i}) | Records of study {i}. | {'P' if i % 2 else 'I'} | {i} |\n" for i in range(80))
    text = "# Many\n\n## All\n\n| Name | Description | Data Types | Patient Count |\n| --- | --- | --- | --- |\n" + rows
    path = tmp_path / "index.html"
    path.write_text(api.convert("many.md", "html", source=decode(text.encode(), "many.md")), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 700})
    page.goto(path.as_uri())
    page.mouse.wheel(0, 2500)
    page.wait_for_timeout(100)
    for selector in ("#search", "#entries thead th"):  # search box and header row still on screen
        box = page.locator(selector).first.bounding_box()
        assert box is not None and 0 <= box["y"] < 120, (selector, box)
    page.fill("#search", "study 7")
    page.select_option("label:has-text('Data Types') >> select", "P")
    assert page.url.endswith("#q=study%207&f0=P")
    shared = browser.new_page(viewport={"width": 375, "height": 700})  # the shared view, on a phone
    shared.goto(page.url)
    assert sorted(visible_names(shared)) == ["Set 7", "Set 71", "Set 73", "Set 75", "Set 77", "Set 79"]
    ARTIFACTS.mkdir(exist_ok=True)
    shared.screenshot(path=str(ARTIFACTS / "html-page-375.png"), full_page=False)
    page.screenshot(path=str(ARTIFACTS / "html-page-1400.png"), full_page=False)
    page.close()
    shared.close()


# -- a page made from hostile lists runs nothing and fetches nothing ----------------------------------
@pytest.fixture
def beacon():  # type: ignore[no-untyped-def]
    """A listener on 127.0.0.1 that records every request it gets."""
    import http.server
    import threading

    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


_TRAP = """
window.__ran = [];
for (const f of ['alert', 'confirm', 'prompt', 'print', 'open']) {
  window[f] = function () { window.__ran.push(f); };
}
"""


@pytest.mark.parametrize("kind", ["md", "yaml"])
def test_hostile_page_runs_no_script(browser, beacon, tmp_path, kind):
    from hostile import audit, hostile_markdown, hostile_yaml

    url, hits = beacon
    name = f"hostile.{kind}"
    text = hostile_markdown(url) if kind == "md" else hostile_yaml(url)
    html = api.convert(name, "html", source=decode(text.encode(), name))
    static_problems = audit(html)
    page_path = tmp_path / "index.html"
    page_path.write_text(html, encoding="utf-8")

    context = browser.new_context()
    context.add_init_script(_TRAP)
    requests: list[str] = []
    dialogs: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", url)) else route.abort())
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(page_path.as_uri())
    assert page.text_content("#count")  # our own script ran under the CSP
    page.evaluate(
        """() => { for (const el of document.querySelectorAll('body *')) {
             try { el.focus(); } catch (e) {}
             for (const t of ['mouseover', 'mouseenter', 'mousemove', 'pointerover', 'focus', 'click', 'animationstart']) {
               if (t !== 'click' || el.tagName !== 'A') { el.dispatchEvent(new Event(t, {bubbles: true})); }
             } } }"""
    )
    ran = page.evaluate("window.__ran")
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
    for i in range(len(hrefs)):  # click every link, from a fresh page each time
        page.goto(page_path.as_uri())
        try:
            page.locator("a[href]").nth(i).click(timeout=2000, no_wait_after=True)
        except Exception:  # an aborted navigation is fine: it is what we want to see
            pass
        page.wait_for_timeout(20)
        try:
            if page.url.startswith("file:"):
                ran += page.evaluate("window.__ran || []")
        except Exception:  # the page was replaced while we looked: a script navigated
            ran.append(f"navigation after clicking {hrefs[i]!r}")
    page.wait_for_timeout(200)
    context.close()
    assert ran == [] and dialogs == []
    assert hits == [], hits
    assert static_problems == []
    assert not [r for r in requests if r.startswith(url)]
