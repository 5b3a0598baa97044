"""The AL605 fix: each list's entries in alphabetical order, proved to be the same records.

An entry moves with everything written under it (description lines, notes, children, comments
up to the next entry). The key is the name as a reader sees it, case- and accent-insensitive.
An ordered list keeps its numbers in place (1., 2., 3.); one whose numbers differ in width,
and lists whose entries are spaced unevenly, are left as they are. The result is parsed again: every list must hold the same
records, in any order, and everything that is not an entry must be unchanged, or nothing is
written (`UnsafeFormatError`).
"""

from __future__ import annotations

import json
import re
import unicodedata

from awesomelint.anchors import plain_text
from awesomelint.errors import UnsafeFormatError
from awesomelint.model import Document, EntryList, Prose, Table
from awesomelint.source import SourceText


def sort_key(name: str | None) -> str:
    """`Émile` sorts with `emile`, `**MIMIC**` with `mimic`."""
    text = unicodedata.normalize("NFKD", plain_text(name or ""))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


def out_of_order(block: EntryList) -> bool:
    keys = [sort_key(e.name) for e in block.entries]
    return keys != sorted(keys)


def sorted_source(src: SourceText, doc: Document, lines_said: set[int] | None = None) -> SourceText | None:
    """The source with every out-of-order list sorted (only those where AL605 was said, when
    `lines_said` is given: a suppressed finding is not fixed), or None when nothing moves."""
    lines = src.text.split("\n")
    edits: list[tuple[int, int, list[str]]] = []
    for _, block in doc.iter_blocks():
        if not isinstance(block, EntryList) or len(block.entries) < 2 or not out_of_order(block):
            continue
        ordered = any(e.marker[-1:] in ".)" for e in block.entries)
        if ordered and len({len(e.marker) for e in block.entries}) > 1:
            continue  # numbers of different widths (9., 10.): the entries' indentation would change
        if lines_said is not None and not any(block.entries[0].line <= n <= block.end_line for n in lines_said):
            continue
        new = _sorted_lines(lines, block)
        if new is not None:
            edits.append((block.entries[0].line - 1, block.end_line, new))
    if not edits:
        return None
    for start, end, new in sorted(edits, reverse=True):
        lines[start:end] = new
    out = SourceText(src.path, "\n".join(lines), src.bom, src.newline, src.final_newline, src.stamp)
    _prove_same_records(src, doc, out)
    return out


def _sorted_lines(lines: list[str], block: EntryList) -> list[str] | None:
    starts = [e.line for e in block.entries]
    spans: list[tuple[list[str], list[str]]] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else block.end_line
        chunk = lines[start - 1 : end]
        cut = len(chunk)
        while cut > 0 and not chunk[cut - 1].strip():
            cut -= 1
        spans.append((chunk[:cut], chunk[cut:]))
    gaps = {len(gap) for _, gap in spans[:-1]}
    if len(gaps) > 1:
        return None  # some entries apart, some not: the spacing says something; leave it
    gap = gaps.pop() if gaps else 0
    keys = [sort_key(e.name) for e in block.entries]
    order = sorted(range(len(spans)), key=lambda i: (keys[i], i))
    markers = [_marker(spans[i][0][0]) for i in range(len(spans))]
    out: list[str] = []
    for k, i in enumerate(order):
        moved = list(spans[i][0])
        if markers[i] != markers[k]:  # an ordered list keeps its numbers where they were: 1., 2., 3.
            moved[0] = moved[0].replace(markers[i], markers[k], 1)
        out.extend(moved)
        if k < len(order) - 1:
            out.extend([""] * gap)
    out.extend(spans[-1][1])
    return out


def _marker(line: str) -> str:
    """The list marker that starts an item's first line, with the blanks before it (`  3.`)."""
    m = re.match(r"[ \t]*(?:[-*+]|\d{1,9}[.)])", line)
    return m.group(0) if m else ""


def _prove_same_records(src: SourceText, doc: Document, out: SourceText) -> None:
    from awesomelint.parse import parse_source

    if document_shape(doc) != document_shape(parse_source(out)):
        raise UnsafeFormatError(src.path, "sorting the entries would change the records, nothing written")


def document_shape(d: Document, skip_kind: str | None = None) -> list[object]:
    """A document as records that ignore order within a list: each list's entries as a sorted
    multiset of their contents, every other block as it is written (`skip_kind` prose aside)."""
    from awesomelint.verify import entry_content

    blocks: list[object] = []
    for path, block in d.iter_blocks():
        if isinstance(block, (EntryList, Table)):
            contents = sorted(json.dumps(entry_content(e), sort_keys=True, ensure_ascii=False) for e in block.entries)
            blocks.append((path, type(block).__name__, contents))
        elif isinstance(block, Prose) and block.kind != skip_kind:
            blocks.append((path, block.kind, block.markdown))
    return blocks
