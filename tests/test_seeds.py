"""The four seed lists, entry by entry, as checked by hand against GitHub's page (issue 12).

The snapshots hold facts only — names, urls, labels, counts and years, where each entry starts —
and a digest of each description (the seeds' sentences are not ours to copy); a name or url long
enough to read as a sentence (nine words or more) is held as its first words and a digest too.
Skipped, saying so, when ../shared/seeds is not on this machine.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pytest

from awesomelint.model import Entry
from awesomelint.parse import parse_text
from conftest import SHARED

SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
_NO_SEEDS = pytest.param(None, marks=pytest.mark.skip(reason="../shared/seeds is not present on this machine"), id="no-seeds")


_WORD = re.compile(r"[^\W\d_]+")


def _digest(text: str) -> str:
    return f"{len(text)} chars, sha1 {hashlib.sha1(text.encode()).hexdigest()[:10]}"


def _fact(text: str | None) -> str | None:
    """A name or url as it is, or, when it runs to nine words, its first three and a digest."""
    if text is None or len(_WORD.findall(text)) < 9:
        return text
    return " ".join(_WORD.findall(text)[:3]) + f" … ({_digest(text)})"


def _facts(e: Entry) -> dict[str, Any]:
    folded = " ".join(e.description.split())
    d: dict[str, Any] = {"line": e.line, "name": _fact(e.name), "url": _fact(e.url)}
    if e.url_text is not None:
        d["url_text"] = _fact(e.url_text)
    if folded:
        d["description"] = _digest(folded)
    links = [_fact(f"{lk.label or '-'}: {lk.url or '(no url yet)'}") for lk in e.links if not lk.inline]
    if links:
        d["links"] = links
    attrs = {k: v for k, v in e.attributes.items() if k in ("count", "years", "tags")}
    if attrs:
        d["attributes"] = attrs
    if e.children:
        d["children"] = [_facts(c) for c in e.children]
    return d


@pytest.mark.parametrize("path", SEEDS or [_NO_SEEDS], ids=[p.stem[:3] for p in SEEDS] if SEEDS else None)
def test_seed_records(path, data_regression):  # type: ignore[no-untyped-def]
    doc = parse_text(path.read_text(encoding="utf-8"), path.name)
    entries = [{"section": " > ".join(p), **_facts(e)} for p, e in _top_level(doc)]
    data_regression.check({"entries": entries, "count": len(entries)})


def _top_level(doc):  # type: ignore[no-untyped-def]
    for path, block in doc.iter_blocks():
        for e in getattr(block, "entries", None) or []:
            yield path, e
