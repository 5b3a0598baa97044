"""What strangers write into a list can't run script, escape a context or fake a result.

The HTML page is also driven in a real browser (test_html_page.py); here are the static checks,
CSV cells and terminal output.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from awesomelint import api
from awesomelint.render.html import CSP
from awesomelint.source import decode
from awesomelint.urls import safe_href
from hostile import BAD_KEY, SCRIPT_URLS, audit, hostile_markdown, hostile_yaml, url_scheme_ok
from test_cli import run


def page_from(text: str, name: str) -> str:
    return api.convert(name, "html", source=decode(text.encode(), name))


@pytest.mark.parametrize("name,text", [("hostile.md", hostile_markdown()), ("hostile.yaml", hostile_yaml())], ids=["markdown", "yaml"])
def test_hostile_lists_make_a_clean_page(name, text):
    page = page_from(text, name)
    assert audit(page) == []
    assert 'href="javascript' not in page.lower() and "<svg" not in page and "<img src=x" not in page
    assert page.count("<script") == 1  # only our own
    assert f'content="{CSP.replace(chr(39), "&#x27;")}"' in page


def test_the_old_attribute_name_injection_is_closed():
    page = page_from(hostile_yaml(), "hostile.yaml")
    assert "autofocus" not in set(_attribute_names(page))
    assert BAD_KEY not in page  # escaped wherever it is shown


def _attribute_names(page: str) -> set[str]:
    from hostile import PageAudit

    a = PageAudit()
    a.feed(page)
    return a.names


@pytest.mark.parametrize("url", SCRIPT_URLS + ["java\nscript:x", "\x00javascript:x", "java&amp;#x73;cript:x", "data:image/png;base64,AA"])
def test_safe_href_refuses_script(url):
    assert safe_href(url) is None


@pytest.mark.parametrize("url", ["https://example.org/a?b=c#d", "HTTP://EXAMPLE.ORG", "mailto:a@example.org", "#section", "docs/a.md", "../b", "/c", "a/b:c"])
def test_safe_href_keeps_ordinary_urls(url):
    assert safe_href(url) == url and url_scheme_ok(url)


def test_csp_hashes_match_the_inline_script_and_style():
    import base64
    import hashlib
    import re

    page = page_from("# T\n\n- [A](https://a.org) - a.\n", "t.md")
    for tag, directive in (("script", "script-src"), ("style", "style-src")):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S).group(1)  # type: ignore[union-attr]
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in CSP


# -- CSV ------------------------------------------------------------------------------------------
FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "-", "- a list"]
NUMBERS = ["-2", "+3.5", "-0.25", "+1e5", "-1,000"]


@pytest.mark.parametrize("value", FORMULAS)
def test_csv_formula_cells_are_neutralised(value):
    got = _csv_description(value)
    assert got == "'" + value


@pytest.mark.parametrize("value", NUMBERS + ["plain text", "2 = 2", "a+b"])
def test_csv_numbers_and_text_are_unchanged(value):
    assert _csv_description(value) == value


def _csv_description(value: str) -> str:
    data = {
        "awesomelint": 1,
        "title": "T",
        "sections": [
            {"title": "S", "level": 2, "content": [{"list": {"style": "bullet", "entries": [{"name": value, "url": "https://a.org", "description": value}]}}]}
        ],
    }
    out = api.convert("t.json", "csv", source=decode(json.dumps(data).encode(), "t.json"))
    rows = list(csv.DictReader(io.StringIO(out)))
    return rows[0]["Description"]


# -- terminal ---------------------------------------------------------------------------------------
def test_control_characters_in_messages_are_escaped(tmp_path):
    name = "Evil\x1b[2J\x1b]0;pwned\x07\u202e"
    (tmp_path / "list.md").write_text(f"# T\n\n- [{name}](https://a.org) - a.\n- [{name}](https://a.org) - b.\n", encoding="utf-8")
    r = run("lint", "list.md", "--no-cache", "--select", "AL201", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout and "\u202e" not in r.stdout
    r = run("lint", "--format", "github", "list.md", "--no-cache", "--select", "AL201", cwd=tmp_path)
    assert "\x1b" not in r.stdout


def test_control_characters_in_file_names_are_escaped(tmp_path):
    bad = tmp_path / "a\x1b[31mred.md"
    bad.write_bytes(b"\xff\xfe not utf-8")
    r = run("lint", str(bad), "--no-cache", cwd=tmp_path)
    assert r.returncode == 2
    assert "\x1b" not in r.stderr and "\\x1b[31mred.md" in r.stderr


@pytest.mark.parametrize(
    "args",
    [["fmt", "--check"], ["fmt"], ["lint", "--fix", "--no-cache"], ["lint", "--fix", "--no-cache", "--select", "AL5"]],
    ids=["fmt-check", "fmt", "lint-fix", "lint-fix-through-click"],
)
def test_control_characters_in_the_names_of_files_worked_on_are_escaped(tmp_path, args):
    """`would reformat`, `reformatted` and `Fixed … in` name the file: its name is shown escaped,
    whether the command line runs with click or without it."""
    bad = tmp_path / "a\x1b[31mred\x07.md"
    toc = "## Contents\n\n- [Beta](#beta)\n- [Alpha](#alpha)\n\n## Alpha\n\n* [A](https://a.org) - a.\n\n## Beta\n\n* [B](https://b.org) - b.\n"
    bad.write_text("# T\n\n" + toc, encoding="utf-8")  # to fix: the bullets (AL5, opt-in) and the order of the contents (AL405)
    r = run(*args, bad.name, cwd=tmp_path)
    assert "red" in r.stderr, r.stderr
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr and "\\x1b[31mred\\x07.md" in r.stderr
