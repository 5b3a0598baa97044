"""HTML descriptions: `<p>` blocks under a linked name; the first, and those after the sub-list.

- [SemEval](https://semeval.github.io/)
    <p>Clinical tracks of a yearly evaluation series.</p>
    - [Task 14 of 2015](https://alt.qcri.org/semeval2015/task14/)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from awesomelint.model import Entry

if TYPE_CHECKING:
    from awesomelint.parse.records import RecordBuilder


_HTML_P = re.compile(r"^\s*<p>(.*)</p>\s*$", re.S)


def html_paragraph(raw: str) -> str | None:
    """The text of a one-paragraph `<p>…</p>` block (not empty, no nested `<p>`, no blank line)."""
    m = _HTML_P.match(raw)
    if m is None or not m.group(1).strip() or "<p" in m.group(1) or "\n\n" in m.group(1):
        return None
    return m.group(1)


def take(b: RecordBuilder, entry: Entry, raw: str, line: int, after: list[tuple[str, str, int]]) -> bool:
    """Read a block of an item as its description if it is one: the first `<p>` of all, or a `<p>`
    right after the sub-list (held in `after` until the item ends: only the last blocks count)."""
    paragraph = html_paragraph(raw)
    if paragraph is None:
        return False
    if not entry.description and not entry.notes and not entry.children:
        entry.description = paragraph
        entry.description_format = "html"
        entry.links.extend(b.inline_only(paragraph, line))
        return True
    if entry.children and entry.description_format == "html" and len(entry.notes) == entry.leading_notes:
        after.append((paragraph, raw, line))
        return True
    return False


def as_notes(b: RecordBuilder, entry: Entry, after: list[tuple[str, str, int]]) -> None:
    """Something else follows the held paragraphs: they were notes after all."""
    for _, kept, at in after:
        entry.notes.append(kept)
        entry.links.extend(b.inline_only(kept, at))
    after.clear()


def finish(b: RecordBuilder, entry: Entry, after: list[tuple[str, str, int]]) -> None:
    """The held paragraphs ended the item: the end of its description."""
    for paragraph, _, at in after:
        entry.description += f"\n\n{paragraph}"
        entry.links.extend(b.inline_only(paragraph, at))
    after.clear()
