"""Hostile and huge inputs: never a traceback, a hang or a RecursionError; clear errors for non-lists."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesomelint import api
from awesomelint.errors import InputError, UnsafeFormatError
from awesomelint.fmt import format_checked
from awesomelint.lint.run import ConfigCache, lint_sources
from awesomelint.source import decode
from test_cli import one_line_error, run

PIECES = [
    "- ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "  ",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "# ",
    "## ",
    "### ",
    "> ",
    "[",
    "]",
    "(",
    ")",
    "[a](https://a.org)",
    "[b][r]",
    "[r]: https://r.org",
    "<p>",
    "</p>",
    "<details>",
    "</details>",
    "```",
    "~~~",
    "| a | b |",
    "|---|---|",
    "| c |",
    "**",
    "__",
    "`",
    "\\",
    "—",
    " - ",
    ": ",
    "https://x.org",
    "www.y.org",
    "text",
    "医学",
    "😀",
    "&amp;",
    "<!-- awesomelint-disable AL2 -->",
    "---",
    "===",
]


def every_command(text: bytes) -> None:
    """lint, fmt and convert on one input: only our own clear errors are allowed."""
    try:
        src = decode(text, "fuzz.md")
    except InputError:
        return
    lint_sources([src], ConfigCache())
    try:
        format_checked(src)
    except UnsafeFormatError:
        pass
    api.convert("fuzz.md", "json", source=src)
    try:
        api.render("fuzz.md", source=src)
    except InputError as err:  # render proves its output; a refusal is a clean outcome
        assert "would lose data" in str(err)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_fuzz_markdown_pieces(pieces):
    every_command("".join(pieces).encode("utf-8"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_fuzz_any_text(text):
    every_command(text.encode("utf-8", "surrogatepass") if "\ud800" > text else text.encode("utf-8", "replace"))


def test_lists_nested_1000_deep():
    text = "".join("  " * i + f"- [x{i}](https://e.org/{i})\n" for i in range(1000))
    every_command(text.encode())


def test_block_quotes_nested_1000_deep():
    every_command(("> " * 1000 + "- [a](https://a.org)\n").encode())


def test_ten_megabyte_single_line():
    line = "- [a](https://a.org) " + "word " * 2_000_000
    src = decode(line.encode(), "long.md")
    diags, _ = lint_sources([src], ConfigCache())
    assert all(d.line == 1 for d in diags)


def test_mixed_line_endings():
    every_command(b"# T\r\n\n- [a](https://a.org) - x\r- [b](https://b.org) - y\n\r\n")


def test_huge_table():
    rows = "".join(f"| [n{i}](https://t.org/{i}) | {i} |\n" for i in range(20000))
    src = decode(("| a | b |\n|---|---|\n" + rows).encode(), "t.md")
    doc = api.load("t.md", src).doc
    assert len(doc.iter_entries()) == 20000


@pytest.mark.parametrize("data", [b"\x00\x01binary", b"\xff\xfe\x00t\x00", b"abc\xc3("])
def test_not_text_is_a_clear_error(tmp_path, data):
    p = tmp_path / "x.md"
    p.write_bytes(data)
    for cmd in ("lint", "fmt", "convert"):
        one_line_error(run(cmd, str(p)), "x.md")
    assert p.read_bytes() == data
