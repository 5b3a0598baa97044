"""The fix of the table-of-contents rules (AL403–AL405): the contents made again from the headings.

Only a table of contents written as one list of `- [Text](#anchor)` lines is rewritten; its
bullet, its indentation step, its place and the texts of the links it keeps stay as they were.
It lists, in document order, the headings it listed (a link whose anchor has gone follows the
heading of the same title, or goes), and the headings AL404 finds missing. The result is parsed
again: everything but the contents must be unchanged and every link must reach a heading, or
nothing is written (`UnsafeFormatError`).
"""

from __future__ import annotations

import itertools
import re

from awesomelint.anchors import plain_text
from awesomelint.errors import UnsafeFormatError
from awesomelint.lint.rules.structure import doc_headings, doc_toc_links, missing_from_toc, toc_scope
from awesomelint.model import Document, Prose
from awesomelint.source import SourceText

_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<bullet>[-*+])[ \t]+\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(#(?P<anchor>[^()\s]*)\)[ \t]*$")


def regenerated_toc(src: SourceText, doc: Document) -> SourceText | None:
    """The source with its table of contents made again, or None when it is not one simple list
    or nothing would change."""
    blocks = [b for _, b in doc.iter_blocks() if isinstance(b, Prose) and b.kind == "toc"]
    if len(blocks) != 1:
        return None
    block = blocks[0]
    items = [_ITEM.match(line) for line in block.markdown.split("\n")]
    if not items or any(m is None for m in items):
        return None
    links = doc_toc_links(doc)
    headings = {h.anchor: h for h in doc_headings(doc)}
    scope = toc_scope(doc, links)
    if not scope:
        return None
    by_title = {plain_text(h.title).casefold(): h for h in scope}
    texts: dict[str, str] = {}
    for m in items:
        assert m is not None
        anchor, text = m.group("anchor"), m.group("text")
        target = headings.get(anchor) or by_title.get(plain_text(text).casefold())
        if target is not None and target.anchor not in texts:
            texts[target.anchor] = text
    for h in missing_from_toc(doc, links):
        texts.setdefault(h.anchor, _link_text(h.title))
    levels = [h.level for h in scope if h.anchor in texts]
    if not levels:
        return None
    top = min(levels)
    first = items[0]
    assert first is not None
    bullet, base = first.group("bullet"), first.group("indent")
    step = _indent_step(items)
    new = [f"{base}{' ' * step * (h.level - top)}{bullet} [{texts[h.anchor]}](#{h.anchor})" for h in scope if h.anchor in texts]
    old = block.markdown.split("\n")
    if new == old:
        return None
    lines = src.text.split("\n")
    lines[block.line - 1 : block.line - 1 + len(old)] = new
    out = SourceText(src.path, "\n".join(lines), src.bom, src.newline, src.final_newline, src.stamp)
    _prove(src, doc, out)
    return out


def _indent_step(items: list[re.Match[str] | None]) -> int:
    widths = sorted({len(m.group("indent").expandtabs(4)) for m in items if m is not None})
    steps = [b - a for a, b in itertools.pairwise(widths) if b > a]
    return min(steps) if steps else 2


def _link_text(title: str) -> str:
    """A heading's title as link text: its words, with brackets escaped."""
    return plain_text(title).replace("[", "\\[").replace("]", "\\]")


def _prove(src: SourceText, doc: Document, out: SourceText) -> None:
    from awesomelint.lint.sorting import document_shape
    from awesomelint.parse import parse_source

    after = parse_source(out)
    anchors = {h.anchor for h in doc_headings(after)}
    same = document_shape(doc, skip_kind="toc") == document_shape(after, skip_kind="toc")
    if not same or any(lk.anchor not in anchors for lk in doc_toc_links(after)):
        raise UnsafeFormatError(src.path, "the table of contents could not be made again safely, nothing written")
