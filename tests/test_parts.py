"""Linting by parts (the edit loop, `lint/parts.py`) gives what linting the whole file gives.

The oracle is `lint_file` on the whole text: the same diagnostics in the same order, the same url
index (AL201) and the same suppressions, with every rule on but the style family (which formats
the whole file, so it turns parts off). Parts are made small here (`MIN_LINES` = 3) so that every
kind of boundary is crossed. Each file is linted by parts from an empty cache, then again after
random edits with the cache of the version before, as an editor's save loop does; then the cached
parts must be reused. The record codec is checked on its own: every field comes back.
"""

from __future__ import annotations

import inspect
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesomelint.lint import parts
from awesomelint.lint.engine import all_rules
from awesomelint.lint.run import FileResult, lint_file
from awesomelint.model import Column, Document, Entry, EntryList, Link, Prose, Section, Table
from awesomelint.parse import codec, parse_source
from awesomelint.source import decode
from conftest import CORPUS, FIXTURES, ids

LINT_INPUTS = sorted((Path(__file__).parent / "lint_inputs").glob("*.md"))
FILES = FIXTURES + LINT_INPUTS + CORPUS
SCHEMA = {"required-links": ["Data"], "required-attributes": ["data_types"], "allowed-values": {"data_types": ["P", "L"]}}


class MemoryStore:
    """The part cache in memory, through JSON as on disk; counts what it was asked: parts found
    and not found, and reads of the records kept apart from a part's outline."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}
        self.slots: dict[str, list[str]] = {}
        self.hits = self.misses = self.records_read = 0

    def get(self, key: str) -> Any:
        if key.startswith("r"):
            self.records_read += 1
        elif key in self.data:
            self.hits += 1
        else:
            self.misses += 1
        return json.loads(self.data[key]) if key in self.data else None

    def put(self, key: str, value: Any) -> None:
        self.data[key] = json.dumps(value)

    def supersede(self, slot: str, names: list[str]) -> None:
        old = self.slots.get(slot, [])
        self.slots[slot] = names
        for name in set(old) - set(names):
            self.data.pop(name, None)


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts, "MIN_LINES", 3)


def enabled() -> set[str]:
    return {c for c, r in all_rules().items() if r.family != "style"}


def _plain(fr: FileResult) -> tuple[Any, ...]:
    return (
        [(d.line, d.column, d.code, d.message) for d in fr.diags],
        fr.urls,
        [(s.kind, s.codes, s.line, s.start, s.end) for s in fr.suppressions],
        fr.enabled,
    )


def defaults() -> set[str]:
    return {c for c, r in all_rules().items() if r.default}


def check(text: str, store: MemoryStore, path: str = "list.md") -> bool:
    """Parts and whole file agree on `text`, with every rule on but the style family and with
    the default rules (whose file-wide rules mostly read only the outline); True when the file
    was read by parts."""
    src = decode(text.encode("utf-8"), path)
    by_parts = parts.lint_by_parts(src, enabled(), SCHEMA, store, "config")
    counts = store.hits, store.misses
    assembled = parts.assemble(src, enabled(), SCHEMA, store, "config")
    store.hits, store.misses = counts
    assert (assembled is None) == (by_parts is None)
    if by_parts is None or assembled is None:
        return False
    assert parts.records(src, assembled, store) == parse_source(src)  # the same records, lines included
    assert _plain(by_parts) == _plain(lint_file(src, enabled(), SCHEMA))
    default = parts.lint_by_parts(src, defaults(), SCHEMA, store, "config")
    assert default is not None
    assert _plain(default) == _plain(lint_file(src, defaults(), SCHEMA))
    store.hits, store.misses = counts
    return True


def _edit(lines: list[str], rng: random.Random) -> list[str]:
    """One edit of the kind a maintainer makes: a line changed, added, removed or moved, a
    heading added or removed, a fence opened."""
    out = list(lines)
    at = rng.randrange(len(out))
    kind = rng.choice(["change", "insert", "delete", "heading", "fence", "duplicate", "move"])
    if kind == "change":
        out[at] = out[at] + rng.choice([" more", "]", "(", " https://example.org/x", ""])
    elif kind == "insert":
        out.insert(at, rng.choice(["- [New](https://example.org/new) - Added.", "", "Some text.", "  - [Sub](https://example.org/s)"]))
    elif kind == "delete" and len(out) > 1:
        del out[at]
    elif kind == "heading":
        out.insert(at, rng.choice(["## Added", "### Deeper", "# Top", "#### Four"]))
    elif kind == "fence":
        out.insert(at, "```")
    elif kind == "duplicate":
        out.insert(at, out[rng.randrange(len(out))])
    else:
        out.insert(rng.randrange(len(out)), out.pop(at))
    return out


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_parts_give_the_whole_files_answer(path: Path, small_parts: None) -> None:
    text = decode(path.read_bytes(), path.name).text
    store = MemoryStore()
    if not check(text, store):
        assert "]:" in text or text.count("\n#") < 3, "a file with headings and no reference definitions is read by parts"
        return
    assert store.misses >= 2
    store.hits = store.misses = 0
    assert check(text, store)  # again: every part from the cache
    assert store.misses == 0 and store.hits >= 2
    rng = random.Random(path.name)
    lines = text.split("\n")
    for _ in range(4):
        lines = _edit(lines, rng)
        check("\n".join(lines), store)


def test_most_files_are_read_by_parts(small_parts: None) -> None:
    taken = [p.name for p in FILES if check(decode(p.read_bytes(), p.name).text, MemoryStore())]
    assert len(taken) * 2 >= len(FILES), taken


def test_an_edit_reads_only_its_part(small_parts: None) -> None:
    sections = [f"## Section {i}\n\n" + "\n".join(f"- [E{i}-{j}](https://example.org/{i}/{j}) - Entry." for j in range(3)) for i in range(20)]
    text = "# Awesome Test\n\n" + "\n\n".join(sections) + "\n"
    store = MemoryStore()
    assert check(text, store)
    first = store.misses
    store.hits = store.misses = 0
    assert check(text.replace("(https://example.org/7/1)", "(https://example.org/3/1)"), store)  # AL201 across parts
    assert store.misses == 1 and store.hits == first - 1


def test_the_default_rules_read_only_the_outline_unless_a_rule_needs_the_entries(small_parts: None) -> None:
    """AL108 (relative urls) is the one default file-wide rule that reads entries; it is relevant
    only to a part with a relative url. The other rules' answers come from the outline."""
    sections = [f"## Section {i}\n\n" + "\n".join(f"- [E{i}-{j}](https://example.org/{i}/{j}) - Entry." for j in range(3)) for i in range(20)]
    absolute = "# Awesome Test\n\n- [Section 0](#section-0)\n\n" + "\n\n".join(sections) + "\n"
    store = MemoryStore()
    assert check(absolute, store)
    src = decode(absolute.encode("utf-8"), "list.md")
    store.records_read = 0
    assert parts.lint_by_parts(src, defaults(), SCHEMA, store, "config") is not None
    assert store.records_read == 0
    relative = absolute.replace("(https://example.org/12/1)", "(docs/12/1)")
    assert check(relative, store)
    src = decode(relative.encode("utf-8"), "list.md")
    store.records_read = 0
    found = parts.lint_by_parts(src, defaults(), SCHEMA, store, "config")
    assert found is not None and "AL108" in {d.code for d in found.diags}
    assert store.records_read > 0


