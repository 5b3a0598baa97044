"""GitHub heading anchors: the slug a heading gets, so ToC links can be checked and written."""

from __future__ import annotations

import re
import unicodedata

# every class stops at the next opening character, so each attempt ends before the next one starts:
# linear on `[[[[…`, `<<<<…` and `](](…`
_MD_MARKUP = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)|!?\[([^\[\]]*)\]\[[^\[\]]*\]|<[^<>]+>|[*_`~]")
_KEEP = re.compile(r"[^\w\- ]", re.UNICODE)


_ANY_MARKUP = re.compile(r"[\[<*_`~\\]")  # a character every _MD_MARKUP match and escape starts with


def plain_text(markdown: str) -> str:
    """Heading or label Markdown reduced to the text a reader sees (links → their text)."""
    if not _ANY_MARKUP.search(markdown):
        return markdown.strip()  # nothing to reduce (most names)
    return _plain_text_full(markdown)


def _plain_text_full(markdown: str) -> str:
    return _unescape(_reduce(markdown)).strip()


def _reduce(markdown: str) -> str:
    """Links and images → their text; tags and emphasis marks dropped (one pass)."""
    return _MD_MARKUP.sub(lambda m: m.group(1) or m.group(2) or "", markdown)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)|!\[[^\[\]]*\]\[[^\[\]]*\]|<img\b[^<>]*>", re.I)


def heading_text(markdown: str) -> str:
    """A heading's text content as GitHub makes its anchor from it: images add nothing (a badge
    leaves the space before it), links and markup give their text; nothing is trimmed."""
    text = _IMAGE.sub("", markdown)
    for _ in range(3):  # `[![alt](img)](url)`: the image goes, then the link around it
        again = _reduce(text)
        if again == text:
            break
        text = again
    return _unescape(text)


_DROPPED = ("So", "Sk", "Cs", "Co")  # symbols (emoji, modifiers), surrogates, private use


def slugify(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces → hyphens."""
    text = heading_text(heading).lower()
    if text.isascii():  # of ASCII, only `^` and the backtick are symbols of those categories (Sk)
        text = text.replace("^", "").replace("`", "")
    else:
        text = "".join(c for c in text if unicodedata.category(c) not in _DROPPED)
    text = _KEEP.sub("", text)
    return text.replace(" ", "-")


class SlugCounter:
    """Assigns unique anchors in document order, as GitHub does (`a`, `a-1`, `a-2`)."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def add(self, heading: str) -> str:
        base = slugify(heading)
        n = self.seen.get(base)
        if n is None:
            self.seen[base] = 0
            return base
        n += 1
        self.seen[base] = n
        return f"{base}-{n}"
