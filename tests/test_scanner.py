"""The block scanner's `(?=^)` look-ahead (a speed-up) changes no token, on every list we have."""

from __future__ import annotations

import json
import re

import pytest

from awesomelint.parse.blocks import PosBlockParser, parse_blocks
from conftest import CORPUS, FIXTURES, ids

FILES = FIXTURES + CORPUS


def _tokens(text: str) -> str:
    tokens, _ = parse_blocks(text)
    return json.dumps(tokens, default=str, sort_keys=True)


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_fast_scanner_gives_the_same_tokens(path, monkeypatch):
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    fast = _tokens(text)
    monkeypatch.setattr(PosBlockParser, "fast_scanner", False)
    assert _tokens(text) == fast


def test_fast_scanner_same_tokens_on_hostile_shapes(monkeypatch):
    samples = ["- " + "[a](b) " * 200 + "\n", "x\n" * 300 + "> q\n" * 50, "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 100, "    code\n" * 50 + "# h\n"]
    fast = [_tokens(s) for s in samples]
    monkeypatch.setattr(PosBlockParser, "fast_scanner", False)
    assert [_tokens(s) for s in samples] == fast


def _table_tokens(tokens: list[dict[str, object]]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for t in tokens:
        if t.get("type") == "table":
            out.append(t)
        out.extend(_table_tokens(t.get("children") or []))  # type: ignore[arg-type]
    return out


_NESTED_TABLES = [
    "> | a | b |\n> | - | - |\n> | 1 | 2 |\n> | 3 | 4 |\n",
    "- item\n\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n  | 3 |\n",
    "text\n\n| a |\n| - |\n| 1 |\n|\n| 2 \\| 3 |\n\n| c |\n| - |\n| 4 |\n",
    "- > | a | b |\n  > | - | - |\n  > | 1 | 2 |\n",
]


@pytest.mark.parametrize(
    "text", [p.read_text(encoding="utf-8").replace("\r\n", "\n") for p in FILES] + _NESTED_TABLES, ids=ids(FILES) + ["quote", "item", "two", "item-quote"]
)
def test_each_table_row_is_on_its_own_line(text):
    """A row's line is where its text stands in the file (rows are numbered from the first one)."""
    lines = text.split("\n")
    tokens, _ = parse_blocks(text)
    for table in _table_tokens(tokens):
        for row in table["rows"]:  # type: ignore[attr-defined]
            assert lines[row["line"] - 1].endswith(row["raw"]), (row, lines[row["line"] - 1])


def test_a_line_starting_with_a_pipe_never_breaks_a_table():
    """`_parse_table` does not ask `is_break` of such a line: no block that ends a table starts with `|`."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    breaks = PosBlockParser()._break_rules

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list("|#`~>*-_< \t=abc123/!")), max_size=12))
    def check(rest: str) -> None:
        assert breaks.match("|" + rest) is None

    check()
    assert all(breaks.match(s) for s in ("# h", "```", "> q", "***", "<div>"))  # (it does break on these)


# -- where a table ends: GitHub's renderer decides ----------------------------------------------
# On GitHub a table row is any line that does not start a block. Inside a table (not a paragraph)
# that includes the blocks a paragraph cannot be broken by: HTML of the seventh kind (`<br />`,
# `<span>` alone on a line), indented code, an empty list item, an ordered list from 2.
_AFTER_ROWS = [
    "<br />",
    "  <br/>",
    "<span>",
    "</span>",
    '<img src="a.png" alt="x">',
    "<x-y a=1 b='2' c>",
    "<br /> x",
    "<span",
    "    x",
    "    | 3 | 4 |",
    "|",
    " |  ",
    "\t| 3 | 4 |",
    "  \t| 3 | 4 |",
    "   | 3 | 4 |",
    "2. x",
    "2) x | y",
    "1.",
    "-",
    "- ",
    "* x",
    "   - x",
    "+",
    "- x | y",
    "===",
    "x | y",
    "[^1]: note",
    "# h",
    "***",
    "> q",
    "<div>",
    "<!-- c -->",
    "```",
    "~~~ x`y",
    "```<`",
]


def _rows_shown(text: str) -> int:
    """The rows of the first table's body on GitHub (cmark-gfm)."""
    from awesomelint.htmlcheck import render_html

    html = render_html(text)
    if "</table>" not in html:
        return -1
    body = html[: html.index("</table>")].partition("<tbody>")[2]
    return body.count("<tr>")


def _rows_read(text: str) -> int:
    tokens, _ = parse_blocks(text)
    tables = _table_tokens(tokens)
    return len(tables[0]["rows"]) if tables else -1  # type: ignore[arg-type]


@pytest.mark.parametrize("line", _AFTER_ROWS)
def test_a_table_ends_where_github_ends_it(line: str) -> None:
    text = f"| a | b |\n| - | - |\n| 1 | 2 |\n{line}\n| 5 | 6 |\n"
    assert _rows_read(text) == _rows_shown(text), text


def test_a_table_ends_where_github_ends_it_on_random_lines() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = [
        "<",
        ">",
        "/",
        "</",
        "/>",
        "br",
        "span",
        "x-y",
        " ",
        "\t",
        "    ",
        "a=1",
        "b='2'",
        '"',
        "|",
        "-",
        "*",
        "2.",
        "1)",
        "#",
        "`",
        "~",
        ">",
        "_",
        "=",
        "x",
    ]

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.lists(st.sampled_from(pieces), max_size=8).map("".join), min_size=1, max_size=3))
    def check(lines: list[str]) -> None:
        text = "| a | b |\n| - | - |\n| 1 | 2 |\n" + "".join(f"{ln}\n" for ln in lines)
        assert _rows_read(text) == _rows_shown(text), text

    check()


