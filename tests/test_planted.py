"""Recall on real lists: 22 kinds of defect planted into three lists of the corpus, each must be
reported, with the default rules, at the line it was planted on.

Each kind is a small change to one real entry (or heading, or table-of-contents line) that breaks
what a reader sees on GitHub. Lines that already have a finding are not used, every kind goes
on its own line, and one lint run per list checks them all. A kind that does not apply to a
list's shape (a bullet defect in a list of tables) is not planted there.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from awesomelint.lint.run import ConfigCache, lint_sources
from awesomelint.source import decode
from conftest import SHARED

LISTS = ["vinta__awesome-python.md", "awesome-selfhosted__awesome-selfhosted.md", "public-apis__public-apis.md"]

BULLET = re.compile(r"^(?P<marker>[-*] )\[(?P<name>[^\]\[]+)\]\((?P<url>https://[^)\s]+)\)(?P<sep> - )(?P<desc>[^\[]+)$")
ROW = re.compile(r"^\| \[(?P<name>[^\]\[|]+)\]\((?P<url>https://[^)\s|]+)\) \|(?P<rest>.*\|)\s*$")
TOC = re.compile(r"^(?P<lead>\s*[-*] \[[^\]]+\]\(#)(?P<anchor>[^)\s]+)\)\s*$")
HEADING = re.compile(r"^## (?P<title>[^#\n]+)$")

Mutation = Callable[[re.Match[str]], str]


def _bullet(make: Callable[[str, str, str, str], str]) -> Mutation:
    return lambda m: make(m["marker"], m["name"], m["url"], m["desc"])


def _cell(make: Callable[[str, str], str]) -> Mutation:
    """A change to the link of a table row's first cell."""
    return lambda m: f"| {make(m['name'], m['url'])} |{m['rest']}"


def _both(make: Callable[[str, str], str]) -> dict[str, Mutation]:
    return {"bullet": _bullet(lambda mk, n, u, d: f"{mk}{make(n, u)} - {d}"), "table": _cell(make)}


# kind: (codes that say it, {shape: mutation})
KINDS: dict[str, tuple[set[str], dict[str, Mutation]]] = {
    "scheme without colon (https//x)": ({"AL106"}, _both(lambda n, u: f"[{n}]({u.replace('https://', 'https//', 1)})")),
    "misspelt scheme (htps://x)": ({"AL106"}, _both(lambda n, u: f"[{n}]({u.replace('https://', 'htps://', 1)})")),
    "one slash (https:/x)": ({"AL106"}, _both(lambda n, u: f"[{n}]({u.replace('https://', 'https:/', 1)})")),
    "space in the destination": ({"AL104"}, _both(lambda n, u: f"[{n}]({u.rstrip('/')}/a b)")),
    "unbalanced ( in the url": ({"AL104"}, _both(lambda n, u: f"[{n}]({u.rstrip('/')}/(x)")),
    "missing [": ({"AL104"}, _both(lambda n, u: f"{n}]({u})")),
    "no space after '-'": ({"AL104"}, {"bullet": _bullet(lambda mk, n, u, d: f"-[{n}]({u}) - {d}")}),
    "no space after '*'": ({"AL104"}, {"bullet": _bullet(lambda mk, n, u, d: f"*[{n}]({u}) - {d}")}),
    "[x](u)- text": ({"AL107"}, {"bullet": _bullet(lambda mk, n, u, d: f"{mk}[{n}]({u})- {d}")}),
    "[x](u) text": ({"AL107"}, {"bullet": _bullet(lambda mk, n, u, d: f"{mk}[{n}]({u}) {d}")}),
    "relative path": ({"AL108"}, _both(lambda n, u: f"[{n}](docs/{re.sub(r'[^a-z]', '', n.lower()) or 'x'}.md)")),
    "[x] (url)": ({"AL104"}, _both(lambda n, u: f"[{n}] ({u})")),
    "empty link text": ({"AL102"}, _both(lambda n, u: f"[]({u})")),
    "bare url": ({"AL105"}, {"bullet": _bullet(lambda mk, n, u, d: f"{mk}{n} {u} - {d}"), "table": _cell(lambda n, u: f"{n} {u}")}),
    "no link at all": ({"AL101"}, {"bullet": _bullet(lambda mk, n, u, d: f"{mk}{n} - {d}")}),
    "undefined reference": ({"AL104"}, _both(lambda n, u: f"[{n}][no-such-reference]")),
    "[x]url (no parentheses)": ({"AL104"}, _both(lambda n, u: f"[{n}]{u}")),
    "(url)[x] (reversed)": ({"AL104"}, _both(lambda n, u: f"({u})[{n}]")),
    "table row missing a cell": ({"AL301"}, {"table": lambda m: "| " + f"[{m['name']}]({m['url']}) |" + m["rest"].rsplit("|", 2)[0] + "|"}),
    "duplicate url": ({"AL201"}, {}),  # planted below: an earlier entry's url
    "broken table-of-contents anchor": ({"AL403"}, {}),  # planted below: a ToC line
    "heading two levels deeper": ({"AL402"}, {}),  # planted below: a `##` heading
}


