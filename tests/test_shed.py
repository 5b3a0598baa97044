"""Letting list tokens go once their records are read (lint's memory) changes no finding.

`parse_source_tokens(..., shed=True)` keeps, of each list, only the code blocks, HTML blocks and
paragraphs with an HTML comment. Every rule but the style rules (which format from all tokens, and
so get them all), and the suppressions, must say the same with and without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesomelint.lint.engine import FileContext, all_rules, find_suppressions
from awesomelint.parse import parse_source_tokens
from awesomelint.source import read_source
from conftest import CORPUS, FIXTURES, ids

HERE = Path(__file__).parent
FILES = FIXTURES + CORPUS + sorted((HERE / "lint_inputs").glob("*.md"))


def _findings(path: Path, shed: bool) -> tuple[list[object], list[object]]:
    src = read_source(path)
    doc, tokens = parse_source_tokens(src, shed=shed)
    ctx = FileContext(src.path, src, doc, settings={"schema": {}}, _tokens=tokens)
    rules = all_rules()
    found: list[object] = []
    for code in sorted(rules):
        r = rules[code]
        if r.project or code == "AL001" or r.family == "style":
            continue
        found.extend((d.line, d.column, d.code, d.message) for d in r.func(ctx))
    sups = [(s.kind, s.codes, s.line, s.start, s.end) for s in find_suppressions(ctx.block_tokens, len(ctx.lines))]
    return found, sups


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_shedding_list_tokens_changes_no_finding(path):
    assert _findings(path, shed=True) == _findings(path, shed=False)


def test_shedding_keeps_comments_and_code_inside_lists(tmp_path):
    p = tmp_path / "list.md"
    p.write_text(
        "# List\n\n- [A](https://a.org) - One.\n  <!-- awesomelint-disable-next-line AL105 -->\n  - B https://b.org\n"
        "- [C](https://c.org) - Three.\n\n  ```\n  - [D] (https://d.org)\n  ```\n",
        encoding="utf-8",
    )
    found, sups = _findings(p, shed=True)
    assert (found, sups) == _findings(p, shed=False)
    assert sups and not any(f[2] == "AL104" for f in found)  # the comment is seen; the code block is not linted
