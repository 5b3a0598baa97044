"""Paragraph entries: one linked line each, with `|`-separated links, and a describing list.

    [CliCR](https://aclanthology.org/N18-1140/) | [dataset](https://github.com/clips/clicr)
      - Queries built from clinical case reports

A placeholder (`| [awaiting dataset]`) is a link without its url yet; a short plain line among
such entries is an entry without a link.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from awesomelint.model import (
    STYLE_PARAGRAPH,
    Block,
    Entry,
    EntryList,
    Link,
)
from awesomelint.parse.blocks import Token
from awesomelint.parse.inline import (
    PLACEHOLDER,
    normalize_label,
    parse_head,
    split_leading_link,
)
from awesomelint.parse.shapes.common import INLINE_LINK_HINT
from awesomelint.parse.shapes.navigation import NAV_TEXT

if TYPE_CHECKING:
    from awesomelint.parse.records import RecordBuilder


_SEP_PARTS = re.compile(r"(?<![ \t])[ \t]+\|[ \t]+")


def read(b: RecordBuilder, tokens: list[Token], i: int) -> tuple[int, list[Block]] | None:
    """`[Name](url) | [dataset](url)` paragraphs, each with an optional describing list."""
    entries: list[Entry] = []
    j = i
    n = len(tokens)
    while j < n:
        tok = tokens[j]
        if tok["type"] == "blank_line":
            j += 1
            continue
        if tok["type"] != "paragraph":
            break
        k = j + 1
        described = k < n and tokens[k]["type"] == "list" and tokens[k]["line"] == tok["end_line"] + 1
        entry = _paragraph_entry(b, tok)
        if entry is None and entries:
            entry = _plain_name_entry(tok)  # among linked entries: one listed with no link (yet)
        if entry is None:
            break
        if described:
            lst = tokens[k]
            items = lst["children"]
            if not all(len(it["children"]) == 1 and it["children"][0]["type"] in ("paragraph", "block_text") for it in items):
                break
            entry.description = "\n".join(it["children"][0]["text"].strip() for it in items)
            entry.end_line = lst["end_line"]
            for it in items:
                entry.links.extend(b.inline_only(it["children"][0]["text"], it["line"]))
            k += 1
        elif entry.url is not None and not _only_links(tok["text"]):
            break
        entries.append(entry)
        j = k
    if not entries:
        return None
    _label_placeholders(entries)
    while tokens[j - 1]["type"] == "blank_line":
        j -= 1
    block = EntryList(STYLE_PARAGRAPH, entries, entries[0].line, entries[-1].end_line, loose=True)
    return j - i, [block]


def _paragraph_entry(b: RecordBuilder, tok: Token) -> Entry | None:
    text = tok["text"].rstrip("\n")
    if "\n" in text or not text.startswith("["):
        return None
    link = split_leading_link(text, b.refs)
    if link is None:
        return None
    head = parse_head(text, b.refs)
    if not head.url or head.url.startswith("#") or NAV_TEXT.search(head.name or ""):
        return None  # `[⬆ back to top](#top)`: navigation, never an entry
    entry = Entry(head.name, head.url, line=tok["line"], end_line=tok["end_line"])
    rest = link.rest.strip()
    if rest:
        if not rest.startswith("|"):
            return None
        for part in _SEP_PARTS.split(" " + rest)[1:]:
            part = part.strip()
            pl = split_leading_link(part, b.refs)
            if pl is not None and not pl.rest.strip():
                url = pl.dest if pl.dest is not None else b.refs.get(normalize_label(pl.ref or ""), {}).get("url", "")
                entry.links.append(Link(pl.text, url, None, tok["line"]))
            elif PLACEHOLDER.fullmatch(part):
                # `[awaiting dataset]`: the place of a link that has no url yet (labelled below)
                entry.links.append(Link(None, "", part[1:-1], tok["line"]))
            else:
                entry.attributes.setdefault("tags", []).append(part)
    return entry


def _label_placeholders(entries: list[Entry]) -> None:
    """A placeholder takes the label of the links it stands for: `[awaiting dataset]` among
    `[dataset](…)` links is the `dataset` link, without a url yet."""
    labels = {lk.label for e in entries for lk in e.links if lk.url and lk.label}
    for e in entries:
        for lk in e.links:
            if not lk.url and lk.text:
                words = lk.text.split()
                lk.label = next((w for w in words if w in labels), lk.text)


def _plain_name_entry(tok: Token) -> Entry | None:
    """A short one-line paragraph with no link among paragraph entries: a name without a url."""
    text = tok["text"].strip()
    if "\n" in text or len(text) > 100 or INLINE_LINK_HINT.search(text) or text[-1:] in ".:!?;," or text.startswith(("<", "#", ">", "|")):
        return None
    return Entry(text, None, line=tok["line"], end_line=tok["end_line"])


def _only_links(text: str) -> bool:
    """A one-line paragraph that is nothing but links separated by `|`."""
    parts = _SEP_PARTS.split(text.strip())
    return all(p.startswith("[") and p.rstrip().endswith(")") for p in parts)