def _plant(lines: list[str], spare: set[int]) -> dict[int, tuple[str, set[str]]]:
    """Plant every kind that fits on its own line; {line number: (kind, codes that say it)}."""
    shape_of = {"bullet": BULLET, "table": ROW}
    candidates = {shape: [i for i, ln in enumerate(lines) if i + 1 not in spare and rx.match(ln)] for shape, rx in shape_of.items()}
    shape = max(candidates, key=lambda s: len(candidates[s]))
    pool = candidates[shape]
    planted: dict[int, tuple[str, set[str]]] = {}
    step = max(1, len(pool) // (len(KINDS) + 2))
    slots = iter(pool[step::step])
    for kind, (codes, mutations) in KINDS.items():
        if kind == "duplicate url":  # the url of an entry above it in its section, pasted again
            i, above = next(slots), None
            while above is None:
                j = i - 1
                while j > 0 and not lines[j].startswith("#") and not shape_of[shape].match(lines[j]):
                    j -= 1
                above = j if j > 0 and shape_of[shape].match(lines[j]) else None
                i = i if above is not None else next(slots)
            lines[i] = lines[i].replace(shape_of[shape].match(lines[i])["url"], shape_of[shape].match(lines[above])["url"], 1)  # type: ignore[index]
        elif kind == "broken table-of-contents anchor":
            toc = [i for i, ln in enumerate(lines) if TOC.match(ln) and i + 1 not in spare]
            if not toc:
                continue
            i = toc[len(toc) // 2]
            lines[i] = TOC.sub(lambda m: f"{m['lead']}{m['anchor']}-gone)", lines[i])
        elif kind == "heading two levels deeper":
            heads = [i for i, ln in enumerate(lines) if HEADING.match(ln) and i + 1 not in spare]
            if not heads:
                continue
            i = heads[len(heads) // 2]
            lines[i] = "####" + lines[i][2:]
        elif shape in mutations:
            i = next(slots)
            lines[i] = mutations[shape](shape_of[shape].match(lines[i]))  # type: ignore[arg-type]
        else:
            continue
        planted[i + 1] = (kind, codes)
    return planted


def _lint(name: str, text: str) -> dict[int, set[str]]:
    diags, _ = lint_sources([decode(text.encode("utf-8"), name)], ConfigCache())
    found: dict[int, set[str]] = {}
    for d in diags:
        found.setdefault(d.line, set()).add(d.code)
    return found


def test_planted_defects_in_three_real_lists_are_reported_where_they_are() -> None:
    paths = [SHARED / "corpus" / n for n in LISTS]
    if not all(p.exists() for p in paths):
        pytest.skip("../shared/corpus is not present on this machine (the real lists defects are planted in)")
    caught: dict[str, list[bool]] = {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        baseline = _lint(path.name, text)
        lines = text.split("\n")
        spare = set(baseline) | {n + d for n in baseline for d in (-1, 1)}
        planted = _plant(lines, spare)
        found = _lint(path.name, "\n".join(lines))
        for line, (kind, codes) in planted.items():
            caught.setdefault(kind, []).append(bool(found.get(line, set()) & codes))
    missed = sorted(kind for kind, results in caught.items() if not all(results))
    print(f"\nplanted kinds: {len(caught)}; caught on every list they fit: {len(caught) - len(missed)}; missed: {missed}")
    assert len(caught) == len(KINDS)
    assert len(caught) - len(missed) >= 20, missed
