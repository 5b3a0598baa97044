"""Our records against what GitHub shows (`oracle.py`): every seed, every corpus list, every shape fixture.

Per file: entry recall by url ≥ 0.99, names exact ≥ 0.98, descriptions equal (whitespace folded)
≥ 0.98. The figures of every file are printed at the end of the run (`pytest_terminal_summary`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import oracle
from awesomelint.parse import parse_text
from conftest import CORPUS, HERE, ids

SHAPES = sorted((HERE / "fixtures").glob("*.md"))
FILES = [p for p in CORPUS if p.name != "SOURCES.md"] + SHAPES
FIGURES: list[tuple[int, str, oracle.Score]] = []  # (place in FILES, name, score): conftest prints them


def _explain(score: oracle.Score) -> str:
    lines = [f"missing line {m.line}: {m.name!r} {m.url}" for m in score.missing[:10]]
    lines += [f"name line {m.line}: shown {m.name!r}, ours {ours!r}" for m, ours in score.wrong_names[:10]]
    lines += [f"description line {m.line}: shown {m.description!r:.120}, ours {ours!r:.120}" for m, ours in score.wrong_descriptions[:10]]
    return "\n".join(lines)


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_records_match_what_github_shows(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    score = oracle.compare(text, parse_text(text, str(path)))
    FIGURES.append((FILES.index(path), path.name, score))
    assert score.recall >= 0.99, _explain(score)
    assert score.names >= 0.98, _explain(score)
    assert score.descriptions >= 0.98, _explain(score)


def test_every_shape_fixture_is_seen_by_the_oracle() -> None:
    """A fixture the oracle sees no entry in would pass without testing anything."""
    for path in SHAPES:
        assert oracle.entries(path.read_text(encoding="utf-8")), path.name


def test_the_oracle_reads_the_shapes_it_claims() -> None:
    seen = oracle.entries(
        "- [A](https://a.example) - Text one.\n"
        "- B https://b.example\n"
        "- [ShARe](https://s.example) / [CLEF](https://c.example)\n"
        "  <p>Shared tasks.</p>\n\n"
        "| Name | Link | Description |\n|---|---|---|\n| Cee | [Download](https://c2.example) | Row text |\n\n"
        "### [Dee](https://d.example)\n\nUnder the heading.\n\n"
        "__Eff__\nPaper: https://e.example\n\n"
        "- [Top](#top)\n"
    )
    got = [(s.name, s.url, s.description) for s in seen]
    assert got == [
        ("A", "https://a.example", "Text one."),
        ("B", "https://b.example", ""),
        ("ShARe / CLEF", "https://s.example", "Shared tasks."),
        ("Cee", "https://c2.example", "Row text"),
        ("Dee", "https://d.example", "Under the heading."),
        ("Eff", "https://e.example", None),
    ]
