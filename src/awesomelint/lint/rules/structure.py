"""Structure rules (AL4xx): sections, heading levels, and the table of contents."""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.anchors import SlugCounter
from awesomelint.lint.engine import Diagnostic, FileContext, rule
from awesomelint.model import Document, Prose
from awesomelint.record import Record

_TOC_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(#([^()\s]*)\)")


class Heading(Record):
    __slots__ = _fields = ("title", "level", "line", "anchor")

    def __init__(self, title: str, level: int, line: int, anchor: str) -> None:
        self.title = title
        self.level = level
        self.line = line
        self.anchor = anchor


def headings(ctx: FileContext) -> list[Heading]:
    """`doc_headings` of the file, worked out once for all the rules that read them."""
    return list(ctx.once("_headings", lambda: doc_headings(ctx.doc)))


def doc_headings(doc: Document) -> list[Heading]:
    """Every heading with its level, line and GitHub anchor, in document order."""
    slugs = SlugCounter()
    out = []
    if doc.title is not None:
        out.append(Heading(doc.title, 1, doc.title_line, slugs.add(doc.title)))
    for _, sec in doc.iter_sections():
        out.append(Heading(sec.title, sec.level, sec.line, slugs.add(sec.title)))
    return out


@rule("AL401", "empty-section")
def empty_section(ctx: FileContext) -> Iterator[Diagnostic]:
    """A section has a heading and nothing under it.

    Why: an empty category promises readers something the list does not have; it is usually
    left over after its entries moved or were removed.

    Example:
        ## Imaging
        ## Genomics          # bad: "Imaging" is empty
    """
    for _, sec in ctx.doc.iter_sections():
        if not sec.content and not sec.sections:
            yield ctx.diag(sec.line, 1, "AL401", f"section '{sec.title}' is empty")


@rule("AL402", "heading-increment")
def heading_increment(ctx: FileContext) -> Iterator[Diagnostic]:
    """A heading is more than one level deeper than the one before it (## then ####).

    Why: skipped levels break the document outline, screen-reader navigation and generated
    tables of contents.

    Example:
        ## Imaging
        #### MRI        # bad
        ### MRI         # good
    """
    prev = None
    for h in headings(ctx):
        if prev is not None and h.level > prev + 1:
            yield ctx.diag(h.line, 1, "AL402", f"heading level {h.level} follows level {prev}; expected at most {prev + 1}")
        prev = h.level


class TocLink(Record):
    __slots__ = _fields = ("text", "anchor", "line", "column")

    def __init__(self, text: str, anchor: str, line: int, column: int) -> None:
        self.text = text
        self.anchor = anchor
        self.line = line
        self.column = column


def toc_links(ctx: FileContext) -> list[TocLink]:
    """`doc_toc_links` of the file, worked out once for all the rules that read them."""
    return list(ctx.once("_toc_links", lambda: doc_toc_links(ctx.doc)))


def doc_toc_links(doc: Document) -> list[TocLink]:
    """The links of the table of contents (all navigation lists, in order; a ToC may be split)."""
    out = []
    for _, block in doc.iter_blocks():
        if isinstance(block, Prose) and block.kind == "toc":
            for offset, text in enumerate(block.markdown.split("\n")):
                for m in _TOC_LINK.finditer(text):
                    out.append(TocLink(m.group(1), m.group(2), block.line + offset, m.start() + 1))
    return out


def toc_scope(doc: Document, links: list[TocLink]) -> list[Heading]:
    return _scope(doc_headings(doc), links)[0]


def _toc_scope(ctx: FileContext, links: list[TocLink]) -> tuple[list[Heading], dict[str, Heading]]:
    return _scope(headings(ctx), links)


def _scope(hs: list[Heading], links: list[TocLink]) -> tuple[list[Heading], dict[str, Heading]]:
    by_anchor = {h.anchor: h for h in hs}
    linked_levels = [by_anchor[lk.anchor].level for lk in links if lk.anchor in by_anchor]
    if not linked_levels:
        return [], by_anchor
    lo, hi = min(linked_levels), max(linked_levels)
    toc_line = links[0].line
    toc_heading = max((h for h in hs if h.line < toc_line), key=lambda h: h.line, default=None)
    scope = [h for h in hs if lo <= h.level <= hi and h is not toc_heading and h.line > toc_line]
    return scope, by_anchor


@rule("AL403", "toc-broken-anchor", fixable=True)
def toc_broken_anchor(ctx: FileContext) -> Iterator[Diagnostic]:
    """A table-of-contents link points at an anchor that no heading has.

    Why: the link does nothing when clicked. Anchors are computed the way GitHub computes them
    (lower case, punctuation dropped, spaces to hyphens, `-1`, `-2` for repeats).

    Example:
        - [Data Sets](#datasets)     # bad: the heading "Data Sets" has the anchor #data-sets
        - [Data Sets](#data-sets)    # good
    """
    links = toc_links(ctx)
    if not links:
        return
    anchors = {h.anchor for h in headings(ctx)}
    for lk in links:
        if lk.anchor not in anchors and lk.anchor.lower() not in anchors:
            import difflib  # (only a broken anchor needs it)

            near = difflib.get_close_matches(lk.anchor.lower(), sorted(anchors), n=1, cutoff=0.6)
            hint = f"; did you mean #{near[0]}?" if near else ""
            yield ctx.diag(lk.line, lk.column, "AL403", f"table of contents links to #{lk.anchor}, which no heading has{hint}")


@rule("AL404", "toc-missing-heading", fixable=True)
def toc_missing_heading(ctx: FileContext) -> Iterator[Diagnostic]:
    """A heading at a level the table of contents lists is missing from it.

    Why: readers use the table of contents to find sections; a section added without updating
    it is hard to find. Only parts of the page the table of contents covers are checked (where it
    lists the heading's parent or one of its siblings): a contents list of the projects says
    nothing of a "Resources" part it leaves out on purpose.

    Example:
        - [Imaging](#imaging)
        ## Imaging
        ## Genomics        # bad: not in the table of contents
    """
    links = toc_links(ctx)
    if not links:
        return
    for h in missing_from_toc(ctx.doc, links, headings(ctx)):
        yield ctx.diag(h.line, 1, "AL404", f"heading '{h.title}' is not in the table of contents")


def missing_from_toc(doc: Document, links: list[TocLink], hs: list[Heading] | None = None) -> list[Heading]:
    """Headings the table of contents should list and does not: in its levels, after it, in a
    part of the page it covers (it lists the heading's parent or one of its siblings). `hs`:
    the document's headings, when known already."""
    hs = doc_headings(doc) if hs is None else hs
    scope = _scope(hs, links)[0]
    linked = {lk.anchor for lk in links}
    parent: dict[int, Heading | None] = {}
    stack: list[Heading] = []
    for h in hs:
        while stack and stack[-1].level >= h.level:
            stack.pop()
        parent[h.line] = stack[-1] if stack else None
        stack.append(h)
    covered = {id(parent[h.line]) for h in scope if h.anchor in linked}
    out = []
    for h in scope:
        up = parent[h.line]
        if h.anchor not in linked and (id(up) in covered or (up is not None and up.anchor in linked)):
            out.append(h)
    return out


@rule("AL405", "toc-order", fixable=True)
def toc_order(ctx: FileContext) -> Iterator[Diagnostic]:
    """The table of contents lists sections in another order than the document has them.

    Why: a table of contents out of order is a sign it has drifted from the document.

    Example:
        - [Imaging](#imaging)
        - [Genomics](#genomics)
        ## Genomics
        ## Imaging          # bad: the order differs
    """
    links = toc_links(ctx)
    if not links:
        return
    _, by_anchor = _toc_scope(ctx, links)
    last = 0
    for lk in links:
        h = by_anchor.get(lk.anchor)
        if h is None:
            continue
        if h.line < last:
            yield ctx.diag(lk.line, lk.column, "AL405", f"table of contents lists '{lk.text}' after a section that comes later in the document")
            return
        last = h.line