# a table is not a paragraph: no line continues it lazily, so a row without its container's marker
# or indent ends the container and the table (GitHub shows it as text after them)
_LAZY_ROWS = {
    "quote": "> | a | b |\n> | - | - |\n> | 1 | 2 |\n| 3 | 4 |\n",
    "quote-in-item": "- > | a | b |\n  > | - | - |\n  > | 1 | 2 |\n  | 3 | 4 |\n",
    "quote-marked": "> | a | b |\n> | - | - |\n> | 1 | 2 |\n> | 3 | 4 |\n",
    "quote-after-tabs": "> x\n>\t\ty\n>\n> | a | b |\n> | - | - |\n> | 1 | 2 |\n| 3 | 4 |\n",  # mistune counts lazy lines before tabs grow
    "item-indented": "- | a | b |\n  | - | - |\n  | 1 | 2 |\n  | 3 | 4 |\n",
}


@pytest.mark.parametrize("name", sorted(_LAZY_ROWS))
def test_a_table_in_a_container_has_no_lazy_rows(name: str) -> None:
    text = _LAZY_ROWS[name]
    assert _rows_read(text) == _rows_shown(text), text


# a list item's lazy lines are noted as mistune builds its text (it does not say which they are),
# and a table right under a paragraph in an item or a quote starts there unless its lines are lazy
@pytest.mark.parametrize(
    "text",
    [
        "- | a | b |\n  | - | - |\n  | 1 | 2 |\n| 3 | 4 |\n",
        "- x\n\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n| 3 | 4 |\n",
        "- x\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n",
        "> x\n> | a | b |\n> | - | - |\n> | 1 | 2 |\n",
        "- x\n| a | b |\n| - | - |\n",
        "> x\n| a | b |\n| - | - |\n",
        "> x\n> | a | b |\n| - | - |\n",
        "- x\n  | a | b |\n| - | - |\n",
        "- x\n\t| a | b |\n\t| - | - |\n\t| 1 | 2 |\n| 3 | 4 |\n",
        "1. x\n   | a | b |\n   | - | - |\n  | 1 | 2 |\n",
    ],
)
def test_a_table_in_a_list_item_has_no_lazy_rows(text: str) -> None:
    assert _rows_read(text) == _rows_shown(text), text


def test_a_table_in_a_container_ends_where_github_ends_it_on_random_lines() -> None:
    """A paragraph, then a table, in a list item or a quote, each line with or without the
    container's indent or marker, then random lines: the rows are GitHub's."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    lines = [
        "x",
        "| a | b |",
        "| - | - |",
        "| 1 | 2 |",
        "",
        "- y",
        "<br>",
        "    z",
        "> q",
        "|",
    ]  # no tabs: in a nested container mistune counts tab stops from the container, cmark-gfm from the line (not a table matter)
    kinds = st.sampled_from([("- ", "  "), ("> ", "> "), ("1. ", "   "), ("- > ", "  > ")])

    @settings(max_examples=300, deadline=None)
    @given(kinds, st.lists(st.tuples(st.sampled_from(lines), st.booleans()), min_size=2, max_size=7), st.booleans())
    def check(kind: tuple[str, str], body: list[tuple[str, bool]], paragraph: bool) -> None:
        first, inner = kind
        head = [("x", True)] if paragraph else []
        rows = [*head, ("| a | b |", True), ("| - | - |", True), *body]
        text = "".join((first if i == 0 else inner if marked else "") + line + "\n" for i, (line, marked) in enumerate(rows))
        assert _rows_read(text) == _rows_shown(text), text

    check()


@pytest.mark.parametrize("text", ["- Foo\n===\n", "- Foo\n---\n", "- Foo\n  ===\n", "1. Foo\nbar\n===\n", "> Foo\n===\n"])
def test_a_lazy_line_under_a_list_item_is_no_heading_underline(text: str) -> None:
    """A setext underline cannot be a lazy line: GitHub shows `Foo ===` as text (mistune, told a
    list item's lazy lines, reads it so too)."""
    from awesomelint.htmlcheck import render_html

    def headings(tokens: list[dict[str, object]]) -> int:
        return sum((t["type"] == "heading") + headings(t.get("children") or []) for t in tokens)  # type: ignore[arg-type,misc]

    tokens, _ = parse_blocks(text)
    assert headings(tokens) == len(re.findall(r"<h[1-6]>", render_html(text))), text


def test_lazy_lines_are_noted_per_thread() -> None:
    """A list item's lazy lines wait for its child state in a per-thread slot: parsers in several
    threads at once give the tokens each gives alone."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"- x{i}\n  | a | b |\n  | - | - |\n  | {i} | 2 |\n| 3 | 4 |\n\n- Foo\n===\n" * 20 for i in range(8)]
    alone = [json.dumps(parse_blocks(t)[0], default=str) for t in texts]
    import sys

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns every few bytecodes
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            together = list(pool.map(lambda t: json.dumps(parse_blocks(t)[0], default=str), texts * 4))
    finally:
        sys.setswitchinterval(interval)
    assert together == alone * 4