@pytest.mark.parametrize(
    "text",
    [
        # a heading inside a fenced code block, an HTML block and an HTML comment: never a part's start
        "# T\n\n## A\n\n- [a](https://a.org) - A.\n\n```\n# not a heading\n## nor this\n```\n\n## B\n\n- [b](https://b.org) - B.\n",
        "# T\n\n## A\n\n<div>\n# raw\n</div>\n\n## B\n\n- [b](https://b.org) - B.\n\n## C\n\n- [c](https://c.org) - C.\n",
        "# T\n\n## A\n\n<!--\n# hidden\n## hidden\n-->\n\n## B\n\n- [b](https://b.org) - B.\n\n## C\n\n- [c](https://c.org) - C.\n",
        # a fence opened in a list item and closed by the heading
        "# T\n\n## A\n\n- item\n  ```\n## B\n\n- [b](https://b.org) - B.\n\n## C\n\ntext\n",
        # a heading entry whose section has children in the next part, and one whose has not
        "# T\n\n## [A](https://a.org)\n\nAbout A.\n\n### A1\n\n- [x](https://x.org) - X.\n\n## [B](https://b.org)\n\nAbout B.\n\n## C\n\n[Link to C](https://c.org)\n\n### C1\n\ntext\n",
        # suppressions that span parts
        "# T\n\n<!-- awesomelint-disable AL105 -->\n\n## A\n\n- A https://a.org - bare.\n\n## B\n\n- B https://b.org - bare.\n\n<!-- awesomelint-enable AL105 -->\n\n## C\n\n- C https://c.org - bare.\n",
        # a level-1 heading after the title, setext and HTML headings, front matter with a comment
        "---\n# yaml comment\ntitle: x\n---\n# T\n\n## A\n\ntext\n\n# Second\n\nB\n---\n\n- [b](https://b.org) - B.\n\n<h2>C</h2>\n\n## D\n\n- [d](d.md) - D.\n",
    ],
    ids=["fence", "html-block", "comment", "fence-in-item", "heading-entries", "suppressions", "titles"],
)
def test_boundaries(text: str, small_parts: None) -> None:
    store = MemoryStore()
    check(text, store)
    check(text, store)


def test_files_parts_cannot_cover(small_parts: None) -> None:
    store = MemoryStore()
    refs = "# T\n\n## A\n\n- [a][x] - A.\n\n## B\n\n- [b](https://b.org) - B.\n\n## C\n\n[x]: https://a.org\n"
    assert not check(refs, store)  # a reference definition reaches across parts
    no_title = "Intro text.\n\n## A\n\n- [a](https://a.org) - A.\n\n# Title later\n\n## B\n\ntext\n\n## C\n\ntext\n"
    check(no_title, store)  # either read whole, or by parts that agree


