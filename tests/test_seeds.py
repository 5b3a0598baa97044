"""The four seed lists, entry by entry, as checked by hand against GitHub's page (issue 12).

The snapshots hold facts only — names, urls, labels, counts and years, where each entry starts —
and a digest of each description (the seeds' sentences are not ours to copy). Skipped, saying so,
when ../shared/seeds is not on this machine.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from awesomelint.model import Entry
from awesomelint.parse import parse_text
from conftest import SHARED

SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
_NO_SEEDS = pytest.param(None, marks=pytest.mark.skip(reason="../shared/seeds is not present on this machine"), id="no-seeds")


def _facts(e: Entry) -> dict[str, Any]:
    folded = " ".join(e.description.split())
    d: dict[str, Any] = {"line": e.line, "name": e.name, "url": e.url}
    if e.url_text is not None:
        d["url_text"] = e.url_text
    if folded:
        d["description"] = f"{len(folded)} chars, sha1 {hashlib.sha1(folded.encode()).hexdigest()[:10]}"
    links = [f"{lk.label or '-'}: {lk.url or '(no url yet)'}" for lk in e.links if not lk.inline]
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
