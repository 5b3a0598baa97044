"""The block scanner's `(?=^)` look-ahead (a speed-up) changes no token, on every list we have."""

from __future__ import annotations

import json

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