def test_a_part_that_does_not_prove_itself_is_joined_to_the_next(monkeypatch: pytest.MonkeyPatch, small_parts: None) -> None:
    """The quick scan is only a guess: each part's parse must show the next part's heading as a
    heading; where it does not, the two parts are read as one."""
    text = "# T\n\n## A\n\n````\ntext\n```\n# inside the fence\n\n## also inside\n````\n\n## B\n\ntext\n\n## C\n\nmore\n"
    lines = text.split("\n")
    starts = [0, lines.index("# inside the fence"), lines.index("## also inside"), lines.index("## B"), lines.index("## C")]
    monkeypatch.setattr(parts, "part_starts", lambda text, skip=0: list(starts))
    store = MemoryStore()
    assert parts.lint_by_parts(decode(text.encode("utf-8"), "list.md"), enabled(), SCHEMA, store, "config") is not None
    assert sum(1 for v in store.data.values() if '"merge": true' in v) == 2  # both false starts were refused
    assert sum(1 for v in store.data.values() if '"ok": true' in v) == 3  # T to the fence's end, then B, then C
    assert check(text, store)  # and again from the cache


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "## H2",
                "### H3",
                "# H1",
                "#",
                "- [a](https://a.org) - A.",
                "- [a](https://a.org/) - again.",
                "  - [n](https://n.org) - nested.",
                "* b https://b.org",
                "1. [c](c.md)",
                "> quote",
                "```",
                "~~~",
                "<div>",
                "</div>",
                "<br >",
                "<span>",
                "<!-- awesomelint-disable-next-line -->",
                "<!--",
                "-->",
                "| a | b |",
                "| --- | --- |",
                "| [x](https://x.org) | y |",
                "text",
                "===",
                "---",
                "    # indented",
                "",
                "",
            ]
        ),
        min_size=1,
        max_size=40,
    )
)
def test_parts_agree_on_any_mix(lines: list[str]) -> None:
    old = parts.MIN_LINES
    parts.MIN_LINES = 1
    try:
        store = MemoryStore()
        check("\n".join(lines), store)
        check("\n".join(lines + ["## Tail", "- [t](https://t.org) - T."]), store)
    finally:
        parts.MIN_LINES = old


# -- the record codec ------------------------------------------------------------------------------
def _everything() -> Document:
    """A document with every field of every record set to something other than its default."""
    link = Link("Data", "https://d.org", "D", 4, True, "：")
    child = Entry("c", "https://c.org", "C.", [link], {"k": "v"}, [], 5, 5)
    entry = Entry(
        "n",
        "https://n.org",
        "N.",
        [link],
        {"tags": ["a", "b"], "_labelled": True},
        [child],
        4,
        6,
        " — ",
        "t",
        ": ",
        True,
        ["note"],
        "*",
        "bold",
        "html",
        1,
        True,
        [{"file": "a.md", "line": 3}],
    )
    column = Column("data_types", "Data Types", "left", "url", True)
    blocks: list[Any] = [
        Prose("text", "toc", 2, 3),
        EntryList("labelled", [entry], 4, 6, "raw", True, [column]),
        Table([column], [entry], 7, 9, "| raw |"),
    ]
    section = Section("S", 2, 10, 20, list(blocks), [Section("Sub", 3, 12, 13)], "<h2>S</h2>", entry)
    return Document("p.md", "Title", 1, "fm: 1", list(blocks), [section], "bullet")


def test_codec_keeps_every_field() -> None:
    doc = _everything()
    again = codec.decode(json.loads(json.dumps(codec.encode(doc))), "p.md")
    assert again == doc
    for cls, obj in ((Entry, doc.intro[1].entries[0]), (Link, doc.intro[1].entries[0].links[0]), (Section, doc.sections[0])):
        for name, param in inspect.signature(cls).parameters.items():
            if param.default is inspect.Parameter.empty:
                continue
            value = getattr(obj, name)
            # every field holds something other than its default (a container: something in it)
            assert (bool(value) if isinstance(value, (list, dict)) else value != param.default) or name in ("markdown", "entry"), (cls.__name__, name)


def test_codec_moves_lines() -> None:
    doc = _everything()
    moved = codec.decode(json.loads(json.dumps(codec.encode(doc))), "p.md", shift=100)
    assert moved.title_line == 101 and moved.sections[0].line == 110 and moved.intro[1].entries[0].links[0].line == 104
    assert moved.intro[1].entries[0].children[0].end_line == 105


def test_codec_refuses_what_json_changes() -> None:
    doc = _everything()
    doc.intro[1].entries[0].attributes["t"] = ("a", "b")
    with pytest.raises(ValueError):
        codec.encode(doc)


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_codec_round_trips_real_lists(path: Path) -> None:
    doc = parse_source(decode(path.read_bytes(), path.name))
    assert codec.decode(json.loads(json.dumps(codec.encode(doc))), doc.path) == doc
