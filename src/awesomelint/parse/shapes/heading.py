"""Heading entries: a heading names the entry; a paragraph or quote under it describes it.

    ### [BraTS](https://www.synapse.org/brats)
    ### OASIS  +  a paragraph  +  [Link to OASIS](https://www.oasis-brains.org/)
    ### PTB-XL  +  [Download](https://physionet.org/content/ptb-xl/)  +  a paragraph

A heading with subsections stays a section only. The entry is a view of the section: its blocks
are kept as written (the link line becomes prose, so it is not an entry twice).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from awesomelint.anchors import plain_text
from awesomelint.model import STYLE_PARAGRAPH, Entry, EntryList, Link, Prose, Section
from awesomelint.parse.inline import CANONICAL_SEPARATOR, parse_head

if TYPE_CHECKING:
    from awesomelint.parse.blocks import Token
    from awesomelint.parse.records import RecordBuilder

_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\(([^()\s]+)\)")
_IMAGES_ONLY = re.compile(r"(?:!\[[^\[\]\n]*\]\([^()\s]+\)\s*)+")
# `[⬆ back to top](#top)`, `**[back to top](#readme)**`: navigation, never a description
_BACK_TO_TOP = re.compile(r"[*_]{0,3}\[[^\[\]\n]*\]\(#[^()\s]*\)[*_]{0,3}")
# the text of a link line that only points at the entry the heading names
_LINK_LINE = re.compile(r"(?i)\W*(?:link to\b.*|links?|download|downloads|here|website|homepage|home page|data ?set|data|url|source)\W*")


def section_entry(title: str, tok: Token, refs: dict[str, object]) -> Entry | None:
    """`## [Name](url) - text`: the heading is a linked entry."""
    if not title.startswith("["):
        return None
    head = parse_head(title, refs)
    if head.name_kind != "link" or not head.url:
        return None
    entry = Entry(head.name, head.url, head.description, line=tok["line"], end_line=tok["end_line"])
    entry.separator = head.separator if head.separator not in (None, CANONICAL_SEPARATOR) else None
    return entry


def describe(b: RecordBuilder, s: Section) -> None:
    """Fill in the entry a section's heading makes: its description, and its url from a link line."""
    if s.entry is None and not s.sections and s.level >= 2 and s.markdown is None:
        _entry_from_link_line(b, s)
        return
    if s.entry is not None and not s.entry.description and s.content:
        first = s.content[0]
        if isinstance(first, Prose) and first.kind == "prose":
            _describe(b, s.entry, first)


def _describe(b: RecordBuilder, entry: Entry, block: Prose) -> None:
    entry.description = _unquoted(block.markdown)
    entry.description_format = "paragraph"
    entry.end_line = max(entry.end_line, block.end_line)
    entry.links.extend(b.inline_only(block.markdown, block.line))


def _entry_from_link_line(b: RecordBuilder, s: Section) -> None:
    """`### OASIS` over one `[Link to OASIS](u)` line, at most one paragraph or quote, and any
    image lines (in any order): the images are links of the entry too."""
    lines = [i for i, blk in enumerate(s.content) if _is_link_line(blk)]
    prose = [blk for blk in s.content if isinstance(blk, Prose) and blk.kind == "prose"]
    navigation = [blk for blk in prose if _BACK_TO_TOP.fullmatch(blk.markdown.strip())]
    images = [blk for blk in prose if _IMAGES_ONLY.fullmatch(blk.markdown.strip())]
    texts = [blk for blk in prose if blk not in navigation and blk not in images]
    if len(lines) != 1 or len(texts) > 1 or len(lines) + len(prose) != len(s.content):
        return
    blk = s.content[lines[0]]
    assert isinstance(blk, EntryList)
    e = blk.entries[0]
    s.entry = Entry(s.title, e.url, line=s.line, end_line=max(x.end_line for x in s.content))
    s.entry.url_text = e.name
    s.content[lines[0]] = Prose(b.raw(blk.line, blk.end_line), "link", blk.line, blk.end_line)
    if texts:
        _describe(b, s.entry, texts[0])
    for image in images:
        for alt, src in _IMAGE.findall(image.markdown):
            s.entry.links.append(Link("Image", src, alt or None, image.line, inline=True))


def _is_link_line(blk: object) -> bool:
    if not (isinstance(blk, EntryList) and blk.style == STYLE_PARAGRAPH and len(blk.entries) == 1):
        return False
    e = blk.entries[0]
    return bool(e.url) and not e.description and not e.links and not e.attributes and _LINK_LINE.fullmatch(plain_text(e.name or "")) is not None


def _unquoted(markdown: str) -> str:
    """A block quote's text without its `>` markers."""
    if not markdown.lstrip().startswith(">"):
        return markdown
    return "\n".join(re.sub(r"^ {0,3}> ?", "", ln) for ln in markdown.split("\n"))
