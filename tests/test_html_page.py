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
    page.select_option("select[name=data_types]", "I")
    assert sorted(visible_names(page)) == ["OASIS", "TCIA"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "html-page.png"), full_page=True)
    assert (ARTIFACTS / "html-page.png").stat().st_size > 1000
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
